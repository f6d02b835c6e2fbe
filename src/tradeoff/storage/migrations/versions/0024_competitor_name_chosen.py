"""a competitor's name a person chose stays; any other follows how the field spells it

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-25 17:10:00

A competitor took the first spelling an import met ("Pipedrvie", "SFDC") and kept it.
Imports and scans now name a competitor by the spelling its deals and mentions use most
(``storage.competitor_spelling``), unless a person chose the name with
``competitor-rename``, ``competitor-split --as`` or as a merge's target:
``competitor_names_chosen`` lists those. A table of its own, not a column of
``competitors``, so that code writing competitors at an older revision still works.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

TABLE = "competitor_names_chosen"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("competitor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competitor_id"],
            ["competitors.id"],
            name=op.f(f"fk_{TABLE}_competitor_id_competitors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("competitor_id", name=op.f(f"pk_{TABLE}")),
    )


def downgrade() -> None:
    op.drop_table(TABLE)
