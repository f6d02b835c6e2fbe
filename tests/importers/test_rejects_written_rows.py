"""Rows refused while they are written (a negative amount, an id twice in the file) go to the
rejects file with the row they were, as rows refused while read do; and an amount that names
its own currency against the currency column is kept in the column's currency and reported."""

from __future__ import annotations

import csv
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine, text

from tradeoff.domain.enums import PersonRole
from tradeoff.importers.drafts import AccountRef, MetricValueDraft, PersonDraft, Where
from tradeoff.importers.generic_csv import GenericCsvImporter
from tradeoff.importers.hubspot import HubspotImporter
from tradeoff.importers.loader import source_row
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter

OPPORTUNITY_HEADER = "Id,Name,StageName,IsClosed,IsWon,Amount,CurrencyIsoCode,CloseDate,CreatedDate"
NEGATIVE = "006A0,Northwind - New,Closed Won,true,true,-500,USD,2026-01-01,2025-10-01"
GOOD = "006A1,Contoso - New,Closed Won,true,true,12919,USD,2026-01-02,2025-11-07"
BAD_DATE = "006A2,Fabrikam - New,Closed Won,true,true,20838,USD,2026-01-29,not a date"
TWICE = "006A1,Contoso - Again,Closed Lost,true,false,300,USD,2026-02-02,2025-11-07"


def rejects(path: Path | None) -> dict[str, tuple[str, object]]:
    """Each rejected line's reason and record, as the rejects file writes them."""
    assert path is not None
    with path.open(encoding="utf-8", newline="") as handle:
        return {r["line"]: (r["reason"], json.loads(r["record"])) for r in csv.DictReader(handle)}


def test_rows_refused_while_written_carry_their_row_as_exported(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "Opportunity.csv"
    rows = (NEGATIVE, GOOD, BAD_DATE, TWICE)
    path.write_text("\n".join((OPPORTUNITY_HEADER, *rows)) + "\n", encoding="utf-8")
    report = run(engine, SalesforceImporter(), path, skip_bad_rows=True)
    assert (report.by_entity["deals"], report.rejected) == ({"inserted": 1}, 3)
    found = rejects(report.rejects_file)
    # Refused while written: the amount rule, and the id met twice.
    assert found["2"] == ("must not be negative, got -500", NEGATIVE.split(","))
    assert found["5"] == ("external id '006A1' appears twice in this file", TWICE.split(","))
    # Refused while read: as it always was, so both kinds read the same.
    assert found["4"][1] == BAD_DATE.split(",")


def test_evidence_refused_while_written_carries_its_source_record(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text(
        "Id,Body,Date\n"
        "T1,The export to Excel times out,2026-01-05\n"
        "T1,The same id again with other words,2026-01-06\n",
        encoding="utf-8",
    )
    columns = {"external_id": "Id", "text": "Body", "created_at": "Date"}
    report = run(engine, GenericCsvImporter(), path, columns=columns, skip_bad_rows=True)
    assert report.rejected == 1
    assert rejects(report.rejects_file)["3"] == (
        "external id 'T1' appears twice in this file",
        {"Id": "T1", "Body": "The same id again with other words", "Date": "2026-01-06"},
    )


HUBSPOT_HEADER = "Record ID,Deal Name,Deal Stage,Amount,Currency,Close Date,Create Date"


def test_an_amount_naming_another_currency_than_its_column_is_kept_and_reported(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(
        "\n".join(
            (
                HUBSPOT_HEADER,
                '11,Agree,Closed won,"USD 1,000.00",USD,2026-04-01,2026-02-01',
                '12,Code against column,Closed lost,"EUR 5,000.00",USD,2026-04-01,2026-02-01',
                "13,No column,Closed lost,EUR 300,,2026-04-01,2026-02-01",
                "14,Symbol against column,Closed lost,€700,GBP,2026-04-01,2026-02-01",
                "15,Bare,Closed won,900,USD,2026-04-01,2026-02-01",
            )
        )
        + "\n",
        encoding="utf-8",
    )
    report = run(engine, HubspotImporter(), path)
    assert report.deal_notes == (
        "2 deals whose amounts name another currency than the currency column (kept: read "
        "in the column's currency); first at deals.csv, line 3 (EUR in the amount, USD in "
        "the column)",
    )
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT external_id, currency FROM deals")).all()
        stored = {external_id: currency for external_id, currency in rows}
        amount = connection.execute(
            text("SELECT amount FROM deals WHERE external_id = '12'")
        ).scalar_one()
    # The documented rule stands: the column wins.
    assert stored == {"11": "USD", "12": "USD", "13": "EUR", "14": "GBP", "15": "USD"}
    assert Decimal(str(amount)) == Decimal(5000)


def test_one_such_deal_is_said_in_the_singular(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(
        f"{HUBSPOT_HEADER}\n12,E2,Closed won,£40,EUR,2026-04-01,2026-02-01\n", encoding="utf-8"
    )
    assert run(engine, HubspotImporter(), path).deal_notes == (
        "1 deal whose amount names another currency than the currency column (kept: read "
        "in the column's currency); first at deals.csv, line 2 (GBP in the amount, EUR in "
        "the column)",
    )


def test_a_record_read_without_its_row_shows_its_fields_as_read() -> None:
    """A JSON export's person or a metric value keeps no row: the rejects file gets the
    record's fields, written as JSON can (dates, amounts and enums as text), never ``{}``."""
    person = PersonDraft(
        where=Where(json_path="users[id=7]"),
        external_id="7",
        name="Ana Lima",
        role=PersonRole.BUYER,
        account=AccountRef(name="Acme"),
    )
    assert json.loads(json.dumps(source_row(person))) == {
        "external_id": "7",
        "name": "Ana Lima",
        "role": "buyer",
        "account": {"name": "Acme"},
    }
    value = MetricValueDraft(
        where=Where(line=4), metric="weekly active", observed_on=date(2026, 3, 2), value=12.5
    )
    assert source_row(value) == {
        "metric": "weekly active",
        "observed_on": "2026-03-02",
        "value": 12.5,
    }


def test_a_deal_refused_while_written_takes_its_notes_with_it(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "Opportunity.csv"
    path.write_text(
        f"{OPPORTUNITY_HEADER},Description\n"
        f"{NEGATIVE},Champion left; they run the process in a spreadsheet now\n"
        f"{GOOD},Rolled out to three teams after the pilot\n",
        encoding="utf-8",
    )
    report = run(engine, SalesforceImporter(), path, skip_bad_rows=True)
    assert (report.by_entity["deals"], report.rejected) == ({"inserted": 1}, 1)
    with engine.connect() as connection:
        notes = connection.execute(
            text("select text from evidence_items where kind = 'deal_note' order by id")
        ).scalars()
        assert list(notes) == ["Rolled out to three teams after the pilot"]
