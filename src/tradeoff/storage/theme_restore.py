"""Bringing back a theme a rebuild retired, under its own id (``tradeoff restore``).

A rebuild retires a theme no new cluster continues and keeps what it held
(``RetiredThemeMemberRow``, see ``theme_matching``). Restoring reopens that theme, the same
id and name, so problems, decisions and links that point at it lead to it again, and files
back the items it held that are still in the workspace:

- an item a person filed elsewhere since (``tradeoff move``, a split: a link
  ``assigned_by = person`` to another active theme) stays where the person put it;
- an item the engine filed elsewhere (or left unsorted) comes back, filed as a person's
  choice, as ``tradeoff move`` files it: with its copies, it leaves the other themes of the
  level (whose names' baselines follow, so their drift does not count it), and a
  sub-theme's item is its theme's too. An item and its copies go together: a person's
  filing of either keeps both where they are.

The restored theme is a person's edit like a split: made by a person, its name pinned and
its items a person's filings, so every later re-analysis keeps it (``theme_matching``
never archives such a theme and never moves such items). A sub-theme comes back under its
theme, which must be active (one merged away: the theme it went into); when that theme was
retired too, the refusal says to restore it first: the person chooses, nothing else comes
back unasked. A theme's retired sub-themes stay retired; each can be restored in turn.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import AssignedBy, ThemeStatus
from tradeoff.errors import InputError, NotFound
from tradeoff.storage.tables import (
    EvidenceItemRow,
    EvidenceThemeRow,
    RetiredThemeMemberRow,
    ThemeRow,
)
from tradeoff.storage.theme_edits import namesakes_of, with_copies
from tradeoff.storage.theme_name_baselines import follow_edit, vouch_for_name
from tradeoff.storage.theme_name_checks import confirm_name
from tradeoff.wording import plural, shell_word


@dataclass(frozen=True)
class Restored:
    """What ``restore_theme`` did: the ids filed back (as filed, a copy under its own id)
    and the counts, a copy counted with its original as ``tradeoff themes`` counts."""

    theme_id: int
    #: A person's words: escape where rendered.
    name: str
    parent_id: int | None
    #: The ids filed in it now, in id order.
    evidence_ids: tuple[int, ...]
    #: Items filed back.
    items: int
    #: Items filed back from each active theme of its level they were in (the rest were
    #: unsorted), most first.
    came_from: tuple[tuple[int, int], ...] = ()
    #: Items a person had filed elsewhere, left there.
    kept_elsewhere: int = 0
    #: Other active themes of its level with its name (two themes of one name may be one).
    namesakes: tuple[int, ...] = ()

    @property
    def unsorted(self) -> int:
        """Items filed back that no theme of its level held."""
        return self.items - sum(count for _, count in self.came_from)


def retired_members(session: Session, theme_id: int) -> list[int]:
    """The items a retired theme held when it retired that are still in the workspace."""
    query = (
        select(RetiredThemeMemberRow.evidence_id)
        .join(EvidenceItemRow, EvidenceItemRow.id == RetiredThemeMemberRow.evidence_id)
        .where(RetiredThemeMemberRow.theme_id == theme_id)
        .order_by(RetiredThemeMemberRow.evidence_id)
    )
    return list(session.scalars(query))


def restorable(session: Session, theme_id: int) -> bool:
    """Whether ``tradeoff restore`` can bring the theme back: retired by a rebuild, with
    items of it still in the workspace (a retired sub-theme may still wait on its theme)."""
    row = session.get(ThemeRow, theme_id)
    return (
        row is not None
        and row.status is ThemeStatus.ARCHIVED
        and bool(retired_members(session, theme_id))
    )


def restore_theme(session: Session, theme_id: int) -> Restored:
    """Reopen a theme a rebuild retired, as the module says; refuses (one line) an unknown
    id, an active theme, a merged one, a sub-theme whose theme is not active and a theme
    none of whose items is still in the workspace, or whose items people filed elsewhere."""
    row = _retired(session, theme_id)
    members = retired_members(session, theme_id)
    if not members:
        raise InputError(
            f"theme {theme_id} was retired by a rebuild, and none of the items it held is in "
            "the workspace any more: nothing to restore"
        )
    parent_id = _parent(session, row)
    members = with_copies(session, members)  # an item comes back with its copies
    piece = _pieces(session, members)
    family = {theme_id} | ({parent_id} if parent_id is not None else _children(session, row))
    elsewhere = set(
        session.scalars(
            select(EvidenceThemeRow.evidence_id)
            .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
            .where(
                EvidenceThemeRow.evidence_id.in_(members),
                EvidenceThemeRow.assigned_by == AssignedBy.PERSON,
                ThemeRow.status == ThemeStatus.ACTIVE,
                ThemeRow.id.not_in(family),
            )
        )
    )
    # A person's filing of an item or of a copy keeps both there: they stay together.
    theirs = {piece[e] for e in elsewhere}
    back = sorted(e for e in members if piece[e] not in theirs)
    if not back:
        raise InputError(
            f"theme {theme_id}: a person has filed each of its "
            f"{plural(len(set(piece.values())), 'item')} still in the workspace elsewhere "
            "since it was retired, so nothing comes back: those places are theirs"
        )
    came_from = _came_from(session, back, piece, parent_id is None)
    active = select(ThemeRow.id).where(ThemeRow.status == ThemeStatus.ACTIVE)
    leaving = (
        EvidenceThemeRow.evidence_id.in_(back),
        EvidenceThemeRow.theme_id.in_(active),
        EvidenceThemeRow.theme_id.not_in(family),
    )
    removed_from = set(session.scalars(select(EvidenceThemeRow.theme_id).where(*leaving)))
    session.execute(delete(EvidenceThemeRow).where(*leaving))
    row.status = ThemeStatus.ACTIVE
    row.parent_id = parent_id
    row.name_pinned = True
    row.made_by = AssignedBy.PERSON
    session.execute(delete(RetiredThemeMemberRow).where(RetiredThemeMemberRow.theme_id == theme_id))
    confirm_name(session, theme_id)
    session.flush()
    placed = [theme_id] if parent_id is None else [theme_id, parent_id]
    for evidence_id in back:
        for placed_id in placed:
            _file_as_person(session, evidence_id, placed_id)
    follow_edit(session, placed, removed_from, back)  # as ``tradeoff move`` keeps them
    vouch_for_name(session, theme_id)  # drift is measured from what came back
    return Restored(
        theme_id=theme_id,
        name=row.name,
        parent_id=parent_id,
        evidence_ids=tuple(back),
        items=len({piece[e] for e in back}),
        came_from=came_from,
        kept_elsewhere=len(theirs),
        namesakes=tuple(namesakes_of(session, theme_id)),
    )


def _retired(session: Session, theme_id: int) -> ThemeRow:
    """The theme, if a rebuild retired it; otherwise the one line saying why not."""
    row = session.get(ThemeRow, theme_id)
    if row is None:
        raise NotFound(f"no theme with id {theme_id}")
    if row.status is ThemeStatus.ACTIVE:
        raise InputError(f"theme {theme_id} is active: there is nothing to restore")
    if row.status is ThemeStatus.MERGED:
        raise InputError(_merged_words(session, row))
    return row


def _merged_words(session: Session, row: ThemeRow) -> str:
    """A merge is a person's edit, which restore does not undo: where its items are, and
    the split that takes them out again."""
    target = _resolved(session, row.merged_into_id)
    head = f"theme {row.id} was merged by a person, not retired by a rebuild"
    if target is None or target.status is not ThemeStatus.ACTIVE:
        last = target.id if target is not None else row.merged_into_id
        return (
            f"{head}, into theme {last}, which a rebuild has since retired: restore that "
            f"one (tradeoff restore {last})"
        )
    held = select(EvidenceThemeRow.evidence_id).where(EvidenceThemeRow.theme_id == row.id)
    there = list(
        session.scalars(
            select(EvidenceThemeRow.evidence_id)
            .where(EvidenceThemeRow.theme_id == target.id, EvidenceThemeRow.evidence_id.in_(held))
            .order_by(EvidenceThemeRow.evidence_id)
        )
    )
    if not there:
        return f"{head}, into theme {target.id}, which holds none of its items now"
    return (
        f"{head}: its items are in theme {target.id}; to take them out again: tradeoff split "
        f"{target.id} --items {','.join(map(str, there))} --name {shell_word(row.name)}"
    )


def _resolved(session: Session, theme_id: int | None) -> ThemeRow | None:
    """The theme ``theme_id`` now lives in, following merges."""
    seen: set[int] = set()
    row = session.get(ThemeRow, theme_id) if theme_id is not None else None
    while row is not None and row.status is ThemeStatus.MERGED and row.id not in seen:
        seen.add(row.id)
        row = session.get(ThemeRow, row.merged_into_id) if row.merged_into_id else None
    return row


def _parent(session: Session, row: ThemeRow) -> int | None:
    """The active theme a restored sub-theme goes under; refused when there is none."""
    if row.parent_id is None:
        return None
    parent = _resolved(session, row.parent_id)
    if parent is not None and parent.status is ThemeStatus.ACTIVE:
        return parent.id
    last = parent.id if parent is not None else row.parent_id
    raise InputError(
        f"sub-theme {row.id} belongs to theme {last}, which a rebuild retired too: "
        f"restore that one first (tradeoff restore {last}), then this one"
    )


def _children(session: Session, row: ThemeRow) -> set[int]:
    """The active sub-themes under a theme: their links stay as they are."""
    query = select(ThemeRow.id).where(
        ThemeRow.parent_id == row.id, ThemeRow.status == ThemeStatus.ACTIVE
    )
    return set(session.scalars(query))


def _came_from(
    session: Session, back: list[int], piece: dict[int, int], top: bool
) -> tuple[tuple[int, int], ...]:
    """Per active theme of the level, how many of the items coming back it held, most first."""
    level = ThemeRow.parent_id.is_(None) if top else ThemeRow.parent_id.is_not(None)
    query = (
        select(EvidenceThemeRow.theme_id, EvidenceThemeRow.evidence_id)
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .where(EvidenceThemeRow.evidence_id.in_(back), ThemeRow.status == ThemeStatus.ACTIVE, level)
    )
    held: dict[int, set[int]] = {}
    for theme_id, evidence_id in session.execute(query):
        held.setdefault(theme_id, set()).add(piece[evidence_id])
    counts = Counter({theme_id: len(items) for theme_id, items in held.items()})
    return tuple(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))


def _pieces(session: Session, evidence_ids: list[int]) -> dict[int, int]:
    """Each id → the item it is (a copy: its original), as ``tradeoff themes`` counts."""
    query = select(EvidenceItemRow.id, EvidenceItemRow.duplicate_of_id).where(
        EvidenceItemRow.id.in_(evidence_ids)
    )
    return {e: original or e for e, original in session.execute(query)}


def _file_as_person(session: Session, evidence_id: int, theme_id: int) -> None:
    link = session.get(EvidenceThemeRow, (evidence_id, theme_id))
    if link is None:
        session.add(
            EvidenceThemeRow(
                evidence_id=evidence_id,
                theme_id=theme_id,
                score=1.0,
                assigned_by=AssignedBy.PERSON,
            )
        )
        return
    link.assigned_by = AssignedBy.PERSON
