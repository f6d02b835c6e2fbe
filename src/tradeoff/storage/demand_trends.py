"""The records behind demand's money figures, each with the day that places it in time.

A money trend must add up to the figure it splits, so it reads the very records behind the
figure (``demand_money.figure_members``: the same citation rules, each deal or account once)
and only adds the day each one happened:

- **lost**: a lost deal, on its close date (the figure's own ``on``);
- **pipeline** ("new pipeline"): an open deal, on the day it was created;
- **churned**: a churned account, on its churn date (the figure's own ``on``).

A record with no such day is returned with ``on = None``: it is in the figure but cannot be
placed in a period, and the trend says how many there are.

``period_sums`` answers the same question for every subject of a kind at once, in one
statement per figure: the records come from the same ``figure_rows`` query over the same
citations as ``money_sums`` (theme summary for clean themes, links for dirty ones), and the
database sums them per subject, period and currency, so no subject is read on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, case, func, null, select
from sqlalchemy.orm import Session

from tradeoff.storage.demand import DemandQuery, Figure, Member, as_day

# The citation rules and the records behind a figure are demand_money's, reused as they
# are: a second definition of "cites" here is what must never exist.
from tradeoff.storage.demand_money import (
    citation_parts,
    citations,
    figure_members,
    figure_rows,
)
from tradeoff.storage.tables import DealRow

#: The money figures a trend is drawn for, and what dates their records.
TREND_FIGURES: dict[Figure, str] = {
    Figure.LOST: "close date",
    Figure.PIPELINE: "created date",
    Figure.CHURNED: "churn date",
}
#: Ids per ``IN (...)``: far below SQLite's bound-parameter limit.
CHUNK = 2000


class DatedRecord(NamedTuple):
    """One deal or account behind a money figure, with its amount and the day it counts on."""

    id: int
    amount: Decimal | None
    currency: str | None
    on: date | None


def dated_records(session: Session, query: DemandQuery, figure: Figure) -> list[DatedRecord]:
    """The records behind ``figure`` of the one subject in ``query`` (those of
    ``dated_members``, in id order), dated for a trend, as plain rows: the largest theme's
    three figures are 65,000 records at a million items, and a member object each, with a
    second read for the pipeline's created days, took most of a second."""
    if figure not in TREND_FIGURES:
        raise ValueError(f"no money trend for {figure.value}")
    rows = figure_rows(session, query, figure, citations(session, query)).subquery("rows")
    on: Any = rows.c.on
    placed = select(rows.c.id, rows.c.amount, rows.c.currency)
    if figure is Figure.PIPELINE:
        placed = placed.join(DealRow, DealRow.id == rows.c.id)
        on = DealRow.created_at
    found = session.execute(placed.add_columns(on.label("on")).distinct().order_by(rows.c.id))
    return [
        DatedRecord(i, None if amount is None else Decimal(amount), currency, _day(day))
        for i, amount, currency, day in found
    ]


def dated_members(session: Session, query: DemandQuery, figure: Figure) -> list[Member]:
    """``figure_members`` of the one subject in ``query`` (in id order), each ``on`` the day
    a trend places it: a pipeline deal on its created date, the others on their own."""
    if figure not in TREND_FIGURES:
        raise ValueError(f"no money trend for {figure.value}")
    members = figure_members(session, query, figure)
    if figure is not Figure.PIPELINE:
        return members
    created = _created_days(session, [m.id for m in members])
    return [replace(m, on=created.get(m.id)) for m in members]


def _created_days(session: Session, deal_ids: Sequence[int]) -> dict[int, date | None]:
    found: dict[int, date | None] = {}
    for start in range(0, len(deal_ids), CHUNK):
        chunk = deal_ids[start : start + CHUNK]
        query = select(DealRow.id, DealRow.created_at).where(DealRow.id.in_(chunk))
        for deal_id, created in session.execute(query):
            found[deal_id] = _day(created)
    return found


def _day(value: datetime | date | str | None) -> date | None:
    """A day from what the driver gives: a datetime, a date, or (a column read through a
    subquery on SQLite) its ISO text."""
    if value is None or type(value) is date:
        return value
    if isinstance(value, datetime):
        return value.date()
    return as_day(value)


class PeriodSum(NamedTuple):
    """The records of one subject in one period slot and currency (``period_sums``)."""

    subject_id: int
    #: 0 … n-1: the period starting at ``starts[slot]``; -1: before ``starts[0]``; n: on or
    #: after ``end``; None: the record has no date.
    slot: int | None
    currency: str | None
    amount: Decimal | None
    records: int
    #: Of ``records``, those with an amount: a sum over none of them is unknown, not 0.
    priced: int


def period_sums(
    session: Session, query: DemandQuery, figure: Figure, starts: Sequence[date], end: date
) -> list[PeriodSum]:
    """Sums of ``figure``'s records per subject of ``query.kind``, period and currency,
    periods given by their first days (``starts``, ascending) and the day after the last
    (``end``). Problems and opportunities are split as ``money_sums`` splits them.

    Example: period_sums(session, DemandQuery(SubjectKind.THEME, day), Figure.LOST,
    [date(2026, 7, 1), date(2026, 8, 1)], date(2026, 9, 1))
    """
    if figure not in TREND_FIGURES:
        raise ValueError(f"no money trend for {figure.value}")
    found: list[PeriodSum] = []
    for part, cited in citation_parts(session, query):
        rows = figure_rows(session, part, figure, cited).subquery("rows")
        placed = select(rows.c.subject_id, rows.c.currency, rows.c.amount)
        on: Any = rows.c.on
        if figure is Figure.PIPELINE:
            placed = placed.join(DealRow, DealRow.id == rows.c.id)
            on = DealRow.created_at
        slotted = placed.add_columns(_slot(on, starts, end).label("slot")).subquery("slotted")
        # Grouped outside: PostgreSQL matches GROUP BY expressions with their parameters.
        summed = select(
            slotted.c.subject_id,
            slotted.c.slot,
            slotted.c.currency,
            func.sum(slotted.c.amount).label("amount"),
            func.count().label("records"),
            func.count(slotted.c.amount).label("priced"),
        ).group_by(slotted.c.subject_id, slotted.c.slot, slotted.c.currency)
        found += [
            PeriodSum(
                r.subject_id,
                r.slot,
                r.currency,
                None if r.amount is None else Decimal(r.amount),
                r.records,
                r.priced,
            )
            for r in session.execute(summed)
        ]
    return found


def _slot(on: Any, starts: Sequence[date], end: date) -> ColumnElement[Any]:
    """The period slot of a moment, by UTC day bounds an index could seek (no text dates)."""
    bounds = [_midnight(day) for day in (*starts, end)]
    whens: list[tuple[ColumnElement[bool], Any]] = [(on.is_(None), null()), (on < bounds[0], -1)]
    whens += [(on < bound, slot) for slot, bound in enumerate(bounds[1:])]
    return case(*whens, else_=len(starts))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)
