"""The post-ship check's verdicts on constructed series, with the figures worked by hand."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from sqlalchemy import Engine

from tradeoff.domain.enums import MetricDirection
from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.errors import InputError
from tradeoff.storage import metrics
from tradeoff.storage.session import read_session, write_session
from tradeoff.strategy.post_ship import Verdict, compare, post_ship_check

SHIPPED = date(2026, 3, 2)  # a Monday


def weekly(before: list[float], after: list[float], metric_id: int = 1) -> list[MetricValue]:
    """Values on the Mondays before the ship day (the last one the Monday before) and from it."""
    days_before = [SHIPPED - timedelta(weeks=len(before) - i) for i in range(len(before))]
    days_after = [SHIPPED + timedelta(weeks=i) for i in range(len(after))]
    return [
        MetricValue(metric_id=metric_id, observed_on=day, value=value)
        for day, value in zip(days_before + days_after, before + after, strict=True)
    ]


def metric(direction: MetricDirection) -> MetricDefinition:
    return MetricDefinition(id=1, name="Weekly active businesses", direction=direction)


def test_a_clear_rise_is_right_for_up_is_good_and_wrong_for_down_is_good() -> None:
    # before 10 11 12 11: mean 11, s² = 2/3; after 14 15 16 15: mean 15, s² = 2/3.
    # SE = √(2/3 / 4 + 2/3 / 4) = √(1/3); the change 4 is far beyond 2 × 0.577.
    series = weekly([10, 11, 12, 11], [14, 15, 16, 15])
    up = compare(metric(MetricDirection.UP_IS_GOOD), SHIPPED, series)
    assert (up.before.mean, up.after.mean, up.change) == (11, 15, 4)
    assert up.change_share == pytest.approx(4 / 11)
    assert up.standard_error == pytest.approx(math.sqrt(1 / 3))
    assert up.verdict is Verdict.MOVED_RIGHT
    down = compare(metric(MetricDirection.DOWN_IS_GOOD), SHIPPED, series)
    assert down.verdict is Verdict.MOVED_WRONG


def test_a_fall_is_right_when_down_is_good() -> None:
    series = weekly([62, 60, 61, 63, 59], [50, 52, 51])
    check = compare(metric(MetricDirection.DOWN_IS_GOOD), SHIPPED, series)
    assert check.verdict is Verdict.MOVED_RIGHT
    assert check.change == pytest.approx(51 - 61)


def test_a_change_within_the_noise_is_no_clear_change() -> None:
    # before 10 12 10 12: mean 11, s² = 4/3; after 11 13 11 13: mean 12, s² = 4/3.
    # SE = √(4/3 / 4 × 2) = √(2/3) ≈ 0.816; 2 SE ≈ 1.63 > the change 1.
    series = weekly([10, 12, 10, 12], [11, 13, 11, 13])
    check = compare(metric(MetricDirection.UP_IS_GOOD), SHIPPED, series)
    assert check.standard_error == pytest.approx(math.sqrt(2 / 3))
    assert check.verdict is Verdict.NO_CLEAR_CHANGE


def test_fewer_than_three_points_on_a_side_is_not_enough_data() -> None:
    check = compare(metric(MetricDirection.UP_IS_GOOD), SHIPPED, weekly([10, 11, 12], [20, 21]))
    assert check.verdict is Verdict.NOT_ENOUGH_DATA
    assert check.change == pytest.approx(20.5 - 11)  # still shown
    nothing = compare(metric(MetricDirection.UP_IS_GOOD), SHIPPED, [])
    assert (nothing.verdict, nothing.change, nothing.before.mean) == (
        Verdict.NOT_ENOUGH_DATA, None, None,
    )  # fmt: skip


def test_the_windows_hold_the_weeks_before_and_from_the_ship_day() -> None:
    # 10 weeks each side, window 8: the before side starts 8 weeks before (inclusive), the
    # after side starts on the ship day and stops before ship + 8 weeks.
    series = weekly([float(i) for i in range(10)], [float(100 + i) for i in range(10)])
    check = compare(metric(MetricDirection.UP_IS_GOOD), SHIPPED, series, window_weeks=8)
    assert [v.value for v in check.before.values] == [2, 3, 4, 5, 6, 7, 8, 9]
    assert [v.value for v in check.after.values] == [100 + i for i in range(8)]
    assert (check.before.first_day, check.before.last_day) == (
        SHIPPED - timedelta(weeks=8), SHIPPED - timedelta(days=1),
    )  # fmt: skip


def test_the_check_reads_the_whole_business_values_of_a_stored_metric(engine: Engine) -> None:
    with write_session(engine) as session:
        stored = metrics.define_metric(
            session, MetricDefinition(name="Time to first card payment",
                                      direction=MetricDirection.DOWN_IS_GOOD),
        )  # fmt: skip
        assert stored.id is not None
        for value in weekly([90, 88, 91, 89], [70, 69, 71, 72], stored.id):
            metrics.upsert_value(session, value)
            # A segment's value must not count as the whole business's.
            segment = MetricValue(metric_id=stored.id, observed_on=value.observed_on,
                                  value=500, segment="Enterprise")  # fmt: skip
            metrics.upsert_value(session, segment)
    with read_session(engine) as session:
        check = post_ship_check(session, stored.id, SHIPPED)
        assert (check.before.mean, check.after.mean) == (89.5, 70.5)
        assert check.verdict is Verdict.MOVED_RIGHT
        with pytest.raises(InputError, match="at least 1"):
            post_ship_check(session, stored.id, SHIPPED, window_weeks=0)
