"""Reading JSON exports: one document with a list inside, a bare array, or JSON Lines.

JSON Lines are streamed line by line; a single document is parsed whole, so its size is
capped first (Python's json has no size or depth limit of its own).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from tradeoff.errors import InputError
from tradeoff.importers.textfile import FileFacts, ProgressCallback, open_binary

MAX_DOCUMENT_BYTES = 512 * 1024 * 1024
MAX_LINE_BYTES = 16 * 1024 * 1024


def read_json_document(facts: FileFacts) -> Any:
    """A whole JSON file, refusing one too large to parse safely."""
    if facts.size > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"a {facts.size / 2**20:.0f} MiB JSON document is over the "
            f"{MAX_DOCUMENT_BYTES // 2**20} MiB limit: export as JSON Lines instead",
            path=facts.path,
        )
    with facts.path.open("rb") as handle:
        data = handle.read()
    return _loads(data, facts, first_line=1)


def _loads(data: bytes, facts: FileFacts, *, first_line: int) -> Any:
    try:
        return json.loads(data.decode(facts.text_encoding).lstrip("\ufeff"))
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {facts.text_encoding}: {exc.reason}", path=facts.path
        ) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON: {exc.msg} (character {exc.colno})",
            path=facts.path,
            line=first_line + exc.lineno - 1,
        ) from None
    except (RecursionError, ValueError) as exc:
        raise InputError(
            f"JSON too deeply nested or too large a number: {exc}", path=facts.path
        ) from None


def is_json_lines(facts: FileFacts) -> bool:
    """JSON Lines when the first line is a complete object and more lines follow."""
    with facts.path.open("rb") as handle:
        first = handle.readline(MAX_LINE_BYTES).strip()
        rest = handle.read(1024).strip()
    if not first.startswith((b"{", b"\xef\xbb\xbf{")) or not rest:
        return False
    try:
        json.loads(first.decode(facts.text_encoding, errors="replace").lstrip("\ufeff"))
    except json.JSONDecodeError:
        return False
    return True


def iter_records(
    facts: FileFacts,
    list_key: str | tuple[str, ...],
    on_progress: ProgressCallback | None = None,
) -> Iterator[tuple[str, int | None, Any]]:
    """Each record as (JSON path, line, value): from ``{list_key: [...]}`` (any of several
    keys), a bare array, JSON Lines, or a single object saved from a "get one" API call."""
    keys = (list_key,) if isinstance(list_key, str) else list_key
    if is_json_lines(facts):
        yield from _iter_lines(facts, on_progress)
        return
    document = read_json_document(facts)
    if on_progress is not None:
        on_progress(facts.size, facts.size)
    if isinstance(document, list):
        for index, value in enumerate(document):
            yield f"[{index}]", None, value
        return
    if not isinstance(document, dict):
        raise InputError("expected a JSON object or array", path=facts.path)
    key = next((k for k in keys if isinstance(document.get(k), list)), None)
    if key is None:
        if "id" in document:
            yield "$", None, document
            return
        raise InputError(
            f"expected a JSON object with a {' or '.join(repr(k) for k in keys)} list, "
            "or a JSON array",
            path=facts.path,
        )
    for index, value in enumerate(document[key]):
        yield f"{key}[{index}]", None, value


def _iter_lines(
    facts: FileFacts, on_progress: ProgressCallback | None
) -> Iterator[tuple[str, int | None, Any]]:
    with open_binary(facts, on_progress) as handle:
        for number, raw in enumerate(handle, start=1):
            if len(raw) > MAX_LINE_BYTES:
                raise InputError("line longer than 16 MiB", path=facts.path, line=number)
            if not raw.strip():
                continue
            yield f"line {number}", number, _loads(raw.strip(), facts, first_line=number)


def load_lookup(facts: FileFacts, list_key: str | tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """A side file (users, organizations) as a dict by id."""
    lookup: dict[str, dict[str, Any]] = {}
    for _path, _line, value in iter_records(facts, list_key):
        if isinstance(value, dict) and value.get("id") is not None:
            lookup[str(value["id"])] = value
    return lookup


def text_of(value: Any) -> str | None:
    """A JSON scalar as text, or None for null and empty strings."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None
