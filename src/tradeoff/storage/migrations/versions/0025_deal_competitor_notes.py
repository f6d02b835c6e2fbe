"""which deal links the scan made from a deal's words, so a later scan can take them back

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-25 18:30:00

``scan-competitors`` linked a deal to every competitor its notes named and never removed
one: when the rules learnt that "runs on HubSpot and wants the contact sync" names no
rival, or a re-import changed the notes, the old link stayed. ``deal_competitor_notes``
marks the links a scan made; the scan now keeps exactly those its words still support, and
never touches a link from a CRM field. Links from before this revision carry no such mark:
an "evaluated" link on a won or lost deal can only have come from its words (a CRM field
files a closed deal as lost to or won against), so those are marked here; an open deal's
cannot be told apart and stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

TABLE = "deal_competitor_notes"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("competitor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deals.id"], name=op.f(f"fk_{TABLE}_deal_id_deals"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["competitor_id"],
            ["competitors.id"],
            name=op.f(f"fk_{TABLE}_competitor_id_competitors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("deal_id", "competitor_id", name=op.f(f"pk_{TABLE}")),
    )
    op.create_index(op.f(f"ix_{TABLE}_competitor_id"), TABLE, ["competitor_id"], unique=False)
    op.execute(
        "INSERT INTO deal_competitor_notes (deal_id, competitor_id) "
        "SELECT dc.deal_id, dc.competitor_id FROM deal_competitors dc "
        "JOIN deals d ON d.id = dc.deal_id "
        "WHERE dc.relation = 'evaluated' AND d.outcome IN ('won', 'lost')"
    )


def downgrade() -> None:
    op.drop_index(op.f(f"ix_{TABLE}_competitor_id"), table_name=TABLE)
    op.drop_table(TABLE)
