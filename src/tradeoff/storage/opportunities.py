"""Opportunities: the problems they address, the estimates the team entered, and the size of
the workspace that computed figures are measured against.

Estimates are append-only: a newer one for the same (opportunity, field) replaces it in
every view and the older ones stay listed in the history. "Newer" means entered later
(``entered_at``), and of two entered at the same moment the one stored last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import (
    INTERNAL_PROXY_ROLES,
    DealOutcome,
    Level,
    OpportunityStatus,
)
from tradeoff.domain.problems import Opportunity, OpportunityEstimate, OpportunityProblem
from tradeoff.errors import NotFound
from tradeoff.storage import repository
from tradeoff.storage.demand import as_day, day_of, paying_on
from tradeoff.storage.tables import (
    AccountRow,
    DealRow,
    EvidenceItemRow,
    OpportunityEstimateRow,
    OpportunityProblemRow,
    OpportunityRow,
    PersonRow,
    ProblemRow,
)

NEWEST_FIRST = (OpportunityEstimateRow.entered_at.desc(), OpportunityEstimateRow.id.desc())


@dataclass(frozen=True)
class LinkedProblem:
    id: int
    statement: str
    severity: Level | None


@dataclass(frozen=True)
class OpportunitySummary:
    id: int
    title: str
    status: OpportunityStatus
    solution_hypothesis: str | None
    problems: tuple[LinkedProblem, ...]
    estimates: int  # fields with an entered estimate


def create_opportunity(
    session: Session, opportunity: Opportunity, problem_ids: Sequence[int] = ()
) -> Opportunity:
    """Store the opportunity and link it to ``problem_ids`` (each must exist)."""
    stored = repository.add(session, opportunity)
    assert stored.id is not None
    for problem_id in dict.fromkeys(problem_ids):
        link_problem(session, stored.id, problem_id)
    return stored


def get_opportunity(session: Session, opportunity_id: int) -> Opportunity:
    return repository.get(session, Opportunity, opportunity_id)


def link_problem(session: Session, opportunity_id: int, problem_id: int) -> bool:
    """Say the opportunity addresses the problem; False when it already did."""
    get_opportunity(session, opportunity_id)
    if session.get(ProblemRow, problem_id) is None:
        raise NotFound(f"no problem with id {problem_id}")
    if session.get(OpportunityProblemRow, (opportunity_id, problem_id)) is not None:
        return False
    repository.add(
        session, OpportunityProblem(opportunity_id=opportunity_id, problem_id=problem_id)
    )
    return True


def set_status(session: Session, opportunity_id: int, status: OpportunityStatus) -> Opportunity:
    opportunity = get_opportunity(session, opportunity_id)
    opportunity.status = status
    return repository.update(session, opportunity)


def add_estimate(session: Session, estimate: OpportunityEstimate) -> OpportunityEstimate:
    """Append an estimate; it becomes the latest for its field."""
    get_opportunity(session, estimate.opportunity_id)
    return repository.add(session, estimate)


def latest_estimates(
    session: Session, ids: Sequence[int] | None = None
) -> dict[int, dict[str, OpportunityEstimate]]:
    """Opportunity id → field → its newest estimate (fields in name order)."""
    estimate = OpportunityEstimateRow
    rank = (
        func.row_number()
        .over(
            partition_by=(estimate.opportunity_id, estimate.field),
            order_by=NEWEST_FIRST,
        )
        .label("rank")
    )
    ranked = select(estimate.id, rank)
    if ids is not None:
        ranked = ranked.where(estimate.opportunity_id.in_(ids))
    newest = ranked.subquery("ranked")
    query = (
        select(estimate)
        .join(newest, newest.c.id == estimate.id)
        .where(newest.c.rank == 1)
        .order_by(estimate.opportunity_id, estimate.field)
    )
    latest: dict[int, dict[str, OpportunityEstimate]] = {}
    for row in session.scalars(query):
        entry = repository.to_domain(row, OpportunityEstimate)
        latest.setdefault(entry.opportunity_id, {})[entry.field] = entry
    return latest


def estimate_history(
    session: Session, opportunity_id: int, field: str | None = None
) -> list[OpportunityEstimate]:
    """Every estimate of the opportunity (or of one field), newest first."""
    get_opportunity(session, opportunity_id)
    query = select(OpportunityEstimateRow).where(
        OpportunityEstimateRow.opportunity_id == opportunity_id
    )
    if field is not None:
        query = query.where(OpportunityEstimateRow.field == field.strip().lower())
    query = query.order_by(*NEWEST_FIRST)
    return [repository.to_domain(row, OpportunityEstimate) for row in session.scalars(query)]


def linked_problems(
    session: Session, ids: Sequence[int] | None = None
) -> dict[int, list[LinkedProblem]]:
    """Opportunity id → the problems it addresses, in problem id order."""
    query = (
        select(
            OpportunityProblemRow.opportunity_id,
            ProblemRow.id,
            ProblemRow.statement,
            ProblemRow.severity,
        )
        .join(ProblemRow, ProblemRow.id == OpportunityProblemRow.problem_id)
        .order_by(OpportunityProblemRow.opportunity_id, ProblemRow.id)
    )
    if ids is not None:
        query = query.where(OpportunityProblemRow.opportunity_id.in_(ids))
    linked: dict[int, list[LinkedProblem]] = {}
    for opportunity_id, problem_id, statement, severity in session.execute(query):
        linked.setdefault(opportunity_id, []).append(LinkedProblem(problem_id, statement, severity))
    return linked


def opportunity_summaries(
    session: Session, ids: Sequence[int] | None = None
) -> list[OpportunitySummary]:
    """Every opportunity (or ``ids``) with its problems, in id order."""
    query = select(OpportunityRow).order_by(OpportunityRow.id)
    if ids is not None:
        query = query.where(OpportunityRow.id.in_(ids))
    problems = linked_problems(session, ids)
    counted = select(
        OpportunityEstimateRow.opportunity_id,
        func.count(OpportunityEstimateRow.field.distinct()),
    ).group_by(OpportunityEstimateRow.opportunity_id)
    estimates = {o: n for o, n in session.execute(counted)}
    return [
        OpportunitySummary(
            id=row.id,
            title=row.title,
            status=row.status,
            solution_hypothesis=row.solution_hypothesis,
            problems=tuple(problems.get(row.id, [])),
            estimates=estimates.get(row.id, 0),
        )
        for row in session.scalars(query)
    ]


def unanchored_opportunities(
    session: Session, *, limit: int = 100, offset: int = 0
) -> tuple[list[Opportunity], int]:
    """Opportunities that address no problem ("solutioneering"), newest first, and how
    many there are in all."""
    anchored = exists().where(OpportunityProblemRow.opportunity_id == OpportunityRow.id)
    total = session.scalar(select(func.count()).select_from(OpportunityRow).where(~anchored)) or 0
    query = (
        select(OpportunityRow)
        .where(~anchored)
        .order_by(OpportunityRow.created_at.desc(), OpportunityRow.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [repository.to_domain(r, Opportunity) for r in session.scalars(query)], total


@dataclass(frozen=True)
class WorkspaceScale:
    """The whole workspace's reach and book: what an opportunity's figures are a share of.

    ``accounts`` and ``end_users`` count those with any evidence before the cutoff (end
    users as ``storage.demand`` counts them: speakers who are not our own people);
    ``items_per_day`` feeds the same age decay as demand's fresh items; the book is the ARR
    of customers and the amounts of open deals, per currency.
    """

    accounts: int
    end_users: int
    items_per_day: dict[date, int]
    arr: dict[str | None, Decimal]
    pipeline: dict[str | None, Decimal]


def workspace_scale(session: Session, cutoff: datetime) -> WorkspaceScale:
    """Five aggregates over the whole workspace, no per-row Python.

    Accounts and end users are counted from their own tables with an EXISTS probe on the
    evidence's ``account_id`` / ``person_id`` index: on a million items that is ~0.1 s,
    where COUNT(DISTINCT) over the evidence takes seconds.
    """
    item = EvidenceItemRow
    known = item.created_at < cutoff
    cites = exists().where(item.account_id == AccountRow.id, known)
    accounts = session.scalar(select(func.count()).select_from(AccountRow).where(cites)) or 0
    speaks = exists().where(item.person_id == PersonRow.id, known)
    end_users = (
        session.scalar(
            select(func.count())
            .select_from(PersonRow)
            .where(PersonRow.role.not_in(INTERNAL_PROXY_ROLES), speaks)
        )
        or 0
    )
    day = day_of(session, item.created_at).label("day")
    per_day = session.execute(select(day, func.count()).where(known).group_by(day))
    arr = session.execute(
        select(AccountRow.currency, func.sum(AccountRow.arr))
        .where(paying_on(cutoff, AccountRow.lifecycle, AccountRow.churned_at))
        .where(AccountRow.arr.is_not(None))
        .group_by(AccountRow.currency)
    )
    pipeline = session.execute(
        select(DealRow.currency, func.sum(DealRow.amount))
        .where(DealRow.outcome == DealOutcome.OPEN, DealRow.amount.is_not(None))
        .group_by(DealRow.currency)
    )
    return WorkspaceScale(
        accounts=accounts,
        end_users=end_users,
        items_per_day={as_day(d): int(n) for d, n in per_day},
        arr={c: Decimal(str(a)) for c, a in arr if a is not None},
        pipeline={c: Decimal(str(a)) for c, a in pipeline if a is not None},
    )
