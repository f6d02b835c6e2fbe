"""assumption judgements: a status set by hand keeps its reason in its own table

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24 10:00:00

Until now a status set by judgement (``tradeoff assumption status``) was stored as a
concluded experiment whose rule read ``Judged without an experiment: REASON``, because the
assumptions table had nowhere to keep a reason. This moves those rows into
``assumption_judgements`` (status given, the status before when known, reason, when) and
deletes them from ``experiments``, so an experiment is always a test.

An old row records its result, not the status it gave: passed means validated, failed
invalidated; an inconclusive one gave "testing" or "untested", and is read as the
assumption's current status when it is the newest judgement and that status is one of the
two, else as "testing". The status before was not recorded and stays empty.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tradeoff.storage.version_triggers import add_version_triggers, drop_version_triggers

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

#: The prefix the old rows carry, and its length for SQL's 1-based substr.
JUDGED = "Judged without an experiment: "
STATUSES = ("untested", "testing", "validated", "invalidated")


def _status(name: str, *, nullable: bool) -> sa.Column[str]:
    return sa.Column(
        name,
        sa.Enum(
            *STATUSES,
            name=f"judgement_{name}",
            native_enum=False,
            create_constraint=True,
            length=32,
        ),
        nullable=nullable,
    )


def upgrade() -> None:
    op.create_table(
        "assumption_judgements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assumption_id", sa.Integer(), nullable=False),
        _status("status", nullable=False),
        _status("previous_status", nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("judged_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "length(trim(reason)) > 0", name=op.f("ck_assumption_judgements_reason_given")
        ),
        sa.ForeignKeyConstraint(
            ["assumption_id"],
            ["assumptions.id"],
            name=op.f("fk_assumption_judgements_assumption_id_assumptions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assumption_judgements")),
    )
    op.create_index(
        op.f("ix_assumption_judgements_assumption_id"),
        "assumption_judgements",
        ["assumption_id"],
    )
    _move_old_rows()
    # A judgement changes what the practice check and "enough evidence" say.
    add_version_triggers(["assumption_judgements"])


def _move_old_rows() -> None:
    op.execute(
        sa.text(
            "INSERT INTO assumption_judgements "
            "(assumption_id, status, previous_status, reason, judged_at) "
            "SELECT e.assumption_id, "
            "CASE e.result WHEN 'passed' THEN 'validated' WHEN 'failed' THEN 'invalidated' "
            "ELSE COALESCE((SELECT a.status FROM assumptions a WHERE a.id = e.assumption_id "
            "AND a.status IN ('untested', 'testing') AND NOT EXISTS (SELECT 1 FROM experiments "
            "later WHERE later.assumption_id = e.assumption_id AND later.id > e.id "
            "AND later.decision_rule LIKE :pattern)), 'testing') END, "
            "NULL, substr(e.decision_rule, :start), COALESCE(e.ended_at, e.created_at) "
            "FROM experiments e "
            "WHERE e.assumption_id IS NOT NULL AND e.decision_rule LIKE :pattern ORDER BY e.id"
        ).bindparams(pattern=JUDGED + "%", start=len(JUDGED) + 1)
    )
    op.execute(
        sa.text("DELETE FROM experiments WHERE decision_rule LIKE :pattern").bindparams(
            pattern=JUDGED + "%"
        )
    )


def downgrade() -> None:
    """Back to judgement rows in ``experiments``, as 0009 and earlier read them."""
    op.execute(
        sa.text(
            "INSERT INTO experiments (assumption_id, hypothesis, decision_rule, status, result, "
            "started_at, ended_at, created_at, decision_id) "
            "SELECT j.assumption_id, a.statement, :prefix || j.reason, 'concluded', "
            "CASE j.status WHEN 'validated' THEN 'passed' WHEN 'invalidated' THEN 'failed' "
            "ELSE 'inconclusive' END, j.judged_at, j.judged_at, j.judged_at, a.decision_id "
            "FROM assumption_judgements j JOIN assumptions a ON a.id = j.assumption_id "
            "ORDER BY j.id"
        ).bindparams(prefix=JUDGED)
    )
    drop_version_triggers(["assumption_judgements"])
    op.drop_index(
        op.f("ix_assumption_judgements_assumption_id"), table_name="assumption_judgements"
    )
    op.drop_table("assumption_judgements")
