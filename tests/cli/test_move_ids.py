"""``move`` takes evidence ids separated by spaces, commas or both, as ``split --items``
takes a comma list, so a list copied from one works in the other (QA round 26, D10); a
word that is no id is named in one line, and nothing moves."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from tests.analysis.themed import add_tickets, intent_rows
from tests.cli.helpers import run_cli
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.storage.session import read_session


def _filing(engine: Engine) -> dict[int, set[int]]:
    """Active top-level theme → the items filed under it (plain SQL)."""
    with read_session(engine) as session:
        rows = session.execute(
            text(
                "SELECT l.theme_id, l.evidence_id FROM evidence_themes l "
                "JOIN themes t ON t.id = l.theme_id "
                "WHERE t.status = 'active' AND t.parent_id IS NULL"
            )
        ).all()
    found: dict[int, set[int]] = {}
    for theme_id, evidence_id in rows:
        found.setdefault(theme_id, set()).add(evidence_id)
    return found


@pytest.fixture
def themed(engine: Engine) -> dict[int, set[int]]:
    add_tickets(engine, intent_rows(), 10000)
    analyze(engine, StaticEmbedder())
    return _filing(engine)


def test_move_takes_commas_spaces_and_both(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    themed: dict[int, set[int]],
) -> None:
    largest, other = sorted(themed, key=lambda t: -len(themed[t]))[:2]
    a, b, c, d = sorted(themed[other])[:4]
    db = ("--db", workspace_url)
    comma = run_cli(capsys, *db, "move", f"{a},{b}", "--to", str(largest))
    assert (comma.exit_code, comma.stderr) == (0, "")
    assert "to theme" in comma.stdout
    mixed = run_cli(capsys, *db, "move", f"{c},", str(d), "--to", str(largest))
    assert (mixed.exit_code, mixed.stderr) == (0, "")
    assert {a, b, c, d} <= _filing(engine)[largest]


def test_a_bad_id_is_named_in_one_line_and_nothing_moves(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    themed: dict[int, set[int]],
) -> None:
    largest, other = sorted(themed, key=lambda t: -len(themed[t]))[:2]
    a = min(themed[other])
    db = ("--db", workspace_url)
    for words, bad in (((f"{a},82x",), "82x"), ((str(a), "#940"), "#940")):
        result = run_cli(capsys, *db, "move", *words, "--to", str(largest))
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == (
            "error: move takes evidence ids (numbers, separated by spaces or commas), "
            f"got {bad!r}\n"
        )
    assert _filing(engine) == themed
