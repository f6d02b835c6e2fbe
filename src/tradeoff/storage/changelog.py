"""The record of what each import did, and undoing it exactly.

An import logs every insert and, for every update, the values it overwrote. Undo deletes
what the batch inserted and restores what it updated — refused when a later import has
touched the same records, because restoring would silently drop that later import's work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Date, DateTime, Numeric, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import ImportStatus
from tradeoff.domain.rules import now_utc
from tradeoff.errors import Conflict, NotFound
from tradeoff.storage.tables import Base, ImportBatchRow, ImportChangeRow

INSERTED = "inserted"
UPDATED = "updated"
#: Rows that are not records a user would count (ids from other systems).
BOOKKEEPING_TABLES = frozenset({"external_keys"})


def row_key(row: Base) -> dict[str, Any]:
    mapper = row.__mapper__
    names = [mapper.get_property_by_column(c).key for c in mapper.primary_key]
    return {name: getattr(row, name) for name in names}


def snapshot(row: Base) -> dict[str, Any]:
    """Column values as JSON-safe data, so they can be restored later."""
    values: dict[str, Any] = {}
    for column in row.__table__.columns:
        values[column.key] = _to_json(getattr(row, column.key))
    return values


def _to_json(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _from_json(row_cls: type[Base], name: str, value: Any) -> Any:
    if value is None:
        return None
    column_type = row_cls.__table__.columns[name].type
    if isinstance(getattr(column_type, "impl", column_type), DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, Numeric) and not isinstance(value, float | int):
        return Decimal(value)
    return value


def log_insert(session: Session, batch_id: int, row: Base) -> None:
    session.add(
        ImportChangeRow(
            batch_id=batch_id,
            table_name=row.__tablename__,
            record_key=_to_json_key(row_key(row)),
            action=INSERTED,
            previous=None,
        )
    )


def log_update(session: Session, batch_id: int, row: Base, previous: dict[str, Any]) -> None:
    session.add(
        ImportChangeRow(
            batch_id=batch_id,
            table_name=row.__tablename__,
            record_key=_to_json_key(row_key(row)),
            action=UPDATED,
            previous=previous,
        )
    )


def _to_json_key(key: dict[str, Any]) -> dict[str, Any]:
    return {k: _to_json(v) for k, v in key.items()}


@dataclass(frozen=True)
class UndoReport:
    batch_id: int
    deleted: int
    restored: int


def undo_batch(session: Session, batch_id: int) -> UndoReport:
    """Remove what batch ``batch_id`` inserted and restore what it updated."""
    batch = session.get(ImportBatchRow, batch_id)
    if batch is None:
        raise NotFound(f"no import with id {batch_id}")
    if batch.undone_at is not None:
        raise Conflict(f"import {batch_id} was already undone at {batch.undone_at:%Y-%m-%d %H:%M}")
    changes = list(
        session.scalars(
            select(ImportChangeRow)
            .where(ImportChangeRow.batch_id == batch_id)
            .order_by(ImportChangeRow.id.desc())
        )
    )
    _refuse_if_touched_later(session, batch_id, changes)
    tables = {mapper.class_.__tablename__: mapper.class_ for mapper in Base.registry.mappers}
    deleted = restored = 0
    for change in changes:
        row_cls = tables[change.table_name]
        key = tuple(_from_json(row_cls, name, value) for name, value in change.record_key.items())
        row = session.get(row_cls, key if len(key) > 1 else key[0])
        if row is None:
            continue
        counted = change.table_name not in BOOKKEEPING_TABLES
        if change.action == INSERTED:
            session.delete(row)
            deleted += counted
        else:
            for name, value in (change.previous or {}).items():
                setattr(row, name, _from_json(row_cls, name, value))
            restored += counted
        session.flush()
    batch.undone_at = now_utc()
    batch.status = ImportStatus.UNDONE
    session.flush()
    return UndoReport(batch_id=batch_id, deleted=deleted, restored=restored)


def _refuse_if_touched_later(
    session: Session, batch_id: int, changes: list[ImportChangeRow]
) -> None:
    later = session.scalars(
        select(ImportChangeRow)
        .join(ImportBatchRow, ImportBatchRow.id == ImportChangeRow.batch_id)
        .where(ImportChangeRow.batch_id > batch_id, ImportBatchRow.undone_at.is_(None))
    )
    ours = {(c.table_name, tuple(sorted(c.record_key.items()))) for c in changes}
    for change in later:
        if (change.table_name, tuple(sorted(change.record_key.items()))) in ours:
            raise Conflict(
                f"import {change.batch_id} changed records that import {batch_id} wrote: "
                f"undo import {change.batch_id} first"
            )
