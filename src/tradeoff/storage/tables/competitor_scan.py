"""What the last competitor scan read (migration 0033), so that a scan after no change skips
reading every item and deal again (``storage.competitor_scan_stamps``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.storage.tables.base import Base
from tradeoff.storage.types import UTCDateTime


class CompetitorScanStampRow(Base):
    """A single row (id = 1): the workspace's data as the last full scan left it, and the
    reading rules it read with."""

    __tablename__ = "competitor_scan_stamps"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The data version and the row counts of the tables it does not cover, after the scan.
    inputs: Mapped[str] = mapped_column(String(200))
    #: A digest of the reading rules' source (``competitor_scan_stamp.rules_version``).
    rules: Mapped[str] = mapped_column(String(64))
    evidence_scanned: Mapped[int]
    deals_scanned: Mapped[int]
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime())
