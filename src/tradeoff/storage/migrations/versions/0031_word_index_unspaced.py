"""the word index cuts Japanese, Chinese, Korean and Thai text into letters and pairs

Revision ID: 0031
Revises: 0030
Create Date: 2026-11-26 17:45:00

The inbox's word index (0008) kept a run of unspaced letters as one word, so a search for
"証明書" found nothing in "SSL証明書の有効期限チェックが動きません". ``storage.evidence_words``
now indexes such runs by their letters and pairs of letters (and the Latin words glued to
them, "ios" of "iOSアプリ"). Its triggers (SQLite) and trigger function (PostgreSQL) are
made again with that rule and every item's words indexed again: no table or column
changes. Downgrading keeps the new rule, which indexes every word the old one did outside
unspaced text; a workspace downgraded past 0008 drops the index anyway.
"""

from __future__ import annotations

from alembic import op

from tradeoff.storage.evidence_words import rebuild_statements

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in rebuild_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    """Nothing to undo: see the module's docstring."""
