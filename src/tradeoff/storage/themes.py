"""Storing what the theme engine found, so that themes are stable objects across runs.

A re-analysis matches each new theme to the old one sharing most of its evidence (Jaccard
at least one half, same level), and keeps that theme's id: links, problems and decisions
that point at a theme keep pointing at it. Old model-made themes nobody matched are
archived, not deleted. Links a person made are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import AssignedBy, ThemeStatus
from tradeoff.domain.rules import now_utc
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow, ThemeRow

SAME_THEME = 0.5


@dataclass(frozen=True)
class FoundTheme:
    key: str
    parent_key: str | None
    name: str
    #: Evidence id → how close it sits (0..1).
    members: dict[int, float]


def save_found_themes(session: Session, found: list[FoundTheme]) -> dict[str, int]:
    """Replace the model's themes and links with ``found``; returns theme id per key."""
    old_members = _model_members(session)
    old_level = {
        row.id: row.parent_id is None
        for row in session.scalars(select(ThemeRow).where(ThemeRow.id.in_(old_members)))
    }
    ids: dict[str, int] = {}
    taken: set[int] = set()
    for theme in sorted(found, key=lambda t: (t.parent_key is not None, -len(t.members), t.key)):
        top = theme.parent_key is None
        match = _best_match(set(theme.members), old_members, old_level, top, taken)
        parent_id = ids[theme.parent_key] if theme.parent_key is not None else None
        if match is None:
            row = ThemeRow(
                name=theme.name,
                parent_id=parent_id,
                status=ThemeStatus.ACTIVE,
                created_at=now_utc(),
            )
            session.add(row)
            session.flush()
        else:
            taken.add(match)
            existing = session.get(ThemeRow, match)
            assert existing is not None
            existing.name, existing.parent_id = theme.name, parent_id
            existing.status = ThemeStatus.ACTIVE
            row = existing
        ids[theme.key] = row.id
    for stale in set(old_members) - taken:
        old = session.get(ThemeRow, stale)
        if old is not None and old.status is ThemeStatus.ACTIVE:
            old.status = ThemeStatus.ARCHIVED
    session.execute(
        delete(EvidenceThemeRow).where(EvidenceThemeRow.assigned_by == AssignedBy.MODEL)
    )
    by_person = set(
        session.execute(
            select(EvidenceThemeRow.evidence_id, EvidenceThemeRow.theme_id).where(
                EvidenceThemeRow.assigned_by == AssignedBy.PERSON
            )
        )
    )
    rows = [
        {
            "evidence_id": evidence_id,
            "theme_id": ids[theme.key],
            "score": max(0.0, min(1.0, score)),
            "assigned_by": AssignedBy.MODEL,
        }
        for theme in found
        for evidence_id, score in theme.members.items()
        if (evidence_id, ids[theme.key]) not in by_person
    ]
    if rows:
        session.execute(insert(EvidenceThemeRow), rows)
    return ids


def _model_members(session: Session) -> dict[int, set[int]]:
    members: dict[int, set[int]] = {}
    query = select(EvidenceThemeRow.theme_id, EvidenceThemeRow.evidence_id).where(
        EvidenceThemeRow.assigned_by == AssignedBy.MODEL
    )
    for theme_id, evidence_id in session.execute(query):
        members.setdefault(theme_id, set()).add(evidence_id)
    return members


def _best_match(
    members: set[int],
    old_members: dict[int, set[int]],
    old_level: dict[int, bool],
    top: bool,
    taken: set[int],
) -> int | None:
    best, best_score = None, SAME_THEME
    for theme_id, old in old_members.items():
        if theme_id in taken or old_level.get(theme_id) != top:
            continue
        score = len(members & old) / len(members | old)
        if score >= best_score:
            best, best_score = theme_id, score
    return best


def evidence_texts(session: Session) -> list[tuple[int, str, int | None]]:
    """(id, text, the item it copies) for every evidence item, in id order."""
    query = select(EvidenceItemRow.id, EvidenceItemRow.text, EvidenceItemRow.duplicate_of_id)
    return [(i, t, d) for i, t, d in session.execute(query.order_by(EvidenceItemRow.id))]


@dataclass(frozen=True)
class ThemeSummary:
    id: int
    name: str
    parent_id: int | None
    items: int
    accounts: int


def active_themes(session: Session) -> list[ThemeSummary]:
    """Active themes with their evidence and distinct-account counts, largest first."""
    query = (
        select(
            ThemeRow.id,
            ThemeRow.name,
            ThemeRow.parent_id,
            func.count(EvidenceThemeRow.evidence_id),
            func.count(func.distinct(EvidenceItemRow.account_id)),
        )
        .join(EvidenceThemeRow, EvidenceThemeRow.theme_id == ThemeRow.id)
        .join(EvidenceItemRow, EvidenceItemRow.id == EvidenceThemeRow.evidence_id)
        .where(ThemeRow.status == ThemeStatus.ACTIVE)
        .group_by(ThemeRow.id, ThemeRow.name, ThemeRow.parent_id)
    )
    summaries = [ThemeSummary(*row) for row in session.execute(query)]
    return sorted(summaries, key=lambda s: (-s.items, s.id))


def closest_quotes(session: Session, theme_id: int, limit: int = 5) -> list[tuple[str, float]]:
    """The texts that sit closest to the theme's centre: its most typical evidence."""
    query = (
        select(EvidenceItemRow.text, EvidenceThemeRow.score)
        .join(EvidenceThemeRow, EvidenceThemeRow.evidence_id == EvidenceItemRow.id)
        .where(EvidenceThemeRow.theme_id == theme_id, EvidenceItemRow.duplicate_of_id.is_(None))
        .order_by(EvidenceThemeRow.score.desc(), EvidenceItemRow.id)
        .limit(limit)
    )
    return [(text, float(score)) for text, score in session.execute(query)]


@dataclass(frozen=True)
class FiledEvidence:
    id: int
    source: str
    external_id: str
    kind: str
    mode: str
    created_at: str
    theme_id: int | None
    theme: str | None
    subtheme_id: int | None
    subtheme: str | None


def filed_evidence(session: Session) -> list[FiledEvidence]:
    """Every evidence item with its active theme and sub-theme (None when unsorted)."""
    placed: dict[int, dict[bool, tuple[int, str]]] = {}
    query = (
        select(EvidenceThemeRow.evidence_id, ThemeRow.id, ThemeRow.name, ThemeRow.parent_id)
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .where(ThemeRow.status == ThemeStatus.ACTIVE)
        .order_by(EvidenceThemeRow.assigned_by.desc(), EvidenceThemeRow.score.desc())
    )
    for evidence_id, theme_id, name, parent_id in session.execute(query):
        placed.setdefault(evidence_id, {}).setdefault(parent_id is None, (theme_id, name))
    items = select(
        EvidenceItemRow.id,
        EvidenceItemRow.source,
        EvidenceItemRow.external_id,
        EvidenceItemRow.kind,
        EvidenceItemRow.mode,
        EvidenceItemRow.created_at,
    ).order_by(EvidenceItemRow.id)
    result = []
    for item_id, source, external_id, kind, mode, created_at in session.execute(items):
        top = placed.get(item_id, {}).get(True)
        sub = placed.get(item_id, {}).get(False)
        result.append(
            FiledEvidence(
                id=item_id,
                source=source,
                external_id=external_id,
                kind=kind.value,
                mode=mode.value,
                created_at=created_at.isoformat(),
                theme_id=top[0] if top else None,
                theme=top[1] if top else None,
                subtheme_id=sub[0] if sub else None,
                subtheme=sub[1] if sub else None,
            )
        )
    return result
