"""The commands the rebuild summary gives for a retired named theme run as printed, with
copies of its items filed apart from their originals and a name that starts with "-".

A theme's links are stored per copy: the analysis files a copy with its original, but a
person's ``tradeoff move`` of the copy (or of the original) files it alone. The summary
named each copy by its original's id, so ``tradeoff split T --items <original>`` failed
("evidence item N is not in theme T") when the copy was in T and the original elsewhere.
The commands now name the ids filed in each theme; only the counts fold a copy into its
original. Real Banking77 tickets; the clusters are a rebuild's as in
``tests/storage/test_named_theme_rebuild.py``; the commands run through the real CLI.
"""

from __future__ import annotations

import re
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
        f"{ids['lost']} (28), {again['mixed']} (20) and 32 are unsorted. Bring it back "
        "(ID: the theme the split makes):"
    )
    made = cli(capsys, workspace_url, commands[0])
    remade = int(re.findall(r"\d+", made.stdout)[0])
    for command in commands[1:]:
        cli(capsys, workspace_url, command.replace("--to ID", f"--to {remade}"))
    assert filed(engine, remade) == before
    # The split named the ids filed in the theme it splits, the copy of 60 and not 60.
    assert gone.went == (
        (ids["pending"], tuple(sorted([*cards[:50], with_0, of_60]))),
        (ids["lost"], tuple(cards[50:78])),
        (again["mixed"], tuple(cards[85:105])),
    )
    assert str(of_60) in commands[0].split("--items ")[1].split()[0].split(",")
    assert str(cards[60]) not in commands[0].split("--items ")[1].split()[0].split(",")

    shown = cli(capsys, workspace_url, f"tradeoff theme {remade} --format json")
    assert f'"name": "{NAME}"' in shown.stdout


def test_a_rename_to_a_name_starting_with_a_dash_runs_as_printed(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    """When the theme holding them holds nothing else, the command renames it: the name is
    an argument, which ``--`` keeps from being read as an option."""
    by_intent = tickets(engine)
    made = first_rebuild(engine, by_intent)
    cards = tuple(sorted(by_intent["card_arrival"]))
    theme = RetiredName(1, "-Foo", False, ((made["cards"], cards),), (), True)
    _, [command] = retired_words(theme)
    assert command == f'tradeoff rename {made["cards"]} -- "-Foo"'
    cli(capsys, workspace_url, command)
    shown = cli(capsys, workspace_url, f"tradeoff theme {made['cards']} --format json")
    assert '"name": "-Foo"' in shown.stdout
