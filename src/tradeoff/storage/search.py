"""What ``tradeoff search`` reads: the evidence a filter admits, and where items are filed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import AssignedBy, EvidenceKind, ThemeStatus
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow, ThemeRow


@dataclass(frozen=True)
class SearchFilters:
    """Narrow the search; every filter given must hold (None means any)."""

    source: str | None = None
    kind: EvidenceKind | None = None
    #: Items filed under this theme or sub-theme.
    theme_id: int | None = None
    #: Items created at or after this moment (UTC).
    since: datetime | None = None


@dataclass(frozen=True)
class SearchableEvidence:
    id: int
    source: str
    external_id: str
    kind: EvidenceKind
    created_at: datetime
    title: str | None
    text: str
    duplicate_of_id: int | None


def searchable_evidence(session: Session) -> list[SearchableEvidence]:
    """Every evidence item, copies included, in id order."""
    query = select(
        EvidenceItemRow.id,
        EvidenceItemRow.source,
        EvidenceItemRow.external_id,
        EvidenceItemRow.kind,
        EvidenceItemRow.created_at,
        EvidenceItemRow.title,
        EvidenceItemRow.text,
        EvidenceItemRow.duplicate_of_id,
    ).order_by(EvidenceItemRow.id)
    return [SearchableEvidence(*row) for row in session.execute(query)]


def admitted_ids(session: Session, filters: SearchFilters) -> set[int]:
    """Ids of the evidence items every given filter admits."""
    query = select(EvidenceItemRow.id)
    if filters.source is not None:
        query = query.where(EvidenceItemRow.source == filters.source.strip().lower())
    if filters.kind is not None:
        query = query.where(EvidenceItemRow.kind == filters.kind)
    if filters.since is not None:
        query = query.where(EvidenceItemRow.created_at >= filters.since)
    if filters.theme_id is not None:
        filed = select(EvidenceThemeRow.evidence_id).where(
            EvidenceThemeRow.theme_id == filters.theme_id
        )
        query = query.where(EvidenceItemRow.id.in_(filed))
    return set(session.scalars(query))


def is_active_theme(session: Session, theme_id: int) -> bool:
    status = session.scalar(select(ThemeRow.status).where(ThemeRow.id == theme_id))
    return status is ThemeStatus.ACTIVE


def top_level_themes(session: Session, evidence_ids: list[int]) -> dict[int, tuple[int, str]]:
    """(theme id, name) of each item's active top-level theme; a person's filing wins."""
    query = (
        select(
            EvidenceThemeRow.evidence_id, ThemeRow.id, ThemeRow.name, EvidenceThemeRow.assigned_by
        )
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .where(
            EvidenceThemeRow.evidence_id.in_(evidence_ids),
            ThemeRow.status == ThemeStatus.ACTIVE,
            ThemeRow.parent_id.is_(None),
        )
        .order_by(EvidenceThemeRow.evidence_id, EvidenceThemeRow.score.desc(), ThemeRow.id)
    )
    filed: dict[int, tuple[int, str]] = {}
    by_person: set[int] = set()
    for evidence_id, theme_id, name, assigned_by in session.execute(query):
        person = assigned_by is AssignedBy.PERSON
        if evidence_id not in filed or (person and evidence_id not in by_person):
            filed[evidence_id] = (theme_id, name)
        if person:
            by_person.add(evidence_id)
    return filed
