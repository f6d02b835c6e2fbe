"""Doing nothing is one competitor however it is written: a loss reason's "no decision" found
by a scan and a CRM field's "No decision", "Do nothing" or "Stayed with current process"
land on one status-quo row, whichever came first, while spreadsheets, agencies and in-house
tools named in a field keep rows of their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.importers.exports import make_ledgerly
from tradeoff.analysis.business.competitor_edits import split_competitor
from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.analysis.business.competitors import competitor_ranking
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.importers.undo import undo_import

HEADER = (
    '"Id","Name","Account.Name","StageName","IsClosed","IsWon","Amount","CurrencyIsoCode",'
    '"CloseDate","CreatedDate","Loss_Reason__c","Competitor__c"'
)
#: A deal lost because the buyer decided nothing, said only in the loss reason.
ON_HOLD = (
    '"0065g00000SQ0001AAA","Q1","One Co","Closed Lost","true","false","10000","USD",'
    '"2026-03-01","2026-01-05","No decision - project put on hold",""'
)


def won_against(competitor: str, deal: str = "0065g00000SQ0002AAA") -> str:
    """A deal won while the CRM's competitor field said ``competitor``."""
    return (
        f'"{deal}","Q2","Two Co","Closed Won","true","true","20000","USD",'
        f'"2026-03-01","2026-01-05","","{competitor}"'
    )


def export(folder: Path, name: str, *rows: str) -> Path:
    path = folder / f"{name}.csv"
    path.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    return path


def standings(engine: Engine) -> list[tuple[str, str, tuple[str, ...], int, int, int, str]]:
    """The ranking as (name, kind, aliases, deals met, won, lost, revenue lost)."""
    return [
        (s.name, s.kind.value, s.aliases, s.deals_met, s.won, s.lost, str(s.revenue_lost))
        for s in competitor_ranking(engine)
    ]


@pytest.mark.parametrize("field", ["No decision", "Do nothing", "Stayed with current process"])
def test_a_field_naming_the_status_quo_joins_the_one_a_scan_found(
    engine: Engine, tmp_path: Path, field: str
) -> None:
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), export(tmp_path, "first", ON_HOLD))
    assert scan_competitors(engine).competitors_created == ("Status quo",)
    run(engine, SalesforceImporter(), export(tmp_path, "second", won_against(field)))
    one_row = [("Status quo", "status_quo", (field,), 2, 1, 1, "USD 10,000.00")]
    assert standings(engine) == one_row
    again = scan_competitors(engine)  # was: the phrase moved to the field's row, one left empty
    assert (again.deal_links_added, again.deal_links_removed, again.mentions_added) == (0, 0, 0)
    assert standings(engine) == one_row


@pytest.mark.parametrize("field", ["No decision", "Do nothing", "Stayed with current process"])
def test_a_scan_files_the_status_quo_under_the_one_a_field_named_first(
    engine: Engine, tmp_path: Path, field: str
) -> None:
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), export(tmp_path, "first", won_against(field)))
    run(engine, SalesforceImporter(), export(tmp_path, "second", ON_HOLD))
    assert scan_competitors(engine).competitors_created == ()
    one_row = [(field, "status_quo", (), 2, 1, 1, "USD 10,000.00")]
    assert standings(engine) == one_row
    scan_competitors(engine)
    assert standings(engine) == one_row


def test_other_alternatives_in_a_field_keep_rows_of_their_own(
    engine: Engine, tmp_path: Path
) -> None:
    """A spreadsheet, an agency or an in-house build may be rivals a person tells apart
    ("Excel" is not "Google Sheets"), so only the status quo is joined by kind."""
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), export(tmp_path, "first", ON_HOLD))
    scan_competitors(engine)
    fields = "Status quo; Excel; In-house build; Design agency; Nobelium CRM"
    run(engine, SalesforceImporter(), export(tmp_path, "second", won_against(fields)))
    assert sorted((name, kind, aliases) for name, kind, aliases, *_ in standings(engine)) == [
        ("Design agency", "agency", ()),
        ("Excel", "spreadsheet", ()),
        ("In-house build", "homegrown", ()),
        ("Nobelium CRM", "direct", ()),
        ("Status quo", "status_quo", ()),
    ]


def test_a_split_of_the_status_quo_stays_and_undo_takes_the_alias_back(
    engine: Engine, tmp_path: Path
) -> None:
    """A person who splits "No decision" off keeps it apart: exact names come first. Other
    words for doing nothing still join the first status-quo competitor."""
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), export(tmp_path, "first", ON_HOLD))
    scan_competitors(engine)
    batch = run(engine, SalesforceImporter(), export(tmp_path, "second", won_against("Do nothing")))
    undo_import(engine, batch.batch_id)
    assert standings(engine) == [("Status quo", "status_quo", (), 1, 0, 1, "USD 10,000.00")]
    split_competitor(engine, "Status quo", ["No decision"], "No decision")
    later = export(
        tmp_path,
        "third",
        won_against("No decision"),
        won_against("Nobody", deal="0065g00000SQ0003AAA"),
    )
    run(engine, SalesforceImporter(), later)
    scan_competitors(engine)
    assert sorted(standings(engine)) == [
        ("No decision", "status_quo", (), 2, 1, 1, "USD 10,000.00"),
        ("Status quo", "status_quo", ("Nobody",), 1, 1, 0, "USD 0.00"),
    ]
