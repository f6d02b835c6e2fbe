"""Copies across channels are told by the words said: an HTML ticket re-sent as a survey
answer is one piece of demand, whichever export is imported first."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tradeoff.domain.evidence import EvidenceItem
from tradeoff.importers.batch import ImportReport
from tradeoff.importers.freshdesk import FreshdeskImporter
from tradeoff.importers.intercom import IntercomImporter
from tradeoff.importers.registry import run
from tradeoff.importers.surveys import SurveyImporter
from tradeoff.storage import repository
from tradeoff.storage.changelog import undo_batch
from tradeoff.storage.session import read_session, write_session

LABELS = "I can't print shipping labels, the PDF that downloads is blank."
#: Zoë and Bea both work at Acme; Freshdesk names the company, the survey only the email.
ZOE = ("Zoë O'Brien", "zoe.obrien@acme.example")
BEA = ("Bea Schmidt", "bea.schmidt@acme.example")
FRESHDESK_HEADER = [
    "Ticket ID", "Subject", "Description", "Status", "Source", "Created time", "Full name",
    "Email", "Company Name", "Company Domains",
]  # fmt: skip
TYPEFORM_HEADER = [
    "#", "How likely are you to recommend Ledgerly to a friend or colleague?",
    "What is the main reason for your score?", "email", "name", "company", "Response Type",
    "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)", "Network ID", "Tags",
]  # fmt: skip
TYPEFORM_MAP = {
    "text": "What is the main reason for your score?",
    "rating": "How likely are you to recommend Ledgerly to a friend or colleague?",
}
DELIGHTED_HEADER = [
    "Response ID", "Person ID", "Name", "Email", "Score", "Comment", "Created At (UTC)",
    "Updated At (UTC)", "Survey Type", "Tags", "Notes", "Permalink", "Company",
]  # fmt: skip


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([header, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def freshdesk(engine: Engine, folder: Path, body: str, who: tuple[str, str]) -> ImportReport:
    """One ticket of a Freshdesk UI export (the Description column holds HTML), 4 March."""
    row = ["5001", "Labels", body, "Open", "Email", "2026-03-04 10:22:31", *who, "Acme, Inc."]
    path = write_csv(folder / "tickets.csv", FRESHDESK_HEADER, [[*row, "acme.example"]])
    return run(engine, FreshdeskImporter(), path)


def typeform(engine: Engine, folder: Path, answer: str, who: tuple[str, str]) -> ImportReport:
    """One Typeform NPS answer, submitted 6 March."""
    name, email = who
    row = ["tf1", "3", answer, email, name, "Acme, Inc.", "completed", "2026-03-06 09:00:00"]
    path = write_csv(folder / "nps.csv", TYPEFORM_HEADER, [[*row, "", "2026-03-06 09:01:00"]])
    return run(engine, SurveyImporter(), path, columns=TYPEFORM_MAP)


def delighted(engine: Engine, folder: Path, comment: str, who: tuple[str, str]) -> ImportReport:
    """One Delighted NPS response, 6 March."""
    name, email = who
    at = "2026-03-06 09:00:00"
    row = ["48213781", "9100000", name, email, "4", comment, at, at, "nps", "", "", "", "Acme"]
    path = write_csv(folder / "delighted.csv", DELIGHTED_HEADER, [row])
    return run(engine, SurveyImporter(), path)


def copies(engine: Engine) -> dict[str, str | None]:
    """Each item (source:id) → the item it copies, if any."""
    with read_session(engine) as session:
        items = repository.list_all(session, EvidenceItem)
    name = {i.id: f"{i.source}:{i.external_id}" for i in items}
    return {name[i.id]: name.get(i.duplicate_of_id) for i in items}


@pytest.mark.parametrize(
    "body",
    [
        f"<div>{LABELS}</div>",
        f"Hi team,<br><br>{LABELS}<br><br>Thanks,<br>Zoë",
        f"<div>Hi team,</div><div><br></div><div>{LABELS}</div><div><br></div>"
        "<div>Thanks,<br>Zoë</div>",
    ],
    ids=["html", "html-greeting-sign-off", "freshdesk-divs"],
)
def test_an_html_ticket_re_sent_as_a_survey_answer_is_a_copy(
    ledgerly: Engine, tmp_path: Path, body: str
) -> None:
    freshdesk(ledgerly, tmp_path, body, ZOE)
    report = typeform(ledgerly, tmp_path, LABELS, ZOE)
    assert report.duplicates_linked == 1
    assert copies(ledgerly) == {"freshdesk:5001": None, "survey:tf1": "freshdesk:5001"}


def test_the_earlier_html_ticket_becomes_the_original_when_imported_after_its_copy(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """The survey answer of 6 March imported first, then the ticket of 4 March: the ticket
    is the original; undoing the ticket's import gives the answer back its own place."""
    delighted(ledgerly, tmp_path, LABELS.upper(), ZOE)
    body = f"<p>Hello,</p><p>{LABELS}</p><p>Best regards,<br>Zoë O'Brien</p>"
    batch = freshdesk(ledgerly, tmp_path, body, ZOE).batch_id
    assert copies(ledgerly) == {"survey:48213781": "freshdesk:5001", "freshdesk:5001": None}
    with write_session(ledgerly) as session:
        undo_batch(session, batch)
    assert copies(ledgerly) == {"survey:48213781": None}


@pytest.mark.parametrize(
    ("body", "answer", "who"),
    [
        # Two people at one account who send the same words are two voices.
        (f"<div>{LABELS}</div>", LABELS, BEA),
        # The same person, other words.
        (f"<div>{LABELS}</div>", "Label printing works but the barcode is cut off.", ZOE),
        # Under 20 characters said, however long the HTML: such words recur honestly.
        (
            "<div>Hi team,</div><div>Labels blank</div><div>Thanks,<br>Zoë</div>",
            "Labels blank",
            ZOE,
        ),
    ],
    ids=["another-person-at-the-account", "other-words", "short-words"],
)
def test_not_a_copy(
    ledgerly: Engine, tmp_path: Path, body: str, answer: str, who: tuple[str, str]
) -> None:
    freshdesk(ledgerly, tmp_path, body, ZOE)
    report = typeform(ledgerly, tmp_path, answer, who)
    assert report.duplicates_linked == 0
    assert copies(ledgerly) == {"freshdesk:5001": None, "survey:tf1": None}


def test_re_importing_an_edited_html_ticket_keys_it_by_its_new_words(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """Storing an updated text keys it by its raw words; the loader keys it again by the
    words said, so a later answer with the new words finds it."""
    freshdesk(ledgerly, tmp_path, "<div>Exports of invoices never finish.</div>", ZOE)
    freshdesk(ledgerly, tmp_path, f"<div>{LABELS}</div>", ZOE)
    typeform(ledgerly, tmp_path, LABELS, ZOE)
    assert copies(ledgerly) == {"freshdesk:5001": None, "survey:tf1": "freshdesk:5001"}


#: Consumers of a fitness app write from free-mail addresses: no account is ever known.
ANNA = ("Anna Smith", "anna.smith77@gmail.com")
BEN = ("Ben Jones", "ben.jones12@gmail.com")
CHARGED = "I was charged twice for the annual subscription and nobody answers my emails."


@pytest.mark.parametrize(("who", "copied"), [(ANNA, True), (BEN, False)], ids=["same", "other"])
def test_a_consumers_ticket_re_sent_as_feedback_is_a_copy_only_from_the_same_person(
    ledgerly: Engine, tmp_path: Path, who: tuple[str, str], copied: bool
) -> None:
    """Without an account, the person decides: a QA tester's ten tickets re-sent word for
    word in the app counted twice, since a copy needed an account."""
    body = f"<div>Hi team,</div><div>{CHARGED}</div><div>Thanks,<br>Anna</div>"
    row = ["5001", "Billing", body, "Open", "Email", "2026-03-04 10:22:31", *ANNA, "", ""]
    run(ledgerly, FreshdeskImporter(), write_csv(tmp_path / "t.csv", FRESHDESK_HEADER, [row]))
    at = "2026-03-06 09:00:00"
    answer = ["48213781", "9100000", *who, "4", CHARGED, at, at, "nps", "", "", "", ""]
    path = write_csv(tmp_path / "delighted.csv", DELIGHTED_HEADER, [answer])
    report = run(ledgerly, SurveyImporter(), path)
    with read_session(ledgerly) as session:
        items = repository.list_all(session, EvidenceItem)
    assert {i.account_id for i in items} == {None}
    assert report.duplicates_linked == int(copied)
    expected = "freshdesk:5001" if copied else None
    assert copies(ledgerly) == {"freshdesk:5001": None, "survey:48213781": expected}


def intercom_chat(engine: Engine, folder: Path, *replies: str) -> ImportReport:
    """Zoë's Intercom chat of 4 March: the labels problem signed "Thanks, Zoë", our
    teammate's question, then her replies (a conversation as ``GET /conversations/{id}``
    returns it)."""
    zoe = {"type": "user", "id": "6650c1a2f1e3b4001f8e0a11", "name": ZOE[0], "email": ZOE[1]}
    admin = {"type": "admin", "id": "7301", "name": "Sam Rivera", "email": "sam@ledgerly.example"}
    said = [("Which printer do you use?", admin), *((reply, zoe) for reply in replies)]
    parts = [
        {"type": "conversation_part", "id": str(900 + n), "part_type": "comment",
         "body": f"<p>{body}</p>", "author": author, "created_at": 1772620000 + 600 * n}
        for n, (body, author) in enumerate(said)
    ]  # fmt: skip
    chat = {
        "type": "conversation",
        "id": "215470391",
        "created_at": 1772619751,
        "source": {
            "type": "conversation",
            "delivered_as": "customer_initiated",
            "body": f"<p>Hi team,</p><p>{LABELS}</p><p>Thanks,<br>Zoë</p>",
            "author": zoe,
        },
        "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": zoe["id"]}]},
        "conversation_parts": {"type": "conversation_part.list", "conversation_parts": parts},
    }
    path = folder / "conversations.json"
    path.write_text(json.dumps({"type": "conversation.list", "conversations": [chat]}), "utf-8")
    return run(engine, IntercomImporter(), path)


@pytest.mark.parametrize(
    ("replies", "copied"),
    [
        ((), True),
        (("ok thanks!",), True),
        (("It happens on the Zebra printer in the back office too.",), False),
    ],
    ids=["no-reply", "thanks-only", "a-reply-that-says-more"],
)
def test_an_answer_repeating_a_chats_opening_copies_it_only_when_the_chat_says_no_more(
    ledgerly: Engine, tmp_path: Path, replies: tuple[str, ...], copied: bool
) -> None:
    """A QA round's portal tickets repeated the opening message of chats that went on: the
    chat's reply, cut below "Thanks, Zoë" as if it were her signature, was not compared, so
    the ticket was linked as a copy of a chat that says more than it."""
    intercom_chat(ledgerly, tmp_path, *replies)
    at = "2026-03-06 09:00:00"
    answer = ["48213781", "9100000", *ZOE, "4", LABELS, at, at, "nps", "", "", "", ""]
    path = write_csv(tmp_path / "delighted.csv", DELIGHTED_HEADER, [answer])
    report = run(ledgerly, SurveyImporter(), path)
    assert report.duplicates_linked == int(copied)
    expected = "intercom:215470391" if copied else None
    assert copies(ledgerly) == {"intercom:215470391": None, "survey:48213781": expected}
