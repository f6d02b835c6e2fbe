"""the import log records a row an import deleted, so undo can put it back

Revision ID: 0026
Revises: 0025
Create Date: 2026-11-25 23:00:00

An import that finds a competitor in the CRM's field for a deal the scan had linked from the
deal's words takes the link's "from words" mark away (the CRM now vouches for it). The log
knew only inserts and updates, so an undo of that import left the link vouched for by an
import that no longer existed, and no later scan could take it back. ``import_changes``
gains the action ``deleted``, with the row's values kept in ``previous``.

SQLite cannot alter a constraint: batch mode copies the table (it has no triggers).
"""

from __future__ import annotations

from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

TABLE = "import_changes"
CONSTRAINT = "ck_import_changes_known_action"
BEFORE = ("inserted", "updated")
AFTER = (*BEFORE, "deleted")


def _check(actions: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{a}'" for a in actions)
    return f"action IN ({listed})"


def _replace(actions: tuple[str, ...]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(op.f(CONSTRAINT), TABLE, type_="check")
        op.create_check_constraint(op.f(CONSTRAINT), TABLE, _check(actions))
        return
    with op.batch_alter_table(TABLE, recreate="always") as batch_op:
        batch_op.drop_constraint(op.f(CONSTRAINT), type_="check")
        batch_op.create_check_constraint(op.f(CONSTRAINT), _check(actions))


def upgrade() -> None:
    _replace(AFTER)


def downgrade() -> None:
    # A deletion cannot be told in the older log: it is forgotten, as before this revision.
    op.execute(f"DELETE FROM {TABLE} WHERE action = 'deleted'")  # noqa: S608
    _replace(BEFORE)
