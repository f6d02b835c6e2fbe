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

The front matter is read by a small strict parser, not a YAML library (``front_matter``):
nested or multi-line values are refused with the file and line, so a note never imports
half-read. Unknown keys are kept.

Mapping: the file's path relative to the folder is the external id, so re-importing the
folder updates notes in place. The body (Markdown kept as is) is the text, unless it is a
transcript (turns under speaker labels, ``analysis.text.transcript``): then the text is
what the customer said, without labels, timestamps and our own people's turns, and the
whole transcript stays in raw (``transcripts``; ``--ours`` names our side); ``title`` (else
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

import re
from collections.abc import Iterator
from pathlib import Path

from tradeoff.analysis.text.transcript import Transcript, read_transcript
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
from tradeoff.importers.front_matter import Note, NoteError, parse_note
from tradeoff.importers.locales import DATES_OPTION, Locale
from tradeoff.importers.textfile import BOMS, FileFacts
from tradeoff.importers.transcripts import CallPeople, OurSide, customer_words
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

HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


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
        ImporterOption(
            "ours",
            "Our company and our people as transcripts label speakers, comma-separated "
            '(e.g. "Ledgerly, Aisha Rahman"): their turns are left out of the text. Default: '
            "each note's interviewer and their company, else the company on every call.",
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
        side = OurSide.given(context.options.get("ours")).with_batch(_transcripts(files))
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
                record: Record = _evidence(name, note, source, locale, side)
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


def _transcripts(files: list[Path]) -> Iterator[tuple[Transcript, CallPeople]]:
    """Every note that is a transcript, with who its front matter names: a first reading
    for the company on every call (``transcripts.batch_company``); a note that cannot be
    read is refused by the second."""
    for file in files:
        try:
            if file.stat().st_size > MAX_NOTE_BYTES:
                continue
            note = parse_note(_decode(file.read_bytes()))
            people = _people(note)
        except NoteError:
            continue
        transcript = read_transcript(note.body, people.names)
        if transcript is not None:
            yield transcript, people


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


def _evidence(
    name: str, note: Note, account_source: str | None, locale: Locale, side: OurSide
) -> EvidenceDraft:
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
    raw: dict[str, object] = {"file": name, "front_matter": note.values}
    text, said = note.body, customer_words(note.body, _people(note), side)
    if said is not None and said.text.strip() and said.text != note.body:
        # The customer's words are the evidence; the whole conversation stays in raw.
        raw.update(transcript=note.body, our_speakers=list(said.our_speakers))
        text = said.text
    return EvidenceDraft(
        where=Where(line=1, file=name, columns=KEYS),
        line=1,
        external_id=name,
        kind=kind,
        title=note.text("title") or (heading.group(1) if heading else None),
        text=text,
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
        raw=raw,
    )


def _people(note: Note) -> CallPeople:
    """Who the front matter names: the customer, their account, our interviewer and
    relayer (``transcripts.our_turns``); an address such as ``aisha.rahman@...`` names
    Aisha Rahman too."""
    customers = (note.text("person"), note.text("email"))
    ours = (
        *(note.text("interviewer"), note.text("interviewer_email")),
        *(note.text("relayed_by"), note.text("relayed_by_email")),
    )
    return CallPeople(
        customers=tuple(filter(None, map(_name_of, customers))),
        account=note.text("account"),
        ours=tuple(filter(None, map(_name_of, ours))),
    )


def _name_of(value: str | None) -> str | None:
    """A name as given, or the name an address spells (``first.last@``), else None."""
    if not value or "@" not in value:
        return value
    local = re.split(r"[._-]+", value.split("@", 1)[0])
    return " ".join(local) if len(local) >= 2 else None


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
