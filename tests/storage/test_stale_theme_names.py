"""A name a person gave a theme, kept by a rebuild that moved most of its items, is marked
to check (``storage.theme_name_checks``), on real Banking77 tickets of four intents.

The clusters are the intents, as a rebuild that found them would give them, then what a
finer or coarser rebuild would give: the marks expected are counted by hand from them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from tests.analysis.themed import add_tickets, intent_rows
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import ThemeRow
from tradeoff.storage.tables.evidence import ThemeNameCheckMemberRow
from tradeoff.storage.theme_edits import pin_theme, rename_theme
from tradeoff.storage.theme_matching import FoundTheme, save_found_themes
from tradeoff.storage.theme_name_checks import names_to_check

#: Found by the first rebuild; the top-up failures were left unsorted.
FOUND = ("pending_transfer", "card_arrival", "lost_or_stolen_card")


@pytest.fixture
def intents(engine: Engine) -> dict[str, list[int]]:
    """Evidence ids by intent: 160 pending transfers, 130 card arrivals, 70 failed top-ups,
    40 lost or stolen cards."""
    by_intent: dict[str, list[int]] = {}
    for evidence_id, intent in add_tickets(engine, intent_rows(), 10000).items():
        by_intent.setdefault(intent, []).append(evidence_id)
    return {intent: sorted(ids) for intent, ids in by_intent.items()}


def cluster(key: str, members: Iterable[int]) -> FoundTheme:
    return FoundTheme(key, None, f"words of {key}", dict.fromkeys(members, 0.9))


def rebuild(engine: Engine, found: list[FoundTheme]) -> dict[str, int]:
    with write_session(engine) as session:
        return save_found_themes(session, found)


def first_rebuild(engine: Engine, intents: dict[str, list[int]]) -> dict[str, int]:
    return rebuild(engine, [cluster(i, intents[i]) for i in FOUND])


def edit(engine: Engine, change: Callable[[Session], object]) -> None:
    with write_session(engine) as session:
        change(session)


def marks(engine: Engine) -> dict[int, tuple[str, int, int, int]]:
    """Theme id → (name, items named, kept, new) of each name to check."""
    with read_session(engine) as session:
        return {
            theme_id: (check.name, check.items_named, check.items_kept, check.items_new)
            for theme_id, check in names_to_check(session).items()
        }


def finer(intents: dict[str, list[int]]) -> list[FoundTheme]:
    """The card arrivals come apart in three (50, 40, 40): the largest part continues."""
    cards = intents["card_arrival"]
    return [
        cluster("pending", intents["pending_transfer"]),
        cluster("cards-a", cards[:50]),
        cluster("cards-b", cards[50:90]),
        cluster("cards-c", cards[90:]),
        cluster("lost", intents["lost_or_stolen_card"]),
    ]


def test_a_renamed_theme_a_rebuild_broke_up_is_marked_with_its_figures(
    engine: Engine, intents: dict[str, list[int]]
) -> None:
    ids = first_rebuild(engine, intents)
    cards, pending = ids["card_arrival"], ids["pending_transfer"]
    with write_session(engine) as session:  # a copy is one item with its original
        original = intents["card_arrival"][0]
        copy = repository.add(
            session,
            EvidenceItem(
                source="chat",
                external_id="copy-1",
                kind=EvidenceKind.CHAT,
                text="I have been waiting over a week. Is the card still coming?",
                created_at=datetime(2026, 3, 2, tzinfo=UTC),
                duplicate_of_id=original,
            ),
        )
    assert copy.id is not None
    edit(engine, lambda s: rename_theme(s, cards, "Card hasn't arrived"))
    found = finer(intents)
    found[1].members[copy.id] = 0.9
    # The pending transfers, not pinned, came apart too: a name from the words follows them.
    halves = intents["pending_transfer"]
    found[0] = cluster("pending", halves[:60])
    found.append(cluster("pending-b", halves[60:]))
    again = rebuild(engine, found)
    assert again["cards-a"] == cards
    assert marks(engine) == {cards: ("Card hasn't arrived", 130, 50, 0)}
    assert pending not in marks(engine)


def test_a_rebuild_that_keeps_most_of_the_items_marks_nothing(
    engine: Engine, intents: dict[str, list[int]]
) -> None:
    ids = first_rebuild(engine, intents)
    cards = intents["card_arrival"]
    edit(engine, lambda s: rename_theme(s, ids["card_arrival"], "Card hasn't arrived"))
    # 110 of 130 stay, 10 pending transfers come in: 110 / 140 = 0.79 in common.
    pending = intents["pending_transfer"]
    again = rebuild(
        engine,
        [
            cluster("pending", pending[10:]),
            cluster("cards", [*cards[:110], *pending[:10]]),
            cluster("lost", [*intents["lost_or_stolen_card"], *cards[110:]]),
        ],
    )
    assert again["cards"] == ids["card_arrival"]
    assert marks(engine) == {}


def test_a_pinned_theme_that_took_in_more_items_than_it_had_is_marked(
    engine: Engine, intents: dict[str, list[int]]
) -> None:
    ids = first_rebuild(engine, intents)
    lost = ids["lost_or_stolen_card"]
    edit(engine, lambda s: pin_theme(s, lost))
    # A coarser rebuild files the 70 unsorted top-up failures with the 40 lost cards.
    rebuild(
        engine,
        [
            cluster("pending", intents["pending_transfer"]),
            cluster("cards", intents["card_arrival"]),
            cluster("lost", [*intents["lost_or_stolen_card"], *intents["top_up_failed"]]),
        ],
    )
    assert marks(engine) == {lost: ("words of lost_or_stolen_card", 40, 40, 70)}


@pytest.mark.parametrize(
    "settle",
    [
        lambda theme: lambda s: pin_theme(s, theme),
        lambda theme: lambda s: rename_theme(s, theme, "Card delivery"),
        lambda theme: lambda s: pin_theme(s, theme, pinned=False),
    ],
    ids=["pinned again", "renamed again", "unpinned"],
)
def test_pinning_renaming_or_unpinning_again_ends_the_mark(
    engine: Engine,
    intents: dict[str, list[int]],
    settle: Callable[[int], Callable[[Session], object]],
) -> None:
    cards = first_rebuild(engine, intents)["card_arrival"]
    edit(engine, lambda s: rename_theme(s, cards, "Card hasn't arrived"))
    rebuild(engine, finer(intents))
    assert set(marks(engine)) == {cards}
    edit(engine, settle(cards))
    assert marks(engine) == {}
    with read_session(engine) as session:
        kept = select(func.count()).select_from(ThemeNameCheckMemberRow)
        assert session.scalar(kept) == 0
    rebuild(engine, finer(intents))  # the same partition again: nothing moved since
    assert marks(engine) == {}


def test_later_rebuilds_compare_with_the_items_the_name_was_given_on(
    engine: Engine, intents: dict[str, list[int]]
) -> None:
    """The same broken-up partition again keeps the mark (50 of the 130 named, not 50 of
    the 50 it held); the first partition again gives the items back and ends it."""
    ids = first_rebuild(engine, intents)
    cards = ids["card_arrival"]
    edit(engine, lambda s: rename_theme(s, cards, "Card hasn't arrived"))
    rebuild(engine, finer(intents))
    rebuild(engine, finer(intents))
    assert marks(engine) == {cards: ("Card hasn't arrived", 130, 50, 0)}
    assert first_rebuild(engine, intents)["card_arrival"] == cards
    assert marks(engine) == {}
    with read_session(engine) as session:
        theme = session.get(ThemeRow, cards)
        assert theme is not None
        assert (theme.name, theme.name_pinned) == ("Card hasn't arrived", True)
