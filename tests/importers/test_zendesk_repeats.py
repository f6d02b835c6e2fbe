"""A ticket an API export returns more than once is one item: its newest copy (QA round 26,
D1). Zendesk's time-based incremental export documents duplicates across pages, and our docs
tell users to append the pages into one file; Intercom's and Freshdesk's paged lists are
read the same way (``importers.repeats``). A repeat in a CSV still stops the import
(tests/importers/test_rejects_written_rows.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from tests.importers.test_freshdesk import api_ticket
from tests.importers.test_intercom import ZOE, conversation, user
from tests.importers.test_zendesk import ORGANIZATIONS, USERS, ticket
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.importers.freshdesk import FreshdeskImporter
from tradeoff.importers.intercom import IntercomImporter
from tradeoff.importers.registry import run
from tradeoff.importers.zendesk import ZendeskImporter
from tradeoff.storage import repository
from tradeoff.storage.session import read_session

SITE = "https://ledgerly.zendesk.com/api/v2/incremental/tickets.json"


def page(tickets: list[dict[str, Any]], end_time: int, *, last: bool = False) -> str:
    """One page of ``GET /api/v2/incremental/tickets.json?start_time=…``, pretty-printed as
    ``curl`` saves it; pages are appended one after another (``curl … >> tickets.json``)."""
    return json.dumps(
        {
            "tickets": tickets,
            "next_page": f"{SITE}?start_time={end_time}",
            "count": len(tickets),
            "end_of_stream": last,
            "end_time": end_time,
        },
        indent=2,
        ensure_ascii=False,
    )


def incremental(
    tmp_path: Path, *pages: tuple[list[dict[str, Any]], int], name: str = "tickets.json"
) -> Path:
    (tmp_path / "organizations.json").write_text(json.dumps(ORGANIZATIONS), encoding="utf-8")
    (tmp_path / "users.json").write_text(json.dumps(USERS), encoding="utf-8")
    path = tmp_path / name
    last = len(pages) - 1
    path.write_text(
        "\n".join(page(t, end, last=i == last) for i, (t, end) in enumerate(pages)) + "\n",
        encoding="utf-8",
    )
    return path


def exported(ticket_id: int, updated_at: str, generated: int, **fields: Any) -> dict[str, Any]:
    """A ticket as the incremental export lists it: with its ``generated_timestamp``."""
    return ticket(ticket_id, updated_at=updated_at, generated_timestamp=generated, **fields)


def stored(engine: Engine) -> dict[str, EvidenceItem]:
    with read_session(engine) as session:
        return {i.external_id: i for i in repository.list_all(session, EvidenceItem)}


def test_appended_pages_keep_the_newest_copy_of_each_repeated_ticket(
    ledgerly: Engine, tmp_path: Path
) -> None:
    # 35436 ends page 1 and opens page 2 with the same updated_at (the documented
    # duplicate); 35437 was tagged while the pages were fetched, so page 2 holds it anew.
    boundary = exported(35436, "2026-03-05T08:00:00Z", 1772697600)
    tagged_before = exported(35437, "2026-03-05T08:00:00Z", 1772697600, tags=["cards"])
    tagged_after = exported(
        35437, "2026-03-05T09:14:00Z", 1772702040, tags=["cards", "declines", "escalated"]
    )
    path = incremental(
        tmp_path,
        (
            [exported(35435, "2026-03-05T07:10:00Z", 1772694600), tagged_before, boundary],
            1772697600,
        ),
        ([boundary, exported(35438, "2026-03-05T08:30:00Z", 1772699400), tagged_after], 1772702040),
    )
    report = run(ledgerly, ZendeskImporter(), path)
    assert report.by_entity["evidence items"] == {"inserted": 4}
    assert report.deal_notes == (
        "2 tickets appeared more than once: kept the newest copy of each (ids 35436, 35437)",
    )
    items = stored(ledgerly)
    assert sorted(items) == ["35435", "35436", "35437", "35438"]
    assert items["35437"].tags == ["cards", "declines", "escalated"]
    assert items["35437"].raw["updated_at"] == "2026-03-05T09:14:00Z"
    # The same pages again change nothing; nor do they if fetched in the other order.
    again = run(ledgerly, ZendeskImporter(), path)
    assert (again.inserted, again.updated) == (0, 0)
    swapped = incremental(
        tmp_path,
        ([tagged_after, boundary], 1772702040),
        ([tagged_before, boundary], 1772697600),
        name="swapped.json",
    )
    assert (run(ledgerly, ZendeskImporter(), swapped).updated, stored(ledgerly)["35437"].tags) == (
        0,
        ["cards", "declines", "escalated"],
    )


def test_an_older_copy_later_in_the_file_does_not_overwrite_the_newer(
    ledgerly: Engine, tmp_path: Path
) -> None:
    newer = exported(35501, "2026-03-06T10:00:00Z", 1772791200, subject="Card declined abroad")
    older = exported(35501, "2026-03-05T10:00:00Z", 1772704800, subject="Card declined")
    report = run(ledgerly, ZendeskImporter(), incremental(tmp_path, ([newer], 1), ([older], 2)))
    assert report.by_entity["evidence items"] == {"inserted": 1}
    assert stored(ledgerly)["35501"].title == "Card declined abroad"


def test_copies_that_differ_at_one_version_keep_the_later_and_are_named_apart(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """Not a newer version: two exports merged by mistake, or an edit Zendesk did not date.
    The later copy in the file is kept (pages are appended in the order fetched), and the
    summary names those ids on a line of their own so the user can look."""
    first = exported(35601, "2026-03-05T08:00:00Z", 1772697600, description="Payouts fail")
    other = exported(35601, "2026-03-05T08:00:00Z", 1772697600, description="Payouts in EUR?")
    report = run(ledgerly, ZendeskImporter(), incremental(tmp_path, ([first], 1), ([other], 2)))
    assert report.deal_notes == (
        "1 ticket appeared more than once: kept the newest copy of it (id 35601)",
        "1 ticket had copies with the same updated_at but other content: kept the later copy "
        "in the file (id 35601)",
    )
    assert stored(ledgerly)["35601"].text == "Payouts in EUR?"


def test_the_qa_file_imports_with_its_repeat_noted(ledgerly: Engine, tmp_path: Path) -> None:
    """Two pages of one export appended, ticket 40006 on both, byte for byte; with many
    repeats the line names the first five ids and counts the rest."""
    tickets = [exported(40000 + n, "2026-05-21T11:03:00Z", 1779361380) for n in range(1, 9)]
    path = incremental(tmp_path, (tickets, 1), (tickets[1:], 2))
    report = run(ledgerly, ZendeskImporter(), path)
    assert report.by_entity["evidence items"] == {"inserted": 8}
    assert report.deal_notes == (
        "7 tickets appeared more than once: kept the newest copy of each "
        "(ids 40002, 40003, 40004, 40005, 40006 and 2 more)",
    )


def test_intercom_and_freshdesk_pages_fold_their_repeats_the_same_way(
    ledgerly: Engine, tmp_path: Path
) -> None:
    # Intercom: JSON Lines of conversations, updated_at in Unix seconds.
    chat = conversation(
        "215470391", 1772619751, user(ZOE, "Zoë O'Brien", "zoe.obrien@acme.example"),
        "<p>The CSV export turns <b>Zoë</b> into Zo?</p>", contact=ZOE,
    )  # fmt: skip
    reopened = {**chat, "updated_at": chat["updated_at"] + 86400, "state": "open"}
    lines = tmp_path / "conversations.jsonl"
    lines.write_text(
        "\n".join(json.dumps(c, ensure_ascii=False) for c in (reopened, chat)) + "\n",
        encoding="utf-8",
    )
    report = run(ledgerly, IntercomImporter(), lines)
    assert report.by_entity["evidence items"] == {"inserted": 1}
    assert report.deal_notes == (
        "1 conversation appeared more than once: kept the newest copy of it (id 215470391)",
    )
    with read_session(ledgerly) as session:
        (item,) = repository.list_all(session, EvidenceItem)
    assert item.raw["state"] == "open"
    # Freshdesk: the API's bare arrays, pages appended.
    old = api_ticket(5001, "Export drops accents", "<div>Zo?</div>", "Zo?")
    new = api_ticket(
        5001, "Export drops accents", "<div>Zo?</div>", "Zo?", updated_at="2026-03-06T09:00:00Z"
    )
    pages = tmp_path / "tickets.json"
    pages.write_text(json.dumps([old]) + "\n" + json.dumps([new]) + "\n", encoding="utf-8")
    report = run(ledgerly, FreshdeskImporter(), pages)
    assert report.by_entity["evidence items"] == {"inserted": 1}
    assert report.deal_notes == (
        "1 ticket appeared more than once: kept the newest copy of it (id 5001)",
    )
