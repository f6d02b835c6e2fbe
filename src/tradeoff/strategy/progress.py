"""How far a key result has come, computed from its metric's values and never typed in.

Progress is ``(current − baseline) / (target − baseline)`` with ``current`` the metric's
latest whole-business value on or before the as-of day. The ratio reads the same for a
metric that should go down (baseline 62 h, target 48 h, now 55 h: half way), so direction
only decides whether a target points the right way. The raw figure is kept (120 % and
−30 % are information); only the bar is clamped. A key result is on track when its progress
is at least the share of the time from the goal period's start to the key result's date
that has passed: the straight line a steady team would follow.

Flags name why a key result measures output rather than results (principle 1): it has no
metric, its metric is an activity metric, or it starts with a verb of work ("Launch",
"Ship", "Build") or it counts features ("5 new features", "20 tickets").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tradeoff.domain.enums import MetricDirection, MetricKind
from tradeoff.domain.strategy import MetricDefinition

#: An imperative verb at the start ("Launch X", "Ship Y") names work to do. Only at the
#: start: "Businesses that complete onboarding" measures task success, a result.
OUTPUT_VERBS = re.compile(
    r"^\W*(launch|ship|release|build|deliver|complete|implement|roll ?out|finish|migrate|"
    r"create|add|introduce)\b",
    re.IGNORECASE,
)
FEATURE_COUNT = re.compile(
    r"\b\d+\s+(new\s+)?(features?|releases?|stories|story points|tickets|epics|integrations?)\b",
    re.IGNORECASE,
)


class Standing(StrEnum):
    NO_METRIC = "no metric"
    NO_VALUES = "no values yet"
    NOT_MEASURABLE = "not measurable"
    DONE = "done"
    ON_TRACK = "on track"
    BEHIND = "behind"


@dataclass(frozen=True)
class Progress:
    """A key result at a day: the figures it was computed from, and what they mean."""

    baseline: float | None
    target: float | None
    current: float | None
    current_on: date | None
    #: The raw ratio: 0 at the baseline, 1 at the target, outside [0, 1] beyond either.
    ratio: float | None
    #: The share of the time to the key result's date that has passed at the as-of day.
    expected: float
    standing: Standing
    flags: tuple[str, ...]

    @property
    def shown(self) -> float:
        """The ratio clamped to [0, 1], for a bar; the text shows ``ratio`` itself."""
        return 0.0 if self.ratio is None else min(max(self.ratio, 0.0), 1.0)


def quarter_bounds(period: str) -> tuple[date, date]:
    """First and last day of a quarter written ``2026Q4``."""
    year, number = int(period[:4]), int(period[5])
    start = date(year, 3 * number - 2, 1)
    following = date(year + 1, 1, 1) if number == 4 else date(year, 3 * number + 1, 1)
    return start, following - timedelta(days=1)


def quarter_of(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def elapsed_share(start: date, due: date, as_of: date) -> float:
    """How much of the time from ``start`` to ``due`` has passed at ``as_of``, in [0, 1]."""
    if due <= start:
        return 1.0 if as_of >= due else 0.0
    return min(max((as_of - start).days / (due - start).days, 0.0), 1.0)


def output_flags(text: str, metric: MetricDefinition | None) -> tuple[str, ...]:
    """Why a key result reads as output, one reason each; empty when it measures a result."""
    flags = []
    if metric is None:
        flags.append("names no metric: its progress cannot be computed")
    elif metric.kind is MetricKind.ACTIVITY:
        flags.append(f"measures an activity metric ({metric.name}): output, not a result")
    verb = OUTPUT_VERBS.search(text)
    if verb:
        flags.append(f"reads as output: {verb.group(1).lower()!r} names work to do, not a result")
    count = FEATURE_COUNT.search(text)
    if count:
        flags.append(f"counts output: {count.group(0)!r}")
    return tuple(flags)


def direction_flag(
    metric: MetricDefinition, baseline: float | None, target: float | None
) -> str | None:
    """A target that moves the metric the way its definition calls bad."""
    if baseline is None or target is None or baseline == target:
        return None
    up = metric.direction is MetricDirection.UP_IS_GOOD
    if (target > baseline) != up:
        good = "up" if up else "down"
        return f"the target moves {metric.name} the wrong way (its direction is {good})"
    return None


def measure(
    *,
    text: str,
    metric: MetricDefinition | None,
    baseline: float | None,
    target: float | None,
    current: tuple[date, float] | None,
    start: date,
    due: date,
    as_of: date,
) -> Progress:
    """The progress of one key result at ``as_of``.

    >>> measure(text="Activation from 62 to 48", metric=hours, baseline=62, target=48,
    ...         current=(date(2026, 11, 15), 55), start=date(2026, 10, 1),
    ...         due=date(2026, 12, 31), as_of=date(2026, 11, 15)).ratio
    0.5
    """
    flags = list(output_flags(text, metric))
    expected = elapsed_share(start, due, as_of)
    if metric is None:
        return Progress(
            baseline, target, None, None, None, expected, Standing.NO_METRIC, tuple(flags)
        )
    wrong_way = direction_flag(metric, baseline, target)
    if wrong_way:
        flags.append(wrong_way)
    if current is None:
        return Progress(
            baseline, target, None, None, None, expected, Standing.NO_VALUES, tuple(flags)
        )
    current_on, value = current
    if baseline is None or target is None or target == baseline:
        flags.append("the target equals the baseline" if target == baseline else "no baseline")
        return Progress(
            baseline,
            target,
            value,
            current_on,
            None,
            expected,
            Standing.NOT_MEASURABLE,
            tuple(flags),
        )
    ratio = (value - baseline) / (target - baseline)
    if ratio >= 1:
        standing = Standing.DONE
    elif ratio >= expected:
        standing = Standing.ON_TRACK
    else:
        standing = Standing.BEHIND
    return Progress(baseline, target, value, current_on, ratio, expected, standing, tuple(flags))
