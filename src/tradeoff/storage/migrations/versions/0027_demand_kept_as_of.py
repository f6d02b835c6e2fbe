"""the day each kept demand set was counted as of

Revision ID: 0027
Revises: 0026
Create Date: 2026-11-26 07:00:00

A kept set answered only a day past every record: one closed deal dated in the future (a
CRM's close date typed ahead) made every read count again, seconds at a million items.
``demand_kept_as_of`` records the day each set was counted as of, and a set answers any
day that sees the same records. Derived data: the sets kept before are forgotten here and
kept again by the next analysis, CRM import or web catch-up.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

DIMENSION = 200
KEPT = ("demand_kept_money", "demand_kept_days", "demand_kept_reach", "demand_kept_state")


def _forget_kept() -> None:
    for table in KEPT:
        op.execute(f"DELETE FROM {table}")  # noqa: S608


def upgrade() -> None:
    _forget_kept()
    op.create_table(
        "demand_kept_as_of",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("dimension", sa.String(length=DIMENSION), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "dimension", name=op.f("pk_demand_kept_as_of")),
    )


def downgrade() -> None:
    # Before this revision a set was trusted only for a day past every record.
    _forget_kept()
    op.drop_table("demand_kept_as_of")
