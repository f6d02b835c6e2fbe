"""Time in demand: age decay, staleness, and counts per month and quarter.

Ages are whole days between an item's UTC calendar day and the ``as_of`` day, so the same
evidence and the same ``as_of`` always give the same weights, whatever the hour.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from operator import sub
from typing import NamedTuple

from tradeoff.storage.demand import DayCount, MonthCount, still_filling
from tradeoff.storage.demand import month_of as month_of  # re-exported: money trends use it


class PeriodCount(NamedTuple):
    """Items in one month (``2026-09``) or quarter (``2026-Q3``), and the change against the
    period before (zero before the first item, so the first period's change is its count)."""

    period: str
    items: int
    change: int


def decay_weight(day: date, as_of: date, half_life_days: int) -> float:
    """0.5 ** (age / half-life): an item one half-life old counts half. Items dated after
    ``as_of`` never reach here (storage leaves them out)."""
    return float(0.5 ** (max((as_of - day).days, 0) / half_life_days))


#: Decay weights are whole multiples of 1 / WEIGHT_SCALE, so a decayed count is an exact
#: integer sum, the same whatever the order or place it is added up in: Python over day rows
#: or the database over (subject, month) rows (``storage.subject_filed``). Off by at most
#: half of 1e-12 per item from the float weight; fits 64-bit sums up to 9 million items a
#: month.
WEIGHT_SCALE = 10**12


def scaled_weight(day: date, as_of: date, half_life_days: int) -> int:
    """``decay_weight`` in units of 1 / WEIGHT_SCALE."""
    return round(decay_weight(day, as_of, half_life_days) * WEIGHT_SCALE)


def decayed(counts: Mapping[date, int], as_of: date, half_life_days: int) -> float:
    total = sum(n * scaled_weight(day, as_of, half_life_days) for day, n in counts.items())
    return total / WEIGHT_SCALE


def weight_horizon(half_life_days: int) -> int:
    """Days of age past which a scaled weight rounds to 0 (2 ** -41 < 0.5e-12)."""
    return 41 * half_life_days


def is_stale(last_seen: date | None, as_of: date, half_life_days: int) -> bool:
    """All evidence older than the half-life: demand that may have moved on."""
    return last_seen is not None and (as_of - last_seen).days > half_life_days


def quarter_of(day: date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


@lru_cache(maxsize=4096)
def _label(year: int, month: int, quarterly: bool) -> str:
    """A period's label, made once: every subject of a demand call lists the same periods."""
    return quarter_of(date(year, month, 1)) if quarterly else f"{year:04d}-{month:02d}"


def filling_period(as_of: date, *, quarterly: bool) -> str | None:
    """The period holding ``as_of`` when days of it remain after ``as_of``
    (``storage.demand.still_filling``)."""
    return still_filling(as_of, quarter_of if quarterly else month_of)


def periods(counts: Mapping[date, int], as_of: date, *, quarterly: bool) -> tuple[PeriodCount, ...]:
    """Every period from the first item's to ``as_of``'s, empty ones included: a theme that
    went quiet shows its quiet periods."""
    if not counts:
        return ()
    first, last = min(counts), max(max(counts), as_of)
    labels = _labels(first.year, first.month, last.year, last.month, quarterly)
    # Each day's period found by arithmetic on month numbers: a breakdown lists these for
    # thousands of (subject, group) pairs.
    step = 3 if quarterly else 1
    start = first.year * 12 + (first.month - 1) // step * step
    items = [0] * len(labels)
    for day, n in counts.items():
        items[(day.year * 12 + day.month - 1 - start) // step] += n
    return tuple(map(PeriodCount, labels, items, map(sub, items, [0, *items[:-1]])))


@lru_cache(maxsize=4096)
def _labels(
    first_year: int, first_month: int, last_year: int, last_month: int, quarterly: bool
) -> tuple[str, ...]:
    """The periods' labels from the first month's to the last's, made once: a breakdown
    lists the same span for thousands of (subject, group) pairs."""
    step = 3 if quarterly else 1
    year, month = first_year, (first_month - 1) // step * step + 1
    found = []
    while (year, month) <= (last_year, last_month):
        found.append(_label(year, month, quarterly))
        month += step
        if month > 12:
            year, month = year + 1, month - 12
    return tuple(found)


def fold_days(days: Iterable[DayCount], as_of: date, half_life_days: int) -> list[MonthCount]:
    """Day rows folded into month rows exactly as the database folds them for problems and
    opportunities (``storage.subject_filed``), so every reader gets the same figures."""
    folded: dict[tuple[int, str | None, date], MonthCount] = {}
    for row in days:
        key = (row.subject_id, row.group, row.day.replace(day=1))
        weighted = row.items * scaled_weight(row.day, as_of, half_life_days)
        seen = folded.get(key)
        if seen is None:
            folded[key] = MonthCount(
                *key, row.items, row.observed, row.proxy, row.day, row.day, weighted
            )
        else:
            folded[key] = MonthCount(
                *key,
                seen.items + row.items,
                seen.observed + row.observed,
                seen.proxy + row.proxy,
                min(seen.first, row.day),
                max(seen.last, row.day),
                seen.weighted + weighted,
            )
    return list(folded.values())
