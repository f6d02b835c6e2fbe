"""``tradeoff analyze --rebuild`` says which of a person's edits it kept, in one line.

A QA tester renamed three themes, pinned one, merged two, split one and moved items, then
rebuilt: every edit survived, but the summary said nothing of them. Here real Banking77
tickets of four intents are analysed, a person renames, pins, merges, splits and moves
through the CLI, and the rebuild's summary must count each edit as the person made it.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine

from tests.analysis.themed import add_tickets, intent_rows
from tests.cli.helpers import CliResult, run_cli

INTENTS = ("card_arrival", "pending_transfer", "exchange_rate", "lost_or_stolen_card")


def cli(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> CliResult:
    result = run_cli(capsys, "--db", url, *args)
    assert result.exit_code == 0, result.stderr
    return result


def filed(capsys: pytest.CaptureFixture[str], url: str) -> dict[int, list[int]]:
    """Top-level theme id → its items, as ``tradeoff evidence`` lists them."""
    listed = cli(capsys, url, "evidence", "--format", "jsonl").stdout.splitlines()
    by_theme: dict[int, list[int]] = {}
    for item in map(json.loads, listed):
        if item["theme_id"] is not None:
            by_theme.setdefault(item["theme_id"], []).append(item["id"])
    return by_theme


def test_a_rebuild_counts_the_edits_it_kept(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    add_tickets(engine, intent_rows(INTENTS), 0)
    first = cli(capsys, workspace_url, "analyze")
    assert "Kept your edits" not in first.stdout  # nothing to keep on a first analysis
    themes = sorted(filed(capsys, workspace_url).items(), key=lambda t: -len(t[1]))
    assert len(themes) >= 4, themes
    (a, a_items), (b, _), (c, c_items), (d, d_items) = themes[:4]
    cli(capsys, workspace_url, "rename", str(a), "Card delivery")
    cli(capsys, workspace_url, "rename", str(b), "Pending transfers")
    cli(capsys, workspace_url, "pin", str(c))
    cli(capsys, workspace_url, "merge", str(d), "--into", str(c))
    cli(capsys, workspace_url, "split", str(a), "--items", ",".join(map(str, a_items[:3])),
        "--name", "Card delivery abroad")  # fmt: skip
    cli(capsys, workspace_url, "move", *map(str, c_items[:2]), "--to", str(b))
    result = cli(capsys, workspace_url, "analyze", "--rebuild")
    said = " ".join(result.stdout.split())
    assert (
        "Kept your edits: 3 theme names you gave or pinned, 1 merge, 1 theme you made (split or "
        "restored), 2 moved items." in said
    ), said
    assert d_items  # the merged theme had items to carry


def test_a_rebuild_without_edits_says_none(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    add_tickets(engine, intent_rows(INTENTS[:2]), 0)
    cli(capsys, workspace_url, "analyze")
    result = cli(capsys, workspace_url, "analyze", "--rebuild")
    assert "Rebuilt the themes" in result.stdout
    assert "Kept your edits" not in result.stdout
