"""The period a brief covers and the day it is read at, checked once for every room."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tradeoff.domain.rules import RuleViolation, quarter
from tradeoff.errors import InputError
from tradeoff.strategy.progress import quarter_bounds, quarter_of


@dataclass(frozen=True)
class Window:
    period: str
    start: date
    end: date
    as_of: date


def window(period: str | None, as_of: date | None) -> Window:
    """``period`` (a quarter like 2026Q4; default the as-of day's) seen at ``as_of``
    (default today).

    >>> window("2026q4", date(2026, 11, 15)).end
    datetime.date(2026, 12, 31)
    """
    day = as_of or date.today()
    try:
        chosen = quarter("period", period) or quarter_of(day)
    except RuleViolation:
        raise InputError(f"--period must be a quarter like 2026Q4, got {period!r}") from None
    start, end = quarter_bounds(chosen)
    return Window(chosen, start, end, day)
