"""theme summary: per-theme day, account and reach rows, kept exact by dirty marks

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 18:00:00

Triggers only mark a theme dirty (cheap, on every writer: importers, the CLI, the web app,
a script with Core statements); ``storage.theme_summary.refresh`` rewrites the dirty themes'
rows, and readers count a dirty theme from its links until then. The summary is built here
once, so an upgraded workspace reads fast at once.

What marks a theme dirty: a link to it inserted, deleted or updated; a filed item's
account, speaker, relayer, mode, date or original changed (deleting an account, person or
original changes these through ``ON DELETE SET NULL``); its speakers' role changed; a citing
account's segment, plan or region changed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from tradeoff.storage.mark_triggers import (
    ACCOUNT_THEMES,
    GROUP_COLUMNS,
    ITEM_COLUMNS,
    ITEM_THEMES,
    SPEAKER_THEMES,
    SUMMARY_TRIGGERS,
)
from tradeoff.storage.theme_summary import rebuild

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: Demand's churn window reads a churned account's items of a few weeks, by these.
INDEXES = {
    "ix_accounts_lifecycle_churned_at": ("accounts", ["lifecycle", "churned_at"]),
    "ix_evidence_items_account_id_created_at": ("evidence_items", ["account_id", "created_at"]),
}


def upgrade() -> None:
    op.create_table(
        "theme_summary_dirty",
        sa.Column("theme_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("theme_id", name=op.f("pk_theme_summary_dirty")),
    )
    op.create_table(
        "theme_day_summary",
        sa.Column("theme_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("observed", sa.Integer(), nullable=False),
        sa.Column("proxy", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("theme_id", "day", name=op.f("pk_theme_day_summary")),
    )
    op.create_table(
        "theme_account_summary",
        sa.Column("theme_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("account_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("theme_id", "account_id", name=op.f("pk_theme_account_summary")),
    )
    op.create_index(
        op.f("ix_theme_account_summary_account_id"), "theme_account_summary", ["account_id"]
    )
    op.create_table(
        "theme_group_day_summary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(length=16), nullable=False),
        sa.Column("grp", sa.String(length=100), nullable=True),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("observed", sa.Integer(), nullable=False),
        sa.Column("proxy", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_group_day_summary")),
    )
    op.create_index(
        "ix_theme_group_day_summary_theme_id", "theme_group_day_summary", ["theme_id", "dimension"]
    )
    op.create_table(
        "theme_group_reach_summary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(length=16), nullable=False),
        sa.Column("grp", sa.String(length=100), nullable=True),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.Column("accounts", sa.Integer(), nullable=False),
        sa.Column("end_users", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_group_reach_summary")),
    )
    op.create_index(
        "ix_theme_group_reach_summary_theme_id",
        "theme_group_reach_summary",
        ["theme_id", "dimension"],
    )
    op.create_table(
        "theme_reach_summary",
        sa.Column("theme_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.Column("accounts", sa.Integer(), nullable=False),
        sa.Column("end_users", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("theme_id", name=op.f("pk_theme_reach_summary")),
    )
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    if op.get_bind().dialect.name == "postgresql":
        _postgres_triggers()
    else:
        _sqlite_triggers()
    rebuild(Session(bind=op.get_bind()))


def _sqlite_triggers() -> None:
    # The form this migration created; 0014 replaces it (storage.mark_triggers says why).
    for trigger in SUMMARY_TRIGGERS:
        op.execute(trigger.sql(or_ignore=True))


def _postgres_triggers() -> None:
    mark = "INSERT INTO theme_summary_dirty (theme_id)"
    ignore = "ON CONFLICT DO NOTHING"
    # Links are written in bulk: one statement-level trigger per event, over the rows it
    # touched (transition tables allow one event per trigger).
    for event, rows in (("INSERT", "new_links"), ("DELETE", "old_links")):
        name = f"theme_summary_link_{event.lower()}"
        side = "NEW" if event == "INSERT" else "OLD"
        op.execute(
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "  # noqa: S608
            f"{mark} SELECT DISTINCT theme_id FROM {rows} {ignore}; RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON evidence_themes "
            f"REFERENCING {side} TABLE AS {rows} FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )
    op.execute(
        "CREATE FUNCTION theme_summary_link_update() RETURNS trigger LANGUAGE plpgsql AS $$ "  # noqa: S608
        f"BEGIN {mark} SELECT theme_id FROM old_links UNION SELECT theme_id FROM new_links "
        f"{ignore}; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER theme_summary_link_update AFTER UPDATE ON evidence_themes "
        "REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links "
        "FOR EACH STATEMENT EXECUTE FUNCTION theme_summary_link_update()"
    )
    op.execute(
        "CREATE FUNCTION theme_summary_item_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {mark} {ITEM_THEMES} {ignore}; RETURN NULL; END $$"
    )
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in ITEM_COLUMNS)
    op.execute(
        f"CREATE TRIGGER theme_summary_item_update AFTER UPDATE OF {', '.join(ITEM_COLUMNS)} "
        f"ON evidence_items FOR EACH ROW WHEN ({changed}) "
        "EXECUTE FUNCTION theme_summary_item_update()"
    )
    op.execute(
        "CREATE FUNCTION theme_summary_role_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {mark} {SPEAKER_THEMES} {ignore}; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER theme_summary_role_update AFTER UPDATE OF role ON people "
        "FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role) "
        "EXECUTE FUNCTION theme_summary_role_update()"
    )
    op.execute(
        "CREATE FUNCTION theme_summary_account_update() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {mark} {ACCOUNT_THEMES} {ignore}; RETURN NULL; END $$"
    )
    regrouped = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in GROUP_COLUMNS)
    op.execute(
        f"CREATE TRIGGER theme_summary_account_update AFTER UPDATE OF {', '.join(GROUP_COLUMNS)} "
        f"ON accounts FOR EACH ROW WHEN ({regrouped}) "
        "EXECUTE FUNCTION theme_summary_account_update()"
    )


TRIGGERS = {
    "evidence_themes": ("link_insert", "link_delete", "link_update"),
    "evidence_items": ("item_update",),
    "people": ("role_update",),
    "accounts": ("account_update",),
}


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, names in TRIGGERS.items():
        for name in names:
            on = f" ON {table}" if postgres else ""
            op.execute(f"DROP TRIGGER theme_summary_{name}{on}")
            if postgres:
                op.execute(f"DROP FUNCTION theme_summary_{name}()")
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
    for table in (
        "theme_group_reach_summary",
        "theme_group_day_summary",
        "theme_reach_summary",
        "theme_account_summary",
        "theme_day_summary",
        "theme_summary_dirty",
    ):
        op.drop_table(table)
