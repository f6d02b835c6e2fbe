"""Importing a CSV into a workspace and reading it back, on SQLite and PostgreSQL.

Imports run through ``tradeoff import csv`` in-process (see ``exports.import_csv``), so these
tests hold whatever the Python API underneath looks like. One transaction per import: every
test that makes an import fail checks that nothing at all was written — no evidence, no
accounts, no people, no import batch.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.importers.exports import (
    GOOGLE_PLAY_CSV,
    GOOGLE_PLAY_MAP,
    HELPDESK_CSV,
    HELPDESK_MAP,
    HELPDESK_NEXT_WEEK_CSV,
    import_csv,
    snapshot,
    utc,
    write_export,
)
from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.enums import (
    AccountLifecycle,
    EvidenceKind,
    EvidenceMode,
    ImportStatus,
    PersonRole,
)
from tradeoff.domain.evidence import EvidenceItem, ImportBatch
from tradeoff.errors import InputError
from tradeoff.importers.mapping import parse_map_option
from tradeoff.importers.registry import IMPORTERS, importer
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

NOTHING = (0, 0, 0, 0)


def refused(engine: Engine, path: Path, *options: str) -> InputError:
    with pytest.raises(InputError) as caught:
        import_csv(engine, path, *options)
    return caught.value


def outcomes(batch: ImportBatch) -> tuple[int, int, int, int]:
    return batch.inserted, batch.updated, batch.unchanged, batch.rejected


def without_batch(item: EvidenceItem) -> EvidenceItem:
    """An evidence item minus its provenance, which every import that sees it updates."""
    return replace(item, import_batch_id=None)


# --- the first import -------------------------------------------------------------------------


def test_helpdesk_export_lands_with_accounts_people_and_proxies(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV)

    batch = import_csv(ledgerly, path, "--map", HELPDESK_MAP, "--source", "helpdesk")

    assert outcomes(batch) == (5, 0, 0, 0)
    assert (batch.source, batch.file_name) == ("helpdesk", "helpdesk.csv")
    assert batch.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert batch.status is ImportStatus.COMPLETED
    assert batch.finished_at is not None
    assert batch.finished_at >= batch.started_at
    assert parse_map_option(HELPDESK_MAP).items() <= batch.mapping.items()
    stored = snapshot(ledgerly)
    assert stored.counts == (5, 3, 6, 1)

    acme, globex, initech = stored.accounts
    assert (acme.name, acme.domain, acme.lifecycle) == (
        "Acme, Inc.",
        "acme.example",
        AccountLifecycle.CUSTOMER,
    )
    assert (globex.name, globex.domain) == ("Globex", "globex.example")
    # A free-mail address says nothing about the company.
    assert (initech.name, initech.domain) == ("Initech", None)

    people = {(p.name, p.email): p for p in stored.people}
    assert set(people) == {
        ("Zoë O'Brien", "zoe.obrien@acme.example"),
        (None, "sam.rivera@ledgerly.example"),
        ("Ops Team", "ops@globex.example"),
        ("Priya Natarajan", None),
        ("Kenji Watanabe", "kenji.w@gmail.com"),
        ("Bea Schmidt", "bea.schmidt@acme.example"),
    }
    zoe = people[("Zoë O'Brien", "zoe.obrien@acme.example")]
    sam = people[(None, "sam.rivera@ledgerly.example")]
    priya = people[("Priya Natarajan", None)]
    bea = people[("Bea Schmidt", "bea.schmidt@acme.example")]
    assert zoe.account_id == acme.id
    assert bea.account_id == acme.id
    assert people[("Kenji Watanabe", "kenji.w@gmail.com")].account_id == initech.id
    # Our own people are never filed under a customer account.
    assert sam.account_id is None
    assert priya.account_id is None
    assert zoe.role is PersonRole.UNKNOWN

    first = stored.item("1001")
    assert first.source == "helpdesk"
    assert (first.kind, first.mode) == (EvidenceKind.TICKET, EvidenceMode.OBSERVED)
    assert first.title == "Export drops accents"
    assert first.text == 'Hi team,\nthe CSV export turns "Zoë" into "Zo?".\nThanks, Zoë'
    assert first.created_at == utc(2026, 3, 4, 10, 22, 31)
    assert first.tags == ["billing", "export"]
    assert first.rating == 2.0
    assert (first.account_id, first.person_id, first.relayed_by_id) == (acme.id, zoe.id, sam.id)
    assert first.raw["Labels"] == ["csv", "urgent"]
    assert first.raw["Body"] == first.text
    assert first.import_batch_id == batch.id

    # Hostile text is data: stored exactly as exported, escaped only on output.
    assert stored.item("1002").text == "<script>alert(1)</script>"
    assert stored.item("1002").created_at == utc(2026, 3, 4, 16, 5)
    assert stored.item("1002").account_id == globex.id
    formula = stored.item("1003")
    assert formula.text == '=HYPERLINK("http://x")'
    assert formula.raw["Body"] == '=HYPERLINK("http://x")'
    assert formula.created_at == utc(2026, 3, 5, 11, 0)
    assert (formula.person_id, formula.relayed_by_id) == (zoe.id, priya.id)
    assert stored.item("1004").created_at == utc(2026, 3, 6, 8, 30)
    assert stored.item("1004").tags == ["reporting", "spreadsheets"]
    assert stored.item("1004").rating == 4.5
    # No company: the account comes from the email's domain. Agent = requester is no relay.
    last = stored.item("1005")
    assert last.created_at == utc(2025, 7, 14, 15, 42)
    assert (last.account_id, last.person_id, last.relayed_by_id) == (acme.id, bea.id, None)


def test_kind_sets_the_default_mode_and_mode_overrides_it(ledgerly: Engine, tmp_path: Path) -> None:
    path = write_export(tmp_path / "notes.csv", "Body,Date\nWe rebuild it weekly,2026-03-05\n")
    columns = ("--map", "text=Body,created_at=Date")
    import_csv(ledgerly, path, *columns, "--source", "calls", "--kind", "interview")
    import_csv(ledgerly, path, *columns, "--source", "chats", "--kind", "chat")
    import_csv(ledgerly, path, *columns, "--source", "desk", "--mode", "stated")
    modes = {(e.source, e.kind, e.mode) for e in snapshot(ledgerly).evidence}
    assert modes == {
        ("calls", EvidenceKind.INTERVIEW, EvidenceMode.STATED),
        ("chats", EvidenceKind.CHAT, EvidenceMode.OBSERVED),
        ("desk", EvidenceKind.TICKET, EvidenceMode.STATED),
    }


def test_existing_accounts_and_people_are_reused(ledgerly: Engine, tmp_path: Path) -> None:
    with write_session(ledgerly) as session:
        acme = repository.add(session, Account(name="ACME, INC."))
        globex = repository.add(
            session, Account(name="Globex Corporation", domain="globex.example")
        )
        zoe = repository.add(session, Person(name="Zoë", email="zoe.obrien@acme.example"))
    path = write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV)

    import_csv(ledgerly, path, "--map", HELPDESK_MAP)

    stored = snapshot(ledgerly)
    # By name case-insensitively (Acme), by domain whatever the name (Globex).
    assert [a.name for a in stored.accounts] == ["ACME, INC.", "Globex Corporation", "Initech"]
    assert len(stored.people) == 6
    assert stored.item("1001").account_id == acme.id
    assert stored.item("1001").person_id == zoe.id
    assert stored.item("1002").account_id == globex.id


def test_internal_emails_never_point_at_a_customer_account(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(
        tmp_path / "requests.csv",
        "Body,Date,Email,Company\n"
        'Acme asked for SSO,2026-03-05,priya@ledgerly.example,"Acme, Inc."\n'
        "We need an audit log,2026-03-06,lee@eu.ledgerly.example,\n"
        "Export is slow,2026-03-06,Someone@Wayne.Example,\n",
    )
    batch = import_csv(
        ledgerly,
        path,
        "--map",
        "text=Body,created_at=Date,email=Email,account=Company",
        "--kind",
        "internal_request",
    )
    stored = snapshot(ledgerly)
    assert batch.inserted == 3
    # Our domain (and its sub-domains) never becomes or joins a customer account.
    assert [a.name for a in stored.accounts] == ["Acme, Inc."]
    assert stored.accounts[0].domain != "ledgerly.example"
    people = {p.email: p for p in stored.people}
    assert people["priya@ledgerly.example"].account_id is None
    assert people["lee@eu.ledgerly.example"].account_id is None
    sso, audit, _ = stored.evidence
    assert sso.account_id == stored.accounts[0].id
    assert audit.account_id is None
    assert {e.mode for e in stored.evidence} == {EvidenceMode.STATED}


# --- re-imports -------------------------------------------------------------------------------


def test_reimporting_the_same_file_changes_nothing(ledgerly: Engine, tmp_path: Path) -> None:
    path = write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV)
    first = import_csv(ledgerly, path, "--map", HELPDESK_MAP)
    before = snapshot(ledgerly)

    again = import_csv(ledgerly, path, "--map", HELPDESK_MAP)

    assert again == first  # the same bytes read the same way: no second batch at all
    after = snapshot(ledgerly)
    assert after.counts == (5, 3, 6, 1)
    assert after.accounts == before.accounts
    assert after.people == before.people
    assert [without_batch(e) for e in after.evidence] == [without_batch(e) for e in before.evidence]


def test_next_weeks_export_updates_one_inserts_one(ledgerly: Engine, tmp_path: Path) -> None:
    import_csv(ledgerly, write_export(tmp_path / "w1.csv", HELPDESK_CSV), "--map", HELPDESK_MAP)
    before = snapshot(ledgerly)

    batch = import_csv(
        ledgerly, write_export(tmp_path / "w2.csv", HELPDESK_NEXT_WEEK_CSV), "--map", HELPDESK_MAP
    )

    assert outcomes(batch) == (1, 1, 2, 0)
    after = snapshot(ledgerly)
    assert after.counts == (6, 3, 6, 2)
    edited = after.item("1004")
    assert edited.text == "Reporting is fine, but I rebuild the same spreadsheet EVERY week"
    assert edited.id == before.item("1004").id
    assert edited.import_batch_id == batch.id
    new = after.item("1006")
    assert new.created_at == utc(2026, 3, 7, 8, 0)
    assert new.text == "Please export straight to XLSX — finance hates CSV"
    assert new.person_id == after.item("1001").person_id
    for unchanged in ("1001", "1002", "1003", "1005"):
        assert without_batch(after.item(unchanged)) == without_batch(before.item(unchanged))
    # Rows missing from a later export are left alone, with their provenance.
    assert after.item("1001").import_batch_id == before.item("1001").import_batch_id


def test_the_same_ids_from_another_source_are_other_records(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV)
    import_csv(ledgerly, path, "--map", HELPDESK_MAP, "--source", "zendesk")
    batch = import_csv(ledgerly, path, "--map", HELPDESK_MAP, "--source", "Freshdesk")
    assert batch.inserted == 5
    stored = snapshot(ledgerly)
    assert stored.counts == (10, 3, 6, 2)
    assert {e.source for e in stored.evidence} == {"zendesk", "freshdesk"}


def test_without_an_id_column_reimport_is_still_idempotent(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "reviews.csv", GOOGLE_PLAY_CSV, "utf-16")
    options = ("--map", GOOGLE_PLAY_MAP, "--source", "google_play", "--kind", "review")

    first = import_csv(ledgerly, path, *options)
    again = import_csv(ledgerly, path, *options)

    assert outcomes(first) == (2, 0, 0, 0)
    assert again == first
    stored = snapshot(ledgerly)
    assert stored.counts == (2, 0, 0, 1)
    assert [e.text for e in stored.evidence] == [
        "Sync hängt seit dem Update 👎",
        'Love it, but "export" is hidden',
    ]
    assert {e.kind for e in stored.evidence} == {EvidenceKind.REVIEW}
    assert [e.rating for e in stored.evidence] == [2.0, 5.0]
    assert stored.evidence[0].created_at == utc(2025, 11, 20, 7, 45, 12)
    assert stored.evidence[0].url is not None
    assert stored.evidence[0].url.endswith("reviewId=a")
    assert all(e.external_id.startswith("sha256:") for e in stored.evidence)


def test_content_keys_ignore_column_order_and_unmapped_columns(
    ledgerly: Engine, tmp_path: Path
) -> None:
    columns = ("--map", "text=Body,created_at=Date")
    import_csv(
        ledgerly,
        write_export(tmp_path / "a.csv", "Body,Date,Seen\nSlow export,2026-03-05,1\n"),
        *columns,
    )
    again = import_csv(
        ledgerly,
        write_export(tmp_path / "b.csv", "Seen,Date,Body\n999,2026-03-05,Slow export\n"),
        *columns,
    )
    edited = import_csv(
        ledgerly, write_export(tmp_path / "c.csv", "Body,Date\nSlow export!,2026-03-05\n"), *columns
    )
    # The same mapped cells are the same item (its raw record follows the latest export);
    # other words are another item.
    assert (again.inserted, edited.inserted) == (0, 1)
    assert len(snapshot(ledgerly).evidence) == 2


# --- one transaction --------------------------------------------------------------------------


def test_a_bad_row_after_good_ones_writes_nothing(ledgerly: Engine, tmp_path: Path) -> None:
    bad = HELPDESK_CSV.replace("14/Jul/25 3:42 PM", "last Tuesday")
    path = write_export(tmp_path / "helpdesk.csv", bad)

    error = refused(ledgerly, path, "--map", HELPDESK_MAP)

    assert (error.path, error.line, error.column) == (str(path), 9, "Date")
    assert error.message == "not a date or time: 'last Tuesday'"
    assert snapshot(ledgerly).counts == NOTHING


def test_a_bad_row_after_a_flushed_chunk_writes_nothing(ledgerly: Engine, tmp_path: Path) -> None:
    # The loader flushes every few hundred rows; a failure at row 700 must still undo 1-699.
    rows = [
        f"{n},Ticket {n},2026-03-05,user{n}@customer{n % 7}.example,Co {n % 7}"
        for n in range(1, 701)
    ]
    rows[-1] = "700,Ticket 700,someday,x@y.example,Co"
    path = write_export(
        tmp_path / "big.csv", "Id,Body,Date,Email,Company\n" + "\n".join(rows) + "\n"
    )

    error = refused(
        ledgerly,
        path,
        "--map",
        "text=Body,created_at=Date,external_id=Id,email=Email,account=Company",
    )

    assert (error.line, error.column) == (701, "Date")
    assert snapshot(ledgerly).counts == NOTHING


def test_a_failed_import_leaves_earlier_imports_untouched(ledgerly: Engine, tmp_path: Path) -> None:
    import_csv(ledgerly, write_export(tmp_path / "w1.csv", HELPDESK_CSV), "--map", HELPDESK_MAP)
    before = snapshot(ledgerly)
    # The edit to 1004 and the new 1006 come before the broken row, and must not land.
    broken = HELPDESK_NEXT_WEEK_CSV + '1007,Broken,"never closed,2026-03-08,,,,,,,,\n'

    error = refused(ledgerly, write_export(tmp_path / "w2.csv", broken), "--map", HELPDESK_MAP)

    assert error.line == 6
    assert error.message == (
        "not a readable CSV: a quoted cell in the row that starts here is never closed "
        "(a missing '\"')"
    )
    assert snapshot(ledgerly) == before


KINDS = ", ".join(k.value for k in EvidenceKind)
ROLES = ", ".join(r.value for r in PersonRole)


@pytest.mark.parametrize(
    ("content", "columns", "line", "column", "message"),
    [
        (
            'Id,Body,Date\n1,"two\nlines",2026-03-05\n2,ok,next Tuesday\n',
            "text=Body,created_at=Date",
            4,
            "Date",
            "not a date or time: 'next Tuesday'",
        ),
        (
            "Id,Body,Date\n1,ok,2026-03-05\n2,  ,2026-03-05\n",
            "text=Body,created_at=Date",
            3,
            "Body",
            "the text is empty",
        ),
        ("Id,Body,Date\n1,ok,\n", "text=Body,created_at=Date", 2, "Date", "empty timestamp"),
        (
            "Body,Date,Type\nok,2026-03-05,phone call\n",
            "text=Body,created_at=Date,kind=Type",
            2,
            "Type",
            f"'phone call' is not one of: {KINDS}",
        ),
        (
            "Body,Date,Mode\nok,2026-03-05,guessed\n",
            "text=Body,created_at=Date,mode=Mode",
            2,
            "Mode",
            "'guessed' is not one of: observed, stated",
        ),
        (
            "Body,Date,Role\nok,2026-03-05,ceo\n",
            "text=Body,created_at=Date,role=Role",
            2,
            "Role",
            f"'ceo' is not one of: {ROLES}",
        ),
        (
            "Body,Date,Stars\nok,2026-03-05,N/A\n",
            "text=Body,created_at=Date,rating=Stars",
            2,
            "Stars",
            "not a number: 'N/A'",
        ),
        (
            "Id,Body,Date\n1,ok,2026-03-04\n2,ok,2026-03-05,extra\n",
            "text=Body,created_at=Date",
            3,
            None,
            "row has 4 cells but the header has 3",
        ),
        (
            'Id,Body,Date\n1,ok,2026-03-04\n2,"ok, quoted"\n',
            "text=Body,created_at=Date",
            3,
            None,
            "row has 2 cells but the header has 3",
        ),
    ],
    ids=["date", "empty-text", "empty-date", "kind", "mode", "role", "rating", "long", "short"],
)
def test_a_bad_cell_is_refused_by_line_and_column(
    ledgerly: Engine,
    tmp_path: Path,
    content: str,
    columns: str,
    line: int,
    column: str | None,
    message: str,
) -> None:
    path = write_export(tmp_path / "bad.csv", content)
    error = refused(ledgerly, path, "--map", columns)
    assert (error.path, error.line, error.column, error.message) == (
        str(path),
        line,
        column,
        message,
    )
    assert snapshot(ledgerly).counts == NOTHING


@pytest.mark.parametrize("gap", [1, 499, 500, 650])
def test_a_repeated_id_is_refused_wherever_it_repeats(
    ledgerly: Engine, tmp_path: Path, gap: int
) -> None:
    ids = [*range(1, gap + 1), 1]
    body = "\n".join(f"{i},Ticket number {n},2026-03-05" for n, i in enumerate(ids))
    path = write_export(tmp_path / "dup.csv", "Id,Body,Date\n" + body + "\n")

    error = refused(ledgerly, path, "--map", "text=Body,created_at=Date,external_id=Id")

    assert error.line == gap + 2
    assert "'1'" in error.message
    assert "twice" in error.message
    assert snapshot(ledgerly).counts == NOTHING


def test_an_unsafe_link_is_refused_at_its_line(ledgerly: Engine, tmp_path: Path) -> None:
    path = write_export(
        tmp_path / "links.csv",
        "Body,Date,Link\nfine,2026-03-05,https://desk.example/1\n"
        "click me,2026-03-05,javascript:alert(1)\n",
    )
    error = refused(ledgerly, path, "--map", "text=Body,created_at=Date,url=Link")
    assert (error.line, error.column) == (3, "Link")
    assert error.message == "only http(s) links are allowed, got 'javascript:alert(1)'"
    assert snapshot(ledgerly).counts == NOTHING


@pytest.mark.parametrize(
    ("column", "field"),
    [("Body", "text"), ("Subject", "title"), ("Company", "account"), ("Requester", "person")],
)
def test_nul_in_a_cell_is_stored_verbatim_or_refused_by_line(
    ledgerly: Engine, tmp_path: Path, column: str, field: str
) -> None:
    """PostgreSQL text cannot hold NUL: the import must refuse it at its line (or store it
    verbatim, on every engine), never fail with the driver's DataError."""
    header = ["Id", "Body", "Subject", "Company", "Requester", "Date"]
    cells = dict(zip(header, ["1", "text", "s", "Acme", "Zoë", "2026-03-05"], strict=True))
    cells[column] += "\x00after"
    path = write_export(tmp_path / "nul.csv", ",".join(header) + "\n" + ",".join(cells.values()))
    columns = "text=Body,title=Subject,account=Company,person=Requester,created_at=Date"
    try:
        import_csv(ledgerly, path, "--map", columns + ",external_id=Id")
    except InputError as error:
        refusal: InputError | None = error
    else:
        refusal = None
    stored = snapshot(ledgerly)
    if refusal is not None:
        assert refusal.line == 2
        assert "NUL" in refusal.message
        assert stored.counts == NOTHING
        return
    (item,) = stored.evidence
    values = {
        "text": item.text,
        "title": item.title,
        "account": stored.account(item.account_id).name,
        "person": stored.person(item.person_id).name,
    }
    assert values[field] == cells[column]


OVERLONG = {"Id": "x" * 300, "Subject": "s" * 1001, "Company": "C" * 301, "Requester": "R" * 301}


@pytest.mark.parametrize(
    "column",
    [
        "Id",
        "Subject",
        "Company",
        "Requester",
    ],
)
def test_an_overlong_cell_is_refused_at_its_line_on_every_engine(
    ledgerly: Engine, tmp_path: Path, column: str
) -> None:
    cells = {"Id": "1", "Subject": "s", "Body": "b", "Date": "2026-03-05", "Company": "Co"}
    cells["Requester"] = "Zoë"
    cells[column] = OVERLONG[column]
    path = write_export(tmp_path / "long.csv", ",".join(cells) + "\n" + ",".join(cells.values()))
    error = refused(
        ledgerly,
        path,
        "--map",
        "text=Body,created_at=Date,external_id=Id,title=Subject,account=Company,person=Requester",
    )
    assert (error.line, error.column) == (2, column)
    assert snapshot(ledgerly).counts == NOTHING


def test_unknown_source_names_the_known_ones() -> None:
    with pytest.raises(InputError) as caught:
        importer("no-such-tool")
    assert str(caught.value) == (
        f"unknown source 'no-such-tool'; sources are: {', '.join(sorted(IMPORTERS))}"
    )
    assert "csv" in IMPORTERS
