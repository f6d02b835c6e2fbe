"""Undoing an import leaves the workspace as if it had never run: the loss classes it filed
go back with the deals it restored, and an undo that would strip later imports' records of
an account, person or deal it inserted is refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from tests.importers.exports import make_ledgerly
from tradeoff.analysis.business.loss_taxonomy import correct_loss
from tradeoff.analysis.business.sales import sales_picture
from tradeoff.domain.enums import LossCategory
from tradeoff.errors import Conflict
from tradeoff.importers.registry import IMPORTERS, run
from tradeoff.importers.undo import undo_import
from tradeoff.storage import demand_kept
from tradeoff.storage.session import read_session

DEALS = (
    "Record ID,Deal Name,Deal Stage,Amount,Currency,Close Date,Create Date,Deal owner,"
    "Associated Company (Primary),Closed Lost Reason\n"
    "2001,Acme - Renewal,Closed Lost,1000,USD,2026-05-01,2026-03-01,Dana Ortiz,Acme Corp,"
    "Lost on price\n"
    "2002,Beta - New,Closed Won,3000,USD,2026-05-01,2026-03-01,Dana Ortiz,Beta Corp,\n"
    "2003,Gamma - Pilot,Closed Lost,800,EUR,2026-04-11,2026-02-01,Élodie Brun,Gamma GmbH,"
    '"Went with a cheaper tool, ""budget"" cut"\n'
)
#: The same export a week later: Acme's loss re-keyed as a duplicate deal.
RE_KEYED = DEALS.replace("Lost on price", "Duplicate deal")

COMPANIES = (
    "Record ID,Company name,Company Domain Name,Lifecycle Stage,ARR,Customer Segment\n"
    "501,Acme Corp,acme.example,Customer,10000,SMB\n"
)
COMPANY_DEALS = (
    "Record ID,Deal Name,Deal Stage,Amount,Currency,Close Date,Create Date,Deal owner,"
    "Associated Company IDs (Primary)\n"
    "601,Acme - New,Closed Won,1000,USD,2026-05-01,2026-03-01,Dana Ortiz,501\n"
    "602,Acme - Expansion,Contract Sent,2000,USD,,2026-09-01,Dana Ortiz,501\n"
)
TICKETS = (
    "Ticket ID,Subject,Description,Created time,Email\n"
    "1,Slow,Dashboard slow since the update,2026-05-01 10:00:00,ann@acme.example\n"
)


def imported(engine: Engine, path: Path, source: str, body: str) -> int:
    path.write_text(body, encoding="utf-8")
    return run(engine, IMPORTERS[source], path).batch_id


def loss_classes(engine: Engine) -> list[tuple[Any, ...]]:
    """Every stored loss class by the deal's CRM id (``classified_at`` aside: a rerun's
    moment is not part of the class)."""
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT d.external_id, c.category, c.assigned_by, c.cues "
                "FROM loss_classifications c JOIN deals d ON d.id = c.deal_id "
                "ORDER BY d.external_id"
            )
        )
        # SQLite hands JSON back as text, psycopg as Python values.
        return [
            (e, category, by, json.loads(cues) if isinstance(cues, str) else cues)
            for e, category, by, cues in rows
        ]


def win_rate(engine: Engine) -> tuple[int, int]:
    overall = sales_picture(engine).overall
    return overall.won, overall.lost


def version(engine: Engine) -> str:
    with read_session(engine) as session:
        return demand_kept.demand_version(session)


@pytest.fixture
def re_keyed(engine: Engine, tmp_path: Path) -> tuple[Engine, list[tuple[Any, ...]], int]:
    """Week 1 imported, then week 2 that files Acme's loss as disqualified."""
    make_ledgerly(engine)
    imported(engine, tmp_path / "week1.csv", "hubspot", DEALS)
    before = loss_classes(engine)
    assert [(e, c) for e, c, _by, _cues in before] == [
        ("2001", "price_budget"),
        ("2003", "price_budget"),
    ]
    week2 = imported(engine, tmp_path / "week2.csv", "hubspot", RE_KEYED)
    assert dict((e, c) for e, c, _by, _cues in loss_classes(engine))["2001"] == "disqualified"
    return engine, before, week2


def test_undo_files_the_restored_loss_reasons_again(
    re_keyed: tuple[Engine, list[tuple[Any, ...]], int],
) -> None:
    engine, before, week2 = re_keyed
    assert win_rate(engine) == (1, 1)
    moved_from = version(engine)
    undo_import(engine, week2)
    assert loss_classes(engine) == before
    assert win_rate(engine) == (1, 2)
    assert version(engine) != moved_from, "a loss leaving disqualified moves demand figures"


def test_a_persons_correction_survives_the_undo(
    re_keyed: tuple[Engine, list[tuple[Any, ...]], int],
) -> None:
    engine, before, week2 = re_keyed
    correct_loss(engine, "2001", LossCategory.RELATIONSHIP)
    undo_import(engine, week2)
    corrected = [
        ("2001", "relationship", "person", ["duplicate", "duplicate deal"]),
        before[1],
    ]
    assert loss_classes(engine) == corrected


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """What an undo could change, whole: records, their links, and the import history."""
    queries = {
        "accounts": "SELECT id, name, lifecycle FROM accounts ORDER BY id",
        "deals": "SELECT id, external_id, account_id FROM deals ORDER BY id",
        "people": "SELECT id, email, account_id FROM people ORDER BY id",
        "evidence": "SELECT id, external_id, account_id, person_id FROM evidence_items ORDER BY id",
        "batches": "SELECT id, status, undone_at FROM import_batches ORDER BY id",
        "changes": "SELECT count(*) FROM import_changes",
    }
    with engine.connect() as connection:
        return {
            name: [tuple(r) for r in connection.execute(text(q))] for name, q in queries.items()
        }


def test_undo_is_refused_while_later_imports_refer_to_what_it_inserted(
    ledgerly: Engine, tmp_path: Path
) -> None:
    companies = imported(ledgerly, tmp_path / "companies.csv", "hubspot", COMPANIES)
    deals = imported(ledgerly, tmp_path / "deals.csv", "hubspot", COMPANY_DEALS)
    tickets = imported(ledgerly, tmp_path / "tickets.csv", "freshdesk", TICKETS)
    before = snapshot(ledgerly)
    acme = before["accounts"][0][0]
    assert {a for _i, _e, a in before["deals"]} == {acme}
    assert [(a, p) for _i, _e, a, p in before["evidence"]] == [(acme, before["people"][0][0])]

    with pytest.raises(Conflict) as refused:
        undo_import(ledgerly, companies)
    assert str(refused.value) == (
        f"imports {deals} and {tickets} refer to accounts that import {companies} "
        f"inserted: undo imports {tickets} and {deals} first"
    )
    assert snapshot(ledgerly) == before

    # The ticket names the person the tickets import inserted; the deals import nothing
    # later refers to: it goes without undoing the tickets.
    undo_import(ledgerly, deals)
    with pytest.raises(Conflict, match=f"^import {tickets} refers to accounts that"):
        undo_import(ledgerly, companies)
    undo_import(ledgerly, tickets)
    undo_import(ledgerly, companies)
    assert snapshot(ledgerly)["accounts"] == []

    imported(ledgerly, tmp_path / "companies.csv", "hubspot", COMPANIES)
    imported(ledgerly, tmp_path / "deals.csv", "hubspot", COMPANY_DEALS)
    again = snapshot(ledgerly)
    assert [a for _i, _e, a in again["deals"]] == [again["accounts"][0][0]] * 2


def test_undo_is_refused_when_a_later_import_points_a_record_at_what_it_inserted(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """A later import that *updated* a deal to name the account counts as much as one that
    inserted it: undoing that import would restore a link to a deleted account."""
    unlinked = COMPANY_DEALS.replace(",501\n", ",\n")
    imported(ledgerly, tmp_path / "deals.csv", "hubspot", unlinked)
    companies = imported(ledgerly, tmp_path / "companies.csv", "hubspot", COMPANIES)
    linked = imported(ledgerly, tmp_path / "linked.csv", "hubspot", COMPANY_DEALS)
    before = snapshot(ledgerly)
    with pytest.raises(Conflict, match=f"^import {linked} refers to accounts that import "):
        undo_import(ledgerly, companies)
    assert snapshot(ledgerly) == before


SALESFORCE_ACCOUNTS = '"Id","Name","Website"\n"0015g00000AcmeAAA","Acme Corp","acme.example"\n'


def test_undo_is_refused_while_a_later_import_keeps_its_own_id_for_what_it_inserted(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """A later export that met the account and only learnt its id there (Salesforce's id
    for HubSpot's company) refers to it by that id: deleting the account would leave the
    id pointing at nothing, and the next Salesforce import would file onto a missing row."""
    companies = imported(ledgerly, tmp_path / "companies.csv", "hubspot", COMPANIES)
    accounts = imported(ledgerly, tmp_path / "Account.csv", "salesforce", SALESFORCE_ACCOUNTS)
    before = snapshot(ledgerly)
    assert len(before["accounts"]) == 1, "Salesforce's Acme is HubSpot's Acme"
    with pytest.raises(Conflict) as refused:
        undo_import(ledgerly, companies)
    assert str(refused.value) == (
        f"import {accounts} refers to accounts that import {companies} inserted: "
        f"undo import {accounts} first"
    )
    assert snapshot(ledgerly) == before
    undo_import(ledgerly, accounts)
    undo_import(ledgerly, companies)
    with ledgerly.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM external_keys")).scalar() == 0
