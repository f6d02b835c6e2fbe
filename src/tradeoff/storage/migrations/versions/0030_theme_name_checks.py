"""theme names to check: a rebuild kept a person's name while moving most of the theme's items

Revision ID: 0030
Revises: 0029
Create Date: 2026-11-28 12:00:00

A rebuild keeps the name a person gave a theme (``tradeoff rename``, ``tradeoff pin``), but
it may move most of the items the person was looking at elsewhere, and a new-user QA round
found that silent (on five Banking77 intents, ``--resolution 8`` left a renamed theme with
17 of the 106 items it was named on). ``theme_name_checks`` marks such a theme, with its
figures (kept N of M items, K new), until a person renames or pins it again;
``theme_name_check_members`` keeps the items the name was accepted on, so a later rebuild
compares with them. Tables of their own, not columns of ``themes``, so that code writing
themes at an older revision still works; keyed by the theme, ON DELETE CASCADE. Versioned
like ``themes`` (0008): the theme pages show the mark.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tradeoff.storage.version_triggers import add_version_triggers, drop_version_triggers

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

CHECKS = "theme_name_checks"
MEMBERS = "theme_name_check_members"


def upgrade() -> None:
    op.create_table(
        CHECKS,
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("items_named", sa.Integer(), nullable=False),
        sa.Column("items_kept", sa.Integer(), nullable=False),
        sa.Column("items_new", sa.Integer(), nullable=False),
        sa.Column("flagged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f(f"fk_{CHECKS}_theme_id_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("theme_id", name=op.f(f"pk_{CHECKS}")),
    )
    op.create_table(
        MEMBERS,
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence_items.id"],
            name=op.f(f"fk_{MEMBERS}_evidence_id_evidence_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            [f"{CHECKS}.theme_id"],
            name=op.f(f"fk_{MEMBERS}_theme_id_{CHECKS}"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("theme_id", "evidence_id", name=op.f(f"pk_{MEMBERS}")),
    )
    op.create_index(op.f(f"ix_{MEMBERS}_evidence_id"), MEMBERS, ["evidence_id"], unique=False)
    add_version_triggers([CHECKS])


def downgrade() -> None:
    drop_version_triggers([CHECKS])
    op.drop_index(op.f(f"ix_{MEMBERS}_evidence_id"), table_name=MEMBERS)
    op.drop_table(MEMBERS)
    op.drop_table(CHECKS)
