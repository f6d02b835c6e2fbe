"""The page of a named theme a rebuild retired says so and, for editors, has a "Restore"
button that brings it back as ``tradeoff restore`` does: same id, its items, pinned.

Real Banking77 tickets and the rebuild clusters of ``tests/cli/test_theme_restore.py``; a
real app and real sign-ins (``tests/web/conftest.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.cli.test_retired_theme_commands import filed, tickets
from tests.cli.test_theme_restore import NAME, row, spread
from tests.storage.test_named_theme_rebuild import first_rebuild, rebuild_named
from tests.web.conftest import Workspace, page_token
from tradeoff.domain.enums import AssignedBy, ThemeStatus
from tradeoff.domain.users import Role
from tradeoff.storage.session import write_session
from tradeoff.storage.theme_edits import rename_theme

RESTORE_FORM = 'action="/themes/{}/restore"'


def test_an_editor_restores_a_retired_named_theme_from_its_page(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    engine = workspace.engine
    by_intent = tickets(engine)
    ids = first_rebuild(engine, by_intent)
    theme = ids["cards"]
    with write_session(engine) as session:
        rename_theme(session, theme, NAME)
    before = filed(engine, theme)
    rebuild_named(engine, spread(by_intent))
    assert row(engine, theme)[1] is ThemeStatus.ARCHIVED

    viewer = signed_in(Role.VIEWER)
    seen = viewer.get(f"/themes/{theme}")
    assert seen.status_code == 200
    assert (
        f"Theme {theme} &#34;Card hasn&#39;t arrived&#34;, named by a person, was retired by a "
        f"rebuild: most of its items are in theme {ids['pending']} now. Bring it back, same "
        f"id: tradeoff restore {theme}."
    ) in seen.text
    assert f"<code>tradeoff restore {theme}</code>" in seen.text
    assert RESTORE_FORM.format(theme) not in seen.text
    refused = viewer.post(f"/themes/{theme}/restore", data={"csrf_token": page_token(viewer)})
    assert refused.status_code == 403
    assert row(engine, theme)[1] is ThemeStatus.ARCHIVED

    editor = signed_in(Role.EDITOR)
    page = editor.get(f"/themes/{theme}").text
    assert RESTORE_FORM.format(theme) in page
    assert "with the 130 items it held that are still here" in page
    # An active theme has no such button, and restoring it is refused with the reason.
    pending = editor.get(f"/themes/{ids['pending']}").text
    assert "/restore" not in pending
    active = editor.post(
        f"/themes/{ids['pending']}/restore", data={"csrf_token": page_token(editor)}
    )
    assert active.status_code == 400
    assert f"theme {ids['pending']} is active: there is nothing to restore" in active.text

    response = editor.post(f"/themes/{theme}/restore", data={"csrf_token": page_token(editor)})
    assert response.status_code == 303
    assert response.headers["location"] == f"/themes/{theme}?restored=130"
    landed = editor.get(response.headers["location"])
    assert landed.status_code == 200
    assert "Restored with 130 items; it is a person&#39;s theme now" in landed.text
    assert "<h1>Card hasn&#39;t arrived</h1>" in landed.text
    assert row(engine, theme) == (NAME, ThemeStatus.ACTIVE, True, AssignedBy.PERSON, None)
    assert filed(engine, theme) == before


def test_a_restore_without_the_form_token_changes_nothing(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    engine = workspace.engine
    by_intent = tickets(engine)
    ids = first_rebuild(engine, by_intent)
    with write_session(engine) as session:
        rename_theme(session, ids["cards"], NAME)
    rebuild_named(engine, spread(by_intent))
    editor = signed_in(Role.EDITOR)
    response = editor.post(f"/themes/{ids['cards']}/restore", data={"csrf_token": "forged"})
    assert response.status_code == 403
    assert row(engine, ids["cards"])[1] is ThemeStatus.ARCHIVED
