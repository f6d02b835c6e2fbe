"""Running one import: provenance, one transaction, the report, and the rejects file."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, Text, cast, select
from sqlalchemy.orm import Session, aliased

from tradeoff.analysis.business.loss_taxonomy import classify_in
from tradeoff.domain.enums import EvidenceMode, ImportStatus
from tradeoff.domain.evidence import ImportBatch
from tradeoff.domain.rules import now_utc
from tradeoff.importers.drafts import Record, Rejected
from tradeoff.importers.loader import LoadCounts, Loader
from tradeoff.importers.textfile import FileFacts, inspect_file, inspect_folder
from tradeoff.safe_csv import write_rows
from tradeoff.storage import demand_carry, demand_kept, repository
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import ImportBatchRow, ImportChangeRow
from tradeoff.storage.upsert import Outcome
from tradeoff.storage.workspace import load_workspace_settings

RecordReader = Callable[[FileFacts], Iterator[Record]]
DraftReader = RecordReader


@dataclass(frozen=True)
class ImportReport:
    batch_id: int
    source: str
    file_name: str
    sha256: str
    encoding: str | None
    inserted: int
    updated: int
    unchanged: int
    rejected: int
    created_accounts: int
    created_people: int
    delimiter: str | None = None
    duplicates_linked: int = 0
    unknown_account_ids: int = 0
    by_entity: dict[str, dict[str, int]] = field(default_factory=dict)
    rejects_file: Path | None = None
    #: The same bytes were imported before as ``batch_id``: nothing was run.
    already_imported: bool = False
    #: Every record was already as the file says: no batch was kept.
    nothing_changed: bool = False
    #: What the import did with deals a CRM export gets wrong (``deal_checks``).
    deal_notes: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.unchanged + self.rejected


def run_import(
    engine: Engine,
    *,
    source: str,
    path: Path,
    read: RecordReader,
    mapping: dict[str, str] | None = None,
    skip_bad_rows: bool = False,
    mode: EvidenceMode | None = None,
    accepts_folder: bool = False,
) -> ImportReport:
    """Read ``path`` with ``read`` and load it as one batch, all or nothing.

    Any error (a bad row, a broken file, a database failure) rolls back every write of the
    batch, including the batch record itself, so a fixed file can simply be imported again.
    With ``skip_bad_rows`` the good records land and the bad ones go to a rejects file.
    """
    facts = inspect_folder(path) if accepts_folder and path.is_dir() else inspect_file(path)
    with write_session(engine) as session:
        same = last_identical_import(session, source, facts.sha256, dict(mapping or {}))
        if same is not None:
            return _already_imported(same, facts)
        kept_for = demand_kept.demand_version(session)
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
        loader = Loader(
            session,
            source=source,
            batch_id=batch.id,
            settings=settings,
            path=path,
            skip_bad_rows=skip_bad_rows,
            mode=mode,
        )
        counts = loader.load(read(facts))
        if _changed(counts, "deals"):
            # Deals changed: file every lost deal in the loss taxonomy now, in this
            # transaction, so pages and briefs (reads) never have to write it.
            classify_in(session, only_new=False)
        row = session.get(ImportBatchRow, batch.id)
        assert row is not None
        row.status = ImportStatus.COMPLETED
        row.finished_at = now_utc()
        row.encoding = facts.encoding
        row.delimiter = facts.delimiter
        row.inserted = counts.inserted
        row.updated = counts.updated
        row.unchanged = counts.unchanged
        row.rejected = counts.rejected
        row.unresolved = counts.unknown_account_ids
        if not counts.rejects and not _changed_anything(session, batch.id):
            # A run that changed nothing leaves no trace: the history lists real changes.
            session.delete(row)
            return _already_imported(row, facts, previous=None)
        if _changed(counts, "deals") or _changed(counts, "accounts"):
            # Money moved: keep demand's figures for this version, last (every write
            # above bumps it), so the first read after a CRM import is fast; evidence
            # imports leave that to the analysis that files the new items.
            session.flush()
            demand_kept.keep_if_worth_it(session)
        elif _only_new_evidence(counts):
            # New items sit in no theme and are linked to no problem until the analysis
            # files them: no demand figure moved, so the kept ones stay current.
            session.flush()
            demand_carry.carry(session, kept_for, demand_carry.Touched())
    rejects_file = write_rejects(path, counts.rejects) if counts.rejects else None
    return ImportReport(
        batch_id=batch.id,
        source=batch.source,
        file_name=batch.file_name,
        sha256=facts.sha256,
        encoding=facts.encoding,
        delimiter=facts.delimiter,
        inserted=counts.inserted,
        updated=counts.updated,
        unchanged=counts.unchanged,
        rejected=counts.rejected,
        created_accounts=counts.created_accounts,
        created_people=counts.created_people,
        duplicates_linked=counts.duplicates_linked,
        unknown_account_ids=counts.unknown_account_ids,
        by_entity={k: {o.value: n for o, n in v.items()} for k, v in counts.by_entity.items()},
        deal_notes=counts.deal_checks.lines(),
        rejects_file=rejects_file,
    )


def last_identical_import(
    session: Session, source: str, sha256: str, mapping: dict[str, str]
) -> ImportBatchRow | None:
    """An earlier import of these very bytes read the same way, whose records no later
    import has changed since.

    Re-running it would change nothing, so it is not run again and adds no batch: running
    ``make demo`` or a nightly sync twice leaves the workspace exactly as it was.
    """
    same = session.scalars(
        select(ImportBatchRow)
        .where(
            ImportBatchRow.source == source.lower(),
            ImportBatchRow.sha256 == sha256,
            ImportBatchRow.undone_at.is_(None),
            ImportBatchRow.status == ImportStatus.COMPLETED,
        )
        .order_by(ImportBatchRow.id.desc())
    ).first()
    if same is None or same.mapping != mapping or same.unresolved:
        return None
    mine = aliased(ImportChangeRow)
    later = aliased(ImportChangeRow)
    touched_since = session.scalar(
        select(later.id)
        .join(
            mine,
            (mine.table_name == later.table_name)
            & (cast(mine.record_key, Text) == cast(later.record_key, Text)),
        )
        .join(ImportBatchRow, ImportBatchRow.id == later.batch_id)
        .where(
            mine.batch_id == same.id,
            later.batch_id > same.id,
            ImportBatchRow.undone_at.is_(None),
        )
        .limit(1)
    )
    return None if touched_since is not None else same


def _changed_anything(session: Session, batch_id: int) -> bool:
    logged = select(ImportChangeRow.id).where(ImportChangeRow.batch_id == batch_id).limit(1)
    return session.scalar(logged) is not None


def _already_imported(
    batch: ImportBatchRow, facts: FileFacts, *, previous: int | None = -1
) -> ImportReport:
    """The report of a run that changed nothing: the same file again, or one whose every
    record is already as it says (``previous=None``)."""
    return ImportReport(
        batch_id=batch.id if previous == -1 else 0,
        source=batch.source,
        file_name=batch.file_name,
        sha256=facts.sha256,
        encoding=facts.encoding,
        delimiter=facts.delimiter,
        inserted=0,
        updated=0,
        unchanged=batch.inserted + batch.updated + batch.unchanged,
        rejected=0,
        created_accounts=0,
        created_people=0,
        already_imported=previous == -1,
        nothing_changed=True,
    )


def import_evidence(
    engine: Engine,
    *,
    source: str,
    path: Path,
    read_drafts: RecordReader,
    mapping: dict[str, str] | None = None,
) -> ImportReport:
    """``run_import`` for callers that stop at the first bad row (the default)."""
    return run_import(engine, source=source, path=path, read=read_drafts, mapping=mapping)


def rejects_path(path: Path) -> Path:
    return path.with_name(path.name + ".rejects.csv")


def write_rejects(path: Path, rejects: list[Rejected]) -> Path:
    """Every rejected record with where it was and why, beside the input."""
    target = rejects_path(path)
    with target.open("w", encoding="utf-8", newline="") as handle:
        write_rows(
            handle,
            ["line", "json_path", "column", "reason", "record"],
            (
                [
                    r.where.line or "",
                    r.where.json_path or "",
                    r.column or "",
                    r.reason,
                    json.dumps(r.raw, ensure_ascii=False),
                ]
                for r in rejects
            ),
        )
    return target


def _only_new_evidence(counts: LoadCounts) -> bool:
    """The import only added evidence items (and the accounts and people they name, new
    too): nothing there before was changed, and no copy was tied to an earlier item."""
    items = counts.by_entity.get("evidence items", Counter())
    return (
        set(counts.by_entity) <= {"evidence items"}
        and items[Outcome.UPDATED] == 0
        and counts.duplicates_linked == 0
    )


def _changed(counts: LoadCounts, entity: str) -> bool:
    """The import inserted or updated records of ``entity`` ("deals", "accounts")."""
    found = counts.by_entity.get(entity)
    return bool(found and (found[Outcome.INSERTED] or found[Outcome.UPDATED]))
