"""loss category "disqualified": lost deals that were never real deals

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-24 14:30:00

``loss_classifications.category`` is a text column with a CHECK constraint listing the
categories (``storage.types.enum_column``), so a new member needs the constraint made again.
PostgreSQL replaces it in place. SQLite cannot alter a constraint: batch mode copies the
table, which drops its triggers, so the data-version triggers 0008 put on it are made again.
"""

from __future__ import annotations

from alembic import op

from tradeoff.storage.version_triggers import add_version_triggers

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLE = "loss_classifications"
CONSTRAINT = "ck_loss_classifications_loss_category"
BEFORE = (
    "product_gap",
    "price_budget",
    "value_not_proven",
    "confidence_risk",
    "relationship",
    "alignment",
    "timing_no_decision",
    "status_quo",
    "unclassified",
)
AFTER = (*BEFORE[:-1], "disqualified", BEFORE[-1])


def _check(categories: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{c}'" for c in categories)
    return f"category IN ({listed})"


def _replace(categories: tuple[str, ...]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(op.f(CONSTRAINT), TABLE, type_="check")
        op.create_check_constraint(op.f(CONSTRAINT), TABLE, _check(categories))
        return
    with op.batch_alter_table(TABLE, recreate="always") as batch_op:
        batch_op.drop_constraint(op.f(CONSTRAINT), type_="check")
        batch_op.create_check_constraint(op.f(CONSTRAINT), _check(categories))
    add_version_triggers([TABLE])


def upgrade() -> None:
    _replace(AFTER)


def downgrade() -> None:
    # A disqualified deal has no older category: it goes back to a person's decision.
    op.execute(f"UPDATE {TABLE} SET category = 'unclassified' WHERE category = 'disqualified'")  # noqa: S608
    _replace(BEFORE)
