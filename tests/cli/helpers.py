"""Running the real CLI in-process and capturing what a user would see."""

from __future__ import annotations

from dataclasses import dataclass

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
