"""Metrics, goals, key results and the roadmap: results over output."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tradeoff.domain.enums import (
    MetricDirection,
    MetricKind,
    RoadmapChangeKind,
    RoadmapHorizon,
    RoadmapStatus,
)
from tradeoff.domain.rules import RuleViolation
from tradeoff.domain.strategy import (
    Goal,
    KeyResult,
    MetricDefinition,
    MetricValue,
    RoadmapChange,
    RoadmapItem,
)


def test_a_metric_definition_is_normalised() -> None:
    metric = MetricDefinition(
        name=" Weekly active dispatchers ",
        formula="count(distinct user_id) where role = 'dispatcher'",
        unit=" ",
        direction="Up",  # type: ignore[arg-type]
        kind="outcome",  # type: ignore[arg-type]
    )
    assert metric == MetricDefinition(
        name="Weekly active dispatchers",
        formula="count(distinct user_id) where role = 'dispatcher'",
        unit=None,
        direction=MetricDirection.UP_IS_GOOD,
        kind=MetricKind.OUTCOME,
    )


def test_a_metric_direction_must_be_up_or_down() -> None:
    with pytest.raises(RuleViolation, match="'sideways' is not one of: up, down"):
        MetricDefinition(name="Churn", direction="sideways")  # type: ignore[arg-type]


def test_a_metric_value_has_a_day_and_a_number() -> None:
    value = MetricValue(metric_id=1, observed_on=date(2026, 3, 30), value=412.0, segment=" EMEA ")
    assert value.segment == "EMEA"
    with pytest.raises(RuleViolation, match="observed_on: must be a date"):
        MetricValue(metric_id=1, observed_on=datetime(2026, 3, 30, 0, 0), value=1.0)
    with pytest.raises(RuleViolation, match="observed_on: must be set"):
        MetricValue(metric_id=1, observed_on=None, value=1.0)  # type: ignore[arg-type]
    with pytest.raises(RuleViolation, match="value: must be a number, got NaN"):
        MetricValue(metric_id=1, observed_on=date(2026, 3, 30), value=float("nan"))


def test_a_goal_belongs_to_a_quarter() -> None:
    goal = Goal(title="Cut time-to-detect late carriers", period="2026q3")
    assert goal.period == "2026Q3"
    with pytest.raises(RuleViolation, match="period: must be a quarter like 2026Q3"):
        Goal(title="Cut time-to-detect late carriers", period="H2 2026")
    with pytest.raises(RuleViolation, match="title: must not be empty"):
        Goal(title=" ", period="2026Q3")


def test_a_key_result_on_a_metric_needs_a_target() -> None:
    with pytest.raises(RuleViolation, match="target: a key result on a metric needs a target"):
        KeyResult(goal_id=1, description="Weekly active dispatchers up", metric_id=4)
    on_metric = KeyResult(
        goal_id=1, description="Weekly active dispatchers up", metric_id=4, baseline=0, target=0
    )
    assert on_metric.target == 0
    # Without a metric a key result is a milestone and needs no number.
    assert KeyResult(goal_id=1, description="Ship alerts beta to 5 accounts").target is None


def test_a_key_result_due_date_is_a_day() -> None:
    with pytest.raises(RuleViolation, match="due_on: must be a date"):
        KeyResult(goal_id=1, description="Beta", due_on=datetime(2026, 9, 30, tzinfo=UTC))


def test_a_roadmap_item_in_a_quarter_names_it() -> None:
    item = RoadmapItem(title="Late-carrier alerts", horizon="Quarter", quarter="2026q4")  # type: ignore[arg-type]
    assert (item.horizon, item.quarter) == (RoadmapHorizon.QUARTER, "2026Q4")


def test_a_quarter_horizon_without_a_quarter_is_refused() -> None:
    with pytest.raises(RuleViolation) as caught:
        RoadmapItem(title="Late-carrier alerts", horizon=RoadmapHorizon.QUARTER)
    assert caught.value.field == "quarter"


@pytest.mark.parametrize("horizon", ["now", "next", "later"])
def test_only_a_quarter_horizon_has_a_quarter(horizon: str) -> None:
    with pytest.raises(RuleViolation, match="exactly when its horizon is 'quarter'"):
        RoadmapItem(title="Late-carrier alerts", horizon=horizon, quarter="2026Q4")  # type: ignore[arg-type]


def test_a_roadmap_item_defaults_to_later_and_planned() -> None:
    item = RoadmapItem(title="Carrier scorecards")
    assert (item.horizon, item.status, item.rank, item.quarter) == (
        RoadmapHorizon.LATER,
        RoadmapStatus.PLANNED,
        0,
        None,
    )


def test_a_roadmap_rank_is_not_negative() -> None:
    with pytest.raises(RuleViolation, match="rank: must not be negative"):
        RoadmapItem(title="Carrier scorecards", rank=-1)


def test_a_roadmap_item_quarter_is_checked() -> None:
    with pytest.raises(RuleViolation, match="quarter: must be a quarter like 2026Q3"):
        RoadmapItem(title="Carrier scorecards", horizon="quarter", quarter="Q4")  # type: ignore[arg-type]


def test_a_roadmap_change_says_who_and_why() -> None:
    change = RoadmapChange(
        item_id=1,
        kind="Horizon",  # type: ignore[arg-type]
        old_value="later",
        new_value="now",
        changed_by=" Dana Whitfield (CEO) ",
        reason="Hafen Logistik escalation",
        changed_at=datetime(2026, 4, 1, 16, 45),
    )
    assert change.kind is RoadmapChangeKind.HORIZON
    assert change.changed_by == "Dana Whitfield (CEO)"
    assert change.changed_at == datetime(2026, 4, 1, 16, 45, tzinfo=UTC)
    with pytest.raises(RuleViolation, match="reason: must not be empty"):
        RoadmapChange(item_id=1, kind="rank", changed_by="Dana Whitfield", reason=" ")  # type: ignore[arg-type]
    with pytest.raises(RuleViolation, match="changed_by: must not be empty"):
        RoadmapChange(item_id=1, kind="rank", changed_by="", reason="Escalation")  # type: ignore[arg-type]
