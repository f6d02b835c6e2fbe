"""Four gaps a QA round found in the competitor views of an HR/payroll corpus:

- "Google Sheets" (a spreadsheet) was never proposed beside the workspace's "Spreadsheets",
  and "Apple Numbers" was not even read as a spreadsheet;
- a field "ADP Run; ADP WFN", both filed under ADP, was reported as two competitors filed
  for one deal, and the link was written twice;
- a scan renamed a competitor the user already saw ("ADP Workforce Now" → "ADP") and a
  later import did the same ("Paychex" → "Paychex Flex");
- a deal whose field said "No decision" and whose loss reason said "kept their in-house
  tool" counted under both the status quo and the in-house tool.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.business.test_competitor_vendors import deal, export, links
from tests.cli.helpers import run_cli
from tests.importers.exports import database_url, make_ledgerly
from tradeoff.analysis.business.competitor_edits import merge_competitors, rename_competitor
from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.analysis.business.competitors import competitor_profile, competitor_ranking
from tradeoff.domain.competitor_names import same_competitor, spelt_alike
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.importers.competitors import classify_competitor
from tradeoff.importers.registry import IMPORTERS, run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

SPREADSHEET, DIRECT = CompetitorKind.SPREADSHEET, CompetitorKind.DIRECT


def met(engine: Engine) -> dict[str, int]:
    """Deals met per competitor, as the ranking counts them."""
    return {s.name: s.deals_met for s in competitor_ranking(engine)}


def won(number: int, competitor: str, reason: str = "") -> str:
    """A won deal of the tester's report (``deal`` writes lost ones)."""
    return deal(number, competitor, reason).replace('"Closed Lost","1000"', '"Closed Won","1000"')


def seed(engine: Engine, *names: tuple[str, CompetitorKind]) -> None:
    """Rows an earlier import and scan made."""
    with write_session(engine) as session:
        for name, kind in names:
            repository.add(session, Competitor(name=name, kind=kind))


# --- 1. A spreadsheet program is a spreadsheet, proposed beside "Spreadsheets" -----------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Google Sheets", SPREADSHEET),
        ("GSheets", SPREADSHEET),  # an abbreviation the names already spell out
        ("Excel", SPREADSHEET),
        ("Microsoft Excel", SPREADSHEET),
        ("MS Excel 365", SPREADSHEET),
        ("Apple Numbers", SPREADSHEET),
        ("Numbers", SPREADSHEET),  # the program's name alone
        ("LibreOffice Calc", SPREADSHEET),
        ("OpenOffice Calc", SPREADSHEET),
        ("Zoho Sheet", SPREADSHEET),
        ("WPS Spreadsheets", SPREADSHEET),
        # Products sold per seat, with a sales team: direct rivals, not a grid kept by hand.
        ("Airtable", DIRECT),
        ("Smartsheet", DIRECT),
        ("TSheets", DIRECT),  # QuickBooks Time, a time-tracking product
        ("Numbers Consulting", DIRECT),  # the word in a longer name is not the program
        ("Zoho People", DIRECT),
    ],
)
def test_spreadsheet_programs_are_read_as_spreadsheets(name: str, kind: CompetitorKind) -> None:
    assert classify_competitor(name) is kind


def test_named_spreadsheets_are_proposed_beside_the_spreadsheets_row(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_ledgerly(engine)
    path = export(
        tmp_path,
        deal(1, "Spreadsheets"),
        deal(2, "Google Sheets"),
        deal(3, "Microsoft Excel"),
        deal(4, "Apple Numbers"),
        deal(5, "Excel"),  # joins Microsoft Excel: a product with and without its maker
        deal(6, "Google"),  # a maker, never filed or proposed with its spreadsheet
        deal(7, "Airtable"),
    )
    run(engine, SalesforceImporter(), path)
    result = run_cli(capsys, "--db", database_url(engine), "scan-competitors")
    assert result.exit_code == 0, result.stderr
    proposed = [line for line in result.stdout.splitlines() if "competitor-merge" in line]
    assert proposed == [
        "'Google Sheets' is a spreadsheet like 'Spreadsheets': "
        'tradeoff competitor-merge "Google Sheets" --into "Spreadsheets"',
        "'Apple Numbers' is a spreadsheet like 'Spreadsheets': "
        'tradeoff competitor-merge "Apple Numbers" --into "Spreadsheets"',
        "'Microsoft Excel' is a spreadsheet like 'Spreadsheets': "
        'tradeoff competitor-merge "Microsoft Excel" --into "Spreadsheets"',
    ]
    page = competitor_profile(engine, "Spreadsheets").to_json()["looks_like"]
    assert {(p["name"], p["as_kind"], p["merge_into"]) for p in page} == {
        (name, "spreadsheet", "Spreadsheets")
        for name in ("Google Sheets", "Apple Numbers", "Microsoft Excel")
    }
    member = competitor_profile(engine, "Google Sheets").to_json()["looks_like"]
    assert [(p["name"], p["merge_into"]) for p in member] == [("Spreadsheets", "Spreadsheets")]
    shown = run_cli(capsys, "--db", database_url(engine), "competitor", "Google Sheets").stdout
    assert (
        "a spreadsheet too: 'Spreadsheets'; to count them as one: tradeoff competitor-merge "
        '"Google Sheets" --into "Spreadsheets"'
    ) in " ".join(shown.split())
    assert met(engine)["Google"] == 1  # was: filed under Google Sheets as its brand
    merge_competitors(engine, "Google Sheets", into="Spreadsheets")
    assert met(engine)["Spreadsheets"] == 2
    assert [p.name for p in scan_competitors(engine).proposals] == [
        "Apple Numbers",
        "Microsoft Excel",
    ]


def test_a_spreadsheet_a_person_named_is_not_proposed(engine: Engine, tmp_path: Path) -> None:
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), export(tmp_path, deal(1, "Spreadsheets"), deal(2, "GSheets")))
    rename_competitor(engine, "GSheets", to="Google Sheets")
    assert scan_competitors(engine).proposals == ()


def test_without_a_spreadsheets_row_members_are_not_proposed(
    engine: Engine, tmp_path: Path
) -> None:
    """ "Excel" and "Google Sheets" may be rivals a person tells apart: only a row that stands
    for the whole kind gathers them."""
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), export(tmp_path, deal(1, "Excel"), deal(2, "Google Sheets")))
    assert scan_competitors(engine).proposals == ()


# --- 2. Names of one competitor in one field are one competitor filed --------------------


def test_two_names_of_one_competitor_in_a_field_are_one_link(
    engine: Engine, tmp_path: Path
) -> None:
    make_ledgerly(engine)
    seed(engine, ("ADP", DIRECT))
    report = run(
        engine,
        SalesforceImporter(),
        export(tmp_path, deal(1, "ADP Run; ADP WFN"), deal(2, "ADP Workforce Now, ADP")),
    )
    assert not any("several competitors" in note for note in report.deal_notes)
    assert report.by_entity["competitor links"] == {"inserted": 2}
    with engine.connect() as connection:
        said = connection.execute(
            text("SELECT mentioned_as FROM deal_competitors ORDER BY deal_id")
        ).scalars()
        assert list(said) == ["ADP Run", "ADP Workforce Now"]  # the words written first
    assert met(engine) == {"ADP": 2}


def test_a_field_naming_two_competitors_still_says_so(engine: Engine, tmp_path: Path) -> None:
    make_ledgerly(engine)
    seed(engine, ("ADP", DIRECT))
    report = run(engine, SalesforceImporter(), export(tmp_path, deal(1, "ADP Run; ADP WFN; Gusto")))
    assert any("1 deal naming several competitors" in n and "2 competitors filed" in n
               for n in report.deal_notes)  # fmt: skip
    assert met(engine) == {"ADP": 1, "Gusto": 1}


# --- 3. A name the user has seen is never swapped for another of its names ---------------


def test_a_scan_never_renames_a_competitor_to_another_of_its_names(
    engine: Engine, tmp_path: Path
) -> None:
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), export(tmp_path, deal(1, "ADP Workforce Now"),
                                             deal(2, "ADP Workforce Now")))  # fmt: skip
    later = [deal(3, "ADP")] + [deal(n, "", "Lost to ADP on price.") for n in range(4, 9)]
    run(engine, SalesforceImporter(), export(tmp_path, *later, name="later"))
    report = scan_competitors(engine)  # six deals now say "ADP", two "ADP Workforce Now"
    assert report.respelled == ()
    assert met(engine) == {"ADP Workforce Now": 8}


def test_a_later_import_never_renames_a_competitor_to_another_of_its_names(
    engine: Engine, tmp_path: Path
) -> None:
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), export(tmp_path, deal(1, "Paychex"), deal(2, "Pipedrvie")))
    later = [deal(n, "Paychex Flex") for n in range(3, 6)] + [
        deal(n, "Pipedrive") for n in range(6, 9)
    ]
    report = run(engine, SalesforceImporter(), export(tmp_path, *later, name="later"))
    # Only a misspelling is put right: "Paychex Flex" is another name, not a spelling.
    assert [n for n in report.deal_notes if "spelling" in n] == [
        "competitors named by the spelling most of their deals and mentions use: 'Pipedrive' "
        "(was 'Pipedrvie'); to choose a name: tradeoff competitor-rename NAME --to NEW"
    ]
    assert met(engine) == {"Paychex": 4, "Pipedrive": 4}


def test_a_competitor_new_in_an_import_takes_the_name_most_of_its_deals_use(
    engine: Engine, tmp_path: Path
) -> None:
    """No one has seen it yet: the first deal's "Paychex" gives way to the three that say
    "Paychex Flex"."""
    make_ledgerly(engine)
    rows = [deal(1, "Paychex"), *(deal(n, "Paychex Flex") for n in range(2, 5))]
    run(engine, SalesforceImporter(), export(tmp_path, *rows))
    assert met(engine) == {"Paychex Flex": 4}


# --- 5. The status quo gives way to the specific alternative a deal names ----------------


def test_a_field_s_no_decision_is_filed_under_the_in_house_tool_the_reason_names(
    engine: Engine, tmp_path: Path
) -> None:
    make_ledgerly(engine)
    path = export(
        tmp_path,
        deal(1, "No decision", "Kept their in-house tool built by IT."),
        deal(2, "No decision", "Project put on hold until next year."),
        deal(3, "No decision", "Evaluated Gusto too, then froze the budget."),
        deal(4, "Gusto"),
    )
    run(engine, SalesforceImporter(), path)
    report = scan_competitors(engine)
    assert report.status_quo_refiled == 1
    assert links(engine) == {
        ("Deal 1", "Homegrown tool", "lost_to"),  # the field's verdict, on what they kept
        ("Deal 2", "No decision", "lost_to"),
        ("Deal 3", "No decision", "lost_to"),
        ("Deal 3", "Gusto", "evaluated"),  # a product weighed beside doing nothing stays
        ("Deal 4", "Gusto", "lost_to"),
    }
    assert met(engine) == {"No decision": 2, "Gusto": 2, "Homegrown tool": 1}
    with engine.connect() as connection:
        said = connection.execute(
            text(
                "SELECT mentioned_as FROM deal_competitors dc JOIN deals d ON d.id = dc.deal_id "
                "WHERE d.name = 'Deal 1'"
            )
        ).scalar_one()
    assert said == "No decision"  # the field's words travel with its link
    # Nothing flips back: a second scan, the same export again, then a scan.
    again = scan_competitors(engine)
    assert (again.status_quo_refiled, again.deal_links_added, again.deal_links_removed) == (0, 0, 0)
    (tmp_path / "again.csv").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    run(engine, SalesforceImporter(), tmp_path / "again.csv")
    scan_competitors(engine)
    assert met(engine) == {"No decision": 2, "Gusto": 2, "Homegrown tool": 1}


def test_a_field_naming_both_links_the_specific_one(engine: Engine, tmp_path: Path) -> None:
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), export(tmp_path, deal(1, "No decision; In-house tool"),
                                             won(2, "Do nothing / Excel")))  # fmt: skip
    assert links(engine) == {
        ("Deal 1", "In-house tool", "lost_to"),
        ("Deal 2", "Excel", "won_against"),
    }


def test_words_saying_no_decision_add_nothing_beside_a_specific_alternative(
    engine: Engine, tmp_path: Path
) -> None:
    make_ledgerly(engine)
    path = export(
        tmp_path,
        deal(1, "In-house tool", "No decision - they stayed with their in-house tool."),
        deal(2, "", "No decision; kept using spreadsheets."),
        deal(3, "", "No decision - project put on hold."),
    )
    run(engine, SalesforceImporter(), path)
    scan_competitors(engine)
    assert links(engine) == {
        ("Deal 1", "In-house tool", "lost_to"),
        ("Deal 2", "Spreadsheets", "evaluated"),
        ("Deal 3", "Status quo", "evaluated"),
    }


def test_a_field_s_status_quo_replaces_the_link_an_earlier_scan_made(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The scan linked the in-house tool from the words first; the field said "No decision"
    only in a later export: one link, the field's, under the in-house tool."""
    make_ledgerly(engine)
    reason = "Kept their in-house tool built by IT."
    run(engine, SalesforceImporter(), export(tmp_path, deal(1, "", reason)))
    scan_competitors(engine)
    assert links(engine) == {("Deal 1", "Homegrown tool", "evaluated")}
    run(engine, SalesforceImporter(), export(tmp_path, deal(1, "No decision", reason), name="2"))
    result = run_cli(capsys, "--db", database_url(engine), "scan-competitors")
    assert "1 deal whose field says the status quo" in " ".join(result.stdout.split())
    assert links(engine) == {("Deal 1", "Homegrown tool", "lost_to")}
    again = scan_competitors(engine)
    assert (again.status_quo_refiled, again.deal_links_added, again.deal_links_removed) == (0, 0, 0)


def test_a_field_that_changed_from_no_decision_to_what_they_kept_counts_once(
    engine: Engine, tmp_path: Path
) -> None:
    """An import never takes a field's old link away; the scan folds the old status quo
    into the alternative the field names now."""
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), export(tmp_path, deal(1, "No decision")))
    run(engine, SalesforceImporter(), export(tmp_path, deal(1, "Spreadsheets"), name="2"))
    assert met(engine) == {"No decision": 1, "Spreadsheets": 1}
    scan_competitors(engine)
    assert links(engine) == {("Deal 1", "Spreadsheets", "lost_to")}


@pytest.mark.parametrize(
    ("written", "known", "kind"),
    [
        ("Google", "Google Sheets", DIRECT),  # a maker does not join its spreadsheet
        ("Microsoft", "Microsoft Excel", DIRECT),
        ("Microsoft Excel", "Microsoft", SPREADSHEET),  # nor the spreadsheet its maker
    ],
)
def test_a_name_never_joins_another_kind_by_likeness(
    written: str, known: str, kind: CompetitorKind
) -> None:
    other = SPREADSHEET if kind is DIRECT else DIRECT
    assert same_competitor(written, [Competitor(id=1, name=known, kind=other)], kind=kind) is None
    assert same_competitor(written, [Competitor(id=1, name=known, kind=kind)], kind=kind)


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("Pipedrvie", "Pipedrive", True),  # a typo
        ("salesforce", "Salesforce", True),
        ("SFDC", "Salesforce", True),  # an abbreviation
        ("Zoho CRM", "Zoho", True),  # a word that never tells rivals apart
        ("Power BI", "PowerBI", True),
        ("ADP", "ADP Workforce Now", False),  # a brand and its product line
        ("Paychex", "Paychex Flex", False),
        ("Dynamics", "Microsoft Dynamics", False),  # with and without its maker
        ("Dynamics GP", "Dynamics Great Plains", False),  # an acronym
    ],
)
def test_a_spelling_is_the_same_name_written_otherwise(a: str, b: str, alike: bool) -> None:
    assert spelt_alike(a, b) is alike


# --- A named member of a kind beats the kind's word, the loss reason the description -----

#: A HubSpot deals export: the competitor field names each rival outright on two deals,
#: and the third names none, so only its words say what it lost to. Its description says
#: what the buyer had before ("Replacing spreadsheets"); its loss reason what it kept.
HUBSPOT_DEALS = """\
Record ID,Deal Name,Deal Stage,Amount,Currency,Close Date,Create Date,Closed Lost Reason,\
Associated Company (Primary),Competitor,Deal Description
30100201,Canyon Candles - New,Closed Lost,7200,USD,2026-06-19,2026-03-22 10:15,\
Stayed on spreadsheets,Canyon Candles,spreadsheets,Replacing spreadsheets for 2 stores
30100202,Meadow Toys - New,Closed Lost,12000,USD,2026-05-26,2026-02-03 10:15,\
Decided to keep using Google Sheets,Meadow Toys,Google Sheets,
30100221,Summit Gifts - Multi-site,Closed Lost,36000,USD,2026-07-08,2026-04-01 09:00,\
Decided to keep using Google Sheets,Summit Gifts,,Replacing spreadsheets for 2 stores
30100230,Iron Gifts - New,Closed Lost,9600,USD,2026-08-12,2026-05-02 11:00,\
Kept their Excel workbook,Iron Gifts,Excel,
30100231,Copper Grocers - New,Closed Lost,24000,USD,2026-09-30,2026-06-15 14:20,\
Decided to keep using Google Sheets,Copper Grocers,,Replacing Excel at 3 warehouses
"""


def test_the_loss_reason_s_spreadsheet_program_beats_the_description_s_spreadsheets(
    engine: Engine, tmp_path: Path
) -> None:
    """Deal 30100221 was filed under the generic "spreadsheets" row its description names,
    not the Google Sheets its loss reason names (a QA round's only mismatched figures)."""
    path = tmp_path / "hubspot-crm-exports-all-deals.csv"
    path.write_text(HUBSPOT_DEALS, encoding="utf-8")
    run(engine, IMPORTERS["hubspot"], path)
    for _ in range(2):  # and a second scan keeps it
        scan_competitors(engine)
        assert links(engine) == {
            ("Canyon Candles - New", "spreadsheets", "lost_to"),
            ("Meadow Toys - New", "Google Sheets", "lost_to"),
            ("Summit Gifts - Multi-site", "Google Sheets", "evaluated"),
            ("Iron Gifts - New", "Excel", "lost_to"),
            # Two programs: the loss reason's, not the description's.
            ("Copper Grocers - New", "Google Sheets", "evaluated"),
        }
    standing = {s.name: s for s in competitor_ranking(engine)}
    assert (standing["Google Sheets"].deals_met, standing["spreadsheets"].deals_met) == (3, 1)
    assert str(standing["Google Sheets"].revenue_lost) == "USD 72,000.00"


def test_a_named_member_beats_the_kind_s_row_whichever_words_come_first(
    engine: Engine, tmp_path: Path
) -> None:
    """The description names the program, the loss reason only the kind: the program is
    still what the deal weighed (one link per kind, the specific one)."""
    rows = HUBSPOT_DEALS.splitlines()
    swapped = rows[3].replace("Decided to keep using Google Sheets", "Kept their spreadsheets")
    swapped = swapped.replace(
        "Replacing spreadsheets for 2 stores", "Tracks stock in Google Sheets today"
    )
    path = tmp_path / "hubspot-crm-exports-all-deals.csv"
    path.write_text("\n".join([*rows[:3], swapped, *rows[4:]]) + "\n", encoding="utf-8")
    run(engine, IMPORTERS["hubspot"], path)
    scan_competitors(engine)
    assert ("Summit Gifts - Multi-site", "Google Sheets", "evaluated") in links(engine)
    assert ("Summit Gifts - Multi-site", "spreadsheets", "evaluated") not in links(engine)


def test_a_quote_pasted_on_several_deals_says_how_many_more_said_it(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A QA round read "named in 9 evidence items" from 9 accounts over one quote: the nine
    were one loss reason pasted on nine deals, quoted once. The quote now says so."""
    path = tmp_path / "hubspot-crm-exports-all-deals.csv"
    path.write_text(HUBSPOT_DEALS, encoding="utf-8")
    run(engine, IMPORTERS["hubspot"], path)
    scan_competitors(engine)
    url = database_url(engine)
    shown = " ".join(run_cli(capsys, "--db", url, "competitor", "Google Sheets").stdout.split())
    assert shown.count('"Decided to keep using Google Sheets"') == 1
    assert "the same words in 2 more items, from 2 other accounts)" in shown
    data = run_cli(capsys, "--db", url, "competitor", "Google Sheets", "--format", "json")
    quotes = json.loads(data.stdout)["quotes"]
    assert [(q["same_words"], q["same_words_accounts"]) for q in quotes] == [(2, 2)]
