"""Read a decision written in a file: TOML for scripts, Markdown for people.

A decision is often drafted in a document and discussed before it is recorded; reading that
document as it is saves re-typing it into prompts. Both shapes give a ``DecisionDraft``,
and every error names the file and the line, and for a signal the column.

TOML keys: ``question``, ``context``, ``options`` (list), ``chosen`` (text or number),
``tradeoffs``, ``not_optimising_for``, ``assumptions``, ``signals``, ``owner``,
``stakeholders`` (lists), ``decided_on``, ``status``, ``requested_by``, ``reason``,
``reply``, ``links`` (list of "N:problem:ID"), ``supersedes``.

Markdown: ``# The question``, then ``## Context``, ``## Options`` (a bulleted list, the
chosen one marked ``[x]`` or ending ``(chosen)``), ``## Trade-offs accepted``,
``## Not optimising for``, ``## Assumptions``, ``## Signals``, ``## Owner``,
``## Stakeholders``, ``## Decided on``, ``## Status``, ``## Requested by``, ``## Reason``,
``## Reply``, ``## Links``, ``## Supersedes``; any section may be left out.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from tradeoff.decisions.decision_draft import DecisionDraft, OptionLink
from tradeoff.decisions.signals import SignalSyntaxError, parse_signal
from tradeoff.domain.enums import DecisionStatus
from tradeoff.errors import InputError

TEXT_KEYS = {
    "question": "question", "title": "question", "context": "context", "chosen": "chosen",
    "tradeoffs": "tradeoffs", "tradeoffs_accepted": "tradeoffs",
    "not_optimising_for": "not_optimising_for", "not_optimizing_for": "not_optimising_for",
    "owner": "owner", "requested_by": "requested_by", "reason": "reason", "reply": "reply",
}  # fmt: skip
LIST_KEYS = {
    "options": "options", "assumptions": "assumptions", "signals": "signals",
    "revisit_signals": "signals", "stakeholders": "stakeholders", "consulted": "stakeholders",
    "links": "links",
}  # fmt: skip
OTHER_KEYS = {"decided_on": "decided_on", "status": "status", "supersedes": "supersedes"}

#: Markdown headings (lower case, letters only) → draft field.
SECTIONS = {
    "context": "context", "options": "options", "options considered": "options",
    "chosen": "chosen", "chosen option": "chosen", "trade offs accepted": "tradeoffs",
    "tradeoffs accepted": "tradeoffs", "trade offs": "tradeoffs", "tradeoffs": "tradeoffs",
    "not optimising for": "not_optimising_for", "not optimizing for": "not_optimising_for",
    "what we will not optimise for": "not_optimising_for", "assumptions": "assumptions",
    "signals": "signals", "revisit signals": "signals", "owner": "owner",
    "stakeholders": "stakeholders", "consulted": "stakeholders", "decided on": "decided_on",
    "date": "decided_on", "status": "status", "requested by": "requested_by",
    "reason": "reason", "reply": "reply", "links": "links", "supersedes": "supersedes",
}  # fmt: skip
LIST_FIELDS = {"options", "assumptions", "signals", "stakeholders", "links"}
BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
CHECKBOX = re.compile(r"^\[([ xX])\]\s*(.*)$")
CHOSEN_MARK = re.compile(r"\s*\((?:chosen|chosen option)\)\s*$", re.IGNORECASE)


def read_decision_file(path: Path) -> DecisionDraft:
    """The draft in ``path``, by its suffix: ``.toml``, or ``.md`` / ``.markdown``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("file not found", path=path) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", path=path) from None
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return parse_toml(text, path)
    if suffix in {".md", ".markdown"}:
        return parse_markdown(text, path)
    raise InputError("a decision file is .toml or .md", path=path)


def parse_toml(text: str, path: Path | str = "<toml>") -> DecisionDraft:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        raise InputError(f"not valid TOML: {exc}", path=path, line=line) from None
    table = document.get("decision", document)
    fields: dict[str, Any] = {}
    for key, value in table.items():
        line = _key_line(text, key)
        where: dict[str, Any] = {"path": path, "line": line}
        name = key.lower()
        if name in TEXT_KEYS:
            if isinstance(value, int) and name == "chosen":
                value = str(value)
            if not isinstance(value, str):
                raise InputError(f"{key} must be text", **where)
            fields[TEXT_KEYS[name]] = value
        elif name in LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InputError(f"{key} must be a list of text", **where)
            items = [(v, _value_line(text, line, v)) for v in value]
            fields[LIST_KEYS[name]] = _list_field(LIST_KEYS[name], items, path)
        elif name in OTHER_KEYS:
            fields[OTHER_KEYS[name]] = _other(OTHER_KEYS[name], value, path, line)
        else:
            known = ", ".join(sorted({*TEXT_KEYS, *LIST_KEYS, *OTHER_KEYS}))
            raise InputError(f"unknown key {key!r} (known: {known})", **where)
    return DecisionDraft(**fields)


def parse_markdown(text: str, path: Path | str = "<markdown>") -> DecisionDraft:
    lines = text.splitlines()
    question: str | None = None
    sections: dict[str, list[tuple[str, int]]] = {}
    section_lines: dict[str, int] = {}
    current: str | None = None
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip()
        if line.startswith("# ") and question is None and current is None:
            question = line[2:].strip()
            continue
        if line.startswith("## "):
            heading = " ".join(re.sub(r"[^a-z]+", " ", line[3:].lower()).split())
            if heading not in SECTIONS:
                raise InputError(f"unknown section {line[3:].strip()!r}", path=path, line=number)
            current = SECTIONS[heading]
            if current in sections:
                raise InputError(
                    f"section {line[3:].strip()!r} appears twice (first on line "
                    f"{section_lines[current]})",
                    path=path,
                    line=number,
                )
            sections[current], section_lines[current] = [], number
            continue
        if current is None:
            if line.strip():
                expected = "start with '# The question'" if question is None else (
                    "put text under a section such as '## Context'"
                )  # fmt: skip
                raise InputError(expected, path=path, line=number)
            continue
        sections[current].append((line, number))
    if question is None:
        raise InputError("start with '# The question'", path=path, line=1)
    fields: dict[str, Any] = {"question": question}
    for name, body in sections.items():
        heading_line = section_lines[name]
        if name in LIST_FIELDS:
            items = _bullets(body)
            if name == "stakeholders" and not items:
                items = _comma_list(body)
            if name == "options":
                options, chosen = _options(items, path)
                fields["options"] = options
                if chosen is not None:
                    fields.setdefault("chosen", chosen)
                continue
            fields[name] = _list_field(name, items, path)
        else:
            value = _paragraphs(body)
            if not value:
                continue
            if name in OTHER_KEYS.values():
                first = next((n for line, n in body if line.strip()), heading_line)
                fields[name] = _other(name, value, path, first)
            else:
                fields[name] = value
    return DecisionDraft(**fields)


def _options(items: list[tuple[str, int]], path: Path | str) -> tuple[tuple[str, ...], str | None]:
    options, chosen, chosen_line = [], None, 0
    for item, line in items:
        marked = False
        box = CHECKBOX.match(item)
        if box:
            marked, item = box.group(1).lower() == "x", box.group(2)
        if CHOSEN_MARK.search(item):
            marked, item = True, CHOSEN_MARK.sub("", item)
        item = item.strip()
        if marked:
            if chosen is not None:
                raise InputError(
                    f"two options are marked chosen (the other on line {chosen_line})",
                    path=path,
                    line=line,
                )
            chosen, chosen_line = item, line
        options.append(item)
    return tuple(options), chosen


def _list_field(
    name: str, items: list[tuple[str, int]] | list[tuple[str, int | None]], path: Path | str
) -> tuple[Any, ...]:
    """Items checked where their syntax can be: a signal's column, a link's shape."""
    if name == "signals":
        for item, line in items:
            try:
                if not item.strip().lower().startswith("note:"):
                    parse_signal(item)
            except SignalSyntaxError as exc:
                raise InputError(
                    f"{exc} (start it with 'note:' to record a signal a person judges)",
                    path=path,
                    line=line,
                ) from None
    if name == "links":
        links = []
        for item, line in items:
            try:
                links.append(OptionLink.parse(item))
            except InputError as exc:
                raise InputError(exc.message, path=path, line=line) from None
        return tuple(links)
    return tuple(item for item, _ in items)


def _other(name: str, value: Any, path: Path | str, line: int | None) -> Any:
    where: dict[str, Any] = {"path": path, "line": line}
    if name == "decided_on":
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise InputError(f"decided on must be a date like 2026-04-20, got {value!r}",
                             **where) from None  # fmt: skip
    if name == "status":
        word = str(value).strip().lower().replace(" ", "_").replace("-", "_")
        try:
            return DecisionStatus(word)
        except ValueError:
            raise InputError(
                f"status must be decided, not yet or proposed, got {value!r}", **where
            ) from None
    text = str(value).strip().removeprefix("#")
    if isinstance(value, bool) or not text.isdigit():
        raise InputError(f"supersedes must be a decision id, got {value!r}", **where)
    return int(text)


def _bullets(body: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Bulleted or numbered items; an indented or plain line continues the item above."""
    items: list[tuple[str, int]] = []
    for line, number in body:
        match = BULLET.match(line)
        if match:
            items.append((match.group(1).strip(), number))
        elif line.strip() and items:
            text, start = items[-1]
            items[-1] = (f"{text} {line.strip()}", start)
    return items


def _comma_list(body: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return [(part.strip(), n) for line, n in body for part in line.split(",") if part.strip()]


def _paragraphs(body: list[tuple[str, int]]) -> str:
    """Lines joined, blank lines kept as paragraph breaks."""
    paragraphs, current = [], []
    for line, _ in body:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _key_line(text: str, key: str) -> int | None:
    pattern = re.compile(rf'^\s*["\']?{re.escape(key)}["\']?\s*=', re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _value_line(text: str, key_line: int | None, value: str) -> int | None:
    """The line, at or after its key, where a list item is written (its first words)."""
    if key_line is None:
        return None
    probe = value.strip().splitlines()[0][:40] if value.strip() else ""
    for number, line in enumerate(text.splitlines()[key_line - 1 :], key_line):
        if probe and probe in line:
            return number
    return key_line


def _line_from_message(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None
