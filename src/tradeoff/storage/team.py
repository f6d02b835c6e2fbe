"""Product areas, the team, and the reads behind coverage: what each area holds and who
talked to customers.

Definitions (``tradeoff.strategy.coverage`` builds on them):

- an area's **problems** are those whose ``area_id`` names it; its **evidence** is the union
  of their evidence as demand defines it (``storage.demand``: linked items, items filed in
  linked themes, and the same of their symptoms), counted in *pieces* (a copy is one piece
  with its original) and each piece once per area however many of its problems cite it;
  its **accounts** are the distinct accounts behind that evidence;
- an **open** problem is one that no shipped opportunity addresses;
- a **contact** is an evidence item of kind interview or call that a person took: the
  interviews importer keeps the note's front matter in ``raw["front_matter"]``, whose
  ``interviewer_email`` names who took it; an item relayed by a person with that email
  counts too (a call relayed by its interviewer). Only those two kinds are read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from tradeoff.domain.enums import EvidenceKind, OpportunityStatus, RoadmapHorizon, RoadmapStatus
from tradeoff.domain.strategy import ProductArea, TeamMember
from tradeoff.errors import Conflict, NotFound
from tradeoff.storage import repository
from tradeoff.storage.demand import DemandQuery, subject_links
from tradeoff.storage.tables import (
    EvidenceItemRow,
    OpportunityProblemRow,
    OpportunityRow,
    PersonRow,
    ProblemRow,
    ProductAreaRow,
    RoadmapItemRow,
    TeamMemberRow,
)

CONTACT_KINDS = (EvidenceKind.INTERVIEW, EvidenceKind.CALL)
#: Roadmap items that are still work to do (shipped and dropped ones are history).
LIVE_STATUSES = (RoadmapStatus.PLANNED, RoadmapStatus.IN_PROGRESS)
CURRENT_HORIZONS = (RoadmapHorizon.NOW, RoadmapHorizon.NEXT)


def add_area(session: Session, area: ProductArea) -> ProductArea:
    if find_area(session, area.key) is not None:
        raise Conflict(f"an area with key {area.key!r} already exists; see tradeoff area list")
    return repository.add(session, area)


def find_area(session: Session, key: str) -> ProductArea | None:
    row = session.scalar(select(ProductAreaRow).where(ProductAreaRow.key == key.strip()))
    return None if row is None else repository.to_domain(row, ProductArea)


def get_area(session: Session, key: str) -> ProductArea:
    found = find_area(session, key)
    if found is None:
        raise NotFound(f"no area with key {key!r}; see tradeoff area list")
    return found


def list_areas(session: Session) -> list[ProductArea]:
    rows = session.scalars(select(ProductAreaRow).order_by(ProductAreaRow.key))
    return [repository.to_domain(r, ProductArea) for r in rows]


def set_problem_area(session: Session, problem_id: int, area_id: int | None) -> None:
    row = session.get(ProblemRow, problem_id)
    if row is None:
        raise NotFound(f"no problem with id {problem_id}; see tradeoff problem list")
    row.area_id = area_id
    session.flush()


def problems_by_area(session: Session) -> dict[int, list[tuple[int, str]]]:
    """Area id → its problems' (id, statement), in id order."""
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = session.execute(
        select(ProblemRow.area_id, ProblemRow.id, ProblemRow.statement)
        .where(ProblemRow.area_id.is_not(None))
        .order_by(ProblemRow.id)
    )
    for area_id, problem_id, statement in rows:
        if area_id is not None:
            found[area_id].append((problem_id, statement))
    return dict(found)


def open_problem_ids(session: Session, problem_ids: Sequence[int]) -> set[int]:
    """The problems among ``problem_ids`` that no shipped opportunity addresses."""
    if not problem_ids:
        return set()
    solved = set(
        session.scalars(
            select(OpportunityProblemRow.problem_id)
            .join(OpportunityRow, OpportunityRow.id == OpportunityProblemRow.opportunity_id)
            .where(
                OpportunityRow.status == OpportunityStatus.SHIPPED,
                OpportunityProblemRow.problem_id.in_(problem_ids),
            )
        )
    )
    return set(problem_ids) - solved


@dataclass(frozen=True)
class AreaReach:
    pieces: int
    accounts: int


def area_reach(session: Session, query: DemandQuery) -> dict[int, AreaReach]:
    """Per area: evidence pieces and distinct accounts behind its problems, each once.

    ``query`` is a problem query (its ``as_of`` cut applies); one statement for all areas.
    """
    links = subject_links(query)
    item = EvidenceItemRow
    piece = func.coalesce(item.duplicate_of_id, item.id)
    rows = session.execute(
        select(
            ProblemRow.area_id,
            func.count(piece.distinct()).label("pieces"),
            func.count(item.account_id.distinct()).label("accounts"),
        )
        .select_from(links)
        .join(ProblemRow, ProblemRow.id == links.c.subject_id)
        .join(item, item.id == links.c.evidence_id)
        .where(ProblemRow.area_id.is_not(None), item.created_at < query.cutoff)
        .group_by(ProblemRow.area_id)
    )
    return {r.area_id: AreaReach(r.pieces, r.accounts) for r in rows}


@dataclass(frozen=True)
class RoadmapLine:
    id: int
    title: str
    horizon: RoadmapHorizon
    status: RoadmapStatus
    area_id: int | None
    owner: str | None


def live_roadmap(session: Session) -> list[RoadmapLine]:
    """Roadmap items still planned or in progress, in id order."""
    rows = session.execute(
        select(
            RoadmapItemRow.id,
            RoadmapItemRow.title,
            RoadmapItemRow.horizon,
            RoadmapItemRow.status,
            RoadmapItemRow.area_id,
            RoadmapItemRow.owner,
        )
        .where(RoadmapItemRow.status.in_(LIVE_STATUSES))
        .order_by(RoadmapItemRow.id)
    )
    return [
        RoadmapLine(r.id, r.title, r.horizon, r.status, r.area_id, _email(r.owner)) for r in rows
    ]


def add_or_update_member(session: Session, member: TeamMember) -> tuple[TeamMember, bool]:
    """Store a team member, or update the one with the same email; True when new."""
    row = session.scalar(select(TeamMemberRow).where(TeamMemberRow.email == member.email))
    if row is None:
        return repository.add(session, member), True
    member.id = row.id
    return repository.update(session, member), False


def list_members(session: Session) -> list[TeamMember]:
    rows = session.scalars(select(TeamMemberRow).order_by(TeamMemberRow.role, TeamMemberRow.email))
    return [repository.to_domain(r, TeamMember) for r in rows]


@dataclass(frozen=True)
class Contact:
    """One interview or call, and the emails of who took it (interviewer, relayer)."""

    evidence_id: int
    kind: EvidenceKind
    created_at: datetime
    takers: frozenset[str]


def contacts(session: Session, since: datetime, until: datetime) -> list[Contact]:
    """Interviews and calls recorded in [since, until), oldest first."""
    relayer = aliased(PersonRow, name="relayer")
    rows = session.execute(
        select(
            EvidenceItemRow.id,
            EvidenceItemRow.kind,
            EvidenceItemRow.created_at,
            EvidenceItemRow.raw,
            relayer.email,
        )
        .outerjoin(relayer, relayer.id == EvidenceItemRow.relayed_by_id)
        .where(
            EvidenceItemRow.kind.in_(CONTACT_KINDS),
            EvidenceItemRow.created_at >= since,
            EvidenceItemRow.created_at < until,
        )
        .order_by(EvidenceItemRow.created_at, EvidenceItemRow.id)
    )
    found = []
    for evidence_id, kind, created_at, raw, relayer_email in rows:
        takers = {_email(relayer_email), _email(_interviewer(raw))} - {None}
        found.append(Contact(evidence_id, kind, created_at, frozenset(t for t in takers if t)))
    return found


def _interviewer(raw: object) -> str | None:
    if not isinstance(raw, dict):
        return None
    front = raw.get("front_matter")
    if not isinstance(front, dict):
        return None
    value = front.get("interviewer_email")
    return value if isinstance(value, str) else None


def _email(value: str | None) -> str | None:
    text = (value or "").strip().lower()
    return text or None
