"""A competitor scan after no change reads nothing again; any change makes it read.

The scan keeps a stamp of what it read (the data version, the row counts of the competitor
tables no trigger versions, a digest of the reading rules). A scan that finds the stamp
unchanged keeps the mentions and links as they stand. Each change a user can make —
import, undo, an item's text edited, a competitor added, merged away, renamed or marked a
partner, a chosen spelling dropped, a deal's words changed, new reading rules — must make
the next scan read everything, and leave exactly what a full re-read leaves.

Run as a user would: a Salesforce report and a help desk's CSV imported with the CLI, then
``scan-competitors``; on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import run_cli
from tradeoff.analysis.business import competitor_scan_stamp
from tradeoff.analysis.business.competitor_scan import ScanReport, scan_competitors
from tradeoff.storage import competitor_edits

HEADER = (
    '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
    '"Created Date","Loss Reason","Description","Competitor"'
)
DEALS = [
    '"Deal 1","0065g0000000101","Empresa 1 S.L.","Closed Lost","12000","3/1/2026",'
    '"2/1/2026","Too expensive compared to Gusto","","Gusto"',
    '"Deal 2","0065g0000000102","Lisboa Tech Lda","Closed Lost","9000","3/4/2026",'
    '"2/2/2026","Chose Remote for the EOR in Portugal","",""',
    '"Deal 3","0065g0000000103","Müller Bau GmbH","Closed Lost","15000","3/6/2026",'
    '"2/3/2026","Wechseln zu Sage wegen DATEV","","Sage"',
    '"Deal 4","0065g0000000104","Utrecht Zorg B.V.","Closed Won","7000","3/9/2026",'
    '"2/4/2026","","","Personio"',
]
TICKETS = [
    "Estamos pensando en cambiarnos a Gusto si el aguinaldo sigue saliendo mal.",
    "We went with Remote for the Portugal hires last year.",
    "Wir wechseln zu Sage, wenn der Export nicht bald geht.",
    "They built their own tool for the contractors' timesheets last year.",
    "Personio shows every absence in one calendar, which our managers like.",
    "Factorial quoted us half the price for the same modules.",
    "The export to the accounting system drops the cost centre column.",
]


def _write(folder: Path, deals: list[str], tickets: list[str]) -> tuple[Path, Path]:
    deals_csv = folder / "deals.csv"
    deals_csv.write_text("\r\n".join([HEADER, *deals]) + "\r\n", encoding="utf-8")
    tickets_csv = folder / "tickets.csv"
    with tickets_csv.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        for number, said in enumerate(tickets, 1):
            writer.writerow([f"T{number}", said, f"2026-10-{number:02d}", f"Empresa {number}"])
    return deals_csv, tickets_csv


def _cli(capsys: pytest.CaptureFixture[str], url: str, *command: str) -> str:
    result = run_cli(capsys, "--db", url, *command)
    assert result.exit_code == 0, (command, result.stdout, result.stderr)
    return result.stdout


@pytest.fixture
def scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    """The deals and tickets imported and scanned, then scanned again with no change."""
    deals, tickets = _write(tmp_path, DEALS, TICKETS)
    _cli(capsys, workspace_url, "import", "salesforce", str(deals))
    _cli(capsys, workspace_url, "import", "csv", str(tickets))
    _cli(capsys, workspace_url, "scan-competitors")
    return workspace_url


def _state(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a scan writes, by plain SQL."""
    queries = {
        "mentions": "SELECT evidence_id, competitor_id, mentioned_as FROM competitor_mentions",
        "stances": "SELECT evidence_id, competitor_id, stance FROM competitor_mention_stances",
        "links": "SELECT deal_id, competitor_id, relation, mentioned_as FROM deal_competitors",
        "noted": "SELECT deal_id, competitor_id FROM deal_competitor_notes",
        "competitors": "SELECT id, name, kind FROM competitors",
    }
    with engine.connect() as connection:
        return {
            name: sorted(tuple(row) for row in connection.execute(text(query)))
            for name, query in queries.items()
        }


def _mentioned(engine: Engine) -> set[tuple[str, str]]:
    """(the item's text, the competitor's name) for every mention."""
    query = text(
        "SELECT e.text, c.name FROM competitor_mentions m "
        "JOIN evidence_items e ON e.id = m.evidence_id JOIN competitors c ON c.id = m.competitor_id"
    )
    with engine.connect() as connection:
        return {(said, name) for said, name in connection.execute(query)}


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the evidence items and deals the scans fetch from now on."""
    fetched = [0]
    for name in ("evidence_texts", "deal_texts"):
        reading = getattr(competitor_edits, name)

        def counted(*args: Any, _reading: Any = reading, **kwargs: Any) -> Any:
            rows = _reading(*args, **kwargs)
            fetched[0] += len(rows)
            return rows

        monkeypatch.setattr(competitor_edits, name, counted)
    return fetched


def _scan_reads_all_and_settles(engine: Engine) -> ScanReport:
    """The next scan reads everything, leaves what a full re-read leaves, and the one after
    it reads nothing."""
    report = scan_competitors(engine)
    assert not report.unchanged
    left = _state(engine)
    again = scan_competitors(engine, reread=True)
    assert not again.unchanged
    assert (again.mentions_added, again.mentions_removed) == (0, 0)
    assert (again.deal_links_added, again.deal_links_removed) == (0, 0)
    assert _state(engine) == left
    assert scan_competitors(engine).unchanged
    return report


def test_a_scan_after_no_change_reads_nothing_and_changes_nothing(
    scanned: str,
    engine: Engine,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _state(engine)
    fetched = _reads(monkeypatch)
    out = _cli(capsys, scanned, "scan-competitors")
    assert fetched == [0]
    mentions = len(before["mentions"])
    assert (
        "Nothing changed since the last scan: mentions and links kept as they were "
        f"({mentions} mention{'' if mentions == 1 else 's'})"
    ) in " ".join(out.split())
    report = scan_competitors(engine)
    assert report.unchanged
    assert fetched == [0]
    # The tickets and the deals' reasons (kept as deal notes), and the deals.
    assert (report.evidence_scanned, report.deals_scanned) == (10, 4)
    assert _state(engine) == before
    # A full re-read finds exactly what the skipped scans left.
    reread = scan_competitors(engine, reread=True)
    assert fetched[0] >= 10 + 4
    assert (reread.mentions_added, reread.mentions_removed, reread.deal_links_added) == (0, 0, 0)
    assert _state(engine) == before


def test_an_import_and_its_undo_each_make_the_next_scan_read(
    scanned: str, engine: Engine, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert scan_competitors(engine).unchanged
    more = tmp_path / "more"
    more.mkdir()
    _, tickets = _write(more, DEALS, ["Leaving for Deel: we hire in 30 countries now."])
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        writer.writerow(["T99", "We are moving to Gusto next quarter.", "2026-10-20", "Empresa 9"])
    _cli(capsys, scanned, "import", "csv", str(tickets))
    report = _scan_reads_all_and_settles(engine)
    assert report.mentions_added == 1
    assert ("We are moving to Gusto next quarter.", "Gusto") in _mentioned(engine)

    with engine.connect() as connection:
        batch = connection.execute(text("SELECT max(id) FROM import_batches")).scalar_one()
    _cli(capsys, scanned, "import", "undo", str(batch))
    _scan_reads_all_and_settles(engine)
    assert ("We are moving to Gusto next quarter.", "Gusto") not in _mentioned(engine)


def test_an_items_text_edited_makes_the_next_scan_read(scanned: str, engine: Engine) -> None:
    assert scan_competitors(engine).unchanged
    edited = "We went with Sage for the Portugal hires last year."
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_items SET text = :edited WHERE text = :was"),
            {"edited": edited, "was": TICKETS[1]},
        )
    report = _scan_reads_all_and_settles(engine)
    assert (report.mentions_added, report.mentions_removed) == (1, 0)
    assert (edited, "Sage") in _mentioned(engine)


def test_a_deals_words_changed_by_a_reimport_make_the_next_scan_read(
    scanned: str, engine: Engine, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert scan_competitors(engine).unchanged
    changed = [d.replace("Chose Remote for the EOR", "Chose Personio for the HR") for d in DEALS]
    again = tmp_path / "again"
    again.mkdir()
    deals, _ = _write(again, changed, TICKETS)
    _cli(capsys, scanned, "import", "salesforce", str(deals))
    report = _scan_reads_all_and_settles(engine)
    assert (report.deal_links_added, report.deal_links_removed) == (1, 0)


def test_a_competitor_added_by_an_import_makes_the_next_scan_read(
    scanned: str, engine: Engine, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert scan_competitors(engine).unchanged
    assert not any(name == "Factorial" for _, name in _mentioned(engine))
    row = (
        '"Deal 5","0065g0000000105","Valencia Retail S.L.","Closed Lost","5000","3/12/2026",'
        '"2/6/2026","","","Factorial"'
    )
    again = tmp_path / "again"
    again.mkdir()
    deals, _ = _write(again, [*DEALS, row], TICKETS)
    _cli(capsys, scanned, "import", "salesforce", str(deals))
    report = _scan_reads_all_and_settles(engine)
    assert report.mentions_added == 1
    assert (TICKETS[5], "Factorial") in _mentioned(engine)


@pytest.mark.parametrize(
    "commands",
    [
        [("competitor-merge", "Sage", "--into", "Personio")],
        [("competitor-rename", "Gusto", "--to", "Gusto Payroll")],
        [("competitor-partner", "Personio")],
        [
            ("competitor-rename", "Gusto", "--to", "Gusto Payroll"),
            ("scan-competitors",),
            ("competitor-split", "Gusto Payroll", "--aliases", "Gusto", "--as", "Gusto Classic"),
        ],
    ],
    ids=["merged-away", "renamed", "partner", "split"],
)
def test_a_person_editing_the_competitors_makes_the_next_scan_read(
    scanned: str,
    engine: Engine,
    capsys: pytest.CaptureFixture[str],
    commands: list[tuple[str, ...]],
) -> None:
    assert scan_competitors(engine).unchanged
    assert (TICKETS[4], "Personio") in _mentioned(engine)
    for command in commands:
        _cli(capsys, scanned, *command)
    _scan_reads_all_and_settles(engine)
    if commands[0][0] == "competitor-partner":
        # A partner is named only in words that compete with it.
        assert (TICKETS[4], "Personio") not in _mentioned(engine)


def test_a_write_to_a_table_no_trigger_versions_makes_the_next_scan_read(
    scanned: str, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    _cli(capsys, scanned, "competitor-rename", "Gusto", "--to", "Gusto Payroll")
    scan_competitors(engine)
    assert scan_competitors(engine).unchanged
    # A script forgets the chosen spelling: only competitor_names_chosen is written.
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM competitor_names_chosen"))
    _scan_reads_all_and_settles(engine)


def test_new_reading_rules_make_the_next_scan_read(
    scanned: str, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert scan_competitors(engine).unchanged
    rules: Callable[[], str] = lambda: "another release"  # noqa: E731
    monkeypatch.setattr(competitor_scan_stamp, "rules_version", rules)
    _scan_reads_all_and_settles(engine)
