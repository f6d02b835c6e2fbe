"""problems' and opportunities' kept days and reach per group of a breakdown

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-27 09:00:00

Problems and opportunities broken down by segment, plan, region or an attribute key took
12–15 s at a million items through the group summaries, every time; without a breakdown
they read kept rows in 0.2–0.6 s. Their kept days and reach gain the breakdown
(``dimension``) and the group, and reach rows say whether they count one group or the
subject over all of them (end users do not add up over groups). The tables are derived:
they are made again empty, and the problems' and opportunities' kept sets are forgotten
with them (their money rows too), so the next analysis or web catch-up keeps them again.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

DIMENSION, GROUP = 200, 100
DAYS, REACH = "demand_kept_days", "demand_kept_reach"
SUBJECTS = "('problem', 'opportunity')"


def upgrade() -> None:
    _forget_subject_sets()
    op.drop_table(DAYS)
    op.drop_table(REACH)
    op.create_table(
        DAYS,
        *_kept_columns(),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("observed", sa.Integer(), nullable=False),
        sa.Column("proxy", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{DAYS}")),
    )
    op.create_index(f"ix_{DAYS}_subject", DAYS, ["kind", "dimension", "subject_id"])
    op.create_table(
        REACH,
        *_kept_columns(),
        sa.Column("grouped", sa.Boolean(), nullable=False),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.Column("accounts", sa.Integer(), nullable=False),
        sa.Column("end_users", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{REACH}")),
    )
    op.create_index(f"ix_{REACH}_subject", REACH, ["kind", "dimension", "subject_id"])


def downgrade() -> None:
    _forget_subject_sets()
    op.drop_index(f"ix_{REACH}_subject", table_name=REACH)
    op.drop_table(REACH)
    op.drop_index(f"ix_{DAYS}_subject", table_name=DAYS)
    op.drop_table(DAYS)
    op.create_table(
        DAYS,
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("observed", sa.Integer(), nullable=False),
        sa.Column("proxy", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "subject_id", "day", name=op.f(f"pk_{DAYS}")),
    )
    op.create_table(
        REACH,
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.Column("accounts", sa.Integer(), nullable=False),
        sa.Column("end_users", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "subject_id", name=op.f(f"pk_{REACH}")),
    )


def _kept_columns() -> list[sa.Column[Any]]:
    """What both tables start with: a row of one subject in one group of one set."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("dimension", sa.String(length=DIMENSION), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("grp", sa.String(length=GROUP), nullable=True),
    ]


def _forget_subject_sets() -> None:
    """Problems' and opportunities' kept sets go with their rows: counted until kept again."""
    op.execute(f"DELETE FROM demand_kept_money WHERE kind IN {SUBJECTS}")  # noqa: S608
    op.execute(f"DELETE FROM demand_kept_state WHERE kind IN {SUBJECTS}")  # noqa: S608
