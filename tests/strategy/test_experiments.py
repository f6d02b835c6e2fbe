"""Experiments on SQLite and PostgreSQL: planned with a rule, fixed at the start, judged by
the rule, and linked back to the assumption and the decision."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine

from tradeoff.domain.decisions import Decision
from tradeoff.domain.enums import (
    AssumptionStatus,
    DecisionStatus,
    ExperimentResult,
    ExperimentStatus,
    Level,
    MetricDirection,
)
from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.errors import Conflict, InputError, NotFound
from tradeoff.storage import experiments as store
from tradeoff.storage import metrics, repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.strategy.assumptions import new_assumption
from tradeoff.strategy.experiments import (
    edit_experiment,
    experiment_list,
    experiment_view,
    new_experiment,
    record_arms,
    record_from_metric,
    start_experiment,
)
from tradeoff.strategy.sample_size import Arm

HOURS = "Time to first card payment"
RULE = "Roll out to every new business if the lift is significant and at least 2 points."


@pytest.fixture
def workspace(engine: Engine) -> Engine:
    with write_session(engine) as session:
        repository.add(
            session,
            Decision(
                title="Give every approved business a virtual card",
                status=DecisionStatus.DECIDED,
                decided_at=datetime(2026, 8, 20, tzinfo=UTC),
            ),
        )
        hours = metrics.define_metric(
            session,
            MetricDefinition(name=HOURS, unit="hours", direction=MetricDirection.DOWN_IS_GOOD),
        )
        assert hours.id is not None
        for day, value in [
            (date(2026, 8, 24), 61.8),  # before the start: not in the window
            (date(2026, 9, 7), 50.0),
            (date(2026, 9, 14), 47.0),
            (date(2026, 9, 21), 45.0),
            (date(2026, 10, 5), 90.0),  # after the end: not in the window
        ]:
            metrics.upsert_value(
                session, MetricValue(metric_id=hours.id, observed_on=day, value=value)
            )
    new_assumption(
        engine,
        "Businesses pay with a virtual card in their first days if they get one at approval.",
        risk=Level.HIGH,
        confidence=0.4,
        decision_id=1,
    )
    return engine


def arms_experiment(engine: Engine) -> int:
    view = new_experiment(
        engine,
        assumption_id=1,
        hypothesis="A virtual card at approval lifts first-week card use",
        rule=RULE,
        baseline=0.10,
        effect=0.02,
    )
    assert view.experiment.id is not None
    return view.experiment.id


def assumption_status(engine: Engine) -> AssumptionStatus:
    with read_session(engine) as session:
        return store.get_assumption(session, 1).status


def test_a_planned_experiment_shows_its_sample_size_and_decision(workspace: Engine) -> None:
    experiment_id = arms_experiment(workspace)
    view = experiment_view(workspace, experiment_id)
    # 3,841 per arm for 10 % → 12 % at alpha 0.05, power 0.8 (hand-computed in
    # test_sample_size.py); alpha and power are stored, so they are fixed with the rest.
    assert view.required_n == 3841
    assert (view.experiment.alpha, view.experiment.power) == (0.05, 0.8)
    assert view.decision is not None
    assert view.decision.title == "Give every approved business a virtual card"
    assert view.verdict is None
    assert view.experiment.status is ExperimentStatus.PLANNED


def test_plans_that_cannot_be_judged_are_refused(workspace: Engine) -> None:
    with pytest.raises(InputError, match="decision rule"):
        new_experiment(workspace, assumption_id=1, hypothesis="h", rule="  ")
    with pytest.raises(InputError, match="both --baseline and --effect"):
        new_experiment(workspace, assumption_id=1, hypothesis="h", rule="r", baseline=0.1)
    with pytest.raises(InputError, match="needs the metric"):
        new_experiment(workspace, assumption_id=1, hypothesis="h", rule="r", threshold=48)
    with pytest.raises(NotFound, match="no metric named"):
        new_experiment(
            workspace, assumption_id=1, hypothesis="h", rule="r", metric="NPS", threshold=30
        )
    with pytest.raises(NotFound):
        new_experiment(workspace, assumption_id=9, hypothesis="h", rule="r")
    arms_experiment(workspace)
    with pytest.raises(Conflict, match="already has an experiment with this hypothesis"):
        arms_experiment(workspace)


def test_the_rule_and_design_are_fixed_once_started(workspace: Engine) -> None:
    experiment_id = arms_experiment(workspace)
    # Before the start, the plan may still change.
    edited = edit_experiment(workspace, experiment_id, minimum_effect=0.03)
    assert edited.required_n is not None
    assert edited.required_n < 3841  # a larger effect needs fewer participants
    edit_experiment(workspace, experiment_id, minimum_effect=0.02)
    started = start_experiment(workspace, experiment_id, date(2026, 9, 1))
    assert started.experiment.status is ExperimentStatus.RUNNING
    assert assumption_status(workspace) is AssumptionStatus.TESTING
    for change in (
        {"hypothesis": "Something else"},
        {"decision_rule": "Ship whatever happens"},
        {"minimum_effect": 0.01},
        {"baseline_rate": 0.2},
        {"alpha": 0.1},
        {"power": 0.5},
        {"metric": HOURS, "threshold": 48.0},
        {"ended_at": date(2026, 12, 31)},
        {"started_at": date(2026, 8, 1)},
    ):
        with pytest.raises(Conflict, match="pre-registration"):
            edit_experiment(workspace, experiment_id, **change)
    # Which decision it informs is not part of the test, and may still change.
    assert edit_experiment(workspace, experiment_id, decision_id=None).decision is None
    with pytest.raises(Conflict, match="not planned"):
        start_experiment(workspace, experiment_id)


def test_a_result_before_the_start_is_refused(workspace: Engine) -> None:
    experiment_id = arms_experiment(workspace)
    with pytest.raises(Conflict, match="has not started"):
        record_arms(workspace, experiment_id, Arm(5000, 500), Arm(5000, 650))


@pytest.mark.parametrize(
    ("treatment", "result", "status"),
    [
        (Arm(5000, 650), ExperimentResult.PASSED, AssumptionStatus.VALIDATED),  # +3 points
        (Arm(5000, 400), ExperimentResult.FAILED, AssumptionStatus.INVALIDATED),  # −2 points
        (Arm(5000, 520), ExperimentResult.INCONCLUSIVE, AssumptionStatus.TESTING),  # +0.4
    ],
)
def test_concluding_links_back_to_the_assumption(
    workspace: Engine,
    treatment: Arm,
    result: ExperimentResult,
    status: AssumptionStatus,
) -> None:
    experiment_id = arms_experiment(workspace)
    start_experiment(workspace, experiment_id, date(2026, 9, 1))
    view = record_arms(workspace, experiment_id, Arm(5000, 500), treatment)
    assert view.experiment.status is ExperimentStatus.CONCLUDED
    assert view.experiment.result is result
    assert view.experiment.observed_value == pytest.approx(treatment.rate - 0.10)
    assert assumption_status(workspace) is status
    stored = experiment_view(workspace, experiment_id)
    assert (stored.experiment.control_n, stored.experiment.treatment_successes) == (
        5000,
        treatment.successes,
    )
    assert stored.verdict is not None
    assert stored.verdict.result is result
    with pytest.raises(Conflict, match="a result is recorded once"):
        record_arms(workspace, experiment_id, Arm(5000, 500), treatment)


def metric_experiment(engine: Engine) -> int:
    view = new_experiment(
        engine,
        assumption_id=1,
        hypothesis="Time to first card payment falls to two days",
        rule="Keep the card at approval if the median is at most 48 hours on average.",
        metric="time_to_first_card_payment",
        threshold=48,
        start=date(2026, 9, 1),
        end=date(2026, 9, 30),
    )
    assert view.experiment.id is not None
    return view.experiment.id


def test_a_metric_result_is_the_mean_over_the_window(workspace: Engine) -> None:
    experiment_id = metric_experiment(workspace)
    start_experiment(workspace, experiment_id)
    assert experiment_view(workspace, experiment_id).experiment.started_at == datetime(
        2026, 9, 1, tzinfo=UTC
    )
    # Before the end, it is an interim reading: (50 + 47) / 2 = 48.5 by 15 September.
    interim = experiment_view(workspace, experiment_id, today=date(2026, 9, 15))
    assert interim.interim
    assert interim.verdict is not None
    assert interim.verdict.observed == pytest.approx(48.5)
    with pytest.raises(Conflict, match="runs until 2026-09-30"):
        record_from_metric(workspace, experiment_id, today=date(2026, 9, 15))
    # After the end: (50 + 47 + 45) / 3 = 47.33 hours, at or below 48 (down is good).
    view = record_from_metric(workspace, experiment_id, today=date(2026, 10, 10))
    assert view.experiment.result is ExperimentResult.PASSED
    assert view.experiment.observed_value == pytest.approx(142 / 3)
    assert assumption_status(workspace) is AssumptionStatus.VALIDATED
    assert [v.experiment.id for v in experiment_list(workspace)] == [experiment_id]


def test_a_metric_window_with_no_values_is_refused(workspace: Engine) -> None:
    view = new_experiment(
        workspace,
        assumption_id=1,
        hypothesis="Faster in November",
        rule="Keep it if at most 48 hours",
        metric=HOURS,
        threshold=48,
        start=date(2026, 11, 1),
        end=date(2026, 11, 30),
    )
    assert view.experiment.id is not None
    start_experiment(workspace, view.experiment.id)
    with pytest.raises(InputError, match="no values of 'Time to first card payment'"):
        record_from_metric(workspace, view.experiment.id, today=date(2026, 12, 5))
    arms = arms_experiment(workspace)
    start_experiment(workspace, arms)
    with pytest.raises(InputError, match="names no metric"):
        record_from_metric(workspace, arms, today=date(2026, 12, 5))
