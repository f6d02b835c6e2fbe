"""People's edits to themes, and that every one of them survives re-analysis."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import Engine, update

from tests.analysis.themed import active, add_tickets, intent_rows, links, placements, themes
from tests.cli.helpers import run_cli
from tradeoff.analysis import edits
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.analysis.text.theme_text import theme_text
from tradeoff.analysis.theme_page import theme_page
from tradeoff.domain.enums import AssignedBy, ThemeStatus
from tradeoff.errors import InputError, NotFound
from tradeoff.storage.centroids import centroid_of
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow


@pytest.fixture
def analysed(engine: Engine) -> dict[int, str]:
    intents = add_tickets(engine, intent_rows(), 10000)
    analyze(engine, StaticEmbedder())
    return intents


def top_level(engine: Engine) -> list[int]:
    """Active top-level themes, largest first."""
    sizes: dict[int, int] = {}
    live = active(engine)
    for link in links(engine):
        theme = live.get(link.theme_id)
        if theme is not None and theme.parent_id is None:
            sizes[link.theme_id] = sizes.get(link.theme_id, 0) + 1
    return sorted(sizes, key=lambda t: (-sizes[t], t))


def members(engine: Engine, theme_id: int) -> set[int]:
    return {e for e, ts in placements(engine).items() if theme_id in ts}


def rebuild(engine: Engine) -> None:
    analyze(engine, StaticEmbedder(), rebuild=True)


def test_a_rename_is_pinned_and_survives_a_rebuild(
    engine: Engine, analysed: dict[int, str]
) -> None:
    first = top_level(engine)[0]
    edits.rename_theme(engine, first, "  Card   hasn't arrived ")
    rebuild(engine)
    assert active(engine)[first].name == "Card hasn't arrived"
    assert active(engine)[first].name_pinned
    edits.pin_theme(engine, first, pinned=False)
    rebuild(engine)
    assert active(engine)[first].name != "Card hasn't arrived"  # the words name it again


def test_pinning_keeps_the_models_name(engine: Engine, analysed: dict[int, str]) -> None:
    second = top_level(engine)[1]
    kept = active(engine)[second].name
    edits.pin_theme(engine, second)
    add_tickets(engine, intent_rows(("card_payment_fee_charged",)), 30000)
    rebuild(engine)
    assert active(engine)[second].name == kept


def test_a_merge_survives_rebuilds(engine: Engine, analysed: dict[int, str]) -> None:
    target, source = top_level(engine)[:2]
    together = members(engine, target) | members(engine, source)
    edits.merge_themes(engine, source, target)
    assert members(engine, target) == together
    merged = next(t for t in themes(engine) if t.id == source)
    assert (merged.status, merged.merged_into_id) == (ThemeStatus.MERGED, target)
    for _ in range(2):
        rebuild(engine)
        assert source not in active(engine)
        assert len(members(engine, target) & together) >= 0.9 * len(together)


def test_a_split_theme_is_kept_with_its_items(engine: Engine, analysed: dict[int, str]) -> None:
    source = top_level(engine)[0]
    carved = sorted(members(engine, source))[:4]
    new_id = edits.split_theme(engine, source, carved, "Tracking a card")
    assert members(engine, new_id) == set(carved)
    assert not members(engine, source) & set(carved)
    rebuild(engine)
    kept = active(engine)[new_id]
    assert (kept.name, kept.made_by, kept.name_pinned) == (
        "Tracking a card",
        AssignedBy.PERSON,
        True,
    )
    assert members(engine, new_id) >= set(carved)
    assert source in active(engine)


def test_a_moved_item_stays_where_a_person_put_it(engine: Engine, analysed: dict[int, str]) -> None:
    first, second = top_level(engine)[:2]
    item = min(members(engine, first))
    edits.move_evidence(engine, [item], second)
    assert placements(engine)[item] == {second}
    for rebuild_first in (True, False):
        analyze(engine, StaticEmbedder(), rebuild=rebuild_first)
        top = {t for t in placements(engine)[item] if active(engine)[t].parent_id is None}
        assert top == {second}
    by_person = [link for link in links(engine) if link.evidence_id == item]
    assert {(link.theme_id, link.assigned_by) for link in by_person} >= {
        (second, AssignedBy.PERSON)
    }
    # scored again against the rebuilt centre, not 1.0 for having been moved
    assert all(0.0 < link.score < 1.0 for link in by_person)


def test_new_evidence_like_a_theme_a_person_made_is_filed_into_it(
    engine: Engine, analysed: dict[int, str]
) -> None:
    lost = [i for i, intent in analysed.items() if intent == "lost_or_stolen_card"]
    homes = {t for i in lost for t in placements(engine).get(i, set())}
    source = next(t for t in top_level(engine) if t in homes)
    carved = sorted(set(lost) & members(engine, source))
    new_id = edits.split_theme(engine, source, carved, "Lost or stolen cards")
    edits.move_evidence(engine, sorted(set(lost) - set(carved)), new_id)  # gather the rest
    fresh = add_tickets(
        engine,
        [{"text": "Someone stole my card, please block it", "category": "lost_or_stolen_card"}],
        40000,
    )
    analyze(engine, StaticEmbedder())
    assert new_id in placements(engine)[next(iter(fresh))]


def test_edits_refuse_what_cannot_be_done(engine: Engine, analysed: dict[int, str]) -> None:
    first, second = top_level(engine)[:2]
    sub = next(t.id for t in active(engine).values() if t.parent_id == first)
    with pytest.raises(InputError, match="into itself"):
        edits.merge_themes(engine, first, first)
    with pytest.raises(InputError, match="not at the same level"):
        edits.merge_themes(engine, sub, second)
    with pytest.raises(NotFound, match="no active theme with id 99999"):
        edits.rename_theme(engine, 99999, "x")
    with pytest.raises(InputError, match="cannot be empty"):
        edits.rename_theme(engine, first, "   ")
    outsider = min(members(engine, second))
    with pytest.raises(InputError, match=f"evidence item {outsider} is not in theme {first}"):
        edits.split_theme(engine, first, [outsider], "x")
    with pytest.raises(NotFound, match="no evidence item with id 99999"):
        edits.move_evidence(engine, [99999], first)
    assert first in active(engine)  # nothing was half-done


def test_the_edit_commands(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    analysed: dict[int, str],
) -> None:
    first, second, third = top_level(engine)[:3]
    db = ("--db", workspace_url)
    assert run_cli(capsys, *db, "rename", str(first), "Card delivery").exit_code == 0
    twin = run_cli(capsys, *db, "rename", str(third), "card  DELIVERY")
    assert twin.stdout == (
        f"Theme {third} is now 'card DELIVERY' (pinned).\n"
        f"Note: theme {first} has the same name; if they are one theme: tradeoff merge "
        f"{third} --into {first}\n"
    )
    assert run_cli(capsys, *db, "pin", str(second)).exit_code == 0
    item = min(members(engine, third))
    moved = run_cli(capsys, *db, "move", str(item), "--to", str(second))
    assert moved.stdout == f"Moved 1 item (copies included) to theme {second}.\n"
    merged = run_cli(capsys, *db, "merge", str(third), "--into", str(second))
    assert merged.stdout == f"Merged theme {third} into theme {second}.\n"
    carve = ",".join(str(i) for i in sorted(members(engine, first))[:2])
    split = run_cli(capsys, *db, "split", str(first), "--items", carve, "--name", "Delivery date")
    assert split.exit_code == 0, split.stderr
    assert active(engine)[first].name == "Card delivery"
    # A split named like a theme beside it says so, as a rename does.
    again = ",".join(str(i) for i in sorted(members(engine, first))[:1])
    twin_split = run_cli(
        capsys, *db, "split", str(first), "--items", again, "--name", "card delivery"
    )
    carved = max(active(engine))
    assert twin_split.stdout == (
        f"Split theme {carved} out of theme {first}.\n"
        f"Note: theme {first} has the same name; if they are one theme: tradeoff merge "
        f"{carved} --into {first}\n"
    )
    bad = run_cli(capsys, *db, "split", str(first), "--items", "1,x", "--name", "y")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "error: --items takes comma-separated evidence ids, got '1,x'\n",
    )
    gone = run_cli(capsys, *db, "merge", str(third), "--into", str(second))
    assert (gone.exit_code, gone.stderr) == (
        1,
        f"error: theme {third} was merged into theme {second}; use {second}\n",
    )
    for past_64_bits in (["theme", str(2**63)], ["move", "1", "--to", str(10**20)]):
        huge = run_cli(capsys, *db, *past_64_bits)
        assert huge.exit_code in (1, 2), huge.stderr  # SQLite cannot hold it; PostgreSQL: none
        assert huge.stderr.count("\n") == 1
        assert "internal error" not in huge.stderr


def test_a_sub_theme_merged_into_another_themes_sub_theme_keeps_the_tree_whole(
    engine: Engine, analysed: dict[int, str]
) -> None:
    first, second = top_level(engine)[:2]
    live = active(engine)
    source = min(t for t, theme in live.items() if theme.parent_id == first)
    target = min(t for t, theme in live.items() if theme.parent_id == second)
    together = members(engine, source) | members(engine, target)
    edits.merge_themes(engine, source, target)
    rebuild(engine)
    live = active(engine)
    assert live[target].parent_id == second
    assert len(members(engine, target) & together) >= 0.9 * len(together)
    for theme in live.values():
        if theme.parent_id is not None:
            outside = members(engine, theme.id) - members(engine, theme.parent_id)
            assert not outside, f"sub-theme {theme.id} holds items its theme does not"


def test_a_split_theme_keeps_its_size_when_new_evidence_rebuilds_the_themes(
    engine: Engine,
) -> None:
    rows = intent_rows()
    cut = len(rows) * 85 // 100
    add_tickets(engine, rows[:cut], 10000)
    analyze(engine, StaticEmbedder())
    source = top_level(engine)[0]
    carved = sorted(members(engine, source))[:4]
    new_id = edits.split_theme(engine, source, carved, "Tracking a card")
    add_tickets(engine, rows[cut:], 50000)
    rebuild(engine)
    assert members(engine, new_id) == set(carved)
    assert source in active(engine)


def test_an_item_moved_in_is_scored_by_its_closeness_not_first_among_the_quotes(
    engine: Engine, analysed: dict[int, str]
) -> None:
    first, second = top_level(engine)[:2]
    sub = min(t for t, theme in active(engine).items() if theme.parent_id == second)
    item = min(members(engine, first) - members(engine, second))
    edits.move_evidence(engine, [item], sub)
    for rebuilt in (False, True):
        if rebuilt:  # a filing an older version stored at 1.0 is scored again
            with write_session(engine) as session:
                session.execute(
                    update(EvidenceThemeRow)
                    .where(EvidenceThemeRow.evidence_id == item)
                    .values(score=1.0)
                )
            rebuild(engine)
        scores = {link.theme_id: link.score for link in links(engine) if link.evidence_id == item}
        assert set(scores) == {sub, second}
        for theme_id, closeness in closeness_to_centres(engine, item, [sub, second]).items():
            assert scores[theme_id] == pytest.approx(max(0.0, closeness), abs=1e-5)
            assert scores[theme_id] < 1.0
        quotes = theme_page(engine, sub).quotes
        assert quotes
        assert quotes[0].evidence_id != item


def closeness_to_centres(engine: Engine, item: int, theme_ids: list[int]) -> dict[int, float]:
    """Cosine of the item's static vector with each theme's stored centroid."""
    with read_session(engine) as session:
        row = session.get(EvidenceItemRow, item)
        assert row is not None
        vector = StaticEmbedder().embed([theme_text(row.kind, row.title, row.text)])[0]
        result = {}
        for theme_id in theme_ids:
            centroid = centroid_of(session, theme_id)
            assert centroid is not None
            result[theme_id] = float(vector @ centroid[1]) / float(np.linalg.norm(vector))
    return result
