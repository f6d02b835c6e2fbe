"""HubSpot: the deals and companies CSV exports, with the UI's human headers."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.importers.crm_snapshot import crm
from tradeoff.domain.enums import (
    AccountLifecycle,
    CompetitorRelation,
    DealOutcome,
    EvidenceKind,
    EvidenceMode,
    PersonRole,
)
from tradeoff.domain.evidence import ImportBatch
from tradeoff.domain.workspace import WorkspaceSettings
from tradeoff.errors import InputError
from tradeoff.importers.base import ReadContext
from tradeoff.importers.batch import ImportReport
from tradeoff.importers.drafts import DealDraft
from tradeoff.importers.hubspot import HubspotImporter, company_lifecycle
from tradeoff.importers.registry import run
from tradeoff.importers.textfile import inspect_file
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.workspace import save_workspace_settings

#: CRM → Companies → Export, every value quoted. "Customer ARR" and "Plan" are this
#: portal's custom properties (HubSpot has no standard ARR for companies), mapped below.
COMPANIES = """\
"Record ID","Company name","Company Domain Name","Annual Revenue","Number of Employees",\
"Country/Region","Industry","Lifecycle Stage","Company owner","Create Date","Customer ARR","Plan"
"9871234501","Brightwater Logistics Ltd","brightwater.example","18000000","140","United Kingdom",\
"Logistics and Supply Chain","Customer","Oliver Grant","2024-03-11 09:30","42000","Scale"
"9871234502","Fjällräven Verkstad AB","fjallraven-verkstad.example","","35","Sweden","",\
"Sales Qualified Lead","Clara Neumann","2025-09-02 14:05","",""
"9871234503","Copperline Electric Inc.","https://www.copperline-electric.example/","4820000","29",\
"United States","Construction","Former customer","Dana Whitfield","2023-01-20 10:00","",""
"9871234504","Pinecone Print Shop","pinecone-print.example","","8","United States","Printing",\
"Other","","2025-01-04 08:00","",""
"""
COMPANY_MAP = {"arr": "Customer ARR", "plan": "Plan"}

DEAL_HEADER = (
    '"Record ID","Deal Name","Pipeline","Deal Stage","Amount","Currency","Close Date",'
    '"Create Date","Deal owner","Deal Type","Deal Description","Closed Lost Reason",'
    '"Closed Won Reason","Associated Company IDs (Primary)","Associated Company (Primary)",'
    '"Competitor"'
)
BRIGHTWATER = (
    '"18234567001","Brightwater - Expansion 2026","Sales Pipeline","Closed lost","24000","GBP",'
    '"2026-02-27 00:00","2025-12-02 10:15","Oliver Grant","Existing Business",'
    '"Wants multi-entity payouts.\nCFO asked about <script>alert(1)</script> in exports.",'
    '"=HYPERLINK(""http://x"")","","9871234501","Brightwater Logistics Ltd",'
    '"Fernbank;Spreadsheet"'
)
FJALLRAVEN = (
    '"18234567002","Fjällräven Verkstad - New Business","Sales Pipeline","Closed won","310000",'
    '"SEK","2026-01-15 00:00","2025-10-01 08:00","Clara Neumann","New Business","","",'
    '"Smooth onboarding; Åsa in finance loved approvals.","9871234502","Fjällräven Verkstad AB",'
    '"Pennyworth"'
)
PINECONE = (
    '"18234567003","Pinecone - New Business","Renewals","Contract sent","7200","USD",'
    '"2026-05-31 00:00","2026-03-01 12:00","Dana Whitfield","New Business","","","",'
    '"9871234504","Pinecone Print Shop","Pennyworth"'
)
COPPERLINE = (
    '"18234567004","Copperline - Renewal","Renewals","Closed Won & Paid","23000","USD",'
    '"2025-12-20 00:00","2025-11-01 09:00","dana.whitfield@ledgerly.example","Existing Business",'
    '"","","","9871234503","Copperline Electric Inc.",""'
)
DEAL_MAP = {"competitor": "Competitor"}


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def write(path: Path, *lines: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return path


def deals_file(path: Path, *rows: str) -> Path:
    return write(path, DEAL_HEADER, *rows)


@pytest.fixture
def companies(ledgerly: Engine, tmp_path: Path) -> Engine:
    path = write(tmp_path / "hubspot-crm-exports-all-companies.csv", COMPANIES)
    run_hubspot(ledgerly, path, COMPANY_MAP)
    return ledgerly


def run_hubspot(
    engine: Engine, path: Path, columns: dict[str, str], *, skip_bad_rows: bool = False
) -> ImportReport:
    return run(engine, HubspotImporter(), path, columns=columns, skip_bad_rows=skip_bad_rows)


def test_companies_become_accounts(companies: Engine) -> None:
    shown = [
        (a.external_id, a.name, a.domain, a.lifecycle, a.arr, a.currency, a.plan, a.employees,
         a.region)
        for a in crm(companies).accounts
    ]  # fmt: skip
    assert shown == [
        ("9871234501", "Brightwater Logistics Ltd", "brightwater.example",
         AccountLifecycle.CUSTOMER, Decimal("42000"), "USD", "Scale", 140, "United Kingdom"),
        ("9871234502", "Fjällräven Verkstad AB", "fjallraven-verkstad.example",
         AccountLifecycle.PROSPECT, None, None, None, 35, "Sweden"),
        ("9871234503", "Copperline Electric Inc.", "copperline-electric.example",
         AccountLifecycle.CHURNED, None, None, None, 29, "United States"),
        ("9871234504", "Pinecone Print Shop", "pinecone-print.example",
         AccountLifecycle.PROSPECT, None, None, None, 8, "United States"),
    ]  # fmt: skip
    assert crm(companies).accounts[0].attributes == {
        "Annual Revenue": "18000000",
        "Industry": "Logistics and Supply Chain",
        "Lifecycle Stage": "Customer",
        "Company owner": "Oliver Grant",
        "Create Date": "2024-03-11 09:30",
    }


def test_deals_become_deals_with_competitors_and_notes_relayed_by_the_owner(
    companies: Engine, tmp_path: Path
) -> None:
    path = deals_file(tmp_path / "deals.csv", BRIGHTWATER, FJALLRAVEN, PINECONE, COPPERLINE)
    report = run_hubspot(companies, path, DEAL_MAP)
    state = crm(companies)
    assert report.by_entity == {
        "deals": {"inserted": 4},
        "evidence items": {"inserted": 2},
        "competitor links": {"inserted": len(state.relations())},
    }
    shown = [
        (d.external_id, state.account_name(d.account_id), d.amount, d.currency, d.stage,
         d.outcome, d.created_at, d.closed_at, d.loss_reason, d.win_reason, d.owner, d.deal_type)
        for d in state.deals
    ]  # fmt: skip
    assert shown == [
        ("18234567001", "Brightwater Logistics Ltd", Decimal("24000"), "GBP", "Closed lost",
         DealOutcome.LOST, utc(2025, 12, 2, 10, 15), utc(2026, 2, 27), '=HYPERLINK("http://x")',
         None, "Oliver Grant", "Existing Business"),
        ("18234567002", "Fjällräven Verkstad AB", Decimal("310000"), "SEK", "Closed won",
         DealOutcome.WON, utc(2025, 10, 1, 8), utc(2026, 1, 15), None,
         "Smooth onboarding; Åsa in finance loved approvals.", "Clara Neumann", "New Business"),
        ("18234567003", "Pinecone Print Shop", Decimal("7200"), "USD", "Contract sent",
         DealOutcome.OPEN, utc(2026, 3, 1, 12), None, None, None, "Dana Whitfield",
         "New Business"),
        ("18234567004", "Copperline Electric Inc.", Decimal("23000"), "USD", "Closed Won & Paid",
         DealOutcome.WON, utc(2025, 11, 1, 9), utc(2025, 12, 20), None, None,
         "dana.whitfield@ledgerly.example", "Existing Business"),
    ]  # fmt: skip
    assert state.relations() == {
        ("18234567001", "Fernbank", CompetitorRelation.LOST_TO),
        ("18234567001", "Spreadsheet", CompetitorRelation.LOST_TO),
        ("18234567002", "Pennyworth", CompetitorRelation.WON_AGAINST),
        ("18234567003", "Pennyworth", CompetitorRelation.EVALUATED),
    }
    (oliver,) = state.people
    assert (oliver.name, oliver.role, oliver.account_id) == ("Oliver Grant", PersonRole.SALES, None)
    notes = [
        (e.external_id, e.kind, e.mode, e.text, e.created_at, state.account_name(e.account_id),
         e.person_id, e.relayed_by_id, e.tags)
        for e in state.evidence
    ]  # fmt: skip
    assert notes == [
        ("18234567001:description", EvidenceKind.DEAL_NOTE, EvidenceMode.STATED,
         "Wants multi-entity payouts.\nCFO asked about <script>alert(1)</script> in exports.",
         utc(2025, 12, 2, 10, 15), "Brightwater Logistics Ltd", None, oliver.id, ["deal_lost"]),
        ("18234567001:loss_reason", EvidenceKind.DEAL_NOTE, EvidenceMode.STATED,
         '=HYPERLINK("http://x")', utc(2026, 2, 27), "Brightwater Logistics Ltd", None,
         oliver.id, ["deal_lost", "loss_reason"]),
    ]  # fmt: skip


def test_an_export_with_internal_values_reads_too(ledgerly: Engine, tmp_path: Path) -> None:
    path = write(
        tmp_path / "deals-internal.csv",
        "hs_object_id,dealname,dealstage,amount,deal_currency_code,closedate,createdate,"
        "hubspot_owner_id,hs_is_closed_won,hs_is_closed",
        "901,Umbrella - New,closedlost,5000,EUR,2026-01-10T00:00:00Z,2025-12-01T08:00:00Z,"
        "41592653,false,true",
        "902,Initech - New,appointmentscheduled,1000,EUR,2026-06-30T00:00:00Z,"
        "2026-03-01T08:00:00Z,41592653,false,false",
    )
    run_hubspot(ledgerly, path, {})
    assert [(d.external_id, d.outcome, d.closed_at) for d in crm(ledgerly).deals] == [
        ("901", DealOutcome.LOST, utc(2026, 1, 10)),
        ("902", DealOutcome.OPEN, None),
    ]


@pytest.mark.parametrize(
    ("stage", "won", "closed", "outcome"),
    [
        ("Closed won", "", "", DealOutcome.WON),
        ("closedwon", "", "", DealOutcome.WON),
        ("Closed & Won", "", "", DealOutcome.WON),
        ("Closed lost", "", "", DealOutcome.LOST),
        ("Decision maker bought-in", "", "", DealOutcome.OPEN),
        ("Closed won", "false", "true", DealOutcome.LOST),
        ("Vertrag unterschrieben", "true", "true", DealOutcome.WON),
        ("Vertrag verloren", "false", "true", DealOutcome.LOST),
    ],
)
def test_the_outcome_trusts_the_flags_then_the_stage(
    tmp_path: Path, stage: str, won: str, closed: str, outcome: DealOutcome
) -> None:
    path = write(
        tmp_path / "deals.csv",
        "Record ID,Deal Name,Deal Stage,Is Closed Won,Is Deal Closed?",
        f"1,Acme - New,{stage},{won},{closed}",
    )
    records = list(HubspotImporter().read(inspect_file(path), ReadContext()))
    assert [r.outcome for r in records if isinstance(r, DealDraft)] == [outcome]


def test_is_closed_won_without_is_deal_closed_decides_as_far_as_it_goes(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """Exported without "Is Deal Closed?": true is won whatever the stage; false rules won
    out, so a stage HubSpot does not count as closed won ("Verbal won") is still pipeline,
    and a lost stage is lost; an empty flag leaves the stage to say."""
    path = write(
        tmp_path / "hubspot-crm-exports-all-deals.csv",
        '"Record ID","Deal Name","Deal Stage","Amount","Currency","Close Date","Create Date",'
        '"Is Closed Won"',
        '"801","Acme - New","Contract Signed","1000","USD","2026-01-10","2025-12-01","true"',
        '"802","Beta - New","Closed lost","1000","USD","2026-01-10","2025-12-01","true"',
        '"803","Gamma - New","Verbal won (pending signature)","1000","USD","2026-01-10",'
        '"2025-12-01","false"',
        '"804","Delta - New","Closed won","1000","USD","2026-01-10","2025-12-01","false"',
        '"805","Eta - New","Closed lost","1000","USD","2026-01-10","2025-12-01","false"',
        '"806","Theta - New","Demo","1000","USD","2026-01-10","2025-12-01","false"',
        '"807","Iota - New","Won","1000","USD","2026-01-10","2025-12-01",""',
    )
    report = run_hubspot(ledgerly, path, {})
    assert [(d.external_id, d.outcome) for d in crm(ledgerly).deals] == [
        ("801", DealOutcome.WON),
        ("802", DealOutcome.WON),
        ("803", DealOutcome.OPEN),
        ("804", DealOutcome.OPEN),
        ("805", DealOutcome.LOST),
        ("806", DealOutcome.OPEN),
        ("807", DealOutcome.WON),
    ]
    assert report.deal_notes == (
        "3 deals whose stages contradict their Closed / Won columns (kept: counted by the "
        "columns): 'Closed lost' recorded won (1), 'Verbal won (pending signature)' recorded "
        "open (1), 'Closed won' recorded open (1)",
    )


@pytest.mark.parametrize(
    ("stage", "lifecycle"),
    [
        ("Customer", AccountLifecycle.CUSTOMER),
        ("evangelist", AccountLifecycle.CUSTOMER),
        ("marketingqualifiedlead", AccountLifecycle.PROSPECT),
        ("Opportunity", AccountLifecycle.PROSPECT),
        ("Churned customer", AccountLifecycle.CHURNED),
        ("Other", None),
        ("", None),
    ],
)
def test_lifecycle_stages(stage: str, lifecycle: AccountLifecycle | None) -> None:
    assert company_lifecycle(stage) is lifecycle


def test_reimport_changes_nothing_and_an_overlapping_export_updates_in_place(
    companies: Engine, tmp_path: Path
) -> None:
    first = deals_file(tmp_path / "week1.csv", BRIGHTWATER, FJALLRAVEN, PINECONE)
    run_hubspot(companies, first, DEAL_MAP)
    before = crm(companies)
    same = run_hubspot(companies, first, DEAL_MAP)
    assert (same.already_imported, same.inserted, same.updated) == (True, 0, 0)
    # Read again for real (another mapping is another reading): every record unchanged.
    again = run_hubspot(companies, first, {**DEAL_MAP, "owner": "Deal owner"})
    links = len(before.relations())
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3 + 2 + links)
    assert crm(companies).deals == before.deals
    lost = PINECONE.replace('"Contract sent"', '"Closed lost"').replace(
        '"New Business","","","",', '"New Business","","Went with Pennyworth.","",'
    )
    report = run_hubspot(companies, deals_file(tmp_path / "week2.csv", lost, COPPERLINE), DEAL_MAP)
    assert report.by_entity == {
        "deals": {"updated": 1, "inserted": 1},
        "evidence items": {"inserted": 1},
        # Pinecone's competitor, evaluated while the deal was open, is now the one it lost to.
        "competitor links": {"updated": 1},
    }
    state = crm(companies)
    assert [(d.external_id, d.outcome, d.loss_reason) for d in state.deals] == [
        ("18234567001", DealOutcome.LOST, '=HYPERLINK("http://x")'),
        ("18234567002", DealOutcome.WON, None),
        ("18234567003", DealOutcome.LOST, "Went with Pennyworth."),
        ("18234567004", DealOutcome.WON, None),
    ]
    assert ("18234567003", "Pennyworth", CompetitorRelation.LOST_TO) in state.relations()


@pytest.mark.parametrize(
    ("lines", "column", "message"),
    [
        (('"Record ID","Subject"', '"1","Hello"'), None, "not a HubSpot deals or companies"),
        (('"Deal Name","Deal Stage"', '"Acme","Closed won"'), "external_id", "no column for"),
        ((DEAL_HEADER, BRIGHTWATER[:40]), None, "not a readable CSV"),
    ],
)
def test_a_file_it_cannot_read_stops_with_its_location_and_writes_nothing(
    ledgerly: Engine,
    tmp_path: Path,
    lines: tuple[str, ...],
    column: str | None,
    message: str,
) -> None:
    path = write(tmp_path / "export.csv", *lines)
    with pytest.raises(InputError, match=message) as caught:
        run_hubspot(ledgerly, path, {})
    assert (caught.value.path, caught.value.column) == (str(path), column)
    assert caught.value.line is not None
    state = crm(ledgerly)
    assert (state.batches, state.deals, state.accounts) == (0, [], [])


def test_a_bad_row_stops_the_import_or_is_rejected_with_skip(
    companies: Engine, tmp_path: Path
) -> None:
    bad = FJALLRAVEN.replace('"2026-01-15 00:00"', '"end of Q1"')
    path = deals_file(tmp_path / "deals.csv", BRIGHTWATER, bad, PINECONE)
    with pytest.raises(InputError, match="not a date or time") as caught:
        run_hubspot(companies, path, DEAL_MAP)
    # The Brightwater description spans two lines, so the bad row starts on line 4.
    assert (caught.value.line, caught.value.column) == (4, "Close Date")
    assert crm(companies).deals == []
    report = run_hubspot(companies, path, DEAL_MAP, skip_bad_rows=True)
    assert (report.by_entity["deals"], report.rejected) == ({"inserted": 2}, 1)
    assert report.rejects_file is not None
    with report.rejects_file.open(encoding="utf-8", newline="") as handle:
        (reject,) = list(csv.DictReader(handle))
    assert (reject["line"], reject["column"]) == ("4", "Close Date")
    assert "end of Q1" in reject["reason"]


#: A deals view with no Currency column, as a single-currency portal exports it.
BARE_DEALS = (
    '"Record ID","Deal Name","Deal Stage","Amount","Close Date","Create Date",'
    '"Associated Company IDs (Primary)"',
    '"18234567001","Brightwater - Expansion 2026","Closed won","24000","2026-02-27 00:00",'
    '"2025-12-02 10:15","9871234501"',
    # A code written with the amount still names its currency.
    '"18234567003","Pinecone - New Business","Closed won","GBP 7,200","2026-05-31 00:00",'
    '"2026-03-01 12:00","9871234504"',
)


def test_an_amount_that_names_no_currency_is_in_the_workspace_base_currency(
    engine: Engine, tmp_path: Path
) -> None:
    """A EUR workspace's export with no Currency column: its ARR and amounts are euros, not
    dollars; ``--currency`` still says otherwise, and the batch records what was used."""
    with write_session(engine) as session:
        save_workspace_settings(
            session,
            WorkspaceSettings(
                company_name="Ledgerly",
                internal_email_domains=["ledgerly.example"],
                base_currency="EUR",
            ),
        )
    run_hubspot(engine, write(tmp_path / "companies.csv", COMPANIES), COMPANY_MAP)
    deals = write(tmp_path / "deals.csv", *BARE_DEALS)
    run_hubspot(engine, deals, {})
    state = crm(engine)
    assert [(a.name, a.arr, a.currency) for a in state.accounts if a.arr is not None] == [
        ("Brightwater Logistics Ltd", Decimal("42000"), "EUR")
    ]
    assert [(d.external_id, d.amount, d.currency) for d in state.deals] == [
        ("18234567001", Decimal("24000"), "EUR"),
        ("18234567003", Decimal("7200"), "GBP"),
    ]
    with read_session(engine) as session:
        recorded = [
            b.mapping.get("option:currency") for b in repository.list_all(session, ImportBatch)
        ]
    assert recorded == ["EUR", "EUR"]

    run(engine, HubspotImporter(), deals, options={"currency": "USD"})
    assert [(d.external_id, d.currency) for d in crm(engine).deals] == [
        ("18234567001", "USD"),
        ("18234567003", "GBP"),
    ]


def test_a_bad_company_currency_amount_is_refused_naming_its_own_column(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """Without a Currency column the amount read is "Amount in company currency": an error
    names that column, not "Amount"."""
    path = write(
        tmp_path / "deals.csv",
        '"Record ID","Deal Name","Deal Stage","Amount","Amount in company currency","Create Date"',
        '"41","Lyon Bakery - New","Closed won","9000","EUR n/a","2026-02-01"',
    )
    with pytest.raises(InputError) as caught:
        run_hubspot(ledgerly, path, {})
    assert str(caught.value) == (
        f"{path}, line 2, column 'Amount in company currency': not a number: 'EUR n/a'"
    )
    assert crm(ledgerly).deals == []
