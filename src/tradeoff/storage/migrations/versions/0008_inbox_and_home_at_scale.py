"""inbox and home at scale: filter indexes, the word index, the data version

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 12:00:00

The word index (``evidence_words``) and the data version are kept by triggers, so every
writer — importers, the CLI, the web app, a script with Core inserts — keeps them in step
without knowing they exist. The tokenising SQL comes from ``storage.evidence_words``, the
module the searches read with; changing that rule needs a new migration that rebuilds the
index.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

from tradeoff.storage.evidence_words import postgres_insert_words, sqlite_insert_words

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: Tables whose every write may change a figure on the home page.
VERSIONED = (
    "workspace_settings",
    "currency_rates",
    "accounts",
    "people",
    "import_batches",
    "evidence_items",
    "evidence_themes",
    "themes",
    "analysis_runs",
    "deals",
    "competitors",
    "deal_competitors",
    "loss_classifications",
    "problems",
    "problem_evidence",
    "problem_themes",
    "problem_symptoms",
    "opportunities",
    "opportunity_problems",
    "opportunity_estimates",
    "decisions",
    "decision_links",
    "assumptions",
    "experiments",
    "metric_definitions",
    "metric_values",
)
ITEM_INDEXES = {
    "ix_evidence_items_kind_id": ["kind", "id"],
    "ix_evidence_items_source_id": ["source", "id"],
    "ix_evidence_items_account_id_id": ["account_id", "id"],
}
ITEM_TEXT = "coalesce({0}.title, '') || ' ' || {0}.text"


def upgrade() -> None:
    op.create_table(
        "evidence_words",
        sa.Column("word", sa.String(length=64), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence_items.id"],
            name=op.f("fk_evidence_words_evidence_id_evidence_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("word", "evidence_id", name=op.f("pk_evidence_words")),
    )
    op.create_index(op.f("ix_evidence_words_evidence_id"), "evidence_words", ["evidence_id"])
    op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instance", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_data_version_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    op.execute(
        sa.text(
            "INSERT INTO data_version (id, instance, version) VALUES (1, :instance, 0)"
        ).bindparams(instance=uuid.uuid4().hex)
    )
    for name, columns in ITEM_INDEXES.items():
        op.create_index(name, "evidence_items", columns)
    op.create_index(op.f("ix_accounts_segment"), "accounts", ["segment"])
    if op.get_bind().dialect.name == "postgresql":
        _postgres_triggers()
    else:
        _sqlite_triggers()


def _sqlite_triggers() -> None:
    op.execute(sqlite_insert_words("e.id", ITEM_TEXT.format("e"), table="evidence_items AS e"))
    op.execute(
        "CREATE TRIGGER evidence_words_insert AFTER INSERT ON evidence_items BEGIN "
        f"{sqlite_insert_words('NEW.id', ITEM_TEXT.format('NEW'))}; END"
    )
    op.execute(
        "CREATE TRIGGER evidence_words_update AFTER UPDATE OF title, text ON evidence_items "  # noqa: S608
        "BEGIN DELETE FROM evidence_words WHERE evidence_id = OLD.id; "
        f"{sqlite_insert_words('NEW.id', ITEM_TEXT.format('NEW'))}; END"
    )
    for table in VERSIONED:
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER data_version_{table}_{event.lower()} AFTER {event} ON {table} "  # noqa: S608
                "BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END"
            )


def _postgres_triggers() -> None:
    op.execute(postgres_insert_words("e.id", ITEM_TEXT.format("e"), table="evidence_items AS e"))
    op.execute(
        "CREATE FUNCTION evidence_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "  # noqa: S608
        "IF TG_OP = 'UPDATE' THEN DELETE FROM evidence_words WHERE evidence_id = OLD.id; "
        f"END IF; {postgres_insert_words('NEW.id', ITEM_TEXT.format('NEW'))}; "
        "RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER evidence_words_sync AFTER INSERT OR UPDATE OF title, text "
        "ON evidence_items FOR EACH ROW EXECUTE FUNCTION evidence_words_sync()"
    )
    op.execute(
        "CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "UPDATE data_version SET version = version + 1 WHERE id = 1; RETURN NULL; END $$"
    )
    for table in VERSIONED:
        op.execute(
            f"CREATE TRIGGER data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in VERSIONED:
            op.execute(f"DROP TRIGGER data_version_bump ON {table}")
        op.execute("DROP TRIGGER evidence_words_sync ON evidence_items")
        op.execute("DROP FUNCTION data_version_bump()")
        op.execute("DROP FUNCTION evidence_words_sync()")
    else:
        for table in VERSIONED:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER data_version_{table}_{event}")
        op.execute("DROP TRIGGER evidence_words_update")
        op.execute("DROP TRIGGER evidence_words_insert")
    op.drop_index(op.f("ix_accounts_segment"), table_name="accounts")
    for name in ITEM_INDEXES:
        op.drop_index(name, table_name="evidence_items")
    op.drop_table("data_version")
    op.drop_index(op.f("ix_evidence_words_evidence_id"), table_name="evidence_words")
    op.drop_table("evidence_words")
