"""An integration partner is not a rival: ``tradeoff competitor-partner``.

The workspace of an alerting tool whose customers connect it to PagerDuty, one of its
integrations, and who sometimes weigh PagerDuty's own status pages against it. A QA round
counted 44 mentions of PagerDuty, most of them tickets about the integration ("the
PagerDuty incident isn't resolved"). Run as a user would: a Salesforce report export, a
help desk's CSV of tickets, ``scan-competitors``, then the partner command, the ranking and
the profile, a rename, a merge, a split, a re-import and another scan. Whether each text
competes with PagerDuty is written beside it here, by hand.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import imported_and_scanned, run_cli
from tradeoff.analysis.business.competitor_edits import partner_competitor
from tradeoff.analysis.business.competitor_rivalry import competes_with_partner
from tradeoff.analysis.business.competitors import competitor_profile, competitor_ranking

DEALS = (
    '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
    '"Created Date","Loss Reason","Competitor","Description"\r\n'
    # The CRM field names PagerDuty: a deal met, partner or not.
    '"Acme renewal","0065g0000000001","Acme Corp","Closed Lost","12000","3/1/2026",'
    '"1/10/2026","Went with PagerDuty\'s status pages","PagerDuty",""\r\n'
    '"Bolt new","0065g0000000002","Bolt Inc","Closed Won","8000","3/5/2026","1/12/2026",'
    '"","Datadog",""\r\n'
    # No competitor field; the description names PagerDuty as the customer's pager.
    '"Cobalt expansion","0065g0000000003","Cobalt","Negotiation","20000","6/30/2026",'
    '"2/1/2026","","","On-call is paged through PagerDuty today."\r\n'
)
#: (ticket id, account, text, whether it names PagerDuty as a rival once it is a partner).
#: ``None``: no PagerDuty mention even before (a sentence of connecting, or no PagerDuty).
TICKETS: tuple[tuple[str, str, str, bool | None], ...] = (
    ("T1", "Acme Corp", "The PagerDuty incident isn't resolved when the monitor recovers.", False),
    ("T2", "Bolt Inc", "PagerDuty pages arrive instantly but the email digest is an hour late.",
     False),
    ("T3", "Cobalt", "We are evaluating PagerDuty's own status pages instead.", True),
    ("T4", "Dune Ltd", "Honestly we may lose this one to PagerDuty, their bundle is cheaper.",
     True),
    ("T5", "Acme Corp", "Our PagerDuty sync drops the severity field.", None),
    ("T6", "Bolt Inc", "We would like PagerDuty incidents to close by themselves.", False),
    ("T7", "Cobalt", "Select the PagerDuty service in settings and nothing happens.", False),
    ("T8", "Dune Ltd", "Datadog shows the latency per region, please add it.", None),
    ("T9", "Eagle", "Before Tracewell we used PagerDuty for the status page too.", True),
)  # fmt: skip
#: Deal notes the Salesforce import makes: the loss reason (competes) and Cobalt's
#: description (does not).
DEAL_NOTES_NAMING, DEAL_NOTES_COMPETING = 2, 1
RIVAL_TICKETS = sum(row[3] is True for row in TICKETS)
ALL_TICKETS = sum(row[3] is not None for row in TICKETS)
BEFORE = ALL_TICKETS + DEAL_NOTES_NAMING  # 9 mentions as a rival
AFTER = RIVAL_TICKETS + DEAL_NOTES_COMPETING  # 4 as a partner


def _write_inputs(folder: Path) -> tuple[Path, Path]:
    deals = folder / "deals.csv"
    deals.write_text(DEALS, encoding="utf-8")
    tickets = folder / "tickets.csv"
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        for number, (ticket, account, said, _) in enumerate(TICKETS, 1):
            writer.writerow([ticket, said, f"2026-10-{number:02d}", account])
    return deals, tickets


@pytest.fixture
def scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    deals, tickets = _write_inputs(tmp_path)
    imported_and_scanned(capsys, workspace_url, deals, tickets)
    return workspace_url


def _profile(capsys: pytest.CaptureFixture[str], url: str, name: str) -> dict[str, object]:
    result = run_cli(capsys, "--db", url, "competitor", name, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def _figures(capsys: pytest.CaptureFixture[str], url: str, name: str) -> tuple[object, ...]:
    profile = _profile(capsys, url, name)
    return profile["partner"], profile["mentions"], profile["deals_met"], profile["lost"]


def test_each_text_reads_as_written_beside_it() -> None:
    for _, _, said, rival in TICKETS:
        if rival is None or "PagerDuty" not in said:
            continue
        start = said.index("PagerDuty")
        assert competes_with_partner(said, start, start + len("PagerDuty")) is rival, said


@pytest.mark.parametrize(
    ("said", "rival"),
    [
        ("Lost to PagerDuty", True),
        ("We lost the deal to PagerDuty after the pilot.", True),
        ("They went with PagerDuty in the end.", True),
        ("Thinking about switching to PagerDuty for status pages.", True),
        ("Compared to PagerDuty your escalation rules are confusing.", True),
        ("PagerDuty is a better fit for bigger teams, they said.", True),
        ("PagerDuty won't acknowledge the alert from the mobile app.", False),
        ("PagerDuty alerts got lost during the outage on Monday.", False),
        ("Please switch the PagerDuty toggle off for the staging project.", False),
        ("The PagerDuty incidents for staging fire twice instead of once.", False),
    ],
)
def test_words_near_the_name_decide(said: str, rival: bool) -> None:
    start = said.index("PagerDuty")
    assert competes_with_partner(said, start, start + len("PagerDuty")) is rival


def test_marking_a_partner_rescans_at_once_and_undo_restores(
    capsys: pytest.CaptureFixture[str], scanned: str
) -> None:
    # Before: every ticket not about connecting counts, and Cobalt's description links its
    # deal as "evaluated" beside Acme's CRM field.
    assert _figures(capsys, scanned, "PagerDuty") == (False, BEFORE, 2, 1)
    datadog = _profile(capsys, scanned, "Datadog")

    marked = run_cli(capsys, "--db", scanned, "competitor-partner", "pagerduty")
    assert marked.exit_code == 0, marked.stderr
    said = " ".join(marked.stdout.split())
    assert "PagerDuty is now an integration partner" in said
    assert f"mentions {BEFORE} → {AFTER} ({BEFORE - AFTER} dropped, {AFTER} kept)" in said
    assert "deals met 2 → 1 (1 link from deals' notes dropped; a CRM competitor field's" in said
    assert "to undo: tradeoff competitor-partner PagerDuty --off" in said
    # The CRM field's deal stays met and lost; the description's link is gone.
    assert _figures(capsys, scanned, "PagerDuty") == (True, AFTER, 1, 1)
    assert _profile(capsys, scanned, "Datadog") == datadog

    again = run_cli(capsys, "--db", scanned, "competitor-partner", "PagerDuty")
    assert "PagerDuty was already an integration partner" in again.stdout
    assert f"mentions {AFTER} (unchanged)" in again.stdout

    # A full scan reads what the rescan read: nothing changes.
    scan = run_cli(capsys, "--db", scanned, "scan-competitors")
    assert "0 mentions added, 0 removed" in scan.stdout
    assert _figures(capsys, scanned, "PagerDuty") == (True, AFTER, 1, 1)

    cleared = run_cli(capsys, "--db", scanned, "competitor-partner", "PagerDuty", "--off")
    assert cleared.exit_code == 0
    said = " ".join(cleared.stdout.split())
    assert "PagerDuty is no longer an integration partner" in said
    assert f"mentions {AFTER} → {BEFORE} ({BEFORE - AFTER} added)" in said
    assert _figures(capsys, scanned, "PagerDuty") == (False, BEFORE, 2, 1)


def test_an_unknown_name_is_one_line(capsys: pytest.CaptureFixture[str], scanned: str) -> None:
    result = run_cli(capsys, "--db", scanned, "competitor-partner", "PagerDutty")
    assert result.exit_code != 0
    assert result.stdout == ""
    assert result.stderr.startswith("error: no competitor called 'PagerDutty'")
    assert "PagerDuty" in result.stderr.split("did you mean")[1]
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_ranking_marks_partners_in_table_json_and_csv(
    capsys: pytest.CaptureFixture[str], scanned: str
) -> None:
    assert run_cli(capsys, "--db", scanned, "competitor-partner", "PagerDuty").exit_code == 0
    ranking = json.loads(run_cli(capsys, "--db", scanned, "competitors", "--format", "json").stdout)
    assert {r["name"]: r["partner"] for r in ranking} == {"PagerDuty": True, "Datadog": False}
    rows = list(
        csv.DictReader(
            io.StringIO(run_cli(capsys, "--db", scanned, "competitors", "--format", "csv").stdout)
        )
    )
    assert {r["competitor"]: (r["partner"], r["mentions"]) for r in rows} == {
        "PagerDuty": ("yes", str(AFTER)),
        "Datadog": ("no", "1"),
    }
    table = run_cli(capsys, "--db", scanned, "competitors").stdout
    lines = table.splitlines()
    row = next(i for i, line in enumerate(lines) if "PagerDuty" in line)
    assert "(integration partner)" in lines[row + 1]
    assert "(integration partner)" not in next(line for line in lines if "Datadog" in line)
    assert "(integration partner): one of our integrations, named in evidence only where" in (
        " ".join(table.split())
    )
    profile = run_cli(capsys, "--db", scanned, "competitor", "PagerDuty").stdout.splitlines()
    assert profile[1].startswith("integration partner: one of our integrations")
    assert "tradeoff competitor-partner PagerDuty --off" in profile[1]
    assert f"named in {AFTER} evidence items" in profile[2]
    datadog = run_cli(capsys, "--db", scanned, "competitor", "Datadog").stdout
    assert "integration partner" not in datadog


def test_the_api_says_what_changed(engine: Engine, scanned: str) -> None:
    change = partner_competitor(engine, "PAGERDUTY")
    assert change.to_json() == {
        "name": "PagerDuty",
        "partner": True,
        "changed": True,
        # The tickets and deal notes that say PagerDuty; Acme's and Cobalt's deals.
        "evidence_read": ALL_TICKETS + 1 + DEAL_NOTES_NAMING,
        "deals_read": 2,
        "mentions_before": BEFORE,
        "mentions_after": AFTER,
        "deals_met_before": 2,
        "deals_met_after": 1,
    }
    assert [s.name for s in competitor_ranking(engine) if s.partner] == ["PagerDuty"]
    assert competitor_profile(engine, "pagerduty").standing.partner


def test_the_mark_survives_rename_reimport_and_scan(
    capsys: pytest.CaptureFixture[str], scanned: str, tmp_path: Path
) -> None:
    assert run_cli(capsys, "--db", scanned, "competitor-partner", "PagerDuty").exit_code == 0
    renamed = run_cli(capsys, "--db", scanned, "competitor-rename", "PagerDuty", "--to", "PD")
    assert renamed.exit_code == 0
    assert _figures(capsys, scanned, "PD") == (True, AFTER, 1, 1)
    back = run_cli(capsys, "--db", scanned, "competitor-rename", "PD", "--to", "PagerDuty")
    assert back.exit_code == 0
    deals, tickets = _write_inputs(tmp_path)
    imported_and_scanned(capsys, scanned, deals, tickets)
    assert _figures(capsys, scanned, "PagerDuty") == (True, AFTER, 1, 1)


def test_a_merge_keeps_the_mark_of_either_row(
    capsys: pytest.CaptureFixture[str], scanned: str
) -> None:
    # Merged away: the row kept takes the mark, and its mentions are read again for it.
    assert run_cli(capsys, "--db", scanned, "competitor-partner", "PagerDuty").exit_code == 0
    merged = run_cli(capsys, "--db", scanned, "competitor-merge", "PagerDuty", "--into", "Datadog")
    assert merged.exit_code == 0
    assert "Datadog is an integration partner" in " ".join(merged.stdout.split())
    profile = _profile(capsys, scanned, "Datadog")
    # T8 names Datadog plainly: a partner's plain naming no longer counts.
    assert (profile["partner"], profile["mentions"]) == (True, AFTER)
    assert profile["deals_met"] == 2  # both CRM fields
    assert run_cli(capsys, "--db", scanned, "scan-competitors").exit_code == 0
    assert _profile(capsys, scanned, "Datadog")["mentions"] == AFTER


def test_a_merge_into_a_partner_reads_the_moved_mentions_for_it(
    capsys: pytest.CaptureFixture[str], scanned: str
) -> None:
    assert run_cli(capsys, "--db", scanned, "competitor-partner", "Datadog").exit_code == 0
    merged = run_cli(capsys, "--db", scanned, "competitor-merge", "PagerDuty", "--into", "Datadog")
    assert merged.exit_code == 0
    profile = _profile(capsys, scanned, "Datadog")
    assert (profile["partner"], profile["mentions"]) == (True, AFTER)


def test_a_split_leaves_the_mark_with_the_row_split_from(
    capsys: pytest.CaptureFixture[str], scanned: str, engine: Engine, tmp_path: Path
) -> None:
    # A later deal's field names the product line: the import files it under PagerDuty.
    more = tmp_path / "more_deals.csv"
    more.write_text(
        DEALS.split("\r\n")[0] + "\r\n"
        '"Fjord new","0065g0000000004","Fjord AS","Prospecting","5000","9/30/2026",'
        '"3/1/2026","","PagerDuty Status Pages",""\r\n',
        encoding="utf-8",
    )
    assert run_cli(capsys, "--db", scanned, "import", "salesforce", str(more)).exit_code == 0
    assert _profile(capsys, scanned, "PagerDuty")["aliases"] == ["PagerDuty Status Pages"]
    assert run_cli(capsys, "--db", scanned, "competitor-partner", "PagerDuty").exit_code == 0
    split = run_cli(
        capsys, "--db", scanned, "competitor-split", "PagerDuty",
        "--aliases", "PagerDuty Status Pages", "--as", "PagerDuty Status Pages",
    )  # fmt: skip
    assert split.exit_code == 0, split.stderr
    assert "PagerDuty stays an integration partner; PagerDuty Status Pages is not one" in " ".join(
        split.stdout.split()
    )
    ranking = {s.name: (s.partner, s.deals_met) for s in competitor_ranking(engine)}
    assert ranking == {
        "PagerDuty": (True, 1),
        "PagerDuty Status Pages": (False, 1),
        "Datadog": (False, 1),
    }
    assert _figures(capsys, scanned, "PagerDuty") == (True, AFTER, 1, 1)
