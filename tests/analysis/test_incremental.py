"""New evidence filed into the themes there are: alone or in a batch, the same theme."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import Engine, delete

from tests.analysis.themed import active, add_tickets, intent_rows, placed_row, placements
from tradeoff.analysis.assign import place
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.metrics import normalized_mutual_information
from tradeoff.analysis.run import analyze, settings_asked
from tradeoff.analysis.text.theme_text import says_something
from tradeoff.storage.analysis_runs import runs
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceItemRow


@pytest.fixture
def split_rows() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Most of five intents to find themes in; every eighth query held back as 'new'."""
    rows = intent_rows()
    return [r for i, r in enumerate(rows) if i % 8], [r for i, r in enumerate(rows) if not i % 8]


def test_the_first_run_discovers_and_the_next_files_only_new_items(
    engine: Engine, split_rows: tuple[list[dict[str, str]], list[dict[str, str]]]
) -> None:
    known, new = split_rows
    known_intents = add_tickets(engine, known, 10000)
    first = analyze(engine, StaticEmbedder())
    assert (first.mode, first.reason) == ("rebuild", "no themes yet")
    before = placements(engine)
    again = analyze(engine, StaticEmbedder())
    assert (again.mode, again.placed) == ("incremental", 0)
    assert placements(engine) == before  # a second run right away changes nothing

    intents = add_tickets(engine, new, 20000)
    later = analyze(engine, StaticEmbedder())
    assert later.mode == "incremental"
    assert later.considered == len(new) + first.unsorted
    after = placements(engine)
    assert {i: t for i, t in after.items() if i in before} == before  # nothing old moved
    filed = [i for i in intents if i in after]
    assert len(filed) >= 0.9 * len(new)
    # New queries are filed as well as discovery filed the known ones (by intent agreement).
    live = active(engine)
    top_of = {i: next(t for t in ts if live[t].parent_id is None) for i, ts in after.items()}
    old = [i for i in known_intents if i in top_of]
    known_score = normalized_mutual_information(
        [known_intents[i] for i in old], [top_of[i] for i in old]
    )
    new_score = normalized_mutual_information(
        [intents[i] for i in filed], [top_of[i] for i in filed]
    )
    assert new_score >= known_score - 0.05
    with read_session(engine) as session:
        assert [r.mode for r in runs(session)] == ["rebuild", "incremental", "incremental"]


def test_an_item_gets_the_same_theme_alone_or_in_a_batch(
    engine: Engine, split_rows: tuple[list[dict[str, str]], list[dict[str, str]]]
) -> None:
    known, held_back = split_rows
    new = held_back[::3]  # one analysis per item below: a sample keeps the test quick
    add_tickets(engine, known, 10000)
    analyze(engine, StaticEmbedder())
    batch = add_tickets(engine, new, 20000)
    analyze(engine, StaticEmbedder())
    in_batch = {external: placements(engine).get(i) for i, external in _externals(engine, batch)}
    with write_session(engine) as session:
        session.execute(delete(EvidenceItemRow).where(EvidenceItemRow.id.in_(list(batch))))
    alone: dict[str, set[int] | None] = {}
    for offset, row in enumerate(new):
        added = add_tickets(engine, [row], 20000 + offset)
        analyze(engine, StaticEmbedder())
        ((item, external),) = _externals(engine, added)
        alone[external] = placements(engine).get(item)
    assert alone == in_batch
    assert sum(v is not None for v in alone.values()) >= 0.9 * len(new)


def _externals(engine: Engine, items: dict[int, str]) -> list[tuple[int, str]]:
    with read_session(engine) as session:
        rows = session.query(EvidenceItemRow.id, EvidenceItemRow.external_id).filter(
            EvidenceItemRow.id.in_(list(items))
        )
        return [(i, e) for i, e in rows]


def test_another_embedder_or_rebuild_rediscovers_and_keeps_ids(
    engine: Engine, split_rows: tuple[list[dict[str, str]], list[dict[str, str]]]
) -> None:
    add_tickets(engine, split_rows[0], 10000)
    analyze(engine, StaticEmbedder())
    before = placements(engine)
    rebuilt = analyze(engine, StaticEmbedder(), rebuild=True)
    assert (rebuilt.mode, rebuilt.reason) == ("rebuild", "asked with --rebuild")
    assert placements(engine) == before  # same evidence and seed: same themes, same ids
    other = analyze(engine, StaticEmbedder(dimensions=128))
    assert other.mode == "rebuild"
    assert "found with static-wordllama" in str(other.reason)
    # Most themes found in the other space are still the same objects.
    assert len(set(active(engine)) & {t for ts in before.values() for t in ts}) >= 3


def test_a_rebuild_keeps_the_seed_and_resolution_a_person_chose(
    engine: Engine, split_rows: tuple[list[dict[str, str]], list[dict[str, str]]]
) -> None:
    add_tickets(engine, split_rows[0], 10000)
    fine = analyze(engine, StaticEmbedder(), settings_asked(engine, 5, 8.0))
    before = placements(engine)
    rebuilt = analyze(engine, StaticEmbedder(), rebuild=True)  # neither asked again
    assert (rebuilt.themes, rebuilt.subthemes) == (fine.themes, fine.subthemes)
    assert placements(engine) == before
    reseeded = settings_asked(engine, 6, None)  # a new seed alone keeps the resolution
    assert reseeded is not None
    assert (reseeded.seed, reseeded.theme_resolution, reseeded.subtheme_resolution) == (6, 8, 16)
    with read_session(engine) as session:
        assert [(r.seed, r.resolution) for r in runs(session)] == [(5, 8.0), (5, 8.0)]


def test_place_takes_the_nearest_centroid_and_leaves_the_far_unsorted() -> None:
    centroids = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
    items = np.array([[0.9, 0.1, 0], [0.1, 0.2, 0.97], [0.6, 0.6, 0.53]], dtype=np.float32)
    items /= np.linalg.norm(items, axis=1, keepdims=True)
    placement = place(
        items,
        np.array([30, 20, 10], dtype=np.int64),
        np.array([3, 2, 1], dtype=np.int64),
        centroids,
        unsorted_below=0.7,
    )
    assert placement.finest.tolist() == [30, 10, -1]
    assert placement.top.tolist() == [3, 1, -1]
    expected = [float(items[0] @ centroids[0]), float(items[1] @ centroids[2])]
    assert placement.closeness[:2].tolist() == pytest.approx(expected)
    # A tie goes to the lower theme id, whatever the order of the rows.
    tie = place(
        np.array([[1, 0]], dtype=np.float32),
        np.array([9, 4], dtype=np.int64),
        np.array([9, 4], dtype=np.int64),
        np.array([[1, 0], [1, 0]], dtype=np.float32),
        0.5,
    )
    assert tie.finest.tolist() == [4]


WORDLESS = ["🙂🙂🙂", "👍", "!!!", "😡😡 !!", "+1", "🙏🙏🙏", "👎", "???", "❤️", "😭😭"]
#: Channel tests and form fillers: words, but nothing a theme could be about.
PLACEHOLDERS = ["test", "Testing 123", "asdf", "Test ticket, please ignore", "ok thanks", "n/a"]
#: Automatic replies as mail systems write them (two QA corpora filed theirs in a theme).
AUTO_REPLIES = [
    "Out of Office\nI am currently out of the office until Monday 12 January with limited "
    "access to email. For urgent matters please contact my colleague. Thank you.",
    "Auto-reply: I am out of the office travelling with no access to email until next week.",
    "Thank you for your email. I am on annual leave until 5 May and will respond on my return.",
    "Ich bin bis 12.03. nicht im Büro. In dringenden Fällen wenden Sie sich bitte an Frau Meier.",
]
#: Being away is no auto-reply when the message asks something.
AWAY_BUT_ASKING = [
    "I am on holiday until the 3rd and my card was declined abroad, I need help now",
    "I'm travelling until Friday and the app keeps logging me out on hotel wifi, please fix",
    "I was out of the office last week and when I came back the export was broken",
]


@pytest.mark.parametrize("text", AUTO_REPLIES)
def test_an_automatic_reply_says_nothing_a_theme_could_be_about(text: str) -> None:
    assert not says_something(text)


@pytest.mark.parametrize("text", AWAY_BUT_ASKING)
def test_a_customer_who_is_away_still_says_something(text: str) -> None:
    assert says_something(text)


def test_texts_without_a_word_are_left_unsorted_not_made_a_theme(engine: Engine) -> None:
    rows = intent_rows()
    worded = add_tickets(engine, rows, 10000)
    reactions = [{"text": text, "category": "none"} for text in (WORDLESS + PLACEHOLDERS) * 3]
    wordless = add_tickets(engine, reactions, 20000)
    report = analyze(engine, StaticEmbedder())
    placed = placements(engine)
    assert not set(wordless) & set(placed)
    assert report.unsorted >= len(wordless)
    assert len(set(worded) & set(placed)) >= 0.95 * len(worded)
    again = placed_row(rows, worded, placed)
    new = [{"text": "🙂", "category": "none"}, {"text": "test", "category": "none"}, again]
    later = add_tickets(engine, new, 30000)
    analyze(engine, StaticEmbedder())  # filed incrementally: the same rule
    placed = placements(engine)
    reaction, placeholder, worded_again = sorted(later)
    assert reaction not in placed
    assert placeholder not in placed
    assert worded_again in placed


def test_a_seed_tried_and_undone_gives_back_the_same_themes_and_ids(engine: Engine) -> None:
    add_tickets(engine, intent_rows(), 10000)
    analyze(engine, StaticEmbedder(), settings_asked(engine, 0, 1.0))
    before = placements(engine)
    analyze(engine, StaticEmbedder(), settings_asked(engine, 3, None))
    assert placements(engine) != before  # another seed: another partition
    analyze(engine, StaticEmbedder(), settings_asked(engine, 0, None))
    assert placements(engine) == before
