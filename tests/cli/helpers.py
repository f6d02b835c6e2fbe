"""Running the real CLI in-process and capturing what a user would see."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tradeoff.cli.main import main


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> CliResult:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return CliResult(exit_code=code, stdout=captured.out, stderr=captured.err)


def imported_and_scanned(
    capsys: pytest.CaptureFixture[str], url: str, deals: Path, tickets: Path
) -> None:
    """Import a Salesforce export of deals and a CSV of tickets, then scan for competitors,
    each step succeeding, as a user would."""
    for command in (
        ("import", "salesforce", str(deals)),
        ("import", "csv", str(tickets)),
        ("scan-competitors",),
    ):
        assert run_cli(capsys, "--db", url, *command).exit_code == 0
