"""how a mention stands towards the competitor it names

Revision ID: 0028
Revises: 0027
Create Date: 2026-11-26 12:00:00

"Before Dispatchly we used a whiteboard" counted as a mention of the whiteboard like any
other. ``competitor_mention_stances`` records, per mention that says more than the name,
whether the customer left that tool for us (``came_from``) or weighs leaving for it
(``leaving_for``). Keyed by the mention, with ON UPDATE and ON DELETE CASCADE, so a merge or
split that moves a mention carries its stance. Derived data: the next ``tradeoff
scan-competitors`` fills it for existing mentions.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

TABLE = "competitor_mention_stances"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("competitor_id", sa.Integer(), nullable=False),
        sa.Column(
            "stance",
            sa.Enum(
                "came_from",
                "leaving_for",
                "named",
                name="mention_stance",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["evidence_id", "competitor_id"],
            ["competitor_mentions.evidence_id", "competitor_mentions.competitor_id"],
            name=op.f(f"fk_{TABLE}_evidence_id_competitor_mentions"),
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evidence_id", "competitor_id", name=op.f(f"pk_{TABLE}")),
    )
    op.create_index(op.f(f"ix_{TABLE}_competitor_id"), TABLE, ["competitor_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f(f"ix_{TABLE}_competitor_id"), table_name=TABLE)
    op.drop_table(TABLE)
