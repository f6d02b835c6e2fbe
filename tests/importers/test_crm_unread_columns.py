"""A CRM deals export whose columns were not read says so in the import summary."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tests.importers.crm_snapshot import crm
from tradeoff.errors import InputError
from tradeoff.importers.registry import IMPORTERS, run

#: A HubSpot deals export from a portal whose properties were renamed: only Record ID, Deal
#: Name and Deal Stage are HubSpot's labels. Without --map, 4 deals and nothing else.
RENAMED_HUBSPOT = """\
Record ID,Deal Name,Company,Deal Value,Deal Currency,Deal Stage,Closed On,Created On,Sales Rep,\
Why We Lost,Competitors Met,Deal Notes
3001,Salt & Anchor - Expansion,Salt & Anchor,2000,GBP,Negotiation,,2025-10-19 02:09:54,\
Joost Kramer,,,
3002,Bar Da Gino - Expansion,Bar Da Gino,3300,EUR,Closed lost,2026-05-18 03:37:17,\
2026-03-16 03:37:17,Ben Carter,"Nessuna decisione, il cliente non risponde più",Toast; Square,\
Serve l'integrazione con il registratore telematico.
3003,Lone Star Smokehouse - Delivery bundle,Lone Star Smokehouse,70500,USD,Closed lost,\
2026-06-17 21:45:00,2026-04-13 21:45:00,Ben Carter,Project postponed to next year,,
3004,De Kas - Tables,De Kas,5400,EUR,Closed won,2026-02-02 10:00:00,2025-12-10 09:00:00,\
Joost Kramer,,Lightspeed,
"""
RENAMED_NOTE = (
    "columns not read: 'Company', 'Deal Value', 'Deal Currency', 'Closed On', 'Created On', "
    "'Sales Rep', 'Why We Lost', 'Competitors Met', 'Deal Notes'; no column for amount, "
    "account, closed_at, created_at, loss_reason: name a field's column with --map "
    "FIELD=COLUMN"
)
RENAMED_MAP = {
    "account": "Company",
    "amount": "Deal Value",
    "closed_at": "Closed On",
    "created_at": "Created On",
    "owner": "Sales Rep",
    "loss_reason": "Why We Lost",
    "competitor": "Competitors Met",
    "notes": "Deal Notes",
}

#: A standard HubSpot export of every property: many columns no field reads, none missing.
STANDARD_HUBSPOT = """\
Record ID,Deal Name,Pipeline,Deal Stage,Amount,Currency,Close Date,Create Date,Deal owner,\
Closed Lost Reason,Associated Company (Primary),Deal probability,Forecast amount,\
Last Activity Date,Number of Sales Activities,Days to close,Weighted amount,Last Modified Date
9001,Hooli - Enterprise,Sales Pipeline,Closed won,60000,USD,2026-03-20 00:00,2026-01-10 09:00,\
Ana Ruiz,,Hooli,1,60000,2026-03-19 17:00,14,69,60000,2026-03-20 08:00
9002,Initech - Seats,Sales Pipeline,Closed lost,12000,USD,2026-03-01 00:00,2026-01-15 10:00,\
Ana Ruiz,Too expensive,Initech,0,0,2026-02-27 11:00,6,45,0,2026-03-01 09:00
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_renamed_hubspot_export_names_its_unread_columns(
    ledgerly: Engine, tmp_path: Path
) -> None:
    report = run(ledgerly, IMPORTERS["hubspot"], write(tmp_path, "deals.csv", RENAMED_HUBSPOT))
    assert report.deal_notes[0] == RENAMED_NOTE
    # What the note explains: every deal, and none of their money, reasons or competitors.
    deals = crm(ledgerly).deals
    assert [(d.amount, d.loss_reason, d.account_id) for d in deals] == [(None, None, None)] * 4


def test_mapping_the_columns_reads_them_and_the_note_goes(ledgerly: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, "deals.csv", RENAMED_HUBSPOT)
    report = run(ledgerly, IMPORTERS["hubspot"], path, columns=RENAMED_MAP)
    assert not any("columns not read" in note for note in report.deal_notes)
    found = crm(ledgerly)
    assert [(d.external_id, d.amount, d.currency) for d in found.deals] == [
        ("3001", Decimal("2000"), "GBP"),
        ("3002", Decimal("3300"), "EUR"),
        ("3003", Decimal("70500"), "USD"),
        ("3004", Decimal("5400"), "EUR"),
    ]
    assert found.deal("3003").loss_reason == "Project postponed to next year"


def test_a_standard_export_with_extra_columns_adds_no_note(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write(tmp_path, "hubspot-crm-exports-all-deals.csv", STANDARD_HUBSPOT)
    assert run(ledgerly, IMPORTERS["hubspot"], path).deal_notes == ()


def test_a_salesforce_report_with_renamed_columns_names_them(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """A report whose amount and dates are custom fields; the Data Loader export beside
    it, with Probability and ForecastCategoryName that no field reads, says nothing."""
    report_csv = write(
        tmp_path,
        "pipeline.csv",
        '"Opportunity ID","Opportunity Name","Account Name","Stage","Deal Size (EUR)",'
        '"Signed On","Created Date","Loss Reason","Probability (%)"\n'
        '"0065g0000SIVwwIAQT","Transports Garnier - New","Transports Garnier","Closed Lost",'
        '"23200","01/03/2026","10/01/2026","Chose a cheaper tool","0"\n',
    )
    report = run(ledgerly, IMPORTERS["salesforce"], report_csv, options={"dates": "dmy"})
    assert report.deal_notes[0] == (
        "columns not read: 'Deal Size (EUR)', 'Signed On', 'Probability (%)'; no column for "
        "amount, closed_at: name a field's column with --map FIELD=COLUMN"
    )
    data_loader = write(
        tmp_path,
        "Opportunity.csv",
        '"Id","Name","AccountId","StageName","Amount","CurrencyIsoCode","CloseDate",'
        '"CreatedDate","IsClosed","IsWon","Probability","ForecastCategoryName",'
        '"Loss_Reason__c","IsDeleted","SystemModstamp"\n'
        '"0065g0000SIXGfpAQH","De Vries - Expansion","0015g0000SIxT3qAQF","Closed Won","9200.0",'
        '"EUR","2026-04-30","2026-02-08T07:13:44.000Z","true","true","100","Closed","","false",'
        '"2026-04-30T10:00:00.000Z"\n',
    )
    assert run(ledgerly, IMPORTERS["salesforce"], data_loader).deal_notes == ()


def test_a_loss_reason_with_no_date_column_is_refused_naming_the_map_to_add(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """The reason becomes a dated deal note; with the dates renamed, the refusal says how."""
    path = write(tmp_path, "deals.csv", RENAMED_HUBSPOT)
    with pytest.raises(InputError) as raised:
        run(ledgerly, IMPORTERS["hubspot"], path, columns={"loss_reason": "Why We Lost"})
    assert raised.value.line == 3
    assert str(raised.value).endswith(
        "a deal note needs the deal's created or close date, and no column gives its created "
        "date: name it with --map created_at=COLUMN"
    )
    assert crm(ledgerly).deals == []


def test_a_pipedrive_export_without_its_value_column_names_the_custom_one(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "deals.csv",
        "Deal - ID,Deal - Title,Deal - Organization,Deal - Status,Deal - Deal created,"
        "Deal - Won time,Deal - Lost time,Deal - Lost reason,Deal - Contract value,"
        "Deal - Pipeline\n"
        "3001,Salt & Anchor - Expansion,Salt & Anchor,won,2025-10-19 02:09:54,"
        "2025-12-01 10:00:00,,,2000,Restaurants\n",
    )
    report = run(ledgerly, IMPORTERS["pipedrive"], path)
    assert report.deal_notes[0] == (
        "columns not read: 'Deal - Contract value', 'Deal - Pipeline'; no column for amount: "
        "name a field's column with --map FIELD=COLUMN"
    )


def test_many_unread_columns_are_counted_past_the_first_twelve(
    ledgerly: Engine, tmp_path: Path
) -> None:
    extra = [f"Custom {n}" for n in range(1, 16)]
    path = write(
        tmp_path,
        "deals.csv",
        ",".join(["Record ID", "Deal Name", "Deal Stage", *extra])
        + "\n"
        + ",".join(["1", "Acme - New", "Closed won", *("x" * 15)])
        + "\n",
    )
    note = run(ledgerly, IMPORTERS["hubspot"], path).deal_notes[0]
    assert note.startswith("columns not read: 'Custom 1', 'Custom 2', ")
    assert "'Custom 12' and 3 more; no column for amount, account, closed_at" in note


def test_a_companies_export_keeps_its_other_columns_as_attributes_and_names_none(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "hubspot-crm-exports-all-companies.csv",
        "Record ID,Company name,Industry,City,Customer Tier\n"
        "9100134,Salt & Anchor,Restaurants,Brighton,Gold\n",
    )
    assert run(ledgerly, IMPORTERS["hubspot"], path).deal_notes == ()
    (account,) = crm(ledgerly).accounts
    assert account.attributes["Customer Tier"] == "Gold"


def test_the_cli_prints_the_unread_columns_first(
    capsys: pytest.CaptureFixture[str], workspace_url: str, tmp_path: Path
) -> None:
    path = write(tmp_path, "deals.csv", RENAMED_HUBSPOT)
    result = run_cli(capsys, "--db", workspace_url, "import", "hubspot", str(path))
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stdout.splitlines() if line.startswith("  note: ")]
    assert " ".join(notes[0].split()) == f"note: {RENAMED_NOTE}"
    assert "4 deals with no amount" in notes[1]
