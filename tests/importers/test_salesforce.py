"""Salesforce: Data Loader and report exports of opportunities, accounts, users, competitors."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete

from tests.cli.helpers import run_cli
from tests.importers.crm_snapshot import crm
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import (
    AccountLifecycle,
    CompetitorKind,
    CompetitorRelation,
    DealOutcome,
    EvidenceKind,
    EvidenceMode,
    PersonRole,
)
from tradeoff.errors import InputError
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter, salesforce_id
from tradeoff.storage import demand_kept, repository
from tradeoff.storage.demand import DemandQuery, SubjectKind
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import DemandKeptStateRow

DEMO = Path(__file__).resolve().parents[2] / "demo" / "data" / "salesforce"

#: Data Loader writes every value quoted, booleans as true/false, datetimes as ISO with
#: milliseconds; this org calls its custom fields Closed_Lost_Reason__c and
#: Primary_Competitor__c (mapped below) and has renamed "Closed Won" to "Signed".
ACCOUNTS = """\
"Id","Name","Type","Industry","AnnualRevenue","NumberOfEmployees","BillingCountry","OwnerId",\
"Website","ARR__c","Plan__c","Segment__c","CurrencyIsoCode","Renewal_Date__c","Churn_Date__c"
"0015g0000SIxT3qAQF","De Vries Installatietechniek B.V.","Customer","Construction","8400000.0",\
"61","Netherlands","0055g0000SIYzaoAQD","https://www.devries-installatie.example/nl","18000.0",\
"Growth","SMB","EUR","2026-10-01",""
"0015g0000SIvi58AQB","Transports Garnier SAS","Prospect","Transportation","31000000.0","240",\
"France","0055g0000SIZQpzAQH","garnier-transports.example","","","Mid-Market","EUR","",""
"0015g0000SIhD0HAQV","Müller & Söhne GmbH","Former Customer","Retail","2100000.0","12","Germany",\
"0055g0000SIYzaoAQD","www.mueller-soehne.example","4800.0","Starter","SMB","EUR","","2026-01-31"
"0015g0000SIYQ6jAQH","Granite State Brewing Co.","Customer - Direct","Food & Beverage",\
"12500000.0","85","United States","0055g0000SIY76SAQT","http://granitestatebrewing.example",\
"64800.0","Scale","Mid-Market","USD","2026-11-08",""
"""
OPPORTUNITY_HEADER = (
    '"Id","Name","AccountId","StageName","Amount","CurrencyIsoCode","CloseDate","CreatedDate",'
    '"IsClosed","IsWon","Type","LeadSource","OwnerId","Description","NextStep",'
    '"Closed_Lost_Reason__c","Win_Reason__c","Primary_Competitor__c"'
)
GARNIER = (
    '"0065g0000SIVwwIAQT","Transports Garnier - New Business","0015g0000SIvi58AQB","Closed Lost",'
    '"23200.0","EUR","2025-11-04","2025-10-06T15:17:58.000Z","true","false","New Business",'
    '"Event","0055g0000SIZQpzAQH","Event lead (Accountex).\nWants approvals over 5k.\n'
    '<script>alert(1)</script>","","Procurement uneasy about a young fintech holding payroll '
    'funds; stayed with Fernbank.","","Fernbank;Excel spreadsheets"'
)
GRANITE = (
    '"0065g0000SIWOBTAQ5","Granite State Brewing - Renewal 2025","0015g0000SIYQ6jAQH","Signed",'
    '"64800.0","USD","2025-11-08","2025-10-07T09:58:48.000Z","true","true","Renewal","",'
    '"0055g0000SIaJKLAQ3","","","","Won: usage healthy, CFO is a champion.","Pennyworth"'
)
DE_VRIES = (
    '"0065g0000SIXGfpAQH","De Vries - Expansion (more cards)","0015g0000SIxT3qAQF",'
    '"Negotiation/Review","9200.0","EUR","2026-04-30","2026-02-08T07:13:44.000Z","false","false",'
    '"Expansion","Partner Referral","0055g0000SIYzaoAQD","Wants cards for 20 more fitters.",'
    '"Send revised quote","","","In-house tool"'
)
MUELLER = (
    '"0065g0000SIV4RwAQL","Müller & Söhne - Renewal","0015g0000SIhD0HAQV","Closed Lost","4800.0",'
    '"EUR","2026-01-31","2025-12-01T10:00:00.000Z","true","false","Renewal","",'
    '"0055g0000SIYzaoAQD","","","=HYPERLINK(""http://x"",""Zoë"")","","No decision"'
)
COMPETITORS = """\
"Id","OpportunityId","CompetitorName","Strengths","Weaknesses"
"00J5g0000SIVIPHEQ5","0065g0000SIVwwIAQT","Fernbank","Established brand; trusted by boards.",\
"Slow onboarding (weeks)."
"00J5g0000SIVjeSEQT","0065g0000SIXGfpAQH","Fernbank","Existing lending relationship.",""
"""
USERS = """\
"Id","Username","FirstName","LastName","Name","Email","Title","Department","IsActive"
"0055g0000SIZQpzAQH","hugo.lefevre@ledgerly.example","Hugo","Lefèvre","Hugo Lefèvre",\
"hugo.lefevre@ledgerly.example","Account Executive, France, Benelux & Iberia","Sales","true"
"0055g0000SIaJKLAQ3","jake.morales@ledgerly.example","Jake","Morales","Jake Morales",\
"jake.morales@ledgerly.example","Customer Success Manager, North America","Customer Success",\
"true"
"0055g0000SIYzaoAQD","clara.neumann@ledgerly.example","Clara","Neumann","Clara Neumann",\
"clara.neumann@ledgerly.example","Account Executive, DACH","Sales","true"
"0055g0000SIZs5AAQT","rachel.stein@ledgerly.example","Rachel","Stein","Rachel Stein",\
"rachel.stein@ledgerly.example","Chief Revenue Officer","Sales","true"
"""
MAP = {"loss_reason": "Closed_Lost_Reason__c", "competitor": "Primary_Competitor__c"}

#: A report's "Details only" CSV: labels, the user's locale, 15-character ids, and a footer.
REPORT = """\
"Opportunity ID","Opportunity Name","Account Name","Stage","Amount","Close Date","Created Date",\
"Opportunity Owner","Lead Source","Type","Loss Reason","Competitor"
"0065g0000SIVwwI","Transports Garnier - New Business","Transports Garnier SAS","Closed Lost",\
"EUR 23,200.00","11/4/2025","10/6/2025","Hugo Lefèvre","Event","New Business",\
"Stayed with Fernbank.","Fernbank"
"0065g0000SIZ9xQ","Ørsted Facilities - New Business","Ørsted Facilities A/S","Closed Won",\
"DKK 96,000.00","12/15/2025","11/2/2025","Clara Neumann","Web","New Business","",""
"0065g0000SIZaBc","Kestrel Logistics - Expansion","Kestrel Logistics Ltd","Proposal/Price Quote",\
"GBP 14,800.00","3/31/2026","1/12/2026","Oliver Grant","","Expansion","",""
""
""
"Opportunity Pipeline"
"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."
"Confidential Information - Do Not Distribute"
"Generated By:  Rachel Stein  11/23/2025 9:12 AM"
"Ledgerly"
"""


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def write(path: Path, text: str, newline: str = "\r\n") -> Path:
    """Byte-exact: Data Loader ends records with CRLF (quoted line breaks become CRLF too)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def opportunities(folder: Path, *rows: str, users: bool = True, competitors: bool = True) -> Path:
    if users:
        write(folder / "users.csv", USERS)
    if competitors:
        write(folder / "opportunity_competitors.csv", COMPETITORS)
    return write(folder / "opportunities.csv", "\n".join([OPPORTUNITY_HEADER, *rows]) + "\n")


def test_accounts_keep_arr_apart_from_the_companys_own_revenue(
    ledgerly: Engine, tmp_path: Path
) -> None:
    report = run(ledgerly, SalesforceImporter(), write(tmp_path / "accounts.csv", ACCOUNTS))
    assert report.by_entity == {"accounts": {"inserted": 4}}
    shown = [
        (a.external_id, a.name, a.domain, a.lifecycle, a.arr, a.currency, a.plan, a.segment,
         a.employees, a.region, a.renewal_on, a.churned_at)
        for a in crm(ledgerly).accounts
    ]  # fmt: skip
    assert shown == [
        ("0015g0000SIxT3qAQF", "De Vries Installatietechniek B.V.", "devries-installatie.example",
         AccountLifecycle.CUSTOMER, Decimal("18000"), "EUR", "Growth", "SMB", 61, "Netherlands",
         date(2026, 10, 1), None),
        ("0015g0000SIvi58AQB", "Transports Garnier SAS", "garnier-transports.example",
         AccountLifecycle.PROSPECT, None, "EUR", None, "Mid-Market", 240, "France", None, None),
        ("0015g0000SIhD0HAQV", "Müller & Söhne GmbH", "mueller-soehne.example",
         AccountLifecycle.CHURNED, Decimal("4800"), "EUR", "Starter", "SMB", 12, "Germany", None,
         utc(2026, 1, 31)),
        ("0015g0000SIYQ6jAQH", "Granite State Brewing Co.", "granitestatebrewing.example",
         AccountLifecycle.CUSTOMER, Decimal("64800"), "USD", "Scale", "Mid-Market", 85,
         "United States", date(2026, 11, 8), None),
    ]  # fmt: skip
    assert crm(ledgerly).accounts[0].attributes == {
        "Type": "Customer",
        "Industry": "Construction",
        "AnnualRevenue": "8400000.0",
        "OwnerId": "0055g0000SIYzaoAQD",
    }


def test_opportunities_become_deals_with_competitors_notes_and_their_owners(
    ledgerly: Engine, tmp_path: Path
) -> None:
    run(ledgerly, SalesforceImporter(), write(tmp_path / "accounts.csv", ACCOUNTS))
    path = opportunities(tmp_path, GARNIER, GRANITE, DE_VRIES, MUELLER)
    report = run(ledgerly, SalesforceImporter(), path, columns=MAP)
    state = crm(ledgerly)
    assert report.by_entity == {
        "people": {"inserted": 4},
        "deals": {"inserted": 4},
        "evidence items": {"inserted": 4},
        "competitor links": {"inserted": len(state.links)},
    }
    deals = [
        (d.external_id, state.account_name(d.account_id), d.amount, d.currency, d.stage,
         d.outcome, d.created_at, d.closed_at, d.loss_reason, d.win_reason, d.owner, d.deal_type,
         d.lead_source)
        for d in state.deals
    ]  # fmt: skip
    assert deals == [
        ("0065g0000SIVwwIAQT", "Transports Garnier SAS", Decimal("23200"), "EUR", "Closed Lost",
         DealOutcome.LOST, utc(2025, 10, 6, 15, 17, 58), utc(2025, 11, 4),
         "Procurement uneasy about a young fintech holding payroll funds; stayed with Fernbank.",
         None, "Hugo Lefèvre", "New Business", "Event"),
        ("0065g0000SIWOBTAQ5", "Granite State Brewing Co.", Decimal("64800"), "USD", "Signed",
         DealOutcome.WON, utc(2025, 10, 7, 9, 58, 48), utc(2025, 11, 8), None,
         "Won: usage healthy, CFO is a champion.", "Jake Morales", "Renewal", None),
        ("0065g0000SIXGfpAQH", "De Vries Installatietechniek B.V.", Decimal("9200"), "EUR",
         "Negotiation/Review", DealOutcome.OPEN, utc(2026, 2, 8, 7, 13, 44), None, None, None,
         "Clara Neumann", "Expansion", "Partner Referral"),
        ("0065g0000SIV4RwAQL", "Müller & Söhne GmbH", Decimal("4800"), "EUR", "Closed Lost",
         DealOutcome.LOST, utc(2025, 12, 1, 10), utc(2026, 1, 31),
         '=HYPERLINK("http://x","Zoë")', None, "Clara Neumann", "Renewal", None),
    ]  # fmt: skip
    assert state.deal("0065g0000SIXGfpAQH").notes == (
        "Wants cards for 20 more fitters.\n\nNext step: Send revised quote"
    )
    lost, won, evaluated = (
        CompetitorRelation.LOST_TO,
        CompetitorRelation.WON_AGAINST,
        CompetitorRelation.EVALUATED,
    )
    assert state.relations() == {
        ("0065g0000SIVwwIAQT", "Fernbank", lost),
        ("0065g0000SIVwwIAQT", "Excel spreadsheets", lost),
        ("0065g0000SIWOBTAQ5", "Pennyworth", won),
        ("0065g0000SIXGfpAQH", "In-house tool", evaluated),
        ("0065g0000SIXGfpAQH", "Fernbank", evaluated),
        ("0065g0000SIV4RwAQL", "No decision", lost),
    }
    assert {c.name: c.kind for c in state.competitors} == {
        "Fernbank": CompetitorKind.DIRECT,
        "Excel spreadsheets": CompetitorKind.SPREADSHEET,
        "Pennyworth": CompetitorKind.DIRECT,
        "In-house tool": CompetitorKind.HOMEGROWN,
        "No decision": CompetitorKind.STATUS_QUO,
    }
    assert {(p.name, p.email, p.role, p.account_id) for p in state.people} == {
        ("Hugo Lefèvre", "hugo.lefevre@ledgerly.example", PersonRole.SALES, None),
        ("Jake Morales", "jake.morales@ledgerly.example", PersonRole.CSM, None),
        ("Clara Neumann", "clara.neumann@ledgerly.example", PersonRole.SALES, None),
        ("Rachel Stein", "rachel.stein@ledgerly.example", PersonRole.EXECUTIVE, None),
    }
    notes = [
        (e.external_id, e.kind, e.mode, e.text, e.created_at, state.account_name(e.account_id),
         e.person_id, state.person_name(e.relayed_by_id), e.tags)
        for e in state.evidence
    ]  # fmt: skip
    assert notes == [
        ("0065g0000SIVwwIAQT:description", EvidenceKind.DEAL_NOTE, EvidenceMode.STATED,
         "Event lead (Accountex).\r\nWants approvals over 5k.\r\n<script>alert(1)</script>",
         utc(2025, 10, 6, 15, 17, 58), "Transports Garnier SAS", None, "Hugo Lefèvre",
         ["deal_lost"]),
        ("0065g0000SIVwwIAQT:loss_reason", EvidenceKind.DEAL_NOTE, EvidenceMode.STATED,
         "Procurement uneasy about a young fintech holding payroll funds; stayed with Fernbank.",
         utc(2025, 11, 4), "Transports Garnier SAS", None, "Hugo Lefèvre",
         ["deal_lost", "loss_reason"]),
        ("0065g0000SIXGfpAQH:description", EvidenceKind.DEAL_NOTE, EvidenceMode.STATED,
         "Wants cards for 20 more fitters.", utc(2026, 2, 8, 7, 13, 44),
         "De Vries Installatietechniek B.V.", None, "Clara Neumann", ["deal_open"]),
        ("0065g0000SIV4RwAQL:loss_reason", EvidenceKind.DEAL_NOTE, EvidenceMode.STATED,
         '=HYPERLINK("http://x","Zoë")', utc(2026, 1, 31), "Müller & Söhne GmbH", None,
         "Clara Neumann", ["deal_lost", "loss_reason"]),
    ]  # fmt: skip
    assert state.evidence[0].raw["Primary_Competitor__c"] == "Fernbank;Excel spreadsheets"


def test_without_a_users_file_the_owner_is_a_sales_proxy_named_by_id(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = opportunities(tmp_path, DE_VRIES, users=False, competitors=False)
    run(ledgerly, SalesforceImporter(), path, columns=MAP)
    state = crm(ledgerly)
    (person,) = state.people
    assert (person.name, person.role) == ("Salesforce user 0055g0000SIYzaoAQD", PersonRole.SALES)
    assert state.deals[0].owner == "Salesforce user 0055g0000SIYzaoAQD"
    assert state.deals[0].account_id is None  # the Account export was not imported first
    assert state.evidence[0].relayed_by_id == person.id


def test_a_report_export_reads_labels_locale_values_and_skips_the_footer(
    ledgerly: Engine, tmp_path: Path
) -> None:
    run(ledgerly, SalesforceImporter(), write(tmp_path / "accounts.csv", ACCOUNTS))
    run(ledgerly, SalesforceImporter(), opportunities(tmp_path / "api", GARNIER), columns=MAP)
    report_file = write(tmp_path / "report" / "pipeline.csv", REPORT, newline="\n")
    report = run(ledgerly, SalesforceImporter(), report_file)
    # The 15-character report id is the Data Loader id: that deal is updated, not duplicated.
    assert report.by_entity["deals"] == {"updated": 1, "inserted": 2}
    state = crm(ledgerly)
    deals = [
        (d.external_id, d.name, state.account_name(d.account_id), d.amount, d.currency,
         d.outcome, d.created_at, d.closed_at, d.owner, d.loss_reason)
        for d in state.deals
    ]  # fmt: skip
    assert deals == [
        ("0065g0000SIVwwIAQT", "Transports Garnier - New Business", "Transports Garnier SAS",
         Decimal("23200"), "EUR", DealOutcome.LOST, utc(2025, 10, 6), utc(2025, 11, 4),
         "Hugo Lefèvre", "Stayed with Fernbank."),
        ("0065g0000SIZ9xQAQT", "Ørsted Facilities - New Business", "Ørsted Facilities A/S",
         Decimal("96000"), "DKK", DealOutcome.WON, utc(2025, 11, 2), utc(2025, 12, 15),
         "Clara Neumann", None),
        ("0065g0000SIZaBcAQL", "Kestrel Logistics - Expansion", "Kestrel Logistics Ltd",
         Decimal("14800"), "GBP", DealOutcome.OPEN, utc(2026, 1, 12), None, "Oliver Grant",
         None),
    ]  # fmt: skip
    assert state.relations() == {
        ("0065g0000SIVwwIAQT", "Fernbank", CompetitorRelation.LOST_TO),
        ("0065g0000SIVwwIAQT", "Excel spreadsheets", CompetitorRelation.LOST_TO),
    }
    # The report names owners, not ids: Hugo is matched by name, not created twice.
    note = next(e for e in state.evidence if e.external_id.endswith(":loss_reason"))
    assert (note.text, state.person_name(note.relayed_by_id)) == (
        "Stayed with Fernbank.",
        "Hugo Lefèvre",
    )
    assert sorted(p.name or "" for p in state.people) == sorted(
        ["Hugo Lefèvre", "Jake Morales", "Clara Neumann", "Rachel Stein"]
    )


def test_day_first_dates_need_the_dates_option(ledgerly: Engine, tmp_path: Path) -> None:
    uk = write(
        tmp_path / "uk.csv",
        '"Opportunity Name","Account Name","Stage","Amount","Close Date","Created Date"\n'
        '"Thistle Cleaning - Expansion","Thistle Cleaning Services","Closed Won","£1,200.00",'
        '"14/11/2025","02/10/2025"\n',
        newline="\n",
    )
    with pytest.raises(InputError, match="use --dates dmy") as caught:
        run(ledgerly, SalesforceImporter(), uk)
    assert (caught.value.line, caught.value.column) == (2, "Close Date")
    run(ledgerly, SalesforceImporter(), uk, options={"dates": "dmy"})
    (deal,) = crm(ledgerly).deals
    assert (deal.created_at, deal.closed_at, deal.amount, deal.currency) == (
        utc(2025, 10, 2),
        utc(2025, 11, 14),
        Decimal("1200"),
        "GBP",
    )
    assert deal.external_id.startswith("report:")


def test_reimport_changes_nothing_and_an_overlapping_export_updates_in_place(
    ledgerly: Engine, tmp_path: Path
) -> None:
    run(ledgerly, SalesforceImporter(), write(tmp_path / "accounts.csv", ACCOUNTS))
    first = opportunities(tmp_path / "week1", GARNIER, DE_VRIES, MUELLER)
    run(ledgerly, SalesforceImporter(), first, columns=MAP)
    before = crm(ledgerly)
    same = run(ledgerly, SalesforceImporter(), first, columns=MAP)
    assert (same.already_imported, same.inserted, same.updated) == (True, 0, 0)
    # --currency naming the base currency is the default reading, not another one.
    named = run(ledgerly, SalesforceImporter(), first, columns=MAP, options={"currency": "USD"})
    assert (named.already_imported, named.inserted, named.updated) == (True, 0, 0)
    # Read again for real (an explicit option is another reading): every record unchanged.
    again = run(ledgerly, SalesforceImporter(), first, columns=MAP, options={"dates": "mdy"})
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 4 + 3 + 4 + len(before.links))
    assert crm(ledgerly).deals == before.deals
    edited = DE_VRIES.replace('"9200.0"', '"11500.0"')
    new = GRANITE
    report = run(
        ledgerly, SalesforceImporter(), opportunities(tmp_path / "week2", edited, new), columns=MAP
    )
    assert report.by_entity["deals"] == {"updated": 1, "inserted": 1}
    state = crm(ledgerly)
    assert [(d.external_id, d.amount) for d in state.deals] == [
        ("0065g0000SIVwwIAQT", Decimal("23200")),
        ("0065g0000SIXGfpAQH", Decimal("11500")),
        ("0065g0000SIV4RwAQL", Decimal("4800")),
        ("0065g0000SIWOBTAQ5", Decimal("64800")),
    ]
    assert len(state.evidence) == len(before.evidence)
    assert len(state.people) == len(before.people)


@pytest.mark.parametrize(
    ("text", "columns", "line", "column", "message"),
    [
        ('"Id","Subject","Body"\n"1","Hi","There"\n', {}, 1, None, "not a Salesforce export"),
        (OPPORTUNITY_HEADER + "\n", {"loss_reason": "Loss_Reason__c"}, 1, "Loss_Reason__c",
         "no column 'Loss_Reason__c'"),
        (OPPORTUNITY_HEADER + "\n" + DE_VRIES + "\n" + GRANITE.replace('"Renewal",', '"Renew"al,')
         + "\n", {}, 3, None, "not a readable CSV"),
        (COMPETITORS, {}, 1, None, "OpportunityCompetitor export"),
    ],
)  # fmt: skip
def test_a_file_it_cannot_read_stops_with_its_location_and_writes_nothing(
    ledgerly: Engine,
    tmp_path: Path,
    text: str,
    columns: dict[str, str],
    line: int,
    column: str | None,
    message: str,
) -> None:
    path = write(tmp_path / "export.csv", text, newline="\n")
    with pytest.raises(InputError, match=message) as caught:
        run(ledgerly, SalesforceImporter(), path, columns=columns)
    assert (caught.value.path, caught.value.line, caught.value.column) == (str(path), line, column)
    state = crm(ledgerly)
    assert (state.batches, state.deals, state.people, state.evidence) == (0, [], [], [])


def test_a_bad_row_stops_the_import_or_is_rejected_with_skip(
    ledgerly: Engine, tmp_path: Path
) -> None:
    bad = GRANITE.replace('"64800.0"', '"sixty-four grand"')
    path = opportunities(tmp_path, GARNIER, bad, DE_VRIES)
    with pytest.raises(InputError, match="not a number") as caught:
        run(ledgerly, SalesforceImporter(), path, columns=MAP)
    # Garnier's description spans three lines, so the bad row starts on line 5.
    assert (caught.value.line, caught.value.column) == (5, "Amount")
    assert (crm(ledgerly).batches, crm(ledgerly).deals) == (0, [])
    report = run(ledgerly, SalesforceImporter(), path, columns=MAP, skip_bad_rows=True)
    assert (report.by_entity["deals"], report.rejected) == ({"inserted": 2}, 1)
    assert report.rejects_file is not None
    with report.rejects_file.open(encoding="utf-8", newline="") as handle:
        (reject,) = list(csv.DictReader(handle))
    assert (reject["line"], reject["column"]) == ("5", "Amount")
    assert "not a number" in reject["reason"]
    assert "sixty-four grand" in reject["record"]


@pytest.mark.parametrize("amount", ["lots", "$", "USD twelve", "€ lots"])
def test_an_amount_that_is_no_number_is_quoted_as_written(
    ledgerly: Engine, tmp_path: Path, amount: str
) -> None:
    """Not the leftover once a currency code or symbol is taken off ('s', '', 'twelve')."""
    path = opportunities(tmp_path, GRANITE.replace('"64800.0"', f'"{amount}"'))
    with pytest.raises(InputError) as caught:
        run(ledgerly, SalesforceImporter(), path, columns=MAP)
    assert str(caught.value) == f"{path}, line 2, column 'Amount': not a number: {amount!r}"
    assert (crm(ledgerly).batches, crm(ledgerly).deals) == (0, [])


def test_the_cli_refuses_a_bad_amount_in_one_line(
    capsys: pytest.CaptureFixture[str], ledgerly: Engine, workspace_url: str, tmp_path: Path
) -> None:
    path = opportunities(tmp_path, GRANITE.replace('"64800.0"', '"USD twelve"'))
    result = run_cli(capsys, "--db", workspace_url, "import", "salesforce", str(path))
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {path}, line 2, column 'Amount': not a number: 'USD twelve'\n",
    )
    assert crm(ledgerly).deals == []


def test_a_users_export_alone_imports_our_people(ledgerly: Engine, tmp_path: Path) -> None:
    report = run(ledgerly, SalesforceImporter(), write(tmp_path / "users.csv", USERS))
    assert report.by_entity == {"people": {"inserted": 4}}
    roles = {p.name: p.role for p in crm(ledgerly).people}
    assert roles["Jake Morales"] is PersonRole.CSM
    assert roles["Rachel Stein"] is PersonRole.EXECUTIVE


def test_fifteen_character_ids_widen_to_the_eighteen_character_form() -> None:
    assert salesforce_id("0065g0000SIVwwI") == "0065g0000SIVwwIAQT"
    assert salesforce_id("0015000000Gv7qJ") == "0015000000Gv7qJAAR"
    assert salesforce_id("0065g0000SIVwwIAQT") == "0065g0000SIVwwIAQT"


def test_the_demo_exports_import_cleanly(ledgerly: Engine) -> None:
    """Counted independently of the importer, straight from the CSV files."""

    def rows(name: str) -> list[dict[str, str]]:
        with (DEMO / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    accounts, opportunities = rows("accounts.csv"), rows("opportunities.csv")
    users, competitor_rows = rows("users.csv"), rows("opportunity_competitors.csv")
    first = run(ledgerly, SalesforceImporter(), DEMO / "accounts.csv")
    second = run(ledgerly, SalesforceImporter(), DEMO / "opportunities.csv")
    assert (first.rejected, second.rejected) == (0, 0)
    state = crm(ledgerly)

    def outcome(row: dict[str, str]) -> DealOutcome:
        if row["IsWon"] == "true":
            return DealOutcome.WON
        return DealOutcome.LOST if row["IsClosed"] == "true" else DealOutcome.OPEN

    assert Counter(d.outcome for d in state.deals) == Counter(map(outcome, opportunities))
    assert all(d.account_id is not None for d in state.deals)
    lifecycles = {"Customer": "customer", "Prospect": "prospect", "Former Customer": "churned"}
    assert Counter(a.lifecycle.value for a in state.accounts) == Counter(
        lifecycles[a["Type"]] for a in accounts
    )
    assert sum(a.arr is not None for a in state.accounts) == sum(
        bool(a["ARR__c"]) for a in accounts
    )
    assert {p.name for p in state.people} == {u["Name"] for u in users}
    lost = [o for o in opportunities if outcome(o) is DealOutcome.LOST]
    assert len(state.evidence) == sum(bool(o["Description"]) for o in opportunities) + sum(
        bool(o["Loss_Reason__c"]) for o in lost
    )
    assert all(e.relayed_by_id is not None and e.person_id is None for e in state.evidence)
    named = {
        (o["Id"], n.strip()) for o in opportunities for n in o["Competitor__c"].split(";") if n
    }
    named |= {(c["OpportunityId"], c["CompetitorName"]) for c in competitor_rows}
    relation = {
        DealOutcome.WON: CompetitorRelation.WON_AGAINST,
        DealOutcome.LOST: CompetitorRelation.LOST_TO,
        DealOutcome.OPEN: CompetitorRelation.EVALUATED,
    }
    by_id = {o["Id"]: outcome(o) for o in opportunities}
    assert state.relations() == {(opp, name, relation[by_id[opp]]) for opp, name in named}


def test_deals_imported_before_their_accounts_are_linked_when_the_same_file_runs_again(
    ledgerly: Engine, tmp_path: Path
) -> None:
    for name in ("accounts.csv", "opportunities.csv", "users.csv"):
        (tmp_path / name).write_bytes((DEMO / name).read_bytes())
    first = run(ledgerly, SalesforceImporter(), tmp_path / "opportunities.csv")
    with (DEMO / "opportunities.csv").open(encoding="utf-8", newline="") as handle:
        account_ids = {row["AccountId"] for row in csv.DictReader(handle)}
    assert first.unknown_account_ids == len(account_ids)
    run(ledgerly, SalesforceImporter(), tmp_path / "accounts.csv")
    again = run(ledgerly, SalesforceImporter(), tmp_path / "opportunities.csv")
    assert not again.already_imported
    assert (again.unknown_account_ids, again.by_entity["deals"]) == (0, {"updated": 153})
    with read_session(ledgerly) as session:
        deals = repository.list_all(session, Deal)
    assert all(deal.account_id is not None for deal in deals)
    assert run(ledgerly, SalesforceImporter(), tmp_path / "opportunities.csv").already_imported


def test_a_crm_import_keeps_demand_for_its_version(
    ledgerly: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Money moved: a large workspace's demand is kept in the import's own transaction, after
    its last write (here every workspace counts as large); reads then use it."""
    monkeypatch.setattr(demand_kept, "KEEP_FROM_ITEMS", 0)
    today = datetime.now(UTC).date()

    def kept() -> set[SubjectKind]:
        with read_session(ledgerly) as session:
            found = {k: demand_kept.money(session, DemandQuery(k, today)) for k in SubjectKind}
        return {k for k, money in found.items() if money is not None}

    run(ledgerly, SalesforceImporter(), write(tmp_path / "accounts.csv", ACCOUNTS))
    assert kept() == set(SubjectKind)
    with write_session(ledgerly) as session:
        session.execute(delete(DemandKeptStateRow))
    assert kept() == set()
    run(ledgerly, SalesforceImporter(), opportunities(tmp_path / "crm", GARNIER), columns=MAP)
    assert kept() == set(SubjectKind)
