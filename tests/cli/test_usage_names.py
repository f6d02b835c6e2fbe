"""Every command's usage line names its arguments as people read them, not as templates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import typer

from tests.cli.helpers import run_cli
from tradeoff.cli.main import app


def command_paths(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    # typer carries its own click, so a group is told by its subcommands, not its class.
    subcommands = getattr(command, "commands", None)
    if subcommands:
        for name, sub in subcommands.items():
            yield from command_paths(sub, (*path, name))
    else:
        yield path


def test_usage_lines_use_capitals_and_brackets(capsys: pytest.CaptureFixture[str]) -> None:
    paths = list(command_paths(typer.main.get_command(app)))
    assert len(paths) > 40
    for path in paths:
        result = run_cli(capsys, *path, "--help")
        usage = result.stdout.splitlines()[0]
        assert usage.startswith(f"Usage: tradeoff {' '.join(path)} "), usage
        assert "{" not in usage, usage
    assert run_cli(capsys, "theme", "--help").stdout.startswith(
        "Usage: tradeoff theme [OPTIONS] THEME_ID\n"
    )
    assert run_cli(capsys, "move", "--help").stdout.startswith(
        "Usage: tradeoff move [OPTIONS] EVIDENCE_IDS...\n"
    )
