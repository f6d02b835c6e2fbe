"""Building large benchmark workspaces fast: Core bulk inserts in chunks, one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from tradeoff.storage.bulk_insert import insert_rows
from tradeoff.storage.tables import CurrencyRateRow, WorkspaceSettingsRow

CHUNK = 20_000


def put(connection: Connection, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``table`` a chunk at a time, so memory stays flat."""
    insert_rows(connection, table, rows, CHUNK)


def start_workspace(connection: Connection, company: str, rates: Mapping[str, Decimal]) -> None:
    """The settings row (base USD) and the currency rates every business bench starts from."""
    put(
        connection,
        WorkspaceSettingsRow,
        [{"id": 1, "company_name": company, "internal_email_domains": [], "base_currency": "USD"}],
    )
    put(connection, CurrencyRateRow, ({"currency": c, "per_base": r} for c, r in rates.items()))
