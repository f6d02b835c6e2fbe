"""``restore_theme`` takes its items out of other themes as ``tradeoff move`` does: the
named themes that lose them drop them from their drift baselines, and an item's copies come
back with it, so no item counts in two themes.

Real Banking77 tickets; the clusters are a rebuild's as in
``tests/storage/test_named_theme_rebuild.py`` (a named theme's 130 card arrivals spread
over three clusters: 50 with the pending transfers, 28 with the lost cards, 20 in a mixed
cluster, 32 in none). The expected counts are read off the clusters given.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from tests.cli.test_retired_theme_commands import chat_copies, filed, tickets
from tests.storage.test_named_theme_rebuild import cluster, first_rebuild, marks, rebuild_named
from tradeoff.analysis import edits
from tradeoff.domain.enums import AssignedBy
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceThemeRow
from tradeoff.storage.tables.theme_names import ThemeNameBaselineMemberRow
from tradeoff.storage.theme_matching import FoundTheme

NAME = "Card hasn't arrived"
INTENTS = ("card_arrival", "pending_transfer", "lost_or_stolen_card", "top_up_failed")


def spread(by_intent: dict[str, list[int]], lost_kept: int = 10) -> list[FoundTheme]:
    """The card arrivals spread over three clusters; ``lost_kept`` of the lost cards move
    from the lost cluster to the mixed one."""
    cards, pending, lost, top_up = (sorted(by_intent[i]) for i in INTENTS)
    return [
        cluster("pending", pending[15:], cards[:50]),
        cluster("lost", lost[lost_kept:], cards[50:78]),
        cluster("mixed", cards[85:105], pending[:15], lost[:lost_kept], top_up),
    ]


def named_baseline(engine: Engine, theme_id: int) -> set[int]:
    with read_session(engine) as session:
        query = select(ThemeNameBaselineMemberRow.evidence_id).where(
            ThemeNameBaselineMemberRow.theme_id == theme_id, ThemeNameBaselineMemberRow.named
        )
        return set(session.scalars(query))


def test_a_named_theme_that_lost_items_to_a_restore_is_not_marked_to_check_later(
    engine: Engine,
) -> None:
    by_intent = tickets(engine)
    cards = sorted(by_intent["card_arrival"])
    ids = first_rebuild(engine, by_intent)
    edits.rename_theme(engine, ids["cards"], NAME)
    again, _ = rebuild_named(engine, spread(by_intent))
    lost = again["lost"]
    edits.rename_theme(engine, lost, "Lost cards")
    assert set(cards[50:78]) <= named_baseline(engine, lost)

    done = edits.restore_theme(engine, ids["cards"])
    assert done.items == 130
    assert dict(done.came_from)[lost] == 28
    # The 28 card arrivals left "Lost cards" by a person's edit: its name no longer
    # vouches for them, as after ``tradeoff move``.
    assert not filed(engine, lost) & set(cards)
    assert not named_baseline(engine, lost) & set(cards)
    assert named_baseline(engine, ids["cards"]) == set(cards)

    # The next rebuild moves 3 lost cards to the mixed cluster: 27 of the 30 it was named
    # on stay, so its name holds; both names stand.
    rebuild_named(engine, spread(by_intent, lost_kept=13))
    assert marks(engine) == {}


def test_an_item_comes_back_with_its_copies_and_a_persons_filing_keeps_both_where_they_are(
    engine: Engine,
) -> None:
    by_intent = tickets(engine)
    cards = sorted(by_intent["card_arrival"])
    ids = first_rebuild(engine, by_intent)
    edits.rename_theme(engine, ids["cards"], NAME)
    again, _ = rebuild_named(engine, spread(by_intent))
    pending, lost = again["pending"], again["lost"]
    # A later import asks two card arrivals (now with the pending transfers) again in a
    # chat; the engine files each copy with its original. A person then files the second
    # copy under the lost cards.
    follows, by_hand = chat_copies(engine, cards[:2])
    with write_session(engine) as session:
        for copy in (follows, by_hand):
            session.add(
                EvidenceThemeRow(
                    evidence_id=copy, theme_id=pending, score=0.9, assigned_by=AssignedBy.MODEL
                )
            )
    edits.move_evidence(engine, [by_hand], lost)

    done = edits.restore_theme(engine, ids["cards"])
    restored = filed(engine, ids["cards"])
    # The first copy comes back with its original: neither counts in the pending transfers.
    assert {cards[0], follows} <= restored
    assert not {cards[0], follows} & filed(engine, pending)
    assert follows in done.evidence_ids
    # A person filed the second item's copy elsewhere: item and copy stay together there.
    assert not {cards[1], by_hand} & restored
    assert cards[1] in filed(engine, pending)
    assert by_hand in filed(engine, lost)
    # Counted as ``tradeoff themes`` counts, a copy with its original.
    assert (done.items, done.kept_elsewhere) == (129, 1)
    assert dict(done.came_from) == {pending: 49, lost: 28, again["mixed"]: 20}
    assert restored == set(cards) - {cards[1]} | {follows}
