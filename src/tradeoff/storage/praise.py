"""Praise readings kept per item, so counter evidence does not read every text every time.

Whether an item reads as praise depends only on its text, rating and kind, and on the
rules that read it (``tradeoff.analysis.label.counter``, passed in as ``PraiseRules``
because storage must not import analysis). ``fill`` reads each item once and keeps the
praised ones with their words (migration 0013); a mark says up to which id everything was
read and by which rules, and triggers send an item back to be read when it changes.

Readers never depend on a fill having run: ``praised`` reads what the mark does not cover
(new items, changed items, everything when the rules changed) from the texts themselves,
so a reading is always the rules' reading of the current text — a fill only makes it fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from tradeoff.domain.enums import EvidenceKind, ThemeStatus
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import (
    EvidenceItemRow,
    EvidencePraiseRow,
    EvidencePraiseStaleRow,
    EvidenceThemeRow,
    PraiseMarkRow,
    ThemeRow,
    WorkspaceSettingsRow,
)
from tradeoff.storage.theme_summary import writes

#: Reads one item's text, rating and kind; returns what in it speaks well of its area, or
#: nothing when it does not read as praise.
PraiseReader = Callable[[str, float | None, EvidenceKind], Sequence[str]]
#: What a reading needs of an item, in ``Praised``'s order.
READ: tuple[Any, ...] = (
    EvidenceItemRow.id,
    EvidenceItemRow.duplicate_of_id,
    EvidenceItemRow.kind,
    EvidenceItemRow.text,
    EvidenceItemRow.rating,
)
#: Which piece of evidence an item belongs to: itself, or the original it copies.
PIECE: tuple[Any, ...] = (EvidenceItemRow.id, EvidenceItemRow.duplicate_of_id)
#: Items read per statement while filling: a batch of texts in memory, not the workspace.
FILL_BATCH = 20_000


@dataclass(frozen=True)
class PraiseRules:
    """A praise reader and a fingerprint that changes whenever its rules do."""

    read: PraiseReader
    fingerprint: str
    #: The last cue of praise that names nothing it praises ("No complaints"): praise, but
    #: no counter evidence of an area (``praised_naming``); never shown as a cue.
    names_nothing: str | None = None
    #: The product's name these rules read as the product (``in_workspace``); None before.
    company: str | None = None

    def names(self, cues: Sequence[str]) -> bool:
        """Whether praise with these cues names what it praises."""
        return self.names_nothing is None or not cues or cues[-1] != self.names_nothing

    def shown(self, cues: Sequence[str]) -> tuple[str, ...]:
        """The cues a person reads: the words, without the marker."""
        return tuple(c for c in cues if c != self.names_nothing)


def in_workspace(db: Session | Connection, rules: PraiseRules) -> PraiseRules:
    """``rules`` as this workspace reads praise: its own product's name (the company name it
    was set up with) names the product as a whole, as "app" does, not an area of it. A QA
    corpus's "Really happy with Dispatchly overall" (11 survey answers) read as naming
    "Dispatchly", so it could sit in a complaint theme as counter evidence and count there.
    The name is part of the fingerprint: renaming the company reads everything again."""
    if rules.company:  # already this workspace's
        return rules
    name = (db.scalar(select(WorkspaceSettingsRow.company_name)) or "").strip()
    if not name:
        return rules
    # With its possessive: "Dispatchly's been great" is "app has been great".
    named = re.compile(rf"(?<!\w){re.escape(name)}(?:['’]s)?(?!\w)", re.IGNORECASE)

    def read(text: str, rating: float | None, kind: EvidenceKind) -> Sequence[str]:
        return rules.read(named.sub("app", text), rating, kind)

    return replace(rules, read=read, fingerprint=f"{rules.fingerprint}:{name}", company=name)


@dataclass(frozen=True)
class Praised:
    """One item that reads as praise, with the words that say so."""

    evidence_id: int
    duplicate_of_id: int | None
    kind: EvidenceKind
    text: str
    rating: float | None
    cues: tuple[str, ...]


def praised(
    session: Session, rules: PraiseRules, theme_ids: Sequence[int] | None = None
) -> dict[int, int | None]:
    """Evidence id → the id of its original (None for an original), for every item that
    reads as praise (filed in one of ``theme_ids`` when given): the kept readings, and the
    unread items read now. Ids only: ``readings`` gives the words of the few shown."""
    return {i: original for i, (original, _) in praised_naming(session, rules, theme_ids).items()}


def praised_naming(
    session: Session, rules: PraiseRules, theme_ids: Sequence[int] | None = None
) -> dict[int, tuple[int | None, bool]]:
    """``praised``, with whether each item names what it praises (``PraiseRules.names``)."""
    rules = in_workspace(session, rules)
    read_through = _read_through(session, rules)
    found: dict[int, tuple[int | None, bool]] = {}
    item = EvidenceItemRow
    if read_through > 0:
        kept = select(*PIECE, EvidencePraiseRow.cues).join(
            EvidencePraiseRow, EvidencePraiseRow.evidence_id == item.id
        )
        # Not update(result): a Result has keys(), so dict.update would read it as a mapping.
        found.update(
            (row.id, (row.duplicate_of_id, rules.names(row.cues)))
            for row in session.execute(_filed_in(kept, theme_ids))
        )
    for query in _unread(read_through):
        for row in session.execute(_filed_in(query, theme_ids)):
            found.pop(row.id, None)
            if cues := rules.read(row.text, row.rating, row.kind):
                found[row.id] = (row.duplicate_of_id, rules.names(cues))
    return found


def praise_shares(session: Session, rules: PraiseRules) -> dict[int, tuple[int, int]]:
    """Active top-level theme id → (original items filed in it, how many of them read as
    praise): whether a theme is a praise theme, as filing new evidence needs it.

    Counted per theme in the database from the links (a person's too: a praise theme a
    person split off is one) and the kept readings, so a workspace of a million items costs
    one grouped query, not its texts; only items the kept readings do not cover (new or
    changed since the last fill) are read. Copies are left out, as discovery leaves them.
    """
    rules = in_workspace(session, rules)
    read_through = _read_through(session, rules)
    link, item, theme, kept = EvidenceThemeRow, EvidenceItemRow, ThemeRow, EvidencePraiseRow
    stale = EvidencePraiseStaleRow
    covered = and_(
        item.id <= read_through, kept.evidence_id.is_not(None), stale.evidence_id.is_(None)
    )
    query = (
        select(link.theme_id, func.count(), func.sum(case((covered, 1), else_=0)))
        .join(item, item.id == link.evidence_id)
        .join(theme, theme.id == link.theme_id)
        .outerjoin(kept, kept.evidence_id == item.id)
        .outerjoin(stale, stale.evidence_id == item.id)
        .where(_top_level(), item.duplicate_of_id.is_(None))
        .group_by(link.theme_id)
    )
    counts = {int(t): [int(n), int(p or 0)] for t, n, p in session.execute(query)}
    for unread in _unread(read_through):
        filed = (
            unread.add_columns(link.theme_id)
            .join(link, link.evidence_id == item.id)
            .join(theme, theme.id == link.theme_id)
            .where(_top_level(), item.duplicate_of_id.is_(None))
        )
        for row in session.execute(filed):
            if row.theme_id in counts and rules.read(row.text, row.rating, row.kind):
                counts[row.theme_id][1] += 1
    return {theme_id: (items, praise) for theme_id, (items, praise) in counts.items()}


def _top_level() -> ColumnElement[bool]:
    return and_(ThemeRow.status == ThemeStatus.ACTIVE, ThemeRow.parent_id.is_(None))


def readings(session: Session, rules: PraiseRules, ids: Collection[int]) -> dict[int, Praised]:
    """Evidence id → reading of those of ``ids`` that read as praise: the kept words, or
    the rules' reading of an item not read yet. An item the mark covers and nothing sent
    back, with no kept words, was read and is no praise: it is not read again (an
    incremental ``analyze`` asks this of its 10,000 new items right after keeping them)."""
    rules = in_workspace(session, rules)
    read_through = _read_through(session, rules)
    stale = EvidencePraiseStaleRow
    found: dict[int, Praised] = {}
    for chunk in _batches(sorted(ids)):
        rows = session.execute(
            select(*READ, EvidencePraiseRow.cues, stale.evidence_id.label("sent_back"))
            .outerjoin(EvidencePraiseRow, EvidencePraiseRow.evidence_id == EvidenceItemRow.id)
            .outerjoin(stale, stale.evidence_id == EvidenceItemRow.id)
            .where(EvidenceItemRow.id.in_(chunk))
        )
        for row in rows:
            covered = row.id <= read_through and row.sent_back is None
            if covered:
                cues = tuple(row.cues) if row.cues is not None else ()
            else:
                cues = tuple(rules.read(row.text, row.rating, row.kind))
            if cues:
                found[row.id] = _praised(row, cues)
    return found


def fill(session: Session, rules: PraiseRules) -> int:
    """Read every unread item and keep the praised ones; returns how many were read."""
    rules = in_workspace(session, rules)
    _one_at_a_time(session)
    mark = session.get(PraiseMarkRow, 1)
    if mark is None or mark.rules != rules.fingerprint:
        session.execute(delete(EvidencePraiseRow))
        session.execute(delete(EvidencePraiseStaleRow))
        if mark is None:
            mark = PraiseMarkRow(id=1, rules=rules.fingerprint, read_through=0)
            session.add(mark)
        mark.rules, mark.read_through = rules.fingerprint, 0
        session.flush()
    last = session.scalar(select(func.max(EvidenceItemRow.id))) or 0
    stale = list(session.scalars(select(EvidencePraiseStaleRow.evidence_id)))
    read = 0
    for ids in _batches(stale):
        session.execute(delete(EvidencePraiseRow).where(EvidencePraiseRow.evidence_id.in_(ids)))
        read += _read_and_keep(session, rules, EvidenceItemRow.id.in_(ids))
        session.execute(
            delete(EvidencePraiseStaleRow).where(EvidencePraiseStaleRow.evidence_id.in_(ids))
        )
    for start in range(mark.read_through, last, FILL_BATCH):
        end = min(start + FILL_BATCH, last)
        read += _read_and_keep(
            session, rules, EvidenceItemRow.id > start, EvidenceItemRow.id <= end
        )
    mark.read_through = max(mark.read_through, last)
    session.flush()
    return read


def fill_if_writing(session: Session, rules: PraiseRules) -> None:
    """Fill before a read when the caller's transaction may write; else read as it is."""
    if writes(session):
        fill(session, rules)


def fill_engine(engine: Engine, rules: PraiseRules) -> int:
    """Fill in a transaction of its own, only when something is unread (two cheap reads)."""
    with engine.connect() as connection:
        rules = in_workspace(connection, rules)
        mark = connection.execute(select(PraiseMarkRow.rules, PraiseMarkRow.read_through)).first()
        newest = connection.scalar(select(func.max(EvidenceItemRow.id))) or 0
        stale = connection.scalar(select(EvidencePraiseStaleRow.evidence_id).limit(1))
    current = mark is not None and mark.rules == rules.fingerprint
    if mark is not None and current and newest <= mark.read_through and stale is None:
        return 0
    with write_session(engine) as session:
        return fill(session, rules)


def _praised(row: Any, cues: tuple[str, ...]) -> Praised:
    return Praised(row.id, row.duplicate_of_id, row.kind, row.text, row.rating, cues)


def praised_per_theme(
    session: Session, rules: PraiseRules, ids: Collection[int] | None = None
) -> dict[int, int]:
    """Active top-level theme id (of ``ids``, when given) → its original items whose kept
    reading is praise.

    Counted from the praised items alone (a small share of a workspace), so a demand read
    pays for them, not for every link, as ``praise_shares`` does; an item not read yet
    (imported or changed since the last fill, which every analysis runs) counts as no
    praise until it is read.
    """
    rules = in_workspace(session, rules)
    read_through = _read_through(session, rules)
    link, item, theme, kept = EvidenceThemeRow, EvidenceItemRow, ThemeRow, EvidencePraiseRow
    stale = EvidencePraiseStaleRow
    query = (
        select(link.theme_id, func.count())
        .select_from(kept)
        .join(link, link.evidence_id == kept.evidence_id)
        .join(item, item.id == kept.evidence_id)
        .join(theme, theme.id == link.theme_id)
        .outerjoin(stale, stale.evidence_id == kept.evidence_id)
        .where(
            _top_level(),
            item.duplicate_of_id.is_(None),
            kept.evidence_id <= read_through,
            stale.evidence_id.is_(None),
        )
        .group_by(link.theme_id)
    )
    if ids is not None:
        query = query.where(link.theme_id.in_(list(ids)))
    return {int(theme_id): int(count) for theme_id, count in session.execute(query)}


def _read_through(session: Session, rules: PraiseRules) -> int:
    """Up to which id the kept readings are the rules' own (0: none are)."""
    mark = session.execute(select(PraiseMarkRow.rules, PraiseMarkRow.read_through)).first()
    if mark is None or mark.rules != rules.fingerprint:
        return 0
    return int(mark.read_through)


def _unread(read_through: int) -> Iterator[Select[Any]]:
    """The items a kept reading does not cover: above the mark, and sent back below it."""
    item = EvidenceItemRow
    above: Select[Any] = select(*READ).where(item.id > read_through)
    yield above
    if read_through > 0:
        sent_back: Select[Any] = select(*READ).join(
            EvidencePraiseStaleRow, EvidencePraiseStaleRow.evidence_id == item.id
        )
        yield sent_back


def _filed_in(query: Select[Any], theme_ids: Sequence[int] | None) -> Select[Any]:
    """Only items filed in one of ``theme_ids``: probed per item, so a theme of half a
    million links costs only its praised items, not a list of its links."""
    if theme_ids is None:
        return query
    link = EvidenceThemeRow
    return query.where(
        exists().where(link.evidence_id == EvidenceItemRow.id, link.theme_id.in_(theme_ids))
    )


def _read_and_keep(session: Session, rules: PraiseRules, *where: ColumnElement[bool]) -> int:
    rows = session.execute(select(*READ).where(*where)).all()
    kept = [
        {"evidence_id": row.id, "cues": list(cues)}
        for row in rows
        if (cues := rules.read(row.text, row.rating, row.kind))
    ]
    if kept:
        session.execute(insert(EvidencePraiseRow), kept)
    return len(rows)


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), FILL_BATCH // 10):
        yield ids[start : start + FILL_BATCH // 10]


def _one_at_a_time(session: Session) -> None:
    """On PostgreSQL, wait for writers of items to commit and keep them out until this
    fill commits: an id allocated before the mark but committed after it would otherwise
    never be read. SQLite writers already queue."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE evidence_items IN SHARE ROW EXCLUSIVE MODE"))
