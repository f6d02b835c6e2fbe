"""The import summary says what was done with the deals a CRM export gets wrong."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import run_cli
from tradeoff.analysis.business.sales import sales_picture
from tradeoff.importers.registry import IMPORTERS, run

# A HubSpot deals export (no Is Closed / Is Won columns): one deal with no amount, one
# closed before it was created, one lost with no close date, one naming two competitors in
# one field and one naming three over two separators, and three open deals whose stage
# says nothing of the outcome, one of them with no stage at all.
HUBSPOT_DEALS = """\
"Record ID","Deal Name","Deal Stage","Close Date","Amount","Create Date","Currency",\
"Associated Company (Primary)","Competitors","Closed Lost Reason"
"901","Hooli - Enterprise","Closed Won","2026-03-20","60000","2026-01-10","USD","Hooli",\
"Salesforce; Zoho",""
"902","Initech - Seats","Closed Lost","2026-02-01","12000","2026-03-01","USD","Initech","",\
"Too expensive"
"903","Globex - Pilot","Closed Lost","","8000","2026-01-15","USD","Globex","Excel, Airtable; \
Notion","Went with spreadsheets"
"904","Umbrella - Expansion","Appointment Scheduled","","","2026-04-01","USD","Umbrella","",""
"905","Vandelay - New","Contract Sent","","15000","2026-04-03","USD","Vandelay","none",""
"906","Stark - New","","","9000","2026-04-05","USD","Stark","",""
"""

EXPECTED = (
    "1 deal with no amount (kept: counted in win rates, not summed as zero)",
    "1 deal closed before it was created (kept: left out of cycle times)",
    "1 deal won or lost with no close date (kept: left out of quarters and cycle times)",
    "3 deals read as open by their stage, with no Closed / Won columns: (no stage) (1), "
    "Appointment Scheduled (1), Contract Sent (1)",
    '2 deals naming several competitors (a field such as "Dynamics 365; Excel"): 5 '
    "competitors filed, each on its own",
)


@pytest.fixture
def deals_file(tmp_path: Path) -> Path:
    path = tmp_path / "hubspot-crm-exports-all-deals.csv"
    path.write_text(HUBSPOT_DEALS, encoding="utf-8")
    return path


def test_the_summary_names_each_kind_of_trouble_and_matches_what_was_stored(
    engine: Engine, deals_file: Path
) -> None:
    report = run(engine, IMPORTERS["hubspot"], deals_file)
    assert report.deal_notes == EXPECTED
    with engine.connect() as connection:

        def count(where: str) -> int:
            return int(
                connection.execute(text(f"SELECT count(*) FROM deals WHERE {where}")).one()[0]  # noqa: S608 - literal conditions
            )

        # Each line, recounted from what the import stored.
        assert count("amount IS NULL") == 1
        assert count("closed_at < created_at") == 1
        assert count("outcome != 'open' AND closed_at IS NULL") == 1
        assert count("outcome = 'open'") == 3
        several = connection.execute(
            text(
                "SELECT count(*), sum(n) FROM (SELECT count(*) AS n FROM deal_competitors "
                "GROUP BY deal_id HAVING count(*) > 1) AS many"
            )
        ).one()
        assert tuple(several) == (2, 5)


def test_a_clean_deal_adds_no_note(engine: Engine, tmp_path: Path) -> None:
    """Won with an amount, created before it closed, one competitor: nothing to say."""
    path = tmp_path / "deals.csv"
    header, won = HUBSPOT_DEALS.splitlines()[:2]
    path.write_text(f"{header}\n{won.replace('Salesforce; Zoho', 'Salesforce')}\n")
    report = run(engine, IMPORTERS["hubspot"], path)
    assert report.by_entity["deals"] == {"inserted": 1}
    assert report.deal_notes == ()


def test_the_cli_prints_the_notes(
    capsys: pytest.CaptureFixture[str], workspace_url: str, deals_file: Path
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "import", "hubspot", str(deals_file))
    assert result.exit_code == 0
    printed = " ".join(result.stdout.split())
    for line in EXPECTED:
        assert f"note: {line}" in printed


# A Salesforce Opportunity export (Data Loader) with IsClosed / IsWon: the flags decide each
# outcome, so a stage that says otherwise, or no stage, is nowhere else in the summary.
SALESFORCE_OPPORTUNITIES = """\
"Id","Name","StageName","Amount","CloseDate","CreatedDate","IsClosed","IsWon"
"0065g0000SIVwwIAQT","Transports Garnier - New","Closed Lost","23200.0","2026-03-01",\
"2026-01-10T09:00:00.000Z","false","false"
"0065g0000SIWOBTAQ5","Granite State Brewing - Renewal","","64800.0","2026-03-01",\
"2026-01-12T09:00:00.000Z","false","false"
"0065g0000SIXGfpAQH","De Vries - Expansion","Negotiation/Review","9200.0","2026-04-30",\
"2026-02-08T07:13:44.000Z","false","false"
"0065g0000SIV4RwAQL","Müller & Söhne - Renewal","Closed Won","4800.0","2026-01-31",\
"2025-12-01T10:00:00.000Z","true","false"
"""
SALESFORCE_EXPECTED = (
    "1 deal with no stage (kept: counted by its Closed / Won columns): open (1)",
    "2 deals whose stages contradict their Closed / Won columns (kept: counted by the "
    "columns): 'Closed Lost' recorded open (1), 'Closed Won' recorded lost (1)",
)


def test_a_stage_the_flags_contradict_or_no_stage_is_named_in_the_summary(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "Opportunity.csv"
    path.write_text(SALESFORCE_OPPORTUNITIES, encoding="utf-8")
    report = run(engine, IMPORTERS["salesforce"], path)
    assert report.by_entity["deals"] == {"inserted": 4}
    assert report.deal_notes == SALESFORCE_EXPECTED
    # The same deals ``tradeoff sales`` notes later, counted the same way.
    notes = [n for n in sales_picture(engine).notes if n.kind == "unknown_stage"]
    assert [(n.deals, n.examples) for n in notes] == [
        (1, ()),
        (2, ("'Closed Lost' recorded open", "'Closed Won' recorded lost")),
    ]


def test_a_stage_that_agrees_with_the_flags_adds_no_note(engine: Engine, tmp_path: Path) -> None:
    """Closed Lost and closed, an open stage and open: the flags and the stage agree."""
    path = tmp_path / "Opportunity.csv"
    path.write_text(
        '"Id","Name","StageName","Amount","CloseDate","CreatedDate","IsClosed","IsWon"\n'
        '"0065g0000SIVwwIAQT","Transports Garnier - New","Closed Lost","23200.0","2026-03-01",'
        '"2026-01-10T09:00:00.000Z","true","false"\n'
        '"0065g0000SIXGfpAQH","De Vries - Expansion","Negotiation/Review","9200.0","2026-04-30",'
        '"2026-02-08T07:13:44.000Z","false","false"\n',
        encoding="utf-8",
    )
    report = run(engine, IMPORTERS["salesforce"], path)
    assert report.by_entity["deals"] == {"inserted": 2}
    assert report.deal_notes == ()


def test_the_cli_prints_the_stage_notes(
    capsys: pytest.CaptureFixture[str], workspace_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "Opportunity.csv"
    path.write_text(SALESFORCE_OPPORTUNITIES, encoding="utf-8")
    result = run_cli(capsys, "--db", workspace_url, "import", "salesforce", str(path))
    assert result.exit_code == 0, result.stderr
    printed = " ".join(result.stdout.split())
    for line in SALESFORCE_EXPECTED:
        assert f"note: {line}" in printed


def test_one_deal_is_said_in_the_singular(engine: Engine, tmp_path: Path) -> None:
    """One open deal read by its stage, more stages than the line lists, one lost deal that
    was never real: each line agrees with its count. "Signed", one deal in no pipeline's
    usual open stages (a custom closed stage, most likely), is listed first, not hidden in
    the "more"."""
    header = '"Record ID","Deal Name","Deal Stage","Amount","Create Date","Closed Lost Reason"'
    one = tmp_path / "one.csv"
    one.write_text(f'{header}\n"701","Acme - New","Demo","500","2026-01-02",""\n')
    assert run(engine, IMPORTERS["hubspot"], one).deal_notes == (
        "1 deal read as open by its stage, with no Closed / Won columns: Demo (1)",
    )
    stages = ("Discovery", "Demo", "Proposal", "Pricing", "Legal", "Procurement", "Signed")
    six = tmp_path / "six.csv"
    six.write_text(
        "\n".join(
            [header, *(f'"{710 + n}","Deal {n}","{s}","500","2026-01-02",""' for n, s in
                       enumerate(stages)),
             '"720","Dupe","Closed Lost","500","2026-01-02","Duplicate of 710"']
        ) + "\n"
    )  # fmt: skip
    assert run(engine, IMPORTERS["hubspot"], six).deal_notes == (
        "1 deal won or lost with no close date (kept: left out of quarters and cycle times)",
        "7 deals read as open by their stage, with no Closed / Won columns: Signed (1), "
        "Discovery (1), Demo (1), Proposal (1), Pricing (1) and 2 more stages",
        "1 lost deal read as disqualified (duplicate, spam, test, unqualified): left out of "
        "win rates and lost revenue; list: tradeoff loss-reasons --category disqualified",
    )


def test_closed_deals_dated_after_today_are_named_with_their_ids(
    engine: Engine, tmp_path: Path
) -> None:
    """A seller marks a deal lost but leaves the forecast close date two weeks ahead: the
    deal is kept and counted as lost, and the summary names it, since ``demand`` counts a
    lost deal only from its close date. An open deal's future close date is a forecast and
    says nothing."""
    today = datetime.now(UTC).date()
    ahead = [(today + timedelta(days=days)).isoformat() for days in (14, 15, 16, 17, 18, 19)]
    past = (today - timedelta(days=30)).isoformat()
    created = (today - timedelta(days=90)).isoformat()
    header = HUBSPOT_DEALS.splitlines()[0]
    rows = [
        f'"77{n}","Acme {n} - New","Closed Lost","{day}","12000","{created}","USD","Acme {n}",'
        '"","Chose a cheaper tool"'
        for n, day in enumerate(ahead)
    ]
    rows += [
        f'"7800","Hooli - New","Closed Won","{past}","9000","{created}","USD","Hooli","",""',
        f'"7801","Globex - New","Contract Sent","{ahead[0]}","9000","{created}","USD",'
        '"Globex","",""',
    ]
    path = tmp_path / "hubspot-crm-exports-all-deals.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    report = run(engine, IMPORTERS["hubspot"], path)
    assert report.by_entity["deals"] == {"inserted": 8}
    ahead_note = [n for n in report.deal_notes if "after today" in n]
    assert ahead_note == [
        f"6 closed deals with a close date after today, {today.isoformat()} (kept: counted "
        "now in sales, loss-reasons and competitors; demand counts a lost one from its close "
        "date): 770, 771, 772, 773, 774 and 1 more"
    ]
    assert sales_picture(engine).overall.lost == 6
