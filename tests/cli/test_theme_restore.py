"""``tradeoff restore ID`` brings back a named theme a rebuild retired: the same id, name
and links, the items it held less those a person filed elsewhere since, kept by the next
rebuild; and refuses, in one line, what it cannot restore.

Real Banking77 tickets; the clusters are a rebuild's as in
``tests/storage/test_named_theme_rebuild.py`` (the QA shape: a named theme's items spread
over three clusters, none holding enough of it to carry its name). Everything runs through
the real CLI; the expected memberships are counted from the clusters given, by hand.
"""

from __future__ import annotations

import re
import shlex

import pytest
from sqlalchemy import Engine, delete, select

from tests.cli.helpers import CliResult, run_cli
from tests.cli.test_retired_theme_commands import filed, tickets
from tests.storage.test_named_theme_rebuild import cluster, first_rebuild, rebuild, rebuild_named
from tradeoff.domain.enums import AssignedBy, ThemeStatus
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow, ProblemThemeRow, ThemeRow
from tradeoff.storage.tables.theme_names import ThemeNameBaselineMemberRow
from tradeoff.storage.theme_matching import FoundTheme

NAME = "Card hasn't arrived"


def cli(capsys: pytest.CaptureFixture[str], url: str, *args: str, code: int = 0) -> CliResult:
    result = run_cli(capsys, "--db", url, *args)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    return result


def row(engine: Engine, theme_id: int) -> tuple[str, ThemeStatus, bool, AssignedBy, int | None]:
    with read_session(engine) as session:
        theme = session.get(ThemeRow, theme_id)
        assert theme is not None
        return theme.name, theme.status, theme.name_pinned, theme.made_by, theme.parent_id


def spread(by_intent: dict[str, list[int]]) -> list[FoundTheme]:
    """The QA shape: 50 card arrivals with the pending transfers, 28 with the lost cards, 20
    in a new mixed cluster, 32 in none."""
    cards, pending, lost, top_up = (
        sorted(by_intent[i])
        for i in ("card_arrival", "pending_transfer", "lost_or_stolen_card", "top_up_failed")
    )
    return [
        cluster("pending", pending[15:], cards[:50]),
        cluster("lost", lost[10:], cards[50:78]),
        cluster("mixed", cards[85:105], pending[:15], lost[:10], top_up),
    ]


def test_restore_brings_a_retired_named_theme_back_under_its_id_and_the_next_rebuild_keeps_it(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    by_intent = tickets(engine)
    cards = sorted(by_intent["card_arrival"])
    ids = first_rebuild(engine, by_intent)
    theme = ids["cards"]
    cli(capsys, workspace_url, "rename", str(theme), NAME)
    made = cli(capsys, workspace_url, "problem", "new", "Cards arrive late")
    problem = int(re.findall(r"problem (\d+)", made.stdout)[0])
    cli(capsys, workspace_url, "problem", "link", str(problem), "--theme", str(theme))
    before = filed(engine, theme)
    assert before == set(cards)

    again, [retired] = rebuild_named(engine, spread(by_intent))
    assert row(engine, theme)[1] is ThemeStatus.ARCHIVED
    # Since then a person filed three of its items (now with the pending transfers) under
    # the lost cards by hand: they stay there.
    by_hand = cards[:3]
    cli(capsys, workspace_url, "move", *map(str, by_hand), "--to", str(ids["lost"]))

    shown = cli(capsys, workspace_url, "theme", str(theme), code=1)
    assert shown.stderr.strip() == (
        f'error: theme {theme} "{NAME}", named by a person, was retired by a rebuild: most '
        f"of its items are in theme {ids['pending']} now. Bring it back, same id: "
        f"tradeoff restore {theme}"
    )

    done = cli(capsys, workspace_url, "restore", str(theme))
    assert " ".join(done.stdout.split()) == (
        f'Restored theme {theme} "{NAME}" (pinned) with 127 items: 47 from theme '
        f"{ids['pending']}, 28 from theme {ids['lost']}, 20 from theme {again['mixed']} and "
        "32 unsorted. 3 items a person filed elsewhere since stay where they are."
    )
    assert row(engine, theme) == (NAME, ThemeStatus.ACTIVE, True, AssignedBy.PERSON, None)
    assert filed(engine, theme) == before - set(by_hand)
    assert set(by_hand) <= filed(engine, ids["lost"])
    for other in (ids["pending"], ids["lost"], again["mixed"]):
        assert not filed(engine, other) & (before - set(by_hand))
    with read_session(engine) as session:
        linked = select(ProblemThemeRow.theme_id).where(ProblemThemeRow.problem_id == problem)
        assert list(session.scalars(linked)) == [theme]
        by = select(EvidenceThemeRow.assigned_by).where(EvidenceThemeRow.theme_id == theme)
        assert set(session.scalars(by)) == {AssignedBy.PERSON}
        # Drift is measured from what came back: its name is vouched for on these items.
        baseline = select(ThemeNameBaselineMemberRow.evidence_id).where(
            ThemeNameBaselineMemberRow.theme_id == theme, ThemeNameBaselineMemberRow.named
        )
        assert set(session.scalars(baseline)) == before - set(by_hand)
    listed = cli(capsys, workspace_url, "problem", "show", str(problem))
    assert NAME in listed.stdout

    # The same rebuild again keeps it, its items and its name: it is a person's theme now.
    _, retired_again = rebuild_named(engine, spread(by_intent))
    assert retired_again == []
    assert row(engine, theme) == (NAME, ThemeStatus.ACTIVE, True, AssignedBy.PERSON, None)
    assert filed(engine, theme) == before - set(by_hand)
    assert set(by_hand) <= filed(engine, ids["lost"])
    assert retired.theme_id == theme


def test_each_refusal_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    by_intent = tickets(engine)
    ids = first_rebuild(engine, by_intent)
    cli(capsys, workspace_url, "rename", str(ids["cards"]), NAME)

    unknown = cli(capsys, workspace_url, "restore", "99999", code=1)
    assert unknown.stderr == "error: no theme with id 99999\n"
    active = cli(capsys, workspace_url, "restore", str(ids["pending"]), code=2)
    assert (
        active.stderr == f"error: theme {ids['pending']} is active: there is nothing to restore\n"
    )

    # A merge is a person's edit: the refusal gives the split that takes its items out,
    # which runs as printed.
    lost = filed(engine, ids["lost"])
    cli(capsys, workspace_url, "merge", str(ids["lost"]), "--into", str(ids["pending"]))
    merged = cli(capsys, workspace_url, "restore", str(ids["lost"]), code=2)
    said, command = merged.stderr.strip().split("; to take them out again: ")
    assert said == (
        f"error: theme {ids['lost']} was merged by a person, not retired by a rebuild: its "
        f"items are in theme {ids['pending']}"
    )
    assert command.startswith(f"tradeoff split {ids['pending']} --items ")
    split = cli(capsys, workspace_url, *shlex.split(command)[1:])
    remade = int(re.findall(r"Split theme (\d+)", split.stdout)[0])
    assert filed(engine, remade) == lost
    assert row(engine, remade)[0] == "words of lost"

    # Retired, then every item it held deleted (an import undone): nothing to bring back.
    rebuild_named(engine, spread(by_intent))
    with write_session(engine) as session:
        session.execute(
            delete(EvidenceItemRow).where(EvidenceItemRow.id.in_(by_intent["card_arrival"]))
        )
    gone = cli(capsys, workspace_url, "restore", str(ids["cards"]), code=2)
    assert gone.stderr == (
        f"error: theme {ids['cards']} was retired by a rebuild, and none of the items it held "
        "is in the workspace any more: nothing to restore\n"
    )
    assert row(engine, ids["cards"])[1] is ThemeStatus.ARCHIVED
    shown = cli(capsys, workspace_url, "theme", str(ids["cards"]), code=1)
    assert shown.stderr == (
        f'error: theme {ids["cards"]} "{NAME}", named by a person, was retired by a rebuild; '
        "none of its items is in the workspace any more\n"
    )


def test_a_sub_theme_comes_back_under_its_theme_which_must_be_restored_first(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    by_intent = tickets(engine)
    cards = sorted(by_intent["card_arrival"])
    pending, lost = sorted(by_intent["pending_transfer"]), sorted(by_intent["lost_or_stolen_card"])
    ids = rebuild(
        engine,
        [
            cluster("pending", pending),
            cluster("cards", cards),
            FoundTheme("late", "cards", "words of late", dict.fromkeys(cards[:60], 0.9)),
            FoundTheme("never", "cards", "words of never", dict.fromkeys(cards[60:], 0.9)),
            cluster("lost", lost),
        ],
    )
    cli(capsys, workspace_url, "rename", str(ids["late"]), "Card is late")
    # The cards are left unsorted: the theme and both sub-themes are retired.
    rebuild(engine, [cluster("pending", pending), cluster("lost", lost)])
    assert row(engine, ids["cards"])[1] is ThemeStatus.ARCHIVED

    refused = cli(capsys, workspace_url, "restore", str(ids["late"]), code=2)
    said = refused.stderr.strip()
    assert said == (
        f"error: sub-theme {ids['late']} belongs to theme {ids['cards']}, which a rebuild "
        f"retired too: restore that one first (tradeoff restore {ids['cards']}), then this one"
    )
    assert row(engine, ids["late"])[1] is ThemeStatus.ARCHIVED

    cli(capsys, workspace_url, "restore", str(ids["cards"]))
    done = cli(capsys, workspace_url, "restore", str(ids["late"]))
    assert " ".join(done.stdout.split()) == (
        f"Restored sub-theme {ids['late']} 'Card is late' under theme {ids['cards']} (pinned) "
        "with 60 items: 60 in no sub-theme."
    )
    assert row(engine, ids["late"]) == (
        "Card is late",
        ThemeStatus.ACTIVE,
        True,
        AssignedBy.PERSON,
        ids["cards"],
    )
    assert filed(engine, ids["late"]) == set(cards[:60])
    assert filed(engine, ids["cards"]) == set(cards)
    assert row(engine, ids["never"])[1] is ThemeStatus.ARCHIVED  # not asked for: stays retired
