"""what a retired theme held, so a later rebuild can bring it back

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-25 10:00:00

A rebuild retired every model theme no cluster continued and forgot what it held: a
rebuild with another seed, then one with the first seed again, found the same partition
with new ids for the themes the other seed had retired, and a retired id could only say
"its evidence is in other themes now". ``retired_theme_members`` keeps a retired theme's
items (``storage.theme_matching``); a retirement before this migration has none.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

TABLE = "retired_theme_members"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence_items.id"],
            name=op.f(f"fk_{TABLE}_evidence_id_evidence_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f(f"fk_{TABLE}_theme_id_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("theme_id", "evidence_id", name=op.f(f"pk_{TABLE}")),
    )
    op.create_index(op.f(f"ix_{TABLE}_evidence_id"), TABLE, ["evidence_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f(f"ix_{TABLE}_evidence_id"), table_name=TABLE)
    op.drop_table(TABLE)
