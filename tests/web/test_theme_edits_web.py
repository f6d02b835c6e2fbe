"""Editing themes in the browser: rename, merge, split and move land in the workspace as
``tradeoff rename|merge|split|move`` would, survive re-analysis, and refuse bad input and
the wrong role without changing anything.

The expected memberships are recounted in plain Python from what ``build_world`` wrote
(``World.links``), never read back through the code under test.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.analysis.themed import add_tickets, intent_rows
from tests.business.world import World, build_world
from tests.web.conftest import Workspace, page_token
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.domain.enums import AssignedBy, ThemeStatus
from tradeoff.domain.evidence import EvidenceTheme, Theme
from tradeoff.domain.users import Role
from tradeoff.storage import repository
from tradeoff.storage.session import read_session
from tradeoff.storage.theme_summary import dirty_ids

EDIT_MARKERS = ("/rename", "/merge", "/split", "/move", 'name="evidence_id"')


@pytest.fixture
def world(workspace: Workspace) -> World:
    """Northwind Ledger's three themes and their evidence, beside the conftest's theme."""
    return build_world(workspace.engine)


def themes(engine: Engine) -> dict[int, Theme]:
    with read_session(engine) as session:
        return {t.id: t for t in repository.list_all(session, Theme) if t.id is not None}


def links(engine: Engine) -> list[EvidenceTheme]:
    with read_session(engine) as session:
        return repository.list_all(session, EvidenceTheme)


def members(engine: Engine, theme_id: int) -> set[int]:
    return {link.evidence_id for link in links(engine) if link.theme_id == theme_id}


def snapshot(engine: Engine) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Everything an edit could change: each theme's identity and every filing."""
    rows = [
        (t.id, t.name, t.status, t.merged_into_id, t.parent_id, t.name_pinned)
        for t in themes(engine).values()
    ]
    filings = sorted((link.evidence_id, link.theme_id, link.assigned_by) for link in links(engine))
    return sorted(rows, key=repr), filings


def written_members(world: World, name: str) -> set[int]:
    """The theme's items as build_world filed them."""
    theme_id = world.theme(name).id
    return {link.evidence_id for link in world.links if link.theme_id == theme_id}


def theme_id(world: World, name: str) -> int:
    found = world.theme(name).id
    assert found is not None
    return found


def test_an_editor_merges_a_theme_and_lands_on_the_target(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    editor = signed_in(Role.EDITOR)
    audit, export = theme_id(world, "Audit logs"), theme_id(world, "Bulk export")
    together = written_members(world, "Audit logs") | written_members(world, "Bulk export")
    page = editor.get(f"/themes/{audit}").text
    merge_form = page.split(f'action="/themes/{audit}/merge"', 1)[1].split("</form>", 1)[0]
    offered = {int(v) for v in re.findall(r'<option value="(\d+)"', merge_form)}
    # Every other active top-level theme, never itself.
    sso = theme_id(world, "Single sign-on")
    assert offered == {export, sso, workspace.theme_id}

    response = editor.post(
        f"/themes/{audit}/merge", data={"target": str(export), "csrf_token": page_token(editor)}
    )
    assert response.status_code == 303
    location = response.headers["location"]
    assert location == f"/themes/{export}?merged={audit}"
    with read_session(workspace.engine) as session:
        assert export in dirty_ids(session)  # the merge only marked its themes
    landed = editor.get(location)
    assert landed.status_code == 200
    assert f"Merged theme {audit} into this theme; re-analysis keeps the merge." in landed.text
    assert "<h1>Bulk export</h1>" in landed.text
    assert f"{len(together)} evidence items" in landed.text
    with read_session(workspace.engine) as session:
        assert dirty_ids(session) == set()  # computing the page brought the summary up to date
    merged = themes(workspace.engine)[audit]
    assert (merged.status, merged.merged_into_id) == (ThemeStatus.MERGED, export)
    assert members(workspace.engine, export) == together
    assert editor.get(f"/themes/{audit}").status_code == 404  # a merged theme has no page


def test_an_editor_splits_ticked_items_into_a_new_pinned_theme(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    editor = signed_in(Role.EDITOR)
    export = theme_id(world, "Bulk export")
    before = written_members(world, "Bulk export")
    page = editor.get(f"/themes/{export}").text
    listed = [int(v) for v in re.findall(r'name="evidence_id" value="(\d+)"', page)]
    assert listed == sorted(before, reverse=True)  # every item, newest (highest id) first
    carved = listed[:2]

    response = editor.post(
        f"/themes/{export}/split",
        data={
            "name": "  Year-end   exports ",
            "evidence_id": [str(i) for i in carved],
            "target": "",  # the move fieldset's select, sent along by the same form
            "csrf_token": page_token(editor),
        },
    )
    assert response.status_code == 303
    new_id = max(themes(workspace.engine))
    assert response.headers["location"] == f"/themes/{new_id}?split_from={export}&moved=2"
    landed = editor.get(response.headers["location"]).text
    assert f"Split 2 items off theme {export} into this new theme." in landed
    assert "<h1>Year-end exports</h1>" in landed
    made = themes(workspace.engine)[new_id]
    assert (made.name, made.name_pinned, made.made_by, made.parent_id) == (
        "Year-end exports",
        True,
        AssignedBy.PERSON,
        None,
    )
    assert members(workspace.engine, new_id) == set(carved)
    assert members(workspace.engine, export) == before - set(carved)


def test_an_editor_moves_an_item_to_another_theme(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    editor = signed_in(Role.EDITOR)
    sso, audit = theme_id(world, "Single sign-on"), theme_id(world, "Audit logs")
    item = min(written_members(world, "Single sign-on"))
    response = editor.post(
        f"/themes/{sso}/move",
        data={"evidence_id": str(item), "target": str(audit), "csrf_token": page_token(editor)},
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/themes/{audit}?moved=1&moved_from={sso}"
    landed = editor.get(response.headers["location"]).text
    assert f"Moved 1 item (copies included) here from theme {sso}." in landed
    filed = [link for link in links(workspace.engine) if link.evidence_id == item]
    assert [(link.theme_id, link.assigned_by) for link in filed] == [(audit, AssignedBy.PERSON)]
    assert members(workspace.engine, sso) == written_members(world, "Single sign-on") - {item}


def test_a_rename_confirms_and_pins(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    editor = signed_in(Role.EDITOR)
    sso = theme_id(world, "Single sign-on")
    response = editor.post(
        f"/themes/{sso}/rename", data={"name": "SSO with Okta", "csrf_token": page_token(editor)}
    )
    landed = editor.get(response.headers["location"]).text
    assert "Renamed; the name is pinned, so re-analysis keeps it." in landed
    assert f"Theme {sso}, name pinned" in landed
    renamed = themes(workspace.engine)[sso]
    assert (renamed.name, renamed.name_pinned) == ("SSO with Okta", True)


@pytest.mark.parametrize(
    ("action", "data", "status", "reason"),
    [
        ("rename", {"name": "   "}, 400, "a theme&#39;s name cannot be empty"),
        ("merge", {"target": "SELF"}, 400, "cannot be merged into itself"),
        ("merge", {"target": "99999"}, 404, "no active theme with id 99999"),
        ("merge", {"target": ""}, 400, "Choose the theme to merge this one into."),
        ("split", {"name": "Orphans"}, 400, "Tick the items to split off into the new theme."),
        ("split", {"name": "  ", "evidence_id": "FIRST"}, 400, "name cannot be empty"),
        ("split", {"name": "Stolen", "evidence_id": "OUTSIDER"}, 400, "is not in theme"),
        ("split", {"name": "All", "evidence_id": "ALL"}, 400, "leaves it empty: rename it"),
        ("move", {"target": "OTHER"}, 400, "Tick the items to move."),
        ("move", {"evidence_id": "FIRST", "target": "99999"}, 404, "no active theme with id"),
        ("move", {"evidence_id": "FIRST", "target": "SELF"}, 400, "already in theme"),
        ("move", {"evidence_id": "999999", "target": "OTHER"}, 404, "no evidence item with id"),
    ],
)
def test_bad_input_is_one_line_on_the_theme_page_and_changes_nothing(
    signed_in: Callable[[Role], TestClient],
    workspace: Workspace,
    world: World,
    action: str,
    data: dict[str, str],
    status: int,
    reason: str,
) -> None:
    editor = signed_in(Role.EDITOR)
    export, sso = theme_id(world, "Bulk export"), theme_id(world, "Single sign-on")
    ours = sorted(written_members(world, "Bulk export"))
    stand_ins: dict[str, str | list[str]] = {
        "SELF": str(export),
        "OTHER": str(sso),
        "FIRST": str(ours[0]),
        "OUTSIDER": str(min(written_members(world, "Single sign-on"))),
        "ALL": [str(i) for i in ours],
    }
    form = {key: stand_ins.get(value, value) for key, value in data.items()}
    before = snapshot(workspace.engine)
    response = editor.post(
        f"/themes/{export}/{action}", data={**form, "csrf_token": page_token(editor)}
    )
    assert response.status_code == status, response.text
    alert = re.search(r'<p class="message" role="alert">([^<]*)</p>', response.text)
    assert alert is not None
    assert reason in alert.group(1)
    assert "\n" not in alert.group(1)
    assert "<h1>Bulk export</h1>" in response.text  # the page to fix it on, not a dead end
    assert "Traceback" not in response.text
    assert snapshot(workspace.engine) == before


def test_an_unknown_theme_is_the_404_page(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    editor = signed_in(Role.EDITOR)
    before = snapshot(workspace.engine)
    for action, data in (
        ("rename", {"name": "Ghost"}),
        ("merge", {"target": str(theme_id(world, "Audit logs"))}),
        ("split", {"name": "Ghost", "evidence_id": str(world.evidence[0].id)}),
    ):
        response = editor.post(
            f"/themes/99999/{action}", data={**data, "csrf_token": page_token(editor)}
        )
        assert response.status_code == 404, action
        assert "no active theme with id 99999" in response.text
    assert snapshot(workspace.engine) == before


def test_viewers_see_no_edit_forms_and_cannot_post(
    signed_in: Callable[[Role], TestClient],
    anonymous: TestClient,
    workspace: Workspace,
    world: World,
) -> None:
    export, audit = theme_id(world, "Bulk export"), theme_id(world, "Audit logs")
    path = f"/themes/{export}"
    viewer = signed_in(Role.VIEWER)
    page = viewer.get(path).text
    assert "We need to export every invoice at once." in page  # the items are listed
    for marker in EDIT_MARKERS:
        assert marker not in page, marker
    editor_page = signed_in(Role.EDITOR).get(path).text
    for marker in EDIT_MARKERS:
        assert marker in editor_page, marker
    first = str(min(written_members(world, "Bulk export")))
    attempts = {
        "rename": {"name": "Mine"},
        "merge": {"target": str(audit)},
        "split": {"name": "Mine", "evidence_id": first},
        "move": {"evidence_id": first, "target": str(audit)},
    }
    before = snapshot(workspace.engine)
    token = page_token(viewer, path)
    for action, data in attempts.items():
        refused = viewer.post(f"{path}/{action}", data={**data, "csrf_token": token})
        assert refused.status_code == 403, action
        assert "This needs the editor role." in refused.text
        assert anonymous.post(f"{path}/{action}", data=data).status_code == 401, action
    editor = signed_in(Role.EDITOR)
    for action, data in attempts.items():  # a signed-in editor without the form's token
        assert editor.post(f"{path}/{action}", data=data).status_code == 403, action
    assert snapshot(workspace.engine) == before


def test_edits_made_in_the_browser_survive_a_rebuild(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    """On real Banking77 tickets: the analysis makes themes, a person edits them on the web,
    the analysis rebuilds twice, and the person's name, merge and split are all still there."""
    add_tickets(workspace.engine, intent_rows(), 10000)
    analyze(workspace.engine, StaticEmbedder())
    live = {i: t for i, t in themes(workspace.engine).items() if t.status is ThemeStatus.ACTIVE}
    sizes = {
        i: len(members(workspace.engine, i))
        for i, t in live.items()
        if t.parent_id is None and i != workspace.theme_id
    }
    first, second, third = sorted(sizes, key=lambda i: (-sizes[i], i))[:3]
    carved = sorted(members(workspace.engine, first))[:3]
    editor = signed_in(Role.EDITOR)
    token = page_token(editor)
    edits = [
        (f"/themes/{first}/rename", {"name": "Card hasn't arrived"}),
        (f"/themes/{third}/merge", {"target": str(second)}),
        (f"/themes/{first}/split", {"name": "Tracking a card", "evidence_id": carved}),
    ]
    for path, data in edits:
        assert editor.post(path, data={**data, "csrf_token": token}).status_code == 303, path
    carved_into = max(themes(workspace.engine))
    for _ in range(2):
        analyze(workspace.engine, StaticEmbedder(), rebuild=True)
        now = themes(workspace.engine)
        assert (now[first].status, now[first].name, now[first].name_pinned) == (
            ThemeStatus.ACTIVE,
            "Card hasn't arrived",
            True,
        )
        assert (now[third].status, now[third].merged_into_id) == (ThemeStatus.MERGED, second)
        assert (now[carved_into].status, now[carved_into].name) == (
            ThemeStatus.ACTIVE,
            "Tracking a card",
        )
        assert members(workspace.engine, carved_into) >= set(carved)
    page = editor.get(f"/themes/{first}").text
    assert "<h1>Card hasn&#39;t arrived</h1>" in page
    assert f"Theme {first}, name pinned" in page
    # The item list pages by id, 50 at a time, and together the pages hold every member.
    expected = sorted(members(workspace.engine, second), reverse=True)  # holds the merge
    assert len(expected) > 50
    shown: list[int] = []
    path: str | None = f"/themes/{second}"
    while path is not None:
        page = editor.get(path).text
        ids = [int(v) for v in re.findall(r'name="evidence_id" value="(\d+)"', page)]
        assert len(ids) == min(50, len(expected) - len(shown))
        shown += ids
        older = re.search(r'href="(/themes/\d+\?before=\d+)#items" rel="next"', page)
        path = older.group(1) if older else None
    assert shown == expected
