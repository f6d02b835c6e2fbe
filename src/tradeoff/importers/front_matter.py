"""A note's front matter: ``key: value`` lines between two ``---`` lines, read exactly.

A small strict parser, not a YAML library: one ``key: value`` per line; values plain,
``"double-quoted"`` (JSON escapes) or ``'single-quoted'`` (``''`` is a quote); lists as
``[a, "b c"]`` or as a block of ``- item`` lines under ``key:`` (as Obsidian writes them);
``#`` comments. Nested or multi-line values are refused with the line (``NoteError``), so
a note never imports half-read. Unknown keys are kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

FrontValue = str | list[str] | None

KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*:(?:[ \t]+(.*))?$")
DOUBLE = re.compile(r'"((?:[^"\\]|\\.)*)"')
SINGLE = re.compile(r"'((?:[^']|'')*)'")
LIST_ITEM = re.compile(r"""[ \t]*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,\[\]"']*?)[ \t]*([,\]])""")
BLOCK_ITEM = re.compile(r"[ \t]*-[ \t]+(.*)$")


class NoteError(ValueError):
    """A note that cannot be read, at a line of its file (and the front-matter key)."""

    def __init__(self, line: int, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.key = key


@dataclass(frozen=True)
class Note:
    """A note split into its front matter (with each key's line) and its body."""

    values: dict[str, FrontValue]
    lines: dict[str, int]
    body: str
    body_line: int

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        if isinstance(value, list):
            raise NoteError(self.lines[key], f"{key} must be one value, not a list", key)
        if value is None:
            return None
        return value.strip() or None

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)


def parse_note(text: str) -> Note:
    """Split a note into front matter and body; raise ``NoteError`` at the first bad line.

    >>> parse_note('---\\nkind: call\\ntags: [a, "b c"]\\n---\\nHello').values
    {'kind': 'call', 'tags': ['a', 'b c']}
    """
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise NoteError(
            1,
            "no front matter: a note starts with a '---' line, key: value lines, "
            "and another '---' line",
        )
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if closing is None:
        raise NoteError(1, "the front matter opened on line 1 is never closed by a '---' line")
    values: dict[str, FrontValue] = {}
    where: dict[str, int] = {}
    listing: str | None = None  # the key whose block list ("- item" lines) is being read
    blocks: set[str] = set()
    for number, line in enumerate(lines[1:closing], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = BLOCK_ITEM.match(line.rstrip())
        if item is not None and listing is not None:
            listed = values[listing]
            assert isinstance(listed, list)
            listed.append(_item(item.group(1), number, listing))
            continue
        listing = None
        if line[0] in " \t":
            raise NoteError(
                number,
                "indented line: nested values and multi-line strings are not supported; "
                "write key: value on one line",
            )
        match = KEY_LINE.match(line.rstrip())
        if match is None:
            raise NoteError(number, f"not a 'key: value' line: {line.strip()[:60]!r}")
        key = match.group(1).lower()
        if key in values:
            raise NoteError(number, f"{key} is given twice (first on line {where[key]})", key)
        values[key] = _value(match.group(2) or "", number, key)
        where[key] = number
        if values[key] is None:
            # Obsidian and other editors write lists as a block: "tags:" then "  - item".
            listing, values[key] = key, []
            blocks.add(key)
    for key in blocks:
        if values[key] == []:
            values[key] = None
    body = lines[closing + 1 :]
    while body and not body[-1].strip():
        body.pop()
    start = closing + 2  # 1-based line after the closing '---'
    while body and not body[0].strip():
        body, start = body[1:], start + 1
    return Note(values, where, "\n".join(body), start)


def _value(raw: str, line: int, key: str) -> FrontValue:
    text = raw.strip()
    if not text:
        return None
    if text[0] == "[":
        return _list(text, line, key)
    if text[0] in "\"'":
        value, end = _quoted(text, 0, line, key)
        _end_of_line(text[end:], line, key)
        return value
    if text[0] in "#{|>&*!%@`":
        raise NoteError(
            line,
            f"{key}: a value starting with {text[0]!r} is a YAML feature this reader does "
            "not support; quote the value",
            key,
        )
    return text.split(" #", 1)[0].strip()


def _item(raw: str, line: int, key: str) -> str:
    """One ``- item`` of a block list: a plain or quoted scalar, nothing nested."""
    value = _value(raw, line, key)
    if not isinstance(value, str):
        raise NoteError(line, f"{key}: a list item must be one plain or quoted value", key)
    return value


def _quoted(text: str, start: int, line: int, key: str) -> tuple[str, int]:
    if text[start] == '"':
        match = DOUBLE.match(text, start)
        if match is None:
            raise NoteError(line, f"{key}: the quoted value is not closed", key)
        try:
            decoded = json.JSONDecoder(strict=False).decode(f'"{match.group(1)}"')
        except json.JSONDecodeError:
            raise NoteError(line, f"{key}: a bad escape in the quoted value", key) from None
        return str(decoded), match.end()
    match = SINGLE.match(text, start)
    if match is None:
        raise NoteError(line, f"{key}: the quoted value is not closed", key)
    return match.group(1).replace("''", "'"), match.end()


def _list(text: str, line: int, key: str) -> list[str]:
    items: list[str] = []
    position = 1
    while True:
        match = LIST_ITEM.match(text, position)
        if match is None:
            raise NoteError(line, f'{key}: not a list of the form [a, b, "c d"]', key)
        item = match.group(1)
        if item[:1] in ("'", '"'):
            item = _quoted(item, 0, line, key)[0]
        elif not item and (items or match.group(2) == ","):
            raise NoteError(line, f"{key}: an empty item in the list", key)
        if item:
            items.append(item)
        position = match.end()
        if match.group(2) == "]":
            _end_of_line(text[position:], line, key)
            return items


def _end_of_line(rest: str, line: int, key: str) -> None:
    rest = rest.strip()
    if rest and not rest.startswith("#"):
        raise NoteError(line, f"{key}: unexpected text after the value: {rest[:40]!r}", key)
