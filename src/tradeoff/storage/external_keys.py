"""The ids each source system uses for an account or person, all pointing at one record."""

from __future__ import annotations

from typing import Literal

from sqlalchemy.orm import Session

from tradeoff.storage import changelog
from tradeoff.storage.tables import ExternalKeyRow

Entity = Literal["account", "person"]


def find_record_id(session: Session, entity: Entity, source: str, external_id: str) -> int | None:
    row = session.get(ExternalKeyRow, (entity, source.lower(), external_id))
    return row.record_id if row is not None else None


def remember(
    session: Session,
    entity: Entity,
    source: str,
    external_id: str,
    record_id: int,
    *,
    batch_id: int | None = None,
) -> None:
    """Point ``source``'s id at ``record_id`` (re-pointing it if the record was merged)."""
    row = session.get(ExternalKeyRow, (entity, source.lower(), external_id))
    if row is None:
        row = ExternalKeyRow(
            entity=entity, source=source.lower(), external_id=external_id, record_id=record_id
        )
        session.add(row)
        session.flush()
        if batch_id is not None:
            changelog.log_insert(session, batch_id, row)
    elif row.record_id != record_id:
        if batch_id is not None:
            changelog.log_update(session, batch_id, row, changelog.snapshot(row))
        row.record_id = record_id
