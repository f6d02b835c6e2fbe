"""The one interface every importer implements, and what it is given to read with.

An importer reads one file (or folder) and yields records; it never writes. It declares the
options it takes so the CLI, manifests and docs are generated from it: one file per source.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from tradeoff.domain.enums import EvidenceKind, EvidenceMode
from tradeoff.importers.drafts import Record
from tradeoff.importers.textfile import FileFacts, ProgressCallback


@dataclass(frozen=True)
class ImporterOption:
    """A source-specific option: ``--users users.json`` for Zendesk, ``--kind`` for CSV."""

    name: str
    help: str
    is_path: bool = False
    #: File names looked for beside the imported file when the option is not given, so a
    #: vendor's multi-file export works as exported and every file read is hashed.
    beside: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadContext:
    """What a read is given besides the file: options, column-name overrides, progress."""

    options: Mapping[str, str] = field(default_factory=dict)
    columns: Mapping[str, str] = field(default_factory=dict)
    on_progress: ProgressCallback | None = None

    def column(self, field_name: str, default: str) -> str:
        """The column that feeds ``field_name``: the user's mapping, else the export's own."""
        return self.columns.get(field_name, default)


class Importer(Protocol):
    #: The command name: ``tradeoff import NAME PATH``.
    name: str
    #: What is stored as each record's source system (ids are unique within it).
    source: str
    summary: str
    example: str
    kind: EvidenceKind | None
    default_mode: EvidenceMode | None
    accepts_folder: bool
    options: tuple[ImporterOption, ...]

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]: ...
