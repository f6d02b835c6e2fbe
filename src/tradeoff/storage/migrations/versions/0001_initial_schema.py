"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 20:35:12.315194
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "competitors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "direct",
                "other_category",
                "homegrown",
                "status_quo",
                name="competitor_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competitors")),
        sa.UniqueConstraint("name", name=op.f("uq_competitors_name")),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("context", sa.Text(), nullable=True),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("chosen_option", sa.Text(), nullable=True),
        sa.Column("tradeoffs_accepted", sa.Text(), nullable=True),
        sa.Column("not_optimising_for", sa.Text(), nullable=True),
        sa.Column("assumptions", sa.JSON(), nullable=False),
        sa.Column("revisit_signals", sa.JSON(), nullable=False),
        sa.Column("owner", sa.String(length=300), nullable=True),
        sa.Column("stakeholders", sa.JSON(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "decided",
                "not_yet",
                "superseded",
                "reversed",
                name="decision_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "supersedes_id IS NULL OR supersedes_id <> id",
            name=op.f("ck_decisions_not_self_superseding"),
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["decisions.id"],
            name=op.f("fk_decisions_supersedes_id_decisions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decisions_supersedes_id"), ["supersedes_id"], unique=False
        )

    op.create_table(
        "external_keys",
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "entity IN ('account', 'person')", name=op.f("ck_external_keys_known_entity")
        ),
        sa.PrimaryKeyConstraint("entity", "source", "external_id", name=op.f("pk_external_keys")),
    )
    with op.batch_alter_table("external_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_external_keys_record_id"), ["record_id"], unique=False)

    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("period", sa.String(length=6), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("owner", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_period"), ["period"], unique=False)

    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=1000), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "running",
                "completed",
                "failed",
                "undone",
                name="import_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("encoding", sa.String(length=32), nullable=True),
        sa.Column("delimiter", sa.String(length=4), nullable=True),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("inserted", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("unresolved", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "inserted >= 0 AND updated >= 0 AND unchanged >= 0 AND rejected >= 0",
            name=op.f("ck_import_batches_counts_not_negative"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_batches_sha256"), ["sha256"], unique=False)

    op.create_table(
        "metric_definitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("formula", sa.Text(), nullable=True),
        sa.Column("unit", sa.String(length=50), nullable=True),
        sa.Column(
            "direction",
            sa.Enum(
                "up",
                "down",
                name="metric_direction",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("owner", sa.String(length=300), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "outcome",
                "activity",
                name="metric_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_definitions")),
        sa.UniqueConstraint("name", name=op.f("uq_metric_definitions_name")),
    )
    op.create_table(
        "opportunities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("solution_hypothesis", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "idea",
                "exploring",
                "committed",
                "shipped",
                "not_yet",
                "rejected",
                name="opportunity_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunities")),
    )
    op.create_table(
        "problems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("who_has_it", sa.Text(), nullable=True),
        sa.Column("trying_to", sa.Text(), nullable=True),
        sa.Column("goes_wrong", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_problems")),
    )
    op.create_table(
        "themes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "merged",
                "archived",
                name="theme_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(status = 'merged') = (merged_into_id IS NOT NULL)",
            name=op.f("ck_themes_merged_names_target"),
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["themes.id"],
            name=op.f("fk_themes_merged_into_id_themes"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["themes.id"],
            name=op.f("fk_themes_parent_id_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_themes")),
    )
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_themes_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "workspace_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_name", sa.String(length=200), nullable=False),
        sa.Column("internal_email_domains", sa.JSON(), nullable=False),
        sa.Column("base_currency", sa.String(length=3), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_workspace_settings_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace_settings")),
    )
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("domain", sa.String(length=255), nullable=True),
        sa.Column("segment", sa.String(length=100), nullable=True),
        sa.Column("plan", sa.String(length=100), nullable=True),
        sa.Column("arr", sa.Numeric(precision=20, scale=4), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column(
            "lifecycle",
            sa.Enum(
                "prospect",
                "customer",
                "churned",
                name="account_lifecycle",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("churned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("renewal_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=64), nullable=True),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "churned_at IS NULL OR lifecycle = 'churned'",
            name=op.f("ck_accounts_churn_date_only_when_churned"),
        ),
        sa.CheckConstraint("arr IS NULL OR arr >= 0", name=op.f("ck_accounts_arr_not_negative")),
        sa.CheckConstraint(
            "arr IS NULL OR currency IS NOT NULL", name=op.f("ck_accounts_arr_has_currency")
        ),
        sa.CheckConstraint(
            "employees IS NULL OR employees >= 0", name=op.f("ck_accounts_employees_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batches.id"],
            name=op.f("fk_accounts_import_batch_id_import_batches"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("source", "external_id", name=op.f("uq_accounts_source_external_id")),
    )
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_domain"), ["domain"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_accounts_import_batch_id"), ["import_batch_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_accounts_name_key"), ["name_key"], unique=False)

    op.create_table(
        "assumptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column(
            "risk",
            sa.Enum(
                "low",
                "medium",
                "high",
                name="assumption_risk",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "untested",
                "testing",
                "validated",
                "invalidated",
                name="assumption_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1",
            name=op.f("ck_assumptions_confidence_in_unit_interval"),
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_assumptions_decision_id_decisions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_assumptions_opportunity_id_opportunities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assumptions")),
    )
    with op.batch_alter_table("assumptions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assumptions_decision_id"), ["decision_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_assumptions_opportunity_id"), ["opportunity_id"], unique=False
        )

    op.create_table(
        "import_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_key", sa.JSON(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("previous", sa.JSON(), nullable=True),
        sa.CheckConstraint(
            "action IN ('inserted', 'updated')", name=op.f("ck_import_changes_known_action")
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_import_changes_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_changes")),
    )
    with op.batch_alter_table("import_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_changes_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(
            "ix_import_changes_table_record", ["table_name", "batch_id"], unique=False
        )

    op.create_table(
        "key_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("metric_id", sa.Integer(), nullable=True),
        sa.Column("baseline", sa.Double(), nullable=True),
        sa.Column("target", sa.Double(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "metric_id IS NULL OR target IS NOT NULL", name=op.f("ck_key_results_metric_has_target")
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goals.id"], name=op.f("fk_key_results_goal_id_goals"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["metric_id"],
            ["metric_definitions.id"],
            name=op.f("fk_key_results_metric_id_metric_definitions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_results")),
    )
    with op.batch_alter_table("key_results", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_key_results_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_key_results_metric_id"), ["metric_id"], unique=False)

    op.create_table(
        "metric_values",
        sa.Column("metric_id", sa.Integer(), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("segment", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["metric_id"],
            ["metric_definitions.id"],
            name=op.f("fk_metric_values_metric_id_metric_definitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "metric_id", "observed_on", "segment", name=op.f("pk_metric_values")
        ),
    )
    op.create_table(
        "opportunity_problems",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_opportunity_problems_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problems.id"],
            name=op.f("fk_opportunity_problems_problem_id_problems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "opportunity_id", "problem_id", name=op.f("pk_opportunity_problems")
        ),
    )
    with op.batch_alter_table("opportunity_problems", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunity_problems_problem_id"), ["problem_id"], unique=False
        )

    op.create_table(
        "problem_symptoms",
        sa.Column("symptom_id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "symptom_id <> problem_id", name=op.f("ck_problem_symptoms_not_own_symptom")
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problems.id"],
            name=op.f("fk_problem_symptoms_problem_id_problems"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["symptom_id"],
            ["problems.id"],
            name=op.f("fk_problem_symptoms_symptom_id_problems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("symptom_id", "problem_id", name=op.f("pk_problem_symptoms")),
    )
    with op.batch_alter_table("problem_symptoms", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_problem_symptoms_problem_id"), ["problem_id"], unique=False
        )

    op.create_table(
        "roadmap_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column(
            "horizon",
            sa.Enum(
                "now",
                "next",
                "later",
                "quarter",
                name="roadmap_horizon",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("quarter", sa.String(length=6), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "in_progress",
                "shipped",
                "dropped",
                name="roadmap_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("metric_id", sa.Integer(), nullable=True),
        sa.Column("shipped_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "(horizon = 'quarter') = (quarter IS NOT NULL)",
            name=op.f("ck_roadmap_items_quarter_iff_horizon_quarter"),
        ),
        sa.CheckConstraint("rank >= 0", name=op.f("ck_roadmap_items_rank_not_negative")),
        sa.ForeignKeyConstraint(
            ["metric_id"],
            ["metric_definitions.id"],
            name=op.f("fk_roadmap_items_metric_id_metric_definitions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roadmap_items")),
    )
    op.create_table(
        "deals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("amount", sa.Numeric(precision=20, scale=4), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("stage", sa.String(length=200), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "open",
                "won",
                "lost",
                name="deal_outcome",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("loss_reason", sa.Text(), nullable=True),
        sa.Column("win_reason", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("owner", sa.String(length=300), nullable=True),
        sa.Column("deal_type", sa.String(length=200), nullable=True),
        sa.Column("lead_source", sa.String(length=200), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "amount IS NULL OR amount >= 0", name=op.f("ck_deals_amount_not_negative")
        ),
        sa.CheckConstraint(
            "amount IS NULL OR currency IS NOT NULL", name=op.f("ck_deals_amount_has_currency")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_deals_account_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batches.id"],
            name=op.f("fk_deals_import_batch_id_import_batches"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deals")),
        sa.UniqueConstraint("source", "external_id", name=op.f("uq_deals_source_external_id")),
    )
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deals_account_id"), ["account_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_deals_import_batch_id"), ["import_batch_id"], unique=False
        )

    op.create_table(
        "experiments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assumption_id", sa.Integer(), nullable=True),
        sa.Column("hypothesis", sa.Text(), nullable=False),
        sa.Column("metric_id", sa.Integer(), nullable=True),
        sa.Column("threshold", sa.Double(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "running",
                "concluded",
                "abandoned",
                name="experiment_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "result",
            sa.Enum(
                "pending",
                "passed",
                "failed",
                "inconclusive",
                name="experiment_result",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("observed_value", sa.Double(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "metric_id IS NULL OR threshold IS NOT NULL",
            name=op.f("ck_experiments_metric_has_threshold"),
        ),
        sa.ForeignKeyConstraint(
            ["assumption_id"],
            ["assumptions.id"],
            name=op.f("fk_experiments_assumption_id_assumptions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["metric_id"],
            ["metric_definitions.id"],
            name=op.f("fk_experiments_metric_id_metric_definitions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experiments")),
    )
    with op.batch_alter_table("experiments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_experiments_assumption_id"), ["assumption_id"], unique=False
        )

    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("name_key", sa.String(length=300), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "end_user",
                "buyer",
                "champion",
                "admin",
                "sales",
                "csm",
                "support",
                "executive",
                "unknown",
                name="person_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("source", sa.String(length=64), nullable=True),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_people_account_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batches.id"],
            name=op.f("fk_people_import_batch_id_import_batches"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("email", name=op.f("uq_people_email")),
        sa.UniqueConstraint("source", "external_id", name=op.f("uq_people_source_external_id")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_account_id"), ["account_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_people_import_batch_id"), ["import_batch_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_people_name_key"), ["name_key"], unique=False)

    op.create_table(
        "roadmap_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "horizon",
                "rank",
                "status",
                "created",
                name="roadmap_change_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("old_value", sa.String(length=200), nullable=True),
        sa.Column("new_value", sa.String(length=200), nullable=True),
        sa.Column("changed_by", sa.String(length=320), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["roadmap_items.id"],
            name=op.f("fk_roadmap_changes_item_id_roadmap_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roadmap_changes")),
    )
    with op.batch_alter_table("roadmap_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_roadmap_changes_changed_at"), ["changed_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_roadmap_changes_item_id"), ["item_id"], unique=False)

    op.create_table(
        "roadmap_item_goals",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_roadmap_item_goals_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["roadmap_items.id"],
            name=op.f("fk_roadmap_item_goals_item_id_roadmap_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", "goal_id", name=op.f("pk_roadmap_item_goals")),
    )
    with op.batch_alter_table("roadmap_item_goals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_roadmap_item_goals_goal_id"), ["goal_id"], unique=False
        )

    op.create_table(
        "roadmap_item_opportunities",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["roadmap_items.id"],
            name=op.f("fk_roadmap_item_opportunities_item_id_roadmap_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_roadmap_item_opportunities_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "item_id", "opportunity_id", name=op.f("pk_roadmap_item_opportunities")
        ),
    )
    with op.batch_alter_table("roadmap_item_opportunities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_roadmap_item_opportunities_opportunity_id"),
            ["opportunity_id"],
            unique=False,
        )

    op.create_table(
        "deal_competitors",
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("competitor_id", sa.Integer(), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "evaluated",
                "lost_to",
                "won_against",
                name="competitor_relation",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["competitor_id"],
            ["competitors.id"],
            name=op.f("fk_deal_competitors_competitor_id_competitors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deals.id"],
            name=op.f("fk_deal_competitors_deal_id_deals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("deal_id", "competitor_id", name=op.f("pk_deal_competitors")),
    )
    with op.batch_alter_table("deal_competitors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deal_competitors_competitor_id"), ["competitor_id"], unique=False
        )

    op.create_table(
        "evidence_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "ticket",
                "chat",
                "interview",
                "call",
                "survey",
                "review",
                "deal_note",
                "usage_observation",
                "internal_request",
                name="evidence_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "mode",
            sa.Enum(
                "observed",
                "stated",
                name="evidence_mode",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=1000), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("relayed_by_id", sa.Integer(), nullable=True),
        sa.Column("rating", sa.Double(), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("raw", sa.JSON(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.Column("duplicate_of_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "relayed_by_id IS NULL OR person_id IS NULL OR relayed_by_id <> person_id",
            name=op.f("ck_evidence_items_not_relayed_by_self"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_evidence_items_account_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["duplicate_of_id"],
            ["evidence_items.id"],
            name=op.f("fk_evidence_items_duplicate_of_id_evidence_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batches.id"],
            name=op.f("fk_evidence_items_import_batch_id_import_batches"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_evidence_items_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["relayed_by_id"],
            ["people.id"],
            name=op.f("fk_evidence_items_relayed_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_items")),
        sa.UniqueConstraint(
            "source", "external_id", name=op.f("uq_evidence_items_source_external_id")
        ),
    )
    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evidence_items_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index("ix_evidence_items_created_at", ["created_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_evidence_items_duplicate_of_id"), ["duplicate_of_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evidence_items_fingerprint"), ["fingerprint"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evidence_items_import_batch_id"), ["import_batch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evidence_items_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evidence_items_relayed_by_id"), ["relayed_by_id"], unique=False
        )

    op.create_table(
        "evidence_themes",
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column(
            "assigned_by",
            sa.Enum(
                "model",
                "person",
                name="assigned_by",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.CheckConstraint(
            "score >= 0 AND score <= 1", name=op.f("ck_evidence_themes_score_in_unit_interval")
        ),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence_items.id"],
            name=op.f("fk_evidence_themes_evidence_id_evidence_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_evidence_themes_theme_id_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evidence_id", "theme_id", name=op.f("pk_evidence_themes")),
    )
    with op.batch_alter_table("evidence_themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_themes_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "problem_evidence",
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence_items.id"],
            name=op.f("fk_problem_evidence_evidence_id_evidence_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problems.id"],
            name=op.f("fk_problem_evidence_problem_id_problems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("problem_id", "evidence_id", name=op.f("pk_problem_evidence")),
    )
    with op.batch_alter_table("problem_evidence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_problem_evidence_evidence_id"), ["evidence_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("problem_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problem_evidence_evidence_id"))

    op.drop_table("problem_evidence")
    with op.batch_alter_table("evidence_themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_themes_theme_id"))

    op.drop_table("evidence_themes")
    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_items_relayed_by_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_items_person_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_items_import_batch_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_items_fingerprint"))
        batch_op.drop_index(batch_op.f("ix_evidence_items_duplicate_of_id"))
        batch_op.drop_index("ix_evidence_items_created_at")
        batch_op.drop_index(batch_op.f("ix_evidence_items_account_id"))

    op.drop_table("evidence_items")
    with op.batch_alter_table("deal_competitors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deal_competitors_competitor_id"))

    op.drop_table("deal_competitors")
    with op.batch_alter_table("roadmap_item_opportunities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roadmap_item_opportunities_opportunity_id"))

    op.drop_table("roadmap_item_opportunities")
    with op.batch_alter_table("roadmap_item_goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roadmap_item_goals_goal_id"))

    op.drop_table("roadmap_item_goals")
    with op.batch_alter_table("roadmap_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roadmap_changes_item_id"))
        batch_op.drop_index(batch_op.f("ix_roadmap_changes_changed_at"))

    op.drop_table("roadmap_changes")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_name_key"))
        batch_op.drop_index(batch_op.f("ix_people_import_batch_id"))
        batch_op.drop_index(batch_op.f("ix_people_account_id"))

    op.drop_table("people")
    with op.batch_alter_table("experiments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_experiments_assumption_id"))

    op.drop_table("experiments")
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deals_import_batch_id"))
        batch_op.drop_index(batch_op.f("ix_deals_account_id"))

    op.drop_table("deals")
    op.drop_table("roadmap_items")
    with op.batch_alter_table("problem_symptoms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problem_symptoms_problem_id"))

    op.drop_table("problem_symptoms")
    with op.batch_alter_table("opportunity_problems", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_problems_problem_id"))

    op.drop_table("opportunity_problems")
    op.drop_table("metric_values")
    with op.batch_alter_table("key_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_key_results_metric_id"))
        batch_op.drop_index(batch_op.f("ix_key_results_goal_id"))

    op.drop_table("key_results")
    with op.batch_alter_table("import_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_import_changes_table_record")
        batch_op.drop_index(batch_op.f("ix_import_changes_batch_id"))

    op.drop_table("import_changes")
    with op.batch_alter_table("assumptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assumptions_opportunity_id"))
        batch_op.drop_index(batch_op.f("ix_assumptions_decision_id"))

    op.drop_table("assumptions")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_name_key"))
        batch_op.drop_index(batch_op.f("ix_accounts_import_batch_id"))
        batch_op.drop_index(batch_op.f("ix_accounts_domain"))

    op.drop_table("accounts")
    op.drop_table("workspace_settings")
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_themes_parent_id"))

    op.drop_table("themes")
    op.drop_table("problems")
    op.drop_table("opportunities")
    op.drop_table("metric_definitions")
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_batches_sha256"))

    op.drop_table("import_batches")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goals_period"))

    op.drop_table("goals")
    with op.batch_alter_table("external_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_external_keys_record_id"))

    op.drop_table("external_keys")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_supersedes_id"))

    op.drop_table("decisions")
    op.drop_table("competitors")
