"""Every importer by name. The CLI's ``tradeoff import SOURCE`` commands, the demo manifest
and the docs are all generated from this list, so a new source is one module and one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from tradeoff.domain.enums import EvidenceMode
from tradeoff.domain.rules import member
from tradeoff.errors import InputError
from tradeoff.importers.base import Importer, ReadContext
from tradeoff.importers.batch import ImportReport, run_import
from tradeoff.importers.generic_csv import GenericCsvImporter
from tradeoff.importers.mapping import load_mapping_file
from tradeoff.importers.textfile import ProgressCallback
from tradeoff.importers.zendesk import ZendeskImporter

#: One line per source.
ALL_IMPORTERS: tuple[Importer, ...] = (
    GenericCsvImporter(),
    ZendeskImporter(),
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
        options=dict(options or {}), columns=dict(columns or {}), on_progress=on_progress
    )
    return run_import(
        engine,
        source=source or source_importer.source,
        path=path,
        read=lambda facts: source_importer.read(facts, context),
        mapping={**context.columns, **{f"option:{k}": v for k, v in context.options.items()}},
        skip_bad_rows=skip_bad_rows,
        mode=member("mode", EvidenceMode, mode) if mode else None,
        accepts_folder=source_importer.accepts_folder,
    )


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
