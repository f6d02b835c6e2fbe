"""Problems before solutions: problem statements, symptoms and opportunities."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tradeoff.domain.enums import OpportunityStatus
from tradeoff.domain.problems import Opportunity, Problem, ProblemSymptom
from tradeoff.domain.rules import RuleViolation


def test_a_problem_statement_is_normalised() -> None:
    problem = Problem(
        statement="  Dispatchers cannot see late carriers until the customer calls. ",
        who_has_it="Dispatch leads at mid-market 3PLs",
        trying_to=" ",
        goes_wrong="They rebuild the carrier report in Excel every Monday",
        created_at=datetime(2026, 3, 2, 9, 0),
    )
    assert problem == Problem(
        statement="Dispatchers cannot see late carriers until the customer calls.",
        who_has_it="Dispatch leads at mid-market 3PLs",
        trying_to=None,
        goes_wrong="They rebuild the carrier report in Excel every Monday",
        created_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
    )


def test_a_problem_needs_a_statement() -> None:
    with pytest.raises(RuleViolation, match="statement: must not be empty"):
        Problem(statement="\n")


def test_a_problem_is_created_now_by_default() -> None:
    before = datetime.now(UTC)
    assert before <= Problem(statement="Late carriers").created_at <= datetime.now(UTC)


def test_a_problem_cannot_be_a_symptom_of_itself() -> None:
    assert ProblemSymptom(symptom_id=2, problem_id=1).symptom_id == 2
    with pytest.raises(RuleViolation, match="a problem cannot be a symptom of itself"):
        ProblemSymptom(symptom_id=1, problem_id=1)


def test_an_opportunity_status_is_coerced_and_checked() -> None:
    opportunity = Opportunity(title="Late-carrier alerts", status="Not Yet")  # type: ignore[arg-type]
    assert opportunity.status is OpportunityStatus.NOT_YET
    with pytest.raises(RuleViolation) as caught:
        Opportunity(title="Late-carrier alerts", status="maybe")  # type: ignore[arg-type]
    assert caught.value.message == (
        "'maybe' is not one of: idea, exploring, committed, shipped, not_yet, rejected"
    )


def test_an_opportunity_needs_a_title() -> None:
    with pytest.raises(RuleViolation, match="title: must not be empty"):
        Opportunity(title="", solution_hypothesis="Push alerts to dispatch")
