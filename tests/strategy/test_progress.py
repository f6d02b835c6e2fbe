"""Key-result progress: arithmetic by hand, direction, pace, and the output flags."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tradeoff.domain.enums import MetricDirection, MetricKind
from tradeoff.domain.strategy import MetricDefinition
from tradeoff.strategy.progress import (
    Standing,
    elapsed_share,
    measure,
    output_flags,
    quarter_bounds,
    quarter_of,
)

START, DUE = date(2026, 10, 1), date(2026, 12, 31)
HOURS = MetricDefinition(
    id=1, name="Time to first card payment", direction=MetricDirection.DOWN_IS_GOOD
)
ACTIVE = MetricDefinition(id=2, name="Weekly active businesses")
SHIPPED = MetricDefinition(id=3, name="Features shipped", kind=MetricKind.ACTIVITY)


def test_quarters() -> None:
    assert quarter_bounds("2026Q4") == (date(2026, 10, 1), date(2026, 12, 31))
    assert quarter_bounds("2026Q1") == (date(2026, 1, 1), date(2026, 3, 31))
    assert quarter_of(date(2026, 8, 31)) == "2026Q3"


def test_a_metric_that_should_go_down() -> None:
    # 62 h → 48 h is 14 h to go; at 55 h, 7 h are done: one half.
    progress = measure(
        text="Time to first card payment from 62 to 48",
        metric=HOURS, baseline=62, target=48, current=(date(2026, 11, 9), 55),
        start=START, due=DUE, as_of=date(2026, 11, 15),
    )  # fmt: skip
    assert progress.ratio == pytest.approx(7 / 14)
    # 45 of the quarter's 91 days have passed: a steady pace would be at 45/91 ≈ 0.495.
    assert progress.expected == pytest.approx(45 / 91)
    assert progress.standing is Standing.ON_TRACK
    assert progress.flags == ()


def test_behind_beyond_and_backwards_keep_their_raw_figure() -> None:
    def at(value: float) -> tuple[Any, ...]:
        p = measure(
            text="Weekly active businesses from 1200 to 1500", metric=ACTIVE,
            baseline=1200, target=1500, current=(date(2026, 12, 1), value),
            start=START, due=DUE, as_of=date(2026, 12, 1),
        )  # fmt: skip
        return p.ratio, p.shown, p.standing

    assert at(1290) == (pytest.approx(90 / 300), pytest.approx(0.3), Standing.BEHIND)
    assert at(1560) == (pytest.approx(360 / 300), 1.0, Standing.DONE)
    assert at(1110) == (pytest.approx(-90 / 300), 0.0, Standing.BEHIND)


def test_no_values_yet_and_no_metric() -> None:
    empty = measure(
        text="Weekly active businesses from 1200 to 1500", metric=ACTIVE, baseline=1200,
        target=1500, current=None, start=START, due=DUE, as_of=date(2026, 10, 2),
    )  # fmt: skip
    assert (empty.ratio, empty.standing) == (None, Standing.NO_VALUES)
    text = measure(
        text="Launch the new onboarding", metric=None, baseline=None, target=None,
        current=None, start=START, due=DUE, as_of=date(2026, 10, 2),
    )  # fmt: skip
    assert text.standing is Standing.NO_METRIC
    assert text.flags == (
        "names no metric: its progress cannot be computed",
        "reads as output: 'launch' names work to do, not a result",
    )


def test_a_target_the_wrong_way_and_one_equal_to_the_baseline_are_flagged() -> None:
    wrong = measure(
        text="x", metric=HOURS, baseline=48, target=62, current=(START, 50),
        start=START, due=DUE, as_of=START,
    )  # fmt: skip
    assert wrong.flags == (
        "the target moves Time to first card payment the wrong way (its direction is down)",
    )
    flat = measure(
        text="x", metric=ACTIVE, baseline=10, target=10, current=(START, 11),
        start=START, due=DUE, as_of=START,
    )  # fmt: skip
    assert (flat.standing, flat.flags) == (
        Standing.NOT_MEASURABLE,
        ("the target equals the baseline",),
    )


@pytest.mark.parametrize(
    ("text", "metric", "flags"),
    [
        ("Ship the new card controls", ACTIVE,
         ("reads as output: 'ship' names work to do, not a result",)),
        ("Release 5 new features to self-serve", ACTIVE,
         ("reads as output: 'release' names work to do, not a result",
          "counts output: '5 new features'")),
        ("Features shipped from 3 to 10", SHIPPED,
         ("measures an activity metric (Features shipped): output, not a result",)),
        ("Weekly active businesses from 1200 to 1500", ACTIVE, ()),
        ("Businesses that complete onboarding within a week", ACTIVE, ()),
        ("Deliver 20 tickets' worth of fixes", None,
         ("names no metric: its progress cannot be computed",
          "reads as output: 'deliver' names work to do, not a result",
          "counts output: '20 tickets'")),
    ],
)  # fmt: skip
def test_output_flags_say_why(
    text: str, metric: MetricDefinition | None, flags: tuple[str, ...]
) -> None:
    assert output_flags(text, metric) == flags


def test_the_pace_runs_from_the_period_start_to_the_key_result_date() -> None:
    assert elapsed_share(START, DUE, date(2026, 9, 1)) == 0.0
    assert elapsed_share(START, date(2026, 10, 31), date(2026, 10, 16)) == pytest.approx(15 / 30)
    assert elapsed_share(START, DUE, date(2027, 1, 5)) == 1.0
