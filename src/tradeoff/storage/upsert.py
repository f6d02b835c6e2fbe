"""Idempotent writes keyed on (source, external id): re-importing never duplicates.

Each write reports whether it inserted, updated or left a record unchanged, which is what
an import report counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tradeoff.storage import changelog
from tradeoff.storage.repository import ROW_FOR, field_values, to_domain
from tradeoff.storage.tables import Base, ImportChangeRow

T = TypeVar("T")

#: Provenance changes on every import; it is not a change to the record itself.
IGNORED_IN_COMPARISON = frozenset({"id", "import_batch_id"})


class Outcome(StrEnum):
    INSERTED = "inserted"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def existing_by_external_id(
    session: Session, cls: type[Any], source: str, external_ids: Iterable[str]
) -> dict[str, Base]:
    """Stored rows of ``cls`` from ``source`` with these external ids, in one query."""
    row_cls: Any = ROW_FOR[cls]
    wanted = sorted(set(external_ids))
    found: dict[str, Base] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(row_cls).where(row_cls.source == source, row_cls.external_id.in_(chunk))
        for row in session.scalars(query):
            found[row.external_id] = row
    return found


def upsert(
    session: Session, entity: T, existing: Base | None, *, batch_id: int | None = None
) -> tuple[Outcome, T]:
    """Insert ``entity`` or bring ``existing`` (its stored twin) up to date with it.

    With ``batch_id`` the write is logged for undo, and the row records that batch as the
    last one that wrote it; an unchanged row keeps the batch that last changed it.
    """
    values = field_values(entity)
    if existing is None:
        values.pop("id", None)
        row = ROW_FOR[type(entity)](**values)
        session.add(row)
        session.flush()
        if batch_id is not None:
            changelog.log_insert(session, batch_id, row)
        return Outcome.INSERTED, to_domain(row, type(entity))
    changed = {
        name: value
        for name, value in values.items()
        if name not in IGNORED_IN_COMPARISON and getattr(existing, name) != value
    }
    if not changed:
        return Outcome.UNCHANGED, to_domain(existing, type(entity))
    if batch_id is not None:
        changelog.log_update(session, batch_id, existing, changelog.snapshot(existing))
    for name, value in changed.items():
        setattr(existing, name, value)
    if "import_batch_id" in values:
        existing.import_batch_id = values["import_batch_id"]  # type: ignore[attr-defined]
    return Outcome.UPDATED, to_domain(existing, type(entity))


def insert_many(
    session: Session,
    entities: list[Any],
    *,
    batch_id: int | None = None,
    columns: Sequence[dict[str, Any]] | None = None,
) -> list[int]:
    """Insert new records keyed by (source, external id) in one executemany per chunk, logged
    for undo; returns their ids in order. The hot path of a large import: a flush per row
    costs several times as much. ``columns``: per record, values of row columns the domain
    record does not hold (an evidence item's copy key), instead of their defaults."""
    if not entities:
        return []
    row_cls: Any = ROW_FOR[type(entities[0])]
    table = row_cls.__table__
    values = [{k: v for k, v in field_values(e).items() if k != "id"} for e in entities]
    for row, extra in zip(values, columns or (), strict=False):
        row.update(extra)
    session.execute(insert(table), values)
    source = entities[0].source
    wanted = [e.external_id for e in entities]
    found: dict[str, int] = dict(
        session.execute(
            select(table.c.external_id, table.c.id).where(
                table.c.source == source, table.c.external_id.in_(wanted)
            )
        ).all()
    )
    ids = [int(found[external_id]) for external_id in wanted]
    if batch_id is not None:
        session.execute(
            insert(ImportChangeRow),
            [
                {
                    "batch_id": batch_id,
                    "table_name": table.name,
                    "record_key": {"id": record_id},
                    "action": changelog.INSERTED,
                    "previous": None,
                }
                for record_id in ids
            ],
        )
    return ids
