"""Zendesk: the JSON ticket export with users and organizations, and the CSV view export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.domain.evidence import EvidenceItem, ImportBatch
from tradeoff.errors import InputError
from tradeoff.importers.registry import run
from tradeoff.importers.zendesk import ZendeskImporter
from tradeoff.storage import repository
from tradeoff.storage.session import read_session

ORGANIZATIONS = {
    "organizations": [
        {
            "id": 360112917521,
            "url": "https://ledgerly.zendesk.com/api/v2/organizations/360112917521.json",
            "name": "Brightwater Logistics Ltd",
            "external_id": "0015g0000SIUSu8AQH",
            "domain_names": ["brightwater.example"],
            "tags": ["mid_market"],
            "organization_fields": {"plan": "plan_scale"},
            "created_at": "2025-10-01T07:39:26Z",
        }
    ],
    "next_page": None,
    "count": 1,
}
USERS = {
    "users": [
        {
            "id": 381121302822,
            "name": "Zoë O'Brien",
            "email": "zoe.obrien@brightwater.example",
            "role": "end-user",
            "organization_id": 360112917521,
        },
        {
            "id": 381004492433,
            "name": "Priya Raman",
            "email": "priya.raman@ledgerly.example",
            "role": "agent",
            "organization_id": None,
        },
    ],
    "count": 2,
}


def ticket(ticket_id: int, **overrides: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "url": f"https://ledgerly.zendesk.com/api/v2/tickets/{ticket_id}.json",
        "id": ticket_id,
        "external_id": None,
        "via": {"channel": "web", "source": {"from": {}, "to": {}, "rel": None}},
        "created_at": "2026-03-04T10:22:31Z",
        "updated_at": "2026-03-05T08:00:00Z",
        "type": "incident",
        "subject": "Card declined at the fuel station",
        "raw_subject": "Card declined at the fuel station",
        "description": "My card was declined twice today <script>alert(1)</script>",
        "priority": "high",
        "status": "open",
        "requester_id": 381121302822,
        "submitter_id": 381121302822,
        "assignee_id": 381004492433,
        "organization_id": 360112917521,
        "group_id": 360009610000,
        "tags": ["cards", "declines"],
        "custom_fields": [{"id": 360020114731, "value": "area_cards"}],
        "satisfaction_rating": {"score": "bad", "comment": "still broken"},
    }
    value.update(overrides)
    return value


def write_export(folder: Path, tickets: list[dict[str, Any]]) -> Path:
    (folder / "organizations.json").write_text(json.dumps(ORGANIZATIONS), encoding="utf-8")
    (folder / "users.json").write_text(json.dumps(USERS), encoding="utf-8")
    path = folder / "tickets.json"
    body = ",\n".join(json.dumps(t) for t in tickets)
    path.write_text(
        '{"tickets":[\n'
        + body
        + f'\n],"next_page":null,"count":{len(tickets)},"end_of_stream":true}}',
        encoding="utf-8",
    )
    return path


def items(engine: Engine) -> list[EvidenceItem]:
    with read_session(engine) as session:
        return repository.list_all(session, EvidenceItem)


def test_tickets_become_evidence_with_their_people_and_account(
    ledgerly: Engine, tmp_path: Path
) -> None:
    logged_by_agent = ticket(
        10002,
        submitter_id=381004492433,
        via={"channel": "voice"},
        description="Customer called: wants payouts in EUR",
        tags=["feature_request"],
    )
    chat = ticket(10003, via={"channel": "native_messaging"}, satisfaction_rating=None)
    path = write_export(tmp_path, [ticket(10001), logged_by_agent, chat])
    report = run(ledgerly, ZendeskImporter(), path)
    assert report.by_entity == {
        "accounts": {"inserted": 1},
        "people": {"inserted": 2},
        "evidence items": {"inserted": 3},
    }
    with read_session(ledgerly) as session:
        (account,) = repository.list_all(session, Account)
        people = {p.email: p for p in repository.list_all(session, Person)}
    assert (account.name, account.domain) == ("Brightwater Logistics Ltd", "brightwater.example")
    zoe = people["zoe.obrien@brightwater.example"]
    priya = people["priya.raman@ledgerly.example"]
    assert (zoe.name, zoe.role, zoe.account_id) == ("Zoë O'Brien", PersonRole.END_USER, account.id)
    assert (priya.role, priya.account_id) == (PersonRole.SUPPORT, None)
    first, relayed, chatted = items(ledgerly)
    assert first.text == "My card was declined twice today <script>alert(1)</script>"
    assert (first.kind, first.mode, first.rating) == (
        EvidenceKind.TICKET,
        EvidenceMode.OBSERVED,
        0.0,
    )
    assert (first.person_id, first.relayed_by_id, first.account_id) == (zoe.id, None, account.id)
    assert first.tags == ["cards", "declines"]
    assert first.raw["custom_fields"] == [{"id": 360020114731, "value": "area_cards"}]
    assert (relayed.person_id, relayed.relayed_by_id) == (zoe.id, priya.id)
    assert relayed.mode is EvidenceMode.STATED
    assert (chatted.kind, chatted.rating) == (EvidenceKind.CHAT, None)


def test_reimport_is_unchanged_and_an_overlapping_export_updates_in_place(
    ledgerly: Engine, tmp_path: Path
) -> None:
    first = tmp_path / "week1"
    first.mkdir()
    run(ledgerly, ZendeskImporter(), write_export(first, [ticket(1), ticket(2)]))
    again = run(ledgerly, ZendeskImporter(), first / "tickets.json")
    assert (again.inserted, again.updated) == (0, 0)
    second = tmp_path / "week2"
    second.mkdir()
    edited = ticket(2, description="Declined again, now at the hotel")
    report = run(ledgerly, ZendeskImporter(), write_export(second, [edited, ticket(3)]))
    assert report.by_entity["evidence items"] == {"updated": 1, "inserted": 1}
    assert [(i.external_id, i.text) for i in items(ledgerly)] == [
        ("1", ticket(1)["description"]),
        ("2", "Declined again, now at the hotel"),
        ("3", ticket(3)["description"]),
    ]


def test_a_broken_json_file_names_the_line_and_writes_nothing(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path, [ticket(1)])
    path.write_text(path.read_text(encoding="utf-8").replace('"id": 1,', '"id": 1,,'), "utf-8")
    with pytest.raises(InputError) as caught:
        run(ledgerly, ZendeskImporter(), path)
    assert caught.value.line == 2
    assert "not valid JSON" in str(caught.value)
    with read_session(ledgerly) as session:
        assert repository.count(session, ImportBatch) == 0
        assert repository.count(session, Account) == 0


def test_a_bad_ticket_stops_the_import_or_is_rejected_with_skip(
    ledgerly: Engine, tmp_path: Path
) -> None:
    bad = ticket(2, created_at="yesterday-ish")
    path = write_export(tmp_path, [ticket(1), bad, ticket(3)])
    with pytest.raises(InputError, match=r"tickets\[1\]: created_at: not a date or time"):
        run(ledgerly, ZendeskImporter(), path)
    assert items(ledgerly) == []
    report = run(ledgerly, ZendeskImporter(), path, skip_bad_rows=True)
    assert (report.by_entity["evidence items"], report.rejected) == ({"inserted": 2}, 1)
    assert report.rejects_file is not None
    rejects = report.rejects_file.read_text(encoding="utf-8")
    assert "tickets[1]" in rejects
    assert "yesterday-ish" in rejects


def test_a_repeated_id_is_folded_and_undecodable_bytes_are_placed(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """A ticket the export returned twice is one item (tests/importers/test_zendesk_repeats
    covers which copy); bytes that are no text have a path and a line."""
    path = write_export(tmp_path, [ticket(1), ticket(2), ticket(2)])
    report = run(ledgerly, ZendeskImporter(), path)
    assert report.by_entity["evidence items"] == {"inserted": 2}
    assert report.deal_notes[0].startswith("1 ticket appeared more than once")
    (tmp_path / "again").mkdir()
    path = write_export(tmp_path / "again", [ticket(1), ticket(2), ticket(3)])
    data = path.read_bytes()
    at = data.rindex(b'"description"') + len(b'"description": "')
    path.write_bytes(data[:at] + b"\x81" + data[at:])  # no text in UTF-8 nor in cp1252
    with pytest.raises(InputError) as caught:
        run(ledgerly, ZendeskImporter(), path)
    assert caught.value.line == 1 + data.count(b"\n", 0, at)
    assert "bytes 81" in str(caught.value)
    assert sorted(i.external_id for i in items(ledgerly)) == ["1", "2"]  # the broken file: none


def test_the_view_export_fills_gaps_without_overwriting_bodies(
    ledgerly: Engine, tmp_path: Path
) -> None:
    run(ledgerly, ZendeskImporter(), write_export(tmp_path, [ticket(1)]))
    view = tmp_path / "view.csv"
    view.write_text(
        "Summation column,Id,Requester,Requester email,Organization,Subject,Tags,"
        "Ticket type,Via,Created at\n"
        ",1,Zoë O'Brien,zoe.obrien@brightwater.example,Brightwater Logistics Ltd,"
        '"Card declined at the fuel station",cards declines,Incident,Web form,2026-03-04 10:22\n'
        ",4,Sam Reid,sam@brightwater.example,Brightwater Logistics Ltd,"
        '"=HYPERLINK(""http://x"")",,Question,Chat,2026-03-06 09:15\n',
        encoding="utf-8",
    )
    report = run(ledgerly, ZendeskImporter(), view)
    assert report.by_entity["evidence items"] == {"unchanged": 1, "inserted": 1}
    first, new = items(ledgerly)
    assert first.text == ticket(1)["description"]
    assert (new.text, new.kind) == ('=HYPERLINK("http://x")', EvidenceKind.CHAT)
    assert new.account_id == first.account_id


def test_a_changed_side_file_is_imported_even_when_the_tickets_are_not(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path, [ticket(1)])
    run(ledgerly, ZendeskImporter(), path)
    renamed = json.loads((tmp_path / "users.json").read_text(encoding="utf-8"))
    renamed["users"][0]["name"] = "Zoë O'Brien-Hart"
    (tmp_path / "users.json").write_text(json.dumps(renamed), encoding="utf-8")
    report = run(ledgerly, ZendeskImporter(), path)
    assert not report.already_imported
    assert report.by_entity["people"] == {"updated": 1, "unchanged": 1}
    with read_session(ledgerly) as session:
        names = sorted(p.name or "" for p in repository.list_all(session, Person))
    assert names == ["Priya Raman", "Zoë O'Brien-Hart"]
