"""The competitor views say when their mentions are behind the data, and a scan that read
nothing says so (QA D11: a second batch's 10 mentions missed, and nothing warned).

Mentions are counted by ``scan-competitors``, not by an import. Run as a user would: a
Salesforce report and a help desk's CSV imported with the CLI, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import CliResult, run_cli

DEALS = (
    '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
    '"Created Date","Loss Reason","Description","Competitor"\r\n'
    '"Deal 1","0065g0000000101","Empresa 1 S.L.","Closed Lost","12000","3/1/2026",'
    '"2/1/2026","Too expensive compared to Gusto","","Gusto"\r\n'
    '"Deal 2","0065g0000000102","Müller Bau GmbH","Closed Lost","15000","3/6/2026",'
    '"2/3/2026","Wechseln zu Sage wegen DATEV","","Sage"\r\n'
)
FIRST = [
    "Estamos pensando en cambiarnos a Gusto si el aguinaldo sigue saliendo mal.",
    "The export to the accounting system drops the cost centre column.",
]
#: The second batch: ten tickets that name Gusto, none counted until the next scan.
SECOND = [f"Gusto quoted store {n} a lower price for payroll and time tracking." for n in
          range(1, 11)]  # fmt: skip
CHANGED = (
    "The workspace changed since the last competitor scan (an import, an edit or an "
    "analysis): run tradeoff scan-competitors to count any new mentions."
)
KEPT = "Nothing changed since the last scan: mentions and links kept as they were"


def _tickets(path: Path, said: list[str], first_id: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        for number, text in enumerate(said, first_id):
            writer.writerow([f"T{number}", text, f"2026-10-{number:02d}", f"Store {number}"])
    return path


def _cli(capsys: pytest.CaptureFixture[str], url: str, *command: str) -> CliResult:
    result = run_cli(capsys, "--db", url, *command)
    assert result.exit_code == 0, (command, result.stdout, result.stderr)
    return result


def _ranking(capsys: pytest.CaptureFixture[str], url: str) -> list[dict[str, Any]]:
    ranking: list[dict[str, Any]] = json.loads(
        _cli(capsys, url, "competitors", "--format", "json").stdout
    )
    return ranking


def _gusto_mentions(capsys: pytest.CaptureFixture[str], url: str) -> int:
    return int(next(row["mentions"] for row in _ranking(capsys, url) if row["name"] == "Gusto"))


@pytest.fixture
def scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    """Deals and a first batch of tickets imported, then scanned."""
    deals = tmp_path / "deals.csv"
    deals.write_text(DEALS, encoding="utf-8")
    _cli(capsys, workspace_url, "import", "salesforce", str(deals))
    _cli(capsys, workspace_url, "import", "csv", str(_tickets(tmp_path / "t1.csv", FIRST, 1)))
    _cli(capsys, workspace_url, "scan-competitors")
    return workspace_url


def test_no_notice_after_a_scan(capsys: pytest.CaptureFixture[str], scanned: str) -> None:
    for command in (("competitors",), ("competitors", "--format", "csv"), ("competitor", "Gusto")):
        result = _cli(capsys, scanned, *command)
        assert "scan" not in result.stderr, command


def test_notice_after_an_import_until_the_next_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], scanned: str
) -> None:
    counted = _gusto_mentions(capsys, scanned)
    second = _tickets(tmp_path / "t2.csv", SECOND, 11)
    _cli(capsys, scanned, "import", "csv", str(second))
    table = _cli(capsys, scanned, "competitors")
    assert CHANGED in table.stderr
    assert CHANGED not in table.stdout
    assert "Gusto" in table.stdout
    profile = _cli(capsys, scanned, "competitor", "Gusto")
    assert CHANGED in profile.stderr
    # JSON and CSV keep stdout whole for a script; the line goes to stderr only.
    as_json = _cli(capsys, scanned, "competitors", "--format", "json")
    assert CHANGED in as_json.stderr
    before = next(r for r in json.loads(as_json.stdout) if r["name"] == "Gusto")
    assert before["mentions"] == counted  # the ten new tickets are not counted yet
    as_csv = _cli(capsys, scanned, "competitor", "Gusto", "--format", "csv")
    assert CHANGED in as_csv.stderr
    assert "scan" not in as_csv.stdout
    scan = _cli(capsys, scanned, "scan-competitors")
    assert ": 10 mentions added, 0 removed" in scan.stdout
    after = _cli(capsys, scanned, "competitors", "--format", "json")
    assert after.stderr == ""
    assert (
        next(r for r in json.loads(after.stdout) if r["name"] == "Gusto")["mentions"]
        == counted + 10
    )


def test_notice_before_any_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str
) -> None:
    deals = tmp_path / "deals.csv"
    deals.write_text(DEALS, encoding="utf-8")
    _cli(capsys, workspace_url, "import", "salesforce", str(deals))
    result = _cli(capsys, workspace_url, "competitors", "--format", "json")
    assert "No competitor scan has run in this workspace" in result.stderr
    assert {row["name"] for row in json.loads(result.stdout)} == {"Gusto", "Sage"}


def test_a_scan_after_no_change_says_it_kept_the_mentions(
    capsys: pytest.CaptureFixture[str], scanned: str
) -> None:
    kept = sum(row["mentions"] for row in _ranking(capsys, scanned))
    again = _cli(capsys, scanned, "scan-competitors")
    assert f"{KEPT} ({kept} mentions)." in again.stdout
    assert "scanned" not in again.stdout
    assert "scan" not in _cli(capsys, scanned, "competitors").stderr


def test_reread_reads_everything_again(capsys: pytest.CaptureFixture[str], scanned: str) -> None:
    counted = _gusto_mentions(capsys, scanned)
    reread = _cli(capsys, scanned, "scan-competitors", "--reread")
    assert KEPT not in reread.stdout
    assert "evidence items: 0 mentions added, 0 removed" in reread.stdout
    assert "scanned the notes of 2 deals" in reread.stdout
    assert _gusto_mentions(capsys, scanned) == counted
    assert KEPT in _cli(capsys, scanned, "scan-competitors").stdout


def test_no_notice_when_there_are_no_competitors(
    capsys: pytest.CaptureFixture[str], workspace_url: str
) -> None:
    """With no competitor at all, the list's own line says to scan: no second line."""
    result = _cli(capsys, workspace_url, "competitors")
    assert "No competitors yet" in result.stdout
    assert "No competitor scan has run" not in result.stderr
