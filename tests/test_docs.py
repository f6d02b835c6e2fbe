"""Documentation cannot drift: the CLI reference is generated and every command has an example."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from tradeoff.cli.main import app
from tradeoff.cli.reference import render_reference

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_up_to_date() -> None:
    generated = render_reference(app)
    documented = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert documented == generated, (
        "docs/cli.md is out of date: run `.venv/bin/python -m tradeoff.cli.reference > docs/cli.md`"
    )


def _leaf_commands(command: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    children = getattr(command, "commands", None)
    if not children:
        return [(path, command)]
    found = []
    for name, child in children.items():
        found.extend(_leaf_commands(child, (*path, name)))
    return found


def test_every_command_has_a_runnable_example() -> None:
    missing = [
        " ".join(path)
        for path, command in _leaf_commands(typer.main.get_command(app))
        if "Example: tradeoff" not in (command.help or "")
    ]
    assert missing == []


def test_readme_quick_start_is_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [line.strip() for line in quick_start.splitlines() if line.startswith("    ")]
    assert commands == ["make demo", "make test"]


def test_every_importer_is_documented_with_its_command() -> None:
    from tradeoff.importers.registry import IMPORTERS

    documented = (ROOT / "docs" / "importers.md").read_text(encoding="utf-8")
    missing = [name for name in IMPORTERS if f"tradeoff import {name} " not in documented]
    assert missing == []


def test_every_importer_says_what_it_reads_in_its_module_docstring() -> None:
    import sys

    from tradeoff.importers.registry import ALL_IMPORTERS

    thin = [
        type(importer).__module__
        for importer in ALL_IMPORTERS
        if len((sys.modules[type(importer).__module__].__doc__ or "").split()) < 40
    ]
    assert thin == []
