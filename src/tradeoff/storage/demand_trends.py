"""The records behind demand's money figures, each with the day that places it in time.

A money trend must add up to the figure it splits, so it reads the very records behind the
figure (``demand_money.figure_members``: the same citation rules, each deal or account once)
and only adds the day each one happened:

- **lost**: a lost deal, on its close date (the figure's own ``on``);
- **pipeline** ("new pipeline"): an open deal, on the day it was created;
- **churned**: a churned account, on its churn date (the figure's own ``on``).

A record with no such day is returned with ``on = None``: it is in the figure but cannot be
placed in a period, and the trend says how many there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.storage.demand import DemandQuery, Figure
from tradeoff.storage.demand_money import figure_members
from tradeoff.storage.tables import DealRow

#: The money figures a trend is drawn for, and what dates their records.
TREND_FIGURES: dict[Figure, str] = {
    Figure.LOST: "close date",
    Figure.PIPELINE: "created date",
    Figure.CHURNED: "churn date",
}
#: Ids per ``IN (...)``: far below SQLite's bound-parameter limit.
CHUNK = 2000


@dataclass(frozen=True)
class DatedRecord:
    """One deal or account behind a money figure, with its amount and the day it counts on."""

    id: int
    amount: Decimal | None
    currency: str | None
    on: date | None


def dated_records(session: Session, query: DemandQuery, figure: Figure) -> list[DatedRecord]:
    """The records behind ``figure`` of the one subject in ``query``, dated for a trend."""
    if figure not in TREND_FIGURES:
        raise ValueError(f"no money trend for {figure.value}")
    members = figure_members(session, query, figure)
    days = {m.id: m.on for m in members}
    if figure is Figure.PIPELINE:
        days = _created_days(session, [m.id for m in members])
    return [DatedRecord(m.id, m.amount, m.currency, days.get(m.id)) for m in members]


def _created_days(session: Session, deal_ids: Sequence[int]) -> dict[int, date | None]:
    found: dict[int, date | None] = {}
    for start in range(0, len(deal_ids), CHUNK):
        chunk = deal_ids[start : start + CHUNK]
        query = select(DealRow.id, DealRow.created_at).where(DealRow.id.in_(chunk))
        for deal_id, created in session.execute(query):
            found[deal_id] = _day(created)
    return found


def _day(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value
