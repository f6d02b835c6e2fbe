"""problems' and opportunities' kept days packed, one row per subject and group

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-27 12:00:00

A kept breakdown of problems held a row per (problem, group, day): 361,000 rows for all
problems by segment at a million items, folded into months by SQLite in 0.7–0.8 s on every
read. ``storage.kept_days`` packs each (subject, group)'s days into one array and folds
them with numpy (0.05 s). Derived data: the table is made again empty and the problems'
and opportunities' kept sets are forgotten with it, to be kept again by the next analysis,
web catch-up or reading.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

DIMENSION, GROUP = 200, 100
DAYS = "demand_kept_days"
SUBJECTS = "('problem', 'opportunity')"


def upgrade() -> None:
    _replace(
        sa.Column("days", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    _replace(
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("observed", sa.Integer(), nullable=False),
        sa.Column("proxy", sa.Integer(), nullable=False),
    )


def _replace(*columns: sa.Column[object]) -> None:
    """The day table made again with ``columns`` after its keys; the subjects' kept sets
    (their money and reach rows too) forgotten with it."""
    for table in ("demand_kept_money", "demand_kept_reach", "demand_kept_state"):
        op.execute(f"DELETE FROM {table} WHERE kind IN {SUBJECTS}")  # noqa: S608
    op.drop_index(f"ix_{DAYS}_subject", table_name=DAYS)
    op.drop_table(DAYS)
    op.create_table(
        DAYS,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("dimension", sa.String(length=DIMENSION), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("grp", sa.String(length=GROUP), nullable=True),
        *columns,
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{DAYS}")),
    )
    op.create_index(f"ix_{DAYS}_subject", DAYS, ["kind", "dimension", "subject_id"])
