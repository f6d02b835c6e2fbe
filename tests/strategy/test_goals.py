"""Goals with key results, measured from stored values, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from tradeoff.domain.enums import MetricDirection, MetricKind
from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.errors import InputError
from tradeoff.storage import metrics
from tradeoff.storage.session import write_session
from tradeoff.strategy.goals import goals_progress, new_goal
from tradeoff.strategy.progress import Standing

HOURS = "Time to first card payment"


@pytest.fixture
def workspace(engine: Engine) -> Engine:
    with write_session(engine) as session:
        hours = metrics.define_metric(
            session,
            MetricDefinition(name=HOURS, unit="hours", direction=MetricDirection.DOWN_IS_GOOD),
        )
        metrics.define_metric(
            session, MetricDefinition(name="Features shipped", kind=MetricKind.ACTIVITY)
        )
        assert hours.id is not None
        for day, value, segment in [
            (date(2026, 10, 5), 62.0, "all"),
            (date(2026, 11, 2), 58.0, "all"),
            (date(2026, 11, 9), 55.0, "all"),
            (date(2026, 11, 9), 40.0, "ios"),  # a segment is not the whole business
            (date(2026, 11, 30), 50.0, "all"),  # after the as-of day: not yet known
        ]:
            metrics.upsert_value(
                session,
                MetricValue(metric_id=hours.id, observed_on=day, value=value, segment=segment),
            )
    return engine


def test_progress_uses_the_latest_whole_value_on_or_before_the_day(workspace: Engine) -> None:
    goal, results = new_goal(
        workspace,
        "New businesses get value in their first week",
        period="2026q4",
        key_results=[
            "time_to_first_card_payment from 62 to 48 by 2026-12-31",
            "Features shipped from 2 to 10",
            "Launch the new onboarding",
        ],
    )
    assert goal.period == "2026Q4"
    assert [r.due_on for r in results] == [date(2026, 12, 31)] * 2 + [None]
    [measured] = goals_progress(workspace, period="2026Q4", as_of=date(2026, 11, 15))
    hours, shipped, launch = measured.key_results
    # Latest whole value by 15 Nov is 55 h (9 Nov): (55 − 62) / (48 − 62) = 0.5.
    assert hours.progress.current == 55.0
    assert hours.progress.ratio == pytest.approx(0.5)
    assert hours.progress.standing is Standing.ON_TRACK
    assert shipped.progress.standing is Standing.NO_VALUES
    assert shipped.progress.flags == (
        "measures an activity metric (Features shipped): output, not a result",
    )
    assert launch.progress.standing is Standing.NO_METRIC
    # A week earlier the latest value is 58 h: (58 − 62) / −14 = 2/7, behind a 38/91 pace.
    [earlier] = goals_progress(workspace, goal_id=goal.id, as_of=date(2026, 11, 8))
    assert earlier.key_results[0].progress.ratio == pytest.approx(4 / 14)
    assert earlier.key_results[0].progress.standing is Standing.BEHIND


def test_the_default_period_is_the_as_of_days_quarter(workspace: Engine) -> None:
    new_goal(workspace, "Q3 goal", period="2026Q3")
    new_goal(workspace, "Q4 goal", today=date(2026, 11, 1))
    shown = goals_progress(workspace, as_of=date(2026, 11, 15))
    assert [g.goal.title for g in shown] == ["Q4 goal"]
    every = goals_progress(workspace, every_period=True)
    assert [g.goal.title for g in every] == ["Q3 goal", "Q4 goal"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("signups from 1 to 2", "key result 'signups from 1 to 2': no metric named 'signups'; "
         "define it with tradeoff metric new"),
        (f"{HOURS} from 62 to soon",
         f"key result '{HOURS} from 62 to soon': 'soon' is not a number"),
        (f"{HOURS} from 62 to 48 by Christmas",
         f"key result '{HOURS} from 62 to 48 by Christmas': "
         "'Christmas' is not a date like 2026-12-31"),
    ],
)  # fmt: skip
def test_a_key_result_that_cannot_be_read_is_refused_whole(
    workspace: Engine, line: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        new_goal(workspace, "Goal", period="2026Q4", key_results=[line])
    assert str(caught.value) == message
    assert goals_progress(workspace, every_period=True) == []
