"""Storing a rebuild's themes so that themes stay the same objects, edits included.

Each new cluster continues the old theme (same level) it shares most evidence with, when
most of the one is in the other (see ``_match``), and keeps that theme's id: links, problems
and decisions that point at a theme keep pointing at it. What people did survives:

- a renamed or pinned theme keeps its name; when the rebuild moved most of its items,
  the name is marked to check (``theme_name_checks``). One that no cluster continues by
  that rule is continued by the cluster holding most of its items, when that holds a
  real share of them, no other theme continues that cluster and none has more items in
  it (``_continue_named``): the id and the name live on, and the mark says how much
  stayed. Otherwise it is retired, and the rebuild says where its items went
  (``theme_name_checks.retired_names``);
- a theme merged into another keeps its members as they were at the merge: a new cluster
  that matches them goes to the theme it was merged into, so the merge is not undone;
- an item a person moved stays where they put it (the model adds no link at that level);
- a theme a person made, or one holding items a person filed, is never archived: it keeps
  what people filed in it even when no cluster continues it.

Old model-made themes nobody matched are archived, not deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import AssignedBy, ThemeStatus
from tradeoff.storage.tables import EvidenceThemeRow, RetiredThemeMemberRow, ThemeRow
from tradeoff.storage.theme_edits import new_theme
from tradeoff.storage.theme_name_checks import check_kept_names

#: The share of a named theme's items a cluster must hold to continue it when no cluster
#: continues it by the majority rule (``_continue_named``), and the fewest items.
NAMED_FLOOR_SHARE = 0.25
NAMED_FLOOR_ITEMS = 2


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
    old_status = {theme_id: theme.row.status for theme_id, theme in old.items()}
    # What each theme held before: a kept name is checked against it.
    before = {i: t.members for i, t in old.items() if t.row.status is not ThemeStatus.MERGED}
    own = _own_members(old)
    ids: dict[str, int] = {}
    named: set[int] = set()
    placed_under: dict[int, int] = {}
    for top in (True, False):
        level = sorted(
            (t for t in found if (t.parent_key is None) == top),
            key=lambda t: (-len(t.members), t.key),
        )
        matched, through_merge = _match(level, old, own, top)
        matched.update(_continue_named(level, old, matched, top))
        for theme in level:
            ids[theme.key] = matched.get(theme.key) or new_theme(
                session, theme.name, None, AssignedBy.MODEL
            )
        # The largest cluster names its theme and places it, but a cluster reached through
        # a merge places it only when none continues the theme itself, and then under the
        # theme it is under: the person's merge decided where it belongs.
        for theme in level:  # largest first
            row = _row(session, old, ids[theme.key])
            if ids[theme.key] not in named and not row.name_pinned:
                row.name = theme.name
            named.add(ids[theme.key])
        placed: set[int] = set()
        for theme in sorted(level, key=lambda t: (t.key in through_merge, -len(t.members))):
            theme_id = ids[theme.key]
            if theme_id in placed:
                continue
            placed.add(theme_id)
            row = _row(session, old, theme_id)
            if theme.key not in through_merge or row.parent_id not in named:
                row.parent_id = ids[theme.parent_key] if theme.parent_key is not None else None
            row.status = ThemeStatus.ACTIVE
            if row.parent_id is not None:
                placed_under[theme_id] = row.parent_id
    for theme_id, previous in old.items():
        was = old_status[theme_id]
        if theme_id in named and was is ThemeStatus.ARCHIVED:
            _forget_retired(session, theme_id)  # brought back (made active above)
        elif theme_id not in named and was is ThemeStatus.ACTIVE and not previous.kept:
            _retire(session, previous)  # people's themes are never retired
    _replace_model_links(session, found, ids, placed_under)
    check_kept_names(session, before)
    session.flush()
    return ids


def _row(session: Session, old: dict[int, _Old], theme_id: int) -> ThemeRow:
    row = old[theme_id].row if theme_id in old else session.get(ThemeRow, theme_id)
    assert row is not None
    return row


def _old_themes(session: Session) -> dict[int, _Old]:
    """Active and merged themes with their links; retired ones with what they held when a
    rebuild retired them."""
    rows = session.scalars(
        select(ThemeRow).where(
            ThemeRow.status.in_([ThemeStatus.ACTIVE, ThemeStatus.MERGED, ThemeStatus.ARCHIVED])
        )
    )
    old = {row.id: _Old(row) for row in rows}
    query = select(
        EvidenceThemeRow.theme_id, EvidenceThemeRow.evidence_id, EvidenceThemeRow.assigned_by
    )
    for theme_id, evidence_id, assigned_by in session.execute(query):
        if theme_id in old and old[theme_id].row.status is not ThemeStatus.ARCHIVED:
            old[theme_id].members.add(evidence_id)
            if assigned_by is AssignedBy.PERSON:
                old[theme_id].by_person.add(evidence_id)
    retired = select(RetiredThemeMemberRow.theme_id, RetiredThemeMemberRow.evidence_id)
    for theme_id, evidence_id in session.execute(retired):
        if theme_id in old and old[theme_id].row.status is ThemeStatus.ARCHIVED:
            old[theme_id].members.add(evidence_id)
    return old


def resolve(old: dict[int, _Old], theme_id: int) -> int | None:
    """The theme a (possibly merged) theme now lives in: an active one, or a retired one a
    matching cluster brings back."""
    seen: set[int] = set()
    current: int | None = theme_id
    while current is not None and current in old and current not in seen:
        seen.add(current)
        row = old[current].row
        if row.status is not ThemeStatus.MERGED:
            return current
        current = row.merged_into_id
    return None


def _own_members(old: dict[int, _Old]) -> dict[int, set[int]]:
    """An active theme's members less those it took in merges: what it was itself."""
    own = {i: set(t.members) for i, t in old.items() if t.row.status is ThemeStatus.ACTIVE}
    for theme_id, theme in old.items():
        if theme.row.status is ThemeStatus.MERGED:
            target = resolve(old, theme_id)
            if target in own:
                own[target] -= theme.members
    return own


def _retire(session: Session, theme: _Old) -> None:
    """Archive a theme no cluster continued, keeping what it held (``RetiredThemeMemberRow``)."""
    theme.row.status = ThemeStatus.ARCHIVED
    _forget_retired(session, theme.row.id)
    members = [{"theme_id": theme.row.id, "evidence_id": e} for e in sorted(theme.members)]
    if members:
        session.execute(insert(RetiredThemeMemberRow), members)


def _forget_retired(session: Session, theme_id: int) -> None:
    session.execute(delete(RetiredThemeMemberRow).where(RetiredThemeMemberRow.theme_id == theme_id))


def _match(
    level: list[FoundTheme], old: dict[int, _Old], own: dict[int, set[int]], top: bool
) -> tuple[dict[str, int], set[str]]:
    """Cluster key → the old theme it continues, each old theme continued at most once, and
    the keys that continue a merged theme (so go to the theme it was merged into).

    A cluster continues an old theme when most of its items filed before were that theme's,
    or when most of the theme is in it (not for a theme people shaped: a few items carved out
    of a large theme would take the large one's cluster). Pairs sharing most items go first,
    so a theme that grew or came apart lives on in its largest part.
    A merged theme's record is matched by its members at the merge, and the cluster goes to
    the theme it was merged into.
    """
    pools = {
        theme_id: own[theme_id] if theme.row.status is ThemeStatus.ACTIVE else theme.members
        for theme_id, theme in old.items()
        if theme.top == top
    }
    holders: dict[int, list[int]] = {}
    for theme_id, pool in pools.items():
        for evidence_id in pool:
            holders.setdefault(evidence_id, []).append(theme_id)
    pairs: list[tuple[int, int, float, bool, str, int]] = []
    for theme in level:
        shared: dict[int, int] = {}
        by_model: dict[int, int] = {}
        filed_before = 0
        for evidence_id in theme.members:
            held = holders.get(evidence_id, ())
            filed_before += bool(held)
            for theme_id in held:
                shared[theme_id] = shared.get(theme_id, 0) + 1
                if evidence_id not in old[theme_id].by_person:
                    by_model[theme_id] = by_model.get(theme_id, 0) + 1
        for theme_id, count in shared.items():
            cluster_is_mostly_it = 2 * count >= filed_before
            most_of_it_is_here = 2 * count >= len(pools[theme_id]) and not old[theme_id].kept
            if cluster_is_mostly_it or most_of_it_is_here:
                union = len(theme.members) + len(pools[theme_id]) - count
                retired = old[theme_id].row.status is ThemeStatus.ARCHIVED
                model = by_model.get(theme_id, 0)
                pairs.append((model, count, count / union, retired, theme.key, theme_id))
    matched: dict[str, int] = {}
    through_merge: set[str] = set()
    taken: set[int] = set()
    # Items a person filed stay where they put them whatever cluster holds them, so a
    # cluster continues first the theme whose items the model filed: a person's split
    # carves the praise out of a theme, and the cluster that still holds both continues the
    # theme, not the split (it had taken the theme's id and filed its complaints under the
    # split's name). Then by shared items; equal shares go to the closer pair (Jaccard): a
    # cluster that is the whole theme, not one that holds as many of its items among many
    # others. A retired theme competes like the others (a seed tried and undone gets its
    # ids back), a living one first among equals.
    for *_, key, theme_id in sorted(pairs, key=lambda p: (-p[0], -p[1], -p[2], p[3], p[4], p[5])):
        if key in matched or theme_id in taken:
            continue
        taken.add(theme_id)
        target = resolve(old, theme_id)
        if target is not None:
            matched[key] = target
            if target != theme_id:
                through_merge.add(key)
    return matched, through_merge


def _continue_named(
    level: list[FoundTheme], old: dict[int, _Old], matched: dict[str, int], top: bool
) -> dict[str, int]:
    """Cluster key → the theme with a person's name it continues, for the named themes of
    this level that ``_match`` left without a cluster.

    Such a theme is a person's edit, which a rebuild must not drop without a word; but its
    items went several ways (a new batch drew the clusters elsewhere), so no cluster is
    mostly it and it holds most of none. It lives on in the free cluster holding most of its
    items when that cluster holds at least ``NAMED_FLOOR_SHARE`` of them (a quarter: the
    theme is still a recognisable part of what it was, and the name check then tells the
    person how much stayed) and no other old theme has more items in it (the cluster is more
    this theme than any other; a quarter of a name on a cluster that is mostly another
    theme's part would say the wrong thing).

    The order of claims on a cluster: ``_match``'s (a theme the cluster is mostly, or most
    of which is in it) come first and are never displaced, since putting a name about
    something else on a theme a cluster continues would misdescribe it; then these, a theme
    with more of its items in the cluster first, then the one of which it holds the larger
    share. A named theme whose best cluster a stronger claim took tries its next one.
    A theme people made or filed items in is left alone: it is never retired, and keeps
    what they filed in it (see the module's docstring).
    """
    continued = set(matched.values())
    orphans = {
        theme_id: theme.members
        for theme_id, theme in old.items()
        if theme.top == top
        and theme.row.status is ThemeStatus.ACTIVE
        and theme.row.name_pinned
        and not theme.kept
        and theme_id not in continued
        and theme.members
    }
    if not orphans:
        return {}
    holders: dict[int, list[int]] = {}
    for theme_id, theme in old.items():
        if theme.top == top and theme.row.status is ThemeStatus.ACTIVE:
            for evidence_id in theme.members:
                holders.setdefault(evidence_id, []).append(theme_id)
    pairs: list[tuple[int, float, str, int]] = []
    for cluster in level:
        if cluster.key in matched:
            continue
        held: dict[int, int] = {}
        for evidence_id in cluster.members:
            for theme_id in holders.get(evidence_id, ()):
                held[theme_id] = held.get(theme_id, 0) + 1
        most = max(held.values(), default=0)
        for theme_id, members in orphans.items():
            count = held.get(theme_id, 0)
            share = count / len(members)
            if count == most and count >= NAMED_FLOOR_ITEMS and share >= NAMED_FLOOR_SHARE:
                pairs.append((count, share, cluster.key, theme_id))
    chosen: dict[str, int] = {}
    for _, _, key, theme_id in sorted(pairs, key=lambda p: (-p[0], -p[1], p[2], p[3])):
        if key not in chosen and theme_id in orphans:
            chosen[key] = theme_id
            del orphans[theme_id]
    return chosen


def _replace_model_links(
    session: Session, found: list[FoundTheme], ids: dict[str, int], placed_under: dict[int, int]
) -> None:
    """The model's links of active themes replaced; a merged theme's stay as its record.

    An item in a sub-theme is filed under the theme that sub-theme is placed under, not
    under its own cluster's: a sub-theme a person merged across themes takes the clusters
    of both, and the hierarchy stays whole (a sub-theme's items are its theme's).
    """
    merged = select(ThemeRow.id).where(ThemeRow.status == ThemeStatus.MERGED)
    session.execute(
        delete(EvidenceThemeRow).where(
            EvidenceThemeRow.assigned_by == AssignedBy.MODEL,
            EvidenceThemeRow.theme_id.not_in(merged),
        )
    )
    person_top, person_sub = person_placements(session)
    under: dict[int, int] = {}
    for theme in found:
        if theme.parent_key is not None:
            for evidence_id in theme.members:
                under.setdefault(evidence_id, placed_under[ids[theme.key]])
    rows: dict[tuple[int, int], float] = {}
    for theme in found:
        theme_id = ids[theme.key]
        for evidence_id, score in theme.members.items():
            if evidence_id in person_sub:
                continue
            if theme.parent_key is None:
                if evidence_id in person_top:
                    continue
                key = (evidence_id, under.get(evidence_id, theme_id))
            elif (
                evidence_id in person_top and placed_under[theme_id] not in person_top[evidence_id]
            ):
                continue
            else:
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
