"""theme name baselines: what a theme held when a person last vouched for its name

Revision ID: 0032
Revises: 0031
Create Date: 2026-11-26 20:00:00

0030 marks a person's name to check when one rebuild moves most of the theme's items, but
a theme that drifts a little at each rebuild (0.7 of its items kept each time: a third left
after three) was never marked. ``theme_name_baselines`` keeps, per named theme, what it
held when a person last renamed or pinned it (``theme_name_baseline_members``, ``named``),
and the items rebuilds brought in since (not ``named``); every rebuild compares with it
(``storage.theme_name_baselines``). Tables of their own, not columns of ``themes``, so that
code writing themes at an older revision still works; keyed by the theme, ON DELETE
CASCADE. Not versioned: no page shows a baseline, only the marks 0030 keeps.

Every active theme with a pinned name gets its baseline here, not at the first rebuild
after the upgrade: from then on a person's moves, merges and splits keep it true, and one
marked to check starts from the items its name was accepted on
(``theme_name_check_members``), not from what a rebuild left. The others start from their
items as they stand (copies folded into their originals): what the person last saw.
``named_at`` stays null: the day they named it is not known.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

BASELINES = "theme_name_baselines"
MEMBERS = "theme_name_baseline_members"


def upgrade() -> None:
    op.create_table(
        BASELINES,
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("named_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f(f"fk_{BASELINES}_theme_id_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("theme_id", name=op.f(f"pk_{BASELINES}")),
    )
    op.create_table(
        MEMBERS,
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("named", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence_items.id"],
            name=op.f(f"fk_{MEMBERS}_evidence_id_evidence_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            [f"{BASELINES}.theme_id"],
            name=op.f(f"fk_{MEMBERS}_theme_id_{BASELINES}"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("theme_id", "evidence_id", name=op.f(f"pk_{MEMBERS}")),
    )
    op.create_index(op.f(f"ix_{MEMBERS}_evidence_id"), MEMBERS, ["evidence_id"], unique=False)
    _take_baselines()


def downgrade() -> None:
    op.drop_index(op.f(f"ix_{MEMBERS}_evidence_id"), table_name=MEMBERS)
    op.drop_table(MEMBERS)
    op.drop_table(BASELINES)


def _take_baselines() -> None:
    """Every active named theme's baseline: a marked one's accepted items, another's items."""
    themes = sa.table(
        "themes", sa.column("id"), sa.column("status"), sa.column("name_pinned", sa.Boolean())
    )
    links = sa.table("evidence_themes", sa.column("evidence_id"), sa.column("theme_id"))
    items = sa.table("evidence_items", sa.column("id"), sa.column("duplicate_of_id"))
    checks = sa.table("theme_name_checks", sa.column("theme_id"))
    accepted = sa.table("theme_name_check_members", sa.column("theme_id"), sa.column("evidence_id"))
    baselines = sa.table(BASELINES, sa.column("theme_id"), sa.column("named_at"))
    members = sa.table(
        MEMBERS, sa.column("theme_id"), sa.column("evidence_id"), sa.column("named", sa.Boolean())
    )
    named = sa.select(themes.c.id).where(themes.c.status == "active", themes.c.name_pinned)
    op.execute(baselines.insert().from_select(["theme_id"], named))
    marked = sa.select(checks.c.theme_id).where(checks.c.theme_id.in_(named))
    op.execute(
        members.insert().from_select(
            ["theme_id", "evidence_id", "named"],
            sa.select(accepted.c.theme_id, accepted.c.evidence_id, sa.true()).where(
                accepted.c.theme_id.in_(marked)
            ),
        )
    )
    original = sa.func.coalesce(items.c.duplicate_of_id, items.c.id)
    held = (
        sa.select(links.c.theme_id, original, sa.true())
        .join(items, items.c.id == links.c.evidence_id)
        .where(links.c.theme_id.in_(named), links.c.theme_id.not_in(marked))
        .distinct()
    )
    op.execute(members.insert().from_select(["theme_id", "evidence_id", "named"], held))
