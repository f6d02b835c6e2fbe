"""The evidence list's SQL: filters and LIMIT/OFFSET in the database, never in Python.

Ordered by id, the primary key, so a page is an index range scan even on a million rows;
the theme filter is an EXISTS on ``evidence_themes`` (indexed by theme) rather than a join,
so an item in two themes is never counted twice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, exists, func, select, true
from sqlalchemy.orm import Session

from tradeoff.domain.enums import EvidenceKind
from tradeoff.storage.tables.accounts import AccountRow
from tradeoff.storage.tables.evidence import EvidenceItemRow, EvidenceThemeRow


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    source: str
    external_id: str
    kind: str
    title: str | None
    text: str
    created_at: datetime
    account_id: int | None
    account: str | None
    theme_ids: list[int]


def _where(
    source: str | None, kind: EvidenceKind | None, theme_id: int | None
) -> ColumnElement[bool]:
    clause: ColumnElement[bool] = true()
    if source is not None:
        clause = clause & (EvidenceItemRow.source == source)
    if kind is not None:
        clause = clause & (EvidenceItemRow.kind == kind)
    if theme_id is not None:
        clause = clause & exists().where(
            EvidenceThemeRow.evidence_id == EvidenceItemRow.id,
            EvidenceThemeRow.theme_id == theme_id,
        )
    return clause


def evidence_page(
    session: Session,
    *,
    limit: int,
    offset: int,
    source: str | None = None,
    kind: EvidenceKind | None = None,
    theme_id: int | None = None,
    ids: list[int] | None = None,
) -> tuple[list[EvidenceRow], int]:
    """(one page of items in id order, the number of items matching the filters)."""
    where = _where(source, kind, theme_id)
    if ids is not None:
        where = where & EvidenceItemRow.id.in_(ids)
    total = session.scalar(select(func.count()).select_from(EvidenceItemRow).where(where)) or 0
    query = (
        select(
            EvidenceItemRow.id,
            EvidenceItemRow.source,
            EvidenceItemRow.external_id,
            EvidenceItemRow.kind,
            EvidenceItemRow.title,
            EvidenceItemRow.text,
            EvidenceItemRow.created_at,
            EvidenceItemRow.account_id,
            AccountRow.name,
        )
        .outerjoin(AccountRow, AccountRow.id == EvidenceItemRow.account_id)
        .where(where)
        .order_by(EvidenceItemRow.id)
        .limit(limit)
        .offset(offset)
    )
    rows = session.execute(query).all()
    themes: defaultdict[int, list[int]] = defaultdict(list)
    if rows:
        links = select(EvidenceThemeRow.evidence_id, EvidenceThemeRow.theme_id).where(
            EvidenceThemeRow.evidence_id.in_([row.id for row in rows])
        )
        for evidence_id, linked in session.execute(links.order_by(EvidenceThemeRow.theme_id)):
            themes[evidence_id].append(linked)
    items = [
        EvidenceRow(
            id=r.id,
            source=r.source,
            external_id=r.external_id,
            kind=EvidenceKind(r.kind).value,
            title=r.title,
            text=r.text,
            created_at=r.created_at,
            account_id=r.account_id,
            account=r.name,
            theme_ids=themes[r.id],
        )
        for r in rows
    ]
    return items, total
