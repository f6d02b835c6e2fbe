"""Money trends of one theme, problem or opportunity: lost revenue by the month (or
quarter) deals closed, new pipeline by the month deals were created, churned ARR by the
month accounts churned, each period with its change against the one before.

The records are exactly those behind demand's figures (``storage.demand_trends``), so the
periods of a trend add up to the figure, less the records that have no date (counted apart
as ``undated``). Money is converted to the base currency with the workspace's rates per
period; an amount in a currency without a rate is listed apart, never added, and the change
is of the converted amounts only (``Money.unconverted`` says what was left out). A record
with no amount is counted (``unpriced``), never summed as zero: a period none of whose
records has an amount, or whose every amount has no rate, has no figure (``unknown``), and
a change against it is not known either (``change_known``). Every period from the first
dated record to the ``as_of`` day is listed, empty ones too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.analysis.business.demand_time import month_of, quarter_of
from tradeoff.analysis.business.demand_time import periods as period_labels
from tradeoff.analysis.business.money import ZERO, Money, convert
from tradeoff.analysis.business.money_words import unknown
from tradeoff.errors import InputError, NotFound
from tradeoff.storage.currency import base_currency, rates
from tradeoff.storage.demand import DemandQuery, Figure, Member, SubjectKind, subjects
from tradeoff.storage.demand_trends import (
    TREND_FIGURES,
    DatedRecord,
    dated_members,
    dated_records,
)
from tradeoff.storage.member_records import with_records
from tradeoff.storage.session import read_session
from tradeoff.storage.workspace import load_workspace_settings


@dataclass(frozen=True)
class MoneyPeriod:
    period: str
    amount: Money
    #: Deals or accounts dated in this period (with an amount or not).
    records: int
    #: ``amount`` less the previous period's (the first period: its own amount).
    change: Decimal
    #: Of ``records``, those with no amount: counted, never summed as zero.
    unpriced: int = 0
    #: False when this period or the one before has no figure in the base currency (no
    #: record with an amount, or only amounts without a rate): ``change`` is then against
    #: an unknown, not a zero.
    change_known: bool = True

    @property
    def unknown(self) -> bool:
        """No figure in the base currency (``money_words.unknown``): never a 0."""
        return unknown(self.amount, self.records, self.records - self.unpriced)

    def to_json(self) -> dict[str, object]:
        return {
            "period": self.period,
            "amount": self.amount.to_json(),
            "records": self.records,
            "change": str(self.change.quantize(Decimal("0.01"))),
            "unpriced": self.unpriced,
            "change_known": self.change_known,
        }


@dataclass(frozen=True)
class MoneyTrend:
    figure: Figure
    dated_by: str
    periods: tuple[MoneyPeriod, ...]
    #: Records in the figure with no date to place them (and their amount).
    undated: int
    undated_amount: Money
    #: Of ``undated``, those with no amount.
    undated_unpriced: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "figure": self.figure.value,
            "dated_by": self.dated_by,
            "periods": [p.to_json() for p in self.periods],
            "undated": self.undated,
            "undated_amount": self.undated_amount.to_json(),
            "undated_unpriced": self.undated_unpriced,
        }


@dataclass(frozen=True)
class SubjectMoneyTrends:
    kind: SubjectKind
    id: int
    name: str
    base: str
    quarterly: bool
    trends: tuple[MoneyTrend, ...]
    as_of: date

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "id": self.id,
            "name": self.name,
            "base_currency": self.base,
            "period": "quarter" if self.quarterly else "month",
            "as_of": self.as_of.isoformat(),
            "trends": [t.to_json() for t in self.trends],
        }


def money_trends(
    engine: Engine,
    kind: SubjectKind,
    subject_id: int,
    *,
    quarterly: bool = False,
    as_of: date | None = None,
) -> SubjectMoneyTrends:
    """Lost revenue, new pipeline and churned ARR of one subject, per month or quarter.

    Example: money_trends(engine, SubjectKind.THEME, 3, quarterly=True).trends[0].periods
    """
    day = as_of or datetime.now(UTC).date()
    with read_session(engine) as session:
        query, name = _one_subject(session, kind, subject_id, day)
        base, known = base_currency(session), rates(session)
        found = {f: dated_records(session, query, f) for f in TREND_FIGURES}
    dated = [r.on for records in found.values() for r in records if r.on is not None]
    axis = _axis(dated, day, quarterly=quarterly)
    trends = tuple(
        _trend(figure, records, axis, known, base, quarterly=quarterly)
        for figure, records in found.items()
    )
    return SubjectMoneyTrends(kind, subject_id, name, base, quarterly, trends, day)


def _one_subject(
    session: Session, kind: SubjectKind, subject_id: int, day: date
) -> tuple[DemandQuery, str]:
    """The demand query of one subject as of ``day``, and its name; NotFound when there is
    no such subject."""
    named = subjects(session, kind, [subject_id])
    if subject_id not in named:
        active = " active" if kind is SubjectKind.THEME else ""
        raise NotFound(f"no{active} {kind.value} with id {subject_id}")
    settings = load_workspace_settings(session)
    query = DemandQuery(
        kind=kind,
        as_of=day,
        subject_ids=(subject_id,),
        churn_window_days=settings.churn_window_days,
    )
    return query, named[subject_id]


def _axis(days: Sequence[date], as_of: date, *, quarterly: bool) -> list[str]:
    """Every period label from the first dated record to the last one or ``as_of``."""
    if not days:
        return []
    return [p.period for p in period_labels(dict.fromkeys(days, 1), as_of, quarterly=quarterly)]


def _trend(
    figure: Figure,
    records: Iterable[DatedRecord],
    axis: Sequence[str],
    known: Mapping[str, Decimal],
    base: str,
    *,
    quarterly: bool,
) -> MoneyTrend:
    label = quarter_of if quarterly else month_of
    sums: dict[str | None, dict[str | None, Decimal]] = {}
    counts: dict[str | None, int] = {}
    unpriced: dict[str | None, int] = {}
    for record in records:
        period = None if record.on is None else label(record.on)  # None: undated
        counts[period] = counts.get(period, 0) + 1
        if record.amount is None:
            unpriced[period] = unpriced.get(period, 0) + 1
        else:
            target = sums.setdefault(period, {})
            target[record.currency] = target.get(record.currency, ZERO) + record.amount
    result = []
    previous: MoneyPeriod | None = None
    for period in axis:
        money = convert(sums.get(period, {}), known, base)
        result.append(
            period_after(previous, period, money, counts.get(period, 0), unpriced.get(period, 0))
        )
        previous = result[-1]
    return MoneyTrend(
        figure,
        TREND_FIGURES[figure],
        tuple(result),
        counts.get(None, 0),
        convert(sums.get(None, {}), known, base),
        unpriced.get(None, 0),
    )


def period_after(
    previous: MoneyPeriod | None, period: str, money: Money, records: int, unpriced: int
) -> MoneyPeriod:
    """The period following ``previous`` (None: the first, its change its own amount); its
    change is unknown when either has no figure in the base currency."""
    cell = MoneyPeriod(period, money, records, ZERO, unpriced)
    before = ZERO if previous is None else previous.amount.amount
    known_before = previous is None or not previous.unknown
    return replace(
        cell, change=money.amount - before, change_known=known_before and not cell.unknown
    )


#: A month (2026-09) or a quarter (2026-Q3), as the trends label their periods.
PERIOD = re.compile(r"\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])")


def trend_members(
    engine: Engine,
    kind: SubjectKind,
    subject_id: int,
    figure: Figure,
    period: str,
    *,
    as_of: date | None = None,
) -> list[Member]:
    """The records behind one cell of a money trend: the deals or accounts of ``figure``
    that the trend places in ``period`` (``2026-09`` or ``2026-Q3``), each with the day
    that places it (lost: closed, pipeline: created, churned: churned), in id order.
    No number without its evidence, a trend's cells included.

    Example: trend_members(engine, SubjectKind.THEME, 3, Figure.PIPELINE, "2026-Q3")
    """
    if figure not in TREND_FIGURES:
        choices = ", ".join(f.value for f in TREND_FIGURES)
        raise InputError(f"a money trend has {choices}, not {figure.value}")
    if PERIOD.fullmatch(period) is None:
        raise InputError(f"a period is a month (2026-09) or a quarter (2026-Q3), not {period!r}")
    day = as_of or datetime.now(UTC).date()
    label = quarter_of if "Q" in period else month_of
    with read_session(engine) as session:
        query, _name = _one_subject(session, kind, subject_id, day)
        members = dated_members(session, query, figure)
        placed = [m for m in members if m.on is not None and label(m.on) == period]
        return with_records(session, figure, placed)
