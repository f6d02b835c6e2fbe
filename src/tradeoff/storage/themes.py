"""Reading what the theme engine filed: themes, their members, the items still to place.

Writing a rebuild's themes is ``theme_matching``; people's edits are ``theme_edits``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, case, delete, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from tradeoff.domain.enums import AssignedBy, EvidenceKind, ThemeStatus
from tradeoff.storage.changelog import UPDATED
from tradeoff.storage.tables import (
    AnalysisRunRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    ImportBatchRow,
    ImportChangeRow,
    RetiredThemeMemberRow,
    ThemeRow,
)

#: Item ids per ``IN (...)`` list.
ID_CHUNK = 500


class ItemText(NamedTuple):
    """What the theme engine reads of an item (``analysis.text.theme_text``), and its original."""

    id: int
    kind: EvidenceKind
    title: str | None
    text: str
    copy_of: int | None
    #: The id in the source system: a deal note's says which field it is (``:description``).
    external_id: str | None = None


def _item_texts() -> Any:
    item = EvidenceItemRow
    return select(item.id, item.kind, item.title, item.text, item.duplicate_of_id, item.external_id)


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


def imported_since(session: Session, evidence_ids: Sequence[int], moment: datetime) -> set[int]:
    """Those of ``evidence_ids`` that an import started at or after ``moment`` wrote."""
    found: set[int] = set()
    ids = sorted(set(evidence_ids))
    for start in range(0, len(ids), ID_CHUNK):
        query = (
            select(EvidenceItemRow.id)
            .join(ImportBatchRow, ImportBatchRow.id == EvidenceItemRow.import_batch_id)
            .where(
                EvidenceItemRow.id.in_(ids[start : start + ID_CHUNK]),
                ImportBatchRow.started_at >= moment,
            )
        )
        found.update(session.scalars(query))
    return found


class Reworded(NamedTuple):
    """A filed item an import changed since the last analysis read it."""

    item: ItemText
    #: (kind, title, text) as that analysis read them; None when no longer recorded (an
    #: import it had read was undone since: what the import wrote is not kept).
    before: tuple[str, str | None, str] | None


def reworded(session: Session) -> list[Reworded]:
    """Original items filed by the model alone whose record an import updated, or an undo
    restored, since the last analysis started, in id order.

    The first update logged by an import that finished after that start holds the item as
    the analysis read it, even when a later undo rolled it back. Items a person filed are
    left out: their place is the person's. Whether the words the engine reads changed is
    the caller's to judge.
    """
    since = session.scalar(select(func.max(AnalysisRunRow.started_at)))
    if since is None:
        return []
    finished_after = or_(ImportBatchRow.finished_at.is_(None), ImportBatchRow.finished_at >= since)
    query = (
        select(ImportChangeRow.record_key, ImportChangeRow.previous, finished_after)
        .join(ImportBatchRow, ImportBatchRow.id == ImportChangeRow.batch_id)
        .where(
            ImportChangeRow.table_name == EvidenceItemRow.__tablename__,
            ImportChangeRow.action == UPDATED,
            finished_after | (ImportBatchRow.undone_at >= since),
        )
        .order_by(ImportChangeRow.id)
    )
    before: dict[int, tuple[str, str | None, str] | None] = {}
    for key, previous, after in session.execute(query):
        if int(key["id"]) not in before:
            known = after and previous is not None
            before[int(key["id"])] = (
                (previous["kind"], previous["title"], previous["text"]) if known else None
            )
    by_person = exists().where(
        EvidenceThemeRow.evidence_id == EvidenceItemRow.id,
        EvidenceThemeRow.assigned_by == AssignedBy.PERSON,
    )
    found: list[Reworded] = []
    ids = sorted(before)
    for start in range(0, len(ids), ID_CHUNK):
        query = _item_texts().where(
            EvidenceItemRow.id.in_(ids[start : start + ID_CHUNK]),
            EvidenceItemRow.duplicate_of_id.is_(None),
            _filed_in_a_theme(EvidenceItemRow),
            ~by_person,
        )
        found += [Reworded(ItemText(*row), before[row[0]]) for row in session.execute(query)]
    return sorted(found, key=lambda r: r.item.id)


def unfile_by_model(session: Session, evidence_ids: Collection[int]) -> None:
    """Drop the model's links of these items and of their copies no person filed, so the
    items are placed again and their copies follow them."""
    wanted = sorted(evidence_ids)
    filed_by_person = select(EvidenceThemeRow.evidence_id).where(
        EvidenceThemeRow.assigned_by == AssignedBy.PERSON
    )
    for start in range(0, len(wanted), ID_CHUNK):
        chunk = wanted[start : start + ID_CHUNK]
        copies = select(EvidenceItemRow.id).where(
            EvidenceItemRow.duplicate_of_id.in_(chunk), EvidenceItemRow.id.not_in(filed_by_person)
        )
        session.execute(
            delete(EvidenceThemeRow).where(
                EvidenceThemeRow.assigned_by == AssignedBy.MODEL,
                EvidenceThemeRow.evidence_id.in_(chunk) | EvidenceThemeRow.evidence_id.in_(copies),
            )
        )


def unsorted_count(session: Session) -> int:
    """Items in no active theme, copies too: what ``tradeoff evidence --unsorted`` lists and
    every surface counts (an analysis's summary, ``tradeoff themes``, the home page)."""
    return unsorted_counts(session, ())[0]


def unsorted_counts(session: Session, kinds: Collection[EvidenceKind]) -> tuple[int, int]:
    """``unsorted_count`` and how many of those items are of ``kinds``, in one read."""
    of_kinds = func.count(case((EvidenceItemRow.kind.in_(kinds), 1))) if kinds else literal(0)
    query = select(func.count(), of_kinds).where(~_filed_in_a_theme(EvidenceItemRow))
    every, some = session.execute(query.select_from(EvidenceItemRow)).one()
    return int(every or 0), int(some or 0)


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


def sampled_member_texts(session: Session, per_theme: int) -> dict[int, list[ItemText]]:
    """Active top-level theme id → its first ``per_theme`` original members by id: enough to
    tell what a theme is written in without reading a million texts."""
    ranked = (
        select(
            EvidenceThemeRow.theme_id.label("theme_id"),
            EvidenceThemeRow.evidence_id.label("evidence_id"),
            func.row_number()
            .over(partition_by=EvidenceThemeRow.theme_id, order_by=EvidenceThemeRow.evidence_id)
            .label("rank"),
        )
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .join(EvidenceItemRow, EvidenceItemRow.id == EvidenceThemeRow.evidence_id)
        .where(
            ThemeRow.status == ThemeStatus.ACTIVE,
            ThemeRow.parent_id.is_(None),
            EvidenceItemRow.duplicate_of_id.is_(None),
        )
        .subquery()
    )
    item = EvidenceItemRow
    query = (
        select(ranked.c.theme_id, *_item_texts().selected_columns)
        .join(item, item.id == ranked.c.evidence_id)
        .where(ranked.c.rank <= per_theme)
        .order_by(ranked.c.theme_id, item.id)
    )
    sampled: dict[int, list[ItemText]] = {}
    for theme_id, *fields in session.execute(query):
        sampled.setdefault(theme_id, []).append(ItemText(*fields))
    return sampled


def not_active(session: Session, theme_id: int) -> str:
    """Why ``theme_id`` is not an active theme, in one line every command shows alike: a
    theme merged away names the theme its evidence went to, so an id from last week's notes
    still leads somewhere."""
    row = session.get(ThemeRow, theme_id)
    target, seen = row, {theme_id}
    while target is not None and target.status is ThemeStatus.MERGED and target.merged_into_id:
        if target.merged_into_id in seen:
            break
        seen.add(target.merged_into_id)
        target = session.get(ThemeRow, target.merged_into_id)
    if target is not None and target is not row and target.status is ThemeStatus.ACTIVE:
        return f"theme {theme_id} was merged into theme {target.id}; use {target.id}"
    if row is not None and row.status is ThemeStatus.MERGED:
        last = target.id if target is not None else row.merged_into_id
        return (
            f"theme {theme_id} was merged into theme {last}, which a rebuild has since "
            "retired: its evidence is in other themes now"
        )
    if row is not None and row.status is ThemeStatus.ARCHIVED and row.name_pinned:
        return _retired_named(session, row)
    if row is not None and row.status is ThemeStatus.ARCHIVED:
        heir = _heir(session, row)
        if heir is not None:
            return (
                f"theme {theme_id} was retired by a rebuild: most of its evidence is in "
                f"theme {heir} now; use {heir}"
            )
        return f"theme {theme_id} was retired by a rebuild: its evidence is in other themes now"
    return f"no active theme with id {theme_id}"


def _retired_named(session: Session, row: ThemeRow) -> str:
    """A theme a person named that a rebuild retired: a person's edit, so the line says so,
    where most of it is, and how to bring it back as it was (``theme_restore``)."""
    kind = "sub-theme" if row.parent_id is not None else "theme"
    head = f'{kind} {row.id} "{row.name}", named by a person, was retired by a rebuild'
    heir = _heir(session, row)
    kept = exists().where(RetiredThemeMemberRow.theme_id == row.id)
    if not session.scalar(select(kept)):
        return f"{head}; none of its items is in the workspace any more"
    nowhere = "in no sub-theme" if row.parent_id is not None else "unsorted"
    where = f"most of its items are in {kind} {heir} now" if heir else f"its items are {nowhere}"
    return f"{head}: {where}. Bring it back, same id: tradeoff restore {row.id}"


def same_level_as(theme: ThemeRow) -> ColumnElement[bool]:
    """Themes of ``theme``'s level: top-level themes for a theme, sub-themes for a
    sub-theme (merges, heirs and namesakes stay within a level)."""
    if theme.parent_id is None:
        return ThemeRow.parent_id.is_(None)
    return ThemeRow.parent_id.is_not(None)


def _heir(session: Session, retired: ThemeRow) -> int | None:
    """The active theme of the same level holding most of what a retired theme held (ties:
    the lower id); None when nothing of it is filed, or it retired before that was kept."""
    held = select(RetiredThemeMemberRow.evidence_id).where(
        RetiredThemeMemberRow.theme_id == retired.id
    )
    query = (
        select(EvidenceThemeRow.theme_id)
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .where(
            EvidenceThemeRow.evidence_id.in_(held),
            ThemeRow.status == ThemeStatus.ACTIVE,
            same_level_as(retired),
        )
        .group_by(EvidenceThemeRow.theme_id)
        .order_by(func.count().desc(), EvidenceThemeRow.theme_id)
        .limit(1)
    )
    return session.scalar(query)


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


#: Kinds our sellers write about a deal (``analysis.seller_notes.FOLLOWERS``): evidence of
#: money at stake, not the customer's voice, so never a quote of a theme holding anything
#: else; a theme of notes alone (a CRM import, nothing else) is quoted from its notes.
SELLERS_NOTES = frozenset({EvidenceKind.DEAL_NOTE})
#: What colleagues relay (a Jira request sales filed: "Oak Climate Control asked for this on
#: a call. We need…"): a proxy's words, quoted only where customers said too little
#: themselves. A QA corpus's route theme quoted such requests beside 12 customer tickets.
RELAYED = SELLERS_NOTES | {EvidenceKind.INTERNAL_REQUEST}
#: Customers' own items a theme needs for its quotes to be theirs alone.
OWN_WORDS_ENOUGH = 3


def unquoted_kinds(own_words: int, voiced: bool) -> frozenset[EvidenceKind]:
    """The kinds of item that are no quote of a theme holding ``own_words`` customers' own
    items (``RELAYED`` aside; counted up to ``OWN_WORDS_ENOUGH``) and, when ``voiced``, an
    item that is no seller's note: the closest voice to the customer's that the theme has."""
    if own_words >= OWN_WORDS_ENOUGH:
        return RELAYED
    return SELLERS_NOTES if voiced else frozenset()


def quote_candidates(session: Session, theme_id: int) -> list[list[tuple[int, str, float]]]:
    """(id, text, closeness) of a theme's original items, grouped by active sub-theme, the
    largest group first; a theme without sub-themes is one group. Relayed items only where
    customers said too little themselves (``unquoted_kinds``)."""
    subthemes = select(ThemeRow.id).where(
        ThemeRow.parent_id == theme_id, ThemeRow.status == ThemeStatus.ACTIVE
    )
    query = (
        select(
            EvidenceThemeRow.theme_id,
            EvidenceItemRow.id,
            EvidenceItemRow.text,
            EvidenceThemeRow.score,
            EvidenceItemRow.kind,
        )
        .join(EvidenceThemeRow, EvidenceThemeRow.evidence_id == EvidenceItemRow.id)
        .where(
            EvidenceThemeRow.theme_id.in_(subthemes) | (EvidenceThemeRow.theme_id == theme_id),
            EvidenceItemRow.duplicate_of_id.is_(None),
        )
    )
    rows = session.execute(query).all()
    in_a_sub = {e for group, e, *_ in rows if group != theme_id}
    originals = {e: kind for _, e, _, _, kind in rows}
    unquoted = unquoted_kinds(
        sum(1 for kind in originals.values() if kind not in RELAYED),
        any(kind not in SELLERS_NOTES for kind in originals.values()),
    )
    groups: dict[int, list[tuple[int, str, float]]] = {}
    for group, evidence_id, text, score, kind in rows:
        if kind in unquoted:
            continue
        if group != theme_id or evidence_id not in in_a_sub:  # the theme's: in no sub-theme
            groups.setdefault(group, []).append((evidence_id, text, float(score)))
    rest = groups.pop(theme_id, [])
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
