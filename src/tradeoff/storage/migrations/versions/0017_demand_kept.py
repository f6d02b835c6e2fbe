"""demand figures kept per data version

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-24 19:00:00

Problems of themes took 4.7 s at a million items (722,000 citing (problem, account) pairs,
each meeting its account's deals) and themes by segment 1.2 s. ``storage.demand_kept``
keeps their figures for the data version they were computed at (migration 0008's
counter): a reader uses them only while nothing analysed has changed since, and counts
from the summary and the links otherwise. Derived data: empty here, filled by the next
analysis or web catch-up.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

DIMENSION, GROUP = 200, 100


def upgrade() -> None:
    op.create_table(
        "demand_kept_state",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("dimension", sa.String(length=DIMENSION), nullable=False),
        sa.Column("version", sa.String(length=100), nullable=False),
        sa.Column("churn_window_days", sa.Integer(), nullable=False),
        sa.Column("lost_after_close_days", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "dimension", name=op.f("pk_demand_kept_state")),
    )
    op.create_table(
        "demand_kept_money",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("dimension", sa.String(length=DIMENSION), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("grp", sa.String(length=GROUP), nullable=True),
        sa.Column("figure", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=10), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("amount", sa.Numeric(precision=20, scale=4), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("priced", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_demand_kept_money")),
    )
    op.create_index(
        "ix_demand_kept_money_subject", "demand_kept_money", ["kind", "dimension", "subject_id"]
    )
    op.create_table(
        "demand_kept_days",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("observed", sa.Integer(), nullable=False),
        sa.Column("proxy", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "subject_id", "day", name=op.f("pk_demand_kept_days")),
    )
    op.create_table(
        "demand_kept_reach",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.Column("accounts", sa.Integer(), nullable=False),
        sa.Column("end_users", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "subject_id", name=op.f("pk_demand_kept_reach")),
    )


def downgrade() -> None:
    for table in ("demand_kept_reach", "demand_kept_days"):
        op.drop_table(table)
    op.drop_index("ix_demand_kept_money_subject", table_name="demand_kept_money")
    op.drop_table("demand_kept_money")
    op.drop_table("demand_kept_state")
