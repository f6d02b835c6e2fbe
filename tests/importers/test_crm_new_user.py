"""CRM exports as a new user hands them over, through the commands they would run.

Each fixture is written as the tool writes it: a HubSpot portal whose custom pipelines name
their closing stages "Won" and "Lost" (no "Closed" prefix, and the default deals view does
not export the "Is Closed Won" flag), and a Pipedrive deals export, whose status column says
``won`` / ``lost`` / ``open``, read through ``--map``. Every figure is recounted from the
file by the test, independently of the importer and of the sales picture.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import run_cli
from tradeoff.analysis.business.sales import sales_picture
from tradeoff.domain.enums import DealOutcome
from tradeoff.importers.hubspot import HubspotImporter
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter

#: CRM → Deals → Export of a portal with three pipelines. "Partner Pipeline" and "Renewals"
#: are custom: their closing stages are "Won", "Lost" and "Deal Won (Signed)". The stage a
#: deal leaves a pipeline by is all that says it is won or lost.
HUBSPOT_CUSTOM_PIPELINES = """\
"Record ID","Deal Name","Deal Stage","Pipeline","Amount","Currency","Close Date",\
"Create Date","Deal owner","Associated Company","Closed Lost Reason","Competitors"
"21904455001","Xavier Freight - Partner deal","Won","Partner Pipeline","5000","USD",\
"2026-05-01 00:00","2026-04-01 09:00","Leo Park","Xavier Freight","",""
"21904455002","Yardley Foods - Partner deal","Lost","Partner Pipeline","7000","USD",\
"2026-06-01 00:00","2026-04-01 09:00","Leo Park","Yardley Foods","Went with Pipedrive","Pipedrive"
"21904455003","Zenith Dental - Renewal","Deal Won (Signed)","Renewals","3000","USD",\
"2026-06-01 00:00","2026-04-01 09:00","Leo Park","Zenith Dental","",""
"21904455004","Wexford Print - New","Closed won","Sales Pipeline","3000","USD",\
"2026-06-01 00:00","2026-04-01 09:00","Rae Kim","Wexford Print","",""
"21904455005","Quarry Tools - New","Contract sent","Sales Pipeline","9000","USD",\
"2026-12-01 00:00","2026-10-01 09:00","Rae Kim","Quarry Tools","","Pipedrive"
"21904455006","Vela Yoga - Partner deal","Lost - no budget","Partner Pipeline","2500","USD",\
"2026-07-01 00:00","2026-05-01 09:00","Leo Park","Vela Yoga","No budget this year",\
"Spreadsheet, Pipedrive"
"""

#: Pipedrive → Deals → Export (CSV): every column prefixed "Deal - "; the outcome is the
#: status, the pipeline stage is where the deal stood when it was won or lost.
PIPEDRIVE = """\
"Deal - ID","Deal - Title","Deal - Value","Deal - Currency","Deal - Status","Deal - Stage",\
"Deal - Organization","Deal - Owner","Deal - Deal created","Deal - Won time",\
"Deal - Lost reason"
"11","Acme deal","1500","EUR","won","Negotiations Started","Acme","Ana Ruiz",\
"2026-01-02 10:00:00","2026-02-03 10:00:00",""
"12","Beta deal","2500","EUR","lost","Proposal Made","Beta","Ana Ruiz",\
"2026-01-02 10:00:00","","Price too high"
"13","Gamma deal","500","EUR","open","Qualified","Gamma","Ana Ruiz",\
"2026-01-02 10:00:00","",""
"""
PIPEDRIVE_MAP = {
    "external_id": "Deal - ID",
    "name": "Deal - Title",
    "amount": "Deal - Value",
    "currency": "Deal - Currency",
    "stage": "Deal - Status",
    "account": "Deal - Organization",
    "owner": "Deal - Owner",
    "created_at": "Deal - Deal created",
    "closed_at": "Deal - Won time",
    "loss_reason": "Deal - Lost reason",
}


#: CRM → Companies → Export of a portal that added its own "Segment", "Plan" and "ARR"
#: properties: HubSpot exports a custom property under its label.
HUBSPOT_COMPANIES = """\
"Record ID","Company name","Company owner","Create Date","Country/Region","Industry",\
"Company Domain Name","Lifecycle Stage","Number of Employees","Annual Revenue","Segment",\
"Plan","ARR"
"18234567890","Xavier Freight","Rae Kim","2025-06-01 09:12","United States","Logistics",\
"xavier-freight.example","Customer","5000","1000000000","Enterprise","Scale","48000"
"18234567891","Yardley Foods","Rae Kim","2025-09-01 09:12","United Kingdom","Food",\
"yardley.example","Opportunity","120","","Mid-Market","",""
"18234567892","Vela Yoga","","2025-09-01 09:12","","","vela.example","Lead","","","SMB","",""
"""


def outcomes_in_db(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT external_id, outcome FROM deals"))
        return {external_id: outcome for external_id, outcome in rows}


def test_custom_hubspot_stages_named_won_and_lost_close_the_deal(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "hubspot-crm-exports-all-deals-2026-11-24.csv"
    path.write_text(HUBSPOT_CUSTOM_PIPELINES, encoding="utf-8")
    run(engine, HubspotImporter(), path)

    # Read independently: the stage's own words, as a person reads them.
    stages = {r["Record ID"]: r["Deal Stage"] for r in csv.DictReader(io.StringIO(
        HUBSPOT_CUSTOM_PIPELINES))}  # fmt: skip
    said = {
        k: "won" if "Won" in v.title().split() else "lost" if "Lost" in v.title() else "open"
        for k, v in stages.items()
    }
    assert said == {
        "21904455001": "won", "21904455002": "lost", "21904455003": "won",
        "21904455004": "won", "21904455005": "open", "21904455006": "lost",
    }  # fmt: skip
    assert outcomes_in_db(engine) == said

    picture = sales_picture(engine)
    won = sum(1 for v in said.values() if v == "won")
    lost = sum(1 for v in said.values() if v == "lost")
    assert (picture.overall.won, picture.overall.lost, picture.overall.open) == (won, lost, 1)
    assert picture.overall.win_rate == pytest.approx(won / (won + lost))
    # A stage that reads as won or lost is no longer a contradiction to explain away.
    assert not [n for n in picture.notes if n.kind == "unknown_stage"]
    with engine.connect() as connection:
        reasons = connection.execute(
            text("SELECT external_id, loss_reason FROM deals WHERE outcome = 'lost'")
        ).all()
    assert sorted(reasons) == [
        ("21904455002", "Went with Pipedrive"),
        ("21904455006", "No budget this year"),
    ]


def test_a_pipedrive_status_column_mapped_as_the_stage_gives_the_outcome(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "deals-export.csv"
    path.write_text(PIPEDRIVE, encoding="utf-8")
    run(engine, SalesforceImporter(), path, columns=PIPEDRIVE_MAP)
    status = {r["Deal - ID"]: r["Deal - Status"] for r in csv.DictReader(io.StringIO(PIPEDRIVE))}
    assert outcomes_in_db(engine) == status
    assert sales_picture(engine).overall.win_rate == pytest.approx(1 / 2)


@pytest.mark.parametrize(
    ("stage", "outcome"),
    [
        ("Won", DealOutcome.WON),
        ("won", DealOutcome.WON),
        ("Deal Won (Signed)", DealOutcome.WON),
        ("Closed - Won", DealOutcome.WON),
        ("Lost", DealOutcome.LOST),
        ("Lost - no budget", DealOutcome.LOST),
        ("Closed/Lost", DealOutcome.LOST),
        ("Won or lost review", DealOutcome.OPEN),  # says both: the flags must decide
        ("Won’t proceed", DealOutcome.OPEN),  # not the word "won"
        ("Appointment scheduled", DealOutcome.OPEN),
    ],
)
def test_the_stage_words_that_say_won_or_lost(
    engine: Engine, tmp_path: Path, stage: str, outcome: DealOutcome
) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(
        f'Record ID,Deal Name,Deal Stage,Create Date,Close Date\n1,Acme - New,"{stage}",'
        "2026-01-05,2026-02-05\n",
        encoding="utf-8",
    )
    run(engine, HubspotImporter(), path)
    assert outcomes_in_db(engine) == {"1": outcome.value}


def test_json_and_csv_with_a_chart_keep_stdout_parseable(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "hubspot-crm-exports-all-deals-2026-11-24.csv"
    path.write_text(HUBSPOT_CUSTOM_PIPELINES, encoding="utf-8")
    run(engine, HubspotImporter(), path, columns={"competitor": "Competitors"})
    ranking = run_cli(
        capsys, "--db", workspace_url, "competitors", "--format", "csv",
        "--chart", str(tmp_path / "ranking.svg"),
    )  # fmt: skip
    assert ranking.exit_code == 0, ranking.stderr
    rows = list(csv.DictReader(io.StringIO(ranking.stdout)))
    counted = {r["competitor"]: (r["lost"], r["open"]) for r in rows}
    assert counted == {"Pipedrive": ("2", "1"), "Spreadsheet": ("1", "0")}
    assert "chart written to" in ranking.stderr
    one = run_cli(
        capsys, "--db", workspace_url, "competitor", "pipedrive", "--format", "json",
        "--chart", str(tmp_path / "one.png"),
    )  # fmt: skip
    assert one.exit_code == 0, one.stderr
    assert json.loads(one.stdout)["revenue_at_stake"]["amount"] == "18500.00"  # 7000+2500+9000
    assert "chart written to" in one.stderr


def quarter(stamp: str) -> str:
    year, month = int(stamp[:4]), int(stamp[5:7])
    return f"{year}-Q{(month - 1) // 3 + 1}"


def test_one_competitor_as_csv_rows_recounted_from_the_export(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "hubspot-crm-exports-all-deals-2026-11-24.csv"
    path.write_text(HUBSPOT_CUSTOM_PIPELINES, encoding="utf-8")
    run(engine, HubspotImporter(), path)  # "Competitors" is read without --map

    # By hand from the file: deals naming Pipedrive, met in the quarter they were created,
    # lost in the quarter they closed; every deal here is open or lost.
    deals = [
        r for r in csv.DictReader(io.StringIO(HUBSPOT_CUSTOM_PIPELINES))
        if "pipedrive" in r["Competitors"].lower()
    ]  # fmt: skip
    expected: dict[str, list[int]] = {}
    for deal in deals:
        expected.setdefault(quarter(deal["Create Date"]), [0, 0, 0])[0] += 1
        if deal["Deal Stage"].startswith("Lost"):
            expected.setdefault(quarter(deal["Close Date"]), [0, 0, 0])[2] += 1
    result = run_cli(
        capsys, "--db", workspace_url, "competitor", "Pipedrive", "--format", "csv",
        "--rows", "quarters",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    quarters = {
        r["quarter"]: [int(r["met"]), int(r["won"]), int(r["lost"])]
        for r in csv.DictReader(io.StringIO(result.stdout))
    }
    assert quarters == expected == {"2026-Q2": [2, 0, 1], "2026-Q3": [0, 0, 1],
                                    "2026-Q4": [1, 0, 0]}  # fmt: skip

    losses = run_cli(
        capsys, "--db", workspace_url, "competitor", "Pipedrive", "--format", "csv",
        "--rows", "losses",
    )  # fmt: skip
    by_category = {
        r["category"]: (int(r["deals"]), r["revenue_lost"])
        for r in csv.DictReader(io.StringIO(losses.stdout))
    }
    assert sum(deals for deals, _ in by_category.values()) == 2
    assert by_category["price_budget"] == (1, "2500.00")  # "No budget this year"
    segments = run_cli(capsys, "--db", workspace_url, "competitor", "Pipedrive", "--format", "csv")
    assert list(csv.DictReader(io.StringIO(segments.stdout))) == [
        {"competitor": "Pipedrive", "segment": "", "won": "0", "lost": "2", "open": "1",
         "loss_rate": "1.0000"},
    ]  # fmt: skip


def test_hubspot_custom_company_properties_by_their_label_are_read(
    engine: Engine, tmp_path: Path
) -> None:
    companies = tmp_path / "hubspot-crm-exports-all-companies-2026-11-24.csv"
    companies.write_text(HUBSPOT_COMPANIES, encoding="utf-8")
    deals = tmp_path / "hubspot-crm-exports-all-deals-2026-11-24.csv"
    deals.write_text(HUBSPOT_CUSTOM_PIPELINES, encoding="utf-8")
    run(engine, HubspotImporter(), companies)
    run(engine, HubspotImporter(), deals)
    with engine.connect() as connection:
        accounts = connection.execute(
            text("SELECT name, segment, plan, arr, currency FROM accounts WHERE segment IS NOT "
                 "NULL ORDER BY name")
        ).all()  # fmt: skip
    assert [(n, s, p, None if a is None else int(a), c) for n, s, p, a, c in accounts] == [
        ("Vela Yoga", "SMB", None, None, None),
        ("Xavier Freight", "Enterprise", "Scale", 48000, "USD"),
        ("Yardley Foods", "Mid-Market", None, None, None),
    ]
    # The deals name their company only by name: each lands on the company of that name.
    by_segment = {r.key: (r.won, r.lost, r.open) for r in sales_picture(engine).breakdown}
    assert by_segment["Enterprise"] == (1, 0, 0)  # Xavier Freight: "Won"
    assert by_segment["Mid-Market"] == (0, 1, 0)  # Yardley Foods: "Lost"
    assert by_segment["SMB"] == (0, 1, 0)  # Vela Yoga: "Lost - no budget"


#: Reports → an Opportunities report → Export → Details Only (Lightning, US locale). This
#: org's custom fields are "Closed Lost Reason", "Closed Won Reason" and "Primary
#: Competitor", exported under their labels; the report has no "Opportunity ID" column.
SALESFORCE_REPORT = (
    '\ufeff"Opportunity Owner","Account Name","Opportunity Name","Stage","Fiscal Period",'
    '"Amount Currency","Amount","Probability (%)","Close Date","Created Date","Lead Source",'
    '"Type","Closed Lost Reason","Closed Won Reason","Primary Competitor"\r\n'
    '"Dana Reyes","Contoso Ltd","Contoso - Expansion","Closed Lost","Q1-2026","USD",'
    '"20,000.00","0","3/15/2026","1/30/2026","Partner","Existing Business",'
    '"Too expensive for this year\'s budget","","Dynamics 365; Excel"\r\n'
    '"Sam Okafor","Northwind Traders","Northwind - Platform","Closed Won","Q1-2026","USD",'
    '"48,000.00","100","2/27/2026","1/1/2026","Web","New Business","",'
    '"Security review passed","Zoho CRM"\r\n'
    '"Sam Okafor","Litware","Litware - New","Closed Lost","Q3-2026","USD","","0","7/1/2026",'
    '"7/6/2026","Web","New Business","Kept their in-house spreadsheet","","Spreadsheets"\r\n'
    "\r\n"
    '"Opportunity Pipeline"\r\n'
    '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\r\n'
    '"Confidential Information - Do Not Distribute"\r\n'
    '"Generated By:  Dana Reyes  11/24/2026 11:45 AM"\r\n'
)


def test_a_report_with_custom_reason_and_competitor_labels_is_read_without_a_map(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "report1732448700000.csv"
    path.write_bytes(SALESFORCE_REPORT.encode("utf-8"))
    run(engine, SalesforceImporter(), path)
    with engine.connect() as connection:
        deals = connection.execute(
            text("SELECT name, outcome, loss_reason, win_reason FROM deals ORDER BY name")
        ).all()
        links = connection.execute(
            text(
                "SELECT d.name, c.name, dc.relation FROM deal_competitors dc "
                "JOIN deals d ON d.id = dc.deal_id JOIN competitors c ON c.id = dc.competitor_id "
                "ORDER BY d.name, c.name"
            )
        ).all()
    assert [tuple(d) for d in deals] == [
        ("Contoso - Expansion", "lost", "Too expensive for this year's budget", None),
        ("Litware - New", "lost", "Kept their in-house spreadsheet", None),
        ("Northwind - Platform", "won", None, "Security review passed"),
    ]
    assert [tuple(link) for link in links] == [
        ("Contoso - Expansion", "Dynamics 365", "lost_to"),
        ("Contoso - Expansion", "Excel", "lost_to"),
        ("Litware - New", "Spreadsheets", "lost_to"),
        ("Northwind - Platform", "Zoho CRM", "won_against"),
    ]
    losses = {c.category.value: c.deals for c in sales_picture(engine).losses.categories}
    assert (losses["price_budget"], losses["status_quo"], losses["unclassified"]) == (1, 1, 0)


def test_competitors_typed_on_separate_lines_of_one_cell_are_separate(
    engine: Engine, tmp_path: Path
) -> None:
    """A deals sheet kept by hand and exported from Excel: Alt+Enter between names."""
    path = tmp_path / "deals.csv"
    path.write_bytes(
        b"Record ID,Deal Name,Deal Stage,Amount,Create Date,Close Date,Competitors\r\n"
        b'31,Harbor Dental - New,Closed lost,4200,2026-02-01,2026-03-02,"Zoho\r\nExcel"\r\n'
        b'32,Kiln Studio - New,Closed won,1800,2026-02-01,2026-03-09,"Acme, Inc.\nZoho; Excel"\r\n'
    )
    run(engine, HubspotImporter(), path)
    with engine.connect() as connection:
        links = connection.execute(
            text(
                "SELECT d.external_id, c.name, dc.relation FROM deal_competitors dc "
                "JOIN deals d ON d.id = dc.deal_id JOIN competitors c ON c.id = dc.competitor_id "
                "ORDER BY d.external_id, c.name"
            )
        ).all()
    assert [tuple(link) for link in links] == [
        ("31", "Excel", "lost_to"),
        ("31", "Zoho", "lost_to"),
        ("32", "Acme, Inc.", "won_against"),
        ("32", "Excel", "won_against"),
        ("32", "Zoho", "won_against"),
    ]


def test_a_report_showing_only_the_converted_amount_keeps_its_amounts(
    engine: Engine, tmp_path: Path
) -> None:
    """Multi-currency org, report column "Amount (converted)": the figures in the corporate
    currency, with their own currency column."""
    path = tmp_path / "report1732448700001.csv"
    path.write_bytes(
        b'"Opportunity Name","Account Name","Stage","Amount (converted) Currency",'
        b'"Amount (converted)","Close Date","Created Date","Opportunity ID"\r\n'
        b'"Garnier - New","Transports Garnier SAS","Closed Won","EUR","23,200.00","11/4/2025",'
        b'"10/6/2025","0065g0000SIVwwI"\r\n'
        b'"Kestrel - New","Kestrel Logistics Ltd","Closed Lost","EUR","14,800.00","3/31/2026",'
        b'"1/12/2026","0065g0000SIZaBc"\r\n'
    )
    run(engine, SalesforceImporter(), path)
    with engine.connect() as connection:
        amounts = connection.execute(
            text("SELECT name, amount, currency FROM deals ORDER BY name")
        ).all()
    assert [(n, float(a), c) for n, a, c in amounts] == [
        ("Garnier - New", 23200.0, "EUR"),
        ("Kestrel - New", 14800.0, "EUR"),
    ]
    assert not [n for n in sales_picture(engine).notes if n.kind == "no_amount"]


def test_sales_before_any_import_says_what_to_do(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "sales")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("No deals yet: import your CRM's deals first")
    assert "Win rate by" not in result.stdout  # no empty tables


def test_a_loss_is_corrected_by_the_id_the_salesforce_report_shows(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "report1732448700002.csv"
    path.write_bytes(
        b'"Opportunity Name","Account Name","Stage","Amount","Close Date","Created Date",'
        b'"Loss Reason","Opportunity ID"\r\n'
        b'"Contoso - Expansion","Contoso Ltd","Closed Lost","20000","3/15/2026","1/30/2026",'
        b'"Too expensive","0065g00000AbCd2"\r\n'
    )
    run(engine, SalesforceImporter(), path)
    result = run_cli(
        capsys, "--db", workspace_url, "loss-reason", "0065g00000AbCd2", "--category",
        "relationship",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with engine.connect() as connection:
        saved = connection.execute(
            text(
                "SELECT d.external_id, l.category, l.assigned_by FROM loss_classifications l "
                "JOIN deals d ON d.id = l.deal_id"
            )
        ).all()
    assert [tuple(r) for r in saved] == [("0065g00000AbCd2AAF", "relationship", "person")]
    unknown = run_cli(
        capsys, "--db", workspace_url, "loss-reason", "0065g00000ZzZz9", "--category",
        "relationship",
    )  # fmt: skip
    assert unknown.exit_code == 1
    assert "'0065g00000ZzZz9'" in unknown.stderr


def test_a_multi_currency_portal_without_the_currency_column_reads_the_company_amount(
    engine: Engine, tmp_path: Path
) -> None:
    """The default deals view has no Currency column: "Amount" is 9,000 of some deal's own
    currency (EUR here), unnamed; "Amount in company currency" is the portal's (GBP)."""
    path = tmp_path / "hubspot-crm-exports-all-deals-2026-11-24.csv"
    path.write_text(
        '"Record ID","Deal Name","Deal Stage","Amount","Amount in company currency",'
        '"Close Date","Create Date"\n'
        '"41","Lyon Bakery - New","Closed won","9000","7830","2026-03-01","2026-02-01"\n'
        '"42","Leeds Tiles - New","Closed lost","5000","5000","2026-03-01","2026-02-01"\n',
        encoding="utf-8",
    )
    run(engine, HubspotImporter(), path, options={"currency": "GBP"})
    with engine.connect() as connection:
        amounts = connection.execute(
            text("SELECT external_id, amount, currency FROM deals ORDER BY external_id")
        ).all()
    assert [(i, int(a), c) for i, a, c in amounts] == [("41", 7830, "GBP"), ("42", 5000, "GBP")]


def test_with_the_currency_column_each_deal_keeps_its_own_amount(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "hubspot-crm-exports-all-deals-2026-11-24.csv"
    path.write_text(
        '"Record ID","Deal Name","Deal Stage","Amount","Currency","Amount in company currency",'
        '"Close Date","Create Date"\n'
        '"41","Lyon Bakery - New","Closed won","9000","EUR","7830","2026-03-01","2026-02-01"\n',
        encoding="utf-8",
    )
    run(engine, HubspotImporter(), path, options={"currency": "GBP"})
    with engine.connect() as connection:
        amounts = connection.execute(text("SELECT amount, currency FROM deals")).all()
    assert [(int(a), c) for a, c in amounts] == [(9000, "EUR")]
