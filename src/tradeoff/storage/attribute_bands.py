"""A numeric account attribute in bands, as SQL: the group of a breakdown by ``attribute:KEY``
when the key holds a measure (seats, revenue).

The bands are drawn in Python (``analysis.business.attribute_numbers.bands``) over every
account's value (``attribute_counts``); each statement then maps a value to its band's label
(``band_of``), so every figure, end users above all (who are not additive over groups), is
counted per band in the database rather than summed from the values' groups.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Float, String, bindparam, case, func, literal, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from tradeoff.storage import theme_summary
from tradeoff.storage.tables import AccountRow


@dataclass(frozen=True)
class Band:
    """One band of a numeric attribute: its label ("50–199") and the texts in it."""

    label: str
    texts: tuple[str, ...]


#: A text every database casts to the number Python reads it as (no "1,200", no "$5k").
PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
#: Past this many texts, bands of plain numbers are told apart by the cuts between them
#: rather than by listing every text (a list as long as the accounts, in every statement).
LISTED_TEXTS = 1000


def band_of(value: ColumnElement[Any], bands: Sequence[Band]) -> ColumnElement[Any]:
    """The label of the band ``value`` (an attribute's text) falls in; NULL when it is in
    none (no such attribute, or a text written after the bands were drawn).

    The texts (numbers: nothing to escape) are written into the statement, not bound: a
    workspace's thousand texts would be a thousand parameters in each place the group is
    read, and the expression must read the same in a SELECT and its GROUP BY. Past
    ``LISTED_TEXTS`` plain numbers, a number is compared with the midpoints between bands
    instead (a midpoint, not a band's end, so a database that parses "0.3" one unit in the
    last place away still places it)."""
    texts = [text for band in bands for text in band.texts]
    if len(texts) <= LISTED_TEXTS or not all(PLAIN_NUMBER.fullmatch(t) for t in texts):
        return case(
            *(
                (value.in_(bindparam(None, list(b.texts), expanding=True, literal_execute=True)),
                 _inline(b.label))
                for b in bands
            )
        )  # fmt: skip
    number = PlainNumber(value)
    cuts = [
        (max(float(t) for t in low.texts) + min(float(t) for t in high.texts)) / 2
        for low, high in itertools.pairwise(bands)
    ]
    whens = [
        (number < literal(cut, Float, literal_execute=True), _inline(band.label))
        for cut, band in zip(cuts, bands[:-1], strict=True)
    ]
    return case(*whens, (number.is_not(None), _inline(bands[-1].label)))


def _inline(text: str) -> ColumnElement[str]:
    return literal(text, String, literal_execute=True)


class PlainNumber(FunctionElement[float]):
    """An attribute's text as a number when it is a plain one, else NULL: PostgreSQL would
    refuse the whole statement over one "n/a" written after the bands were drawn, so it is
    cast only when it matches ``PLAIN_NUMBER``; SQLite's cast never fails."""

    type = Float()
    name = "plain_number"
    inherit_cache = True


@compiles(PlainNumber)
def _cast_number(element: PlainNumber, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS REAL)"


@compiles(PlainNumber, "postgresql")
def _cast_plain_number(element: PlainNumber, compiler: Any, **kw: Any) -> str:
    text = compiler.process(element.clauses, **kw)
    return f"CASE WHEN {text} ~ '^-?[0-9]+([.][0-9]+)?$' THEN CAST({text} AS DOUBLE PRECISION) END"


def attribute_counts(session: Session, key: str) -> dict[str, int] | None:
    """Accounts per text of the attribute ``key``, over the whole workspace (one small
    query: an account's bands are drawn from these); None when a value is not text (a
    number written into the JSON by hand), which is then read value by value."""
    return value_counts(session, theme_summary.attribute_value(AccountRow, key))


def value_counts(session: Session, value: ColumnElement[Any]) -> dict[str, int] | None:
    """Accounts per text of ``value``, an expression over ``AccountRow`` (an attribute, or a
    measure column cast to text: ``storage.demand.Breakdown.value``); None as above."""
    counted = select(value, func.count()).where(value.is_not(None)).group_by(value)
    found = {text: count for text, count in session.execute(counted)}
    return found if all(isinstance(text, str) for text in found) else None
