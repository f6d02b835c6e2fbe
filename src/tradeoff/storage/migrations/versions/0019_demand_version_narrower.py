"""the demand version ignores settings and loss classes that change no demand figure

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-26 09:00:00

0018 bumped the demand version on any write to ``workspace_settings`` and
``loss_classifications``. Demand reads neither whole: of the settings only the churn window
enters a kept figure (the half-life weights kept days when read, the base currency and
rates convert kept per-currency sums when shown), and of loss classes only whether a lost
deal is ``disqualified`` (``storage.loss_reasons.disqualified_deals``). So renaming the
company, changing the half-life, the base currency or the internal domains, correcting a
loss from "price" to "product gap", or a CRM import re-classifying its losses the same way
no longer makes every kept figure stale; a class that moves a deal into or out of
``disqualified`` still does, row by row.
"""

from __future__ import annotations

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

BUMP = "UPDATE demand_version SET version = version + 1 WHERE id = 1"
#: A class that counts as a lost deal's, or not (the test ``disqualified_deals`` makes).
OUT = "'disqualified'"
#: Row conditions for loss classes: (event, condition), SQL shared by both engines.
LOSS_EVENTS = {
    "insert": ("INSERT", f"NEW.category = {OUT}"),
    "delete": ("DELETE", f"OLD.category = {OUT}"),
    "update": (
        "UPDATE OF category",
        f"(OLD.category = {OUT}) <> (NEW.category = {OUT})",
    ),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _postgresql(settings="UPDATE OF churn_window_days", narrow=True)
    else:
        _sqlite(settings="UPDATE OF churn_window_days", narrow=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _postgresql(settings="UPDATE", narrow=False)
    else:
        _sqlite(settings="UPDATE", narrow=False)


def _sqlite(settings: str, narrow: bool) -> None:
    """Row triggers, with 0018's names: a condition for loss classes, or none (0018)."""
    op.execute("DROP TRIGGER demand_version_workspace_settings_update")
    op.execute(
        f"CREATE TRIGGER demand_version_workspace_settings_update AFTER {settings} "
        f"ON workspace_settings BEGIN {BUMP}; END"
    )
    for name, (event, condition) in LOSS_EVENTS.items():
        when = f"WHEN {condition}" if narrow else ""
        op.execute(f"DROP TRIGGER demand_version_loss_classifications_{name}")
        op.execute(
            f"CREATE TRIGGER demand_version_loss_classifications_{name} AFTER "
            f"{event if narrow else event.split()[0]} ON loss_classifications {when} "
            f"BEGIN {BUMP}; END"
        )


def _postgresql(settings: str, narrow: bool) -> None:
    """Statement triggers as 0018 made them, or row triggers with conditions for loss
    classes (a statement trigger cannot see the rows)."""
    op.execute("DROP TRIGGER demand_version_bump ON workspace_settings")
    op.execute(
        f"CREATE TRIGGER demand_version_bump AFTER INSERT OR DELETE OR TRUNCATE OR {settings} "
        "ON workspace_settings FOR EACH STATEMENT EXECUTE FUNCTION demand_version_bump()"
    )
    op.execute("DROP TRIGGER demand_version_bump ON loss_classifications")
    if not narrow:
        for name in LOSS_EVENTS:
            op.execute(f"DROP TRIGGER demand_version_disqualified_{name} ON loss_classifications")
        op.execute(
            "CREATE TRIGGER demand_version_bump AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE "
            "ON loss_classifications FOR EACH STATEMENT EXECUTE FUNCTION demand_version_bump()"
        )
        return
    # The 0018 name stays on the table (TRUNCATE), so it is still found as watched.
    op.execute(
        "CREATE TRIGGER demand_version_bump AFTER TRUNCATE ON loss_classifications "
        "FOR EACH STATEMENT EXECUTE FUNCTION demand_version_bump()"
    )
    for name, (event, condition) in LOSS_EVENTS.items():
        op.execute(
            f"CREATE TRIGGER demand_version_disqualified_{name} AFTER {event} "
            f"ON loss_classifications FOR EACH ROW WHEN ({condition}) "
            "EXECUTE FUNCTION demand_version_bump()"
        )
