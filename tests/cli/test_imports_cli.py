"""``tradeoff imports``, ``tradeoff import undo`` and ``--skip-bad-rows`` as a user runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli

MAP = "external_id=Id,text=Body,created_at=Date,email=Email,account=Company"


@pytest.fixture
def workspace(capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    result = run_cli(
        capsys, "--db", workspace_url, "init", "--company", "Ledgerly",
        "--email-domain", "ledgerly.example",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return workspace_url


def export(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Id", "Body", "Date", "Email", "Company"])
        writer.writerows(rows)
    return path


def test_every_source_is_listed_in_import_help(capsys: pytest.CaptureFixture[str]) -> None:
    from tradeoff.importers.registry import IMPORTERS

    result = run_cli(capsys, "import", "--help")
    assert result.exit_code == 0
    listed = result.stdout
    assert [name for name in IMPORTERS if f"  {name} " not in listed] == []
    assert "undo" in listed


def test_imports_lists_batches_and_undo_restores_the_workspace(
    capsys: pytest.CaptureFixture[str], workspace: str, tmp_path: Path
) -> None:
    week1 = export(
        tmp_path / "week1.csv",
        [["1", "Card declined", "2026-03-01", "kim@kestrel.example", "Kestrel"]],
    )
    week2 = export(
        tmp_path / "week2.csv",
        [
            ["1", "Card declined twice", "2026-03-01", "kim@kestrel.example", "Kestrel"],
            ["2", "Statement missing", "2026-03-02", "lee@orbit.example", "Orbit Foods"],
        ],
    )  # fmt: skip
    assert (
        run_cli(capsys, "--db", workspace, "import", "csv", str(week1), "--map", MAP).exit_code == 0
    )
    status_before = run_cli(capsys, "--db", workspace, "status").stdout
    assert (
        run_cli(capsys, "--db", workspace, "import", "csv", str(week2), "--map", MAP).exit_code == 0
    )

    listing = run_cli(capsys, "--db", workspace, "imports")
    rows = [
        [cell.strip() for cell in line.split("│")]
        for line in listing.stdout.splitlines()
        if line.strip()[:1].isdigit()
    ]
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("1", "csv", "week1.csv"),
        ("2", "csv", "week2.csv"),
    ]

    undone = run_cli(capsys, "--db", workspace, "import", "undo", "2")
    assert undone.exit_code == 0, undone.stderr
    assert "removed 3 records, restored 1" in undone.stdout
    assert (
        run_cli(capsys, "--db", workspace, "status").stdout.replace(
            "imports         │ 2", "imports         │ 1"
        )
        == status_before
    )
    again = run_cli(capsys, "--db", workspace, "import", "undo", "2")
    assert again.exit_code == 1
    assert again.stderr.startswith("error: import 2 was already undone")
    missing = run_cli(capsys, "--db", workspace, "import", "undo", "99")
    assert (missing.exit_code, missing.stderr) == (1, "error: no import with id 99\n")


def test_undo_is_refused_in_one_line_while_a_later_import_refers_to_what_it_inserted(
    capsys: pytest.CaptureFixture[str], workspace: str, tmp_path: Path
) -> None:
    """Week 2's ticket from Kestrel hangs on the account week 1 inserted: undoing week 1
    first would leave it with no account, and re-importing could not link it again."""
    week1 = export(
        tmp_path / "week1.csv",
        [["1", "Card declined", "2026-03-01", "kim@kestrel.example", "Kestrel"]],
    )
    week2 = export(
        tmp_path / "week2.csv",
        [["2", "Export to Xero fails", "2026-03-08", "kim@kestrel.example", "Kestrel"]],
    )
    for path in (week1, week2):
        imported = run_cli(capsys, "--db", workspace, "import", "csv", str(path), "--map", MAP)
        assert imported.exit_code == 0, imported.stderr
    listed = run_cli(capsys, "--db", workspace, "imports").stdout

    refused = run_cli(capsys, "--db", workspace, "import", "undo", "1")
    assert (refused.exit_code, refused.stdout, refused.stderr) == (
        1,
        "",
        "error: import 2 refers to accounts and people that import 1 inserted: "
        "undo import 2 first\n",
    )
    assert run_cli(capsys, "--db", workspace, "imports").stdout == listed
    for batch in ("2", "1"):
        undone = run_cli(capsys, "--db", workspace, "import", "undo", batch)
        assert undone.exit_code == 0, undone.stderr


def test_a_one_record_import_says_so_from_its_first_line(
    capsys: pytest.CaptureFixture[str], workspace: str, tmp_path: Path
) -> None:
    """Piped or captured, a summary starts with what was imported (no blank line left by
    the progress bar), and one record is one record at every step of its life."""
    path = tmp_path / "one.csv"
    path.write_text("Id,Body,Date\n1,Card declined,2026-03-01\n", encoding="utf-8")
    plain = ("import", "csv", str(path), "--map", "external_id=Id,text=Body,created_at=Date")
    steps = [
        (plain, "Imported one.csv as csv (batch 1, utf-8, delimiter ','): 1 inserted, "
                "0 updated, 0 unchanged, 0 rejected.\n"),
        (plain, "one.csv: already imported as batch 1 with the same content and mapping; "
                "nothing changed (1 record).\n"),
        ((*plain, "--dates", "ymd"),
         "one.csv: its one record is already in the workspace as it says; nothing changed.\n"),
        (("import", "undo", "1"), "Undid import 1: removed 1 record, restored 0.\n"),
    ]  # fmt: skip
    for args, said in steps:
        result = run_cli(capsys, "--db", workspace, *args)
        assert (result.exit_code, result.stdout, result.stderr) == (0, said, ""), args


def test_a_row_with_one_cell_says_one_cell(
    capsys: pytest.CaptureFixture[str], workspace: str, tmp_path: Path
) -> None:
    path = tmp_path / "short.csv"
    path.write_text("Id,Body,Date\n1\n", encoding="utf-8")
    result = run_cli(
        capsys, "--db", workspace, "import", "csv", str(path), "--map",
        "external_id=Id,text=Body,created_at=Date",
    )  # fmt: skip
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: {path}, line 2: row has 1 cell but the header has 3\n"


def test_skip_bad_rows_imports_the_good_ones_and_writes_the_rejects(
    capsys: pytest.CaptureFixture[str], workspace: str, tmp_path: Path
) -> None:
    path = export(
        tmp_path / "tickets.csv",
        [
            ["1", "Card declined", "2026-03-01", "kim@kestrel.example", "Kestrel"],
            ["2", "Statement missing", "next tuesday", "lee@orbit.example", "Orbit"],
            ["3", '=HYPERLINK("http://x")', "2026-03-03", "lee@orbit.example", "Orbit"],
        ],
    )
    stopped = run_cli(capsys, "--db", workspace, "import", "csv", str(path), "--map", MAP)
    assert stopped.exit_code == 2
    assert stopped.stderr == (
        f"error: {path}, line 3, column 'Date': not a date or time: 'next tuesday'\n"
    )
    result = run_cli(
        capsys, "--db", workspace, "import", "csv", str(path), "--map", MAP, "--skip-bad-rows"
    )
    assert result.exit_code == 0, result.stderr
    assert "2 inserted, 0 updated, 0 unchanged, 1 rejected" in result.stdout
    rejects = path.with_name("tickets.csv.rejects.csv")
    assert f"Rejected rows and reasons: {rejects}" in result.stdout
    with rejects.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["line", "json_path", "column", "reason", "record"]
    assert rows[1][:4] == ["3", "", "Date", "not a date or time: 'next tuesday'"]


def test_an_error_shows_the_path_exactly_as_typed(
    capsys: pytest.CaptureFixture[str], workspace: str, tmp_path: Path
) -> None:
    """Consoles print text, not markup: a path with brackets comes back unchanged, with no
    backslash added and nothing swallowed as a style tag."""
    missing = tmp_path / "[bold]tickets.json"
    result = run_cli(capsys, "--db", workspace, "import", "zendesk", str(missing))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {missing}: file not found"


def test_a_crm_amount_with_no_currency_is_in_the_workspace_base_currency(
    capsys: pytest.CaptureFixture[str], workspace_url: str, tmp_path: Path
) -> None:
    """In a EUR workspace a Salesforce report with no currency column is in euros: its won
    revenue adds up in EUR instead of standing apart as dollars with no rate."""
    init = run_cli(
        capsys, "--db", workspace_url, "init", "--company", "Ledgerly",
        "--email-domain", "ledgerly.example", "--currency", "EUR",
    )  # fmt: skip
    assert init.exit_code == 0, init.stderr
    report = tmp_path / "pipeline.csv"
    report.write_text(
        "Opportunity Name,Account Name,Stage,Amount,Close Date,Created Date\n"
        "Köhler - Lizenz,Köhler Zahntechnik,Closed Won,12000,2026-03-01,2026-01-10\n"
        "Brandt - Neukunde,Brandt & Söhne,Closed Lost,3000,2026-03-02,2026-01-12\n",
        encoding="utf-8",
    )
    imported = run_cli(capsys, "--db", workspace_url, "import", "salesforce", str(report))
    assert imported.exit_code == 0, imported.stderr
    result = run_cli(capsys, "--db", workspace_url, "sales", "--format", "json")
    assert result.exit_code == 0, result.stderr
    overall = json.loads(result.stdout)["overall"]
    assert (overall["won"], overall["lost"], overall["won_revenue"]) == (
        1,
        1,
        {"amount": "12000.00", "currency": "EUR", "unconverted": {}},
    )
