"""What people do to themes: rename, pin a name, move items, merge two themes, split one.

Every change is stored so that re-analysis keeps it (see ``theme_matching``): a person's
filing is a link ``assigned_by = person``, which the model never overrides; a merged theme
stays as a record (status merged, its members as they were) pointing at the theme it went
into; a theme made by splitting is ``made_by = person`` and is never archived. Renaming,
pinning or unpinning a theme ends a rebuild's mark that its name is to check.

Renaming or pinning also vouches for what the theme holds: its items become the baseline
later rebuilds compare the name with (``theme_name_baselines``); unpinning drops it. Moves,
merges and splits keep every baseline they touch true: items a person files into a named
theme are vouched for, items taken out of one leave its baseline, a merge adds what the
merged theme held to the baseline of the theme it went into, and a split's new theme
starts from the items it was given.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import AssignedBy, ThemeStatus
from tradeoff.domain.rules import now_utc
from tradeoff.errors import InputError, NotFound
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow, ThemeRow
from tradeoff.storage.theme_name_baselines import drop_baseline, follow_edit, vouch_for_name
from tradeoff.storage.theme_name_checks import confirm_name
from tradeoff.storage.themes import not_active, same_level_as

NAME_LIMIT = 300


def active_theme(session: Session, theme_id: int) -> ThemeRow:
    """The theme to edit; a merged one's error names the theme it went into."""
    row = session.get(ThemeRow, theme_id)
    if row is None or row.status is not ThemeStatus.ACTIVE:
        raise NotFound(not_active(session, theme_id))
    return row


def rename_theme(session: Session, theme_id: int, name: str) -> list[int]:
    """A person's name, pinned: re-analysis keeps it. Returns the other active themes that
    of its level already bearing it (any case): allowed, but two themes of one name are
    likely one theme to merge."""
    row = active_theme(session, theme_id)
    row.name = _valid_name(name)
    row.name_pinned = True
    confirm_name(session, theme_id)
    vouch_for_name(session, theme_id)
    return namesakes_of(session, theme_id)


def namesakes_of(session: Session, theme_id: int) -> list[int]:
    """The other active themes of the theme's level bearing its name (any case): two themes
    of one name are likely one theme to merge."""
    row = active_theme(session, theme_id)
    namesakes = select(ThemeRow.id).where(
        ThemeRow.status == ThemeStatus.ACTIVE,
        ThemeRow.id != theme_id,
        func.lower(ThemeRow.name) == row.name.lower(),
        same_level_as(row),
    )
    return list(session.scalars(namesakes.order_by(ThemeRow.id)))


def pin_theme(session: Session, theme_id: int, pinned: bool = True) -> None:
    """Keep (or stop keeping) the current name through re-analysis. Either way a person
    chose: a name a rebuild marked to check (``theme_name_checks``) is no longer."""
    active_theme(session, theme_id).name_pinned = pinned
    confirm_name(session, theme_id)
    if pinned:
        vouch_for_name(session, theme_id)
    else:
        drop_baseline(session, theme_id)


def move_evidence(session: Session, evidence_ids: Sequence[int], theme_id: int) -> list[int]:
    """File items (and their copies) under ``theme_id`` as a person; returns the items moved.

    The items leave every other theme at that level. Moved to a sub-theme, they are also
    filed under its theme; moved to a theme, they keep a sub-theme only if it is that
    theme's.
    """
    target = active_theme(session, theme_id)
    items = with_copies(session, _existing(session, evidence_ids))
    active = select(ThemeRow.id, ThemeRow.parent_id).where(ThemeRow.status == ThemeStatus.ACTIVE)
    parents = {theme: parent for theme, parent in session.execute(active)}
    keep: set[int] = set()
    if target.parent_id is None:
        keep = {i for i, parent in parents.items() if parent == target.id}
    left = set(parents) - keep
    session.execute(
        delete(EvidenceThemeRow).where(
            EvidenceThemeRow.evidence_id.in_(items),
            EvidenceThemeRow.theme_id.in_(left),
        )
    )
    placed = [target.id] if target.parent_id is None else [target.id, target.parent_id]
    for evidence_id in items:
        for placed_id in placed:
            session.add(
                EvidenceThemeRow(
                    evidence_id=evidence_id,
                    theme_id=placed_id,
                    score=1.0,
                    assigned_by=AssignedBy.PERSON,
                )
            )
    follow_edit(session, placed, left, items)
    return items


def merge_themes(session: Session, source_id: int, target_id: int) -> None:
    """``source`` goes into ``target``: its items, its sub-themes; it stays as a record."""
    if source_id == target_id:
        raise InputError(f"theme {source_id} cannot be merged into itself")
    source, target = active_theme(session, source_id), active_theme(session, target_id)
    if (source.parent_id is None) != (target.parent_id is None):
        raise InputError(
            f"theme {source_id} and theme {target_id} are not at the same level: "
            "merge a theme into a theme, a sub-theme into a sub-theme"
        )
    links = list(
        session.execute(
            select(
                EvidenceThemeRow.evidence_id, EvidenceThemeRow.score, EvidenceThemeRow.assigned_by
            ).where(EvidenceThemeRow.theme_id == source_id)
        )
    )
    into, left = [target_id], []
    if source.parent_id is not None and source.parent_id != target.parent_id:
        assert target.parent_id is not None
        into, left = [target_id, target.parent_id], [source.parent_id]
    for evidence_id, score, assigned_by in links:
        _file(session, evidence_id, target_id, score, assigned_by)
        if left:
            _refile(session, evidence_id, left[0], into[1])
    for child in session.scalars(
        select(ThemeRow).where(
            ThemeRow.parent_id == source_id, ThemeRow.status != ThemeStatus.MERGED
        )
    ):
        child.parent_id = target_id
    source.status = ThemeStatus.MERGED
    source.merged_into_id = target_id
    follow_edit(session, into, left, [evidence_id for evidence_id, _, _ in links])


def split_theme(session: Session, theme_id: int, evidence_ids: Sequence[int], name: str) -> int:
    """A new theme, beside ``theme_id``, holding the given items of it; returns its id."""
    source = active_theme(session, theme_id)
    members = set(
        session.scalars(
            select(EvidenceThemeRow.evidence_id).where(EvidenceThemeRow.theme_id == theme_id)
        )
    )
    chosen = _existing(session, evidence_ids)
    outside = [i for i in chosen if i not in members]
    if outside:
        raise InputError(f"evidence item {outside[0]} is not in theme {theme_id}")
    if set(chosen) == members:
        raise InputError(f"splitting off every item of theme {theme_id} leaves it empty: rename it")
    new_id = new_theme(session, _valid_name(name), source.parent_id, AssignedBy.PERSON)
    move_evidence(session, chosen, new_id)
    vouch_for_name(session, new_id)
    return new_id


def new_theme(session: Session, name: str, parent_id: int | None, made_by: AssignedBy) -> int:
    """An active theme; a person's keeps its name (it was chosen), the model's follows its
    words."""
    row = ThemeRow(
        name=name,
        parent_id=parent_id,
        status=ThemeStatus.ACTIVE,
        created_at=now_utc(),
        name_pinned=made_by is AssignedBy.PERSON,
        made_by=made_by,
    )
    session.add(row)
    session.flush()
    return row.id


def _valid_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InputError("a theme's name cannot be empty")
    if len(cleaned) > NAME_LIMIT:
        raise InputError(f"a theme's name is at most {NAME_LIMIT} characters")
    return cleaned


def _existing(session: Session, evidence_ids: Sequence[int]) -> list[int]:
    wanted = list(dict.fromkeys(evidence_ids))
    if not wanted:
        raise InputError("name at least one evidence item")
    found = set(session.scalars(select(EvidenceItemRow.id).where(EvidenceItemRow.id.in_(wanted))))
    missing = [i for i in wanted if i not in found]
    if missing:
        raise NotFound(f"no evidence item with id {missing[0]}")
    return wanted


def with_copies(session: Session, evidence_ids: list[int]) -> list[int]:
    """The items and their copies: an edit of an item moves its copies with it."""
    copies = session.scalars(
        select(EvidenceItemRow.id)
        .where(EvidenceItemRow.duplicate_of_id.in_(evidence_ids))
        .order_by(EvidenceItemRow.id)
    )
    return list(dict.fromkeys([*evidence_ids, *copies]))


def _file(
    session: Session, evidence_id: int, theme_id: int, score: float, assigned_by: AssignedBy
) -> None:
    """A link, unless one exists: a person's filing and the higher score win."""
    link = session.get(EvidenceThemeRow, (evidence_id, theme_id))
    if link is None:
        session.add(
            EvidenceThemeRow(
                evidence_id=evidence_id, theme_id=theme_id, score=score, assigned_by=assigned_by
            )
        )
        session.flush()
        return
    link.score = max(link.score, score)
    if assigned_by is AssignedBy.PERSON:
        link.assigned_by = AssignedBy.PERSON


def _refile(session: Session, evidence_id: int, old_theme: int, new_theme: int) -> None:
    link = session.get(EvidenceThemeRow, (evidence_id, old_theme))
    if link is None:
        return
    score, assigned_by = link.score, link.assigned_by
    session.delete(link)
    session.flush()
    _file(session, evidence_id, new_theme, score, assigned_by)
