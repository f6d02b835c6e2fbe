"""The assumption register: what a decision or opportunity rests on, how costly it is to be
wrong (risk) and how sure we are (confidence), and what has tested it.

The register is read riskiest and least known first, and the assumptions behind
opportunities on the frontier come before all others: those are the bets the team is about
to make, so testing them buys the most information (principle 9).

A person may settle an assumption by judgement (``tradeoff assumption status``) rather than
by an experiment. A verdict without its reason is not a record, so a judgement keeps the
status it gave, the status before, the reason and the moment (``assumption_judgements``);
the assumption's history interleaves judgements and experiments by date, and "enough
evidence" says which of the two settled it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.decisions.assessment import assess_opportunities
from tradeoff.decisions.frontier import frontier
from tradeoff.domain.decisions import Assumption, AssumptionJudgement, Decision, Experiment
from tradeoff.domain.enums import AssumptionStatus, Level
from tradeoff.domain.problems import Opportunity
from tradeoff.domain.rules import now_utc
from tradeoff.errors import Conflict, InputError
from tradeoff.storage import experiments as store
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session

RISK_ORDER = {Level.HIGH: 0, Level.MEDIUM: 1, Level.LOW: 2}


@dataclass(frozen=True)
class AssumptionView:
    """An assumption with what it informs and everything that has tested it."""

    assumption: Assumption
    opportunity: Opportunity | None
    decision: Decision | None
    experiments: tuple[Experiment, ...]
    behind_frontier: bool
    judgements: tuple[AssumptionJudgement, ...] = ()

    def history(self) -> list[Experiment | AssumptionJudgement]:
        """Experiments and judgements, oldest first (an experiment dated by its end, else its
        creation)."""
        dated: list[tuple[datetime, int, Experiment | AssumptionJudgement]] = [
            (e.ended_at or e.created_at, 0, e) for e in self.experiments
        ]
        dated += [(j.judged_at, 1, j) for j in self.judgements]
        return [record for _, _, record in sorted(dated, key=lambda d: (d[0], d[1]))]


def new_assumption(
    engine: Engine,
    statement: str,
    *,
    risk: Level,
    confidence: float,
    opportunity_id: int | None = None,
    decision_id: int | None = None,
) -> Assumption:
    """Register an assumption; the same statement twice is refused (one record per belief).

    >>> new_assumption(engine, "Finance leads reconcile weekly", risk=Level.HIGH,
    ...                confidence=0.3, opportunity_id=2).id
    """
    with write_session(engine) as session:
        store.require_opportunity(session, opportunity_id)
        store.require_decision(session, decision_id)
        existing = store.assumption_by_statement(session, statement)
        if existing is not None:
            raise Conflict(
                f"assumption {existing.id} already says this; see it with "
                f"tradeoff assumption show {existing.id}"
            )
        return repository.add(
            session,
            Assumption(
                statement=statement,
                risk=risk,
                confidence=confidence,
                opportunity_id=opportunity_id,
                decision_id=decision_id,
            ),
        )


def frontier_ids(engine: Engine) -> set[int]:
    """The opportunities on the frontier today: their assumptions are tested first."""
    return {s.id for s in frontier(assess_opportunities(engine)).on_frontier}


def register_order(
    assumptions: Sequence[Assumption], frontier_ids: Collection[int]
) -> list[Assumption]:
    """Behind a frontier opportunity first, then riskiest, then least confident, then oldest.

    >>> [a.id for a in register_order(found, frontier_ids={2})]
    """
    return sorted(
        assumptions,
        key=lambda a: (
            a.opportunity_id not in frontier_ids,
            RISK_ORDER[a.risk],
            a.confidence,
            a.id or 0,
        ),
    )


def assumption_register(engine: Engine, frontier_ids: Collection[int]) -> list[AssumptionView]:
    """Every assumption in register order, with its links and experiments."""
    with read_session(engine) as session:
        found = register_order(store.all_assumptions(session), frontier_ids)
        ids = [a.id for a in found if a.id is not None]
        tests = store.experiments_of(session, ids)
        judged = store.judgements_of(session, ids)
        return [
            _view(session, a, tests.get(a.id or 0, []), judged.get(a.id or 0, []), frontier_ids)
            for a in found
        ]


def assumption_view(
    engine: Engine, assumption_id: int, frontier_ids: Collection[int] = ()
) -> AssumptionView:
    with read_session(engine) as session:
        assumption = store.get_assumption(session, assumption_id)
        tests = store.experiments_of(session, [assumption_id])[assumption_id]
        judged = store.judgements_of(session, [assumption_id])[assumption_id]
        return _view(session, assumption, tests, judged, frontier_ids)


def _view(
    session: Session,
    assumption: Assumption,
    tests: list[Experiment],
    judged: list[AssumptionJudgement],
    frontier: Collection[int],
) -> AssumptionView:
    return AssumptionView(
        assumption,
        store.require_opportunity(session, assumption.opportunity_id),
        store.require_decision(session, assumption.decision_id),
        tuple(tests),
        assumption.opportunity_id in frontier,
        tuple(judged),
    )


def set_status(
    engine: Engine,
    assumption_id: int,
    status: AssumptionStatus,
    *,
    reason: str,
    at: datetime | None = None,
) -> tuple[Assumption, AssumptionJudgement]:
    """Set an assumption's status by judgement, recording the reason (module docstring).

    >>> set_status(engine, 3, AssumptionStatus.VALIDATED, reason="12 of 12 interviews")
    """
    if not reason.strip():
        raise InputError('a status set by judgement needs its reason: --reason "..."')
    with write_session(engine) as session:
        assumption = store.get_assumption(session, assumption_id)
        if assumption.status is status:
            raise Conflict(f"assumption {assumption_id} is already {status.value}")
        record = repository.add(
            session,
            AssumptionJudgement(
                assumption_id=assumption_id,
                status=status,
                previous_status=assumption.status,
                reason=reason.strip(),
                judged_at=at or now_utc(),
            ),
        )
        assumption.status = status
        return repository.update(session, assumption), record
