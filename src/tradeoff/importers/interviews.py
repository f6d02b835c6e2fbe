"""Interview and call notes: a folder of Markdown or text files, one per conversation.

Reads every ``.md``, ``.markdown`` and ``.txt`` file under a folder (subfolders included;
hidden files and other suffixes are ignored), or one file given by itself. Each note starts
with a front-matter block between two ``---`` lines, then the notes themselves::

    ---
    kind: interview                 # or call
    date: 2026-05-12                # or 2026-05-12 14:30, or ISO 8601 with an offset
    account: "Quayside Coffee Roasters Ltd"
    account_id: "0015g0000SIp7PTAQZ"
    person: "Zoë O'Brien"
    email: "zoe.obrien@quayside-coffee.example"
    role: "Owner & Finance"
    interviewer: "Aisha Rahman"
    interviewer_email: "aisha.rahman@ledgerly.example"
    title: "How a three-café roastery runs its money"
    tags: [cash-flow, bookkeeping]
    ---

The front matter is read by a small strict parser, not a YAML library: one ``key: value``
per line; values plain, ``"double-quoted"`` (JSON escapes) or ``'single-quoted'`` (``''`` is
a quote); lists as ``[a, "b c"]`` or as a block of ``- item`` lines under ``key:`` (as
Obsidian writes them); ``#`` comments. Nested or multi-line values are refused
with the file and line, so a note never imports half-read. Unknown keys are kept.

Mapping: the file's path relative to the folder is the external id, so re-importing the
folder updates notes in place. The body (Markdown kept as is) is the text; ``title`` (else
the body's first ``# heading``) the title; ``date`` the time; ``kind`` the evidence kind,
``interview`` by default; both are stated evidence. ``person`` / ``email`` is the customer
who spoke (an end user unless ``role`` is exactly buyer, champion or admin; a job title such
as "CFO" stays in raw), at ``account`` / ``account_id``. ``tags`` become tags, and
``synthetic: true`` the tag ``synthetic``. Everything in the front matter is kept in raw.

Who relayed it (principle 6), in this order:
1. ``relayed_by`` (a name or an email; ``relayed_by_email`` beside a name) names the proxy.
2. ``relayed: true`` means the interviewer relayed it; ``relayed: false`` that the words
   are the customer's own, whatever the kind.
3. Otherwise a ``call`` note is relayed by its interviewer: it is a sales or CS rep's
   account of a customer conversation. An ``interview`` is not: the interviewer only wrote
   down the customer's words, and is kept in raw, not as a person.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
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
from tradeoff.importers.locales import DATES_OPTION, Locale
from tradeoff.importers.textfile import BOMS, FileFacts
from tradeoff.importers.values import parse_bool, parse_tags

NOTE_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
KINDS = {"interview": EvidenceKind.INTERVIEW, "call": EvidenceKind.CALL}
#: Roles a customer can have; "executive" is left out on purpose: it marks one of *our* people.
CUSTOMER_ROLES = {r.value: r for r in (PersonRole.BUYER, PersonRole.CHAMPION, PersonRole.ADMIN)}
MAX_NOTE_BYTES = 16 * 1024 * 1024
#: Which front-matter key feeds each evidence field, so a refused value names its key.
KEYS = (
    ("created_at", "date"),
    ("kind", "kind"),
    ("title", "title"),
    ("account", "account"),
    ("person", "person"),
    ("email", "email"),
    ("url", "url"),
)

FrontValue = str | list[str] | None

KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*:(?:[ \t]+(.*))?$")
DOUBLE = re.compile(r'"((?:[^"\\]|\\.)*)"')
SINGLE = re.compile(r"'((?:[^']|'')*)'")
LIST_ITEM = re.compile(r"""[ \t]*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,\[\]"']*?)[ \t]*([,\]])""")
BLOCK_ITEM = re.compile(r"[ \t]*-[ \t]+(.*)$")
HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


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


class InterviewsImporter:
    name = "interviews"
    source = "interviews"
    summary = (
        "Interview and call notes: a folder of Markdown or text files, each with a "
        "front-matter block (account, person, date, interviewer)."
    )
    example = "tradeoff import interviews notes/ --account-source salesforce"
    kind: EvidenceKind | None = EvidenceKind.INTERVIEW
    default_mode: EvidenceMode | None = EvidenceMode.STATED
    accepts_folder = True
    options: tuple[ImporterOption, ...] = (
        ImporterOption(
            "account-source",
            "The system the notes' account_id values come from (e.g. salesforce), so notes "
            "join that system's accounts by id (default: the notes' own ids).",
        ),
        DATES_OPTION,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        root = facts.path
        files = _note_files(root) if root.is_dir() else [root]
        if not files:
            raise InputError("no notes here: expected .md, .markdown or .txt files", path=root)
        base = root if root.is_dir() else root.parent
        source = context.options.get("account-source") or None
        locale = Locale.of(context)
        sizes = [f.stat().st_size for f in files]
        total, done = sum(sizes), 0
        for file, size in zip(files, sizes, strict=True):
            name = file.relative_to(base).as_posix()
            done += size
            if context.on_progress is not None:
                context.on_progress(done, total)
            try:
                if size > MAX_NOTE_BYTES:
                    raise NoteError(1, f"the note is larger than {MAX_NOTE_BYTES // 2**20} MiB")
                note = parse_note(_decode(file.read_bytes()))
                record: Record = _evidence(name, note, source, locale)
            except NoteError as exc:
                # A folder's notes share one path in errors, so each reason names its note.
                prefix = f"{name}: " if root.is_dir() else ""
                record = Rejected(
                    Where(line=exc.line, file=name),
                    prefix + exc.message,
                    column=exc.key,
                    raw={"file": name},
                )
            yield record


def _note_files(folder: Path) -> list[Path]:
    """Notes under ``folder``, sorted by path so every run reads them in the same order."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in NOTE_SUFFIXES and path.is_file():
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _decode(data: bytes) -> str:
    """Notes are typed by people on any machine: a BOM decides, else UTF-8, else cp1252."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding).lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


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


def _evidence(name: str, note: Note, account_source: str | None, locale: Locale) -> EvidenceDraft:
    kind_text = (note.text("kind") or "interview").lower()
    if kind_text not in KINDS:
        raise NoteError(
            note.line("kind"), f"kind must be interview or call, got {kind_text!r}", "kind"
        )
    kind = KINDS[kind_text]
    date = note.text("date")
    if date is None:
        raise NoteError(1, "the front matter has no date", "date")
    try:
        created_at = locale.timestamp(date)
    except ValueError as exc:
        raise NoteError(note.line("date"), f"date: {exc}", "date") from None
    if not note.body:
        raise NoteError(note.body_line, "the note has no text after its front matter")
    url = note.text("url")
    if url is not None and not url.lower().startswith(("http://", "https://")):
        raise NoteError(note.line("url"), "url: only http(s) links are allowed", "url")
    heading = HEADING.search(note.body)
    account_id = note.text("account_id")
    return EvidenceDraft(
        where=Where(line=1, file=name, columns=KEYS),
        line=1,
        external_id=name,
        kind=kind,
        title=note.text("title") or (heading.group(1) if heading else None),
        text=note.body,
        created_at=created_at,
        account=AccountRef(
            name=note.text("account"),
            source=account_source if account_id else None,
            external_id=account_id,
        ),
        person=_speaker(note),
        relayed_by=_relayer(note, kind),
        tags=_tags(note),
        url=url,
        raw={"file": name, "front_matter": note.values},
    )


def _speaker(note: Note) -> PersonRef:
    name, email = note.text("person"), note.text("email")
    if email is None and name is not None and "@" in name:
        name, email = None, name
    if name is None and email is None:
        return PersonRef()
    role = CUSTOMER_ROLES.get((note.text("role") or "").lower().replace(" ", "_"))
    return PersonRef(email=email, name=name, role=role or PersonRole.END_USER)


def _relayer(note: Note, kind: EvidenceKind) -> PersonRef:
    """Who relayed the note, by the rule in the module docstring."""
    named, named_email = note.text("relayed_by"), note.text("relayed_by_email")
    if named or named_email:
        if named and "@" in named and not named_email:
            return PersonRef(email=named)
        return PersonRef(name=named, email=named_email)
    if "relayed" in note.values:
        try:
            relayed = parse_bool(note.text("relayed") or "")
        except ValueError as exc:
            raise NoteError(note.line("relayed"), f"relayed: {exc}", "relayed") from None
    else:
        relayed = kind is EvidenceKind.CALL
    if not relayed:
        return PersonRef()
    interviewer = PersonRef(name=note.text("interviewer"), email=note.text("interviewer_email"))
    if interviewer.is_empty:
        key = "relayed" if "relayed" in note.values else "kind"
        raise NoteError(
            note.line(key),
            "a relayed note (a call, or relayed: true) needs an interviewer or relayed_by; "
            "write relayed: false if these are the customer's own words",
            key,
        )
    return interviewer


def _tags(note: Note) -> list[str]:
    value = note.values.get("tags")
    tags = list(value) if isinstance(value, list) else parse_tags(value or "")
    synthetic = note.text("synthetic")
    try:
        if synthetic is not None and parse_bool(synthetic):
            tags.append("synthetic")
    except ValueError as exc:
        raise NoteError(note.line("synthetic"), f"synthetic: {exc}", "synthetic") from None
    return tags
