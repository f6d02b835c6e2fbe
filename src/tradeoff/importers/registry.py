"""Every importer by name, with the options it takes from a manifest (the demo's, a user's).

The CLI's ``tradeoff import SOURCE`` commands and manifests both end here, so a source is
added in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from tradeoff.domain.enums import EvidenceKind, EvidenceMode
from tradeoff.domain.rules import member
from tradeoff.errors import InputError
from tradeoff.importers.batch import ImportReport, import_evidence
from tradeoff.importers.generic_csv import GenericCsvReader
from tradeoff.importers.mapping import build_mapping, load_mapping_file

ImportFunction = Callable[[Engine, Path, Mapping[str, Any]], ImportReport]


def import_generic_csv(engine: Engine, path: Path, options: Mapping[str, Any]) -> ImportReport:
    """Options: ``mapping`` (TOML file, relative to the CSV's folder) or ``map`` (a table),
    ``source`` (default "csv"), ``kind``, ``mode``."""
    fields: dict[str, str] = {}
    if "mapping" in options:
        fields.update(load_mapping_file(path.parent / str(options["mapping"])))
    fields.update({str(k): str(v) for k, v in dict(options.get("map", {})).items()})
    mapping = build_mapping(fields)
    reader = GenericCsvReader(
        mapping,
        default_kind=member("kind", EvidenceKind, str(options.get("kind", "ticket"))),
        default_mode=member("mode", EvidenceMode, str(options["mode"]))
        if "mode" in options
        else None,
    )
    return import_evidence(
        engine,
        source=str(options.get("source", "csv")),
        path=path,
        read_drafts=reader,
        mapping=mapping.columns,
    )


IMPORTERS: dict[str, ImportFunction] = {
    "csv": import_generic_csv,
}


def importer(name: str) -> ImportFunction:
    try:
        return IMPORTERS[name]
    except KeyError:
        raise InputError(
            f"unknown source {name!r}; sources are: {', '.join(sorted(IMPORTERS))}"
        ) from None
