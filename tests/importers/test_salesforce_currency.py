"""The currency of a CRM export's amounts: whatever its currency column is headed, the
column a report pairs with each amount, and the currency an amount names by its sign."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tests.importers.crm_snapshot import crm
from tradeoff.domain.workspace import WorkspaceSettings
from tradeoff.errors import InputError
from tradeoff.importers.hubspot import HubspotImporter
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.storage.session import write_session
from tradeoff.storage.workspace import save_workspace_settings

#: A report's "Details only" export of a Lisbon vendor's pipeline across Europe and Latin
#: America; {currency} is the header its currency column is given, {amount} the amount's.
REPORT_HEADER = (
    '"Opportunity ID","Opportunity Name","Account Name","Stage","{amount}","{currency}",'
    '"Close Date","Created Date","Opportunity Owner","Type"'
)
REPORT_ROWS = (
    '"0065g0000TRq1aA","Quinta do Vale - Payments","Quinta do Vale Ltda","Closed Won",'
    '"184,300.00","BRL","3/14/2026","1/20/2026","Marta Ruiz","New Business"',
    '"0065g0000TRq1bB","Tlaloc Logística - Cards","Tlaloc Logística S.A. de C.V.",'
    '"Closed Lost","412,000.00","MXN","2/27/2026","12/2/2025","Diego Salas","New Business"',
    '"0065g0000TRq1cC","Brightwater - Expansion","Brightwater Logistics Ltd",'
    '"Proposal/Price Quote","36,500.00","EUR","","2/9/2026","Marta Ruiz","Expansion"',
    '"0065g0000TRq1dD","Kestrel Freight - Renewal","Kestrel Freight Inc","Closed Won",'
    '"58,900.00","USD","4/1/2026","2/15/2026","Diego Salas","Renewal"',
)
READ_RIGHT = [
    ("Quinta do Vale - Payments", Decimal("184300.00"), "BRL"),
    ("Tlaloc Logística - Cards", Decimal("412000.00"), "MXN"),
    ("Brightwater - Expansion", Decimal("36500.00"), "EUR"),
    ("Kestrel Freight - Renewal", Decimal("58900.00"), "USD"),
]


@pytest.fixture
def lisbon(engine: Engine) -> Engine:
    """A workspace whose base currency is the euro: a bare amount is in euros."""
    with write_session(engine) as session:
        save_workspace_settings(
            session,
            WorkspaceSettings(
                company_name="Ledgerly",
                internal_email_domains=["ledgerly.example"],
                base_currency="EUR",
            ),
        )
    return engine


def report(folder: Path, *lines: str, name: str = "pipeline.csv") -> Path:
    path = folder / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def written(deal: tuple[str, Decimal, str]) -> str:
    """The amount and currency cells of one of ``REPORT_ROWS``."""
    _, amount, code = deal
    return f'"{amount:,.2f}","{code}"'


def deals(engine: Engine) -> list[tuple[str, Decimal | None, str | None]]:
    return sorted(((d.name, d.amount, d.currency) for d in crm(engine).deals), key=_order)


def _order(deal: tuple[str, Decimal | None, str | None]) -> int:
    return [name for name, _, _ in READ_RIGHT].index(deal[0])


@pytest.mark.parametrize(
    "header",
    [
        "Currency",
        "Opportunity Currency",
        "CurrencyIsoCode",
        "Currency ISO Code",
        # Headers no list names: the column is known by its values.
        "Deal Currency",
        "Moneda",
        "CCY",
    ],
)
def test_the_currency_column_is_read_whatever_its_header(
    lisbon: Engine, tmp_path: Path, header: str
) -> None:
    """QA: a report whose currency column was headed "Currency" was read in the base
    currency, BRL 243,600 stored as EUR 243,600."""
    path = report(tmp_path, REPORT_HEADER.format(amount="Amount", currency=header), *REPORT_ROWS)
    run(lisbon, SalesforceImporter(), path)
    assert deals(lisbon) == READ_RIGHT


def test_each_amount_takes_the_currency_column_the_report_pairs_with_it(
    lisbon: Engine, tmp_path: Path
) -> None:
    """A multi-currency report exports "Amount Currency, Amount, Amount (converted)
    Currency, Amount (converted)": the deal's own amount is read, in its own currency."""
    header = (
        '"Opportunity ID","Opportunity Name","Account Name","Stage","Amount (converted) '
        'Currency","Amount (converted)","Amount Currency","Amount","Close Date",'
        '"Created Date","Opportunity Owner","Type"'
    )
    converted = ("34,120.00", "71,800.00", "36,500.00", "54,300.00")
    rows = [
        row.replace(written(deal), f'"EUR","{eur}","{deal[2]}","{deal[1]:,.2f}"')
        for row, deal, eur in zip(REPORT_ROWS, READ_RIGHT, converted, strict=True)
    ]
    run(lisbon, SalesforceImporter(), report(tmp_path, header, *rows))
    assert deals(lisbon) == READ_RIGHT


def test_a_converted_amount_is_never_read_in_the_deals_own_currency(
    lisbon: Engine, tmp_path: Path
) -> None:
    """Only the converted amount, beside the opportunity's currency: the amounts are in
    the corporate currency (the import's), not BRL or MXN."""
    path = report(
        tmp_path,
        REPORT_HEADER.format(amount="Amount (converted)", currency="Opportunity Currency"),
        *REPORT_ROWS,
    )
    run(lisbon, SalesforceImporter(), path)
    assert {currency for _, _, currency in deals(lisbon)} == {"EUR"}


def test_two_columns_of_currency_codes_and_no_known_one_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], lisbon: Engine, workspace_url: str, tmp_path: Path
) -> None:
    header = REPORT_HEADER.format(amount="Amount", currency="Deal Currency").replace(
        '"Type"', '"Type","Billing Currency"'
    )
    rows = [f'{row},"EUR"' for row in REPORT_ROWS]
    path = report(tmp_path, header, *rows)
    result = run_cli(capsys, "--db", workspace_url, "import", "salesforce", str(path))
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {path}, line 1, column 'Deal Currency': columns 'Deal Currency' and "
        "'Billing Currency' both hold currency codes: name the one the amounts are in "
        "with --map currency=COLUMN\n",
    )
    assert crm(lisbon).deals == []
    # Named, the column is read.
    run(lisbon, SalesforceImporter(), path, columns={"currency": "Deal Currency"})
    assert deals(lisbon) == READ_RIGHT


def test_another_column_of_other_currency_codes_is_named_in_the_import_summary(
    capsys: pytest.CaptureFixture[str], lisbon: Engine, workspace_url: str, tmp_path: Path
) -> None:
    """A known "Currency" column and a "Billing Currency" that names another currency on
    some rows: the amounts are read in the known one and the summary says which column was
    left and how to read the amounts in it; a copy of the read column is not named."""
    header = REPORT_HEADER.format(amount="Amount", currency="Currency").replace(
        '"Type"', '"Type","Billing Currency","Currency (copy)"'
    )
    billing = ("BRL", "USD", "EUR", "USD")
    rows = [
        f'{row},"{bill}","{code}"'
        for row, bill, (_, _, code) in zip(REPORT_ROWS, billing, READ_RIGHT, strict=True)
    ]
    path = report(tmp_path, header, *rows)
    result = run_cli(capsys, "--db", workspace_url, "import", "salesforce", str(path))
    assert result.exit_code == 0, result.stderr
    assert deals(lisbon) == READ_RIGHT
    said = " ".join(result.stdout.split())
    assert (
        "column 'Billing Currency' holds other currency codes than 'Currency'; amounts were "
        "read in 'Currency' (to read them in the other: --map currency='Billing Currency')"
    ) in said
    assert "Currency (copy)" not in said


def test_three_letter_values_that_are_no_currency_column_are_left_alone(
    lisbon: Engine, tmp_path: Path
) -> None:
    """A tier written "TOP" on every row (also Tonga's code) under a header that says no
    currency, and segments "SMB" / "ENT": the amounts stay in the base currency."""
    header = REPORT_HEADER.format(amount="Amount", currency="Tier") + ',"Segment"'
    rows = [
        row.replace(f'"{code}"', '"TOP"') + f',"{segment}"'
        for row, (_, _, code), segment in zip(
            REPORT_ROWS, READ_RIGHT, ("SMB", "ENT", "SMB", "MID"), strict=True
        )
    ]
    run(lisbon, SalesforceImporter(), report(tmp_path, header, *rows))
    assert {currency for _, _, currency in deals(lisbon)} == {"EUR"}


AMOUNTS_HEADER = (
    '"Opportunity ID","Opportunity Name","Account Name","Stage","Amount","Close Date",'
    '"Created Date","Opportunity Owner","Type"'
)


def amounts_report(folder: Path, *amounts: str) -> Path:
    """The report without a currency column, each deal's amount written as given."""
    rows = [
        row.replace(written(deal), f'"{amount}"')
        for row, deal, amount in zip(REPORT_ROWS, READ_RIGHT, amounts, strict=True)
    ]
    return report(folder, AMOUNTS_HEADER, *rows)


def test_an_amount_names_its_currency_by_a_sign_of_one_currency(
    lisbon: Engine, tmp_path: Path
) -> None:
    """Brazilian, Mexican and US dollar signs, the euro after the number (a comma locale)."""
    path = amounts_report(
        tmp_path, "R$ 184.300,00", "MX$412.000,00", "36.500,00 €", "US$ 58.900,00"
    )
    run(lisbon, SalesforceImporter(), path, options={"decimal": "comma"})
    assert deals(lisbon) == READ_RIGHT


def test_a_dollar_sign_alone_is_read_only_in_a_currency_written_with_it(
    capsys: pytest.CaptureFixture[str], lisbon: Engine, workspace_url: str, tmp_path: Path
) -> None:
    """ "$58,900.00" in a euro workspace with no currency column could be dollars or pesos:
    refused with its line and column, not stored as euros. With --currency USD (or a
    currency column saying MXN, which "$" also writes) it is read."""
    path = amounts_report(
        tmp_path, "BRL 184,300.00", "MXN 412,000.00", "EUR 36,500.00", "$58,900.00"
    )
    result = run_cli(capsys, "--db", workspace_url, "import", "salesforce", str(path))
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {path}, line 5, column 'Amount': '$58,900.00' is written with '$', which "
        "several currencies use (ARS, AUD, BBD, BMD, BND, BSD, ...), and the import's "
        "currency is EUR: add a currency column (--map currency=COLUMN) or pass --currency\n",
    )
    assert crm(lisbon).deals == []
    run(lisbon, SalesforceImporter(), path, options={"currency": "USD"})
    assert deals(lisbon) == READ_RIGHT


def test_a_dollar_sign_agrees_with_a_currency_column_that_uses_it(
    lisbon: Engine, tmp_path: Path
) -> None:
    rows = [row.replace('"412,000.00"', '"$412,000.00"') for row in REPORT_ROWS]
    path = report(tmp_path, REPORT_HEADER.format(amount="Amount", currency="Currency"), *rows)
    run(lisbon, SalesforceImporter(), path)
    assert deals(lisbon) == READ_RIGHT


def test_an_amount_that_is_no_number_after_its_sign_is_refused(
    lisbon: Engine, tmp_path: Path
) -> None:
    path = amounts_report(tmp_path, "R$ a combinar", "MXN 412,000.00", "EUR 36,500.00", "USD 1")
    with pytest.raises(InputError) as caught:
        run(lisbon, SalesforceImporter(), path)
    assert str(caught.value) == f"{path}, line 2, column 'Amount': not a number: 'R$ a combinar'"


def test_hubspot_reads_a_currency_column_by_its_values_too(lisbon: Engine, tmp_path: Path) -> None:
    """The same reading for HubSpot: a portal's own "Deal currency" property label."""
    path = report(
        tmp_path,
        '"Record ID","Deal Name","Deal Stage","Amount","Deal currency","Close Date","Create Date"',
        '"18234567001","Quinta do Vale - Payments","Closed won","184300","BRL",'
        '"2026-03-14 00:00","2026-01-20 10:00"',
        '"18234567002","Tlaloc Logística - Cards","Closed lost","412000","MXN",'
        '"2026-02-27 00:00","2025-12-02 09:00"',
        name="hubspot-crm-exports-all-deals.csv",
    )
    run(lisbon, HubspotImporter(), path)
    assert deals(lisbon) == READ_RIGHT[:2]
