"""theme summary: end users per theme, and themes sharing items

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-24 12:00:00

Problems and opportunities read their themes' part of the evidence from the summary
(``storage.subject_demand``): their end users are the distinct ones over their themes
(``theme_person_summary``), and two of their themes sharing items cannot be added up
(``theme_overlap_summary``). The existing triggers already mark every change these read
(a link, an item's speaker, a speaker's role). Both tables are filled here for every theme.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from tradeoff.storage.tables.theme_summary import ThemeOverlapSummaryRow, ThemePersonSummaryRow
from tradeoff.storage.theme_summary import rebuild

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "theme_person_summary",
        sa.Column("theme_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("theme_id", "person_id", name=op.f("pk_theme_person_summary")),
    )
    op.create_table(
        "theme_overlap_summary",
        sa.Column("theme_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("other_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("theme_id", "other_id", name=op.f("pk_theme_overlap_summary")),
    )
    op.create_index("ix_theme_overlap_summary_other_id", "theme_overlap_summary", ["other_id"])
    rebuild(Session(bind=op.get_bind()), (ThemePersonSummaryRow, ThemeOverlapSummaryRow))


def downgrade() -> None:
    op.drop_index("ix_theme_overlap_summary_other_id", table_name="theme_overlap_summary")
    op.drop_table("theme_overlap_summary")
    op.drop_table("theme_person_summary")
