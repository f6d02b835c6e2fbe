"""Pipedrive: the deals export (status, Won time / Lost time) and the organizations export."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tests.importers.crm_snapshot import Crm, crm
from tradeoff.domain.enums import AccountLifecycle, CompetitorRelation, DealOutcome, EvidenceKind
from tradeoff.errors import InputError
from tradeoff.importers.batch import ImportReport
from tradeoff.importers.pipedrive import PipedriveImporter, organization_lifecycle
from tradeoff.importers.registry import run

#: Deals → list view → Export filter results, with the columns a sales team shows: the
#: "Deal - " prefix on every column, a custom "Competitor" field, amounts in three
#: currencies. 4102's lost reason is a formula, 4105's carries markup; 4104 was deleted.
#: A won deal keeps the stage it was in (Negotiation): its status says it was won.
COLUMNS = (
    "ID", "Title", "Creator", "Owner", "Value", "Currency", "Organization", "Contact person",
    "Pipeline", "Stage", "Status", "Deal created", "Update time", "Expected close date",
    "Won time", "Lost time", "Deal closed on", "Lost reason", "Competitor",
)  # fmt: skip
ROWS = (
    "4101,Trattoria Da Nino - POS rollout,Giulia Romano,Giulia Romano,12500,EUR,"
    "Trattoria Da Nino,Nino Esposito,Restaurants,Negotiation,won,2025-11-03 09:14:00,"
    "2026-01-20 16:02:11,2026-01-31,2026-01-20 16:02:11,,2026-01-20 16:02:11,,Lightspeed",
    "4102,The Copper Kettle - Kitchen display,Ben Carter,Ben Carter,4800,GBP,The Copper Kettle,"
    "Amy Lloyd,Restaurants,Proposal made,lost,2025-12-01 10:00:00,2026-02-11 11:30:00,"
    "2026-02-15,,2026-02-11 11:30:00,2026-02-11 11:30:00,"
    '"=HYPERLINK(""http://x"",""Too expensive"")","Square; Lightspeed"',
    "4103,Blue Door Bistro - Multi-site,Ben Carter,Ben Carter,22000,USD,Blue Door Bistro,,"
    "Restaurants,Demo scheduled,open,2026-03-02 08:45:10,2026-03-02 08:45:10,2026-06-30,,,,,",
    "4104,Test deal - please ignore,Ben Carter,Ben Carter,1,USD,Blue Door Bistro,,Restaurants,"
    "Qualified,deleted,2026-03-03 12:00:00,2026-03-03 12:05:00,,,,,,",
    "4105,Bar Da Gino - Expansion,Giulia Romano,Giulia Romano,3300,EUR,Bar Da Gino,,"
    "Restaurants,Qualified,Lost,2026-03-16 03:37:17,2026-05-18 03:37:17,2026-05-15,,"
    "2026-05-18 03:37:17,2026-05-18 03:37:17,"
    '"<script>alert(1)</script> Nessuna decisione, il cliente non risponde più",',
)


def export(path: Path, prefix: str, rows: tuple[str, ...] = ROWS) -> Path:
    header = ",".join(f"{prefix}{c}" for c in COLUMNS)
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


def run_pipedrive(engine: Engine, path: Path, **columns: str) -> ImportReport:
    return run(engine, PipedriveImporter(), path, columns=columns)


def at(year: int, month: int, day: int, hour: int, minute: int, second: int) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def stored_deals(found: Crm) -> list[tuple[object, ...]]:
    return [
        (d.external_id, d.outcome, d.amount, d.currency, d.stage, d.created_at, d.closed_at,
         d.loss_reason, found.account_name(d.account_id), d.owner)
        for d in sorted(found.deals, key=lambda d: d.external_id)
    ]  # fmt: skip


EXPECTED_DEALS = [
    ("4101", DealOutcome.WON, Decimal("12500"), "EUR", "Negotiation",
     at(2025, 11, 3, 9, 14, 0), at(2026, 1, 20, 16, 2, 11), None, "Trattoria Da Nino",
     "Giulia Romano"),
    ("4102", DealOutcome.LOST, Decimal("4800"), "GBP", "Proposal made",
     at(2025, 12, 1, 10, 0, 0), at(2026, 2, 11, 11, 30, 0),
     '=HYPERLINK("http://x","Too expensive")', "The Copper Kettle", "Ben Carter"),
    ("4103", DealOutcome.OPEN, Decimal("22000"), "USD", "Demo scheduled",
     at(2026, 3, 2, 8, 45, 10), None, None, "Blue Door Bistro", "Ben Carter"),
    ("4105", DealOutcome.LOST, Decimal("3300"), "EUR", "Qualified",
     at(2026, 3, 16, 3, 37, 17), at(2026, 5, 18, 3, 37, 17),
     "<script>alert(1)</script> Nessuna decisione, il cliente non risponde più", "Bar Da Gino",
     "Giulia Romano"),
]  # fmt: skip
DELETED_NOTE = (
    "1 deleted deal skipped (status 'deleted': not imported; one imported before is left as "
    "it was): 4104"
)


def test_the_status_decides_the_outcome_and_won_or_lost_time_the_close_date(
    ledgerly: Engine, tmp_path: Path
) -> None:
    report = run_pipedrive(ledgerly, export(tmp_path / "deals.csv", "Deal - "))
    found = crm(ledgerly)
    assert stored_deals(found) == EXPECTED_DEALS
    assert found.relations() == {
        ("4101", "Lightspeed", CompetitorRelation.WON_AGAINST),
        ("4102", "Square", CompetitorRelation.LOST_TO),
        ("4102", "Lightspeed", CompetitorRelation.LOST_TO),
    }
    # Each lost reason is also a seller's note about the organization, kept verbatim.
    notes = sorted((e.external_id, e.kind, e.text) for e in found.evidence)
    assert notes == [
        ("4102:loss_reason", EvidenceKind.DEAL_NOTE, '=HYPERLINK("http://x","Too expensive")'),
        ("4105:loss_reason", EvidenceKind.DEAL_NOTE,
         "<script>alert(1)</script> Nessuna decisione, il cliente non risponde più"),
    ]  # fmt: skip
    assert report.deal_notes == (
        DELETED_NOTE,
        '1 deal naming several competitors (a field such as "Dynamics 365; Excel"): 2 '
        "competitors filed, each on its own",
    )


def test_an_export_without_the_deal_prefix_reads_the_same(ledgerly: Engine, tmp_path: Path) -> None:
    """The same deals, headed "Title", "Value", "Won time": the same workspace."""
    report = run_pipedrive(ledgerly, export(tmp_path / "deals.csv", ""))
    assert stored_deals(crm(ledgerly)) == EXPECTED_DEALS
    assert report.deal_notes[0] == DELETED_NOTE


def test_a_deal_won_since_the_last_export_is_updated_with_its_won_time(
    ledgerly: Engine, tmp_path: Path
) -> None:
    run_pipedrive(ledgerly, export(tmp_path / "week1.csv", "Deal - "))
    won = (
        ROWS[2]
        .replace(",open,", ",won,")
        .replace("2026-06-30,,,,,", "2026-06-30,2026-04-14 17:20:00,,2026-04-14 17:20:00,,")
    )
    report = run_pipedrive(ledgerly, export(tmp_path / "week2.csv", "Deal - ", (won,)))
    assert report.by_entity["deals"] == {"updated": 1}
    deal = crm(ledgerly).deal("4103")
    assert (deal.outcome, deal.closed_at) == (DealOutcome.WON, at(2026, 4, 14, 17, 20, 0))
    assert len(crm(ledgerly).deals) == 4


def test_without_won_and_lost_time_the_closing_date_is_read(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(
        "Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Organization,Deal - Status,"
        "Deal - Deal created,Deal - Deal closed on\n"
        "5001,Harbour Fish Bar - Tills,2900,GBP,Harbour Fish Bar,won,2026-01-05 10:00:00,"
        "2026-02-09 15:00:00\n"
        "5002,Osteria Lupo - Tills,1800,EUR,Osteria Lupo,lost,2026-01-07 10:00:00,"
        "2026-02-21 09:30:00\n",
        encoding="utf-8",
    )
    run_pipedrive(ledgerly, path)
    closed = {d.external_id: d.closed_at for d in crm(ledgerly).deals}
    assert closed == {"5001": at(2026, 2, 9, 15, 0, 0), "5002": at(2026, 2, 21, 9, 30, 0)}


def test_organizations_become_accounts_and_deals_join_them(
    ledgerly: Engine, tmp_path: Path
) -> None:
    organizations = tmp_path / "organizations.csv"
    organizations.write_text(
        "Organization - ID,Organization - Name,Organization - Labels,Organization - Website,"
        "Organization - Owner,Organization - ARR,Organization - Address\n"
        "71,Trattoria Da Nino,Customer,https://www.trattoriadanino.example/,Giulia Romano,"
        '14000,"Via Toledo 12, Napoli"\n'
        "72,The Copper Kettle,Warm lead,copperkettle.example,Ben Carter,,Bath\n"
        "73,Bar Da Gino,Former customer,,Giulia Romano,,Napoli\n",
        encoding="utf-8",
    )
    run(ledgerly, PipedriveImporter(), organizations, options={"currency": "EUR"})
    run_pipedrive(ledgerly, export(tmp_path / "deals.csv", "Deal - "))
    found = crm(ledgerly)
    accounts = [
        (a.external_id, a.name, a.lifecycle, a.domain, a.arr,
         a.attributes.get("Organization - Address"))
        for a in found.accounts
    ]  # fmt: skip
    assert accounts[:3] == [
        ("71", "Trattoria Da Nino", AccountLifecycle.CUSTOMER, "trattoriadanino.example",
         Decimal("14000"), "Via Toledo 12, Napoli"),
        ("72", "The Copper Kettle", AccountLifecycle.PROSPECT, "copperkettle.example", None,
         "Bath"),
        ("73", "Bar Da Gino", AccountLifecycle.CHURNED, None, None, "Napoli"),
    ]  # fmt: skip
    # Deals name their organization only by name: they join the accounts imported above.
    assert {found.deal(i).account_id for i in ("4101", "4102", "4105")} == {
        a.id for a in found.accounts[:3]
    }


@pytest.mark.parametrize(
    ("labels", "lifecycle"),
    [
        ("Customer", AccountLifecycle.CUSTOMER),
        ("Hot lead", AccountLifecycle.PROSPECT),
        ("Cold lead, Partner", AccountLifecycle.PROSPECT),
        ("Churned", AccountLifecycle.CHURNED),
        ("Former customer", AccountLifecycle.CHURNED),
        ("Partner", None),
        ("", None),
    ],
)
def test_organization_labels(labels: str, lifecycle: AccountLifecycle | None) -> None:
    assert organization_lifecycle(labels) is lifecycle


@pytest.mark.parametrize(
    ("row", "line", "column", "reason"),
    [
        ('4201,Acme - New,Gewonnen,2026-01-05 10:00:00,,', 2, "Deal - Status",
         "not a Pipedrive deal status: 'Gewonnen'; expected open, won, lost or deleted"),
        ('4201,Acme - New,,2026-01-05 10:00:00,,', 2, "Deal - Status",
         "the deal has no status: expected open, won, lost or deleted"),
        ('4201,Acme - New,won,2026-01-05 10:00:00,31/02/2026,', 2, "Deal - Won time",
         "not a date or time: '31/02/2026'"),
    ],
)  # fmt: skip
def test_a_bad_row_stops_the_import_naming_its_line_and_column(
    ledgerly: Engine, tmp_path: Path, row: str, line: int, column: str, reason: str
) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(
        "Deal - ID,Deal - Title,Deal - Status,Deal - Deal created,Deal - Won time,"
        f"Deal - Lost time\n{row}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        run_pipedrive(ledgerly, path)
    assert (raised.value.line, raised.value.column) == (line, column)
    assert reason in str(raised.value)
    assert crm(ledgerly).deals == []
    assert crm(ledgerly).batches == 0


def test_the_cli_imports_deals_and_refuses_a_file_with_no_status_in_one_line(
    capsys: pytest.CaptureFixture[str], workspace_url: str, tmp_path: Path
) -> None:
    deals = export(tmp_path / "deals.csv", "Deal - ")
    result = run_cli(capsys, "--db", workspace_url, "import", "pipedrive", str(deals))
    assert result.exit_code == 0, result.stderr
    assert f"note: {DELETED_NOTE}" in " ".join(result.stdout.split())
    no_status = tmp_path / "no_status.csv"
    no_status.write_text(
        "Deal - ID,Deal - Title,Deal - Value\n4301,Acme - New,1000\n", encoding="utf-8"
    )
    result = run_cli(capsys, "--db", workspace_url, "import", "pipedrive", str(no_status))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {no_status}, line 1, column 'status': no column for status: name it with "
        "--map status=COLUMN"
    ]
    assert "Traceback" not in result.stderr
