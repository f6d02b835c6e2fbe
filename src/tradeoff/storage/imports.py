"""Reading the import history."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.domain.evidence import ImportBatch
from tradeoff.storage.repository import to_domain
from tradeoff.storage.tables import ImportBatchRow


def list_batches(session: Session) -> list[ImportBatch]:
    rows = session.scalars(select(ImportBatchRow).order_by(ImportBatchRow.id))
    return [to_domain(row, ImportBatch) for row in rows]
