"""Storing a rebuild's themes so that themes stay the same objects, edits included.

Each new cluster is matched to the old theme sharing most of its evidence (Jaccard at least
one half, same level) and keeps that theme's id: links, problems and decisions that point at
a theme keep pointing at it. What people did survives:

- a renamed or pinned theme keeps its name;
- a theme merged into another keeps its members as they were at the merge: a new cluster
  that matches them goes to the theme it was merged into, so the merge is not undone;
- an item a person moved stays where they put it (the model adds no link at that level);
- a theme a person made, or one holding items a person filed, is never archived, and when
  no cluster matches it by Jaccard it still takes the cluster holding most of its items.

Old model-made themes nobody matched are archived, not deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import AssignedBy, ThemeStatus
from tradeoff.storage.tables import EvidenceThemeRow, ThemeRow
from tradeoff.storage.theme_edits import new_theme

SAME_THEME = 0.5


@dataclass(frozen=True)
class FoundTheme:
    key: str
    parent_key: str | None
    name: str
    #: Evidence id → how close it sits (0..1).
    members: dict[int, float]


@dataclass
class _Old:
    row: ThemeRow
    members: set[int] = field(default_factory=set)
    by_person: set[int] = field(default_factory=set)

    @property
    def top(self) -> bool:
        return self.row.parent_id is None

    @property
    def kept(self) -> bool:
        """Themes people shaped: never archived by a rebuild."""
        return self.row.made_by is AssignedBy.PERSON or bool(self.by_person)


def save_found_themes(session: Session, found: list[FoundTheme]) -> dict[str, int]:
    """Replace the model's themes and links with ``found``; returns theme id per key."""
    old = _old_themes(session)
    own = _own_members(old)
    ids: dict[str, int] = {}
    named: set[int] = set()
    taken: set[int] = set()
    for top in (True, False):
        level = sorted(
            (t for t in found if (t.parent_key is None) == top),
            key=lambda t: (-len(t.members), t.key),
        )
        unmatched = []
        for theme in level:
            target = _jaccard_match(set(theme.members), old, own, top, taken)
            if target is None:
                unmatched.append(theme)
            else:
                ids[theme.key] = target
        for theme in unmatched:
            target = _overlap_match(set(theme.members), old, top, taken)
            ids[theme.key] = (
                target
                if target is not None
                else new_theme(session, theme.name, None, AssignedBy.MODEL)
            )
        for theme in level:
            theme_id = ids[theme.key]
            row = old[theme_id].row if theme_id in old else session.get(ThemeRow, theme_id)
            assert row is not None
            if theme_id not in named:  # the largest cluster names and places the theme
                named.add(theme_id)
                if not row.name_pinned:
                    row.name = theme.name
                row.parent_id = ids[theme.parent_key] if theme.parent_key is not None else None
                row.status = ThemeStatus.ACTIVE
    stale = [t for i, t in old.items() if i not in named and not t.kept]
    for previous in stale:
        if previous.row.status is ThemeStatus.ACTIVE:
            previous.row.status = ThemeStatus.ARCHIVED
    _replace_model_links(session, found, ids)
    session.flush()
    return ids


def _old_themes(session: Session) -> dict[int, _Old]:
    rows = session.scalars(
        select(ThemeRow).where(ThemeRow.status.in_([ThemeStatus.ACTIVE, ThemeStatus.MERGED]))
    )
    old = {row.id: _Old(row) for row in rows}
    query = select(
        EvidenceThemeRow.theme_id, EvidenceThemeRow.evidence_id, EvidenceThemeRow.assigned_by
    )
    for theme_id, evidence_id, assigned_by in session.execute(query):
        if theme_id in old:
            old[theme_id].members.add(evidence_id)
            if assigned_by is AssignedBy.PERSON:
                old[theme_id].by_person.add(evidence_id)
    return old


def resolve(old: dict[int, _Old], theme_id: int) -> int | None:
    """The active theme a (possibly merged) theme now lives in."""
    seen: set[int] = set()
    current: int | None = theme_id
    while current is not None and current in old and current not in seen:
        seen.add(current)
        row = old[current].row
        if row.status is ThemeStatus.ACTIVE:
            return current
        current = row.merged_into_id
    return None


def _own_members(old: dict[int, _Old]) -> dict[int, set[int]]:
    """An active theme's members less those it took in merges: what it was itself."""
    own = {i: set(t.members) for i, t in old.items() if t.row.status is ThemeStatus.ACTIVE}
    for theme_id, theme in old.items():
        if theme.row.status is ThemeStatus.MERGED:
            target = resolve(old, theme_id)
            if target is not None:
                own[target] -= theme.members
    return own


def _jaccard_match(
    members: set[int], old: dict[int, _Old], own: dict[int, set[int]], top: bool, taken: set[int]
) -> int | None:
    best, best_score = None, SAME_THEME
    for theme_id, theme in sorted(old.items()):
        if theme.top != top or theme_id in taken:
            continue
        merged = theme.row.status is ThemeStatus.MERGED
        pool = theme.members if merged else own[theme_id]
        if not pool:
            continue
        score = len(members & pool) / len(members | pool)
        if score >= best_score:
            best, best_score = theme_id, score
    if best is None:
        return None
    taken.add(best)
    return resolve(old, best)


def _overlap_match(
    members: set[int], old: dict[int, _Old], top: bool, taken: set[int]
) -> int | None:
    """For themes people shaped: the cluster holding most of their items, if it is most of
    one or the other."""
    best, best_score = None, SAME_THEME
    for theme_id, theme in sorted(old.items()):
        if theme.top != top or theme_id in taken or not theme.kept:
            continue
        if theme.row.status is not ThemeStatus.ACTIVE or not theme.members:
            continue
        score = len(members & theme.members) / min(len(members), len(theme.members))
        if score >= best_score:
            best, best_score = theme_id, score
    if best is not None:
        taken.add(best)
    return best


def _replace_model_links(session: Session, found: list[FoundTheme], ids: dict[str, int]) -> None:
    """The model's links of active themes replaced; a merged theme's stay as its record."""
    merged = select(ThemeRow.id).where(ThemeRow.status == ThemeStatus.MERGED)
    session.execute(
        delete(EvidenceThemeRow).where(
            EvidenceThemeRow.assigned_by == AssignedBy.MODEL,
            EvidenceThemeRow.theme_id.not_in(merged),
        )
    )
    person_top, person_sub = person_placements(session)
    parent_of = {ids[t.key]: ids[t.parent_key] for t in found if t.parent_key is not None}
    rows: dict[tuple[int, int], float] = {}
    for theme in found:
        theme_id = ids[theme.key]
        for evidence_id, score in theme.members.items():
            if evidence_id in person_sub:
                continue
            if theme.parent_key is None and evidence_id in person_top:
                continue
            if (
                theme.parent_key is not None
                and evidence_id in person_top
                and parent_of[theme_id] not in person_top[evidence_id]
            ):
                continue
            key = (evidence_id, theme_id)
            rows[key] = max(rows.get(key, 0.0), max(0.0, min(1.0, score)))
    if rows:
        session.execute(
            insert(EvidenceThemeRow),
            [
                {"evidence_id": e, "theme_id": t, "score": s, "assigned_by": AssignedBy.MODEL}
                for (e, t), s in sorted(rows.items())
            ],
        )


def person_placements(session: Session) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """Per evidence item, the active themes and sub-themes a person filed it under."""
    query = (
        select(EvidenceThemeRow.evidence_id, ThemeRow.id, ThemeRow.parent_id)
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .where(
            EvidenceThemeRow.assigned_by == AssignedBy.PERSON,
            ThemeRow.status == ThemeStatus.ACTIVE,
        )
    )
    top: dict[int, set[int]] = {}
    sub: dict[int, set[int]] = {}
    for evidence_id, theme_id, parent_id in session.execute(query):
        (top if parent_id is None else sub).setdefault(evidence_id, set()).add(theme_id)
    return top, sub
