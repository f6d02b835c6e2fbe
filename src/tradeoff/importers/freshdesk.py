"""Freshdesk: the ticket CSV export from the UI, or tickets JSON from the REST API (v2).

Reads:
- The UI export (Tickets → Export → CSV): one row per ticket, headed with the field labels
  the agent ticked: ``Ticket ID, Subject, Description, Status, Priority, Source, Type, Agent,
  Group, Created time, Due by Time, Resolved time, Closed time, Last update time, ...,
  Tags, ...``, then custom fields by label, then contact fields (``Full name, Email, ...,
  Contact ID, ...``) and company fields (``Company Name, Company Domains, ...``). Status,
  priority and source are names ("Open", "Urgent", "Phone"); times are ``2026-03-04
  10:22:31`` in the exporting agent's time zone, with no offset (``--timezone Europe/Berlin``
  says which; UTC by default). Only ``Ticket ID``, ``Subject`` and ``Created time`` are
  required; every column can be renamed with ``--map FIELD=COLUMN`` (fields:
  ``CSV_COLUMNS``). Older exports' ``Requester Name`` / ``Requester Email`` / ``Company``
  columns are read too. Without a ``Description`` column the subject is the text and the
  row only fills gaps in a ticket already imported (from the API, say), never overwrites it.
- The API's tickets (``GET /api/v2/tickets?include=description,requester``, saved as a JSON
  array, JSON Lines, or the search API's ``{"results": [...]}``): ``id, subject,
  description`` (HTML), ``description_text, status`` (2 Open, 3 Pending, 4 Resolved,
  5 Closed; higher = a custom status), ``priority`` (1 Low … 4 Urgent), ``source`` (1 Email,
  2 Portal, 3 Phone, 4 Forum, 5 Twitter, 6 Facebook, 7 Chat, 8 MobiHelp, 9 Feedback Widget,
  10 Outbound Email, 11 Ecommerce, 12 Bot, 13 WhatsApp), ``type, requester_id``,
  ``requester{name, email}``, ``email, responder_id, company_id``, ``company{id, name}``,
  ``tags, created_at`` (ISO-8601). The decoded names are kept in the raw record under
  ``_decoded``. ``--agents agents.json`` (``GET /api/v2/agents``: ``id, contact{name,
  email}``) names the agents.

Mapping: a ticket is a ``ticket`` item (``chat`` when its source is Chat or WhatsApp),
observed by default, stated when its type is "Feature Request". The title is the subject; the
text is the description as plain text. The requester is the person it came from and their
company the account. A ticket typed by an agent — source Phone, where the agent logged the
call, or Outbound Email, where the agent wrote first — is relayed by the ticket's agent
(the responder) when one is set: principle 6 keeps both the customer and the proxy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
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
from tradeoff.importers.jsonfile import iter_records, load_lookup, text_of
from tradeoff.importers.locales import DATES_OPTION, Locale
from tradeoff.importers.repeats import newest_copies
from tradeoff.importers.textfile import FileFacts, inspect_file, raw_record, read_csv

SOURCE = "freshdesk"
STATUSES = {2: "Open", 3: "Pending", 4: "Resolved", 5: "Closed"}
PRIORITIES = {1: "Low", 2: "Medium", 3: "High", 4: "Urgent"}
SOURCES = {
    1: "Email", 2: "Portal", 3: "Phone", 4: "Forum", 5: "Twitter", 6: "Facebook", 7: "Chat",
    8: "MobiHelp", 9: "Feedback Widget", 10: "Outbound Email", 11: "Ecommerce", 12: "Bot",
    13: "WhatsApp",
}  # fmt: skip
#: Sources where an agent, not the customer, typed the ticket.
RELAYED_SOURCES = frozenset({"phone", "outbound email"})
CHAT_SOURCES = frozenset({"chat", "whatsapp"})
FEATURE_REQUEST_TYPES = frozenset({"feature request", "feature_request"})
#: The export's column for each field; later names are older exports' labels.
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "external_id": ("Ticket ID",),
    "title": ("Subject",),
    "text": ("Description",),
    "created_at": ("Created time",),
    "status": ("Status",),
    "priority": ("Priority",),
    "source": ("Source",),
    "type": ("Type",),
    "agent": ("Agent",),
    "tags": ("Tags",),
    "person": ("Full name", "Requester Name"),
    "email": ("Email", "Requester Email"),
    "contact_id": ("Contact ID",),
    "account": ("Company Name", "Company"),
    "account_domain": ("Company Domains",),
}
REQUIRED = ("external_id", "title", "created_at")


class FreshdeskImporter:
    name = "freshdesk"
    source = SOURCE
    summary = "Freshdesk tickets: the UI's ticket CSV export, or tickets JSON from the API."
    example = "tradeoff import freshdesk export/tickets.csv --timezone Europe/London"
    kind: EvidenceKind | None = EvidenceKind.TICKET
    default_mode: EvidenceMode | None = EvidenceMode.OBSERVED
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (
        ImporterOption(
            "timezone",
            "Time zone of the CSV export's times, as the exporting agent's profile sets it "
            "(default: UTC).",
        ),
        ImporterOption("agents", "agents.json from the API, naming responders.", is_path=True),
        DATES_OPTION,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        unknown = sorted(set(context.columns) - set(CSV_COLUMNS))
        if unknown:
            raise InputError(
                f"unknown field {unknown[0]!r} in --map; Freshdesk fields are: "
                + ", ".join(CSV_COLUMNS)
            )
        suffix = facts.path.suffix.lower()
        if suffix in {".xls", ".xlsx"}:
            raise InputError("export the tickets as CSV, not Excel", path=facts.path)
        locale = Locale.of(context)
        if suffix == ".csv":
            return read_export_csv(facts, context, locale)
        agents_file = context.options.get("agents")
        agents = load_lookup(inspect_file(Path(agents_file)), "agents") if agents_file else {}
        return newest_copies(_read_json(facts, context, agents, locale), "ticket")


def _reason(exc: Exception) -> str:
    if isinstance(exc, RuleViolation):
        return f"{exc.field}: {exc.message}"
    return str(exc)


# --- the UI's CSV export ----------------------------------------------------------------------


def read_export_csv(facts: FileFacts, context: ReadContext, locale: Locale) -> Iterator[Record]:
    """The UI export: one row per ticket, names instead of codes."""
    header, rows = read_csv(facts, context.on_progress)
    index = header_index(header)
    columns: dict[str, str] = {}
    for field_name, labels in CSV_COLUMNS.items():
        chosen = context.columns.get(field_name)
        candidates = (chosen,) if chosen else labels
        columns[field_name] = next((c for c in candidates if c.casefold() in index), candidates[0])
    for required in REQUIRED:
        if columns[required].casefold() not in index:
            raise InputError(
                f"no column {columns[required]!r}: is this a Freshdesk ticket export?",
                path=facts.path,
                line=1,
                column=columns[required],
            )
    partial = columns["text"].casefold() not in index
    where_columns = tuple(columns.items())
    for fit in rows_that_fit(header, rows, where_columns):
        if isinstance(fit, Rejected):
            yield fit
            continue
        where, row = fit
        cell = {
            f: row.cells[index[c.casefold()]].strip() if c.casefold() in index else ""
            for f, c in columns.items()
        }
        try:
            yield _csv_ticket(cell, where, locale, raw_record(header, row.cells), partial)
        except RuleViolation as exc:
            yield Rejected(where, exc.message, column=where.column_for(exc.field), raw=row.cells)


def _csv_ticket(
    cell: dict[str, str], where: Where, locale: Locale, raw: dict[str, Any], partial: bool
) -> EvidenceDraft:
    if not cell["external_id"]:
        raise RuleViolation("external_id", "the ticket id is empty")
    if not cell["title"] and not cell["text"]:
        raise RuleViolation("title", "the ticket has neither a subject nor a description")
    created_at = locale.when("created_at", cell["created_at"])
    source = cell["source"].lower()
    agent = cell["agent"]
    domains = [d.strip().lower() for d in cell["account_domain"].split(",") if d.strip()]
    return EvidenceDraft(
        where=where,
        line=where.line,
        external_id=cell["external_id"],
        kind=EvidenceKind.CHAT if source in CHAT_SOURCES else EvidenceKind.TICKET,
        mode=EvidenceMode.STATED if cell["type"].lower() in FEATURE_REQUEST_TYPES else None,
        title=cell["title"] or None,
        text=cell["text"] or cell["title"],
        created_at=created_at,
        account=AccountRef(name=cell["account"] or None, domain=domains[0] if domains else None),
        person=PersonRef(
            source=SOURCE if cell["contact_id"] else None,
            external_id=cell["contact_id"] or None,
            email=cell["email"] or None,
            name=cell["person"] or None,
            role=PersonRole.END_USER,
        ),
        relayed_by=PersonRef(name=agent, role=PersonRole.SUPPORT)
        if agent and source in RELAYED_SOURCES
        else PersonRef(),
        tags=[t.strip() for t in cell["tags"].split(",") if t.strip()],
        raw=raw,
        partial=partial,
    )


# --- the API's tickets JSON -------------------------------------------------------------------


def _read_json(
    facts: FileFacts, context: ReadContext, agents: dict[str, dict[str, Any]], locale: Locale
) -> Iterator[Record]:
    for json_path, line, ticket in iter_records(facts, "results", context.on_progress):
        where = Where(line=line, json_path=json_path)
        if not isinstance(ticket, dict):
            yield Rejected(where, "a ticket must be a JSON object")
            continue
        try:
            yield _api_ticket(ticket, where, agents, locale)
        except (RuleViolation, ValueError) as exc:
            yield Rejected(where, _reason(exc), raw=ticket)


def _code(ticket: dict[str, Any], key: str, names: dict[int, str]) -> str | None:
    """A numeric code's name; an unknown code (a custom status) keeps its number."""
    value = ticket.get(key)
    if value is None or value == "":
        return None
    try:
        code = int(value)
    except (TypeError, ValueError):
        return str(value)
    return names.get(code, f"{key} {code}")


def _api_ticket(
    ticket: dict[str, Any], where: Where, agents: dict[str, dict[str, Any]], locale: Locale
) -> EvidenceDraft:
    ticket_id = text_of(ticket.get("id"))
    if ticket_id is None:
        raise RuleViolation("id", "a ticket needs an id")
    subject = text_of(ticket.get("subject"))
    text = (
        text_of(ticket.get("description_text"))
        or html_to_text(str(ticket.get("description") or ""))
        or subject
    )
    if not text:
        raise RuleViolation("description", "the ticket has neither a description nor a subject")
    created = text_of(ticket.get("created_at"))
    if created is None:
        raise RuleViolation("created_at", "missing")
    decoded = {
        "status": _code(ticket, "status", STATUSES),
        "priority": _code(ticket, "priority", PRIORITIES),
        "source": _code(ticket, "source", SOURCES),
    }
    source = (decoded["source"] or "").lower()
    requester = _object(ticket, "requester")
    requester_id = text_of(ticket.get("requester_id")) or text_of(requester.get("id"))
    company = _object(ticket, "company")
    company_id = text_of(ticket.get("company_id")) or text_of(company.get("id"))
    responder_id = text_of(ticket.get("responder_id"))
    kind = str(ticket.get("type") or "").lower()
    return EvidenceDraft(
        where=where,
        line=where.line,
        external_id=ticket_id,
        kind=EvidenceKind.CHAT if source in CHAT_SOURCES else EvidenceKind.TICKET,
        mode=EvidenceMode.STATED if kind in FEATURE_REQUEST_TYPES else None,
        title=subject,
        text=text,
        created_at=locale.timestamp(created),
        account=AccountRef(
            source=SOURCE if company_id else None,
            external_id=company_id,
            name=text_of(company.get("name")),
        ),
        person=PersonRef(
            source=SOURCE if requester_id else None,
            external_id=requester_id,
            email=text_of(requester.get("email")) or text_of(ticket.get("email")),
            name=text_of(requester.get("name"))
            or (f"Freshdesk contact {requester_id}" if requester_id else None),
            role=PersonRole.END_USER,
        ),
        relayed_by=_agent(responder_id, agents) if source in RELAYED_SOURCES else PersonRef(),
        tags=[str(t) for t in ticket.get("tags") or [] if str(t).strip()],
        raw={**ticket, "_decoded": {k: v for k, v in decoded.items() if v is not None}},
    )


def _object(ticket: dict[str, Any], key: str) -> dict[str, Any]:
    """An embedded object (``include=requester``), or nothing when it was not asked for."""
    value = ticket.get(key)
    return value if isinstance(value, dict) else {}


def _agent(agent_id: str | None, agents: dict[str, dict[str, Any]]) -> PersonRef:
    if agent_id is None:
        return PersonRef()
    contact = agents.get(agent_id, {}).get("contact") or {}
    return PersonRef(
        source=SOURCE,
        external_id=agent_id,
        email=text_of(contact.get("email")),
        name=text_of(contact.get("name")) or f"Freshdesk agent {agent_id}",
        role=PersonRole.SUPPORT,
    )
