"""A user renames a theme, then rebuilds: ``tradeoff analyze --rebuild`` names the theme
whose items it mostly moved, ``tradeoff themes`` and ``tradeoff theme ID`` mark it, and
``tradeoff pin ID`` keeps the name and ends the mark.

Real Banking77 tickets of four intents, the real analysis with the default embedder: a
rebuild with the same settings finds the same themes (nothing to check), one at
``--resolution 8`` breaks the largest theme up. The expected figures are recounted from
``tradeoff themes --format json`` before and after, never from the code under test.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.analysis.themed import add_tickets, intent_rows
from tests.cli.helpers import CliResult, run_cli
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze

NAME = "Transfer still pending"


def cli(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> CliResult:
    result = run_cli(capsys, "--db", url, *args)
    assert result.exit_code == 0, result.stderr
    return result


def listed(capsys: pytest.CaptureFixture[str], url: str) -> dict[int, dict[str, Any]]:
    """Every theme and sub-theme of ``tradeoff themes --format json``, by id."""
    document = json.loads(cli(capsys, url, "themes", "--format", "json").stdout)
    found: dict[int, dict[str, Any]] = {}
    for theme in document:
        found[theme["id"]] = theme
        found.update({sub["id"]: sub for sub in theme["subthemes"]})
    return found


def test_a_renamed_theme_that_a_rebuild_broke_up_is_named_marked_and_settled(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    add_tickets(engine, intent_rows(), 10000)
    analyze(engine, StaticEmbedder())
    before = listed(capsys, workspace_url)
    largest = max((t for t in before.values() if t["parent_id"] is None), key=lambda t: t["items"])
    theme_id = largest["id"]
    cli(capsys, workspace_url, "rename", str(theme_id), NAME)

    same = cli(capsys, workspace_url, "analyze", "--rebuild")
    assert "to check" not in same.stdout
    assert all(t["name_to_check"] is None for t in listed(capsys, workspace_url).values())

    finer = cli(capsys, workspace_url, "analyze", "--rebuild", "--resolution", "8")
    after = listed(capsys, workspace_url)
    theme = after[theme_id]
    assert theme["name"] == NAME
    check = theme["name_to_check"]
    assert check is not None
    named, kept, new = check["items_named"], check["items_kept"], check["items_new"]
    assert (named, kept + new) == (largest["items"], theme["items"])
    assert kept / (named + new) < 0.5
    assert check["overlap"] == round(kept / (named + new), 3)
    assert [t for t, found in after.items() if found["name_to_check"]] == [theme_id]
    said = " ".join(finer.stdout.split())  # the terminal wraps long lines
    assert (
        f"1 theme name to check: the rebuilds since you named it kept the name but moved most "
        f'of its items: theme {theme_id} "{NAME}": {kept} of the {named} items it held when '
        f"you named it are still in it; {new} came in since. Keep the name: tradeoff pin "
        f'{theme_id}; or rename it: tradeoff rename {theme_id} "NEW NAME"'
    ) in said

    table = " ".join(cli(capsys, workspace_url, "themes").stdout.split())
    assert f"{NAME} (name to check)" in table
    assert f"a rebuild kept the name a person gave theme {theme_id} but moved" in table
    page = " ".join(cli(capsys, workspace_url, "theme", str(theme_id)).stdout.split())
    assert (
        f"({kept} of the {named} items it held when you named it are still in it; {new} came "
        "in since; found by the rebuild of"
    ) in page
    assert f"Keep it: tradeoff pin {theme_id}" in page
    one = json.loads(cli(capsys, workspace_url, "theme", str(theme_id), "--format", "json").stdout)
    assert one["name_to_check"] == check

    pinned = cli(capsys, workspace_url, "pin", str(theme_id))
    assert pinned.stdout.splitlines()[-1] == "It is no longer marked to check."
    assert listed(capsys, workspace_url)[theme_id]["name_to_check"] is None
    assert "Name to check" not in cli(capsys, workspace_url, "theme", str(theme_id)).stdout
    again = cli(capsys, workspace_url, "analyze", "--rebuild")  # same resolution: no move
    assert "to check" not in again.stdout
    assert listed(capsys, workspace_url)[theme_id]["name"] == NAME
