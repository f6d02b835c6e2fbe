"""Reading JSON exports: one document with a list inside, a bare array, or JSON Lines,
and API pages saved one after another (either pretty-printed or one per line).

JSON Lines are streamed line by line; a document file is parsed whole, so its size is
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


def read_json_documents(facts: FileFacts) -> list[tuple[int, Any]]:
    """Every top-level JSON value in the file, with the line it starts on: usually one, but
    pages saved one after another (``curl ... >> tickets.json``) are several."""
    text = _decoded(_document_bytes(facts), facts)
    decoder = json.JSONDecoder()
    documents: list[tuple[int, Any]] = []
    position, line = 0, 1
    while True:
        start = _skip_space(text, position)
        if start == len(text):
            break
        line += text.count("\n", position, start)
        try:
            value, end = decoder.raw_decode(text, start)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"not valid JSON: {exc.msg} (character {exc.colno})",
                path=facts.path,
                line=exc.lineno,
            ) from None
        except (RecursionError, ValueError) as exc:
            raise InputError(
                f"JSON too deeply nested or too large a number: {exc}", path=facts.path
            ) from None
        documents.append((line, value))
        line += text.count("\n", start, end)
        position = end
    if not documents:
        raise InputError("not valid JSON: the file is empty", path=facts.path)
    return documents


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _document_bytes(facts: FileFacts) -> bytes:
    if facts.size > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"a {facts.size / 2**20:.0f} MiB JSON document is over the "
            f"{MAX_DOCUMENT_BYTES // 2**20} MiB limit: export as JSON Lines instead",
            path=facts.path,
        )
    with facts.path.open("rb") as handle:
        return handle.read()


def _decoded(data: bytes, facts: FileFacts, first_line: int = 1) -> str:
    try:
        return data.decode(facts.text_encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.end].hex(" ")
        raise InputError(
            f"not valid {facts.text_encoding}: {exc.reason} (bytes {bad}); re-export as UTF-8",
            path=facts.path,
            line=first_line + data.count(b"\n", 0, exc.start),
        ) from None


def _loads(data: bytes, facts: FileFacts, *, first_line: int) -> Any:
    text = _decoded(data, facts, first_line)
    try:
        return json.loads(text)
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
    keys), a bare array, JSON Lines, or a single object saved from a "get one" API call.

    APIs page their lists, so a file may hold several pages one after another: pretty-printed
    pages appended by ``curl >>`` or ``jq``, or one page per line. Each page's list is read in
    turn and its records are located by the line where the page starts.
    """
    keys = (list_key,) if isinstance(list_key, str) else list_key
    if is_json_lines(facts):
        for json_path, line, value in _iter_lines(facts, on_progress):
            key = _list_key(value, keys)
            if key is None:
                yield json_path, line, value
                continue
            for index, item in enumerate(value[key]):
                yield f"{key}[{index}]", line, item
        return
    documents = read_json_documents(facts)
    if on_progress is not None:
        on_progress(facts.size, facts.size)
    several = len(documents) > 1
    for first_line, document in documents:
        line = first_line if several else None
        if isinstance(document, list):
            for index, value in enumerate(document):
                yield f"[{index}]", line, value
            continue
        if not isinstance(document, dict):
            raise InputError("expected a JSON object or array", path=facts.path, line=line)
        key = _list_key(document, keys)
        if key is None:
            if "id" in document:
                yield "$", line, document
                continue
            raise InputError(
                f"expected a JSON object with a {' or '.join(repr(k) for k in keys)} list, "
                "or a JSON array",
                path=facts.path,
                line=line,
            )
        for index, value in enumerate(document[key]):
            yield f"{key}[{index}]", line, value


def sideloaded(facts: FileFacts, key: str) -> list[Any]:
    """The ``key`` lists that API pages carry beside their main list (Zendesk's
    ``include=users,organizations``), from every page of the file, in order.

    JSON Lines are read only when their first line is such a page, so a large file of one
    record per line is not read twice.
    """
    found: list[Any] = []
    if is_json_lines(facts):
        if not _first_line_has(facts, key):
            return found
        pages = (value for _path, _line, value in _iter_lines(facts, None))
    else:
        pages = (document for _line, document in read_json_documents(facts))
    for page in pages:
        if isinstance(page, dict) and isinstance(page.get(key), list):
            found.extend(page[key])
    return found


def _first_line_has(facts: FileFacts, key: str) -> bool:
    with facts.path.open("rb") as handle:
        first = handle.readline(MAX_LINE_BYTES)
    value = _loads(first.strip(), facts, first_line=1)
    return isinstance(value, dict) and isinstance(value.get(key), list)


def _list_key(value: Any, keys: tuple[str, ...]) -> str | None:
    if not isinstance(value, dict):
        return None
    return next((k for k in keys if isinstance(value.get(k), list)), None)


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
