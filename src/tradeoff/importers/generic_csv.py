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
from datetime import UTC, date, datetime

from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.domain.rules import RuleViolation, member
from tradeoff.errors import InputError
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
    HEADER_NAMES,
    REQUIRED_FIELDS,
    ColumnMapping,
    build_mapping,
    mapping_from_header,
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
        mapping = self.mapping or self._from_header(header, facts)
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

    def _from_header(self, header: list[str], facts: FileFacts) -> ColumnMapping:
        found = mapping_from_header(header)
        required = [f for f in REQUIRED_FIELDS if f not in found]
        if self.undated_on is not None and "created_at" in required:
            required.remove("created_at")
        if required:
            field = required[0]
            names = ", ".join((field, *HEADER_NAMES[field][:4]))
            hint = " or date every row with --date YYYY-MM-DD" if field == "created_at" else ""
            raise InputError(
                f"no column for {field} in the header (looked for {names}, …): name it with "
                f"--map {field}=COLUMN{hint}",
                path=facts.path,
                line=1,
            )
        return build_mapping(found, required=())

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
        ImporterOption(
            "date",
            "YYYY-MM-DD: the day of rows with no date (no date column, or an empty cell). "
            "Without it such rows are refused.",
        ),
        *LOCALE_OPTIONS,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        kind = member("kind", EvidenceKind, context.options.get("kind") or "ticket")
        undated_on = undated_day(context)
        columns = dict(context.columns)
        required = tuple(f for f in REQUIRED_FIELDS if undated_on is None or f != "created_at")
        reader = GenericCsvReader(
            build_mapping(columns, required=required) if columns else None,
            default_kind=kind,
            locale=Locale.of(context),
            on_progress=context.on_progress,
            undated_on=undated_on,
        )
        return reader(facts)


def undated_day(context: ReadContext) -> datetime | None:
    """``--date``: midnight UTC of the day given for rows with no date."""
    given = (context.options.get("date") or "").strip()
    if not given:
        return None
    try:
        day = date.fromisoformat(given)
    except ValueError:
        raise InputError(f"--date {given!r} is not a day: use YYYY-MM-DD") from None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _content_key(cells: dict[str, str]) -> str:
    """A stable id for rows without one: the same row always hashes to the same key."""
    material = "\x1f".join(f"{k}={cells[k]}" for k in sorted(cells))
    return "sha256:" + hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]
