"""One money trend of every theme, problem or opportunity: the last few months (or quarters)
up to the ``as_of`` day, a row per subject, for the figure chosen (lost, pipeline, churned).

Each cell is the cell of that subject's own trend (``money_trends``): the same records,
placed by the same day, converted with the same rates, an amount in a currency without a
rate kept apart (never added). The database sums them per subject, period and currency in
one statement (``storage.demand_trends.period_sums``), so asking for every subject costs
about what one figure of ``demand`` costs, not one trend per subject.

Records outside the window are counted apart: ``earlier`` (dated before it), ``later``
(dated after the ``as_of`` period; none since a record dated after the ``as_of`` day is
left out of the figure, as in ``demand``, and kept for scripts that read it) and
``undated``.
Subjects with nothing in any period of the window are left out of ``rows`` and counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import Engine

from tradeoff.analysis.business.demand_time import month_of, quarter_of
from tradeoff.analysis.business.money import ZERO, Money, convert
from tradeoff.analysis.business.money_trends import MoneyPeriod, period_after
from tradeoff.errors import InputError
from tradeoff.storage.currency import base_currency, rates
from tradeoff.storage.demand import DemandQuery, Figure, SubjectKind, subjects
from tradeoff.storage.demand_trends import TREND_FIGURES, PeriodSum, period_sums
from tradeoff.storage.session import read_session
from tradeoff.storage.workspace import load_workspace_settings

#: Periods shown when none are asked for: half a year of months, a year of quarters.
DEFAULT_PERIODS = {False: 6, True: 4}
MAX_PERIODS = 120


@dataclass(frozen=True)
class Outside:
    """Records of a subject that no period of the window holds, and their amount."""

    records: int
    amount: Money
    #: Of ``records``, those with no amount.
    unpriced: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "records": self.records,
            "amount": self.amount.to_json(),
            "unpriced": self.unpriced,
        }


@dataclass(frozen=True)
class SubjectTrendRow:
    id: int
    name: str
    #: The window's periods, oldest first; the first one's change is against the period
    #: before the window, as in the subject's own trend.
    periods: tuple[MoneyPeriod, ...]
    earlier: Outside
    later: Outside
    undated: Outside

    @property
    def last(self) -> MoneyPeriod:
        return self.periods[-1]

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "periods": [p.to_json() for p in self.periods],
            "change": str(self.last.change.quantize(Decimal("0.01"))),
            "earlier": self.earlier.to_json(),
            "later": self.later.to_json(),
            "undated": self.undated.to_json(),
        }


@dataclass(frozen=True)
class MoneyTrendsAll:
    kind: SubjectKind
    figure: Figure
    dated_by: str
    base: str
    quarterly: bool
    as_of: date
    labels: tuple[str, ...]
    #: Subjects with something in the window, largest total over it first.
    rows: tuple[SubjectTrendRow, ...]
    #: Subjects of the kind with nothing in any period of the window.
    left_out: int

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "figure": self.figure.value,
            "dated_by": self.dated_by,
            "base_currency": self.base,
            "period": "quarter" if self.quarterly else "month",
            "as_of": self.as_of.isoformat(),
            "periods": list(self.labels),
            "subjects": [r.to_json() for r in self.rows],
            "left_out": self.left_out,
        }


def money_trends_all(
    engine: Engine,
    kind: SubjectKind,
    figure: Figure = Figure.LOST,
    *,
    quarterly: bool = False,
    periods: int | None = None,
    as_of: date | None = None,
) -> MoneyTrendsAll:
    """``figure`` of every subject of ``kind`` over the last ``periods`` months (quarters)
    ending with the ``as_of`` day's, largest total over the window first.

    Example: money_trends_all(engine, SubjectKind.THEME, Figure.LOST, quarterly=True).rows[0]
    """
    if figure not in TREND_FIGURES:
        raise InputError(f"no money trend of {figure.value}: use lost, pipeline or churned")
    count = DEFAULT_PERIODS[quarterly] if periods is None else periods
    if not 1 <= count <= MAX_PERIODS:
        raise InputError(f"--periods must be from 1 to {MAX_PERIODS}, not {count}")
    day = as_of or datetime.now(UTC).date()
    # One period more than shown: the first shown period's change is against it.
    starts = period_starts(day, count + 1, quarterly=quarterly)
    end = _step(starts[-1], 3 if quarterly else 1)
    with read_session(engine) as session:
        named = subjects(session, kind)
        settings = load_workspace_settings(session)
        base, known = base_currency(session), rates(session)
        query = DemandQuery(kind=kind, as_of=day, churn_window_days=settings.churn_window_days)
        sums = period_sums(session, query, figure, starts, end)
    label = quarter_of if quarterly else month_of
    labels = tuple(label(s) for s in starts[1:])
    per_subject: dict[int, list[PeriodSum]] = {}
    for row in sums:
        if row.subject_id in named:
            per_subject.setdefault(row.subject_id, []).append(row)
    rows = [
        _row(subject_id, named[subject_id], found, labels, known, base)
        for subject_id, found in per_subject.items()
    ]
    shown = sorted(
        (r for r in rows if any(_holds_money(p) for p in r.periods)),
        # The window's total first: the last period is often the current, partial one.
        key=lambda r: (
            -sum(p.amount.amount for p in r.periods),
            -r.last.amount.amount,
            r.name,
            r.id,
        ),
    )
    return MoneyTrendsAll(
        kind=kind,
        figure=figure,
        dated_by=TREND_FIGURES[figure],
        base=base,
        quarterly=quarterly,
        as_of=day,
        labels=labels,
        rows=tuple(shown),
        left_out=len(named) - len(shown),
    )


def _holds_money(period: MoneyPeriod) -> bool:
    """Money converted or not, or records whose amount is unknown: a subject whose lost
    deals have no amount is shown ("no amount"), never left out as if it lost nothing."""
    return bool(period.amount.amount or period.amount.unconverted or period.unknown)


def period_starts(as_of: date, count: int, *, quarterly: bool) -> list[date]:
    """The first days of the ``count`` periods ending with ``as_of``'s, oldest first."""
    step = 3 if quarterly else 1
    first = date(as_of.year, (as_of.month - 1) // step * step + 1, 1)
    return [_step(first, -step * back) for back in range(count - 1, -1, -1)]


def _step(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _row(
    subject_id: int,
    name: str,
    found: Iterable[PeriodSum],
    labels: Sequence[str],
    known: Mapping[str, Decimal],
    base: str,
) -> SubjectTrendRow:
    """Slot 0 is the hidden period before the window; 1 … n the window; n + 1 later."""
    sums: dict[int | None, dict[str | None, Decimal]] = {}
    counts: dict[int | None, int] = {}
    unpriced: dict[int | None, int] = {}
    for row in found:
        # The hidden period is "earlier" too, and kept on its own for the first change.
        for slot in (-1, 0) if row.slot == 0 else (row.slot,):
            counts[slot] = counts.get(slot, 0) + row.records
            unpriced[slot] = unpriced.get(slot, 0) + row.records - row.priced
            if row.amount is not None:
                per = sums.setdefault(slot, {})
                per[row.currency] = per.get(row.currency, ZERO) + row.amount

    def money(slot: int | None) -> Money:
        return convert(sums.get(slot, {}), known, base)

    def outside(slot: int | None) -> Outside:
        return Outside(counts.get(slot, 0), money(slot), unpriced.get(slot, 0))

    previous = MoneyPeriod("", money(0), counts.get(0, 0), ZERO, unpriced.get(0, 0))
    periods = []
    for slot, label in enumerate(labels, start=1):
        cell = period_after(
            previous, label, money(slot), counts.get(slot, 0), unpriced.get(slot, 0)
        )
        periods.append(cell)
        previous = cell
    return SubjectTrendRow(
        subject_id,
        name,
        tuple(periods),
        earlier=outside(-1),
        later=outside(len(labels) + 1),
        undated=outside(None),
    )
