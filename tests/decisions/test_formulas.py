"""The ranking-formula language: what it computes, what it refuses (with the column), and
that its scalar and numpy evaluations agree."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.decisions.formulas import NotComputable, parse_formula
from tradeoff.errors import InputError

KNOWN = ["reach", "impact", "confidence", "effort_weeks", "accounts", "renewals_90"]


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("reach * impact * confidence / effort_weeks", {"reach": 40, "impact": 2,
         "confidence": 0.8, "effort_weeks": 4}, 16.0),
        ("max(reach, accounts) - min(reach, accounts)", {"reach": 40, "accounts": 55}, 15.0),
        ("sqrt(16) + abs(-3) + log(1)", {}, 7.0),
        ("-reach ** 2", {"reach": 3}, -9.0),  # Python's precedence: -(3 ** 2)
        ("2 ** -1 + +reach", {"reach": 1}, 1.5),
        ("(reach + 1) * 2", {"reach": 4}, 10.0),
        ("renewals_90 / 1e6", {"renewals_90": 2_500_000}, 2.5),
        ("reach ** (1/2)", {"reach": 81}, 9.0),
    ],
)  # fmt: skip
def test_evaluates_by_hand(text: str, values: dict[str, float], expected: float) -> None:
    assert parse_formula(text, KNOWN).evaluate(values) == pytest.approx(expected)


def test_fields_in_order_of_first_use() -> None:
    formula = parse_formula("  impact * reach / max(reach, effort_weeks)", KNOWN)
    assert formula.fields == ("impact", "reach", "effort_weeks")
    assert formula.text == "impact * reach / max(reach, effort_weeks)"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("reech * impact", "formula: unknown field 'reech' at column 1 (did you mean 'reach'?); "
         "known fields: accounts, confidence, effort_weeks, impact, reach, renewals_90"),
        ("impact * zzz", "formula: unknown field 'zzz' at column 10; known fields: accounts, "
         "confidence, effort_weeks, impact, reach, renewals_90"),
        ("reach % 2", "formula: '%' is not allowed at column 7; use numbers, field names, "
         "+ - * / **, parentheses and min, max, log, sqrt, abs"),
        ("reach ^ 2", "formula: '^' is not allowed at column 7; use ** for powers"),
        ("reach ** impact", "formula: an exponent must be a number, not a field at column 10"),
        ("reach ** 11", "formula: an exponent must be within ±10 at column 10"),
        ("9 ** 9 ** 9", "formula: an exponent must be within ±10 at column 6"),
        ("reach *", "formula: cannot read it at column 8 (it ends too soon)"),
        ("(reach", "formula: cannot read it at column 1 ('(' was never closed)"),
        ("", "formula: empty; write e.g. reach * impact / effort_weeks"),
        ("reach\n+ 1", "formula: must be one line"),
        ("log", "formula: log without ( ) at column 1; write log(...)"),
        ("exp(reach)", "formula: unknown function 'exp' at column 1; functions are min, max, "
         "log, sqrt, abs"),
        ("min(reach)", "formula: min() takes 2 or more argument(s) at column 1"),
        ("sqrt(reach, impact)", "formula: sqrt() takes 1 argument(s) at column 1"),
        ("1e999 * reach", "formula: a number too large at column 1"),
        ("'reach'", "formula: 'reach' is not a number at column 1"),
        ("reach if impact else 0", "formula: 'reach if impact else 0' is not allowed at "
         "column 1; use numbers, field names, + - * / **, parentheses and min, max, log, sqrt, "
         "abs"),
        ("reach < impact", "formula: 'reach < impact' is not allowed at column 1; use numbers, "
         "field names, + - * / **, parentheses and min, max, log, sqrt, abs"),
        ("  x.y", "formula: 'x.y' is not allowed at column 3; use numbers, field names, "
         "+ - * / **, parentheses and min, max, log, sqrt, abs"),
    ],
)  # fmt: skip
def test_refuses_with_a_one_line_message(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_formula(text, KNOWN)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('true')",
        "reach.__class__",
        "[reach for reach in impact]",
        "lambda: 1",
        "open('x')",
        "reach[0]",
        "(reach := 1)",
        "True + reach",
        "f'{reach}'",
        "abs(*impact)",
        "min(reach, key=impact)",
        "x" * 401,
    ],
)
def test_nothing_outside_the_whitelist_gets_through(text: str) -> None:
    with pytest.raises(InputError):
        parse_formula(text)


@pytest.mark.parametrize(
    ("text", "values", "reason"),
    [
        ("reach / effort_weeks", {"reach": 1, "effort_weeks": 0},
         "division by zero: effort_weeks is 0"),
        ("log(reach - 5)", {"reach": 5}, "log of reach - 5 = 0, which is not positive"),
        ("sqrt(impact)", {"impact": -4}, "sqrt of impact = -4, a negative"),
        ("reach ** -1", {"reach": 0}, "division by zero: reach is 0"),
        ("impact ** 0.5", {"impact": -1}, "impact is negative under a fractional power"),
        ("reach * 1e308 * 10", {"reach": 10}, "the result is too large to rank"),
        ("reach ** 10", {"reach": 1e300}, "the result is too large to rank"),
    ],
)  # fmt: skip
def test_meaningless_figures_are_not_computable(
    text: str, values: dict[str, float], reason: str
) -> None:
    with pytest.raises(NotComputable) as caught:
        parse_formula(text).evaluate(values)
    assert str(caught.value) == reason


def test_evaluate_many_gives_nan_where_not_computable() -> None:
    formula = parse_formula("reach / effort_weeks + log(impact)")
    result = formula.evaluate_many(
        {
            "reach": np.array([8.0, 8.0, 8.0]),
            "effort_weeks": np.array([4.0, 0.0, 2.0]),
            "impact": np.array(1.0),
        }
    )
    assert result.shape == (3,)
    assert result[0] == 2.0
    assert math.isnan(result[1])
    assert result[2] == 4.0


# --- the scalar and the numpy evaluation agree on any formula ------------------------------

FIELDS = ("a", "b", "c")
leaves = st.sampled_from(["a", "b", "c", "0", "1", "2.5", "-3"])


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binary = st.tuples(children, st.sampled_from(["+", "-", "*", "/"]), children).map(
        lambda t: f"({t[0]} {t[1]} {t[2]})"
    )
    call = st.tuples(st.sampled_from(["log", "sqrt", "abs"]), children).map(
        lambda t: f"{t[0]}({t[1]})"
    )
    pair = st.tuples(st.sampled_from(["min", "max"]), children, children).map(
        lambda t: f"{t[0]}({t[1]}, {t[2]})"
    )
    power = st.tuples(children, st.sampled_from(["2", "0.5", "-1", "3"])).map(
        lambda t: f"({t[0]}) ** {t[1]}"
    )
    return binary | call | pair | power


formulas = st.recursive(leaves, _combine, max_leaves=12)
numbers = st.sampled_from([-4.0, -1.5, 0.0, 0.5, 1.0, 3.0, 7.25])


@settings(max_examples=300, deadline=None)
@given(formulas, st.lists(st.tuples(numbers, numbers, numbers), min_size=1, max_size=6))
def test_scalar_and_vector_evaluation_agree(text: str, rows: list[tuple[float, ...]]) -> None:
    formula = parse_formula(text, FIELDS)
    columns = {name: np.array([row[i] for row in rows]) for i, name in enumerate(FIELDS)}
    many = np.broadcast_to(formula.evaluate_many({n: columns[n] for n in FIELDS}), (len(rows),))
    for k, row in enumerate(rows):
        try:
            one = formula.evaluate(dict(zip(FIELDS, row, strict=True)))
        except NotComputable:
            assert math.isnan(many[k]), text
        else:
            assert many[k] == pytest.approx(one, rel=1e-9, abs=1e-12), text
