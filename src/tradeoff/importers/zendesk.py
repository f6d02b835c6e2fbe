"""Zendesk: the ticket export as JSON, or the CSV view export.

Reads:
- ``tickets.json`` from the Incremental Ticket Export API or the admin JSON export:
  ``{"tickets": [...]}``, a bare array, or JSON Lines (one ticket per line). Fields used:
  ``id, url, subject, description, type, status, priority, tags, via.channel,
  requester_id, submitter_id, organization_id, satisfaction_rating.score, created_at``.
  Paged API output may hold several pages, appended one after another or one per line;
  pages fetched with ``include=users,organizations`` carry those lists beside the tickets.
- ``users.json`` and ``organizations.json`` (``{"users": [...]}``, ``{"organizations":
  [...]}``) beside the tickets file, or named with ``--users`` / ``--organizations``: they
  resolve requesters to people and organisations to accounts (by id, then domain, then name).
- A CSV view export (``.csv``): ``Id, Requester, Requester email, Organization, Subject,
  Tags, Ticket type, Via, Created at`` (``2026-03-04 10:22``). It has no ticket body, so the
  subject is the text.

Mapping: a ticket is a ``ticket`` item (``chat`` when it came through chat or messaging),
observed by default, stated when tagged as a feature request. The requester is the person it
came from; a submitter other than the requester (an agent logging a call) relayed it.
Satisfaction "good" / "bad" becomes a rating of 1 / 0. Agents and admins are ``support``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.drafts import (
    AccountDraft,
    AccountRef,
    EvidenceDraft,
    PersonDraft,
    PersonRef,
    Record,
    Rejected,
    Where,
)
from tradeoff.importers.jsonfile import iter_records, load_lookup, sideloaded, text_of
from tradeoff.importers.locales import DATES_OPTION, Locale
from tradeoff.importers.repeats import newest_copies
from tradeoff.importers.textfile import FileFacts, inspect_file, read_csv
from tradeoff.importers.values import parse_tags, parse_timestamp

SOURCE = "zendesk"
CHAT_CHANNELS = frozenset({"chat", "native_messaging", "messaging", "sunshine_conversations"})
FEATURE_REQUEST_TAGS = frozenset({"feature_request", "feature-request", "feature_requests"})
AGENT_ROLES = frozenset({"agent", "admin"})
SATISFACTION = {"good": 1.0, "bad": 0.0}


class ZendeskImporter:
    name = "zendesk"
    source = SOURCE
    summary = (
        "Zendesk tickets: the JSON ticket export (with users and organizations) "
        "or a CSV view export."
    )
    example = "tradeoff import zendesk export/tickets.json --users export/users.json"
    kind: EvidenceKind | None = EvidenceKind.TICKET
    default_mode: EvidenceMode | None = EvidenceMode.OBSERVED
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (
        ImporterOption(
            "users",
            "users.json (default: beside the tickets file).",
            is_path=True,
            beside=("users.json",),
        ),
        ImporterOption(
            "organizations",
            "organizations.json (default: beside the tickets file).",
            is_path=True,
            beside=("organizations.json",),
        ),
        DATES_OPTION,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        if facts.path.suffix.lower() == ".csv":
            return read_view_csv(facts, context, Locale.of(context))
        return newest_copies(self._read_json(facts, context), "ticket")

    def _read_json(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        organizations = {
            **_sideloaded(facts, "organizations"),
            **_side_file(facts.path, context.options.get("organizations"), "organizations"),
        }
        users = {
            **_sideloaded(facts, "users"),
            **_side_file(facts.path, context.options.get("users"), "users"),
        }
        for org_id, org in organizations.items():
            yield _organization(org_id, org)
        for user_id, user in users.items():
            yield _user(user_id, user, organizations)
        for json_path, line, ticket in iter_records(facts, "tickets", context.on_progress):
            where = Where(line=line, json_path=json_path)
            if not isinstance(ticket, dict):
                yield Rejected(where, "a ticket must be a JSON object")
                continue
            try:
                yield _ticket(ticket, where, users, organizations)
            except (RuleViolation, ValueError, KeyError) as exc:
                yield Rejected(where, _reason(exc), raw=ticket)


def _timestamp(field: str, text: str) -> datetime:
    """``parse_timestamp``, a bad value named by its field ("created_at: not a date …")."""
    try:
        return parse_timestamp(text)
    except ValueError as exc:
        raise RuleViolation(field, str(exc)) from None


def _reason(exc: Exception) -> str:
    if isinstance(exc, RuleViolation):
        return f"{exc.field}: {exc.message}"
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}"
    return str(exc)


def _sideloaded(facts: FileFacts, kind: str) -> dict[str, dict[str, Any]]:
    """Users or organizations the export carries beside its tickets
    (``?include=users,organizations``), by id."""
    return {
        str(value["id"]): value
        for value in sideloaded(facts, kind)
        if isinstance(value, dict) and value.get("id") is not None
    }


def _side_file(tickets: Path, given: str | None, kind: str) -> dict[str, dict[str, Any]]:
    path = Path(given) if given else tickets.with_name(f"{kind}.json")
    if not given and not path.exists():
        return {}
    return load_lookup(inspect_file(path), kind)


def _organization(org_id: str, org: dict[str, Any]) -> AccountDraft:
    domains = [d for d in org.get("domain_names") or [] if isinstance(d, str)]
    fields = org.get("organization_fields") or {}
    attributes = {str(k): str(v) for k, v in fields.items() if v not in (None, "")}
    return AccountDraft(
        where=Where(json_path=f"organizations[id={org_id}]"),
        external_id=org_id,
        name=str(org.get("name") or f"Zendesk organization {org_id}"),
        domain=domains[0].lower() if domains else None,
        attributes=attributes,
    )


def _user(user_id: str, user: dict[str, Any], orgs: dict[str, dict[str, Any]]) -> PersonDraft:
    org_id = text_of(user.get("organization_id"))
    return PersonDraft(
        where=Where(json_path=f"users[id={user_id}]"),
        external_id=user_id,
        name=text_of(user.get("name")),
        email=text_of(user.get("email")),
        role=PersonRole.SUPPORT if user.get("role") in AGENT_ROLES else PersonRole.END_USER,
        account=_account_ref(org_id, orgs),
    )


def _account_ref(org_id: str | None, orgs: dict[str, dict[str, Any]]) -> AccountRef:
    if org_id is None:
        return AccountRef()
    org = orgs.get(org_id, {})
    domains = org.get("domain_names") or []
    return AccountRef(
        source=SOURCE,
        external_id=org_id,
        name=text_of(org.get("name")),
        domain=str(domains[0]).lower() if domains else None,
    )


def _person_ref(user_id: str | None, users: dict[str, dict[str, Any]]) -> PersonRef:
    if user_id is None:
        return PersonRef()
    user = users.get(user_id, {})
    role = None
    if user:
        role = PersonRole.SUPPORT if user.get("role") in AGENT_ROLES else PersonRole.END_USER
    return PersonRef(
        source=SOURCE,
        external_id=user_id,
        email=text_of(user.get("email")),
        name=text_of(user.get("name")) or f"Zendesk user {user_id}",
        role=role,
    )


def _ticket(
    ticket: dict[str, Any],
    where: Where,
    users: dict[str, dict[str, Any]],
    orgs: dict[str, dict[str, Any]],
) -> EvidenceDraft:
    ticket_id = text_of(ticket["id"])
    if ticket_id is None:
        raise RuleViolation("id", "a ticket needs an id")
    subject = text_of(ticket.get("subject")) or text_of(ticket.get("raw_subject"))
    text = text_of(ticket.get("description")) or subject
    if text is None:
        raise RuleViolation("description", "the ticket has neither a description nor a subject")
    created = text_of(ticket.get("created_at"))
    if created is None:
        raise RuleViolation("created_at", "missing")
    tags = [str(t) for t in ticket.get("tags") or []]
    channel = str((ticket.get("via") or {}).get("channel") or "")
    requester = text_of(ticket.get("requester_id"))
    submitter = text_of(ticket.get("submitter_id"))
    rating = (ticket.get("satisfaction_rating") or {}).get("score")
    return EvidenceDraft(
        where=where,
        line=where.line,
        external_id=ticket_id,
        kind=EvidenceKind.CHAT if channel in CHAT_CHANNELS else EvidenceKind.TICKET,
        mode=EvidenceMode.STATED if FEATURE_REQUEST_TAGS & set(tags) else None,
        title=subject,
        text=text,
        created_at=_timestamp("created_at", created),
        account=_account_ref(text_of(ticket.get("organization_id")), orgs),
        person=_person_ref(requester, users),
        relayed_by=_person_ref(submitter, users)
        if submitter and submitter != requester
        else PersonRef(),
        rating=SATISFACTION.get(str(rating)) if isinstance(rating, str) else None,
        tags=tags,
        url=text_of(ticket.get("url")),
        raw=ticket,
    )


VIEW_COLUMNS = {
    "external_id": "Id",
    "person": "Requester",
    "email": "Requester email",
    "account": "Organization",
    "title": "Subject",
    "tags": "Tags",
    "created_at": "Created at",
    "via": "Via",
}


def read_view_csv(facts: FileFacts, context: ReadContext, locale: Locale) -> Iterator[Record]:
    """The CSV view export: one row per ticket, subject but no body; its dates are written
    in the exporting agent's locale (``--dates``)."""
    header, rows = read_csv(facts, context.on_progress)
    columns = {field: context.column(field, default) for field, default in VIEW_COLUMNS.items()}
    index = {name: i for i, name in reversed(list(enumerate(header)))}
    for required in ("external_id", "title", "created_at"):
        if columns[required] not in index:
            raise InputError(
                f"no column {columns[required]!r}: is this a Zendesk view export?",
                path=facts.path,
                line=1,
                column=columns[required],
            )
    for row in rows:
        where = Where(line=row.line, columns=tuple(columns.items()))
        cells = {
            f: row.cells[index[c]].strip() if c in index and index[c] < len(row.cells) else ""
            for f, c in columns.items()
        }
        try:
            if not cells["title"]:
                raise RuleViolation("title", "the subject is empty")
            yield EvidenceDraft(
                where=where,
                line=row.line,
                external_id=cells["external_id"],
                kind=EvidenceKind.CHAT
                if cells["via"].lower() in {"chat", "messaging"}
                else EvidenceKind.TICKET,
                title=cells["title"],
                text=cells["title"],
                created_at=locale.timestamp(cells["created_at"]),
                account=AccountRef(name=cells["account"] or None),
                person=PersonRef(
                    email=cells["email"] or None,
                    name=cells["person"] or None,
                    role=PersonRole.END_USER,
                ),
                tags=parse_tags(cells["tags"].replace(" ", ",")) if cells["tags"] else [],
                raw=dict(zip(header, row.cells, strict=False)),
                partial=True,
            )
        except RuleViolation as exc:
            yield Rejected(where, exc.message, column=where.column_for(exc.field), raw=row.cells)
        except ValueError as exc:
            yield Rejected(where, str(exc), column=columns["created_at"], raw=row.cells)
