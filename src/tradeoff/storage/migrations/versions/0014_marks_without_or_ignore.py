"""SQLite marks: insert the missing marks instead of INSERT OR IGNORE

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-24 10:00:00

Deleting an original item whose copy was filed in the same theme failed on SQLite with
"UNIQUE constraint failed: theme_summary_dirty.theme_id": the foreign key's SET NULL on the
copy fires the summary trigger under the delete's ABORT policy, which overrides the
trigger's own OR IGNORE (``storage.mark_triggers``). The dirty-theme and praise triggers
are made again so they insert only the marks that are missing. PostgreSQL is unchanged.
"""

from __future__ import annotations

from alembic import op

from tradeoff.storage.mark_triggers import PRAISE_TRIGGERS, SUMMARY_TRIGGERS

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _remake(*, or_ignore: bool) -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    for trigger in (*SUMMARY_TRIGGERS, *PRAISE_TRIGGERS):
        op.execute(f"DROP TRIGGER {trigger.name}")
        op.execute(trigger.sql(or_ignore=or_ignore))


def upgrade() -> None:
    _remake(or_ignore=False)


def downgrade() -> None:
    _remake(or_ignore=True)
