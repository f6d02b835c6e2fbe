"""Revisit signals: the one grammar for "what would change this decision" (principle 8).

A signal is stored as canonical text in ``Decision.revisit_signals`` so the log stays
readable by a person and greppable by a script; this module is the only place that text is
parsed and written. It is pure: it knows nothing of the database, so the CLI, the file
reader, the demo loader and ``revisit`` all agree on what a signal means.

The grammar (keywords in any case; spaces around operators optional)::

    signal   := condition [ " -- " description ]  |  "note:" free text
    condition:= "metric" METRIC OP NUMBER [ "for" N ("period" | "periods") ]
              | ("theme" | "problem" | "opportunity") ID MEASURE OP NUMBER
              | "date" YYYY-MM-DD
    METRIC   := a word like card_decline_tickets, or a "quoted name"
    OP       := > | >= | < | <=
    MEASURE  := items | direct_items | observed_items | accounts | end_users
              | arr | pipeline | lost | churned | renewals_90 | renewals_180

>>> str(parse_signal("theme 12 accounts>=30"))
'theme 12 accounts >= 30'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum


class Operator(StrEnum):
    ABOVE = ">"
    AT_LEAST = ">="
    BELOW = "<"
    AT_MOST = "<="

    def holds(self, value: Decimal, threshold: Decimal) -> bool:
        if self is Operator.ABOVE:
            return value > threshold
        if self is Operator.AT_LEAST:
            return value >= threshold
        if self is Operator.BELOW:
            return value < threshold
        return value <= threshold


class Subject(StrEnum):
    THEME = "theme"
    PROBLEM = "problem"
    OPPORTUNITY = "opportunity"


class Measure(StrEnum):
    """What of a subject's demand a signal watches (defined in ``storage.demand``)."""

    ITEMS = "items"
    DIRECT_ITEMS = "direct_items"
    OBSERVED_ITEMS = "observed_items"
    ACCOUNTS = "accounts"
    END_USERS = "end_users"
    ARR = "arr"
    PIPELINE = "pipeline"
    LOST = "lost"
    CHURNED = "churned"
    RENEWALS_90 = "renewals_90"
    RENEWALS_180 = "renewals_180"

    @property
    def is_money(self) -> bool:
        return self in MONEY_MEASURES


MONEY_MEASURES = frozenset(
    {Measure.ARR, Measure.PIPELINE, Measure.LOST, Measure.CHURNED, Measure.RENEWALS_90,
     Measure.RENEWALS_180}
)  # fmt: skip

NOTE_PREFIX = "note:"
DESCRIPTION_MARK = "--"
_BARE_METRIC = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.]*")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class MetricSignal:
    """Fires when ``periods`` values in a row of the metric, recorded after the decision,
    all satisfy the comparison."""

    metric: str
    operator: Operator
    threshold: Decimal
    periods: int = 1
    description: str | None = None

    def __str__(self) -> str:
        name = self.metric if _BARE_METRIC.fullmatch(self.metric) else f'"{self.metric}"'
        text = f"metric {name} {self.operator} {number_text(self.threshold)}"
        if self.periods != 1:
            text += f" for {self.periods} periods"
        return _described(text, self.description)


@dataclass(frozen=True)
class DemandSignal:
    """Fires when the subject's demand, as of the day revisit looks, satisfies the comparison."""

    subject: Subject
    subject_id: int
    measure: Measure
    operator: Operator
    threshold: Decimal
    description: str | None = None

    def __str__(self) -> str:
        text = (
            f"{self.subject} {self.subject_id} {self.measure} {self.operator} "
            f"{number_text(self.threshold)}"
        )
        return _described(text, self.description)


@dataclass(frozen=True)
class DateSignal:
    """Fires on the day: the decision is looked at again whatever the figures say."""

    on: date
    description: str | None = None

    def __str__(self) -> str:
        return _described(f"date {self.on.isoformat()}", self.description)


@dataclass(frozen=True)
class NoteSignal:
    """A signal a person judges (no data can say it fired): revisit lists it to check by hand."""

    text: str

    def __str__(self) -> str:
        return f"{NOTE_PREFIX} {self.text}"


Signal = MetricSignal | DemandSignal | DateSignal | NoteSignal


class SignalSyntaxError(ValueError):
    """The text is not a signal; ``column`` is 1-based, where the reader should look."""

    def __init__(self, text: str, column: int, message: str) -> None:
        super().__init__(f"signal {text!r}, column {column}: {message}")
        self.text = text
        self.column = column
        self.message = message


def number_text(value: Decimal) -> str:
    """18 not 18.0 nor 1.8E+1: thresholds read as a person wrote them."""
    text = format(value.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


def _described(text: str, description: str | None) -> str:
    return f"{text} {DESCRIPTION_MARK} {description}" if description else text


@dataclass(frozen=True)
class _Token:
    text: str
    column: int
    quoted: bool = False


def parse_signal(text: str) -> Signal:
    """Parse one signal; raises SignalSyntaxError naming the column at fault.

    >>> parse_signal("metric card_decline_tickets > 18 for 2 periods -- two bad months")
    MetricSignal(metric='card_decline_tickets', operator=<Operator.ABOVE: '>'>, \
threshold=Decimal('18'), periods=2, description='two bad months')
    """
    stripped = text.strip()
    if stripped.lower().startswith(NOTE_PREFIX):
        note = stripped[len(NOTE_PREFIX) :].strip()
        if not note:
            raise SignalSyntaxError(text, len(text) + 1, "a note says what a person should check")
        return NoteSignal(" ".join(note.split()))
    tokens, description = _tokenize(text)
    reader = _Reader(text, tokens)
    keyword = reader.word("a kind of signal: metric, theme, problem, opportunity, date or note:")
    kind = keyword.text.lower()
    signal: Signal
    if kind == "metric":
        signal = _metric(reader, description)
    elif kind in {s.value for s in Subject}:
        signal = _demand(reader, Subject(kind), description)
    elif kind == "date":
        day = reader.word("a date like 2027-03-01")
        try:
            on = date.fromisoformat(day.text)
        except ValueError:
            raise SignalSyntaxError(
                text, day.column, f"expected a date like 2027-03-01, got {day.text!r}"
            ) from None
        signal = DateSignal(on, description)
    else:
        raise SignalSyntaxError(
            text,
            keyword.column,
            f"expected metric, theme, problem, opportunity, date or note:, got {keyword.text!r}",
        )
    reader.end()
    return signal


def is_note(text: str) -> bool:
    return text.strip().lower().startswith(NOTE_PREFIX)


def canonical(text: str) -> str:
    """The text as stored: parsed and written back, so equal signals read the same."""
    return str(parse_signal(text))


def _metric(reader: _Reader, description: str | None) -> MetricSignal:
    name = reader.word("a metric name (a word, or a name in double quotes)")
    if not name.quoted and not _BARE_METRIC.fullmatch(name.text):
        raise SignalSyntaxError(
            reader.text, name.column, f"put a metric name with spaces or signs in double quotes: "
            f"{name.text!r}"
        )  # fmt: skip
    operator, threshold = reader.comparison()
    periods = 1
    if reader.peek_word("for"):
        reader.word("for")
        count = reader.word("a number of periods")
        if not count.text.isdigit() or int(count.text) < 1:
            raise SignalSyntaxError(
                reader.text, count.column, f"expected a whole number of periods, got {count.text!r}"
            )
        periods = int(count.text)
        unit = reader.word("'periods'")
        if unit.text.lower() not in {"period", "periods"}:
            raise SignalSyntaxError(
                reader.text, unit.column, f"expected 'periods', got {unit.text!r}"
            )
    return MetricSignal(name.text, operator, threshold, periods, description)


def _demand(reader: _Reader, subject: Subject, description: str | None) -> DemandSignal:
    ident = reader.word(f"a {subject} id")
    digits = ident.text.removeprefix("#")
    if not digits.isdigit() or int(digits) < 1:
        raise SignalSyntaxError(
            reader.text, ident.column, f"expected a {subject} id (a number), got {ident.text!r}"
        )
    measure_token = reader.word("a measure")
    try:
        measure = Measure(measure_token.text.lower())
    except ValueError:
        allowed = ", ".join(m.value for m in Measure)
        raise SignalSyntaxError(
            reader.text,
            measure_token.column,
            f"expected a measure ({allowed}), got {measure_token.text!r}",
        ) from None
    operator, threshold = reader.comparison()
    return DemandSignal(subject, int(digits), measure, operator, threshold, description)


def _tokenize(text: str) -> tuple[list[_Token], str | None]:
    """Words, quoted names and operators, each with its column; `` -- `` ends the condition
    and the rest is the description."""
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif text.startswith(DESCRIPTION_MARK, i) and (i == 0 or text[i - 1].isspace()):
            description = " ".join(text[i + len(DESCRIPTION_MARK) :].split())
            return tokens, description or None
        elif char == '"':
            end = text.find('"', i + 1)
            if end == -1:
                raise SignalSyntaxError(text, i + 1, "this double quote is never closed")
            name = " ".join(text[i + 1 : end].split())
            if not name:
                raise SignalSyntaxError(text, i + 1, "the quoted name is empty")
            tokens.append(_Token(name, i + 1, quoted=True))
            i = end + 1
        elif char in "<>=!":
            start = i
            while i < len(text) and text[i] in "<>=!":
                i += 1
            tokens.append(_Token(text[start:i], start + 1))
        else:
            start = i
            while i < len(text) and not text[i].isspace() and text[i] not in '<>=!"':
                i += 1
            tokens.append(_Token(text[start:i], start + 1))
    return tokens, None


class _Reader:
    def __init__(self, text: str, tokens: list[_Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.position = 0

    def _next_column(self) -> int:
        if self.position < len(self.tokens):
            return self.tokens[self.position].column
        return len(self.text.rstrip()) + 1

    def word(self, expected: str) -> _Token:
        if self.position >= len(self.tokens):
            raise SignalSyntaxError(self.text, self._next_column(), f"expected {expected}")
        token = self.tokens[self.position]
        self.position += 1
        return token

    def peek_word(self, word: str) -> bool:
        return (
            self.position < len(self.tokens)
            and self.tokens[self.position].text.lower() == word
            and not self.tokens[self.position].quoted
        )

    def comparison(self) -> tuple[Operator, Decimal]:
        op = self.word("a comparison: >, >=, < or <=")
        try:
            operator = Operator(op.text)
        except ValueError:
            raise SignalSyntaxError(
                self.text, op.column, f"expected a comparison (>, >=, < or <=), got {op.text!r}"
            ) from None
        value = self.word("a number")
        if not _NUMBER.fullmatch(value.text):
            raise SignalSyntaxError(
                self.text, value.column, f"expected a number like 18 or 2.5, got {value.text!r}"
            )
        try:
            return operator, Decimal(value.text)
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            raise SignalSyntaxError(self.text, value.column, "not a number") from None

    def end(self) -> None:
        if self.position < len(self.tokens):
            extra = self.tokens[self.position]
            raise SignalSyntaxError(
                self.text,
                extra.column,
                f"unexpected {extra.text!r} (a description goes after ' -- ')",
            )
