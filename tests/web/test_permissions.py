"""Every route × anonymous / viewer / editor / admin → the status each must get.

A route added to the app without a row here fails ``test_the_matrix_covers_every_route``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.conftest import ESCAPED_NAME, PASSWORD, PEOPLE, Workspace, page_token
from tradeoff.domain.users import Role
from tradeoff.storage import users
from tradeoff.storage.session import read_session
from tradeoff.storage.themes import active_themes

ANONYMOUS = None
#: (method, path) → expected status for anonymous, viewer, editor, admin.
MATRIX: dict[tuple[str, str], tuple[int, int, int, int]] = {
    ("GET", "/decisions"): (303, 200, 200, 200),
    ("GET", "/decisions/new"): (303, 403, 200, 200),
    ("POST", "/decisions"): (401, 403, 400, 400),
    ("GET", "/decisions/{decision_id}"): (303, 404, 404, 404),
    ("GET", "/opportunities"): (303, 200, 200, 200),
    ("GET", "/opportunities/compare"): (303, 400, 400, 400),
    ("GET", "/opportunities/rank"): (303, 200, 200, 200),
    ("GET", "/problems"): (303, 200, 200, 200),
    ("GET", "/problems/{problem_id}"): (303, 404, 404, 404),
    ("GET", "/evidence"): (303, 200, 200, 200),
    ("POST", "/evidence/bulk"): (401, 403, 400, 400),
    ("GET", "/"): (303, 200, 200, 200),
    ("GET", "/themes"): (303, 200, 200, 200),
    ("GET", "/themes/{theme_id}"): (303, 200, 200, 200),
    ("POST", "/themes/{theme_id}/rename"): (401, 403, 303, 303),
    ("POST", "/themes/{theme_id}/merge"): (401, 403, 400, 400),
    ("POST", "/themes/{theme_id}/split"): (401, 403, 400, 400),
    ("POST", "/themes/{theme_id}/move"): (401, 403, 400, 400),
    ("POST", "/themes/{theme_id}/restore"): (401, 403, 400, 400),
    ("POST", "/logout"): (401, 303, 303, 303),
    ("GET", "/users"): (303, 403, 403, 200),
    ("POST", "/users"): (401, 403, 403, 303),
    ("POST", "/users/{user_id}/disable"): (401, 403, 403, 303),
    ("GET", "/settings"): (303, 200, 200, 200),
    ("POST", "/settings/workspace"): (401, 403, 403, 400),
    ("POST", "/settings/domains"): (401, 403, 403, 400),
    ("POST", "/settings/domains/remove"): (401, 403, 403, 400),
    ("GET", "/settings/tokens"): (303, 403, 403, 200),
    ("POST", "/settings/tokens"): (401, 403, 403, 400),
    ("POST", "/settings/tokens/{token_id}/revoke"): (401, 403, 403, 404),
    ("GET", "/settings/currency"): (303, 200, 200, 200),
    ("POST", "/settings/currency"): (401, 403, 403, 400),
    ("POST", "/settings/currency/{code}/delete"): (401, 403, 403, 404),
    ("GET", "/sales"): (303, 200, 200, 200),
    ("GET", "/competitors"): (303, 200, 200, 200),
    ("GET", "/competitors/{name}"): (303, 404, 404, 404),
    ("GET", "/briefs/{room}"): (303, 200, 200, 200),
    ("GET", "/assumptions"): (303, 200, 200, 200),
    ("GET", "/assumptions/{assumption_id}"): (303, 404, 404, 404),
    ("POST", "/assumptions/{assumption_id}/status"): (401, 403, 404, 404),
    ("GET", "/experiments"): (303, 200, 200, 200),
    ("GET", "/experiments/{experiment_id}"): (303, 404, 404, 404),
    ("POST", "/experiments/{experiment_id}/result"): (401, 403, 404, 404),
    ("GET", "/check"): (303, 200, 200, 200),
    ("GET", "/coverage"): (303, 200, 200, 200),
}
#: Routes anyone may reach: the login form itself.
PUBLIC = {("GET", "/login"), ("POST", "/login")}
WHO: list[Role | None] = [ANONYMOUS, Role.VIEWER, Role.EDITOR, Role.ADMIN]


def test_the_matrix_covers_every_route(anonymous: TestClient) -> None:
    app: FastAPI = anonymous.app  # type: ignore[assignment]
    # The schema lists every route the app serves (none is hidden from it).
    routes = {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    }
    assert routes == set(MATRIX) | PUBLIC


@pytest.mark.parametrize("who", WHO, ids=lambda w: w.value if w else "anonymous")
@pytest.mark.parametrize("route", list(MATRIX), ids=lambda r: f"{r[0]} {r[1]}")
def test_each_role_gets_what_the_matrix_says(
    anonymous: TestClient,
    signed_in: Callable[[Role], TestClient],
    workspace: Workspace,
    route: tuple[str, str],
    who: Role | None,
) -> None:
    method, template = route
    with read_session(workspace.engine) as session:
        victim = users.find_user(session, PEOPLE[Role.VIEWER])
    assert victim is not None
    # No problem exists in this workspace: its page is a 404 to everyone signed in.
    path = template.format(
        theme_id=workspace.theme_id,
        user_id=victim.id,
        problem_id=1,
        decision_id=1,
        token_id=1,
        code="GBP",
        name="Zoho",
        room="exec",
        assumption_id=1,
        experiment_id=1,
    )
    client = anonymous if who is None else signed_in(who)
    # A signed-in client posts its real CSRF token, so only the role decides.
    token = page_token(client) if who is not None else "no-session"
    data = {
        "csrf_token": token,
        "name": "Renamed by the matrix",
        "email": "new@example.com",
        "role": "viewer",
        "password": PASSWORD,
    }
    response = client.request(method, path, data=data if method == "POST" else None)
    expected = MATRIX[route][WHO.index(who)]
    assert response.status_code == expected, response.text
    if who is None:
        assert ESCAPED_NAME not in response.text
        if method == "GET":
            assert response.headers["location"] == "/login"
    with read_session(workspace.engine) as session:
        (theme,) = active_themes(session)
    renamed = route[1].endswith("rename") and expected == 303
    assert (theme.name == "Renamed by the matrix") is renamed
    with read_session(workspace.engine) as session:
        added = users.find_user(session, "new@example.com") is not None
        still_active = users.find_user(session, PEOPLE[Role.VIEWER]).active  # type: ignore[union-attr]
    assert added is (route == ("POST", "/users") and expected == 303)
    disabled = route[1].endswith("disable") and expected == 303
    assert still_active is not disabled


def test_a_viewer_cannot_write_even_with_a_valid_token(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    viewer = signed_in(Role.VIEWER)
    path = f"/themes/{workspace.theme_id}"
    response = viewer.post(
        f"{path}/rename", data={"name": "Mine now", "csrf_token": page_token(viewer, path)}
    )
    assert response.status_code == 403
    assert "This needs the editor role." in response.text
    with read_session(workspace.engine) as session:
        assert [t.name for t in active_themes(session)] != ["Mine now"]
