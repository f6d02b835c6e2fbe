"""integration partners: competitors free text names as rivals only where it competes

Revision ID: 0029
Revises: 0028
Create Date: 2026-11-27 12:00:00

A product that is also one of our integrations (PagerDuty for an alerting tool) is named in
tickets as a system the customer connects to: "the PagerDuty incident isn't resolved". A
QA round counted 44 such mentions of PagerDuty as a rival's. ``competitor_partners`` lists
the competitors a person marked as integration partners (``tradeoff competitor-partner``):
the scan names them only in words that compete with them. A table of its own, not a column
of ``competitors``, so that code writing competitors at an older revision still works;
keyed by the competitor, with ON UPDATE and ON DELETE CASCADE. Versioned like
``competitors`` (0008): the competitor pages show the mark.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tradeoff.storage.version_triggers import add_version_triggers, drop_version_triggers

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

TABLE = "competitor_partners"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("competitor_id", sa.Integer(), nullable=False),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["competitor_id"],
            ["competitors.id"],
            name=op.f(f"fk_{TABLE}_competitor_id_competitors"),
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
        sa.PrimaryKeyConstraint("competitor_id", name=op.f(f"pk_{TABLE}")),
    )
    add_version_triggers([TABLE])


def downgrade() -> None:
    drop_version_triggers([TABLE])
    op.drop_table(TABLE)
