"""business lens: currency rates, loss classifications, competitor mentions, demand settings

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 22:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

KINDS_BEFORE = ("direct", "other_category", "homegrown", "status_quo")
KINDS_AFTER = ("direct", "other_category", "homegrown", "spreadsheet", "agency", "status_quo")


def _kind_check(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def upgrade() -> None:
    op.create_table(
        "currency_rates",
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("per_base", sa.Numeric(precision=24, scale=8), nullable=False),
        sa.CheckConstraint("per_base > 0", name=op.f("ck_currency_rates_rate_positive")),
        sa.PrimaryKeyConstraint("currency", name=op.f("pk_currency_rates")),
    )
    op.create_table(
        "loss_classifications",
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "product_gap",
                "price_budget",
                "value_not_proven",
                "confidence_risk",
                "relationship",
                "alignment",
                "timing_no_decision",
                "status_quo",
                "unclassified",
                name="loss_category",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "assigned_by",
            sa.Enum(
                "model",
                "person",
                name="loss_assigned_by",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("cues", sa.JSON(), nullable=False),
        sa.Column("classified_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deals.id"],
            name=op.f("fk_loss_classifications_deal_id_deals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("deal_id", name=op.f("pk_loss_classifications")),
    )
    op.create_table(
        "competitor_mentions",
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("competitor_id", sa.Integer(), nullable=False),
        sa.Column("mentioned_as", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["competitor_id"],
            ["competitors.id"],
            name=op.f("fk_competitor_mentions_competitor_id_competitors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence_items.id"],
            name=op.f("fk_competitor_mentions_evidence_id_evidence_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "evidence_id", "competitor_id", name=op.f("pk_competitor_mentions")
        ),
    )
    with op.batch_alter_table("competitor_mentions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_competitor_mentions_competitor_id"), ["competitor_id"], unique=False
        )
    with op.batch_alter_table("deal_competitors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mentioned_as", sa.String(length=300), nullable=True))
    with op.batch_alter_table("workspace_settings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("demand_half_life_days", sa.Integer(), server_default="180", nullable=False)
        )
        batch_op.add_column(
            sa.Column("churn_window_days", sa.Integer(), server_default="90", nullable=False)
        )
    with op.batch_alter_table("competitors", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_competitors_competitor_kind"), type_="check")
        batch_op.create_check_constraint("competitor_kind", _kind_check(KINDS_AFTER))


def downgrade() -> None:
    with op.batch_alter_table("competitors", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_competitors_competitor_kind"), type_="check")
        batch_op.create_check_constraint("competitor_kind", _kind_check(KINDS_BEFORE))
    with op.batch_alter_table("workspace_settings", schema=None) as batch_op:
        batch_op.drop_column("churn_window_days")
        batch_op.drop_column("demand_half_life_days")
    with op.batch_alter_table("deal_competitors", schema=None) as batch_op:
        batch_op.drop_column("mentioned_as")
    with op.batch_alter_table("competitor_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_competitor_mentions_competitor_id"))
    op.drop_table("competitor_mentions")
    op.drop_table("loss_classifications")
    op.drop_table("currency_rates")
