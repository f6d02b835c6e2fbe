"""version the strategy tables: goals, areas, the team, the roadmap, competitor mentions

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-24 14:00:00

0008 versioned the tables whose writes may change the home page. The practice check and
coverage read these too (goals and key results, product areas, team members, roadmap items,
their changes and links), as do the competitor pages (mentions), so a write to any of them
now bumps the data version as well and those pages can be kept per version.
"""

from __future__ import annotations

from tradeoff.storage.version_triggers import add_version_triggers, drop_version_triggers

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLES = (
    "goals",
    "key_results",
    "product_areas",
    "team_members",
    "roadmap_items",
    "roadmap_changes",
    "roadmap_item_goals",
    "roadmap_item_opportunities",
    "competitor_mentions",
)


def upgrade() -> None:
    add_version_triggers(TABLES)


def downgrade() -> None:
    drop_version_triggers(TABLES)
