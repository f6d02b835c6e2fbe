"""Reading what the theme engine filed: themes, their members, the items still to place.

Writing a rebuild's themes is ``theme_matching``; people's edits are ``theme_edits``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from tradeoff.domain.enums import EvidenceKind, ThemeStatus
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow, ThemeRow


class ItemText(NamedTuple):
    """What the theme engine reads of an item (``analysis.text.theme_text``), and its original."""

    id: int
    kind: EvidenceKind
    title: str | None
    text: str
    copy_of: int | None


def _item_texts() -> Any:
    item = EvidenceItemRow
    return select(item.id, item.kind, item.title, item.text, item.duplicate_of_id)


def evidence_texts(session: Session) -> list[ItemText]:
    """Every evidence item, in id order."""
    query = _item_texts().order_by(EvidenceItemRow.id)
    return [ItemText(*row) for row in session.execute(query)]


def _filed_in_a_theme(item: type[EvidenceItemRow]) -> ColumnElement[bool]:
    """The item has a link to an active top-level theme (by the model or a person)."""
    return exists().where(
        EvidenceThemeRow.evidence_id == item.id,
        ThemeRow.id == EvidenceThemeRow.theme_id,
        ThemeRow.status == ThemeStatus.ACTIVE,
        ThemeRow.parent_id.is_(None),
    )


def unfiled_originals(session: Session) -> list[ItemText]:
    """Every original item not filed in an active theme, in id order: what an incremental
    run places (new arrivals, and the unsorted, tried again against the same centroids)."""
    query = (
        _item_texts()
        .where(EvidenceItemRow.duplicate_of_id.is_(None), ~_filed_in_a_theme(EvidenceItemRow))
        .order_by(EvidenceItemRow.id)
    )
    return [ItemText(*row) for row in session.execute(query)]


def unsorted_count(session: Session, *, originals_only: bool = False) -> int:
    """Items in no active theme: what ``tradeoff evidence --unsorted`` lists (copies too,
    unless ``originals_only``)."""
    query = select(func.count()).where(~_filed_in_a_theme(EvidenceItemRow))
    if originals_only:
        query = query.where(EvidenceItemRow.duplicate_of_id.is_(None))
    return session.scalar(query.select_from(EvidenceItemRow)) or 0


def unfiled_copies(session: Session) -> dict[int, int]:
    """Copy id → original id for copies not filed while their original is."""
    original = aliased(EvidenceItemRow)
    query = (
        select(EvidenceItemRow.id, EvidenceItemRow.duplicate_of_id)
        .join(original, and_(original.id == EvidenceItemRow.duplicate_of_id))
        .where(~_filed_in_a_theme(EvidenceItemRow), _filed_in_a_theme(original))
        .order_by(EvidenceItemRow.id)
    )
    return {i: d for i, d in session.execute(query) if d is not None}


def active_members(session: Session) -> dict[int, list[int]]:
    """Active theme id → the original items filed under it (by the model or a person)."""
    query = (
        select(EvidenceThemeRow.theme_id, EvidenceThemeRow.evidence_id)
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .join(EvidenceItemRow, EvidenceItemRow.id == EvidenceThemeRow.evidence_id)
        .where(ThemeRow.status == ThemeStatus.ACTIVE, EvidenceItemRow.duplicate_of_id.is_(None))
        .order_by(EvidenceThemeRow.theme_id, EvidenceThemeRow.evidence_id)
    )
    members: dict[int, list[int]] = {}
    for theme_id, evidence_id in session.execute(query):
        members.setdefault(theme_id, []).append(evidence_id)
    return members


@dataclass(frozen=True)
class ThemeSummary:
    """Who a theme is; its figures are ``theme_profile``'s, counted in one place."""

    id: int
    name: str
    parent_id: int | None
    name_pinned: bool


def active_themes(session: Session) -> list[ThemeSummary]:
    """Active themes holding at least one item, in id order."""
    holding = exists().where(EvidenceThemeRow.theme_id == ThemeRow.id)
    query = (
        select(ThemeRow.id, ThemeRow.name, ThemeRow.parent_id, ThemeRow.name_pinned)
        .where(ThemeRow.status == ThemeStatus.ACTIVE, holding)
        .order_by(ThemeRow.id)
    )
    return [ThemeSummary(*row) for row in session.execute(query)]


def quote_candidates(session: Session, theme_id: int) -> list[list[tuple[int, str, float]]]:
    """(id, text, closeness) of a theme's original items, grouped by active sub-theme, the
    largest group first; a theme without sub-themes is one group."""
    subthemes = select(ThemeRow.id).where(
        ThemeRow.parent_id == theme_id, ThemeRow.status == ThemeStatus.ACTIVE
    )
    query = (
        select(
            EvidenceThemeRow.theme_id,
            EvidenceItemRow.id,
            EvidenceItemRow.text,
            EvidenceThemeRow.score,
        )
        .join(EvidenceThemeRow, EvidenceThemeRow.evidence_id == EvidenceItemRow.id)
        .where(
            EvidenceThemeRow.theme_id.in_(subthemes) | (EvidenceThemeRow.theme_id == theme_id),
            EvidenceItemRow.duplicate_of_id.is_(None),
        )
    )
    groups: dict[int, list[tuple[int, str, float]]] = {}
    for group, evidence_id, text, score in session.execute(query):
        groups.setdefault(group, []).append((evidence_id, text, float(score)))
    whole = groups.pop(theme_id, [])
    in_a_sub = {e for members in groups.values() for e, _, _ in members}
    rest = [m for m in whole if m[0] not in in_a_sub]  # filed in the theme, in no sub-theme
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [members for _, members in ordered] + ([rest] if rest else [])


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
    text: str


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
        EvidenceItemRow.text,
    ).order_by(EvidenceItemRow.id)
    result = []
    for item_id, source, external_id, kind, mode, created_at, text in session.execute(items):
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
                text=text,
            )
        )
    return result
