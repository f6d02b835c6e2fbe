"""Integration partners: competitors that are also products we connect to, and the texts
that name one, so that marking one rescans only those.

The mark is a row of ``competitor_partners`` keyed by the competitor: a rename keeps the
row, a merge or a re-import keeps the competitor's id, and the row goes with a competitor
that is deleted (``analysis.business.competitor_partners`` decides what a merge keeps).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, delete, false, func, insert, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from tradeoff.storage.competitor_edits import deal_texts, evidence_texts
from tradeoff.storage.tables import (
    CompetitorMentionRow,
    CompetitorPartnerRow,
    DealCompetitorRow,
    DealRow,
    EvidenceItemRow,
)


def partners_of(session: Session) -> set[int]:
    """Ids of the competitors marked as integration partners."""
    return set(session.scalars(select(CompetitorPartnerRow.competitor_id)))


def mark_partner(session: Session, competitor_id: int, at: datetime) -> bool:
    """Mark the competitor as an integration partner; False when it was one already."""
    if session.get(CompetitorPartnerRow, competitor_id) is not None:
        return False
    session.execute(insert(CompetitorPartnerRow).values(competitor_id=competitor_id, marked_at=at))
    return True


def unmark_partner(session: Session, competitor_id: int) -> bool:
    """Clear the mark; False when the competitor was no partner."""
    table = CompetitorPartnerRow
    gone = session.execute(delete(table).where(table.competitor_id == competitor_id))
    return bool(cast(CursorResult[Any], gone).rowcount)


def evidence_naming(
    session: Session,
    competitor_id: int,
    names: Collection[str] | None,
    after_id: int,
    limit: int,
) -> list[tuple[int, str, bool]]:
    """The next evidence items by id after ``after_id`` that may name the competitor — their
    title or text holds a word of one of ``names`` (every item for ``None``), or they hold
    a mention of it — as ``competitor_edits.evidence_texts`` reads them."""
    item = EvidenceItemRow
    held = select(CompetitorMentionRow.evidence_id).where(
        CompetitorMentionRow.competitor_id == competitor_id
    )
    naming = or_(item.id.in_(held), _holding(names, item.title, item.text))
    return evidence_texts(session, after_id, limit, only=naming)


def deals_naming(
    session: Session,
    competitor_id: int,
    names: Collection[str] | None,
    after_id: int,
    limit: int,
) -> list[tuple[int, str]]:
    """The next deals by id after ``after_id`` whose reasons or notes hold a word of one of
    ``names``, or that are linked to the competitor, as ``competitor_edits.deal_texts``
    reads them (the loss and win reasons first, then the notes)."""
    deal = DealRow
    linked = select(DealCompetitorRow.deal_id).where(
        DealCompetitorRow.competitor_id == competitor_id
    )
    words = _holding(names, deal.loss_reason, deal.win_reason, deal.notes)
    return deal_texts(session, after_id, limit, only=or_(deal.id.in_(linked), words))


def _holding(
    names: Collection[str] | None, *columns: InstrumentedAttribute[Any]
) -> ColumnElement[bool]:
    """Rows where a column holds, ignoring case, the longest word of one of ``names``: more
    rows than name it as whole words (the scan's reading decides), never fewer. ``None``,
    or a name whose longest word is not plain ASCII (SQLite's lower() folds ASCII only),
    leaves every row in."""
    if names is None:
        return true()
    fragments = set()
    for name in names:
        longest = max(name.split(), key=len, default="")
        if not longest or not longest.isascii():
            return true()
        fragments.add(longest.lower())
    if not fragments:
        return false()
    return or_(
        *(func.lower(column).contains(f, autoescape=True) for f in fragments for column in columns)
    )
