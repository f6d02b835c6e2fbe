"""Intercom's vocabulary: who is the customer, what is outreach, the export's columns."""

from __future__ import annotations

from typing import Any

SOURCE = "intercom"
CUSTOMER_AUTHORS = frozenset({"user", "lead", "contact"})
#: Conversations we started: fixed-audience messages, Series and legacy campaigns.
OUTBOUND = frozenset({"admin_initiated", "automated", "campaigns_initiated"})
MAX_OPEN_CONVERSATIONS = 50_000

CSV_COLUMNS = {
    "external_id": "conversation_id",
    "text": "message_body",
    "message_id": "message_id",
    "message_type": "message_type",
    "message_created_at": "message_created_at",
    "author_type": "message_author_type",
    "author_id": "message_author_id",
    "person": "message_author_name",
    "email": "message_author_email",
    "account": "message_author_companies",
    "tags": "conversation_tags",
    "state": "conversation_state",
    "created_at": "conversation_created_at",
}
CONTACT_COLUMNS = {
    "contact_id": "id",
    "contact_email": "email",
    "contact_name": "name",
    "contact_company": "company",
}
#: Columns that describe the conversation rather than one message (kept once in raw).
CONVERSATION_FIELDS = ("external_id", "tags", "state", "created_at")


def listed(container: Any, key: str) -> list[Any]:
    """Intercom wraps lists (``{"type": "tag.list", "tags": [...]}``); accept bare lists too."""
    if isinstance(container, dict):
        container = container.get(key)
    return container if isinstance(container, list) else []


def has_column(index: dict[str, int], column: str) -> bool:
    return column.casefold() in index


def column_positions(columns: dict[str, str], index: dict[str, int]) -> dict[str, int | None]:
    return {f: index.get(c.casefold()) for f, c in columns.items()}


def cells_of(positions: dict[str, int | None], cells: list[str]) -> dict[str, str]:
    return {f: cells[i] if i is not None and i < len(cells) else "" for f, i in positions.items()}
