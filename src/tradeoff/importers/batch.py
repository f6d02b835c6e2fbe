"""Running one import: provenance, one transaction, and the report the user sees."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from tradeoff.domain.enums import ImportStatus
from tradeoff.domain.evidence import ImportBatch
from tradeoff.domain.rules import now_utc
from tradeoff.importers.drafts import EvidenceDraft
from tradeoff.importers.loader import EvidenceLoader
from tradeoff.importers.textfile import FileFacts, inspect_file
from tradeoff.storage import repository
from tradeoff.storage.session import write_session
from tradeoff.storage.workspace import load_workspace_settings

DraftReader = Callable[[FileFacts], Iterator[EvidenceDraft]]


@dataclass(frozen=True)
class ImportReport:
    batch_id: int
    source: str
    file_name: str
    sha256: str
    encoding: str
    inserted: int
    updated: int
    unchanged: int
    rejected: int
    created_accounts: int
    created_people: int

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.unchanged + self.rejected


def import_evidence(
    engine: Engine,
    *,
    source: str,
    path: Path,
    read_drafts: DraftReader,
    mapping: dict[str, str] | None = None,
) -> ImportReport:
    """Parse ``path`` with ``read_drafts`` and load it as one batch, all or nothing.

    Any error (a bad row, a broken file, a database failure) rolls back every write of the
    batch, including the batch record itself, so a fixed file can simply be imported again.
    """
    facts = inspect_file(path)
    with write_session(engine) as session:
        settings = load_workspace_settings(session)
        batch = repository.add(
            session,
            ImportBatch(
                source=source,
                file_name=path.name,
                sha256=facts.sha256,
                mapping=dict(mapping or {}),
            ),
        )
        assert batch.id is not None
        loader = EvidenceLoader(
            session, source=source, batch_id=batch.id, settings=settings, path=path
        )
        counts = loader.load(read_drafts(facts))
        batch.status = ImportStatus.COMPLETED
        batch.finished_at = now_utc()
        batch.inserted = counts.inserted
        batch.updated = counts.updated
        batch.unchanged = counts.unchanged
        batch.rejected = counts.rejected
        repository.update(session, batch)
    return ImportReport(
        batch_id=batch.id,
        source=batch.source,
        file_name=batch.file_name,
        sha256=facts.sha256,
        encoding=facts.encoding,
        inserted=counts.inserted,
        updated=counts.updated,
        unchanged=counts.unchanged,
        rejected=counts.rejected,
        created_accounts=counts.created_accounts,
        created_people=counts.created_people,
    )
