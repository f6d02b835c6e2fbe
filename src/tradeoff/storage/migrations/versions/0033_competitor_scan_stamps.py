"""competitor scan stamps: a scan after no change skips reading the workspace again

Revision ID: 0033
Revises: 0032
Create Date: 2026-11-26 20:00:00

``scan-competitors`` read every evidence item and deal each time, 2.7 s per 100,000 items
when nothing had changed since the last scan. ``competitor_scan_stamps`` keeps, in one row,
what the last full scan read: the workspace's data version (0008's counter, which every
write to evidence, deals, competitors, their links, mentions and partners bumps) with the
row counts of the competitor tables no trigger versions, and a digest of the reading
rules. A scan that finds both unchanged keeps the mentions and links as they are
(``storage.competitor_scan_stamps``). A table of its own, not versioned: writing the stamp
changes nothing a page shows. Empty after the upgrade, so the first scan reads everything.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

TABLE = "competitor_scan_stamps"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inputs", sa.String(length=200), nullable=False),
        sa.Column("rules", sa.String(length=64), nullable=False),
        sa.Column("evidence_scanned", sa.Integer(), nullable=False),
        sa.Column("deals_scanned", sa.Integer(), nullable=False),
        sa.Column("scanned_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f(f"ck_{TABLE}_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
    )


def downgrade() -> None:
    op.drop_table(TABLE)
