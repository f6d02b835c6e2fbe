"""Intercom: conversations as the REST API returns them, or a one-row-per-message CSV.

Reads:
- Conversations JSON (``.json`` / ``.jsonl``): ``{"type": "conversation.list",
  "conversations": [...]}``, a bare array, or JSON Lines (one conversation per line), each in
  Intercom's conversation model: ``id, created_at`` (Unix seconds), ``title``, ``state``,
  ``source{type, delivered_as, subject, body (HTML), author{id, type, name, email}}``,
  ``contacts{contacts: [{id, external_id}]}`` (or a bare ``contacts`` list),
  ``tags{tags: [{name}]}``, ``conversation_rating{rating, remark}`` and
  ``conversation_parts{conversation_parts: [{part_type, body, author{id, type, name, email},
  created_at}]}`` (present when each conversation was retrieved by id; the list endpoint
  leaves parts out, so only the opening message is read).
- Message CSV (``.csv``), as third-party exporters write it (IntercomExport by Prodsight):
  one row per message with ``message_id, message_body`` (plain text), ``message_type,
  message_created_at, message_author_type, message_author_id, message_author_name,
  message_author_email, message_author_companies, conversation_tags, conversation_id,
  conversation_state, conversation_created_at`` (UTC, ``2017-11-14 21:45:08``). Every column
  name can be overridden with ``--map FIELD=COLUMN`` (fields: ``CSV_COLUMNS``).
- ``--contacts FILE``: a contacts export, JSON (``{"type": "list", "data": [...]}`` from
  ``GET /contacts``, an array, or JSON Lines: ``id, email, name, companies{data: [{id,
  name}]}``) or CSV (columns ``id, email, name, company``, overridable as ``contact_id,
  contact_email, contact_name, contact_company``). It names the person and their company.

Mapping: a conversation is one ``chat`` item, observed by default. Its text is what the
customer wrote, in order: the opening message when a user or lead wrote it, every part
authored by a user, lead or contact, and the rating remark; HTML becomes text (the HTML stays
in the raw record). Bot parts are dropped and teammate (admin) parts are our side of the
conversation, not the customer's words. A conversation we started (``delivered_as``
``admin_initiated``, ``automated`` or ``campaigns_initiated``, or in the CSV an opening
``conversation_message`` by an admin) is outreach, not a customer request: it is skipped and
counted nowhere, as is a conversation in which the customer wrote no text. The person is the
conversation's contact (Intercom id, email, name); their company, from the contacts file or
the CSV's ``message_author_companies``, is the account.

The CSV's rows of one conversation need not be adjacent: conversations stay open in memory
until ``MAX_OPEN_CONVERSATIONS`` are open, then the least recently seen is finished. A row
arriving for a conversation already finished is refused with its line ("sort the file by
conversation_id"), so memory stays bounded and no conversation is silently split in two.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.domain.names import LEGAL_SUFFIXES, fold
from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.columns import header_index, rows_that_fit
from tradeoff.importers.drafts import (
    AccountRef,
    EvidenceDraft,
    PersonRef,
    Record,
    Rejected,
    Where,
)
from tradeoff.importers.html_text import html_to_text
from tradeoff.importers.jsonfile import iter_records, text_of
from tradeoff.importers.textfile import FileFacts, inspect_file, read_csv
from tradeoff.importers.values import parse_timestamp

SOURCE = "intercom"
CUSTOMER_AUTHORS = frozenset({"user", "lead", "contact"})
#: Conversations we started: fixed-audience messages, Series and legacy campaigns.
OUTBOUND = frozenset({"admin_initiated", "automated", "campaigns_initiated"})
MAX_OPEN_CONVERSATIONS = 50_000

CSV_COLUMNS = {
    "external_id": "conversation_id",
    "text": "message_body",
    "message_id": "message_id",
    "message_type": "message_type",
    "message_created_at": "message_created_at",
    "author_type": "message_author_type",
    "author_id": "message_author_id",
    "person": "message_author_name",
    "email": "message_author_email",
    "account": "message_author_companies",
    "tags": "conversation_tags",
    "state": "conversation_state",
    "created_at": "conversation_created_at",
}
CONTACT_COLUMNS = {
    "contact_id": "id",
    "contact_email": "email",
    "contact_name": "name",
    "contact_company": "company",
}
#: Columns that describe the conversation rather than one message (kept once in raw).
CONVERSATION_FIELDS = ("external_id", "tags", "state", "created_at")


class IntercomImporter:
    name = "intercom"
    source = SOURCE
    summary = (
        "Intercom conversations: the REST API's conversations JSON, or a one-row-per-message "
        "CSV export; the customer's own messages are the text."
    )
    example = "tradeoff import intercom export/conversations.json --contacts export/contacts.json"
    kind: EvidenceKind | None = EvidenceKind.CHAT
    default_mode: EvidenceMode | None = EvidenceMode.OBSERVED
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (
        ImporterOption(
            "contacts",
            "Contacts export (JSON or CSV: id, email, name, company) naming people and "
            "their companies.",
            is_path=True,
        ),
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        unknown = sorted(set(context.columns) - set(CSV_COLUMNS) - set(CONTACT_COLUMNS))
        if unknown:
            raise InputError(
                f"unknown field {unknown[0]!r} in --map; Intercom fields are: "
                + ", ".join([*CSV_COLUMNS, *CONTACT_COLUMNS])
            )
        given = context.options.get("contacts")
        contacts = load_contacts(Path(given), context) if given else ContactBook()
        if facts.path.suffix.lower() == ".csv":
            return read_messages_csv(facts, context, contacts)
        return _read_json(facts, context, contacts)


# --- contacts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    id: str | None = None
    email: str | None = None
    name: str | None = None
    company: str | None = None
    company_id: str | None = None


@dataclass
class ContactBook:
    """Contacts by Intercom id and by email, so either key finds the person's company."""

    by_id: dict[str, Contact] = field(default_factory=dict)
    by_email: dict[str, Contact] = field(default_factory=dict)

    def add(self, contact: Contact) -> None:
        if contact.id:
            self.by_id[contact.id] = contact
        if contact.email:
            self.by_email[contact.email.lower()] = contact

    def find(self, contact_id: str | None, email: str | None) -> Contact:
        found = self.by_id.get(contact_id or "") or self.by_email.get((email or "").lower())
        return found or Contact()


def load_contacts(path: Path, context: ReadContext) -> ContactBook:
    facts = inspect_file(path)
    book = ContactBook()
    if path.suffix.lower() == ".csv":
        header, rows = read_csv(facts)
        index = header_index(header)
        columns = {f: context.column(f, d) for f, d in CONTACT_COLUMNS.items()}
        if not (_has(index, columns["contact_id"]) or _has(index, columns["contact_email"])):
            raise InputError(
                f"the contacts file needs a {columns['contact_id']!r} or "
                f"{columns['contact_email']!r} column",
                path=path,
                line=1,
                column=columns["contact_id"],
            )
        positions = _positions(columns, index)
        for row in rows:
            cell = _cells(positions, row.cells)
            book.add(
                Contact(
                    id=cell["contact_id"] or None,
                    email=cell["contact_email"] or None,
                    name=cell["contact_name"] or None,
                    company=first_company(cell["contact_company"]),
                )
            )
        return book
    for _path, _line, value in iter_records(facts, "data"):
        if isinstance(value, dict):
            # The API names companies by id ({"data": [{"id", "url"}]}); exports may add "name".
            listed = [c for c in _listed(value.get("companies"), "data") if isinstance(c, dict)]
            company = listed[0] if listed else {}
            book.add(
                Contact(
                    id=text_of(value.get("id")),
                    email=text_of(value.get("email")),
                    name=text_of(value.get("name")),
                    company=text_of(company.get("name")),
                    company_id=text_of(company.get("id")),
                )
            )
    return book


def first_company(names: str) -> str | None:
    """The first of a comma-separated list of company names, keeping "Acme, Inc." whole.

    >>> first_company("Acme, Inc., Globex")
    'Acme, Inc.'
    """
    parts = [p.strip() for p in names.split(",") if p.strip()]
    if not parts:
        return None
    company = parts[0]
    for part in parts[1:]:
        if fold(part) not in LEGAL_SUFFIXES:
            break
        company = f"{company}, {part}"
    return company


def _person_and_account(
    contact_id: str | None,
    author: dict[str, Any],
    contacts: ContactBook,
    company: str | None = None,
) -> tuple[PersonRef, AccountRef]:
    email = text_of(author.get("email"))
    known = contacts.find(contact_id, email)
    person = PersonRef(
        source=SOURCE,
        external_id=contact_id,
        email=email or known.email,
        name=text_of(author.get("name"))
        or known.name
        or (f"Intercom contact {contact_id}" if contact_id else None),
        role=PersonRole.END_USER,
    )
    account = AccountRef(
        name=known.company or company,
        source=SOURCE if known.company_id else None,
        external_id=known.company_id,
    )
    return person, account


# --- conversations JSON -----------------------------------------------------------------------


def _read_json(facts: FileFacts, context: ReadContext, contacts: ContactBook) -> Iterator[Record]:
    for json_path, line, conversation in iter_records(facts, "conversations", context.on_progress):
        where = Where(line=line, json_path=json_path)
        if not isinstance(conversation, dict):
            yield Rejected(where, "a conversation must be a JSON object")
            continue
        try:
            draft = _conversation(conversation, where, contacts)
        except RuleViolation as exc:
            yield Rejected(where, exc.message, column=exc.field, raw=conversation)
            continue
        if draft is not None:
            yield draft


def _listed(container: Any, key: str) -> list[Any]:
    """Intercom wraps lists (``{"type": "tag.list", "tags": [...]}``); accept bare lists too."""
    if isinstance(container, dict):
        container = container.get(key)
    return container if isinstance(container, list) else []


def _is_customer(author: Any) -> bool:
    return isinstance(author, dict) and str(author.get("type") or "").lower() in CUSTOMER_AUTHORS


def _conversation(
    conversation: dict[str, Any], where: Where, contacts: ContactBook
) -> EvidenceDraft | None:
    conversation_id = text_of(conversation.get("id"))
    if conversation_id is None:
        raise RuleViolation("id", "a conversation needs an id")
    source = conversation.get("source") or {}
    if str(source.get("delivered_as") or "").lower() in OUTBOUND:
        return None
    customer: dict[str, Any] = {}
    said: list[str] = []
    if _is_customer(source.get("author")):
        customer = source["author"]
        said.append(html_to_text(str(source.get("body") or "")))
    for part in _listed(conversation.get("conversation_parts"), "conversation_parts"):
        if isinstance(part, dict) and _is_customer(part.get("author")):
            customer = customer or part["author"]
            said.append(html_to_text(str(part.get("body") or "")))
    rating = conversation.get("conversation_rating") or {}
    said.append(str(rating.get("remark") or "").strip())
    text = "\n\n".join(words for words in said if words)
    if not text:
        return None
    created = text_of(conversation.get("created_at"))
    if created is None:
        raise RuleViolation("created_at", "missing")
    listed = [c for c in _listed(conversation.get("contacts"), "contacts") if isinstance(c, dict)]
    contact_id = text_of(listed[0].get("id")) if listed else text_of(customer.get("id"))
    person, account = _person_and_account(contact_id, customer, contacts)
    score = rating.get("rating")
    return EvidenceDraft(
        where=where,
        line=where.line,
        external_id=conversation_id,
        kind=EvidenceKind.CHAT,
        title=text_of(conversation.get("title"))
        or html_to_text(str(source.get("subject") or ""))
        or None,
        text=text,
        created_at=_json_time(created),
        account=account,
        person=person,
        rating=float(score) if isinstance(score, int | float) else None,
        tags=[
            str(tag["name"])
            for tag in _listed(conversation.get("tags"), "tags")
            if isinstance(tag, dict) and tag.get("name")
        ],
        raw=conversation,
    )


def _json_time(value: str) -> datetime:
    try:
        return parse_timestamp(value)
    except ValueError as exc:
        raise RuleViolation("created_at", str(exc)) from None


# --- message CSV ------------------------------------------------------------------------------


@dataclass
class _Thread:
    """A conversation being assembled from its rows."""

    conversation_id: str
    line: int
    conversation: dict[str, str]
    opened_by_us: bool = False
    #: The customer's messages: (when, file order, cells, the row as exported).
    messages: list[tuple[datetime | None, int, dict[str, str], dict[str, str]]] = field(
        default_factory=list
    )


def read_messages_csv(
    facts: FileFacts, context: ReadContext, contacts: ContactBook
) -> Iterator[Record]:
    """One row per message, grouped into one item per conversation."""
    header, rows = read_csv(facts, context.on_progress)
    index = header_index(header)
    columns = {f: context.column(f, d) for f, d in CSV_COLUMNS.items()}
    for required in ("external_id", "text", "author_type"):
        if not _has(index, columns[required]):
            raise InputError(
                f"no column {columns[required]!r}: is this a per-message Intercom export?",
                path=facts.path,
                line=1,
                column=columns[required],
            )
    if not (_has(index, columns["created_at"]) or _has(index, columns["message_created_at"])):
        raise InputError(
            f"no column {columns['created_at']!r} or {columns['message_created_at']!r}",
            path=facts.path,
            line=1,
            column=columns["created_at"],
        )
    where_columns = tuple(columns.items())
    positions = _positions(columns, index)
    open_threads: OrderedDict[str, _Thread] = OrderedDict()
    finished: set[str] = set()
    for fit in rows_that_fit(header, rows, where_columns):
        if isinstance(fit, Rejected):
            yield fit
            continue
        where, row = fit
        cell = _cells(positions, row.cells)
        conversation_id = cell["external_id"]
        if not conversation_id:
            yield Rejected(
                where, "no conversation id", column=columns["external_id"], raw=row.cells
            )
            continue
        if conversation_id in finished:
            yield Rejected(
                where,
                f"conversation {conversation_id} continues far from its other rows: "
                f"sort the file by {columns['external_id']}",
                column=columns["external_id"],
                raw=row.cells,
            )
            continue
        thread = open_threads.get(conversation_id)
        if thread is None:
            conversation = {
                columns[f]: cell[f] for f in CONVERSATION_FIELDS if _has(index, columns[f])
            }
            thread = _Thread(conversation_id, row.line, conversation)
            open_threads[conversation_id] = thread
        open_threads.move_to_end(conversation_id)
        author = cell["author_type"].lower()
        if cell["message_type"].lower() == "conversation_message" and author == "admin":
            thread.opened_by_us = True
        if author in CUSTOMER_AUTHORS and cell["text"].strip():
            at = None
            if cell["message_created_at"]:
                try:
                    at = parse_timestamp(cell["message_created_at"])
                except ValueError as exc:
                    yield Rejected(
                        where, str(exc), column=columns["message_created_at"], raw=row.cells
                    )
                    continue
            exported = dict(zip(header, row.cells, strict=True))
            thread.messages.append((at, row.line, cell, exported))
        if len(open_threads) > MAX_OPEN_CONVERSATIONS:
            _, oldest = open_threads.popitem(last=False)
            finished.add(oldest.conversation_id)
            yield from _finish(oldest, where_columns, contacts)
    for thread in open_threads.values():
        yield from _finish(thread, where_columns, contacts)


def _finish(
    thread: _Thread, columns: tuple[tuple[str, str], ...], contacts: ContactBook
) -> Iterator[Record]:
    if thread.opened_by_us or not thread.messages:
        return
    where = Where(line=thread.line, columns=columns)
    messages = thread.messages
    if all(at is not None for at, *_ in messages):
        messages = sorted(messages, key=lambda m: (m[0], m[1]))
    created_text = thread.conversation.get(dict(columns)["created_at"], "")
    try:
        created_at = parse_timestamp(created_text) if created_text else messages[0][0]
    except ValueError as exc:
        yield Rejected(where, str(exc), column=dict(columns)["created_at"], raw=thread.conversation)
        return
    if created_at is None:
        yield Rejected(where, "no conversation or message time", raw=thread.conversation)
        return
    first = messages[0][2]
    author = {"name": first["person"], "email": first["email"]}
    person, account = _person_and_account(
        first["author_id"] or None, author, contacts, first_company(first["account"])
    )
    tags = thread.conversation.get(dict(columns)["tags"], "")
    yield EvidenceDraft(
        where=where,
        line=thread.line,
        external_id=thread.conversation_id,
        kind=EvidenceKind.CHAT,
        text="\n\n".join(cell["text"].strip() for _, _, cell, _ in messages),
        created_at=created_at,
        account=account,
        person=person,
        tags=[t.strip() for t in tags.split(",") if t.strip()],
        raw={"conversation": thread.conversation, "messages": [m[3] for m in messages]},
    )


def _has(index: dict[str, int], column: str) -> bool:
    return column.casefold() in index


def _positions(columns: dict[str, str], index: dict[str, int]) -> dict[str, int | None]:
    return {f: index.get(c.casefold()) for f, c in columns.items()}


def _cells(positions: dict[str, int | None], cells: list[str]) -> dict[str, str]:
    return {f: cells[i] if i is not None and i < len(cells) else "" for f, i in positions.items()}
