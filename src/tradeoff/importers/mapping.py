"""Column mappings: which column of a file feeds which field of an evidence item.

Given on the command line (``--map text=Body,created_at=Date``) or in a TOML file
(``[map]`` table), so any tool's export can be loaded without editing it. Without either,
the header says: a column named as a field, or by one of the usual names for it
(``HEADER_NAMES``: "Body", "Description", "Message" for the text; "Date", "Timestamp" for
the time), feeds that field, so a file whose header speaks plainly needs no mapping.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption
from tradeoff.importers.columns import locate_columns, no_mapped_column

#: Evidence fields a column can feed, with what each means (shown in errors and docs).
EVIDENCE_FIELDS: dict[str, str] = {
    "external_id": "the record's id in the source system (re-imports update by it)",
    "text": "the words of the evidence (required)",
    "title": "a subject or summary",
    "created_at": "when it was said or observed (required)",
    "kind": "ticket, chat, interview, call, survey, review, deal_note, usage_observation, "
    "internal_request",
    "mode": "observed or stated (default: from the kind)",
    "account": "the customer account's name",
    "account_domain": "the customer account's web domain",
    "email": "email of the person it came from",
    "person": "name of the person it came from",
    "role": "that person's role (end_user, buyer, champion, admin, sales, csm, support, ...)",
    "relayed_by": "email or name of whoever relayed it, when not the person themself",
    "rating": "a score or rating given with it",
    "tags": "tags, separated by , ; or |",
    "url": "a link to the record in the source system",
}
REQUIRED_FIELDS = ("text", "created_at")
#: Headers read as a field when no mapping is given, besides the field's own name, in order
#: of preference (case, spaces, dashes and underscores aside). Only names that mean the
#: field in every tool: a "label" or "category" column is left alone, never read as tags.
# fmt: off
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "external_id": ("id", "ticket id", "record id", "uuid"),
    "text": (
        "body", "description", "message", "content", "comment", "comments", "feedback",
        "review", "review text", "response", "answer", "note", "notes", "utterance", "query",
    ),
    "title": ("subject", "summary", "headline"),
    "created_at": (
        "created", "created date", "creation date", "date created", "date", "timestamp",
        "time", "datetime", "submitted at", "submitted", "received at",
    ),
    "account": ("company", "organization", "organisation", "account name", "company name"),
    "account_domain": ("domain", "company domain", "website"),
    "email": ("email address", "requester email", "customer email", "e-mail"),
    "person": ("name", "requester", "author", "customer name"),
    "rating": ("score", "stars"),
    "tags": (),
    "url": ("link",),
}
# fmt: on


@dataclass(frozen=True)
class ColumnMapping:
    """Field name → column header, validated against the file's header."""

    columns: dict[str, str]

    def index(self, header: list[str], path: Path) -> dict[str, int]:
        """The position of each mapped column; the first of repeated headers wins."""
        return locate_columns(header, {}, path=path, given=self.columns, missing=no_mapped_column)


def mapping_from_header(header: list[str]) -> dict[str, str]:
    """Field → column for the columns whose header names a field (``HEADER_NAMES``); each
    column feeds one field, the first it names."""
    by_name: dict[str, str] = {}
    for column in header:
        by_name.setdefault(_plain(column), column)
    found: dict[str, str] = {}
    used: set[str] = set()
    for field in EVIDENCE_FIELDS:
        for name in (field, *HEADER_NAMES.get(field, ())):
            named = by_name.get(_plain(name))
            if named is not None and named not in used:
                found[field] = named
                used.add(named)
                break
    return found


#: ``--date``: the day of records with no date, for files that have none (a labelled corpus).
DATE_OPTION = ImporterOption(
    "date",
    "YYYY-MM-DD: the day of records with no date (no date column or field, or an empty one). "
    "Without it such records are refused.",
)


def undated_day(options: Mapping[str, str]) -> datetime | None:
    """``--date``: midnight UTC of the day given for records with no date."""
    given = (options.get("date") or "").strip()
    if not given:
        return None
    try:
        day = date.fromisoformat(given)
    except ValueError:
        raise InputError(f"--date {given!r} is not a day: use YYYY-MM-DD") from None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def required_fields(undated_on: datetime | None) -> tuple[str, ...]:
    """``text`` and ``created_at``; only ``text`` when ``--date`` dates what has no date."""
    return tuple(f for f in REQUIRED_FIELDS if undated_on is None or f != "created_at")


def header_mapping(
    names: list[str], *, undated_on: datetime | None, path: Path, line: int | None, noun: str
) -> ColumnMapping:
    """The mapping the header's (or a first record's keys') own names give; refused, naming
    what was looked for, when a required field has none. ``noun``: "column" or "key"."""
    found = mapping_from_header(names)
    missing = [f for f in required_fields(undated_on) if f not in found]
    if missing:
        field = missing[0]
        looked = ", ".join((field, *HEADER_NAMES[field][:4]))
        row, where = ("row", "header") if noun == "column" else ("record", "first record")
        hint = f" or date every {row} with --date YYYY-MM-DD" if field == "created_at" else ""
        raise InputError(
            f"no {noun} for {field} in the {where} (looked for {looked}, …): name it with "
            f"--map {field}={noun.upper()}{hint}",
            path=path,
            line=line,
        )
    return build_mapping(found, required=())


def _plain(header: str) -> str:
    return " ".join(header.replace("_", " ").replace("-", " ").lower().split())


def parse_map_option(text: str) -> dict[str, str]:
    """``text=Body,created_at=Created at`` → {'text': 'Body', 'created_at': 'Created at'}.

    A column whose name holds a comma (a Typeform question: "Anything else, if anything?")
    goes in double quotes: ``text="Anything else, if anything?",rating=Score``."""
    columns: dict[str, str] = {}
    for part in _entries(text):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        column = column.strip()
        if len(column) >= 2 and column[0] == column[-1] == '"':
            column = column[1:-1].strip()
        if not sep or not column:
            raise InputError(
                f"--map entry {part.strip()!r} is not FIELD=COLUMN (a column name with a "
                'comma goes in double quotes: text="Anything else, if anything?")'
            )
        columns[field.strip()] = column
    return columns


def _entries(text: str) -> list[str]:
    """The ``--map`` entries, split at commas outside double quotes."""
    entries: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            entries.append("".join(current))
            current = []
        else:
            current.append(char)
    if quoted:
        raise InputError(
            f"--map {text!r} opens a double quote it never closes (a column name with a "
            'comma goes in double quotes: text="Anything else, if anything?")'
        )
    return [*entries, "".join(current)]


def load_mapping_file(path: Path) -> dict[str, str]:
    """A TOML mapping file: a ``[map]`` table of field = "column" pairs."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("mapping file not found", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", path=path) from None
    table = data.get("map")
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise InputError('expected a [map] table of field = "column" pairs', path=path)
    return {str(k): str(v) for k, v in table.items()}


def build_mapping(
    fields: dict[str, str], *, required: tuple[str, ...] = REQUIRED_FIELDS
) -> ColumnMapping:
    unknown = sorted(set(fields) - set(EVIDENCE_FIELDS))
    if unknown:
        raise InputError(
            f"unknown field {unknown[0]!r} in the mapping; fields are: "
            + ", ".join(EVIDENCE_FIELDS)
        )
    missing = [name for name in required if name not in fields]
    if missing:
        raise InputError(f"the mapping must name a column for {', '.join(missing)}")
    return ColumnMapping(columns=dict(fields))
