"""Problem statements and what points to them: evidence, themes and symptoms; and what is
tied to no problem at all (principle 7).

A problem's evidence is its own items, everything filed in its themes, and the same for
each of its symptoms (``storage.demand`` counts it; this module only writes and lists the
links). A symptom link ``S → P`` reads "S is a symptom of P"; links never form a cycle.

The unanchored lists are anti-joins (``NOT EXISTS``) answered by primary keys and the
``evidence_id`` / ``theme_id`` indexes of the link tables, one probe per candidate row, so
they stay fast with a million evidence items.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, ScalarSelect, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from tradeoff.domain.enums import EvidenceKind, Level, ThemeStatus
from tradeoff.domain.problems import Problem, ProblemEvidence, ProblemSymptom, ProblemTheme
from tradeoff.errors import Conflict, NotFound
from tradeoff.storage import repository
from tradeoff.storage.tables import (
    AccountRow,
    Base,
    EvidenceItemRow,
    EvidenceThemeRow,
    OpportunityProblemRow,
    OpportunityRow,
    PersonRow,
    ProblemEvidenceRow,
    ProblemRow,
    ProblemSymptomRow,
    ProblemThemeRow,
    ThemeRow,
)


def create_problem(session: Session, problem: Problem) -> Problem:
    return repository.add(session, problem)


def get_problem(session: Session, problem_id: int) -> Problem:
    return repository.get(session, Problem, problem_id)


def find_problem(session: Session, statement: str) -> Problem | None:
    """The problem with exactly this statement (the lowest id when several share it)."""
    row = session.scalars(
        select(ProblemRow).where(ProblemRow.statement == statement.strip()).order_by(ProblemRow.id)
    ).first()
    return repository.to_domain(row, Problem) if row is not None else None


def link_evidence(
    session: Session, problem_id: int, evidence_ids: Sequence[int], note: str | None = None
) -> int:
    """Link the items to the problem; returns how many were not linked before. Every id
    must exist, or nothing is linked."""
    get_problem(session, problem_id)
    wanted = list(dict.fromkeys(evidence_ids))
    found = set(session.scalars(select(EvidenceItemRow.id).where(EvidenceItemRow.id.in_(wanted))))
    missing = [i for i in wanted if i not in found]
    if missing:
        raise NotFound(f"no evidence item with id {', '.join(map(str, missing))}")
    linked = set(
        session.scalars(
            select(ProblemEvidenceRow.evidence_id).where(
                ProblemEvidenceRow.problem_id == problem_id,
                ProblemEvidenceRow.evidence_id.in_(wanted),
            )
        )
    )
    new = [i for i in wanted if i not in linked]
    for evidence_id in new:
        repository.add(
            session, ProblemEvidence(problem_id=problem_id, evidence_id=evidence_id, note=note)
        )
    return len(new)


def evidence_id_of(session: Session, source: str, external_id: str) -> int:
    """The id of the item an importer keyed as (source, external id)."""
    found = session.scalar(
        select(EvidenceItemRow.id).where(
            EvidenceItemRow.source == source.strip().lower(),
            EvidenceItemRow.external_id == external_id.strip(),
        )
    )
    if found is None:
        raise NotFound(f"no evidence item from {source} with external id {external_id}")
    return found


def link_theme(session: Session, problem_id: int, theme_id: int) -> bool:
    """Everything filed in the theme, now and later, becomes evidence of the problem.
    False when it already was linked."""
    get_problem(session, problem_id)
    status = session.scalar(select(ThemeRow.status).where(ThemeRow.id == theme_id))
    if status is None:
        raise NotFound(f"no theme with id {theme_id}")
    if status is not ThemeStatus.ACTIVE:
        raise Conflict(f"theme {theme_id} is {status.value}: link the theme it became instead")
    if session.get(ProblemThemeRow, (problem_id, theme_id)) is not None:
        return False
    repository.add(session, ProblemTheme(problem_id=problem_id, theme_id=theme_id))
    return True


def link_symptom(session: Session, symptom_id: int, problem_id: int) -> bool:
    """Record that ``symptom_id`` is a symptom of ``problem_id``. Refused when
    ``problem_id`` is already, directly or down a chain, a symptom of ``symptom_id``:
    a problem cannot be a symptom of its own symptom. False when already linked."""
    get_problem(session, symptom_id)
    get_problem(session, problem_id)
    if symptom_id == problem_id:
        raise Conflict(f"problem {problem_id} cannot be a symptom of itself")
    if session.get(ProblemSymptomRow, (symptom_id, problem_id)) is not None:
        return False
    chain = symptom_of_chain(session, problem_id)
    if symptom_id in chain:
        path = " → ".join(str(p) for p in [problem_id, *chain[: chain.index(symptom_id) + 1]])
        raise Conflict(
            f"problem {symptom_id} cannot be a symptom of {problem_id}: {problem_id} is "
            f"already a symptom of {symptom_id} ({path}, each a symptom of the next)"
        )
    repository.add(session, ProblemSymptom(symptom_id=symptom_id, problem_id=problem_id))
    return True


def symptom_of_chain(session: Session, problem_id: int) -> list[int]:
    """Every problem that ``problem_id`` is a symptom of, nearest first (breadth first).

    The links are few (people write them by hand), so they are read once and walked here.
    """
    deeper: dict[int, list[int]] = {}
    query = select(ProblemSymptomRow.symptom_id, ProblemSymptomRow.problem_id)
    for symptom, problem in session.execute(query.order_by(ProblemSymptomRow.problem_id)):
        deeper.setdefault(symptom, []).append(problem)
    seen: list[int] = []
    frontier = [problem_id]
    while frontier:
        following: list[int] = []
        for current in frontier:
            for problem in deeper.get(current, []):
                if problem not in seen and problem != problem_id:
                    seen.append(problem)
                    following.append(problem)
        frontier = following
    return seen


@dataclass(frozen=True)
class ProblemSummary:
    """A problem and how much points to it (the demand figures are ``problem_demand``'s)."""

    id: int
    statement: str
    severity: Level | None
    evidence: int  # items linked by hand
    themes: int
    symptoms: int  # problems that are symptoms of this one
    symptom_of: int
    opportunities: int


def problem_summaries(session: Session, ids: Sequence[int] | None = None) -> list[ProblemSummary]:
    """Every problem (or ``ids``) with its link counts, in id order: one query."""
    query = select(
        ProblemRow.id,
        ProblemRow.statement,
        ProblemRow.severity,
        _count(ProblemEvidenceRow, ProblemEvidenceRow.problem_id == ProblemRow.id),
        _count(ProblemThemeRow, ProblemThemeRow.problem_id == ProblemRow.id),
        _count(ProblemSymptomRow, ProblemSymptomRow.problem_id == ProblemRow.id),
        _count(ProblemSymptomRow, ProblemSymptomRow.symptom_id == ProblemRow.id),
        _count(OpportunityProblemRow, OpportunityProblemRow.problem_id == ProblemRow.id),
    ).order_by(ProblemRow.id)
    if ids is not None:
        query = query.where(ProblemRow.id.in_(ids))
    return [ProblemSummary(*row) for row in session.execute(query)]


def _count(table: type[Base], condition: ColumnElement[bool]) -> ScalarSelect[int]:
    """A correlated count of link rows, answered by the link table's key or index."""
    return select(func.count()).select_from(table).where(condition).scalar_subquery()


@dataclass(frozen=True)
class LinkedTheme:
    id: int
    name: str
    status: ThemeStatus
    items: int  # items filed in it (copies included)


@dataclass(frozen=True)
class ProblemLinks:
    """What a problem's page lists besides its figures."""

    problem: Problem
    themes: tuple[LinkedTheme, ...]
    evidence_ids: tuple[int, ...]  # linked by hand
    symptoms: tuple[tuple[int, str], ...]  # (id, statement): symptoms of this problem
    symptom_of: tuple[tuple[int, str], ...]  # problems this one is a symptom of
    opportunities: tuple[tuple[int, str], ...]  # (id, title) addressing it


def problem_links(session: Session, problem_id: int) -> ProblemLinks:
    problem = get_problem(session, problem_id)
    filed = (
        select(func.count())
        .select_from(EvidenceThemeRow)
        .where(EvidenceThemeRow.theme_id == ThemeRow.id)
        .scalar_subquery()
    )
    themes = session.execute(
        select(ThemeRow.id, ThemeRow.name, ThemeRow.status, filed)
        .join(ProblemThemeRow, ProblemThemeRow.theme_id == ThemeRow.id)
        .where(ProblemThemeRow.problem_id == problem_id)
        .order_by(ThemeRow.id)
    )
    evidence = session.scalars(
        select(ProblemEvidenceRow.evidence_id)
        .where(ProblemEvidenceRow.problem_id == problem_id)
        .order_by(ProblemEvidenceRow.evidence_id)
    )
    symptoms = session.execute(
        select(ProblemRow.id, ProblemRow.statement)
        .join(ProblemSymptomRow, ProblemSymptomRow.symptom_id == ProblemRow.id)
        .where(ProblemSymptomRow.problem_id == problem_id)
        .order_by(ProblemRow.id)
    )
    symptom_of = session.execute(
        select(ProblemRow.id, ProblemRow.statement)
        .join(ProblemSymptomRow, ProblemSymptomRow.problem_id == ProblemRow.id)
        .where(ProblemSymptomRow.symptom_id == problem_id)
        .order_by(ProblemRow.id)
    )
    opportunities = session.execute(
        select(OpportunityRow.id, OpportunityRow.title)
        .join(OpportunityProblemRow, OpportunityProblemRow.opportunity_id == OpportunityRow.id)
        .where(OpportunityProblemRow.problem_id == problem_id)
        .order_by(OpportunityRow.id)
    )
    return ProblemLinks(
        problem=problem,
        themes=tuple(LinkedTheme(*row) for row in themes),
        evidence_ids=tuple(evidence),
        symptoms=tuple((i, s) for i, s in symptoms),
        symptom_of=tuple((i, s) for i, s in symptom_of),
        opportunities=tuple((i, t) for i, t in opportunities),
    )


def linked_evidence_candidates(
    session: Session, problem_id: int, limit: int = 200
) -> list[tuple[int, str, float]]:
    """(id, text, 1.0) of original items linked to the problem by hand, newest first: a
    person chose them, so they rank as closely as anything can (for quote choice)."""
    query = (
        select(EvidenceItemRow.id, EvidenceItemRow.text)
        .join(ProblemEvidenceRow, ProblemEvidenceRow.evidence_id == EvidenceItemRow.id)
        .where(
            ProblemEvidenceRow.problem_id == problem_id, EvidenceItemRow.duplicate_of_id.is_(None)
        )
        .order_by(EvidenceItemRow.created_at.desc(), EvidenceItemRow.id.desc())
        .limit(limit)
    )
    return [(i, t, 1.0) for i, t in session.execute(query)]


@dataclass(frozen=True)
class EvidenceLine:
    """One evidence item as a list shows it: who said it, through whom, and the words."""

    id: int
    source: str
    external_id: str
    kind: EvidenceKind
    created_at: datetime
    account: str | None
    said_by: str | None
    relayed_by: str | None
    text: str


def evidence_lines(session: Session, ids: Sequence[int]) -> dict[int, EvidenceLine]:
    speaker, relayer = aliased(PersonRow, name="speaker"), aliased(PersonRow, name="relayer")
    query = (
        select(
            EvidenceItemRow.id,
            EvidenceItemRow.source,
            EvidenceItemRow.external_id,
            EvidenceItemRow.kind,
            EvidenceItemRow.created_at,
            AccountRow.name,
            speaker.name,
            relayer.name,
            EvidenceItemRow.text,
        )
        .outerjoin(AccountRow, AccountRow.id == EvidenceItemRow.account_id)
        .outerjoin(speaker, speaker.id == EvidenceItemRow.person_id)
        .outerjoin(relayer, relayer.id == EvidenceItemRow.relayed_by_id)
        .where(EvidenceItemRow.id.in_(list(ids)))
    )
    return {row[0]: EvidenceLine(*row) for row in session.execute(query)}


def _anchored(item: type[EvidenceItemRow] | EvidenceItemRow) -> ColumnElement[bool]:
    """The item is evidence of some problem: linked by hand, or filed in a theme a problem
    links. A symptom is a problem itself, so its evidence is covered by the same test."""
    filed = aliased(EvidenceThemeRow, name="filed")
    return or_(
        exists().where(ProblemEvidenceRow.evidence_id == item.id),
        select(filed.evidence_id)
        .join(ProblemThemeRow, ProblemThemeRow.theme_id == filed.theme_id)
        .where(filed.evidence_id == item.id)
        .exists(),
    )


def unanchored_requests(
    session: Session, *, limit: int = 100, offset: int = 0
) -> tuple[list[EvidenceLine], int]:
    """Internal requests (asks our own people filed for customers) that are evidence of no
    problem, newest first, and how many there are. A copy counts as anchored when its
    original is: it is the same piece of evidence."""
    original = aliased(EvidenceItemRow, name="original")
    original_anchored = (
        select(original.id)
        .where(original.id == EvidenceItemRow.duplicate_of_id, _anchored(original))
        .exists()
    )
    loose = and_(
        EvidenceItemRow.kind == EvidenceKind.INTERNAL_REQUEST,
        ~_anchored(EvidenceItemRow),
        or_(EvidenceItemRow.duplicate_of_id.is_(None), ~original_anchored),
    )
    total = session.scalar(select(func.count()).select_from(EvidenceItemRow).where(loose)) or 0
    if offset >= total:  # past the end: do not walk the whole index to find nothing
        return [], total
    page = session.scalars(
        select(EvidenceItemRow.id)
        .where(loose)
        .order_by(EvidenceItemRow.created_at.desc(), EvidenceItemRow.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    lines = evidence_lines(session, page)
    return [lines[i] for i in page], total
