"""theme summary split by account attribute keys too

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-24 15:00:00

``--by attribute:KEY`` counted every link (6.6 s at a million items) because the group
summaries were split by segment, plan and region only. They are now also split by every
attribute key with few distinct text values (``storage.theme_summary``), listed in the new
``theme_summary_attributes``; their ``dimension`` column is widened to hold
``attribute:KEY``, and a change to an account's attributes marks the themes it cites, as
a change to its segment did. The group summaries are derived data: they are made again and
filled from the links here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from tradeoff.storage.mark_triggers import (
    ACCOUNT_COLUMNS,
    ACCOUNT_TRIGGER_BEFORE_0016,
    GROUP_COLUMNS,
    SUMMARY_TRIGGERS,
)
from tradeoff.storage.tables.theme_summary import (
    ThemeGroupDaySummaryRow,
    ThemeGroupReachSummaryRow,
)
from tradeoff.storage.theme_summary import rebuild

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

ACCOUNT_TRIGGER = "theme_summary_account_update"


def _group_tables(dimension_length: int) -> None:
    """Drop and make again both group summaries with ``dimension`` that long."""
    for table in ("theme_group_day_summary", "theme_group_reach_summary"):
        op.drop_index(f"ix_{table}_theme_id", table_name=table)
        op.drop_table(table)
    op.create_table(
        "theme_group_day_summary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(length=dimension_length), nullable=False),
        sa.Column("grp", sa.String(length=100), nullable=True),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("observed", sa.Integer(), nullable=False),
        sa.Column("proxy", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_group_day_summary")),
    )
    op.create_table(
        "theme_group_reach_summary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(length=dimension_length), nullable=False),
        sa.Column("grp", sa.String(length=100), nullable=True),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.Column("accounts", sa.Integer(), nullable=False),
        sa.Column("end_users", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_group_reach_summary")),
    )
    for table in ("theme_group_day_summary", "theme_group_reach_summary"):
        op.create_index(f"ix_{table}_theme_id", table, ["theme_id", "dimension"])


def _account_trigger(columns: tuple[str, ...]) -> None:
    """The account trigger watching ``columns``: PostgreSQL keeps its function."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER {ACCOUNT_TRIGGER} ON accounts")
        # ``json`` has no equality operator: compare the attributes as text.
        changed = " OR ".join(f"OLD.{c}::text IS DISTINCT FROM NEW.{c}::text" for c in columns)
        op.execute(
            f"CREATE TRIGGER {ACCOUNT_TRIGGER} AFTER UPDATE OF {', '.join(columns)} "
            f"ON accounts FOR EACH ROW WHEN ({changed}) "
            f"EXECUTE FUNCTION {ACCOUNT_TRIGGER}()"
        )
        return
    trigger = next(t for t in SUMMARY_TRIGGERS if t.name == ACCOUNT_TRIGGER)
    if columns == GROUP_COLUMNS:
        trigger = ACCOUNT_TRIGGER_BEFORE_0016
    op.execute(f"DROP TRIGGER {ACCOUNT_TRIGGER}")
    op.execute(trigger.sql())


def upgrade() -> None:
    op.create_table(
        "theme_summary_attributes",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_theme_summary_attributes")),
    )
    _group_tables(200)
    _account_trigger(ACCOUNT_COLUMNS)
    rebuild(Session(bind=op.get_bind()), (ThemeGroupDaySummaryRow, ThemeGroupReachSummaryRow))


def downgrade() -> None:
    _account_trigger(GROUP_COLUMNS)
    op.drop_table("theme_summary_attributes")
    _group_tables(16)
    rebuild(Session(bind=op.get_bind()), (ThemeGroupDaySummaryRow, ThemeGroupReachSummaryRow))
