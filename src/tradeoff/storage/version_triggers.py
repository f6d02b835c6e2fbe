"""The data-version triggers later migrations add to a table (0008 made the counter).

Every write to a versioned table bumps ``data_version``, whoever writes, so a kept figure
(``web.versioned_cache``) can tell with one read whether it is still the workspace's. On
PostgreSQL one trigger per statement calls 0008's ``data_version_bump()``; SQLite has row
triggers only, one per event.
"""

from __future__ import annotations

from collections.abc import Iterable

from alembic import op

EVENTS = ("INSERT", "UPDATE", "DELETE")


def add_version_triggers(tables: Iterable[str]) -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in tables:
        if postgres:
            op.execute(
                "CREATE TRIGGER data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()"
            )
            continue
        for event in EVENTS:
            op.execute(
                f"CREATE TRIGGER data_version_{table}_{event.lower()} AFTER {event} ON {table} "  # noqa: S608
                "BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END"
            )


def drop_version_triggers(tables: Iterable[str]) -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in tables:
        if postgres:
            op.execute(f"DROP TRIGGER data_version_bump ON {table}")
            continue
        for event in EVENTS:
            op.execute(f"DROP TRIGGER data_version_{table}_{event.lower()}")
