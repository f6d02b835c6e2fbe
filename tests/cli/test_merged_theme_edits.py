"""Every edit of a theme merged away says where it went, in the same one line, whether from
the CLI or the Python API; nothing is changed by the refused edit."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text

from tests.analysis.themed import active, add_tickets, intent_rows
from tests.cli.helpers import run_cli
from tradeoff.analysis import edits
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.errors import NotFound
from tradeoff.storage.session import read_session, write_session


def _tops_and_a_member(engine: Engine) -> tuple[list[int], dict[int, int]]:
    """Active top-level themes, largest first, and one item filed in each (plain SQL)."""
    with read_session(engine) as session:
        rows = session.execute(
            text(
                "SELECT l.theme_id, COUNT(*), MIN(l.evidence_id) FROM evidence_themes l "
                "JOIN themes t ON t.id = l.theme_id "
                "WHERE t.status = 'active' AND t.parent_id IS NULL GROUP BY l.theme_id"
            )
        ).all()
    ordered = sorted(rows, key=lambda r: (-r[1], r[0]))
    return [r[0] for r in ordered], {r[0]: r[2] for r in ordered}


@pytest.fixture
def merged_chain(engine: Engine) -> tuple[int, int, int, dict[int, int]]:
    """Themes a → b → c: a merged into b, then b into c. Returns (a, b, c, a member of each)."""
    add_tickets(engine, intent_rows(), 10000)
    analyze(engine, StaticEmbedder())
    tops, member = _tops_and_a_member(engine)
    a, b, c = tops[:3]
    edits.merge_themes(engine, a, b)
    edits.merge_themes(engine, b, c)
    return a, b, c, member


EDITS: dict[str, Callable[[Engine, int, int, int], object]] = {
    "rename": lambda engine, gone, _live, _item: edits.rename_theme(engine, gone, "x"),
    "pin": lambda engine, gone, _live, _item: edits.pin_theme(engine, gone),
    "move": lambda engine, gone, _live, item: edits.move_evidence(engine, [item], gone),
    "merge from": lambda engine, gone, live, _item: edits.merge_themes(engine, gone, live),
    "merge into": lambda engine, gone, live, _item: edits.merge_themes(engine, live, gone),
    "split": lambda engine, gone, _live, item: edits.split_theme(engine, gone, [item], "x"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_the_python_api_names_where_a_merged_theme_went(
    engine: Engine, merged_chain: tuple[int, int, int, dict[int, int]], edit: str
) -> None:
    a, _b, c, member = merged_chain
    other = next(t for t in active(engine) if t != c and active(engine)[t].parent_id is None)
    before = active(engine)
    with pytest.raises(NotFound) as refused:
        EDITS[edit](engine, a, other, member[a])
    # Followed through both merges, to the theme that holds a's evidence now.
    assert str(refused.value) == f"theme {a} was merged into theme {c}; use {c}"
    assert active(engine) == before


def test_every_edit_command_prints_the_same_line(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    merged_chain: tuple[int, int, int, dict[int, int]],
) -> None:
    a, b, c, member = merged_chain
    db = ("--db", workspace_url)
    line = f"error: theme {b} was merged into theme {c}; use {c}\n"
    for args in (
        ("rename", str(b), "Card delivery"),
        ("pin", str(b)),
        ("unpin", str(b)),
        ("move", str(member[c]), "--to", str(b)),
        ("merge", str(b), "--into", str(c)),
        ("split", str(b), "--items", str(member[b]), "--name", "Delivery date"),
        ("theme", str(b)),
    ):
        result = run_cli(capsys, *db, *args)
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", line), args
    # A theme merged into one a rebuild later retired, and an id never used, say so.
    with write_session(engine) as session:
        session.execute(text("UPDATE themes SET status = 'archived' WHERE id = :c"), {"c": c})
    retired = run_cli(capsys, *db, "rename", str(a), "x")
    assert retired.stderr == (
        f"error: theme {a} was merged into theme {c}, which a rebuild has since retired: "
        "its evidence is in other themes now\n"
    )
    assert run_cli(capsys, *db, "pin", "99999").stderr == "error: no active theme with id 99999\n"
