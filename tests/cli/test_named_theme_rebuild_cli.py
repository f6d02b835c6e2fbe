"""A user names every theme, imports a second batch, and rebuilds at a coarser resolution:
``tradeoff analyze --rebuild`` keeps every name on a theme or says which named theme it
retired, where its items went, and the command that brings it back, which works.

Real Banking77 tickets of twelve intents (40 % of each first, then the rest with eight more
intents), the real analysis with the default embedder. Every figure expected is recounted
from ``tradeoff evidence --format jsonl`` before and after, never from the code under test.
"""

from __future__ import annotations

import csv
import json
import re
import shlex
from collections import Counter

import pytest
from sqlalchemy import Engine

from tests.analysis.themed import SUBSET, add_tickets
from tests.cli.helpers import CliResult, run_cli
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.cli.retired_themes import retired_words
from tradeoff.storage.centroids import current_centroids
from tradeoff.storage.session import read_session
from tradeoff.storage.theme_name_checks import RetiredName

#: What the summary says of one retired theme (the terminal wraps it; spaces are joined).
RETIRED = re.compile(
    r'theme (\d+) "([^"]+)": its (\d+) items? went to themes? ((?:\d+ \(\d+\)(?:, )?)+)'
    r"(?: and (\d+) (?:is|are) unsorted)?\. Bring it back"
)


def retired_in(summary: str) -> dict[int, tuple[re.Match[str], list[str]]]:
    """Theme id → what the summary says of it and the commands it gives (one line each)."""
    found: dict[int, tuple[list[str], list[str]]] = {}
    current: tuple[list[str], list[str]] | None = None
    after_header = summary.split(" retired: no theme the rebuild found holds enough", 1)[-1]
    for line in after_header.splitlines()[1:]:
        if line.startswith("    tradeoff ") and current is not None:
            current[1].append(line.strip())
        elif (head := re.match(r'  theme (\d+) "', line)) is not None:
            current = found[int(head.group(1))] = ([line], [])
        elif current is not None and not current[1]:
            current[0].append(line)
        else:
            current = None
    result = {}
    for theme_id, (words, commands) in found.items():
        said = RETIRED.match(" ".join(" ".join(words).split()))
        assert said is not None, words
        result[theme_id] = (said, commands)
    return result


def batches() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """40 % of twelve intents' tickets; then their other 60 % and eight more intents."""
    with SUBSET.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    intents = sorted({row["category"] for row in rows})
    first: list[dict[str, str]] = []
    second: list[dict[str, str]] = []
    for intent in intents[:20]:
        of_it = [row for row in rows if row["category"] == intent]
        cut = len(of_it) * 2 // 5 if intent in intents[:12] else 0
        first += of_it[:cut]
        second += of_it[cut:]
    return first, second


def cli(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> CliResult:
    result = run_cli(capsys, "--db", url, *args)
    assert result.exit_code == 0, result.stderr
    return result


def centroids(engine: Engine) -> set[int]:
    with read_session(engine) as session:
        return set(current_centroids(session))


def placed(capsys: pytest.CaptureFixture[str], url: str) -> dict[int, int | None]:
    """Evidence id → its theme (None: unsorted), as ``tradeoff evidence`` lists it."""
    lines = cli(capsys, url, "evidence", "--format", "jsonl").stdout.splitlines()
    return {item["id"]: item["theme_id"] for item in map(json.loads, lines)}


def test_every_named_theme_keeps_its_name_or_the_rebuild_says_where_it_went(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    first, second = batches()
    add_tickets(engine, first, 10000)
    analyze(engine, StaticEmbedder())
    add_tickets(engine, second, 50000)
    cli(capsys, workspace_url, "analyze")
    listed = json.loads(cli(capsys, workspace_url, "themes", "--format", "json").stdout)
    names = {theme["id"]: f"Our name for theme {theme['id']}" for theme in listed}
    for theme_id, name in names.items():
        cli(capsys, workspace_url, "rename", str(theme_id), name)
    before = placed(capsys, workspace_url)

    rebuilt = cli(capsys, workspace_url, "analyze", "--rebuild", "--resolution", "1")
    after = placed(capsys, workspace_url)
    themes = json.loads(cli(capsys, workspace_url, "themes", "--format", "json").stdout)
    active = {theme["id"]: theme for theme in themes}
    retired = retired_in(rebuilt.stdout)
    assert retired, "this rebuild retires named themes: the test must reach that case"
    assert set(retired) == set(names) - set(active)
    header = rf"\n{len(retired)} themes? with a name a person gave (was|were) retired: "
    assert re.search(header, rebuilt.stdout)
    for theme_id, name in names.items():
        if theme_id in active:
            assert active[theme_id]["name"] == name
            continue
        said, _ = retired[theme_id]
        held = [e for e, t in before.items() if t == theme_id]
        went = Counter(after[e] for e in held)
        unsorted = went.pop(None, 0)
        assert (said.group(2), int(said.group(3))) == (name, len(held))
        most_first = sorted(went.items(), key=lambda pair: (-pair[1], pair[0]))
        assert said.group(4) == ", ".join(f"{t} ({n})" for t, n in most_first)
        assert int(said.group(5) or 0) == unsorted

    # The command it gives brings the theme back, same id and name, with every item it held.
    theme_id, (_, commands) = max(retired.items(), key=lambda pair: int(pair[1][0].group(3)))
    assert commands == [f"tradeoff restore {theme_id}"]
    assert theme_id not in centroids(engine)
    cli(capsys, workspace_url, *shlex.split(commands[0])[1:])
    # New evidence is filed by it again: its centroid is back, from its items.
    assert theme_id in centroids(engine)
    again = placed(capsys, workspace_url)
    assert sorted(e for e, t in again.items() if t == theme_id) == sorted(
        e for e, t in before.items() if t == theme_id
    )
    shown = json.loads(
        cli(capsys, workspace_url, "theme", str(theme_id), "--format", "json").stdout
    )
    assert shown["name"] == names[theme_id]


def test_the_commands_quote_a_hostile_name_for_the_shell_and_say_sub_themes() -> None:
    """A name is a person's words: the command it is put in must run as written."""
    theme = RetiredName(
        theme_id=48,
        name='Card "lost" $(rm -rf ~) isn\'t',
        subtheme=True,
        went=((52, (7, 9)), (60, (11,))),
        nowhere=(13,),
    )
    said, commands = retired_words(theme)
    assert said == (
        'sub-theme 48 "Card "lost" $(rm -rf ~) isn\'t": its 4 items went to sub-themes 52 (2), '
        "60 (1) and 1 is in no sub-theme. Bring it back, same id, with them:"
    )
    # The command names the id alone: nothing of the name reaches the shell.
    assert commands == ["tradeoff restore 48"]
    alone = RetiredName(48, "Card lost", False, ((52, (7,)),), ())
    assert retired_words(alone) == (
        'theme 48 "Card lost": its 1 item went to theme 52 (1). Bring it back, same id, with it:',
        ["tradeoff restore 48"],
    )
