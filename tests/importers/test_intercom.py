"""Intercom conversations, as the REST API returns them and as per-message CSV exporters write
them, imported into a workspace and read back on SQLite and PostgreSQL.

The fixtures follow Intercom's conversation model (Unix-second times, HTML bodies with
entities escaped, wrapped lists such as ``{"type": "tag.list", "tags": [...]}``) and the
column set of the IntercomExport per-message CSV (``2017-11-14 21:45:08`` UTC times).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tests.importers.exports import snapshot, utc, write_export
from tradeoff.analysis.text.message import MESSAGE_BREAK
from tradeoff.analysis.text.theme_text import as_said
from tradeoff.domain.accounts import Account
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.errors import InputError
from tradeoff.importers.batch import ImportReport
from tradeoff.importers.intercom import IntercomImporter, first_company
from tradeoff.importers.intercom import messages as intercom_messages
from tradeoff.importers.registry import run
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

NOTHING = (0, 0, 0, 0)
ZOE = "6650c1a2f1e3b4001f8e0a11"
JURGEN = "6650c1a2f1e3b4001f8e0a22"
KENJI = "6650c1a2f1e3b4001f8e0a33"
ADMIN = {"type": "admin", "id": "7301", "name": "Sam Rivera", "email": "sam@ledgerly.example"}
#: Between a conversation's messages in the stored text (``thread_text``).
BREAK = f"\n\n{MESSAGE_BREAK}\n\n"
BOT = {"type": "bot", "id": "7399", "name": "Operator", "email": "operator+x@intercom.io"}


def part(part_id: str, part_type: str, body: str | None, author: dict[str, Any], at: int) -> dict:
    return {
        "type": "conversation_part",
        "id": part_id,
        "part_type": part_type,
        "body": body,
        "created_at": at,
        "updated_at": at,
        "notified_at": at,
        "assigned_to": None,
        "author": author,
        "attachments": [],
        "external_id": None,
        "redacted": False,
    }


def user(contact_id: str, name: str | None, email: str | None, kind: str = "user") -> dict:
    return {"type": kind, "id": contact_id, "name": name, "email": email}


def conversation(
    conversation_id: str,
    created_at: int,
    source_author: dict[str, Any],
    body: str,
    *,
    delivered_as: str = "customer_initiated",
    contact: str | None = None,
    parts: list[dict[str, Any]] | None = None,
    tags: tuple[str, ...] = (),
    rating: dict[str, Any] | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """A conversation as ``GET /conversations/{id}`` returns it (API 2.x)."""
    return {
        "type": "conversation",
        "id": conversation_id,
        "created_at": created_at,
        "updated_at": created_at + 600,
        "waiting_since": None,
        "snoozed_until": None,
        "source": {
            "type": "conversation",
            "id": f"1{conversation_id}",
            "delivered_as": delivered_as,
            "subject": "",
            "body": body,
            "author": source_author,
            "attachments": [],
            "url": "https://app.ledgerly.example/exports",
            "redacted": False,
        },
        "contacts": {
            "type": "contact.list",
            "contacts": [{"type": "contact", "id": contact, "external_id": f"u-{contact[-2:]}"}]
            if contact
            else [],
        },
        "teammates": {"type": "admin.list", "admins": []},
        "title": title,
        "admin_assignee_id": 7301,
        "team_assignee_id": None,
        "custom_attributes": {},
        "open": False,
        "state": "closed",
        "read": True,
        "tags": {
            "type": "tag.list",
            "tags": [{"type": "tag", "id": str(100 + i), "name": t} for i, t in enumerate(tags)],
        },
        "priority": "not_priority",
        "conversation_rating": rating,
        "statistics": None,
        "conversation_parts": {
            "type": "conversation_part.list",
            "conversation_parts": parts or [],
            "total_count": len(parts or []),
        },
    }


ACME_EXPORT = conversation(
    "215470391",
    1772619751,  # 2026-03-04 10:22:31 UTC
    user(ZOE, "Zoë O'Brien", "zoe.obrien@acme.example"),
    "<p>The CSV export turns <b>Zoë</b> into Zo?</p><p>Can you fix it?</p>",
    contact=ZOE,
    parts=[
        part("901", "assignment", None, ADMIN, 1772619800),
        part("902", "comment", "<p>Thanks Zoë, looking into it.</p>", ADMIN, 1772619900),
        part("903", "note", "<p>Legacy plan, escalate.</p>", ADMIN, 1772619950),
        part(
            "904",
            "comment",
            "<p>The preview shows &lt;script&gt;alert(1)&lt;/script&gt;</p>",
            user(ZOE, "Zoë O'Brien", "zoe.obrien@acme.example"),
            1772620000,
        ),
        part("905", "comment", "<p>Did that answer your question?</p>", BOT, 1772620010),
        part(
            "906",
            "comment",
            '<p>=HYPERLINK("http://x")</p>',
            user(ZOE, "Zoë O'Brien", "zoe.obrien@acme.example"),
            1772620100,
        ),
        part("907", "close", None, ADMIN, 1772620200),
    ],
    tags=("export", "billing"),
    rating={"rating": 2, "remark": "Still broken after a week", "created_at": 1772620300},
)
OUTREACH = conversation(
    "215470392",
    1772706151,
    ADMIN,
    "<p>Hi! How is reporting going for you?</p>",
    delivered_as="admin_initiated",
    contact=KENJI,
    parts=[part("911", "comment", "<p>It's fine.</p>", user(KENJI, "Kenji", None), 1772706200)],
)
JURGEN_INVOICES = conversation(
    "215470393",
    1772792551,  # 2026-03-06 10:22:31 UTC
    user(JURGEN, "Jürgen Weiß", None, kind="lead"),
    "<p>Können wir Rechnungen als PDF &amp; CSV exportieren?</p>",
    contact=JURGEN,
    title="Rechnungen exportieren",
)
BOT_ONLY = conversation(
    "215470394",
    1772792600,
    BOT,
    "<p>Hi there 👋 How can we help?</p>",
    delivered_as="operator_initiated",
    contact=KENJI,
)


def conversations_json(*items: dict[str, Any]) -> str:
    listing = {
        "type": "conversation.list",
        "pages": {"type": "pages", "page": 1, "per_page": 20, "total_pages": 1},
        "total_count": len(items),
        "conversations": list(items),
    }
    return json.dumps(listing, ensure_ascii=False, indent=2)


CONTACTS_CSV = """\
id,email,name,company
6650c1a2f1e3b4001f8e0a11,zoe.obrien@acme.example,Zoë O'Brien,"Acme, Inc."
6650c1a2f1e3b4001f8e0a22,,Jürgen Weiß,Weiß Metallbau GmbH
"""


def contacts_json(*contacts: tuple[str, str | None, str, str]) -> str:
    """``GET /contacts``: companies are named by id only."""
    data = [
        {
            "type": "contact",
            "id": contact_id,
            "external_id": None,
            "role": "user",
            "email": email,
            "name": name,
            "companies": {
                "type": "list",
                "data": [{"type": "company", "id": company, "url": f"/companies/{company}"}],
                "url": f"/contacts/{contact_id}/companies",
                "total_count": 1,
                "has_more": False,
            },
        }
        for contact_id, email, name, company in contacts
    ]
    return json.dumps({"type": "list", "data": data, "total_count": len(data)})


MESSAGES_HEADER = (
    "message_id,message_body,message_type,message_created_at,message_author_type,"
    "message_author_id,message_author_user_id,message_author_name,message_author_email,"
    "message_author_companies,conversation_tags,conversation_id,conversation_state,"
    "conversation_created_at,conversation_first_response_at,conversation_closed_at,app_id,"
    "app_name"
)
#: Rows of conversations 501 and 503 interleave; 502 is our outreach; line 3 is the second
#: line of a quoted two-line body, so message 9002 starts on line 4.
MESSAGES_CSV = f"""\
{MESSAGES_HEADER}
9001,"Hi, the CSV export turns ""Zoë"" into ""Zo?"".
Thanks",conversation_message,2026-03-04 10:22:31,user,{ZOE},u-11,Zoë O'Brien,\
zoe.obrien@acme.example,"Acme, Inc.","export,billing",501,closed,2026-03-04 10:22:31,\
2026-03-04 10:25:00,2026-03-04 11:00:00,abc123,Ledgerly
9002,Quick question: how is reporting going?,conversation_message,2026-03-05 09:00:00,admin,\
7301,,Sam Rivera,sam@ledgerly.example,,,502,open,2026-03-05 09:00:00,,,abc123,Ledgerly
9003,Thanks Zoë — looking into it.,comment,2026-03-04 10:25:00,admin,7301,,Sam Rivera,\
sam@ledgerly.example,,"export,billing",501,closed,2026-03-04 10:22:31,2026-03-04 10:25:00,\
2026-03-04 11:00:00,abc123,Ledgerly
9004,Rechnungen als PDF? <script>alert(1)</script>,conversation_message,2026-03-06 10:22:31,\
lead,{JURGEN},,Jürgen Weiß,,Weiß Metallbau GmbH,,503,open,2026-03-06 10:22:31,,,abc123,Ledgerly
9005,Reporting is fine.,comment,2026-03-05 09:30:00,user,{KENJI},u-33,Kenji Watanabe,\
kenji.w@gmail.com,Initech,,502,open,2026-03-05 09:00:00,,,abc123,Ledgerly
9006,Legacy plan — escalate.,note,2026-03-04 10:26:00,admin,7301,,Sam Rivera,\
sam@ledgerly.example,,"export,billing",501,closed,2026-03-04 10:22:31,2026-03-04 10:25:00,\
2026-03-04 11:00:00,abc123,Ledgerly
9007,"=HYPERLINK(""http://x"")",comment,2026-03-04 10:40:00,user,{ZOE},u-11,Zoë O'Brien,\
zoe.obrien@acme.example,"Acme, Inc.","export,billing",501,closed,2026-03-04 10:22:31,\
2026-03-04 10:25:00,2026-03-04 11:00:00,abc123,Ledgerly
9008,Our team will reply in a few hours.,comment,2026-03-06 10:22:40,bot,7399,,Operator,,,,503,\
open,2026-03-06 10:22:31,,,abc123,Ledgerly
9009,,close,2026-03-04 11:00:00,admin,7301,,Sam Rivera,sam@ledgerly.example,,"export,billing",\
501,closed,2026-03-04 10:22:31,2026-03-04 10:25:00,2026-03-04 11:00:00,abc123,Ledgerly
"""


def load(engine: Engine, path: Path, **options: Any) -> ImportReport:
    return run(engine, IntercomImporter(), path, **options)


def outcomes(report: ImportReport) -> tuple[int, int, int, int]:
    return report.inserted, report.updated, report.unchanged, report.rejected


# --- the conversations JSON -------------------------------------------------------------------


def test_conversations_json_keeps_the_customers_words_only(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(
        tmp_path / "conversations.json",
        conversations_json(ACME_EXPORT, OUTREACH, JURGEN_INVOICES, BOT_ONLY),
    )
    contacts = write_export(tmp_path / "contacts.csv", CONTACTS_CSV)

    report = load(ledgerly, path, options={"contacts": str(contacts)})

    # Our outreach and a bot greeting nobody answered are not evidence, nor refused.
    assert outcomes(report) == (2, 0, 0, 0)
    stored = snapshot(ledgerly)
    assert [e.external_id for e in stored.evidence] == ["215470391", "215470393"]
    assert sorted((a.name, a.domain) for a in stored.accounts) == [
        ("Acme, Inc.", "acme.example"),
        ("Weiß Metallbau GmbH", None),
    ]
    acme = next(a for a in stored.accounts if a.name == "Acme, Inc.")
    weiss = next(a for a in stored.accounts if a.name == "Weiß Metallbau GmbH")
    people = {p.name: p for p in stored.people}
    assert set(people) == {"Zoë O'Brien", "Jürgen Weiß"}
    assert (people["Zoë O'Brien"].email, people["Zoë O'Brien"].account_id) == (
        "zoe.obrien@acme.example",
        acme.id,
    )
    assert (people["Jürgen Weiß"].email, people["Jürgen Weiß"].role) == (None, PersonRole.END_USER)

    first = stored.item("215470391")
    assert (first.source, first.kind, first.mode) == (
        "intercom",
        EvidenceKind.CHAT,
        EvidenceMode.OBSERVED,
    )
    # Opening message, the customer's two replies and the rating remark; no teammate, note
    # or bot words. Escaped markup in the HTML is the customer's literal text.
    assert first.text == BREAK.join(
        [
            "The CSV export turns Zoë into Zo?\n\nCan you fix it?",
            "The preview shows <script>alert(1)</script>",
            '=HYPERLINK("http://x")',
            "Still broken after a week",
        ]
    )
    assert first.title is None
    assert first.created_at == utc(2026, 3, 4, 10, 22, 31)
    assert first.tags == ["billing", "export"]
    assert first.rating == 2.0
    assert (first.account_id, first.person_id, first.relayed_by_id) == (
        acme.id,
        people["Zoë O'Brien"].id,
        None,
    )
    assert first.raw == ACME_EXPORT
    assert first.url is None

    second = stored.item("215470393")
    assert second.text == "Können wir Rechnungen als PDF & CSV exportieren?"
    assert second.title == "Rechnungen exportieren"
    assert second.created_at == utc(2026, 3, 6, 10, 22, 31)
    assert (second.account_id, second.person_id) == (weiss.id, people["Jürgen Weiß"].id)
    assert (second.rating, second.tags) == (None, [])


ANNA = user("6650c1a2f1e3b4001f8e0a44", "Anna Smith", "anna@northwind-pets.example")


def signed_chat(*replies: str) -> dict[str, Any]:
    """Anna's chat of 1 January: an opening message signed "Thanks, Anna", our teammate's
    question, then her replies."""
    at = 1767225600
    parts = [part("9001", "comment", "<p>Which warehouses are they?</p>", ADMIN, at + 600)]
    parts += [
        part(str(9002 + n), "comment", reply, ANNA, at + 1200 + 600 * n)
        for n, reply in enumerate(replies)
    ]
    opening = (
        "<p>Hi team,</p><p>Stock transfers between our two warehouses get stuck in "
        "transit.</p><p>Thanks,<br>Anna</p>"
    )
    return conversation("215470401", at, ANNA, opening, contact=ANNA["id"], parts=parts)


def test_a_reply_below_a_signed_opening_message_is_read_and_found(
    capsys: pytest.CaptureFixture[str], ledgerly: Engine, workspace_url: str, tmp_path: Path
) -> None:
    """A QA round's chats: stored as one text, the opening message's "Thanks,\\nAnna" was
    read as a sign-off and the short reply below it as her signature, so themes, quotes and
    search never saw the reply. Each message is now read on its own."""
    chat = signed_chat(
        "<p>Also the freezer barcode scanner loses every scan when the wifi drops offline.</p>",
        "<p>Hi again,</p><p>The stock counts are off by a dozen after each scan run.</p>"
        "<p>Best regards,<br>Anna Smith<br>Operations Lead | Northwind Pets<br>"
        "Tel: +1 (503) 555-0142</p>",
        "<p>ok thanks!</p>",
    )
    path = write_export(tmp_path / "conversations.json", conversations_json(chat))
    imported = run_cli(capsys, "--db", workspace_url, "import", "intercom", str(path))
    assert imported.exit_code == 0, imported.stderr

    item = snapshot(ledgerly).item("215470401")
    assert as_said(item.kind, item.text) == (
        "Stock transfers between our two warehouses get stuck in transit.\n\n"
        "Also the freezer barcode scanner loses every scan when the wifi drops offline.\n\n"
        "The stock counts are off by a dozen after each scan run."
    )
    found = run_cli(
        capsys, "--db", workspace_url, "search", "freezer scanner wifi offline", "--format", "json"
    )
    assert found.exit_code == 0, found.stderr
    hits = json.loads(found.stdout)
    assert [h["external_id"] for h in hits] == ["215470401"]
    assert "freezer barcode scanner loses every scan" in hits[0]["snippet"]


def test_api_contacts_name_companies_by_id_which_the_matched_account_learns(
    ledgerly: Engine, tmp_path: Path
) -> None:
    with write_session(ledgerly) as session:
        acme = repository.add(session, Account(name="Acme, Inc.", domain="acme.example"))
    kenji_asks = conversation(
        "215470395",
        1772878951,
        user(KENJI, "Kenji Watanabe", "kenji.w@gmail.com"),
        "<p>Reporting is fine, but I rebuild the same spreadsheet every week</p>",
        contact=KENJI,
    )
    path = write_export(
        tmp_path / "conversations.json", conversations_json(ACME_EXPORT, kenji_asks)
    )
    contacts = write_export(
        tmp_path / "contacts.json",
        contacts_json(
            (ZOE, "zoe.obrien@acme.example", "Zoë O'Brien", "c-acme"),
            (KENJI, "kenji.w@gmail.com", "Kenji Watanabe", "c-acme"),
        ),
    )

    report = load(ledgerly, path, options={"contacts": str(contacts)})

    assert outcomes(report) == (2, 0, 0, 0)
    stored = snapshot(ledgerly)
    # Zoë's work address finds Acme, which learns Intercom's company id; Kenji writes from
    # free mail and is placed by that id.
    assert [a.name for a in stored.accounts] == ["Acme, Inc."]
    assert stored.item("215470391").account_id == acme.id
    assert stored.item("215470395").account_id == acme.id
    assert report.created_accounts == 0


def test_conversations_as_json_lines_with_bare_contact_lists(
    ledgerly: Engine, tmp_path: Path
) -> None:
    bare = dict(JURGEN_INVOICES, contacts=[{"type": "contact", "id": JURGEN}])
    lines = "\n".join(json.dumps(c, ensure_ascii=False) for c in (OUTREACH, bare)) + "\n"
    path = write_export(tmp_path / "conversations.jsonl", lines)

    assert outcomes(load(ledgerly, path)) == (1, 0, 0, 0)
    stored = snapshot(ledgerly)
    assert [p.name for p in stored.people] == ["Jürgen Weiß"]
    assert stored.item("215470393").person_id == stored.people[0].id
    assert stored.accounts == []


# --- the per-message CSV ----------------------------------------------------------------------


def test_message_csv_groups_interleaved_rows_into_conversations(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "intercom-messages.csv", MESSAGES_CSV)

    report = load(ledgerly, path)

    assert outcomes(report) == (2, 0, 0, 0)
    stored = snapshot(ledgerly)
    assert sorted(a.name for a in stored.accounts) == ["Acme, Inc.", "Weiß Metallbau GmbH"]
    assert sorted(p.name for p in stored.people) == ["Jürgen Weiß", "Zoë O'Brien"]
    acme = next(a for a in stored.accounts if a.name == "Acme, Inc.")
    zoe = next(p for p in stored.people if p.name == "Zoë O'Brien")

    first = stored.item("501")
    assert (first.kind, first.mode) == (EvidenceKind.CHAT, EvidenceMode.OBSERVED)
    assert first.text == (
        f'Hi, the CSV export turns "Zoë" into "Zo?".\nThanks{BREAK}=HYPERLINK("http://x")'
    )
    # The reply below the first message's "Thanks" is read, not cut as its signature.
    assert as_said(first.kind, first.text) == (
        'the CSV export turns "Zoë" into "Zo?".\n\n=HYPERLINK("http://x")'
    )
    assert first.created_at == utc(2026, 3, 4, 10, 22, 31)
    assert first.tags == ["billing", "export"]
    assert (first.account_id, first.person_id, first.relayed_by_id) == (acme.id, zoe.id, None)
    assert [m["message_id"] for m in first.raw["messages"]] == ["9001", "9007"]
    assert first.raw["conversation"] == {
        "conversation_id": "501",
        "conversation_tags": "export,billing",
        "conversation_state": "closed",
        "conversation_created_at": "2026-03-04 10:22:31",
    }
    # Plain text from the exporter is stored exactly as written.
    assert stored.item("503").text == "Rechnungen als PDF? <script>alert(1)</script>"
    assert stored.item("503").created_at == utc(2026, 3, 6, 10, 22, 31)


def test_message_csv_columns_can_be_renamed(ledgerly: Engine, tmp_path: Path) -> None:
    renamed = MESSAGES_CSV.replace("conversation_id", "Conversation").replace(
        "message_body", "Body", 1
    )
    path = write_export(tmp_path / "renamed.csv", renamed)

    report = load(ledgerly, path, columns={"external_id": "Conversation", "text": "Body"})

    assert outcomes(report) == (2, 0, 0, 0)
    assert {e.external_id for e in snapshot(ledgerly).evidence} == {"501", "503"}


def test_message_csv_refuses_a_conversation_resumed_after_it_was_finished(
    ledgerly: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(intercom_messages, "MAX_OPEN_CONVERSATIONS", 1)
    path = write_export(tmp_path / "intercom-messages.csv", MESSAGES_CSV)

    with pytest.raises(InputError) as caught:
        load(ledgerly, path)

    # 501 is finished when 502 opens (line 4); its next row, on line 5, is too late.
    assert (caught.value.path, caught.value.line, caught.value.column) == (
        str(path),
        5,
        "conversation_id",
    )
    assert "sort the file by conversation_id" in caught.value.message
    assert snapshot(ledgerly).counts == NOTHING


def test_company_lists_keep_legal_forms_with_their_name() -> None:
    assert first_company("Acme, Inc., Globex") == "Acme, Inc."
    assert first_company("Globex, Acme, Inc.") == "Globex"
    assert first_company("Weiß Metallbau GmbH") == "Weiß Metallbau GmbH"
    assert first_company("") is None


# --- re-imports -------------------------------------------------------------------------------


def test_reimport_changes_nothing_and_an_overlapping_export_updates_in_place(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(
        tmp_path / "conversations.json", conversations_json(ACME_EXPORT, JURGEN_INVOICES)
    )
    load(ledgerly, path)
    before = snapshot(ledgerly)

    again = load(ledgerly, path)

    assert outcomes(again) == (0, 0, 2, 0)
    after = snapshot(ledgerly)
    assert (len(after.evidence), len(after.accounts), len(after.people)) == (2, 0, 2)
    assert [e.text for e in after.evidence] == [e.text for e in before.evidence]

    # A week later: Zoë wrote once more, Jürgen's conversation is as it was, Kenji is new.
    zoe = ACME_EXPORT["source"]["author"]
    followed_up = json.loads(json.dumps(ACME_EXPORT))
    followed_up["conversation_parts"]["conversation_parts"].append(
        part("908", "comment", "<p>Any news?</p>", zoe, 1773224551)
    )
    kenji_asks = conversation(
        "215470395",
        1773224600,
        user(KENJI, "Kenji Watanabe", "kenji.w@gmail.com"),
        "<p>Please export straight to XLSX</p>",
        contact=KENJI,
    )
    next_week = write_export(
        tmp_path / "conversations-next-week.json",
        conversations_json(followed_up, JURGEN_INVOICES, kenji_asks),
    )

    report = load(ledgerly, next_week)

    assert outcomes(report) == (1, 1, 1, 0)
    latest = snapshot(ledgerly)
    assert sorted(e.external_id for e in latest.evidence) == ["215470391", "215470393", "215470395"]
    assert latest.item("215470391").text == before.item("215470391").text.replace(
        f"{BREAK}Still broken", f"{BREAK}Any news?{BREAK}Still broken"
    )
    assert latest.item("215470391").id == before.item("215470391").id
    assert len(latest.people) == 3


def test_message_csv_reimport_changes_nothing(ledgerly: Engine, tmp_path: Path) -> None:
    path = write_export(tmp_path / "intercom-messages.csv", MESSAGES_CSV)
    load(ledgerly, path)

    assert outcomes(load(ledgerly, path)) == (0, 0, 2, 0)
    assert len(snapshot(ledgerly).evidence) == 2


# --- files and rows that cannot be read -------------------------------------------------------


def test_broken_json_stops_with_its_line_and_writes_nothing(
    ledgerly: Engine, tmp_path: Path
) -> None:
    text = conversations_json(ACME_EXPORT, JURGEN_INVOICES)
    path = write_export(tmp_path / "conversations.json", text[: len(text) // 2])

    with pytest.raises(InputError) as caught:
        load(ledgerly, path)

    assert caught.value.path == str(path)
    assert caught.value.line is not None
    assert caught.value.message.startswith("not valid JSON")
    assert snapshot(ledgerly).counts == NOTHING


def test_csv_without_a_conversation_id_column_is_refused(ledgerly: Engine, tmp_path: Path) -> None:
    path = write_export(
        tmp_path / "chats.csv", "id,body,author,created\n1,Hello,user,2026-03-04 10:22:31\n"
    )

    with pytest.raises(InputError) as caught:
        load(ledgerly, path)

    assert (caught.value.line, caught.value.column) == (1, "conversation_id")
    assert "per-message Intercom export" in caught.value.message
    assert snapshot(ledgerly).counts == NOTHING


def bad_timestamp_lines() -> str:
    bad = {"id": "215470396", "created_at": "last Tuesday", "source": ACME_EXPORT["source"]}
    rows = (JURGEN_INVOICES, bad, ACME_EXPORT)
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"


def test_a_bad_conversation_stops_the_import_with_its_line_and_field(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "conversations.jsonl", bad_timestamp_lines())

    with pytest.raises(InputError) as caught:
        load(ledgerly, path)

    assert (caught.value.path, caught.value.line, caught.value.column) == (
        str(path),
        2,
        "created_at",
    )
    assert "last Tuesday" in caught.value.message
    assert snapshot(ledgerly).counts == NOTHING


def test_skipping_bad_rows_lands_the_good_ones_and_lists_the_bad(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "conversations.jsonl", bad_timestamp_lines())

    report = load(ledgerly, path, skip_bad_rows=True)

    assert outcomes(report) == (2, 0, 0, 1)
    assert sorted(e.external_id for e in snapshot(ledgerly).evidence) == ["215470391", "215470393"]
    assert report.rejects_file == tmp_path / "conversations.jsonl.rejects.csv"
    rejects = list(csv.DictReader(io.StringIO(report.rejects_file.read_text(encoding="utf-8"))))
    assert [(r["line"], r["json_path"], r["column"]) for r in rejects] == [
        ("2", "line 2", "created_at")
    ]
    assert "last Tuesday" in rejects[0]["reason"]


def test_a_bad_message_row_stops_the_csv_import_or_is_skipped(
    ledgerly: Engine, tmp_path: Path
) -> None:
    broken = MESSAGES_CSV.replace("comment,2026-03-04 10:40:00", "comment,04/31/2026 25:00")
    path = write_export(tmp_path / "intercom-messages.csv", broken)

    with pytest.raises(InputError) as caught:
        load(ledgerly, path)

    assert (caught.value.line, caught.value.column) == (9, "message_created_at")
    assert snapshot(ledgerly).counts == NOTHING

    report = load(ledgerly, path, skip_bad_rows=True)

    assert outcomes(report) == (2, 0, 0, 1)
    assert (
        snapshot(ledgerly).item("501").text == 'Hi, the CSV export turns "Zoë" into "Zo?".\nThanks'
    )
    assert report.rejects_file is not None
    rejects = list(csv.DictReader(io.StringIO(report.rejects_file.read_text(encoding="utf-8"))))
    assert [(r["line"], r["column"]) for r in rejects] == [("9", "message_created_at")]
