"""What the last competitor scan read, so that a scan after no change reads nothing again.

A scan's mentions and deal links depend on the evidence items, the deals, the competitors
(names, aliases, kinds), their partners, the links the CRM made and the names a person
chose. Every write to those tables bumps ``data_version`` (migrations 0008, 0012, 0029),
whoever writes: an import, its undo, an edit, a merge, a script's raw SQL. Three competitor
tables have no such trigger (``competitor_names_chosen``, ``deal_competitor_notes``,
``competitor_mention_stances``); their writers also write a versioned table, and their
row counts join the stamp so that a write alone to one of them is seen too.

The stamp is taken at the end of the scan, in its transaction, so it covers the scan's own
writes. On PostgreSQL the scan locks the version's row first (``inputs_now(lock=True)``):
a writer to a versioned table waits for the scan to commit, so no change can land between
what the scan read and the stamp it keeps. SQLite's write transaction (``BEGIN
IMMEDIATE``) already keeps every other writer out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tradeoff.storage.tables import (
    CompetitorMentionRow,
    CompetitorMentionStanceRow,
    CompetitorNameChosenRow,
    DataVersionRow,
    DealCompetitorNotedRow,
)
from tradeoff.storage.tables.competitor_scan import CompetitorScanStampRow

#: The tables a scan reads or keeps that no trigger versions.
_UNVERSIONED = (CompetitorNameChosenRow, DealCompetitorNotedRow, CompetitorMentionStanceRow)


@dataclass(frozen=True)
class ScanStamp:
    """What a full scan read: the data (``inputs_now``) and the reading rules' digest, and
    how many items and deals it read."""

    inputs: str
    rules: str
    evidence_scanned: int
    deals_scanned: int


def inputs_now(session: Session, *, lock: bool = False) -> str:
    """The workspace's data as a scan reads it, in one string: the data version and the
    unversioned tables' row counts. ``lock``: hold the version's row until the transaction
    ends (PostgreSQL), so no other writer's change lands during the scan."""
    query = select(DataVersionRow.instance, DataVersionRow.version).where(DataVersionRow.id == 1)
    found = session.execute(query.with_for_update() if lock else query).first()
    if found is None:  # no version to trust: never equal to a stamp
        return ""
    counts = [session.scalar(select(func.count()).select_from(t)) or 0 for t in _UNVERSIONED]
    return f"{found[0]}.{found[1]}:" + ",".join(map(str, counts))


def last_stamp(session: Session) -> ScanStamp | None:
    """The stamp the last full scan kept; None before any."""
    row = session.get(CompetitorScanStampRow, 1)
    if row is None:
        return None
    return ScanStamp(row.inputs, row.rules, row.evidence_scanned, row.deals_scanned)


def keep_stamp(session: Session, stamp: ScanStamp) -> None:
    """Keep ``stamp`` as the last full scan's, in place of any earlier one."""
    row = session.get(CompetitorScanStampRow, 1)
    if row is None:
        row = CompetitorScanStampRow(id=1)
        session.add(row)
    row.inputs, row.rules = stamp.inputs, stamp.rules
    row.evidence_scanned, row.deals_scanned = stamp.evidence_scanned, stamp.deals_scanned
    row.scanned_at = datetime.now(UTC)
    session.flush()


def mention_count(session: Session) -> int:
    """The competitor mentions in the workspace, every competitor's."""
    return session.scalar(select(func.count()).select_from(CompetitorMentionRow)) or 0
