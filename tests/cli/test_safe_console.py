"""Customer text's control characters are shown on the terminal, never obeyed."""

from __future__ import annotations

import io

import pytest
from rich.table import Table
from sqlalchemy import Engine, update

from tests.business.world import World, build_world
from tests.cli.helpers import run_cli
from tradeoff.cli.safe_console import SafeConsole, visible
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import ThemeRow

CLEAR_AND_RED = "\x1b[2J\x1b[31m"


def test_escape_sequences_in_text_are_shown_and_richs_own_styles_still_apply() -> None:
    out = io.StringIO()
    console = SafeConsole(file=out, force_terminal=True, color_system="standard", markup=False)
    table = Table("theme")
    table.add_row(f"Exports {CLEAR_AND_RED}broken\x9b2J\x7f")
    console.print(table)
    console.print("plain", style="bold")
    written = out.getvalue()
    for obeyed in ("\x1b[2J", "\x1b[31m", "\x9b"):
        assert obeyed not in written
    assert "Exports ␛[2J␛[31mbroken\ufffd2J\u2421" in written
    assert "\x1b[1m" in written  # the bold Rich writes itself is a real escape sequence


def test_newline_and_tab_stay_what_they_are() -> None:
    assert visible("a\tb\nc\x00d\x1be") == "a\tb\nc␀d␛e"


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def test_a_theme_named_from_hostile_text_does_not_clear_the_screen(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    theme_id = world.themes[0].id
    with write_session(engine) as session:
        session.execute(
            update(ThemeRow)
            .where(ThemeRow.id == theme_id)
            .values(name=f"Exports {CLEAR_AND_RED}broken")
        )
    result = run_cli(capsys, "--db", workspace_url, "themes")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "␛[2J␛[31mbroken" in result.stdout
