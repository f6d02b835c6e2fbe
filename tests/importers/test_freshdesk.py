"""Freshdesk tickets, from the UI's CSV export and from the REST API, imported into a
workspace and read back on SQLite and PostgreSQL.

The CSV has the export's own headers in its own order (the ticket fields, a custom field, then
the contact and company fields), ``%Y-%m-%d %H:%M:%S`` times in the exporting agent's zone,
and minimal quoting with LF line ends, as Freshdesk's Ruby CSV writer produces. The JSON is
``GET /api/v2/tickets?include=description,requester``: numeric status, priority and source.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.importers.exports import snapshot, utc, write_export
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.errors import InputError
from tradeoff.importers.batch import ImportReport
from tradeoff.importers.freshdesk import FreshdeskImporter
from tradeoff.importers.registry import run

NOTHING = (0, 0, 0, 0)
TICKET_FIELDS = [
    "Ticket ID", "Subject", "Description", "Status", "Priority", "Source", "Type", "Agent",
    "Group", "Created time", "Due by Time", "Resolved time", "Closed time", "Last update time",
    "Initial response time", "Time tracked", "First response time (in hrs)",
    "Resolution time (in hrs)", "Agent interactions", "Customer interactions",
    "Resolution status", "First response status", "Tags", "Survey results", "Product",
    "Plan tier",
]  # fmt: skip
CONTACT_FIELDS = [
    "Full name", "Email", "Work phone", "Mobile phone", "Facebook ID", "Twitter ID",
    "Contact ID", "Time zone", "Language", "Title", "Unique External ID",
]  # fmt: skip
COMPANY_FIELDS = [
    "Company Name", "Company Domains", "Health score", "Account tier", "Industry",
    "Renewal date",
]  # fmt: skip
HEADER = TICKET_FIELDS + CONTACT_FIELDS + COMPANY_FIELDS

ZOE = {"Full name": "Zoë O'Brien", "Email": "zoe.obrien@acme.example", "Contact ID": "4000301001",
       "Time zone": "London", "Language": "English", "Company Name": "Acme, Inc.",
       "Company Domains": "acme.example,acme.co.uk", "Account tier": "Premium",
       "Industry": "Manufacturing", "Renewal date": "2026-11-30"}  # fmt: skip
KENJI = {"Full name": "Kenji Watanabe", "Email": "kenji.w@gmail.com", "Contact ID": "4000301002",
         "Mobile phone": "+81 90 1234 5678", "Company Name": "Initech"}  # fmt: skip
BEA = {"Full name": "Bea Schmidt", "Email": "bea.schmidt@acme.example", "Contact ID": "4000301003",
       "Company Name": "Acme, Inc.", "Company Domains": "acme.example,acme.co.uk"}  # fmt: skip


def ticket_row(
    ticket_id: str,
    subject: str,
    description: str,
    source: str,
    created: str,
    contact: dict[str, str],
    **fields: str,
) -> dict[str, str]:
    row = {
        "Ticket ID": ticket_id, "Subject": subject, "Description": description,
        "Status": "Open", "Priority": "Medium", "Source": source, "Type": "Problem",
        "Agent": "Priya Natarajan", "Group": "Billing", "Created time": created,
        "Due by Time": "2026-03-07 11:22:31", "Last update time": created,
        "Agent interactions": "1", "Customer interactions": "1",
        "Resolution status": "Within SLA", "Product": "Ledgerly", "Plan tier": "Growth",
    }  # fmt: skip
    return {**row, **contact, **{k.replace("_", " "): v for k, v in fields.items()}}


def export_csv(rows: list[dict[str, str]], header: list[str] = HEADER) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return buffer.getvalue()


#: Times are the exporting agent's local time (Europe/Berlin, UTC+1 in March).
ROWS = [
    ticket_row(
        "5001", "Export drops accents",
        'Hi team,\nthe CSV export turns "Zoë" into "Zo?".\nThanks, Zoë',
        "Email", "2026-03-04 11:22:31", ZOE, Tags="export,billing", Status="Resolved",
        Resolved_time="2026-03-05 09:00:00",
    ),
    ticket_row(
        "5002", "Called about a blocked card", "<script>alert(1)</script>",
        "Phone", "2026-03-04 17:05:00", KENJI, Agent="Sam Rivera", Priority="Urgent",
    ),
    ticket_row(
        "5003", "Scheduled exports", '=HYPERLINK("http://x")', "Portal",
        "2026-03-05 12:00:00", BEA, Type="Feature Request", Agent="",
    ),
    ticket_row(
        "5004", "Chat with Zoë", "Dashboards time out when the range is a year", "Chat",
        "2026-03-06 09:30:00", ZOE, Tags="reporting",
    ),
    ticket_row(
        "5005", "Your renewal", "Following up on the call: you asked for SSO before renewal.",
        "Outbound Email", "2026-03-06 15:00:00", BEA, Agent="Sam Rivera",
    ),
]  # fmt: skip


def api_ticket(ticket_id: int, subject: str, html: str, text: str, **fields: Any) -> dict:
    """A ticket as ``GET /api/v2/tickets?include=description,requester`` lists it."""
    ticket = {
        "cc_emails": [], "fwd_emails": [], "reply_cc_emails": [], "ticket_cc_emails": [],
        "fr_escalated": False, "spam": False, "email_config_id": 4000012345,
        "group_id": 4000067890, "priority": 2, "requester_id": 4000301001,
        "responder_id": 4000200001, "source": 1, "company_id": None, "status": 2,
        "subject": subject, "association_type": None, "support_email": None, "to_emails": None,
        "product_id": None, "id": ticket_id, "type": "Problem",
        "due_by": "2026-03-07T10:22:31Z", "fr_due_by": "2026-03-05T10:22:31Z",
        "is_escalated": False, "custom_fields": {"cf_plan_tier": "Growth"},
        "created_at": "2026-03-04T10:22:31Z", "updated_at": "2026-03-04T10:30:00Z",
        "associated_tickets_count": None, "tags": [],
        "description": html, "description_text": text,
        "requester": {"id": 4000301001, "name": "Zoë O'Brien",
                      "email": "zoe.obrien@acme.example", "mobile": None, "phone": None},
    }  # fmt: skip
    ticket.update(fields)
    return ticket


KENJI_API = {"id": 4000301002, "name": "Kenji Watanabe", "email": "kenji.w@gmail.com",
             "mobile": "+81 90 1234 5678", "phone": None}  # fmt: skip
API_TICKETS = [
    api_ticket(
        5001, "Export drops accents",
        "<div>Hi team,<br>the CSV export turns &quot;Zoë&quot; into &quot;Zo?&quot;.</div>",
        'Hi team,\nthe CSV export turns "Zoë" into "Zo?".', tags=["export", "billing"],
        status=4, company_id=4000400001,
    ),
    api_ticket(
        5002, "Called about a blocked card", "<div>&lt;script&gt;alert(1)&lt;/script&gt;</div>",
        "<script>alert(1)</script>", source=3, priority=4, responder_id=4000200002,
        requester_id=4000301002, requester=KENJI_API,
    ),
    api_ticket(
        5004, "Chat with Zoë", "<div>Dashboards time out</div>", "", source=7, status=6,
    ),
    api_ticket(
        5005, "Your renewal", "<p>You asked for SSO before renewal.</p>",
        "You asked for SSO before renewal.", source=10, type="Feature Request",
        responder_id=None,
    ),
]  # fmt: skip
AGENTS_JSON = [
    {"available": True, "occasional": False, "id": 4000200002, "ticket_scope": 1,
     "created_at": "2024-01-10T09:00:00Z", "updated_at": "2026-01-10T09:00:00Z",
     "last_active_at": "2026-03-04T17:00:00Z", "type": "support_agent",
     "contact": {"active": True, "email": "sam.rivera@ledgerly.example", "job_title": "Agent",
                 "language": "en", "mobile": None, "name": "Sam Rivera", "phone": None,
                 "time_zone": "London"}},
]  # fmt: skip


def load(engine: Engine, path: Path, **options: Any) -> ImportReport:
    return run(engine, FreshdeskImporter(), path, **options)


def outcomes(report: ImportReport) -> tuple[int, int, int, int]:
    return report.inserted, report.updated, report.unchanged, report.rejected


#: The exporting agent's profile is set to Berlin.
BERLIN: dict[str, Any] = {"options": {"timezone": "Europe/Berlin"}}


# --- the UI's CSV export ----------------------------------------------------------------------


def test_ui_export_lands_with_requesters_companies_and_relaying_agents(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "tickets.csv", export_csv(ROWS))

    report = load(ledgerly, path, **BERLIN)

    assert outcomes(report) == (5, 0, 0, 0)
    stored = snapshot(ledgerly)
    assert sorted((a.name, a.domain) for a in stored.accounts) == [
        ("Acme, Inc.", "acme.example"),
        ("Initech", None),
    ]
    acme = next(a for a in stored.accounts if a.name == "Acme, Inc.")
    initech = next(a for a in stored.accounts if a.name == "Initech")
    people = {p.name: p for p in stored.people}
    assert set(people) == {"Zoë O'Brien", "Kenji Watanabe", "Bea Schmidt", "Sam Rivera"}
    assert people["Zoë O'Brien"].account_id == acme.id
    assert people["Kenji Watanabe"].account_id == initech.id
    assert (people["Sam Rivera"].role, people["Sam Rivera"].account_id) == (
        PersonRole.SUPPORT,
        None,
    )

    first = stored.item("5001")
    assert (first.source, first.kind, first.mode) == (
        "freshdesk",
        EvidenceKind.TICKET,
        EvidenceMode.OBSERVED,
    )
    assert first.title == "Export drops accents"
    assert first.text == 'Hi team,\nthe CSV export turns "Zoë" into "Zo?".\nThanks, Zoë'
    assert first.created_at == utc(2026, 3, 4, 10, 22, 31)
    assert first.tags == ["billing", "export"]
    assert (first.account_id, first.person_id, first.relayed_by_id) == (
        acme.id,
        people["Zoë O'Brien"].id,
        None,
    )
    assert first.raw["Plan tier"] == "Growth"
    assert first.raw["Resolved time"] == "2026-03-05 09:00:00"
    assert first.raw["Status"] == "Resolved"

    # An agent took the call and typed it: Kenji's words, relayed by Sam (principle 6).
    phoned = stored.item("5002")
    assert phoned.text == "<script>alert(1)</script>"
    assert phoned.created_at == utc(2026, 3, 4, 16, 5)
    assert (phoned.account_id, phoned.person_id, phoned.relayed_by_id) == (
        initech.id,
        people["Kenji Watanabe"].id,
        people["Sam Rivera"].id,
    )
    request = stored.item("5003")
    assert (request.text, request.mode) == ('=HYPERLINK("http://x")', EvidenceMode.STATED)
    assert request.relayed_by_id is None
    assert stored.item("5004").kind is EvidenceKind.CHAT
    outbound = stored.item("5005")
    assert (outbound.person_id, outbound.relayed_by_id) == (
        people["Bea Schmidt"].id,
        people["Sam Rivera"].id,
    )
    assert outbound.created_at == utc(2026, 3, 6, 14, 0)


def test_times_are_utc_unless_a_timezone_is_given(ledgerly: Engine, tmp_path: Path) -> None:
    path = write_export(tmp_path / "tickets.csv", export_csv(ROWS[:1]))

    load(ledgerly, path)

    assert snapshot(ledgerly).item("5001").created_at == utc(2026, 3, 4, 11, 22, 31)


def test_an_unknown_timezone_is_refused(ledgerly: Engine, tmp_path: Path) -> None:
    path = write_export(tmp_path / "tickets.csv", export_csv(ROWS[:1]))

    with pytest.raises(InputError, match="unknown time zone 'Mars/Olympus'"):
        load(ledgerly, path, options={"timezone": "Mars/Olympus"})

    assert snapshot(ledgerly).counts == NOTHING


def test_older_exports_and_renamed_columns_are_read(ledgerly: Engine, tmp_path: Path) -> None:
    header = ["Ticket Id", "Subject", "Status", "Requester Name", "Requester Email", "Company",
              "Opened", "Description"]  # fmt: skip
    row = {"Ticket Id": "77", "Subject": "Bulk pay", "Status": "Open",
           "Requester Name": "Tomás Ortega", "Requester Email": "tomas@umbrella.example",
           "Company": "Umbrella Corp", "Opened": "2026-02-11 14:30:00",
           "Description": "Can we pay 200 suppliers at once?"}  # fmt: skip
    path = write_export(tmp_path / "old.csv", export_csv([row], header))

    report = load(ledgerly, path, columns={"created_at": "Opened"})

    assert outcomes(report) == (1, 0, 0, 0)
    stored = snapshot(ledgerly)
    item = stored.item("77")
    assert (item.text, item.created_at) == (
        "Can we pay 200 suppliers at once?",
        utc(2026, 2, 11, 14, 30),
    )
    assert stored.person(item.person_id).email == "tomas@umbrella.example"
    assert stored.account(item.account_id).name == "Umbrella Corp"


# --- the API's JSON ---------------------------------------------------------------------------


def test_api_tickets_decode_their_codes_and_name_relaying_agents(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "tickets.json", json.dumps(API_TICKETS, ensure_ascii=False))
    agents = write_export(tmp_path / "agents.json", json.dumps(AGENTS_JSON))

    report = load(ledgerly, path, options={"agents": str(agents)})

    assert outcomes(report) == (4, 0, 0, 0)
    stored = snapshot(ledgerly)
    people = {p.name: p for p in stored.people}
    assert set(people) == {"Zoë O'Brien", "Kenji Watanabe", "Sam Rivera"}
    assert (people["Sam Rivera"].email, people["Sam Rivera"].role) == (
        "sam.rivera@ledgerly.example",
        PersonRole.SUPPORT,
    )
    # Only the email says where Zoë works; company 4000400001 is unknown here.
    assert [(a.name, a.domain) for a in stored.accounts] == []

    first = stored.item("5001")
    assert first.text == 'Hi team,\nthe CSV export turns "Zoë" into "Zo?".'
    assert (first.title, first.created_at) == ("Export drops accents", utc(2026, 3, 4, 10, 22, 31))
    assert first.tags == ["billing", "export"]
    assert first.raw["_decoded"] == {"status": "Resolved", "priority": "Medium", "source": "Email"}
    assert first.raw["description"].startswith("<div>Hi team,<br>")
    phoned = stored.item("5002")
    assert phoned.text == "<script>alert(1)</script>"
    assert (phoned.person_id, phoned.relayed_by_id) == (
        people["Kenji Watanabe"].id,
        people["Sam Rivera"].id,
    )
    assert phoned.raw["_decoded"] == {"status": "Open", "priority": "Urgent", "source": "Phone"}
    # No plain text: the HTML is read as text. A custom status keeps its number.
    chat = stored.item("5004")
    assert (chat.kind, chat.text) == (EvidenceKind.CHAT, "Dashboards time out")
    assert chat.raw["_decoded"]["status"] == "status 6"
    # Outbound with no agent assigned: nobody to name as the relay.
    outbound = stored.item("5005")
    assert (outbound.mode, outbound.relayed_by_id) == (EvidenceMode.STATED, None)


def test_a_csv_without_descriptions_fills_gaps_and_never_overwrites(
    ledgerly: Engine, tmp_path: Path
) -> None:
    api = write_export(tmp_path / "tickets.json", json.dumps(API_TICKETS[:1], ensure_ascii=False))
    load(ledgerly, api)
    no_description = [c for c in HEADER if c != "Description"]
    path = write_export(tmp_path / "tickets.csv", export_csv(ROWS[:1], no_description))

    report = load(ledgerly, path, **BERLIN)

    stored = snapshot(ledgerly)
    item = stored.item("5001")
    assert item.text == 'Hi team,\nthe CSV export turns "Zoë" into "Zo?".'
    assert item.account_id is not None
    assert stored.account(item.account_id).name == "Acme, Inc."
    assert report.updated == 1


# --- re-imports -------------------------------------------------------------------------------


def test_reimport_changes_nothing_and_an_overlapping_export_updates_in_place(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "tickets.csv", export_csv(ROWS))
    load(ledgerly, path, **BERLIN)
    before = snapshot(ledgerly)

    again = load(ledgerly, path, **BERLIN)

    assert outcomes(again) == (0, 0, 5, 0)
    after = snapshot(ledgerly)
    assert (len(after.evidence), len(after.accounts), len(after.people)) == (5, 2, 4)

    edited = dict(ROWS[3], Description="Dashboards time out when the range is two years")
    new = ticket_row(
        "5006", "Export to XLSX", "Please export straight to XLSX — finance hates CSV",
        "Email", "2026-03-07 10:00:00", ZOE,
    )  # fmt: skip
    next_week = write_export(tmp_path / "tickets-next-week.csv", export_csv([ROWS[2], edited, new]))

    report = load(ledgerly, next_week, **BERLIN)

    assert outcomes(report) == (1, 1, 1, 0)
    latest = snapshot(ledgerly)
    assert len(latest.evidence) == 6
    assert latest.item("5004").text == "Dashboards time out when the range is two years"
    assert latest.item("5004").id == before.item("5004").id
    assert (len(latest.accounts), len(latest.people)) == (2, 4)


# --- files and rows that cannot be read -------------------------------------------------------


def test_a_file_without_ticket_ids_is_refused(ledgerly: Engine, tmp_path: Path) -> None:
    header = [c for c in HEADER if c != "Ticket ID"]
    path = write_export(tmp_path / "tickets.csv", export_csv(ROWS, header))

    with pytest.raises(InputError) as caught:
        load(ledgerly, path)

    assert (caught.value.path, caught.value.line, caught.value.column) == (
        str(path),
        1,
        "Ticket ID",
    )
    assert snapshot(ledgerly).counts == NOTHING


def test_broken_json_is_refused_with_its_line(ledgerly: Engine, tmp_path: Path) -> None:
    text = json.dumps(API_TICKETS, indent=2)
    path = write_export(tmp_path / "tickets.json", text[:-40])

    with pytest.raises(InputError) as caught:
        load(ledgerly, path)

    assert caught.value.path == str(path)
    assert caught.value.line is not None
    assert snapshot(ledgerly).counts == NOTHING


def test_a_bad_row_stops_the_import_or_is_skipped(ledgerly: Engine, tmp_path: Path) -> None:
    rows = [ROWS[0], dict(ROWS[1], **{"Created time": "yesterday"}), ROWS[2]]
    path = write_export(tmp_path / "tickets.csv", export_csv(rows))

    with pytest.raises(InputError) as caught:
        load(ledgerly, path)

    # Row 5001 has a three-line description, so 5002 starts on line 5.
    assert (caught.value.line, caught.value.column) == (5, "Created time")
    assert "yesterday" in caught.value.message
    assert snapshot(ledgerly).counts == NOTHING

    report = load(ledgerly, path, skip_bad_rows=True)

    assert outcomes(report) == (2, 0, 0, 1)
    assert sorted(e.external_id for e in snapshot(ledgerly).evidence) == ["5001", "5003"]
    assert report.rejects_file == tmp_path / "tickets.csv.rejects.csv"
    rejects = list(csv.DictReader(io.StringIO(report.rejects_file.read_text(encoding="utf-8"))))
    assert [(r["line"], r["column"]) for r in rejects] == [("5", "Created time")]
    assert "yesterday" in rejects[0]["reason"]
