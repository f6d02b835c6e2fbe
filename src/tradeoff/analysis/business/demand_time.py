"""Time in demand: age decay, staleness, and counts per month and quarter.

Ages are whole days between an item's UTC calendar day and the ``as_of`` day, so the same
evidence and the same ``as_of`` always give the same weights, whatever the hour.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class PeriodCount:
    """Items in one month (``2026-09``) or quarter (``2026-Q3``), and the change against the
    period before (zero before the first item, so the first period's change is its count)."""

    period: str
    items: int
    change: int


def decay_weight(day: date, as_of: date, half_life_days: int) -> float:
    """0.5 ** (age / half-life): an item one half-life old counts half. Items dated after
    ``as_of`` never reach here (storage leaves them out)."""
    return float(0.5 ** (max((as_of - day).days, 0) / half_life_days))


def decayed(counts: Mapping[date, int], as_of: date, half_life_days: int) -> float:
    return sum(n * decay_weight(day, as_of, half_life_days) for day, n in counts.items())


def is_stale(last_seen: date | None, as_of: date, half_life_days: int) -> bool:
    """All evidence older than the half-life: demand that may have moved on."""
    return last_seen is not None and (as_of - last_seen).days > half_life_days


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def quarter_of(day: date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def filling_period(as_of: date, *, quarterly: bool) -> str | None:
    """The period holding ``as_of`` when days of it remain after ``as_of``: its figures are
    still coming in, so a fall against the period before may be only the days not lived."""
    label = quarter_of if quarterly else month_of
    following = as_of + timedelta(days=1)
    return label(as_of) if label(following) == label(as_of) else None


def periods(counts: Mapping[date, int], as_of: date, *, quarterly: bool) -> tuple[PeriodCount, ...]:
    """Every period from the first item's to ``as_of``'s, empty ones included: a theme that
    went quiet shows its quiet periods."""
    if not counts:
        return ()
    label = quarter_of if quarterly else month_of
    per: dict[str, int] = {}
    for day, n in counts.items():
        per[label(day)] = per.get(label(day), 0) + n
    result: list[PeriodCount] = []
    previous = 0
    for period in _labels(min(counts), max(max(counts), as_of), quarterly=quarterly):
        items = per.get(period, 0)
        result.append(PeriodCount(period, items, items - previous))
        previous = items
    return tuple(result)


def _labels(first: date, last: date, *, quarterly: bool) -> Iterable[str]:
    step = 3 if quarterly else 1
    year, month = first.year, (first.month - 1) // step * step + 1
    while (year, month) <= (last.year, last.month):
        yield quarter_of(date(year, month, 1)) if quarterly else f"{year:04d}-{month:02d}"
        month += step
        if month > 12:
            year, month = year + 1, month - 12
