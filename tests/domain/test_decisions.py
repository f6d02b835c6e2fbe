"""The decision log, assumptions and experiments: judgement written down."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tradeoff.domain.decisions import Assumption, Decision, Experiment
from tradeoff.domain.enums import (
    AssumptionStatus,
    DecisionStatus,
    ExperimentResult,
    ExperimentStatus,
    Level,
)
from tradeoff.domain.rules import RuleViolation

SAO_PAULO = timezone(timedelta(hours=-3))


def test_a_decision_is_normalised() -> None:
    decision = Decision(
        title="Build late-carrier alerts before scorecards",
        options=[" Alerts first ", "Scorecards first", "", "Buy from Freightly"],
        chosen_option=" Alerts first",
        not_optimising_for="Enterprise carrier analytics",
        stakeholders=["Dana Whitfield", " ", "Marcus Oyelaran"],
        revisit_signals=["Alert adoption < 20% after 6 weeks"],
        decided_at=datetime(2026, 4, 2, 10, 0, tzinfo=SAO_PAULO),
        status="Decided",  # type: ignore[arg-type]
    )
    assert decision.options == ["Alerts first", "Scorecards first", "Buy from Freightly"]
    assert decision.chosen_option == "Alerts first"
    assert decision.stakeholders == ["Dana Whitfield", "Marcus Oyelaran"]
    assert decision.status is DecisionStatus.DECIDED
    assert decision.decided_at == datetime(2026, 4, 2, 13, 0, tzinfo=UTC)


def test_the_chosen_option_must_be_one_of_the_options() -> None:
    with pytest.raises(RuleViolation, match="must be one of the options considered") as caught:
        Decision(
            title="Alerts or scorecards", options=["Alerts", "Scorecards"], chosen_option="Both"
        )
    assert caught.value.field == "chosen_option"


def test_a_chosen_option_without_listed_options_is_allowed() -> None:
    assert Decision(title="Go with alerts", chosen_option="Alerts").chosen_option == "Alerts"


@pytest.mark.parametrize("status", [DecisionStatus.DECIDED, DecisionStatus.NOT_YET])
def test_a_decision_that_was_taken_has_a_date(status: DecisionStatus) -> None:
    with pytest.raises(RuleViolation, match="decided_at: a decision that was taken has a date"):
        Decision(title="Not yet: SSO for carriers", status=status)


def test_a_proposed_decision_needs_no_date() -> None:
    assert Decision(title="Alerts or scorecards").decided_at is None


def test_a_decision_cannot_supersede_itself() -> None:
    with pytest.raises(RuleViolation, match="a decision cannot supersede itself"):
        Decision(id=5, title="Alerts first", supersedes_id=5)
    assert Decision(id=6, title="Alerts first", supersedes_id=5).supersedes_id == 5


def test_an_unknown_decision_status_lists_the_allowed_ones() -> None:
    with pytest.raises(
        RuleViolation,
        match="'done' is not one of: proposed, decided, not_yet, superseded, reversed",
    ):
        Decision(title="Alerts first", status="done")  # type: ignore[arg-type]


def test_an_assumption_defaults_and_bounds() -> None:
    assumption = Assumption(statement="Dispatchers act on alerts within 10 minutes")
    assert (assumption.risk, assumption.confidence, assumption.status) == (
        Level.MEDIUM,
        0.5,
        AssumptionStatus.UNTESTED,
    )
    assert Assumption(statement="x", confidence=0).confidence == 0.0
    with pytest.raises(RuleViolation, match="confidence: must be between 0 and 1"):
        Assumption(statement="Dispatchers act on alerts", confidence=1.2)
    with pytest.raises(RuleViolation, match="'extreme' is not one of: low, medium, high"):
        Assumption(statement="Dispatchers act on alerts", risk="extreme")  # type: ignore[arg-type]


def test_an_experiment_on_a_metric_sets_its_threshold_in_advance() -> None:
    with pytest.raises(
        RuleViolation, match="threshold: an experiment on a metric sets its threshold in advance"
    ):
        Experiment(hypothesis="Alerts cut time-to-detect", metric_id=3)
    with_threshold = Experiment(hypothesis="Alerts cut time-to-detect", metric_id=3, threshold=0)
    assert with_threshold.threshold == 0


def test_an_experiment_cannot_end_before_it_starts() -> None:
    with pytest.raises(RuleViolation, match="ended_at: must not be before started_at"):
        Experiment(
            hypothesis="Alerts cut time-to-detect",
            started_at=datetime(2026, 4, 10, tzinfo=UTC),
            ended_at=datetime(2026, 4, 9, tzinfo=UTC),
        )


def test_experiment_times_are_compared_in_utc() -> None:
    # 23:00 in São Paulo on the 9th is 02:00 UTC on the 10th: after a 01:00 UTC start.
    experiment = Experiment(
        hypothesis="Alerts cut time-to-detect",
        status="running",  # type: ignore[arg-type]
        started_at=datetime(2026, 4, 10, 1, 0, tzinfo=UTC),
        ended_at=datetime(2026, 4, 9, 23, 0, tzinfo=SAO_PAULO),
    )
    assert experiment.ended_at == datetime(2026, 4, 10, 2, 0, tzinfo=UTC)
    assert (experiment.status, experiment.result) == (
        ExperimentStatus.RUNNING,
        ExperimentResult.PENDING,
    )
