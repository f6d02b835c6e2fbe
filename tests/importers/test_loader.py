"""What every import gets from the loader: matching across sources, proxies, copies, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.evidence import EvidenceItem, ImportBatch
from tradeoff.errors import Conflict, InputError
from tradeoff.importers.generic_csv import GenericCsvImporter
from tradeoff.importers.registry import run
from tradeoff.storage import repository
from tradeoff.storage.changelog import undo_batch
from tradeoff.storage.session import read_session, write_session

COLUMNS = {
    "external_id": "Id",
    "text": "Body",
    "created_at": "Date",
    "email": "Email",
    "person": "Name",
    "account": "Company",
}
HEADER = "Id,Body,Date,Email,Name,Company\n"


def load(engine: Engine, path: Path, text: str, source: str = "helpdesk") -> int:
    path.write_text(HEADER + text, encoding="utf-8")
    return run(engine, GenericCsvImporter(), path, columns=COLUMNS, source=source).batch_id


def stored(engine: Engine) -> tuple[list[Account], list[Person], list[EvidenceItem]]:
    with read_session(engine) as session:
        return (
            repository.list_all(session, Account),
            repository.list_all(session, Person),
            repository.list_all(session, EvidenceItem),
        )


def test_one_account_across_sources_by_name_legal_form_and_accents(
    ledgerly: Engine, tmp_path: Path
) -> None:
    load(
        ledgerly, tmp_path / "a.csv", "1,Cards declined at fuel pumps,2026-03-01,,Ana,Ørsted A/S\n"
    )
    load(
        ledgerly,
        tmp_path / "b.csv",
        "9,Need virtual cards for contractors,2026-03-02,,Ben,ORSTED\n",
        source="intercom",
    )
    accounts, _people, evidence = stored(ledgerly)
    assert [a.name for a in accounts] == ["Ørsted A/S"]
    assert {e.account_id for e in evidence} == {accounts[0].id}


def test_what_our_own_people_write_is_relayed_not_direct(ledgerly: Engine, tmp_path: Path) -> None:
    load(
        ledgerly,
        tmp_path / "notes.csv",
        "1,Customer wants payouts in EUR,2026-03-01,sam.rivera@ledgerly.example,Sam Rivera,"
        "Kestrel Logistics\n",
    )
    accounts, (sam,), (item,) = stored(ledgerly)
    assert (item.person_id, item.relayed_by_id) == (None, sam.id)
    assert item.account_id == accounts[0].id
    assert sam.account_id is None


def test_the_same_words_from_the_same_account_are_linked_not_counted_twice(
    ledgerly: Engine, tmp_path: Path
) -> None:
    words = "Our payroll run failed again because the transfer stayed pending"
    load(ledgerly, tmp_path / "t.csv", f"1,{words},2026-03-01,kim@kestrel.example,Kim,Kestrel\n")
    load(
        ledgerly,
        tmp_path / "crm.csv",
        f'n-7,"{words.upper()}!",2026-03-03,kim@kestrel.example,Kim,Kestrel\n'
        "n-8,Short,2026-03-03,kim@kestrel.example,Kim,Kestrel\n",
        source="crm-notes",
    )
    _a, _p, (ticket, copy, short) = stored(ledgerly)
    assert copy.duplicate_of_id == ticket.id
    assert (ticket.duplicate_of_id, short.duplicate_of_id) == (None, None)


def test_two_customers_at_one_account_writing_the_same_words_are_two_voices(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """A template both Kim and Lee sent is two pieces of demand; Kim's own words again
    through chat, or pasted into a note by our CSM, are copies of Kim's ticket."""
    words = "Please add single sign-on with Okta for our whole team"
    load(
        ledgerly,
        tmp_path / "t.csv",
        f"1,{words},2026-03-01,kim@kestrel.example,Kim,Kestrel\n"
        f"2,{words},2026-03-02,lee@kestrel.example,Lee,Kestrel\n",
    )
    load(
        ledgerly,
        tmp_path / "chat.csv",
        f"c-1,{words},2026-03-04,kim@kestrel.example,Kim,Kestrel\n"
        f"c-2,{words},2026-03-05,lee@kestrel.example,Lee,Kestrel\n"
        f"c-3,{words},2026-03-06,,,Kestrel\n",
        source="chat",
    )
    load(
        ledgerly,
        tmp_path / "notes.csv",
        f"n-1,{words},2026-03-07,sam.rivera@ledgerly.example,Sam Rivera,Kestrel\n",
        source="crm-notes",
    )
    _a, people, items = stored(ledgerly)
    who = {p.id: p.name for p in people}
    by_id = {i.external_id: i for i in items}
    kim, lee = by_id["1"], by_id["2"]
    assert (who[kim.person_id], who[lee.person_id]) == ("Kim", "Lee")
    assert (kim.duplicate_of_id, lee.duplicate_of_id) == (None, None)
    assert by_id["c-1"].duplicate_of_id == kim.id
    assert by_id["c-2"].duplicate_of_id == lee.id
    # No speaker named: a copy of the earliest; our CSM's note relays, so it is one too.
    assert by_id["c-3"].duplicate_of_id == kim.id
    assert by_id["n-1"].duplicate_of_id == kim.id


def test_the_earlier_item_is_the_original_whichever_export_comes_first(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """The chat of 1 February imported after the ticket of 1 March (and a note copying the
    ticket) makes the chat the original of both; undoing the chat's import restores them."""
    words = "Our payroll run failed again with error PR-4012 on the monthly schedule"
    who = "kim@kestrel.example,Kim,Kestrel"
    load(ledgerly, tmp_path / "t.csv", f"1,{words},2026-03-01,{who}\n2,{words},2026-03-02,{who}\n")
    _a, _p, (ticket, again) = stored(ledgerly)
    assert again.duplicate_of_id == ticket.id
    batch = load(ledgerly, tmp_path / "chat.csv", f"c-1,{words},2026-02-01,{who}\n", "chat")
    _a, _p, items = stored(ledgerly)
    by_id = {i.external_id: i for i in items}
    chat = by_id["c-1"]
    assert chat.duplicate_of_id is None
    assert (by_id["1"].duplicate_of_id, by_id["2"].duplicate_of_id) == (chat.id, chat.id)
    with write_session(ledgerly) as session:
        undo_batch(session, batch)
    _a, _p, (ticket, again) = stored(ledgerly)
    assert (ticket.duplicate_of_id, again.duplicate_of_id) == (None, ticket.id)


def test_a_value_too_long_for_its_column_is_an_input_error_on_every_engine(
    ledgerly: Engine, tmp_path: Path
) -> None:
    with pytest.raises(InputError) as caught:
        load(ledgerly, tmp_path / "long.csv", f"{'9' * 300},Body,2026-03-01,,,\n")
    assert (caught.value.line, caught.value.column) == (2, "Id")
    assert "longer than 255 characters" in str(caught.value)


def test_undo_removes_what_an_import_inserted_and_restores_what_it_updated(
    ledgerly: Engine, tmp_path: Path
) -> None:
    load(
        ledgerly,
        tmp_path / "w1.csv",
        "1,Card declined,2026-03-01,kim@kestrel.example,Kim,Kestrel\n",
    )
    before = stored(ledgerly)
    second = load(
        ledgerly,
        tmp_path / "w2.csv",
        "1,Card declined twice,2026-03-01,kim@kestrel.example,Kim,Kestrel\n"
        "2,Statement missing,2026-03-02,lee@orbit.example,Lee,Orbit Foods\n",
    )
    assert len(stored(ledgerly)[2]) == 2
    with write_session(ledgerly) as session:
        report = undo_batch(session, second)
    assert (report.deleted, report.restored) == (3, 1)
    assert stored(ledgerly) == before
    with read_session(ledgerly) as session:
        statuses = [b.status.value for b in repository.list_all(session, ImportBatch)]
    assert statuses == ["completed", "undone"]


def test_undo_is_refused_when_a_later_import_changed_the_same_records(
    ledgerly: Engine, tmp_path: Path
) -> None:
    first = load(ledgerly, tmp_path / "w1.csv", "1,Card declined,2026-03-01,,,\n")
    load(ledgerly, tmp_path / "w2.csv", "1,Card declined twice,2026-03-01,,,\n")
    with pytest.raises(Conflict, match="undo import 2 first"), write_session(ledgerly) as session:
        undo_batch(session, first)
    assert stored(ledgerly)[2][0].text == "Card declined twice"
