"""strategy and focus: product areas, team, roadmap ownership, post-ship metrics, experiment design

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "product_areas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("owner_email", sa.String(length=320), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_areas")),
        sa.UniqueConstraint("key", name=op.f("uq_product_areas_key")),
    )
    op.create_table(
        "team_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("role", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_members")),
        sa.UniqueConstraint("email", name=op.f("uq_team_members_email")),
    )
    with op.batch_alter_table("roadmap_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("area_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("owner", sa.String(length=320), nullable=True))
        batch_op.add_column(sa.Column("requested_by", sa.String(length=320), nullable=True))
        batch_op.create_index(batch_op.f("ix_roadmap_items_area_id"), ["area_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_roadmap_items_area_id_product_areas"),
            "product_areas",
            ["area_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.add_column(sa.Column("area_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_problems_area_id"), ["area_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_problems_area_id_product_areas"),
            "product_areas",
            ["area_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("metric_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("shipped_on", sa.Date(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_decisions_metric_id_metric_definitions"),
            "metric_definitions",
            ["metric_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("experiments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decision_rule", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("decision_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("baseline_rate", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("minimum_effect", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("alpha", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("power", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("control_n", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("control_successes", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("treatment_n", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("treatment_successes", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_experiments_decision_id"), ["decision_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_experiments_decision_id_decisions"),
            "decisions",
            ["decision_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_experiments_successes_within_n"),
            "(control_successes IS NULL OR (control_n IS NOT NULL"
            " AND control_successes >= 0 AND control_successes <= control_n))"
            " AND (treatment_successes IS NULL OR (treatment_n IS NOT NULL"
            " AND treatment_successes >= 0 AND treatment_successes <= treatment_n))",
        )


def downgrade() -> None:
    with op.batch_alter_table("experiments", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_experiments_successes_within_n"), type_="check")
        batch_op.drop_constraint(
            batch_op.f("fk_experiments_decision_id_decisions"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_experiments_decision_id"))
        for column in (
            "treatment_successes",
            "treatment_n",
            "control_successes",
            "control_n",
            "power",
            "alpha",
            "minimum_effect",
            "baseline_rate",
            "decision_id",
            "decision_rule",
        ):
            batch_op.drop_column(column)
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_decisions_metric_id_metric_definitions"), type_="foreignkey"
        )
        batch_op.drop_column("shipped_on")
        batch_op.drop_column("metric_id")
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_problems_area_id_product_areas"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_problems_area_id"))
        batch_op.drop_column("area_id")
    with op.batch_alter_table("roadmap_items", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_roadmap_items_area_id_product_areas"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_roadmap_items_area_id"))
        batch_op.drop_column("requested_by")
        batch_op.drop_column("owner")
        batch_op.drop_column("area_id")
    op.drop_table("team_members")
    op.drop_table("product_areas")
