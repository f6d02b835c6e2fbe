"""Generic JSON Lines: any tool's JSON export, one object per piece of evidence, through a
field mapping.

Reads JSON Lines (one object per line, streamed, so memory stays flat however long the file),
a JSON array of objects, or one JSON object holding the array under ``--list-key`` (default
``records``: ``{"records": [...]}``). A ``.jsonl`` / ``.ndjson`` file of a single line is
one record. UTF-8 with or without BOM, UTF-16 with BOM, or cp1252.

``--map FIELD=PATH,...`` says where each evidence field is in an object; without it, the
first record's top-level keys name the fields as a CSV header does
(``mapping.mapping_from_header``: ``text``, ``body``, ``created_at``, ``date``…), and
``--date YYYY-MM-DD`` dates records with no date (a labelled corpus). A path is dotted
keys into nested objects, with ``[n]`` (or ``.n``) for a list element and ``[*]`` for every
element (tags only): ``user.email``, ``company.name``, ``contacts[0].email``,
``tags.tags[*].name``. A key that itself contains dots (``"meta.created"`` in a flattened
export) is found too. The fields are the generic CSV importer's
(``tradeoff.importers.mapping.EVIDENCE_FIELDS``): ``text`` and ``created_at`` are required;
``created_at`` takes ISO-8601, Unix seconds or milliseconds (numbers or strings) and the
formats ``tradeoff.importers.values`` knows; ``rating`` a number; ``tags`` a list or a
delimited string. ``--kind`` sets the evidence kind when no field gives one (default:
ticket). Without an ``external_id`` the item is keyed by a hash of its mapped values, so
re-importing the same file never duplicates. The whole object is kept as the raw record.

A bad value is refused with the line (or array index) and the JSON path of the field.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.domain.rules import RuleViolation, member
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.drafts import (
    AccountRef,
    EvidenceDraft,
    PersonRef,
    Record,
    Rejected,
    Where,
)
from tradeoff.importers.jsonfile import MAX_LINE_BYTES, is_json_lines, iter_records
from tradeoff.importers.locales import DEFAULT_LOCALE, LOCALE_OPTIONS, Locale
from tradeoff.importers.mapping import (
    DATE_OPTION,
    build_mapping,
    header_mapping,
    required_fields,
    undated_day,
)
from tradeoff.importers.textfile import FileFacts, ProgressCallback
from tradeoff.importers.values import parse_tags

DEFAULT_LIST_KEY = "records"
JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines"})
#: A path step: a key (no dots or brackets), or a bracketed index or ``*``.
STEP = re.compile(r"([^.\[\]]+)|\[(\d+|\*)\]")
EVERY = "*"
MISSING: Any = object()
Step = str | int


class JsonLinesImporter:
    name = "jsonl"
    source = "jsonl"
    summary = (
        "Any JSON Lines (or JSON array) export, one object per piece of evidence, through a "
        "field mapping of dotted paths."
    )
    example = (
        "tradeoff import jsonl feedback.jsonl --map "
        "text=body,created_at=meta.created,external_id=id,email=user.email,account=company.name"
    )
    kind: EvidenceKind | None = None
    default_mode: EvidenceMode | None = None
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (
        ImporterOption("kind", "Evidence kind when no field gives it (default: ticket)."),
        ImporterOption(
            "list-key",
            'The key of the list when the file is one JSON object, {"KEY": [...]} '
            f"(default: {DEFAULT_LIST_KEY}).",
        ),
        DATE_OPTION,
        *LOCALE_OPTIONS,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        """Checks the mapping and options now, so a wrong one fails before any record.
        Without ``--map``, the first record's keys name the fields, as a CSV header does."""
        undated_on = undated_day(context.options)
        try:
            kind = member("kind", EvidenceKind, context.options.get("kind") or "ticket")
        except RuleViolation as exc:
            raise InputError(f"--kind: {exc.message}") from None
        # The CLI passes ``--list-key`` as ``list_key``; a manifest as ``list-key``.
        options = {name.replace("_", "-"): value for name, value in context.options.items()}
        list_key = options.get("list-key") or DEFAULT_LIST_KEY
        records = objects(facts, list_key, context.on_progress)
        if context.columns:
            mapping = build_mapping(dict(context.columns), required=required_fields(undated_on))
        else:
            first = next(records, None)
            if first is None:
                return iter(())
            keys = list(first[2]) if isinstance(first[2], dict) else []
            mapping = header_mapping(
                keys, undated_on=undated_on, path=facts.path, line=first[1], noun="key"
            )
            records = itertools.chain([first], records)
        paths = {name: parse_path(path) for name, path in mapping.columns.items()}
        reader = ObjectReader(paths, dict(mapping.columns), kind, Locale.of(context), undated_on)
        return reader.read(records)


def parse_path(path: str) -> tuple[Step, ...]:
    """``contacts[0].email`` → ('contacts', 0, 'email'); refuses what is not a path."""
    steps: list[Step] = []
    position = 0
    for match in STEP.finditer(path):
        gap = path[position : match.start()]
        if gap not in ("", ".") or (gap == "." and not steps):
            break
        key, index = match.groups()
        steps.append(key if key is not None else (index if index == EVERY else int(index)))
        position = match.end()
    if not steps or position != len(path):
        raise InputError(
            f"{path!r} is not a JSON path: use dotted keys, [n] for a list element, "
            "e.g. user.email or contacts[0].email"
        )
    return tuple(steps)


def lookup(value: Any, steps: tuple[Step, ...]) -> Any:
    """The value at ``steps`` in ``value``, or MISSING. ``[*]`` gives a list of matches."""
    if not steps:
        return value
    head, rest = steps[0], steps[1:]
    if isinstance(value, list):
        if head == EVERY:
            found = [lookup(v, rest) for v in value]
            return [v for v in found if v is not MISSING]
        index = head if isinstance(head, int) else int(head) if head.isdigit() else None
        return lookup(value[index], rest) if index is not None and index < len(value) else MISSING
    if not isinstance(value, dict):
        return MISSING
    # Longest key first, so a flattened "meta.created" key wins over meta → created.
    for end in range(len(steps), 0, -1):
        keys = [k for k in steps[:end] if isinstance(k, str) and k != EVERY]
        if len(keys) != end:
            continue
        name = ".".join(keys)
        if name in value:
            found = lookup(value[name], steps[end:])
            if found is not MISSING:
                return found
    return MISSING


def objects(
    facts: FileFacts, list_key: str, on_progress: ProgressCallback | None
) -> Iterator[tuple[str, int | None, Any]]:
    """Each record as (JSON path, line, value), like ``jsonfile.iter_records``.

    A JSON Lines file holding one record looks like a whole JSON document: in a file named
    as JSON Lines, one line with one object and no ``list_key`` list is that one record.
    """
    single = _single_record(facts, list_key)
    if single is not None:
        yield "line 1", 1, single
        return
    yield from iter_records(facts, list_key, on_progress)


def _single_record(facts: FileFacts, list_key: str) -> dict[str, Any] | None:
    if facts.path.suffix.lower() not in JSON_LINES_SUFFIXES or facts.size > MAX_LINE_BYTES:
        return None
    if is_json_lines(facts):
        return None
    data = facts.path.read_bytes().strip()
    if b"\n" in data:
        return None
    try:
        value = json.loads(data.decode(facts.text_encoding).lstrip("\ufeff"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None  # iter_records explains what is wrong with it
    return value if isinstance(value, dict) and list_key not in value else None


class ObjectReader:
    """Turns JSON objects into evidence drafts through a field → path mapping."""

    def __init__(
        self,
        paths: dict[str, tuple[Step, ...]],
        columns: dict[str, str],
        kind: EvidenceKind,
        locale: Locale = DEFAULT_LOCALE,
        undated_on: datetime | None = None,
    ) -> None:
        self.paths = paths
        self.columns = columns
        self.kind = kind
        self.locale = locale
        #: The time of records with no date (``--date``); None: they are refused.
        self.undated_on = undated_on

    def read(self, records: Iterator[tuple[str, int | None, Any]]) -> Iterator[Record]:
        columns = tuple(self.columns.items())
        for json_path, line, value in records:
            # On a JSON Lines file the line says it all; in an array, the index does.
            where = Where(line=line, json_path=None if line else json_path, columns=columns)
            if not isinstance(value, dict):
                yield Rejected(
                    where, f"expected a JSON object, got {_json_type(value)}", raw={"value": value}
                )
                continue
            try:
                yield self._draft(value, where)
            except RuleViolation as exc:
                yield Rejected(where, exc.message, column=where.column_for(exc.field), raw=value)

    def _draft(self, record: dict[str, Any], where: Where) -> EvidenceDraft:
        text = self._text(record, "text")
        if not text:
            raise RuleViolation("text", "the text is empty or missing")
        created = self._value(record, "created_at")
        if created is MISSING or created is None or created == "":
            if self.undated_on is None:
                raise RuleViolation("created_at", "the date is empty or missing")
            created_at = self.undated_on
        else:
            created_at = self._timestamp(created)
        kind_text = self._text(record, "kind")
        mode_text = self._text(record, "mode")
        role_text = self._text(record, "role")
        relayed = self._text(record, "relayed_by") or ""
        return EvidenceDraft(
            where=where,
            line=where.line,
            external_id=self._text(record, "external_id") or self._content_key(record),
            kind=member("kind", EvidenceKind, kind_text) if kind_text else self.kind,
            mode=member("mode", EvidenceMode, mode_text) if mode_text else None,
            text=text,
            title=self._text(record, "title"),
            created_at=created_at,
            account=AccountRef(
                name=self._text(record, "account"), domain=self._text(record, "account_domain")
            ),
            person=PersonRef(
                email=self._text(record, "email"),
                name=self._text(record, "person"),
                role=member("role", PersonRole, role_text) if role_text else None,
            ),
            relayed_by=PersonRef(
                email=relayed if "@" in relayed else None,
                name=relayed if relayed and "@" not in relayed else None,
            ),
            rating=self._rating(record),
            tags=self._tags(record),
            url=self._text(record, "url"),
            raw=record,
        )

    def _value(self, record: dict[str, Any], field_name: str) -> Any:
        steps = self.paths.get(field_name)
        return MISSING if steps is None else lookup(record, steps)

    def _text(self, record: dict[str, Any], field_name: str) -> str | None:
        value = self._value(record, field_name)
        if value is MISSING or value is None:
            return None
        if isinstance(value, dict | list):
            raise RuleViolation(field_name, f"expected text, got {_json_type(value)}")
        text = _scalar_text(value).strip()
        return text or None

    def _rating(self, record: dict[str, Any]) -> float | None:
        value = self._value(record, "rating")
        if value is MISSING or value is None or value == "":
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if not isinstance(value, str):
            raise RuleViolation("rating", f"expected a number, got {_json_type(value)}")
        try:
            return self.locale.number(value)
        except ValueError as exc:
            raise RuleViolation("rating", str(exc)) from None

    def _tags(self, record: dict[str, Any]) -> list[str]:
        value = self._value(record, "tags")
        if value is MISSING or value is None:
            return []
        if isinstance(value, str):
            return parse_tags(value)
        items = value if isinstance(value, list) else [value]
        if any(isinstance(item, dict | list) for item in items):
            raise RuleViolation("tags", "expected text or a list of texts, got objects")
        return [_scalar_text(item).strip() for item in items if item not in (None, "")]

    def _timestamp(self, value: Any) -> datetime:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise RuleViolation("created_at", f"expected a date or time, got {_json_type(value)}")
        try:
            return self.locale.timestamp(_scalar_text(value))
        except (ValueError, OverflowError, OSError) as exc:
            raise RuleViolation("created_at", str(exc)) from None

    def _content_key(self, record: dict[str, Any]) -> str:
        """A stable id for records without one: their mapped values, hashed."""
        mapped = {name: self._value(record, name) for name in sorted(self.paths)}
        material = json.dumps(
            {k: v for k, v in mapped.items() if v is not MISSING},
            sort_keys=True,
            ensure_ascii=False,
            default=str,
        )
        return "sha256:" + hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def _scalar_text(value: Any) -> str:
    """JSON scalars as their text: ``true``, ``12``, ``1.5`` (never ``True`` or ``12.0``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number" if isinstance(value, int | float) else "text")
