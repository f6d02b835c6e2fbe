"""Every importer by name. The CLI's ``tradeoff import SOURCE`` commands, the demo manifest
and the docs are all generated from this list, so a new source is one module and one line.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from tradeoff.domain.enums import EvidenceMode
from tradeoff.domain.rules import member
from tradeoff.errors import InputError
from tradeoff.importers.base import Importer, ReadContext
from tradeoff.importers.batch import ImportReport, run_import
from tradeoff.importers.crm import CURRENCY_OPTION
from tradeoff.importers.drafts import Record
from tradeoff.importers.freshdesk import FreshdeskImporter
from tradeoff.importers.generic_csv import GenericCsvImporter
from tradeoff.importers.hubspot import HubspotImporter
from tradeoff.importers.intercom import IntercomImporter
from tradeoff.importers.interviews import InterviewsImporter
from tradeoff.importers.jira import JiraImporter
from tradeoff.importers.jsonl import JsonLinesImporter
from tradeoff.importers.mapping import load_mapping_file
from tradeoff.importers.metrics import MetricsImporter
from tradeoff.importers.pipedrive import PipedriveImporter
from tradeoff.importers.read_notes import NotedRecords
from tradeoff.importers.reviews import ReviewsImporter
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.importers.surveys import SurveyImporter
from tradeoff.importers.textfile import FileFacts, ProgressCallback, inspect_file
from tradeoff.importers.zendesk import ZendeskImporter
from tradeoff.storage.currency import base_currency
from tradeoff.storage.session import read_session

#: One line per source.
ALL_IMPORTERS: tuple[Importer, ...] = (
    GenericCsvImporter(),
    ZendeskImporter(),
    IntercomImporter(),
    FreshdeskImporter(),
    JiraImporter(),
    JsonLinesImporter(),
    SalesforceImporter(),
    HubspotImporter(),
    PipedriveImporter(),
    InterviewsImporter(),
    SurveyImporter(),
    ReviewsImporter(),
    MetricsImporter(),
)
IMPORTERS: dict[str, Importer] = {importer.name: importer for importer in ALL_IMPORTERS}


def importer(name: str) -> Importer:
    try:
        return IMPORTERS[name]
    except KeyError:
        raise InputError(
            f"unknown source {name!r}; sources are: {', '.join(sorted(IMPORTERS))}"
        ) from None


def run(
    engine: Engine,
    source_importer: Importer,
    path: Path,
    *,
    columns: Mapping[str, str] | None = None,
    options: Mapping[str, str] | None = None,
    source: str | None = None,
    mode: str | None = None,
    skip_bad_rows: bool = False,
    on_progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import ``path`` with ``source_importer``: the one path every caller takes."""
    context = ReadContext(
        options=with_workspace_currency(
            engine, source_importer, with_side_files(source_importer, path, options or {})
        ),
        columns=dict(columns or {}),
        on_progress=on_progress,
    )
    recorded = {**context.columns, **{f"option:{k}": v for k, v in context.options.items()}}
    # Which code read it: after an upgrade that reads exports better, the same bytes import
    # again instead of being skipped as already imported.
    recorded["reader"] = reader_fingerprint()
    for option in source_importer.options:
        # A side file (users, contacts) is part of what was read: a changed one is a new import.
        given = context.options.get(option.name)
        if option.is_path and given and Path(given).is_file():
            recorded[f"sha256:{option.name}"] = inspect_file(Path(given)).sha256
    reads: list[NotedRecords] = []

    def read(facts: FileFacts) -> Iterator[Record]:
        records = source_importer.read(facts, context)
        if isinstance(records, NotedRecords):
            reads.append(records)
        return records

    report = run_import(
        engine,
        source=source or source_importer.source,
        path=path,
        read=read,
        mapping=recorded,
        skip_bad_rows=skip_bad_rows,
        mode=member("mode", EvidenceMode, mode) if mode else None,
        accepts_folder=source_importer.accepts_folder,
    )
    return with_read_notes(report, reads)


def with_read_notes(report: ImportReport, reads: Sequence[NotedRecords]) -> ImportReport:
    """The report, with what the reads noted (``read_notes``) first among its notes: the
    columns no field read explain the "deals with no amount" line after them. A run that
    changed nothing prints no notes, so none are added to it."""
    noted = tuple(line for records in reads for line in records.notes)
    if not noted or report.nothing_changed:
        return report
    return dataclasses.replace(report, deal_notes=(*noted, *report.deal_notes))


@lru_cache(maxsize=1)
def reader_fingerprint() -> str:
    """A hash of the importers' own source files (this package)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for module in sorted(root.rglob("*.py")):
        digest.update(module.relative_to(root).as_posix().encode())
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


def with_side_files(
    source_importer: Importer, path: Path, options: Mapping[str, str]
) -> dict[str, str]:
    """The options, with each side file found beside ``path`` named explicitly."""
    resolved = dict(options)
    for option in source_importer.options:
        if option.name in resolved or not option.beside:
            continue
        found = next(
            (path.with_name(n) for n in option.beside if path.with_name(n).is_file()), None
        )
        if found is not None:
            resolved[option.name] = str(found)
    return resolved


def with_workspace_currency(
    engine: Engine, source_importer: Importer, options: dict[str, str]
) -> dict[str, str]:
    """The options, with ``--currency`` set to the workspace's base currency when the
    importer takes it and it was not given: a bare amount in a EUR workspace's export is
    in euros. Recorded with the batch, so after the base currency changes the same file
    imports again rather than being skipped as already imported."""
    if CURRENCY_OPTION not in source_importer.options or options.get(CURRENCY_OPTION.name):
        return options
    with read_session(engine) as session:
        return {**options, CURRENCY_OPTION.name: base_currency(session)}


def run_manifest_entry(engine: Engine, folder: Path, entry: Mapping[str, Any]) -> ImportReport:
    """One ``[[import]]`` table of a manifest: ``source``, ``path``, an optional ``map``
    table or ``mapping`` file, ``mode``, ``skip_bad_rows``, and the importer's own options."""
    chosen = importer(str(entry["source"]))
    path = folder / str(entry["path"])
    columns: dict[str, str] = {}
    if "mapping" in entry:
        columns.update(load_mapping_file(folder / str(entry["mapping"])))
    columns.update({str(k): str(v) for k, v in dict(entry.get("map", {})).items()})
    reserved = {"source", "path", "map", "mapping", "mode", "skip_bad_rows", "source_name"}
    options = {str(k): str(v) for k, v in entry.items() if k not in reserved}
    unknown = set(options) - {o.name for o in chosen.options}
    if unknown:
        raise InputError(f"{chosen.name} takes no option {sorted(unknown)[0]!r}")
    for option in chosen.options:
        if option.is_path and option.name in options:
            options[option.name] = str(folder / options[option.name])
    return run(
        engine,
        chosen,
        path,
        columns=columns,
        options=options,
        source=entry.get("source_name"),
        mode=entry.get("mode"),
        skip_bad_rows=bool(entry.get("skip_bad_rows", False)),
    )
