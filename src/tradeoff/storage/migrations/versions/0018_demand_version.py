"""a demand version: bumped only by writes that can change a demand figure

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-25 20:30:00

0017 kept demand's figures for 0008's data version, which every write to an analysed table
bumps: recording a decision, an estimate, a metric value, an import batch or renaming a
theme made every kept figure stale, and the next ``tradeoff demand`` at a million items
counted for seconds again. This counter moves only on writes to what demand reads:
settings, accounts, people, evidence and its themes, deals and their loss classes, and the
links of problems and opportunities. A theme's name and a problem's or opportunity's text
change no figure, so only their rows coming and going (and a theme's status or parent)
bump it. The data version is unchanged: the web app's other kept figures still use it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

#: Table -> the columns whose update bumps the counter (None: any column).
TABLES: dict[str, tuple[str, ...] | None] = {
    "workspace_settings": None,
    "accounts": None,
    "people": None,
    "evidence_items": None,
    "evidence_themes": None,
    "themes": ("status", "parent_id"),
    "deals": None,
    "loss_classifications": None,
    "problems": (),
    "problem_evidence": None,
    "problem_themes": None,
    "problem_symptoms": None,
    "opportunities": (),
    "opportunity_problems": None,
}
BUMP = "UPDATE demand_version SET version = version + 1 WHERE id = 1"


def upgrade() -> None:
    op.create_table(
        "demand_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_demand_version_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_demand_version")),
    )
    op.execute("INSERT INTO demand_version (id, version) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION demand_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {BUMP}; RETURN NULL; END $$"
        )
        for table, columns in TABLES.items():
            events = ["INSERT", "DELETE", "TRUNCATE"]
            if columns is None:
                events.append("UPDATE")
            elif columns:
                events.append(f"UPDATE OF {', '.join(columns)}")
            op.execute(
                f"CREATE TRIGGER demand_version_bump AFTER {' OR '.join(events)} ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION demand_version_bump()"
            )
        return
    for table, event in _sqlite_triggers():
        op.execute(
            f"CREATE TRIGGER demand_version_{table}_{event.split()[0].lower()} "
            f"AFTER {event} ON {table} BEGIN {BUMP}; END"
        )


def _sqlite_triggers() -> list[tuple[str, str]]:
    found = []
    for table, columns in TABLES.items():
        found += [(table, "INSERT"), (table, "DELETE")]
        if columns is None:
            found.append((table, "UPDATE"))
        elif columns:
            found.append((table, f"UPDATE OF {', '.join(columns)}"))
    return found


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER demand_version_bump ON {table}")
        op.execute("DROP FUNCTION demand_version_bump()")
    else:
        for table, event in _sqlite_triggers():
            op.execute(f"DROP TRIGGER demand_version_{table}_{event.split()[0].lower()}")
    op.drop_table("demand_version")
