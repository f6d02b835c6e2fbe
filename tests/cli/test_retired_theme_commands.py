"""The command the rebuild summary gives for a retired named theme runs as printed, with
copies of its items filed apart from their originals and a name that starts with "-".

A theme's links are stored per copy: the analysis files a copy with its original, but a
person's ``tradeoff move`` of the copy (or of the original) files it alone. The summary
once gave ``tradeoff split``/``move`` commands naming each copy by its original's id, which
failed when the copy was in the split theme and the original elsewhere, and made a new id.
``tradeoff restore ID`` now brings back every id the theme held, copies as filed, under the
theme's own id; the counts said fold a copy into its original. Real Banking77 tickets; the
clusters are a rebuild's as in ``tests/storage/test_named_theme_rebuild.py``; the command
runs through the real CLI.
"""

from __future__ import annotations

import shlex
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from tests.analysis.themed import add_tickets, intent_rows
from tests.cli.helpers import CliResult, run_cli
from tests.storage.test_named_theme_rebuild import cluster, first_rebuild, rebuild_named
from tradeoff.cli.retired_themes import retired_words
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceThemeRow
from tradeoff.storage.theme_name_checks import RetiredName

#: Pasted from a bulleted list: a shell word an argument parser reads as an option.
NAME = "- Card hasn't arrived"


def cli(capsys: pytest.CaptureFixture[str], url: str, command: str) -> CliResult:
    """A printed command, pasted: split as the shell splits it, ``tradeoff`` dropped."""
    result = run_cli(capsys, "--db", url, *shlex.split(command)[1:])
    assert result.exit_code == 0, (command, result.stderr)
    return result


def filed(engine: Engine, theme_id: int) -> set[int]:
    with read_session(engine) as session:
        query = select(EvidenceThemeRow.evidence_id).where(EvidenceThemeRow.theme_id == theme_id)
        return set(session.scalars(query))


def chat_copies(engine: Engine, originals: list[int]) -> list[int]:
    """Each ticket asked again in a chat, which the import marks as a copy of it."""
    copies = []
    with write_session(engine) as session:
        for n, original in enumerate(originals):
            text = repository.get(session, EvidenceItem, original).text
            copy = repository.add(
                session,
                EvidenceItem(
                    source="chat",
                    external_id=f"chat-{n}",
                    kind=EvidenceKind.CHAT,
                    text=text,
                    created_at=datetime(2026, 3, 2, tzinfo=UTC),
                    duplicate_of_id=original,
                ),
            )
            assert copy.id is not None
            copies.append(copy.id)
    return copies


def tickets(engine: Engine) -> dict[str, list[int]]:
    """Evidence ids by intent: 160 pending transfers, 130 card arrivals, 70 failed top-ups,
    40 lost or stolen cards."""
    by_intent: dict[str, list[int]] = {}
    for evidence_id, intent in add_tickets(engine, intent_rows(), 10000).items():
        by_intent.setdefault(intent, []).append(evidence_id)
    return by_intent


def test_the_commands_name_each_copy_where_it_is_filed_and_bring_every_item_back(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    by_intent = tickets(engine)
    cards, pending, lost, top_up = (
        sorted(by_intent[i])
        for i in ("card_arrival", "pending_transfer", "lost_or_stolen_card", "top_up_failed")
    )
    # Copies of card arrivals 0 (filed with it), 1 (its copy unsorted) and 60 (its copy
    # filed with the pending transfers, the original with the lost cards).
    with_0, of_1, of_60 = chat_copies(engine, [cards[0], cards[1], cards[60]])
    ids = first_rebuild(engine, {**by_intent, "card_arrival": [*cards, with_0, of_1, of_60]})
    cli(capsys, workspace_url, f'tradeoff rename {ids["cards"]} -- "{NAME}"')
    before = filed(engine, ids["cards"])
    assert len(before) == 133

    again, retired = rebuild_named(
        engine,
        [
            cluster("pending", pending[15:], cards[:50], [with_0, of_60]),
            cluster("lost", lost[10:], cards[50:78]),
            cluster("mixed", cards[85:105], pending[:15], lost[:10], top_up),
        ],
    )
    [gone] = retired
    said, commands = retired_words(gone)
    # Counted as items: the copy of card 60 is one more there, card 1 is filed (its copy
    # is not), so 7 + 25 are unsorted.
    assert said == (
        f'theme {ids["cards"]} "{NAME}": its 130 items went to themes {ids["pending"]} (51), '
        f"{ids['lost']} (28), {again['mixed']} (20) and 32 are unsorted. Bring it back, "
        "same id, with them:"
    )
    assert commands == [f"tradeoff restore {ids['cards']}"]
    cli(capsys, workspace_url, commands[0])
    assert filed(engine, ids["cards"]) == before
    # Where they went, as filed: the copy of 60 with the pending transfers, 60 not.
    assert gone.went == (
        (ids["pending"], tuple(sorted([*cards[:50], with_0, of_60]))),
        (ids["lost"], tuple(cards[50:78])),
        (again["mixed"], tuple(cards[85:105])),
    )
    assert not filed(engine, ids["pending"]) & before
    assert not filed(engine, ids["lost"]) & before

    shown = cli(capsys, workspace_url, f"tradeoff theme {ids['cards']} --format json")
    assert f'"name": "{NAME}"' in shown.stdout


def test_a_theme_whose_items_are_all_unsorted_or_gone_is_said_so() -> None:
    """Unsorted items come back with the same command; a theme with nothing left has none."""
    unsorted = RetiredName(7, "-Foo", False, (), (12, 13))
    assert retired_words(unsorted) == (
        'theme 7 "-Foo": its 2 items are all unsorted now. Bring it back, same id, with them:',
        ["tradeoff restore 7"],
    )
    gone = RetiredName(7, "-Foo", True, (), ())
    assert retired_words(gone) == (
        'sub-theme 7 "-Foo": none of its items is in the workspace any more.',
        [],
    )
