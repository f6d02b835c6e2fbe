"""Plain rows inserted a chunk at a time: one executemany per chunk, memory flat however
many rows the iterable yields (derived tables, benchmark workspaces)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

CHUNK = 5000


def insert_rows(
    executor: Session | Connection, table: Any, rows: Iterable[dict[str, Any]], chunk: int = CHUNK
) -> None:
    """Insert ``rows`` (column → value) into ``table``."""
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == chunk:
            executor.execute(insert(table), batch)
            batch = []
    if batch:
        executor.execute(insert(table), batch)
