"""praise readings: which items read as praise, so profiles need not read every text

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-24 09:00:00

Counter evidence read every filed text on every profile (4 s at a million items). Each item
is now read once (``storage.praise.fill``: by ``tradeoff analyze``, a writing command, the
web app's background work) and the praised ones kept with their words. A mark says up to
which id everything was read, and by which rules. Triggers send an item back to be read
when its text, rating or kind changes, or when a new item takes an id at or below the mark
(SQLite reuses the highest id after a delete). The tables start empty: the first fill reads
everything, and until then readers read the texts themselves, as before.

No data-version triggers: a reading never changes a figure, it only saves reading again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tradeoff.storage.mark_triggers import BELOW_MARK, PRAISE_TRIGGERS, READ_COLUMNS, STALE

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "praise_mark",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("rules", sa.String(length=64), nullable=False),
        sa.Column("read_through", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_praise_mark_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_praise_mark")),
    )
    for table, extra in (
        ("evidence_praise", [sa.Column("cues", sa.JSON(), nullable=False)]),
        (STALE, []),
    ):
        op.create_table(
            table,
            sa.Column("evidence_id", sa.Integer(), autoincrement=False, nullable=False),
            *extra,
            sa.ForeignKeyConstraint(
                ["evidence_id"],
                ["evidence_items.id"],
                name=op.f(f"fk_{table}_evidence_id_evidence_items"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("evidence_id", name=op.f(f"pk_{table}")),
        )
    if op.get_bind().dialect.name == "postgresql":
        _postgres_triggers()
    else:
        _sqlite_triggers()


def _sqlite_triggers() -> None:
    # The form this migration created; 0014 replaces it (storage.mark_triggers says why).
    for trigger in PRAISE_TRIGGERS:
        op.execute(trigger.sql(or_ignore=True))


def _postgres_triggers() -> None:
    # Items arrive in bulk: one statement-level trigger over the rows inserted. PostgreSQL
    # takes no column list with transition tables, so edits are a row trigger on the columns.
    op.execute(
        "CREATE FUNCTION praise_reused_id() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "  # noqa: S608
        f"INSERT INTO {STALE} (evidence_id) SELECT id FROM new_items WHERE id <= {BELOW_MARK} "
        "ON CONFLICT DO NOTHING; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER praise_reused_id AFTER INSERT ON evidence_items "
        "REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION praise_reused_id()"
    )
    op.execute(
        "CREATE FUNCTION praise_reread() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "  # noqa: S608
        "DELETE FROM evidence_praise WHERE evidence_id = NEW.id; "
        f"INSERT INTO {STALE} (evidence_id) VALUES (NEW.id) ON CONFLICT DO NOTHING; "
        "RETURN NULL; END $$"
    )
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in READ_COLUMNS)
    op.execute(
        f"CREATE TRIGGER praise_reread AFTER UPDATE OF {', '.join(READ_COLUMNS)} "
        f"ON evidence_items FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION praise_reread()"
    )


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for name in ("praise_reread", "praise_reused_id"):
        op.execute(f"DROP TRIGGER {name}" + (" ON evidence_items" if postgres else ""))
        if postgres:
            op.execute(f"DROP FUNCTION {name}()")
    for table in (STALE, "evidence_praise", "praise_mark"):
        op.drop_table(table)
