"""Every API route × no token / viewer / editor / admin, and the ways a token is refused.

The API is a mounted sub-application with its own schema, so the pages' matrix in
``test_permissions.py`` cannot see it; this matrix covers it and fails when an API route is
added without a row here.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import HOSTILE_NAME, PEOPLE, Workspace, log_in, page_token
from tradeoff.domain.rules import now_utc
from tradeoff.domain.users import Role
from tradeoff.storage import users
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.themes import active_themes
from tradeoff.web.api.auth import issue_token

#: (method, path) → expected status for no token, viewer, editor, admin.
API_MATRIX: dict[tuple[str, str], tuple[int, int, int, int]] = {
    ("GET", "/themes"): (401, 200, 200, 200),
    ("GET", "/themes/{theme_id}"): (401, 200, 200, 200),
    ("POST", "/themes/{theme_id}/rename"): (401, 403, 200, 200),
    ("GET", "/evidence"): (401, 200, 200, 200),
    ("GET", "/evidence/{evidence_id}"): (401, 200, 200, 200),
    ("GET", "/problems"): (401, 200, 200, 200),
    ("GET", "/opportunities"): (401, 200, 200, 200),
    ("GET", "/decisions"): (401, 200, 200, 200),
    ("GET", "/decisions/{decision_id}"): (401, 404, 404, 404),
}
WHO: list[Role | None] = [None, Role.VIEWER, Role.EDITOR, Role.ADMIN]
RENAMED = "Renamed by the API"


def theme_name(workspace: Workspace) -> str:
    with read_session(workspace.engine) as session:
        (theme,) = active_themes(session)
    return theme.name


def bearer(workspace: Workspace, role: Role) -> dict[str, str]:
    token, _ = issue_token(workspace.engine, PEOPLE[role], "matrix")
    return {"Authorization": f"Bearer {token}"}


def test_the_matrix_covers_every_api_route(anonymous: TestClient) -> None:
    schema = anonymous.get("/api/v1/openapi.json").json()
    routes = {(m.upper(), path) for path, ops in schema["paths"].items() for m in ops}
    assert routes == set(API_MATRIX)


@pytest.mark.parametrize("who", WHO, ids=lambda w: w.value if w else "no-token")
@pytest.mark.parametrize("route", list(API_MATRIX), ids=lambda r: f"{r[0]} {r[1]}")
def test_each_role_gets_what_the_matrix_says(
    anonymous: TestClient, workspace: Workspace, route: tuple[str, str], who: Role | None
) -> None:
    method, template = route
    path = "/api/v1" + template.format(theme_id=workspace.theme_id, evidence_id=1, decision_id=999)
    headers = bearer(workspace, who) if who is not None else {}
    body = {"name": RENAMED} if method == "POST" else None
    response = anonymous.request(method, path, json=body, headers=headers)
    expected = API_MATRIX[route][WHO.index(who)]
    assert response.status_code == expected, response.text
    assert response.headers["content-type"] == "application/json"
    assert "detail" in response.json() or expected == 200
    if who is None:
        assert HOSTILE_NAME not in response.text
        assert response.headers["www-authenticate"] == "Bearer"
    assert (theme_name(workspace) == RENAMED) is (method == "POST" and expected == 200)


def test_revoked_and_disabled_tokens_are_refused(
    anonymous: TestClient, workspace: Workspace
) -> None:
    headers = bearer(workspace, Role.EDITOR)
    assert anonymous.get("/api/v1/themes", headers=headers).status_code == 200
    with write_session(workspace.engine) as session:
        (stored,) = users.list_tokens(session)
        users.revoke_token(session, stored.id, now_utc())
    assert anonymous.get("/api/v1/themes", headers=headers).status_code == 401
    headers = bearer(workspace, Role.EDITOR)
    with write_session(workspace.engine) as session:
        users.set_active(session, PEOPLE[Role.EDITOR], active=False)
    refused = anonymous.post(
        f"/api/v1/themes/{workspace.theme_id}/rename", json={"name": RENAMED}, headers=headers
    )
    assert refused.status_code == 401
    assert HOSTILE_NAME not in refused.text
    for wrong in ("Bearer tro_guess", "Bearer ", "Basic abc", "Bearer " + "x" * 300):
        response = anonymous.get("/api/v1/themes", headers={"Authorization": wrong})
        assert response.status_code == 401, wrong
        assert set(response.json()) == {"detail"}
    assert theme_name(workspace) == HOSTILE_NAME


def test_a_viewer_token_cannot_rename_and_an_editor_can(
    anonymous: TestClient, workspace: Workspace
) -> None:
    path = f"/api/v1/themes/{workspace.theme_id}/rename"
    refused = anonymous.post(path, json={"name": RENAMED}, headers=bearer(workspace, Role.VIEWER))
    assert refused.status_code == 403
    assert refused.json() == {"detail": "This needs the editor role."}
    assert theme_name(workspace) == HOSTILE_NAME
    editor = bearer(workspace, Role.EDITOR)
    assert anonymous.post(path, json={}, headers=editor).status_code == 422
    assert anonymous.post(path, json={"name": ""}, headers=editor).status_code == 422
    missing = anonymous.post("/api/v1/themes/99999/rename", json={"name": "x"}, headers=editor)
    assert missing.status_code == 404
    done = anonymous.post(path, json={"name": RENAMED}, headers=editor)
    assert done.status_code == 200
    assert done.json()["name"] == RENAMED
    assert done.json()["name_pinned"] is True
    assert theme_name(workspace) == RENAMED


def test_a_session_cookie_reads_but_never_writes_without_csrf(
    make_client: Callable[..., TestClient], workspace: Workspace
) -> None:
    browser = log_in(make_client(), PEOPLE[Role.EDITOR])
    assert browser.get("/api/v1/themes").status_code == 200
    path = f"/api/v1/themes/{workspace.theme_id}/rename"
    assert browser.post(path, json={"name": RENAMED}).status_code == 403
    # A bearer token does not skip CSRF while a session cookie is sent too.
    with_token = browser.post(path, json={"name": RENAMED}, headers=bearer(workspace, Role.EDITOR))
    assert with_token.status_code == 403
    # With the session's CSRF token, the cookie still does not authenticate a write.
    csrf = {"X-CSRF-Token": page_token(browser)}
    assert browser.post(path, json={"name": RENAMED}, headers=csrf).status_code == 401
    assert theme_name(workspace) == HOSTILE_NAME
    both = {**csrf, **bearer(workspace, Role.EDITOR)}
    assert browser.post(path, json={"name": RENAMED}, headers=both).status_code == 200
    assert theme_name(workspace) == RENAMED


def test_a_cross_site_write_is_refused_even_with_a_token(
    anonymous: TestClient, workspace: Workspace
) -> None:
    headers = {**bearer(workspace, Role.ADMIN), "Origin": "https://evil.example"}
    path = f"/api/v1/themes/{workspace.theme_id}/rename"
    assert anonymous.post(path, json={"name": RENAMED}, headers=headers).status_code == 403
    assert theme_name(workspace) == HOSTILE_NAME
