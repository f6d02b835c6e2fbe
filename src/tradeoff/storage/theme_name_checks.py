"""Theme names to check: a person's name that rebuilds kept on a theme whose items moved.

A rebuild keeps the name a person gave a theme (``tradeoff rename``, ``tradeoff pin``:
``name_pinned``), as an edit promises; but it may move most of the items the person was
looking at elsewhere, at once or a little at each rebuild, and the name then misdescribes
the theme. So after every rebuild each active theme with a pinned name is compared with
its baseline (``theme_name_baselines``): the items it held when a person last renamed or
pinned it, kept true by their edits since (items filed into it between rebuilds, by an
incremental run, count neither way). A theme without one (pinned by a path that records
none) takes the items it held just before this rebuild.

The name is **to check** when the baseline's items and those after the rebuild have a
Jaccard index below ``STALE_BELOW`` (0.5): those in both are fewer than half of those in
either. With no item coming in, that is fewer than half of its items staying; with every
item staying, that is more items coming from elsewhere than it had. Items are counted as
``tradeoff themes`` counts them, a copy with its original. The mark ends when a person
renames or pins the theme again (which also takes a new baseline) or unpins it
(``confirm_name``), or a rebuild gives the items back (the baseline stays as it was).
``theme_name_check_members`` keeps the items the mark compared with when it was made.

A named theme that no cluster of the rebuild could continue (``theme_matching``) is
retired; the rebuild then says so and where its items went (``retired_names``), since a
person's edit must not disappear without a word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, false, insert, or_, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import ThemeStatus
from tradeoff.domain.rules import now_utc
from tradeoff.storage.tables import (
    EvidenceItemRow,
    EvidenceThemeRow,
    RetiredThemeMemberRow,
    ThemeRow,
)
from tradeoff.storage.tables.evidence import ThemeNameCheckMemberRow, ThemeNameCheckRow
from tradeoff.storage.tables.theme_names import ThemeNameBaselineRow
from tradeoff.storage.theme_name_baselines import (
    Baseline,
    baselines_of,
    keep_baseline,
    members_now,
)
from tradeoff.storage.themes import same_level_as

#: The Jaccard index of the items before and after below which a kept name is to check.
STALE_BELOW = 0.5


@dataclass(frozen=True)
class NameCheck:
    """A theme whose name is to check, and why: of the ``items_named`` items it held when
    a person last named it, ``items_kept`` are still in it after the last rebuild, and
    ``items_new`` others came in since."""

    theme_id: int
    #: The name kept (a person's words: escape where rendered).
    name: str
    items_named: int
    items_kept: int
    items_new: int
    flagged_at: datetime
    #: When a person last renamed or pinned it; None when its baseline was taken from its
    #: items at the upgrade to 0032 (the day is not known).
    named_at: datetime | None = None

    @property
    def overlap(self) -> float:
        """The Jaccard index of the items before and after."""
        either = self.items_named + self.items_new
        return self.items_kept / either if either else 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "items_named": self.items_named,
            "items_kept": self.items_kept,
            "items_new": self.items_new,
            "overlap": round(self.overlap, 3),
            "flagged_at": self.flagged_at.isoformat(),
        }


def is_stale(named: set[int], now: set[int]) -> bool:
    """Whether a theme that held ``named`` and holds ``now`` is another theme by its items.

    >>> is_stale({1, 2, 3, 4}, {1, 5})
    True
    """
    either = len(named | now)
    return bool(either) and len(named & now) / either < STALE_BELOW


def check_kept_names(session: Session, before: Mapping[int, Iterable[int]]) -> None:
    """Mark or clear, after a rebuild, every active theme with a pinned name; ``before``
    holds each theme's evidence ids just before the rebuild (``names_to_check`` reads the
    marks). Each theme's baseline is brought up to date on the way."""
    session.flush()
    gone = select(ThemeRow.id).where(
        or_(ThemeRow.status != ThemeStatus.ACTIVE, ThemeRow.name_pinned == false())
    )
    session.execute(delete(ThemeNameCheckRow).where(ThemeNameCheckRow.theme_id.in_(gone)))
    unpinned = select(ThemeRow.id).where(ThemeRow.name_pinned == false())
    session.execute(delete(ThemeNameBaselineRow).where(ThemeNameBaselineRow.theme_id.in_(unpinned)))
    pinned = list(
        session.scalars(
            select(ThemeRow.id).where(
                ThemeRow.status == ThemeStatus.ACTIVE,
                ThemeRow.name_pinned,
                ThemeRow.id.in_(list(before)),
            )
        )
    )
    if not pinned:
        return
    piece = _pieces(session)
    baselines = baselines_of(session, pinned, piece)
    marked = set(
        session.scalars(
            select(ThemeNameCheckRow.theme_id).where(ThemeNameCheckRow.theme_id.in_(pinned))
        )
    )
    now = members_now(session, pinned)
    at = now_utc()
    for theme_id in sorted(pinned):
        held = {piece.get(e, e) for e in before[theme_id]}
        after = now.get(theme_id, set())
        stored = baselines.get(theme_id)
        if stored is None:  # pinned by a path that records no baseline: what it held
            stored = Baseline(frozenset(held), frozenset(), None)
        came, baseline = stored.compared(held, after)
        keep_baseline(session, theme_id, baseline, new=theme_id not in baselines)
        named = set(stored.named)
        # No items named (all deleted since, by an undone import): nothing to compare with.
        if not named or not is_stale(named, (after & named) | came):
            if theme_id in marked:
                confirm_name(session, theme_id)
            continue
        figures = {
            "items_named": len(named),
            "items_kept": len(named & after),
            "items_new": len(came),
            "flagged_at": at,
        }
        if theme_id in marked:
            row = session.get(ThemeNameCheckRow, theme_id)
            assert row is not None
            for column, value in figures.items():
                setattr(row, column, value)
            continue
        session.execute(insert(ThemeNameCheckRow).values(theme_id=theme_id, **figures))
        session.execute(
            insert(ThemeNameCheckMemberRow),
            [{"theme_id": theme_id, "evidence_id": e} for e in sorted(named)],
        )
    session.flush()


def names_to_check(session: Session) -> dict[int, NameCheck]:
    """The open marks of active themes whose name is pinned, by theme id."""
    query = (
        select(ThemeNameCheckRow, ThemeRow.name, ThemeNameBaselineRow.named_at)
        .join(ThemeRow, ThemeRow.id == ThemeNameCheckRow.theme_id)
        .outerjoin(ThemeNameBaselineRow, ThemeNameBaselineRow.theme_id == ThemeRow.id)
        .where(ThemeRow.status == ThemeStatus.ACTIVE, ThemeRow.name_pinned)
    )
    return {
        row.theme_id: _check(row, name, named_at) for row, name, named_at in session.execute(query)
    }


def name_check_of(session: Session, theme_id: int) -> NameCheck | None:
    """The theme's open mark, if its name is to check."""
    return names_to_check(session).get(theme_id)


def confirm_name(session: Session, theme_id: int) -> None:
    """A person chose the name again (renamed, pinned or unpinned it): the mark ends."""
    session.execute(delete(ThemeNameCheckRow).where(ThemeNameCheckRow.theme_id == theme_id))


@dataclass(frozen=True)
class RetiredName:
    """A theme with a person's name that a rebuild retired, no cluster holding enough of its
    items to carry the name on (``theme_matching._continue_named``), and where its items
    are now: what a person needs to decide whether to make it again.

    The ids are the items as they are filed, a copy under its own id: a theme's links are
    stored per copy, and a copy may sit in another theme than its original, so a command
    naming the original for the copy's theme fails (``tradeoff split``: "evidence item N is
    not in theme T"). Only the counts fold a copy into its original (``copy_of``), as
    ``tradeoff themes`` counts them.
    """

    theme_id: int
    #: The name it had (a person's words: escape where rendered).
    name: str
    #: A sub-theme: its items went to sub-themes (and ``nowhere`` is in none).
    subtheme: bool
    #: Active themes of its level holding its items, most first: (theme id, the ids filed
    #: there).
    went: tuple[tuple[int, tuple[int, ...]], ...]
    #: Its ids filed in no theme of its level now (a copy here may have its original filed).
    nowhere: tuple[int, ...]
    #: Copy → its original, for the copies among the ids above.
    copy_of: Mapping[int, int] = field(default_factory=dict, hash=False)

    def count(self, evidence_ids: Iterable[int]) -> int:
        """How many items the ids are, a copy one with its original."""
        return len(self._folded(evidence_ids))

    @property
    def items(self) -> int:
        """The items it held that are still in the workspace, a copy with its original."""
        return self.count([*self._placed(), *self.nowhere])

    @property
    def unsorted(self) -> int:
        """Its items in no theme of its level: neither they nor a copy of them is filed."""
        return len(self._folded(self.nowhere) - self._folded(self._placed()))

    def _placed(self) -> list[int]:
        return [e for _, ids in self.went for e in ids]

    def _folded(self, evidence_ids: Iterable[int]) -> set[int]:
        return {self.copy_of.get(e, e) for e in evidence_ids}


def named_themes(session: Session) -> set[int]:
    """The active themes and sub-themes whose name a person gave or pinned: read before a
    rebuild, so ``retired_names`` can tell which of them it retired."""
    query = select(ThemeRow.id).where(ThemeRow.status == ThemeStatus.ACTIVE, ThemeRow.name_pinned)
    return set(session.scalars(query))


def retired_names(session: Session, named: Iterable[int]) -> list[RetiredName]:
    """Of ``named`` (``named_themes`` before a rebuild), those it retired, by id, with where
    the items each held went (counted as ``tradeoff themes`` counts them)."""
    session.flush()
    retired = list(
        session.scalars(
            select(ThemeRow)
            .where(ThemeRow.id.in_(list(named)), ThemeRow.status == ThemeStatus.ARCHIVED)
            .order_by(ThemeRow.id)
        )
    )
    if not retired:
        return []
    piece = _pieces(session)
    return [_retired_name(session, row, piece) for row in retired]


def _retired_name(session: Session, row: ThemeRow, piece: Mapping[int, int]) -> RetiredName:
    held = select(RetiredThemeMemberRow.evidence_id).where(RetiredThemeMemberRow.theme_id == row.id)
    items = set(session.scalars(held))
    query = (
        select(EvidenceThemeRow.theme_id, EvidenceThemeRow.evidence_id)
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .where(
            ThemeRow.status == ThemeStatus.ACTIVE,
            same_level_as(row),
            EvidenceThemeRow.evidence_id.in_(held),
        )
    )
    where: dict[int, set[int]] = {}  # the ids filed there, as filed: commands name them
    for theme_id, evidence_id in session.execute(query):
        where.setdefault(theme_id, set()).add(evidence_id)
    folded = {t: {piece.get(e, e) for e in ids} for t, ids in where.items()}
    went = sorted(where.items(), key=lambda pair: (-len(folded[pair[0]]), pair[0]))
    placed = {e for ids in where.values() for e in ids}
    return RetiredName(
        theme_id=row.id,
        name=row.name,
        subtheme=row.parent_id is not None,
        went=tuple((theme_id, tuple(sorted(ids))) for theme_id, ids in went),
        nowhere=tuple(sorted(items - placed)),
        copy_of={e: piece[e] for e in items if e in piece},
    )


def _check(row: ThemeNameCheckRow, name: str, named_at: datetime | None) -> NameCheck:
    return NameCheck(
        theme_id=row.theme_id,
        name=name,
        items_named=row.items_named,
        items_kept=row.items_kept,
        items_new=row.items_new,
        flagged_at=row.flagged_at,
        named_at=named_at,
    )


def _pieces(session: Session) -> dict[int, int]:
    """Copy id → its original: a copy is one item with it (``theme_profile``)."""
    query = select(EvidenceItemRow.id, EvidenceItemRow.duplicate_of_id).where(
        EvidenceItemRow.duplicate_of_id.is_not(None)
    )
    return {copy: original for copy, original in session.execute(query) if original is not None}
