"""Keeping PostgreSQL's planner informed while one long import grows a table.

An import is one transaction, so autovacuum never sees its rows: after 100,000 inserts the
planner still believes the table is empty and answers the per-chunk lookups with sequential
scans (measured: 0.5 s per chunk, growing). ANALYZE inside the transaction sees the new rows.
SQLite's planner needs no help here.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

GROWTH_TABLES = ("evidence_items", "import_changes", "people", "accounts", "deals")


def refresh_statistics(session: Session) -> None:
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(text(f"ANALYZE {', '.join(GROWTH_TABLES)}"))
