"""The evidence inbox's reads and its "mark as duplicate" write.

A page is the newest items (highest id first) under the filters a PM sets, paged by id
(keyset) so the thousandth page costs what the first does. Every filter is a condition the
database answers from an index (migration 0008): kind, source and account walk their own
(column, id) index newest first; a segment or account name becomes the handful of account
ids it names; words are looked up in the word index (``storage.evidence_words``), starting
from the rarest word, so no query reads every item or every text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, case, exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from tradeoff.domain.enums import INTERNAL_PROXY_ROLES, EvidenceKind, EvidenceMode
from tradeoff.domain.names import company_name_key
from tradeoff.errors import InputError, NotFound
from tradeoff.storage.evidence_words import search_keys
from tradeoff.storage.search import top_level_themes
from tradeoff.storage.tables import (
    AccountRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    EvidenceWordRow,
)
from tradeoff.storage.tables.accounts import PersonRow

PAGE_SIZE = 50
#: How far the rarest-word estimate counts: past this, a word is simply "common".
_WORD_COUNT_CAP = 5000


@dataclass(frozen=True)
class InboxFilters:
    """The GET parameters of ``/evidence``; None (or empty) means any."""

    source: str | None = None
    kind: EvidenceKind | None = None
    mode: EvidenceMode | None = None
    #: "proxy": relayed, or spoken by one of our people; "direct": otherwise.
    voice: str | None = None
    theme_id: int | None = None
    since: date | None = None
    until: date | None = None
    #: An account id, or the start of an account's name ("acme" finds "Acme Inc").
    account: str | None = None
    segment: str | None = None
    #: Every one of these words (``search_keys`` of the search box) must occur.
    words: tuple[str, ...] = ()
    #: "hide": leave out items marked as duplicates of another.
    copies: str | None = None


@dataclass(frozen=True)
class InboxRow:
    id: int
    source: str
    external_id: str
    kind: str
    mode: str
    created_at: datetime
    title: str | None
    text: str
    proxy: bool
    theme: tuple[int, str] | None
    account: tuple[int, str] | None = None
    #: The original this item duplicates, when it is marked as a duplicate.
    duplicate_of_id: int | None = None
    #: How many items are marked as duplicates of this one.
    copies: int = 0


def _is_proxy() -> ColumnElement[bool]:
    """The same rule as ``theme_profile``'s proxy share: relayed, or an internal speaker."""
    speaker_is_proxy = exists().where(
        PersonRow.id == EvidenceItemRow.person_id, PersonRow.role.in_(INTERNAL_PROXY_ROLES)
    )
    return or_(EvidenceItemRow.relayed_by_id.is_not(None), speaker_is_proxy)


def _accounts_named(account: str) -> Select[Any]:
    if account.isascii() and account.isdigit():
        return select(AccountRow.id).where(AccountRow.id == int(account))
    key = company_name_key(account)
    if not key:
        raise InputError(f"{account!r} names no account: give an account's name or id")
    prefix = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return select(AccountRow.id).where(
        or_(AccountRow.name_key == key, AccountRow.name_key.like(f"{prefix} %", escape="\\"))
    )


#: A theme filed on at least one item in this many counts as large for the theme filter:
#: walking the items newest first meets 51 of its items within about 51 * WALK_SHARE.
WALK_SHARE = 200


def _is_large_theme(session: Session, theme_id: int) -> bool:
    """Whether the theme's links reach 1 / ``WALK_SHARE`` of the items (the highest id
    standing for their number), counted no further than that."""
    top = session.scalar(select(func.max(EvidenceItemRow.id))) or 0
    enough = max(1, top // WALK_SHARE)
    capped = (
        select(EvidenceThemeRow.evidence_id)
        .where(EvidenceThemeRow.theme_id == theme_id)
        .limit(enough)
        .subquery()
    )
    return (session.scalar(select(func.count()).select_from(capped)) or 0) >= enough


def _in_theme(theme_id: int, large: bool) -> ColumnElement[bool]:
    """The item is filed under ``theme_id``. A large theme's items are checked one walked
    item at a time on the links' primary key: the newest-first walk meets 51 of them after
    some thousands of items at most (under a millisecond for the largest theme, 564,000
    items of a million, whose members read into a list took 0.25 s). A small theme's items
    are read whole into a list the walk checks: few to read, where a walk could go far
    before meeting them. (A large theme whose items are all old still walks far: we
    accepted that.)"""
    link = EvidenceThemeRow
    if large:
        return exists().where(link.evidence_id == EvidenceItemRow.id, link.theme_id == theme_id)
    return EvidenceItemRow.id.in_(select(link.evidence_id).where(link.theme_id == theme_id))


def _filtered(query: Select[Any], filters: InboxFilters, large_theme: bool) -> Select[Any]:
    item = EvidenceItemRow
    if filters.source:
        query = query.where(item.source == filters.source.strip().lower())
    if filters.kind is not None:
        query = query.where(item.kind == filters.kind)
    if filters.mode is not None:
        query = query.where(item.mode == filters.mode)
    if filters.voice == "proxy":
        query = query.where(_is_proxy())
    elif filters.voice == "direct":
        query = query.where(~_is_proxy())
    if filters.theme_id is not None:
        query = query.where(_in_theme(filters.theme_id, large_theme))
    if filters.since is not None:
        query = query.where(item.created_at >= midnight(filters.since))
    if filters.until is not None:
        query = query.where(item.created_at < midnight(filters.until + timedelta(days=1)))
    if filters.account:
        query = query.where(item.account_id.in_(_accounts_named(filters.account.strip())))
    if filters.segment:
        in_segment = select(AccountRow.id).where(
            func.lower(AccountRow.segment) == filters.segment.strip().lower()
        )
        query = query.where(item.account_id.in_(in_segment))
    if filters.copies == "hide":
        query = query.where(item.duplicate_of_id.is_(None))
    return query


def _rarest_first(session: Session, words: Sequence[str]) -> list[str]:
    """The words, fewest items first (counted up to a cap: enough to choose a driver)."""
    if len(words) < 2:
        return list(words)

    def count(word: str) -> int:
        capped = (
            select(EvidenceWordRow.evidence_id)
            .where(EvidenceWordRow.word == word)
            .limit(_WORD_COUNT_CAP)
            .subquery()
        )
        return session.scalar(select(func.count()).select_from(capped)) or 0

    return sorted(words, key=count)


def inbox_page(
    session: Session, filters: InboxFilters, before: int | None, size: int = PAGE_SIZE
) -> tuple[list[InboxRow], bool]:
    """One page of items, newest (highest id) first, and whether an older page follows."""
    item = EvidenceItemRow
    proxy = case((_is_proxy(), True), else_=False)
    columns = (item.id, item.source, item.external_id, item.kind, item.mode, item.created_at,
               item.title, item.text, proxy, item.account_id, item.duplicate_of_id)  # fmt: skip
    if filters.words:
        # Walk the rarest word's index entries newest first; the others must be there too.
        driver, *others = _rarest_first(session, filters.words)
        hit = aliased(EvidenceWordRow)
        key = hit.evidence_id
        query = (select(*columns).select_from(hit).join(item, item.id == hit.evidence_id)).where(
            hit.word == driver
        )
        for word in others:
            also = aliased(EvidenceWordRow)
            query = query.where(
                exists().where(also.word == word, also.evidence_id == hit.evidence_id)
            )
    else:
        query, key = select(*columns), item.id
    large = filters.theme_id is not None and _is_large_theme(session, filters.theme_id)
    query = _filtered(query, filters, large)
    if before is not None:
        query = query.where(key < before)
    rows = session.execute(query.order_by(key.desc()).limit(size + 1)).all()
    shown = rows[:size]
    ids = [row[0] for row in shown]
    themes = top_level_themes(session, ids)
    accounts = _account_names(session, {row[9] for row in shown if row[9] is not None})
    copies = _copies(session, ids)
    page = [
        InboxRow(
            id=row[0],
            source=row[1],
            external_id=row[2],
            kind=row[3].value,
            mode=row[4].value,
            created_at=row[5],
            title=row[6],
            text=row[7],
            proxy=bool(row[8]),
            theme=themes.get(row[0]),
            account=(row[9], accounts[row[9]]) if row[9] in accounts else None,
            duplicate_of_id=row[10],
            copies=copies.get(row[0], 0),
        )
        for row in shown
    ]
    return page, len(rows) > size


def search_words(typed: str) -> tuple[str, ...]:
    """The keys of the word index a search box's text asks for (``search_keys``: its words,
    a run of Japanese, Chinese, Korean or Thai by its pairs of letters); InputError when
    none is left to look for."""
    found = tuple(search_keys(typed))
    if typed.strip() and not found:
        raise InputError(
            f"the search {typed.strip()!r} has only common or one-letter words; "
            "add a word that says what the evidence is about"
        )
    return found


def _account_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    query = select(AccountRow.id, AccountRow.name).where(AccountRow.id.in_(ids))
    return {row[0]: row[1] for row in session.execute(query)}


def _copies(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    item = EvidenceItemRow
    query = (
        select(item.duplicate_of_id, func.count())
        .where(item.duplicate_of_id.in_(ids))
        .group_by(item.duplicate_of_id)
    )
    return {row[0]: row[1] for row in session.execute(query) if row[0] is not None}


def original_of(session: Session, evidence_id: int) -> int:
    """The item at the end of ``evidence_id``'s duplicate chain (itself when it is none)."""
    seen: set[int] = set()
    current = evidence_id
    while current not in seen:
        seen.add(current)
        found = session.execute(
            select(EvidenceItemRow.id, EvidenceItemRow.duplicate_of_id).where(
                EvidenceItemRow.id == current
            )
        ).first()
        if found is None:
            raise NotFound(f"no evidence item with id {current}")
        if found[1] is None:
            return current
        current = found[1]
    return current


def mark_duplicates(session: Session, evidence_ids: Sequence[int], original_id: int) -> list[int]:
    """Mark each item a duplicate of ``original_id`` — or of *its* original when it is one
    itself, so no chain ever forms — and return the ids marked.

    The original itself is left out (nothing duplicates itself), and items that were the
    original of others hand those copies on to the new original.
    """
    root = original_of(session, original_id)
    wanted = sorted(set(evidence_ids) - {root})
    if not wanted:
        raise InputError(f"item {root} is the original: tick the items that repeat it")
    known = set(session.scalars(select(EvidenceItemRow.id).where(EvidenceItemRow.id.in_(wanted))))
    missing = [i for i in wanted if i not in known]
    if missing:
        raise NotFound(f"no evidence item with id {missing[0]}")
    item = EvidenceItemRow
    session.execute(
        update(item).where(item.duplicate_of_id.in_(wanted)).values(duplicate_of_id=root)
    )
    session.execute(update(item).where(item.id.in_(wanted)).values(duplicate_of_id=root))
    return wanted


def midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
