"""The evidence inbox's reads: one page of items under the filters a PM sets, newest
first, paged by id (keyset) so the thousandth page costs what the first does."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, case, exists, or_, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import INTERNAL_PROXY_ROLES, EvidenceKind, EvidenceMode
from tradeoff.storage.search import top_level_themes
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow
from tradeoff.storage.tables.accounts import PersonRow

PAGE_SIZE = 50


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


def _is_proxy() -> ColumnElement[bool]:
    """The same rule as ``theme_profile``'s proxy share: relayed, or an internal speaker."""
    speaker_is_proxy = exists().where(
        PersonRow.id == EvidenceItemRow.person_id, PersonRow.role.in_(INTERNAL_PROXY_ROLES)
    )
    return or_(EvidenceItemRow.relayed_by_id.is_not(None), speaker_is_proxy)


def _filtered(query: Select[Any], filters: InboxFilters) -> Select[Any]:
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
        filed = select(EvidenceThemeRow.evidence_id).where(
            EvidenceThemeRow.theme_id == filters.theme_id
        )
        query = query.where(item.id.in_(filed))
    if filters.since is not None:
        query = query.where(item.created_at >= midnight(filters.since))
    if filters.until is not None:
        query = query.where(item.created_at < midnight(filters.until + timedelta(days=1)))
    return query


def inbox_page(
    session: Session, filters: InboxFilters, before: int | None, size: int = PAGE_SIZE
) -> tuple[list[InboxRow], bool]:
    """One page of items, newest (highest id) first, and whether an older page follows."""
    item = EvidenceItemRow
    proxy = case((_is_proxy(), True), else_=False)
    query = select(
        item.id,
        item.source,
        item.external_id,
        item.kind,
        item.mode,
        item.created_at,
        item.title,
        item.text,
        proxy,
    )
    query = _filtered(query, filters)
    if before is not None:
        query = query.where(item.id < before)
    rows = session.execute(query.order_by(item.id.desc()).limit(size + 1)).all()
    shown = rows[:size]
    themes = top_level_themes(session, [row[0] for row in shown])
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
        )
        for row in shown
    ]
    return page, len(rows) > size


def midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
