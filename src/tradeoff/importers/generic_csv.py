"""Generic CSV: any export with one row per piece of evidence, through a column mapping.

Reads a CSV file (UTF-8 with or without BOM, UTF-16 with BOM, or cp1252; delimiter ``,``,
``;`` or tab, sniffed from the header) and maps columns to evidence fields named in
``tradeoff.importers.mapping.EVIDENCE_FIELDS``: by ``--map`` / ``--mapping``, or, without
either, by the header's own names (``mapping_from_header``: ``text``, ``body``,
``description``… ``created_at``, ``date``…). ``--date YYYY-MM-DD`` dates the rows that
have no date (a file with no date column, such as a labelled corpus, or an empty cell);
without it such a row is refused, never dated by a guess. Rows are keyed by the
``external_id`` column; without one, by a hash of the mapped cells, so re-importing the
same file never duplicates. The whole row is kept as the item's raw record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime

from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.domain.rules import RuleViolation, member
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.columns import rows_that_fit
from tradeoff.importers.drafts import (
    AccountRef,
    EvidenceDraft,
    PersonRef,
    Record,
    Rejected,
    Where,
)
from tradeoff.importers.locales import DEFAULT_LOCALE, LOCALE_OPTIONS, Locale
from tradeoff.importers.mapping import (
    DATE_OPTION,
    ColumnMapping,
    build_mapping,
    header_mapping,
    required_fields,
    undated_day,
)
from tradeoff.importers.textfile import FileFacts, ProgressCallback, raw_record, read_csv
from tradeoff.importers.values import parse_tags


class GenericCsvReader:
    def __init__(
        self,
        mapping: ColumnMapping | None,
        *,
        default_kind: EvidenceKind = EvidenceKind.TICKET,
        default_mode: EvidenceMode | None = None,
        locale: Locale = DEFAULT_LOCALE,
        on_progress: ProgressCallback | None = None,
        undated_on: datetime | None = None,
    ) -> None:
        """``mapping`` None: read the header's own names. ``undated_on``: the time of rows
        with no date."""
        self.mapping = mapping
        self.locale = locale
        self.default_kind = default_kind
        self.default_mode = default_mode
        self.on_progress = on_progress
        self.undated_on = undated_on

    def __call__(self, facts: FileFacts) -> Iterator[Record]:
        header, rows = read_csv(facts, self.on_progress)
        mapping = self.mapping or header_mapping(
            header, undated_on=self.undated_on, path=facts.path, line=1, noun="column"
        )
        positions = mapping.index(header, facts.path)
        columns = tuple(mapping.columns.items())
        keyed_by_content = "external_id" not in mapping.columns
        seen_content: set[str] = set()
        for fit in rows_that_fit(header, rows, columns):
            if isinstance(fit, Rejected):
                yield fit
                continue
            where, row = fit
            cells = {name: row.cells[i].strip() for name, i in positions.items()}
            try:
                draft = self._draft(cells, header, row.cells, where)
            except RuleViolation as exc:
                yield Rejected(
                    where, exc.message, column=where.column_for(exc.field), raw=row.cells
                )
                continue
            if keyed_by_content:
                # Without ids, an identical row is the same record exported twice.
                if draft.external_id in seen_content:
                    continue
                seen_content.add(draft.external_id)
            yield draft

    def _draft(
        self, cells: dict[str, str], header: list[str], raw: list[str], where: Where
    ) -> EvidenceDraft:
        text = cells["text"]
        if not text:
            raise RuleViolation("text", "the text is empty")
        when = cells.get("created_at", "")
        if not when and self.undated_on is not None:
            created_at = self.undated_on
        else:
            created_at = self.locale.when("created_at", when)
        kind = (
            member("kind", EvidenceKind, cells["kind"]) if cells.get("kind") else self.default_kind
        )
        mode = (
            member("mode", EvidenceMode, cells["mode"]) if cells.get("mode") else self.default_mode
        )
        role = member("role", PersonRole, cells["role"]) if cells.get("role") else None
        rating = None
        if cells.get("rating"):
            try:
                rating = self.locale.number(cells["rating"])
            except ValueError as exc:
                raise RuleViolation("rating", str(exc)) from None
        relayed = cells.get("relayed_by") or ""
        return EvidenceDraft(
            where=where,
            line=where.line,
            external_id=cells.get("external_id") or _content_key(cells),
            kind=kind,
            mode=mode,
            text=text,
            title=cells.get("title") or None,
            created_at=created_at,
            account=AccountRef(
                name=cells.get("account") or None, domain=cells.get("account_domain") or None
            ),
            person=PersonRef(
                email=cells.get("email") or None, name=cells.get("person") or None, role=role
            ),
            relayed_by=PersonRef(
                email=relayed if "@" in relayed else None,
                name=relayed if relayed and "@" not in relayed else None,
            ),
            rating=rating,
            tags=parse_tags(cells.get("tags", "")),
            url=cells.get("url") or None,
            raw=raw_record(header, raw),
        )


class GenericCsvImporter:
    """Any CSV with one row per piece of evidence; ``--map`` names the columns, else the
    header does."""

    name = "csv"
    source = "csv"
    summary = (
        "Any CSV export, one row per piece of evidence: columns by --map, else by the "
        "header's own names (text or body, created_at or date, ...)."
    )
    example = (
        "tradeoff import csv tickets.csv --map "
        "text=Body,created_at=Date,external_id=Id,email=Email,account=Company"
    )
    kind: EvidenceKind | None = None
    default_mode: EvidenceMode | None = None
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (
        ImporterOption("kind", "Evidence kind when no column gives it (default: ticket)."),
        DATE_OPTION,
        *LOCALE_OPTIONS,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        kind = member("kind", EvidenceKind, context.options.get("kind") or "ticket")
        undated_on = undated_day(context.options)
        columns = dict(context.columns)
        reader = GenericCsvReader(
            build_mapping(columns, required=required_fields(undated_on)) if columns else None,
            default_kind=kind,
            locale=Locale.of(context),
            on_progress=context.on_progress,
            undated_on=undated_on,
        )
        return reader(facts)


def _content_key(cells: dict[str, str]) -> str:
    """A stable id for rows without one: the same row always hashes to the same key."""
    material = "\x1f".join(f"{k}={cells[k]}" for k in sorted(cells))
    return "sha256:" + hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]
