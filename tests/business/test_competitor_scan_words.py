"""What a scan reads as a competitor in free text, and which row a merge proposal keeps, from
a QA round on an uptime-monitoring product's corpus (session 23):

- a status-quo competitor named "nothing" (the CRM field of 21 deals) was found in 46
  tickets by its name: "the Acknowledge button does nothing", "our server got nothing";
- PagerDuty, an integration partner, got 83 mentions and 17 more deals from "Needs PagerDuty
  routing per team", "PagerDuty incidents all land on the default service", "route to
  different PagerDuty services (env:prod vs env:staging)";
- `competitor DataDog` proposed `competitor-merge "DataDog" --into "DD"` (5 deals of "DD"
  against 22 of "DataDog"), and the merged row kept the name "DD";
- a field's "cron + curl" (38 deals) was a direct rival, not scripts the buyer wrote.

Run as a user would: a Salesforce report export, a help desk's CSV of tickets,
``scan-competitors``; each ticket's expected reading is written beside it, by hand.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import imported_and_scanned, run_cli
from tradeoff.analysis.business.competitor_alikes import alike_to, times_used
from tradeoff.domain.enums import CompetitorKind
from tradeoff.importers.competitors import classify_competitor
from tradeoff.storage import competitors
from tradeoff.storage.session import read_session

HEADER = (
    '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
    '"Created Date","Loss Reason","Description","Competitor"'
)


def deal(number: int, competitor: str, reason: str = "", notes: str = "") -> str:
    return (
        f'"Deal {number}","0065g00000000{number:02d}","Firm {number} Inc.","Closed Lost",'
        f'"1000","3/1/2026","2/1/2026","{reason}","{notes}","{competitor}"'
    )


DEALS = (
    deal(1, "nothing", "No decision, revisit next year"),
    deal(2, "Whiteboard"),
    deal(3, "PagerDuty", "Lost to PagerDuty on price"),
    deal(4, "Grafana"),
    # An integration partner in the notes is no rival the deal weighed...
    deal(5, "Datadog", notes="Needs PagerDuty routing per team / escalation policy"),
    deal(6, "Datadog", notes="Wants alerts forwarded to PagerDuty, one service per team"),
    # ... a move to it is.
    deal(7, "Datadog", notes="Switched to PagerDuty for on-call last year"),
)

#: (ticket, the competitors it names as a rival or an alternative).
TICKETS: tuple[tuple[str, frozenset[str]], ...] = (
    # A status-quo row's name is a plain word: only a phrase of doing nothing finds it.
    ("The Acknowledge button does nothing on Android.", frozenset()),
    ("Our server got nothing (nginx access log empty), yet you say it was sent.", frozenset()),
    ("Management decided to do nothing about on-call tooling this year.", frozenset({"nothing"})),
    # Nor is work by hand found by its name: a whiteboard in the office is no alternative.
    ("We drew the escalation chain on the whiteboard in the office.", frozenset()),
    # An integration partner as a system the alerts go to.
    (
        "PagerDuty incidents all land on the default service instead of the one mapped to "
        "the check's team.",
        frozenset(),
    ),
    (
        "Can alert rules route to different PagerDuty services based on the check's tags "
        "(env:prod vs env:staging)?",
        frozenset(),
    ),
    ("Severity mapping to PagerDuty is wrong: warnings create P1 incidents.", frozenset()),
    ("We send alerts to PagerDuty and the wrong team gets paged.", frozenset()),
    ("Our Grafana datasource polling your API gets throttled at 60/min.", frozenset()),
    # The same partner met as a rival: a move, a comparison, set against us.
    ("We switched to PagerDuty for routing because yours kept failing.", frozenset({"PagerDuty"})),
    ("PagerDuty routes pages better than your escalation rules.", frozenset({"PagerDuty"})),
    ("We could route everything through PagerDuty instead.", frozenset({"PagerDuty"})),
    ("Half the team moved to Grafana dashboards for alerting.", frozenset({"Grafana"})),
)


@pytest.fixture
def scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    deals = tmp_path / "deals.csv"
    deals.write_text("\r\n".join([HEADER, *DEALS]) + "\r\n", encoding="utf-8")
    tickets = tmp_path / "tickets.csv"
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        for number, (said, _) in enumerate(TICKETS, 1):
            writer.writerow([f"T{number}", said, f"2026-10-{number:02d}", f"Firm {number} Inc."])
    imported_and_scanned(capsys, workspace_url, deals, tickets)
    return workspace_url


def _ticket_mentions(engine: Engine) -> dict[str, set[str]]:
    """Ticket text → the competitors the scan stored a mention of, by plain SQL."""
    query = text(
        "SELECT e.text, c.name FROM competitor_mentions m "
        "JOIN evidence_items e ON e.id = m.evidence_id "
        "JOIN competitors c ON c.id = m.competitor_id WHERE e.kind <> 'deal_note'"
    )
    found: dict[str, set[str]] = {said: set() for said, _ in TICKETS}
    with engine.connect() as connection:
        for said, name in connection.execute(query):
            found[said].add(name)
    return found


def test_tickets_name_rivals_and_alternatives_as_read_by_hand(scanned: str, engine: Engine) -> None:
    assert _ticket_mentions(engine) == {said: set(names) for said, names in TICKETS}


def test_the_status_quo_page_quotes_no_plain_word(
    capsys: pytest.CaptureFixture[str], scanned: str
) -> None:
    """`competitor nothing` showed 46 evidence items on a QA corpus; the deal field still
    links its deal, and the loss reason's "No decision" (a deal note) is the status quo."""
    shown = run_cli(capsys, "--db", scanned, "competitor", "nothing", "--format", "json")
    profile = json.loads(shown.stdout)
    said = {q["text"] for q in profile["quotes"]}
    expected = {s for s, names in TICKETS if "nothing" in names}
    assert said - {"No decision, revisit next year"} == expected
    assert (profile["deals_met"], profile["mentions"]) == (1, len(expected) + 1)


def test_a_deal_s_notes_link_a_partner_only_as_a_rival(engine: Engine, scanned: str) -> None:
    query = text(
        "SELECT d.name, dc.relation FROM deal_competitors dc "
        "JOIN deals d ON d.id = dc.deal_id JOIN competitors c ON c.id = dc.competitor_id "
        "WHERE c.name = 'PagerDuty'"
    )
    with engine.connect() as connection:
        linked = {(name, relation) for name, relation in connection.execute(query)}
    assert linked == {("Deal 3", "lost_to"), ("Deal 7", "evaluated")}


@pytest.mark.parametrize(
    "field",
    [
        "cron + curl",
        "curl & cron",
        "bash scripts",
        "cron job",
        "shell scripts",
        "custom scripts",
        "crontab",
    ],
)
def test_scripts_and_cron_jobs_are_homegrown(field: str) -> None:
    assert classify_competitor(field) is CompetitorKind.HOMEGROWN


@pytest.mark.parametrize(
    "field",
    [
        "Cronitor",
        "TypeScript Labs",
        "Datadog",
        "Healthchecks.io",
        # Products named for scripts or cron: a web address, a singular, a bare "Cron".
        "cron-job.org",
        "Script Runner",
        "Google Apps Script",
        "Scripted",
        "Cron (Notion Calendar)",
    ],
)
def test_products_with_such_letters_stay_direct(field: str) -> None:
    """Whole words only: "Cronitor" is a monitoring product, not a cron job."""
    assert classify_competitor(field) is CompetitorKind.DIRECT


#: Fields as the QA corpus wrote them, fewer: "DD" met first, then the name most deals use.
MERGE_DEALS = (
    deal(1, "DD"),
    deal(2, "DD"),
    deal(3, "DataDog"),
    deal(4, "DataDog"),
    deal(5, "DataDog"),
    deal(6, "homegrown scripts"),
    deal(7, "in-house scripts"),
    deal(8, "in-house scripts"),
    deal(9, "cron + curl"),
)


def _merge_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str) -> str:
    deals = tmp_path / "deals.csv"
    deals.write_text("\r\n".join([HEADER, *MERGE_DEALS]) + "\r\n", encoding="utf-8")
    assert run_cli(capsys, "--db", url, "import", "salesforce", str(deals)).exit_code == 0
    return run_cli(capsys, "--db", url, "scan-competitors").stdout


def _deals_per_field(name: str) -> int:
    return sum(f',"{name}"' in row for row in MERGE_DEALS)


def test_a_merge_proposal_keeps_the_name_most_deals_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str
) -> None:
    shown = " ".join(_merge_workspace(tmp_path, capsys, workspace_url).split())
    assert _deals_per_field("DataDog") > _deals_per_field("DD")
    assert 'tradeoff competitor-merge "DD" --into "DataDog"' in shown
    # Not initials: the row more deals use, though it is the newer.
    assert _deals_per_field("in-house scripts") > _deals_per_field("homegrown scripts")
    assert 'competitor-merge "homegrown scripts" --into "in-house scripts"' in shown
    # Following the proposal keeps the common name.
    merged = run_cli(capsys, "--db", workspace_url, "competitor-merge", "DD", "--into", "DataDog")
    assert merged.exit_code == 0
    assert run_cli(capsys, "--db", workspace_url, "scan-competitors").exit_code == 0
    rows = json.loads(
        run_cli(capsys, "--db", workspace_url, "competitors", "--format", "json").stdout
    )
    by_name = {r["name"]: r for r in rows}
    assert "DD" not in by_name
    assert by_name["DataDog"]["deals_met"] == _deals_per_field("DataDog") + _deals_per_field("DD")
    assert by_name["cron + curl"]["kind"] == "homegrown"


def test_either_page_proposes_keeping_the_row_most_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    """What ``competitor NAME`` names under the money: the same merge from both rows."""
    _merge_workspace(tmp_path, capsys, workspace_url)
    with read_session(engine) as session:
        known = competitors.competitors(session)
        uses = times_used(session)
    by_name = {c.name: c for c in known}
    for name in ("homegrown scripts", "in-house scripts"):
        proposed = alike_to(by_name[name], known, uses=uses)
        assert [p.into for p in proposed if p.as_kind is None] == ["in-house scripts"]
    # Without the counts the older row is kept, as before.
    older = alike_to(by_name["in-house scripts"], known)
    assert [p.into for p in older if p.as_kind is None] == ["homegrown scripts"]
