"""A small, safe language for ranking formulas: ``reach * impact * confidence / effort_weeks``.

A team's own formula is the shared language they argue in, so it must be easy to write and
impossible to abuse: the text is parsed with :mod:`ast` and every node is checked against a
short whitelist (numbers, field names, ``+ - * / **``, parentheses, unary minus and the
functions ``min``, ``max``, ``log``, ``sqrt``, ``abs``); nothing is ever passed to ``eval``.
An exponent must be a constant within ±10, so a formula cannot ask for 10**10**10.

One formula is evaluated two ways: :meth:`Formula.evaluate` on one item's figures, saying
why an item cannot be ranked (division by zero, log of a non-positive number), and
:meth:`Formula.evaluate_many` on numpy arrays for Monte Carlo, where such draws are NaN.

Example::

    >>> parse_formula("reach * impact / effort_weeks").evaluate(
    ...     {"reach": 40, "impact": 2, "effort_weeks": 4})
    20.0
"""

from __future__ import annotations

import ast
import difflib
import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from tradeoff.errors import InputError

FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "min": (2, None), "max": (2, None), "log": (1, 1), "sqrt": (1, 1), "abs": (1, 1),
}  # fmt: skip
MAX_EXPONENT = 10.0
MAX_LENGTH = 400
ALLOWED = "numbers, field names, + - * / **, parentheses and min, max, log, sqrt, abs"
BAD_OPERATORS = {
    ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@", ast.BitOr: "|", ast.BitAnd: "&",
    ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>",
}  # fmt: skip

Floats = NDArray[np.float64]


class NotComputable(ArithmeticError):
    """One item's figures make the formula meaningless (a zero divisor, log of 0): that item
    is listed as not rankable with this reason instead of getting a made-up score."""


@dataclass(frozen=True)
class Formula:
    """A checked formula; ``fields`` are the names it reads, in order of first use."""

    text: str
    fields: tuple[str, ...]
    tree: ast.expr = field(repr=False, compare=False)

    def evaluate(self, values: Mapping[str, float]) -> float:
        """The score of one item, or :class:`NotComputable` saying why there is none."""
        try:
            result = _scalar(self.tree, values)
        except OverflowError as exc:
            raise NotComputable("the result is too large to rank") from exc
        if not math.isfinite(result):
            raise NotComputable("the result is too large to rank")
        return result

    def evaluate_many(self, values: Mapping[str, Floats]) -> Floats:
        """Scores for arrays of figures (broadcast together); NaN where not computable."""
        shape = np.broadcast_shapes(*(np.shape(values[name]) for name in self.fields))
        with np.errstate(all="ignore"):
            result = np.broadcast_to(np.asarray(_vector(self.tree, values), float), shape)
        return np.where(np.isfinite(result), result, np.nan)


def parse_formula(text: str, known: Collection[str] | None = None) -> Formula:
    """Check ``text`` and return the formula, or raise a one-line :class:`InputError` that
    names the 1-based column: ``formula: unknown field 'reech' at column 1; ...``.

    ``known`` lists the field names a formula may use; ``None`` accepts any name.
    """
    if len(text) > MAX_LENGTH:
        raise InputError(f"formula: longer than {MAX_LENGTH} characters")
    if any(ord(c) < 32 for c in text):
        raise InputError("formula: must be one line")
    source = text.strip()
    if not source:
        raise InputError("formula: empty; write e.g. reach * impact / effort_weeks")
    shift = len(text) - len(text.lstrip())
    try:
        tree = ast.parse(source, mode="eval").body
    except SyntaxError as exc:
        reason = (exc.msg or "invalid syntax").split(". Perhaps")[0]
        if not exc.offset:  # the parser ran off the end: "reach *"
            exc.offset, reason = len(source) + 1, "it ends too soon"
        column = shift + min(exc.offset, len(source) + 1)
        raise InputError(f"formula: cannot read it at column {column} ({reason})") from None
    names: list[str] = []
    _check(tree, _Where(source, shift), names, set(known) if known is not None else None)
    return Formula(text=source, fields=tuple(dict.fromkeys(names)), tree=tree)


@dataclass(frozen=True)
class _Where:
    """Turns a node's UTF-8 byte offset into the 1-based character column a user sees."""

    source: str
    shift: int

    def column(self, byte_offset: int) -> int:
        prefix = self.source.encode()[:byte_offset].decode(errors="ignore")
        return self.shift + len(prefix) + 1

    def char(self, byte_offset: int) -> int:
        return len(self.source.encode()[:byte_offset].decode(errors="ignore"))


def _fail(subject: str, node: ast.AST, where: _Where, hint: str = "") -> InputError:
    column = where.column(getattr(node, "col_offset", 0))
    return InputError(f"formula: {subject} at column {column}" + (f"; {hint}" if hint else ""))


def _check(node: ast.expr, where: _Where, names: list[str], known: set[str] | None) -> None:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise _fail(f"{ast.unparse(node)} is not a number", node, where)
        try:
            if not math.isfinite(float(node.value)):
                raise OverflowError
        except OverflowError:
            raise _fail("a number too large", node, where) from None
    elif isinstance(node, ast.Name):
        if node.id in FUNCTIONS:
            raise _fail(f"{node.id} without ( )", node, where, f"write {node.id}(...)")
        if known is not None and node.id not in known:
            close = difflib.get_close_matches(node.id, sorted(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise InputError(
                f"formula: unknown field {node.id!r} at column "
                f"{where.column(node.col_offset)}{hint}; known fields: {', '.join(sorted(known))}"
            )
        names.append(node.id)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        _check(node.operand, where, names, known)
    elif isinstance(node, ast.BinOp):
        if type(node.op) in BAD_OPERATORS:
            symbol = BAD_OPERATORS[type(node.op)]
            start = where.char(node.left.end_col_offset or 0)
            end = where.char(node.right.col_offset)
            column = where.shift + start + where.source[start:end].find(symbol) + 1
            hint = "; use ** for powers" if symbol == "^" else f"; use {ALLOWED}"
            raise InputError(f"formula: {symbol!r} is not allowed at column {column}{hint}")
        _check(node.left, where, names, known)
        if isinstance(node.op, ast.Pow):
            _check_exponent(node.right, where)
        else:
            _check(node.right, where, names, known)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        name = node.func.id
        if name not in FUNCTIONS:
            raise _fail(f"unknown function {name!r}", node, where,
                        f"functions are {', '.join(FUNCTIONS)}")  # fmt: skip
        fewest, most = FUNCTIONS[name]
        if node.keywords or len(node.args) < fewest or (most and len(node.args) > most):
            wanted = f"{fewest}" if most == fewest else f"{fewest} or more"
            raise _fail(f"{name}() takes {wanted} argument(s)", node, where)
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise _fail("* arguments are not allowed", arg, where)
            _check(arg, where, names, known)
    else:
        shown = ast.unparse(node)
        shown = shown if len(shown) <= 30 else shown[:27] + "..."
        raise _fail(f"{shown!r} is not allowed", node, where, f"use {ALLOWED}")


def _check_exponent(node: ast.expr, where: _Where) -> None:
    """An exponent is a constant within ±10: ``reach ** 0.5`` yes, ``reach ** impact`` no."""
    used: list[str] = []
    _check(node, where, used, None)
    if used:
        raise _fail("an exponent must be a number, not a field", node, where)
    try:
        exponent = _scalar(node, {})
    except (NotComputable, OverflowError):
        exponent = math.inf
    if not abs(exponent) <= MAX_EXPONENT:
        raise _fail(f"an exponent must be within ±{MAX_EXPONENT:g}", node, where)


def _scalar(node: ast.expr, env: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant):
        return _constant(node)
    if isinstance(node, ast.Name):
        return float(env[node.id])
    if isinstance(node, ast.UnaryOp):
        value = _scalar(node.operand, env)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp):
        left, right = _scalar(node.left, env), _scalar(node.right, env)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if isinstance(node.op, ast.Div):
            if right == 0:
                raise NotComputable(f"division by zero: {ast.unparse(node.right)} is 0")
            return left / right
        if left == 0 and right < 0:
            raise NotComputable(f"division by zero: {ast.unparse(node.left)} is 0")
        if left < 0 and not float(right).is_integer():
            raise NotComputable(f"{ast.unparse(node.left)} is negative under a fractional power")
        return float(left**right)
    assert isinstance(node, ast.Call)
    assert isinstance(node.func, ast.Name)
    args = [_scalar(arg, env) for arg in node.args]
    name = node.func.id
    if name == "log" and args[0] <= 0:
        shown = ast.unparse(node.args[0])
        raise NotComputable(f"log of {shown} = {args[0]:g}, which is not positive")
    if name == "sqrt" and args[0] < 0:
        raise NotComputable(f"sqrt of {ast.unparse(node.args[0])} = {args[0]:g}, a negative")
    return SCALAR_FUNCTIONS[name](args)


def _constant(node: ast.Constant) -> float:
    assert isinstance(node.value, int | float)  # _check let nothing else through
    return float(node.value)


SCALAR_FUNCTIONS: dict[str, Callable[[list[float]], float]] = {
    "min": min, "max": max, "abs": lambda a: abs(a[0]),
    "log": lambda a: math.log(a[0]), "sqrt": lambda a: math.sqrt(a[0]),
}  # fmt: skip


def _vector(node: ast.expr, env: Mapping[str, Floats]) -> Floats:
    if isinstance(node, ast.Constant):
        return np.asarray(_constant(node))
    if isinstance(node, ast.Name):
        return np.asarray(env[node.id], dtype=float)
    if isinstance(node, ast.UnaryOp):
        value = _vector(node.operand, env)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp):
        left, right = _vector(node.left, env), _vector(node.right, env)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if isinstance(node.op, ast.Div):
            return np.where(right == 0, np.nan, left / np.where(right == 0, 1.0, right))
        # NaN for a negative base under a fractional power; also, as in _scalar, for 0 to a
        # negative power and an overflow, so that min() or max() cannot hide them
        result = np.power(left, right)
        return np.where(((left == 0) & (right < 0)) | (np.isinf(result) & np.isfinite(left)),
                        np.nan, result)  # fmt: skip
    assert isinstance(node, ast.Call)
    assert isinstance(node.func, ast.Name)
    args = [_vector(arg, env) for arg in node.args]
    name = node.func.id
    if name == "min":
        return _fold(np.minimum, args)
    if name == "max":
        return _fold(np.maximum, args)
    if name == "abs":
        return np.abs(args[0])
    if name == "log":
        return np.where(args[0] > 0, np.log(np.where(args[0] > 0, args[0], 1.0)), np.nan)
    return np.where(args[0] >= 0, np.sqrt(np.abs(args[0])), np.nan)


def _fold(op: Callable[[Floats, Floats], Floats], args: list[Floats]) -> Floats:
    result = args[0]
    for arg in args[1:]:
        result = op(result, arg)
    return result
