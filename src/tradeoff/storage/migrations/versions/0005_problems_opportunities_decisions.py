"""problems linked to themes, problem severity, opportunity estimates, decision records

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 09:00:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from tradeoff.storage.types import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "problem_themes",
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problems.id"],
            name=op.f("fk_problem_themes_problem_id_problems"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["themes.id"],
            name=op.f("fk_problem_themes_theme_id_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("problem_id", "theme_id", name=op.f("pk_problem_themes")),
    )
    with op.batch_alter_table("problem_themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_problem_themes_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "opportunity_estimates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("low", sa.Double(), nullable=True),
        sa.Column("high", sa.Double(), nullable=True),
        sa.Column("confidence", sa.Double(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("entered_by", sa.String(length=300), nullable=True),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)",
            name=op.f("ck_opportunity_estimates_confidence_in_unit_interval"),
        ),
        sa.CheckConstraint(
            "high IS NULL OR high >= value",
            name=op.f("ck_opportunity_estimates_high_not_below_value"),
        ),
        sa.CheckConstraint(
            "low IS NULL OR low <= value",
            name=op.f("ck_opportunity_estimates_low_not_above_value"),
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_opportunity_estimates_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity_estimates")),
    )
    with op.batch_alter_table("opportunity_estimates", schema=None) as batch_op:
        batch_op.create_index(
            "ix_opportunity_estimates_opportunity_field",
            ["opportunity_id", "field", "id"],
            unique=False,
        )

    op.create_table(
        "decision_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("option_index", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.Column("problem_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(opportunity_id IS NULL) <> (problem_id IS NULL)",
            name=op.f("ck_decision_links_one_target"),
        ),
        sa.CheckConstraint(
            "option_index >= 0", name=op.f("ck_decision_links_option_index_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_decision_links_decision_id_decisions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_decision_links_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problems.id"],
            name=op.f("fk_decision_links_problem_id_problems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_links")),
    )
    with op.batch_alter_table("decision_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decision_links_decision_id"), ["decision_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_decision_links_opportunity_id"), ["opportunity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_decision_links_problem_id"), ["problem_id"], unique=False
        )

    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "severity",
                sa.Enum(
                    "low",
                    "medium",
                    "high",
                    name="problem_severity",
                    native_enum=False,
                    create_constraint=True,
                    length=32,
                ),
                nullable=True,
            )
        )

    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("requested_by", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("reply_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=True))
    op.get_bind().execute(
        sa.text("UPDATE decisions SET recorded_at = COALESCE(decided_at, :now)").bindparams(
            sa.bindparam("now", datetime.now(UTC), type_=UTCDateTime())
        )
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.alter_column(
            "recorded_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )
        batch_op.drop_index(batch_op.f("ix_decisions_supersedes_id"))
        batch_op.create_index(
            batch_op.f("ix_decisions_supersedes_id"), ["supersedes_id"], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_supersedes_id"))
        batch_op.create_index(
            batch_op.f("ix_decisions_supersedes_id"), ["supersedes_id"], unique=False
        )
        batch_op.drop_column("recorded_at")
        batch_op.drop_column("reply_text")
        batch_op.drop_column("requested_by")
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.drop_column("severity")
    with op.batch_alter_table("decision_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_links_problem_id"))
        batch_op.drop_index(batch_op.f("ix_decision_links_opportunity_id"))
        batch_op.drop_index(batch_op.f("ix_decision_links_decision_id"))
    op.drop_table("decision_links")
    with op.batch_alter_table("opportunity_estimates", schema=None) as batch_op:
        batch_op.drop_index("ix_opportunity_estimates_opportunity_field")
    op.drop_table("opportunity_estimates")
    with op.batch_alter_table("problem_themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problem_themes_theme_id"))
    op.drop_table("problem_themes")
