"""A day's name is the day where its words date something, else the name it is (review of
QA round 24).

The rival Monday (monday.com) was never found in English: every "Monday" was a day, so
"Half the team prefers Monday" and "Monday has a much nicer timeline view", found before
the round, were lost. A day's or month's name is now read by its context: "every Monday",
"on Monday", "Monday morning", "Monday to Friday" date something; as a subject or an
object it names the product.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import imported_and_scanned
from tradeoff.analysis.business.competitor_common_words import NameUsage
from tradeoff.analysis.business.competitor_scan import MentionFinder
from tradeoff.domain.deals import Competitor


def finder(*learned: str) -> MentionFinder:
    known = [
        Competitor(id=1, name="Monday", aliases=["monday.com"]),
        Competitor(id=2, name="April"),
        Competitor(id=3, name="Asana"),
    ]
    found = MentionFinder(known, lambda kind: None)
    for said in learned:
        found.learn(said)
    return found


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("Half the team prefers Monday.", "Monday"),
        ("Monday has a much nicer timeline view.", "Monday"),
        ("We use Monday for the onboarding boards.", "Monday"),
        ("Monday's automations are easier to set up.", "Monday"),
        ("They evaluated Monday and Asana before choosing us.", "Monday"),
        ("We switched to Monday last spring.", "Monday"),
        ("Half the team moved their boards to monday.com last quarter.", "monday.com"),
        ("We compared April and Asana for the insurance add-on.", "April"),
    ],
)
def test_a_day_s_name_as_subject_or_object_is_the_product(said: str, named: str) -> None:
    found = finder().find(said)
    assert named in found.values()


@pytest.mark.parametrize(
    "said",
    [
        "The sync fails every Monday morning.",
        "Payroll runs on Monday.",
        "Can we move the call to Monday?",
        "Monday morning the import failed again.",
        "Our reps work Monday to Friday.",
        "Nothing has synced since last Monday.",
        "The webhook was down Monday, March 3.",
        "Please fix it by Monday at 9am.",
        "The tax table changes in April.",
        "The report for 3 April is empty.",
    ],
)
def test_a_day_that_dates_something_is_the_day(said: str) -> None:
    assert finder().find(said) == {}


def test_dated_and_addressed_uses_do_not_make_the_name_a_word() -> None:
    """Lower-case "every monday" is the day and "monday.com" the product's address: neither
    votes that "Monday" is a word of English, so a sentence that opens with it is still
    read as the product."""
    learned = (
        "The sync fails every monday night since the update.",
        "We close the books on monday and the export is late.",
        "Half the team moved their boards to monday.com in March.",
        "Their monday.com pricing is per seat, ours per employee.",
    )
    usage = NameUsage()
    for said in learned:
        start = said.index("monday")
        usage.read(said, [("monday", start, start + len("monday"))])
    assert not usage.common("monday", ["en"])
    assert finder(*learned).find("Monday has a much nicer timeline view.") == {1: "Monday"}


def test_a_scan_finds_the_rival_and_not_the_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    tickets = tmp_path / "zendesk_tickets.csv"
    rows = [
        ("Half the team prefers Monday for the content calendar.", True),
        ("Monday has a much nicer timeline view than your Gantt page.", True),
        ("The Slack sync fails every Monday morning.", False),
        ("Since last Monday the board export times out.", False),
        ("Can we move our onboarding call to Monday?", False),
    ]
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        for number, (said, _) in enumerate(rows, 1):
            writer.writerow([f"Z{number}", said, f"2026-11-{number:02d}", f"Brightwork {number}"])
    competitors = tmp_path / "deals.csv"
    competitors.write_text(
        '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
        '"Created Date","Loss Reason","Description","Competitor"\r\n'
        '"Brightwork","0065g0000000101","Brightwork Ltd","Closed Lost","18000","3/1/2026",'
        '"2/1/2026","Went with Monday","","Monday"\r\n',
        encoding="utf-8",
    )
    imported_and_scanned(capsys, workspace_url, competitors, tickets)
    query = text(
        "SELECT e.text FROM competitor_mentions m "
        "JOIN evidence_items e ON e.id = m.evidence_id "
        "JOIN competitors c ON c.id = m.competitor_id "
        "WHERE c.name = 'Monday' AND e.kind <> 'deal_note'"
    )
    with engine.connect() as connection:
        found = {said for (said,) in connection.execute(query)}
    assert found == {said for said, product in rows if product}
