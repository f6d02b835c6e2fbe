"""The record of what each import did, and undoing it exactly.

An import logs every insert and, for every update or deletion, the values it overwrote.
Undo deletes what the batch inserted, restores what it updated and puts back what it
deleted — refused when a later import has
touched the same records, because restoring would silently drop that later import's work.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Date,
    DateTime,
    Numeric,
    String,
    Table,
    Text,
    and_,
    cast,
    literal,
    select,
)
from sqlalchemy.orm import Session, aliased

from tradeoff.domain.enums import ImportStatus
from tradeoff.domain.rules import now_utc
from tradeoff.errors import Conflict, NotFound
from tradeoff.storage.tables import Base, ExternalKeyRow, ImportBatchRow, ImportChangeRow

INSERTED = "inserted"
UPDATED = "updated"
DELETED = "deleted"
#: Rows that are not records a user would count (ids from other systems).
BOOKKEEPING_TABLES = frozenset({"external_keys"})
#: What an external key's ``record_id`` names, by its ``entity``: a reference no foreign
#: key declares (one column serves two tables), so the refusal rule is told of it here.
KEYED_TABLES = {"account": "accounts", "person": "people"}


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
    _log(session, batch_id, row, INSERTED, None)


def log_update(session: Session, batch_id: int, row: Base, previous: dict[str, Any]) -> None:
    _log(session, batch_id, row, UPDATED, previous)


def log_delete(session: Session, batch_id: int, row: Base) -> None:
    """Log ``row`` before the caller deletes it, whole, so undo can put it back."""
    _log(session, batch_id, row, DELETED, snapshot(row))


def _log(
    session: Session, batch_id: int, row: Base, action: str, previous: dict[str, Any] | None
) -> None:
    key = _to_json_key(row_key(row))
    session.add(
        ImportChangeRow(
            batch_id=batch_id,
            table_name=row.__tablename__,
            record_key=key,
            action=action,
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
    #: The tables the undo deleted or restored rows of, so the caller can file again what
    #: is derived from them (``importers.undo``).
    tables: frozenset[str] = frozenset()


def undo_batch(session: Session, batch_id: int) -> UndoReport:
    """Remove what batch ``batch_id`` inserted and restore what it updated; refused
    (``Conflict``, nothing changed) while a later import depends on what it wrote."""
    batch = session.get(ImportBatchRow, batch_id)
    if batch is None:
        raise NotFound(f"no import with id {batch_id}")
    if batch.undone_at is not None:
        raise Conflict(f"import {batch_id} was already undone at {batch.undone_at:%Y-%m-%d %H:%M}")
    _refuse_if_needed_later(session, batch_id)
    changes = list(
        session.scalars(
            select(ImportChangeRow)
            .where(ImportChangeRow.batch_id == batch_id)
            .order_by(ImportChangeRow.id.desc())
        )
    )
    tables = _row_classes()
    deleted = restored = 0
    touched: set[str] = set()
    for change in changes:
        row_cls = tables[change.table_name]
        key = tuple(_from_json(row_cls, name, value) for name, value in change.record_key.items())
        row = session.get(row_cls, key if len(key) > 1 else key[0])
        counted = change.table_name not in BOOKKEEPING_TABLES
        if change.action == DELETED:
            if row is None:  # else something put it back since
                values = change.previous or {}
                session.add(row_cls(**{k: _from_json(row_cls, k, v) for k, v in values.items()}))
                restored += counted
                touched.add(change.table_name)
                session.flush()
            continue
        if row is None:
            continue
        touched.add(change.table_name)
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
    return UndoReport(batch_id, deleted, restored, frozenset(touched))


def _row_classes() -> dict[str, type[Base]]:
    return {mapper.class_.__tablename__: mapper.class_ for mapper in Base.registry.mappers}


def _refuse_if_needed_later(session: Session, batch_id: int) -> None:
    """Refuse the undo, naming every later import in the way, when one changed a record
    this batch wrote (restoring it would drop that import's work) or wrote a record that
    refers to one this batch inserted (deleting it would strip the reference silently:
    every ``ON DELETE SET NULL`` or ``CASCADE`` — a deal's account, a ticket's person — and
    undoing that later import would then restore a reference to a deleted row)."""
    live_later = select(ImportBatchRow.id).where(
        ImportBatchRow.id > batch_id, ImportBatchRow.undone_at.is_(None)
    )
    if session.scalar(live_later.limit(1)) is None:
        return  # the newest import: the common case costs one indexed read
    changed = _changed_later(session, batch_id)
    referring: dict[int, set[str]] = {}
    for later_id, table in _referring_later(session, batch_id):
        referring.setdefault(later_id, set()).add(table)
    if not changed and not referring:
        return
    reasons = []
    if changed:
        reasons.append(f"{_imports(changed)} changed records that import {batch_id} wrote")
    if referring:
        what = sorted({t.replace("_", " ") for tables in referring.values() for t in tables})
        verb = "refers" if len(referring) == 1 else "refer"
        reasons.append(
            f"{_imports(referring)} {verb} to {_and(what)} that import {batch_id} inserted"
        )
    first = _imports(changed | set(referring), newest_first=True)
    raise Conflict(f"{'; '.join(reasons)}: undo {first} first")


def _changed_later(session: Session, batch_id: int) -> set[int]:
    """Later live imports that logged a change to a record this batch logged one to."""
    mine, later = aliased(ImportChangeRow), aliased(ImportChangeRow)
    tables = select(mine.table_name).distinct().where(mine.batch_id == batch_id)
    found: set[int] = set()
    for table in session.scalars(tables):
        # The same code writes every key, so equal keys are equal text on both engines.
        # Per table, the key's text is not indexed and so cannot drive the search: each
        # later change is one lookup in the hashed (PostgreSQL) or indexed (SQLite) list of
        # this batch's keys, where a (table, key) IN would scan later changes per key.
        ours = select(cast(mine.record_key, Text)).where(
            mine.batch_id == batch_id, mine.table_name == table
        )
        query = (
            select(later.batch_id)
            .distinct()
            .join(ImportBatchRow, ImportBatchRow.id == later.batch_id)
            .where(
                later.table_name == table,
                later.batch_id > batch_id,
                ImportBatchRow.undone_at.is_(None),
                cast(later.record_key, Text).in_(ours),
            )
        )
        found.update(session.scalars(query))
    return found


def _referring_later(session: Session, batch_id: int) -> set[tuple[int, str]]:
    """(later import, table) for each record a later live import inserted or updated whose
    foreign key names a record this batch inserted into that table — by every foreign
    key of the schema, so a new table is covered the day it is added."""
    mine = aliased(ImportChangeRow)
    inserted = select(mine.table_name).distinct()
    parents = set(
        session.scalars(inserted.where(mine.batch_id == batch_id, mine.action == INSERTED))
    )
    found: set[tuple[int, str]] = set()
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            parent = fk.column.table
            if parent.name not in parents:
                continue
            ours = select(_logged(mine.record_key, fk.column)).where(
                mine.batch_id == batch_id,
                mine.table_name == parent.name,
                mine.action == INSERTED,
            )
            # Most of what an import inserts nothing refers to: one indexed probe of the
            # foreign key skips the scan of later changes below.
            anyone = select(literal(1)).select_from(child).where(fk.parent.in_(ours)).limit(1)
            if session.scalar(anyone) is None:
                continue
            pointing = _later_writers(session, batch_id, child, fk.parent.in_(ours))
            found.update((later_id, parent.name) for later_id in pointing)
    return found | _keyed_later(session, batch_id, parents)


def _keyed_later(session: Session, batch_id: int, parents: set[str]) -> set[tuple[int, str]]:
    """(later import, table) for each id a later live import learnt for a record this
    batch inserted: a second system's id for the same account or person."""
    found: set[tuple[int, str]] = set()
    keys = Base.metadata.tables[ExternalKeyRow.__tablename__]
    for entity, table in KEYED_TABLES.items():
        if table not in parents:
            continue
        mine = aliased(ImportChangeRow)
        ours = select(mine.record_key["id"].as_integer()).where(
            mine.batch_id == batch_id, mine.table_name == table, mine.action == INSERTED
        )
        naming = and_(keys.c.entity == entity, keys.c.record_id.in_(ours))
        found.update(
            (later_id, table) for later_id in _later_writers(session, batch_id, keys, naming)
        )
    return found


def _later_writers(
    session: Session, batch_id: int, child: Table, condition: ColumnElement[bool]
) -> set[int]:
    """Later live imports that inserted or updated a row of ``child`` meeting ``condition``."""
    later = aliased(ImportChangeRow)
    same_row = and_(*(_is_logged(c, later.record_key) for c in child.primary_key.columns))
    query = (
        select(later.batch_id)
        .distinct()
        .join(ImportBatchRow, ImportBatchRow.id == later.batch_id)
        .join(child, same_row)
        .where(
            later.table_name == child.name,
            later.batch_id > batch_id,
            ImportBatchRow.undone_at.is_(None),
            condition,
        )
    )
    return set(session.scalars(query))


def _logged(record_key: Any, column: Column[Any]) -> ColumnElement[Any]:
    """The value a logged key holds for ``column`` (keys are logged as JSON, ``{"id": 7}``)."""
    value = record_key[column.key]
    return value.as_integer() if column.type.python_type is int else value.as_string()  # type: ignore[no-any-return]


def _is_logged(column: Column[Any], record_key: Any) -> ColumnElement[bool]:
    """``column`` equals what a logged key holds for it, on both engines: a date is logged
    as ISO text, which is how both engines write it as text too."""
    if column.type.python_type in (int, str):
        return column == _logged(record_key, column)
    return cast(column, String) == _logged(record_key, column)


def _imports(ids: Iterable[int], *, newest_first: bool = False) -> str:
    ordered = sorted(ids, reverse=newest_first)
    if len(ordered) == 1:
        return f"import {ordered[0]}"
    return f"imports {_and([str(i) for i in ordered])}"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
