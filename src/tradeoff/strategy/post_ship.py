"""The post-ship check: did the metric a shipped item (or decision) names move, and which way?

For a ship date and a metric, the whole business's values in the ``window_weeks`` (8 by
default) before it (``ship − window ≤ day < ship``) are compared with those in the window
from it (``ship ≤ day < ship + window``; a value dated the ship day measures the shipped
product). The rule, chosen to be honest about noise:

- fewer than ``MIN_POINTS`` (3) values on either side → **not enough data**;
- the change (after mean − before mean) is "clear" when it is larger than twice its standard
  error, ``2 × √(s_b²/n_b + s_a²/n_a)`` with ``s`` the sample standard deviation of each
  side (a two-sample test at roughly 95 %); otherwise → **no clear change**;
- a clear change in the metric's good direction → **moved the way it should**, in the other
  → **moved the wrong way**.

What it cannot say: the comparison is of levels, not of a counterfactual. A trend already
under way before the ship date, a season or another launch in the same weeks moves the
after-mean too; the values are shown beside the verdict so a reader can see that.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from tradeoff.domain.enums import MetricDirection
from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.errors import InputError
from tradeoff.storage import metrics, repository

DEFAULT_WINDOW_WEEKS = 8
MIN_POINTS = 3
#: A change is clear beyond this many standard errors of the difference of the means.
CLEAR_AT = 2.0


class Verdict(StrEnum):
    MOVED_RIGHT = "moved the way it should"
    MOVED_WRONG = "moved the wrong way"
    NO_CLEAR_CHANGE = "no clear change"
    NOT_ENOUGH_DATA = "not enough data"


@dataclass(frozen=True)
class Side:
    """One window's values and their summary (``None`` figures when it has no values)."""

    first_day: date
    last_day: date
    values: tuple[MetricValue, ...]
    mean: float | None
    stdev: float | None


@dataclass(frozen=True)
class PostShipCheck:
    metric: MetricDefinition
    shipped_on: date
    window_weeks: int
    before: Side
    after: Side
    #: after mean − before mean, and that as a share of the before mean (None at 0).
    change: float | None
    change_share: float | None
    #: The standard error of ``change``; the change is clear beyond ``CLEAR_AT`` of them.
    standard_error: float | None
    verdict: Verdict


def post_ship_check(
    session: Session,
    metric_id: int,
    shipped_on: date,
    *,
    window_weeks: int = DEFAULT_WINDOW_WEEKS,
) -> PostShipCheck:
    """The check for ``metric_id`` around ``shipped_on`` from the stored whole-business values.

    >>> post_ship_check(session, 3, date(2026, 1, 1)).verdict
    <Verdict.MOVED_RIGHT: 'moved the way it should'>
    """
    if window_weeks < 1:
        raise InputError(f"--window-weeks must be at least 1, got {window_weeks}")
    metric = repository.get(session, MetricDefinition, metric_id)
    until = shipped_on + timedelta(weeks=window_weeks)
    series = metrics.metric_values(session, metric_id, until=until)
    return compare(metric, shipped_on, series, window_weeks=window_weeks)


def compare(
    metric: MetricDefinition,
    shipped_on: date,
    series: Sequence[MetricValue],
    *,
    window_weeks: int = DEFAULT_WINDOW_WEEKS,
) -> PostShipCheck:
    """The check on a series already read (see the module docstring for the rule)."""
    window = timedelta(weeks=window_weeks)
    before = _side(shipped_on - window, shipped_on, series)
    after = _side(shipped_on, shipped_on + window, series)
    if before.mean is None or after.mean is None:
        return PostShipCheck(metric, shipped_on, window_weeks, before, after, None, None, None,
                             Verdict.NOT_ENOUGH_DATA)  # fmt: skip
    change = after.mean - before.mean
    share = change / abs(before.mean) if before.mean else None
    if len(before.values) < MIN_POINTS or len(after.values) < MIN_POINTS:
        return PostShipCheck(metric, shipped_on, window_weeks, before, after, change, share, None,
                             Verdict.NOT_ENOUGH_DATA)  # fmt: skip
    assert before.stdev is not None
    assert after.stdev is not None
    error = math.sqrt(before.stdev**2 / len(before.values) + after.stdev**2 / len(after.values))
    if abs(change) <= CLEAR_AT * error:
        verdict = Verdict.NO_CLEAR_CHANGE
    elif (change > 0) == (metric.direction is MetricDirection.UP_IS_GOOD):
        verdict = Verdict.MOVED_RIGHT
    else:
        verdict = Verdict.MOVED_WRONG
    return PostShipCheck(metric, shipped_on, window_weeks, before, after, change, share, error,
                         verdict)  # fmt: skip


def _side(first: date, stop: date, series: Sequence[MetricValue]) -> Side:
    values = tuple(v for v in series if first <= v.observed_on < stop)
    numbers = [v.value for v in values]
    mean = sum(numbers) / len(numbers) if numbers else None
    stdev = None
    if mean is not None:
        spread = sum((x - mean) ** 2 for x in numbers)
        stdev = math.sqrt(spread / (len(numbers) - 1)) if len(numbers) > 1 else 0.0
    return Side(first, stop - timedelta(days=1), values, mean, stdev)
