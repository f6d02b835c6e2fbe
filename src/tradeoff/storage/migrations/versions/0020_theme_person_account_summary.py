"""end users per theme and citing account, for problems' breakdowns through the summary

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-26 12:00:00

Problems and opportunities broken down by segment, plan, region or an attribute key were
counted from every link of their themes (62–71 s at a million items with problems of large
themes). Their pieces, links, accounts and money per group can be read from the theme
summary; their end users per group cannot: an end user counts once per group over all of a
problem's themes, and ``theme_group_reach_summary`` holds per-theme counts. This table
holds each end user of a theme with the account their items there cite, so the group is
read from the account, for any breakdown. The existing triggers already mark every change
it reads (a link, an item's speaker or account, a speaker's role). It is filled here for
every theme.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from tradeoff.storage.tables.theme_summary import ThemePersonAccountSummaryRow
from tradeoff.storage.theme_summary import rebuild

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

TABLE = "theme_person_account_summary"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
    )
    op.create_index(f"ix_{TABLE}_theme_id", TABLE, ["theme_id"])
    rebuild(Session(bind=op.get_bind()), (ThemePersonAccountSummaryRow,))


def downgrade() -> None:
    op.drop_index(f"ix_{TABLE}_theme_id", table_name=TABLE)
    op.drop_table(TABLE)
