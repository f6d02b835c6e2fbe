"""The assumption register on SQLite and PostgreSQL: order, links and judgements."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, text

from tradeoff.domain.decisions import Assumption
from tradeoff.domain.enums import AssumptionStatus, Level
from tradeoff.domain.problems import Opportunity
from tradeoff.errors import Conflict, InputError, NotFound
from tradeoff.storage import repository
from tradeoff.storage.session import write_session
from tradeoff.strategy.assumptions import (
    assumption_register,
    assumption_view,
    new_assumption,
    register_order,
    set_status,
)


def test_register_order_frontier_then_risk_then_confidence() -> None:
    found = [
        Assumption(id=1, statement="low, unsure", risk=Level.LOW, confidence=0.1),
        Assumption(id=2, statement="high, sure", risk=Level.HIGH, confidence=0.9),
        Assumption(id=3, statement="high, unsure", risk=Level.HIGH, confidence=0.2),
        Assumption(
            id=4, statement="medium, frontier", risk=Level.MEDIUM, confidence=0.8, opportunity_id=7
        ),
        Assumption(id=5, statement="medium", risk=Level.MEDIUM, confidence=0.5),
        Assumption(id=6, statement="high, unsure, later", risk=Level.HIGH, confidence=0.2),
        Assumption(
            id=7, statement="high, off frontier", risk=Level.HIGH, confidence=0.1, opportunity_id=8
        ),
    ]
    assert [a.id for a in register_order(found, {7})] == [4, 7, 3, 6, 2, 5, 1]
    assert [a.id for a in register_order(found, set())] == [7, 3, 6, 2, 5, 4, 1]


@pytest.fixture
def workspace(engine: Engine) -> Engine:
    with write_session(engine) as session:
        repository.add(session, Opportunity(title="Accounting sync with Xero and QuickBooks"))
        repository.add(session, Opportunity(title="Approval workflows for payments"))
    return engine


def test_the_register_reads_back_with_links_in_order(workspace: Engine) -> None:
    new_assumption(
        workspace,
        "Finance leads reconcile weekly",
        risk=Level.MEDIUM,
        confidence=0.3,
        opportunity_id=1,
    )
    new_assumption(
        workspace,
        "Approvals block enterprise deals",
        risk=Level.HIGH,
        confidence=0.6,
        opportunity_id=2,
    )
    new_assumption(workspace, "Nobody needs SSO before 50 seats", risk=Level.HIGH, confidence=0.2)
    order = assumption_register(workspace, frontier_ids={1})
    assert [(v.assumption.id, v.behind_frontier) for v in order] == [
        (1, True),
        (3, False),
        (2, False),
    ]
    assert order[0].opportunity is not None
    assert order[0].opportunity.title == "Accounting sync with Xero and QuickBooks"
    with pytest.raises(Conflict, match="assumption 1 already says this"):
        new_assumption(
            workspace, " Finance leads reconcile weekly ", risk=Level.LOW, confidence=0.5
        )
    with pytest.raises(NotFound, match="no opportunity with id 9"):
        new_assumption(workspace, "x", risk=Level.LOW, confidence=0.5, opportunity_id=9)
    with pytest.raises(NotFound, match="no decision with id 4"):
        new_assumption(workspace, "x", risk=Level.LOW, confidence=0.5, decision_id=4)


def test_a_status_by_judgement_keeps_its_reason(workspace: Engine) -> None:
    made = new_assumption(
        workspace, "Finance leads reconcile weekly", risk=Level.HIGH, confidence=0.3
    )
    assert made.id is not None
    with pytest.raises(InputError, match="needs its reason"):
        set_status(workspace, made.id, AssumptionStatus.VALIDATED, reason="  ")
    reason = "11 of 12 finance leads we called rebuild the same sheet every Friday"
    first = datetime(2026, 10, 2, 9, tzinfo=UTC)
    assumption, record = set_status(
        workspace, made.id, AssumptionStatus.VALIDATED, reason=reason, at=first
    )
    assert assumption.status is AssumptionStatus.VALIDATED
    assert (record.status, record.previous_status, record.reason, record.judged_at) == (
        AssumptionStatus.VALIDATED,
        AssumptionStatus.UNTESTED,
        reason,
        first,
    )
    view = assumption_view(workspace, made.id)
    assert view.experiments == ()  # a judgement is not an experiment
    assert [j.reason for j in view.judgements] == [reason]
    with pytest.raises(Conflict, match="already validated"):
        set_status(workspace, made.id, AssumptionStatus.VALIDATED, reason=reason)
    reopened, _ = set_status(
        workspace,
        made.id,
        AssumptionStatus.TESTING,
        reason="New churn data",
        at=first + timedelta(days=3),
    )
    assert reopened.status is AssumptionStatus.TESTING
    history = assumption_view(workspace, made.id).history()
    assert [(j.previous_status, j.status) for j in history] == [  # type: ignore[union-attr]
        (AssumptionStatus.UNTESTED, AssumptionStatus.VALIDATED),
        (AssumptionStatus.VALIDATED, AssumptionStatus.TESTING),
    ]
    with write_session(workspace) as session:
        stored = session.execute(
            text("SELECT count(*) FROM experiments WHERE assumption_id = :a"), {"a": made.id}
        ).scalar_one()
    assert stored == 0
