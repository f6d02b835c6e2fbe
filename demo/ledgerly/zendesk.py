"""Zendesk exports: users, organizations, the incremental ticket export (JSON) and the
Reporting > Export CSV of the last two months (the same tickets, by id).

Field names, value vocabularies and date formats follow Zendesk's API and its CSV export;
the CSV columns are the legacy export's labels (``Summation column``, ``Requester email``,
``Created at`` as ``2026-03-04 10:22``, tags space-separated, custom fields as
``Title [list]``). The CSV export has no description column: ticket text only comes in JSON.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ledgerly.common import (
    END,
    INTERNAL_DOMAIN,
    START,
    iso_z,
    unix,
    write_csv,
    write_records_json,
)
from ledgerly.common import zendesk_csv_time as when
from ledgerly.tickets import GROUPS, Ticket
from ledgerly.world import Account, Person, TeamMember, World

HOST = "https://ledgerly.zendesk.example/api/v2"
SUPPORT_ADDRESS = f"support@{INTERNAL_DOMAIN}"
PRODUCT_AREA_FIELD = 360_020_114_731
PLAN_FIELD = 360_020_114_751
GROUP_IDS = {name: 360_009_610_000 + 137 * i for i, name in enumerate(sorted(set(GROUPS.values())))}
CSV_WINDOW_START = datetime(2026, 9, 1, tzinfo=UTC)
ZONES = {
    "US": ("Eastern Time (US & Canada)", "America/New_York", "en-US", 1),
    "GB": ("London", "Europe/London", "en-GB", 1176),
    "IE": ("Dublin", "Europe/Dublin", "en-GB", 1176),
    "DE": ("Berlin", "Europe/Berlin", "de", 8),
    "FR": ("Paris", "Europe/Paris", "fr", 16),
    "NL": ("Amsterdam", "Europe/Amsterdam", "nl", 9),
    "ES": ("Madrid", "Europe/Madrid", "es", 2),
}
SYNTHETIC_NOTE = "Synthetic demo record (Tradeoff demo, fictional company Ledgerly)."
CSV_HEADER = (
    "Summation column", "Id", "Requester", "Requester id", "Requester external id",
    "Requester email", "Requester domain", "Submitter", "Assignee", "Group", "Subject", "Tags",
    "Status", "Priority", "Via", "Ticket type", "Created at", "Updated at", "Assigned at",
    "Organization", "Due date", "Initially assigned at", "Solved at", "Resolution time",
    "Satisfaction Score", "Group stations", "Assignee stations", "Reopens", "Replies",
    "First reply time in minutes", "First reply time in minutes within business hours",
    "First resolution time in minutes",
    "First resolution time in minutes within business hours",
    "Full resolution time in minutes", "Full resolution time in minutes within business hours",
    "Agent wait time in minutes", "Agent wait time in minutes within business hours",
    "Requester wait time in minutes", "Requester wait time in minutes within business hours",
    "On hold time in minutes", "On hold time in minutes within business hours",
    "Product area [list]", "Plan [list]",
)  # fmt: skip


def _user(
    zendesk_id: int,
    name: str,
    email: str,
    role: str,
    created: datetime,
    country: str,
    organization: int | None,
    job_title: str | None,
) -> dict[str, Any]:
    zone, iana, locale, locale_id = ZONES[country]
    return {
        "id": zendesk_id,
        "url": f"{HOST}/users/{zendesk_id}.json",
        "name": name,
        "email": email,
        "created_at": iso_z(created),
        "updated_at": iso_z(created),
        "time_zone": zone,
        "iana_time_zone": iana,
        "locale_id": locale_id,
        "locale": locale,
        "organization_id": organization,
        "role": role,
        "verified": True,
        "external_id": None,
        "tags": [],
        "active": True,
        "notes": SYNTHETIC_NOTE,
        "ticket_restriction": "requested" if role == "end-user" else None,
        "restricted_agent": role == "agent",
        "user_fields": {"job_title": job_title},
    }


def user_records(world: World) -> list[dict[str, Any]]:
    staff = [
        _user(
            m.zendesk_id,
            m.name,
            m.email,
            "admin" if m.role == "support_lead" else "agent",
            START,
            "GB",
            None,
            m.title,
        )
        for m in world.team
        if m.zendesk_id is not None
    ]
    customers = [
        _user(
            p.zendesk_id,
            p.name,
            p.email,
            "end-user",
            p.created_at,
            p.country,
            p.account.zendesk_id if p.account else None,
            p.title,
        )
        for p in world.people
    ]
    return sorted(staff + customers, key=lambda u: u["id"])


def organization_records(world: World) -> list[dict[str, Any]]:
    records = []
    for account in sorted((a for a in world.accounts if a.is_customer), key=lambda a: a.zendesk_id):
        joined = min(p.created_at for p in account.people)
        records.append(
            {
                "id": account.zendesk_id,
                "url": f"{HOST}/organizations/{account.zendesk_id}.json",
                "name": account.name,
                "shared_tickets": False,
                "shared_comments": False,
                "external_id": account.salesforce_id,
                "created_at": iso_z(joined),
                "updated_at": iso_z(joined),
                "domain_names": [account.domain],
                "details": "",
                "notes": SYNTHETIC_NOTE,
                "group_id": None,
                "tags": [account.segment.lower().replace("-", "_")],
                "organization_fields": {
                    "plan": f"plan_{account.plan.lower()}",
                    "salesforce_account_id": account.salesforce_id,
                },
            }
        )
    return records


def subject(ticket: Ticket) -> str:
    """What the subject line would be: chats get Zendesk's generated one; otherwise the
    customer's first words (their text itself when it is short)."""
    if ticket.channel == "chat":
        return f"Chat with {ticket.requester.name}"
    text = " ".join(ticket.text.split())
    if len(text) <= 50:
        return text
    cut = text[:47].rsplit(" ", 1)[0]
    return f"{cut}..."


def _via(ticket: Ticket) -> dict[str, Any]:
    source: dict[str, Any] = {"from": {}, "to": {}, "rel": None}
    if ticket.channel == "email":
        source["from"] = {"address": ticket.requester.email, "name": ticket.requester.name}
        source["to"] = {"name": "Ledgerly Support", "address": SUPPORT_ADDRESS}
    elif ticket.channel == "mobile_sdk":
        source["rel"] = "mobile_sdk"
    return {"channel": ticket.channel, "source": source}


def _plan_value(account: Account | None) -> str | None:
    return f"plan_{account.plan.lower()}" if account else "plan_self_serve"


def _satisfaction(ticket: Ticket) -> dict[str, Any]:
    if ticket.satisfaction in {"good", "bad"}:
        return {"id": 360_700_000_000 + ticket.id, "score": ticket.satisfaction, "comment": ""}
    return {"score": ticket.satisfaction}


def ticket_tags(ticket: Ticket) -> list[str]:
    tags = [ticket.area, _plan_value(ticket.account) or "", *ticket.tags]
    return sorted(set(filter(None, tags)))


def ticket_record(ticket: Ticket) -> dict[str, Any]:
    requester = ticket.requester
    submitter = ticket.submitter.zendesk_id if ticket.submitter else requester.zendesk_id
    fields = [
        {"id": PRODUCT_AREA_FIELD, "value": ticket.area},
        {"id": PLAN_FIELD, "value": _plan_value(ticket.account)},
    ]
    return {
        "url": f"{HOST}/tickets/{ticket.id}.json",
        "id": ticket.id,
        "external_id": None,
        "via": _via(ticket),
        "created_at": iso_z(ticket.created_at),
        "updated_at": iso_z(ticket.updated_at),
        "generated_timestamp": unix(ticket.updated_at),
        "type": ticket.kind,
        "subject": subject(ticket),
        "raw_subject": subject(ticket),
        "description": ticket.text,
        "priority": ticket.priority,
        "status": ticket.status,
        "recipient": SUPPORT_ADDRESS if ticket.channel == "email" else None,
        "requester_id": requester.zendesk_id,
        "submitter_id": submitter,
        "assignee_id": ticket.assignee.zendesk_id if ticket.assignee else None,
        "organization_id": requester.account.zendesk_id if requester.account else None,
        "group_id": GROUP_IDS[ticket.group] if ticket.group else None,
        "is_public": True,
        "tags": ticket_tags(ticket),
        "custom_fields": fields,
        "satisfaction_rating": _satisfaction(ticket),
    }


def _minutes(start: datetime, end: datetime | None) -> int | str:
    return "" if end is None else int((end - start).total_seconds() // 60)


def _csv_row(ticket: Ticket) -> list[object]:
    person: Person = ticket.requester
    agent: TeamMember | None = ticket.assignee
    assigned = when(ticket.created_at) if agent else ""
    resolution = _minutes(ticket.created_at, ticket.solved_at)
    business = "" if resolution == "" else int(int(resolution) * 0.45)
    reply = ticket.first_reply_minutes or ""
    return [
        1, ticket.id, person.name, person.zendesk_id, "", person.email,
        person.email.rsplit("@", 1)[1],
        ticket.submitter.name if ticket.submitter else person.name,
        agent.name if agent else "", ticket.group, subject(ticket),
        " ".join(ticket_tags(ticket)), ticket.status, ticket.priority, ticket.channel,
        ticket.kind or "", when(ticket.created_at), when(ticket.updated_at), assigned,
        person.account.name if person.account else "", "", assigned,
        when(ticket.solved_at) if ticket.solved_at else "",
        "" if resolution == "" else int(resolution) // 60,
        ticket.satisfaction, 1 if agent else 0, 1 if agent else 0, 0, ticket.replies,
        reply, "" if reply == "" else int(int(reply) * 0.7), resolution, business,
        resolution, business, 0, 0, resolution, business, 0, 0,
        ticket.area, _plan_value(person.account),
    ]  # fmt: skip


def write_zendesk(folder: Path, world: World, tickets: list[Ticket]) -> dict[str, int]:
    """users.json and organizations.json as the list endpoints return them; tickets.json as
    the time-based incremental export's last (and only) page; the CSV for September-October."""
    records = [ticket_record(t) for t in tickets]
    users = user_records(world)
    organizations = organization_records(world)
    recent = [t for t in tickets if t.created_at >= CSV_WINDOW_START]
    last_update = max(t.updated_at for t in tickets)
    return {
        "zendesk/users.json": write_records_json(
            folder / "users.json",
            "users",
            users,
            next_page=None,
            previous_page=None,
            count=len(users),
        ),
        "zendesk/organizations.json": write_records_json(
            folder / "organizations.json",
            "organizations",
            organizations,
            next_page=None,
            previous_page=None,
            count=len(organizations),
        ),
        "zendesk/tickets.json": write_records_json(
            folder / "tickets.json",
            "tickets",
            records,
            next_page=None,
            count=len(records),
            end_of_stream=True,
            end_time=unix(min(last_update, END)),
        ),
        "zendesk/tickets-view.csv": write_csv(
            folder / "tickets-view.csv", CSV_HEADER, [_csv_row(t) for t in recent]
        ),
    }
