"""The briefs as pages: any signed-in role reads them, they hold the very fragment the
``--format html`` file holds, and customer text stays escaped."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from tests.reports.brief_world import (
    AS_OF,
    MOUSEOVER,
    PERIOD,
    build_brief_world,
    plant_everything_hostile,
)
from tests.reports.hostile import PROBLEM, SCRIPT
from tests.web.conftest import Workspace
from tradeoff.domain.users import Role
from tradeoff.reports.briefs import Room, build_brief
from tradeoff.reports.briefs.render import render_body

QUERY = f"?period={PERIOD}&as_of={AS_OF.isoformat()}"


@pytest.mark.parametrize("room", list(Room))
def test_a_viewer_reads_the_same_brief_the_command_writes(
    workspace: Workspace, signed_in: Callable[[Role], TestClient], room: Room
) -> None:
    build_brief_world(workspace.engine)
    page = signed_in(Role.VIEWER).get(f"/briefs/{room.value}{QUERY}")
    assert page.status_code == 200
    brief = build_brief(workspace.engine, room, period=PERIOD, as_of=AS_OF)
    assert str(render_body(brief)) in page.text
    assert f"<h1>{brief.title}</h1>" in page.text
    assert 'href="/briefs/exec"' in page.text  # the navigation names the briefs


def test_briefs_need_a_login(workspace: Workspace, anonymous: TestClient) -> None:
    response = anonymous.get("/briefs/exec")
    assert response.status_code == 303
    assert response.headers["location"] == "/login"


@pytest.mark.parametrize(
    ("path", "status"),
    [("/briefs/board", 400), ("/briefs/exec?period=2026Q9", 400), ("/briefs/team?as_of=x", 400)],
)
def test_a_bad_room_or_period_is_a_clear_error(
    workspace: Workspace, signed_in: Callable[[Role], TestClient], path: str, status: int
) -> None:
    response = signed_in(Role.EDITOR).get(path)
    assert response.status_code == status


@pytest.mark.parametrize(
    ("room", "planted"), [(Room.EXEC, MOUSEOVER), (Room.SALES, MOUSEOVER), (Room.TEAM, PROBLEM)]
)
def test_customer_text_on_a_brief_page_is_escaped(
    workspace: Workspace, signed_in: Callable[[Role], TestClient], room: Room, planted: str
) -> None:
    plant_everything_hostile(workspace.engine)
    page = signed_in(Role.VIEWER).get(f"/briefs/{room.value}?period={PERIOD}&as_of=2026-10-15")
    assert page.status_code == 200
    assert str(escape(planted)) in page.text
    assert planted not in page.text
    assert SCRIPT not in page.text
    assert 'onmouseover="' not in page.text
