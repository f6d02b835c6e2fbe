"""Logging in and out: rate limit, no enumeration, session ids, CSRF, cookie flags."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.web.conftest import (
    CSRF_INPUT,
    PASSWORD,
    PEOPLE,
    Workspace,
    log_in,
    login_token,
    page_token,
)
from tradeoff.domain.users import Role
from tradeoff.storage import users
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import WebSessionRow
from tradeoff.storage.themes import active_themes
from tradeoff.web.auth import LOGIN_REFUSED, digest

EDNA = PEOPLE[Role.EDITOR]


def attempt(client: TestClient, email: str, password: str) -> tuple[int, str]:
    response = client.post(
        "/login", data={"email": email, "password": password, "csrf_token": login_token(client)}
    )
    return response.status_code, response.text


def replay(make_client: Callable[..., TestClient], token: str) -> TestClient:
    """A fresh browser holding only a copied session cookie."""
    client = make_client()
    client.cookies.set("tradeoff_session", token)
    return client


def session_ids(workspace: Workspace) -> list[str]:
    with read_session(workspace.engine) as session:
        return list(session.scalars(select(WebSessionRow.id)))


def test_a_good_login_starts_a_session_stored_only_as_a_hash(
    anonymous: TestClient, workspace: Workspace
) -> None:
    response = anonymous.post(
        "/login",
        data={
            "email": "Edna@Example.com",
            "password": PASSWORD,
            "csrf_token": login_token(anonymous),
        },
    )
    assert (response.status_code, response.headers["location"]) == (303, "/")
    token = anonymous.cookies["tradeoff_session"]
    assert session_ids(workspace) == [digest(token)]
    assert token not in session_ids(workspace)
    home = anonymous.get("/")
    assert home.status_code == 200
    assert f"{EDNA} (editor)" in home.text


def test_wrong_password_and_unknown_email_get_the_same_answer(anonymous: TestClient) -> None:
    wrong = attempt(anonymous, EDNA, "not her password")
    unknown = attempt(anonymous, "nobody@example.com", "not her password")
    assert wrong[0] == unknown[0] == 400
    assert LOGIN_REFUSED in wrong[1].replace("&#39;", "'")
    # Whole pages, less the fresh form token: nothing tells the two cases apart.
    assert CSRF_INPUT.sub("", wrong[1]) == CSRF_INPUT.sub("", unknown[1])
    assert "tradeoff_session" not in anonymous.cookies


def test_a_disabled_user_cannot_log_in_and_their_sessions_end(
    make_client: Callable[..., TestClient], workspace: Workspace
) -> None:
    browser = log_in(make_client(), EDNA)
    with write_session(workspace.engine) as session:
        users.set_active(session, EDNA, active=False)
    assert session_ids(workspace) == []
    assert browser.get("/").status_code == 303
    status, page = attempt(make_client(), EDNA, PASSWORD)
    assert status == 400
    assert "do not match an active account" in page


def test_five_failures_lock_the_email_from_that_address(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client()
    for _ in range(5):
        assert attempt(client, EDNA, "guess guess")[0] == 400
    status, page = attempt(client, EDNA, PASSWORD)  # even the right password now
    assert status == 429
    assert "Too many failed logins" in page
    assert "Wait 15 minutes" in page
    # Other accounts are not locked out by someone guessing Edna's password.
    assert attempt(client, PEOPLE[Role.VIEWER], PASSWORD)[0] == 303


def test_unknown_emails_are_rate_limited_too(anonymous: TestClient) -> None:
    for _ in range(5):
        attempt(anonymous, "ghost@example.com", "guess guess")
    assert attempt(anonymous, "ghost@example.com", "guess guess")[0] == 429


def test_each_login_gets_a_new_session_id_and_ends_the_old_one(
    anonymous: TestClient, make_client: Callable[..., TestClient], workspace: Workspace
) -> None:
    log_in(anonymous, EDNA)
    first = anonymous.cookies["tradeoff_session"]
    log_in(anonymous, EDNA)
    second = anonymous.cookies["tradeoff_session"]
    assert first != second
    assert session_ids(workspace) == [digest(second)]
    assert replay(make_client, first).get("/").status_code == 303
    assert replay(make_client, second).get("/").status_code == 200


def test_a_session_id_planted_before_login_is_not_kept(
    make_client: Callable[..., TestClient], workspace: Workspace
) -> None:
    client = replay(make_client, "chosen-by-the-attacker")
    response = client.post(
        "/login", data={"email": EDNA, "password": PASSWORD, "csrf_token": login_token(client)}
    )
    assert response.status_code == 303
    assert "tradeoff_session=chosen-by-the-attacker" not in response.headers["set-cookie"]
    assert session_ids(workspace) != [digest("chosen-by-the-attacker")]
    assert len(session_ids(workspace)) == 1


def test_logout_ends_the_session_on_the_server(
    anonymous: TestClient, make_client: Callable[..., TestClient], workspace: Workspace
) -> None:
    log_in(anonymous, EDNA)
    token = anonymous.cookies["tradeoff_session"]
    response = anonymous.post("/logout", data={"csrf_token": page_token(anonymous)})
    assert (response.status_code, response.headers["location"]) == (303, "/login")
    assert session_ids(workspace) == []
    assert anonymous.get("/").status_code == 303
    assert replay(make_client, token).get("/").status_code == 303  # a copied cookie is dead


def test_logout_without_the_csrf_token_is_refused(
    anonymous: TestClient, workspace: Workspace
) -> None:
    log_in(anonymous, EDNA)
    assert anonymous.post("/logout", data={}).status_code == 403
    assert anonymous.post("/logout", data={"csrf_token": "wrong"}).status_code == 403
    assert len(session_ids(workspace)) == 1


def test_login_without_or_with_a_wrong_form_token_is_refused(anonymous: TestClient) -> None:
    login_token(anonymous)
    bare = anonymous.post("/login", data={"email": EDNA, "password": PASSWORD})
    wrong = anonymous.post(
        "/login", data={"email": EDNA, "password": PASSWORD, "csrf_token": "forged"}
    )
    assert bare.status_code == wrong.status_code == 403
    assert "tradeoff_session" not in anonymous.cookies


def test_writes_need_the_session_csrf_token(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    editor = signed_in(Role.EDITOR)
    path = f"/themes/{workspace.theme_id}/rename"
    assert editor.post(path, data={"name": "Forged"}).status_code == 403
    assert editor.post(path, data={"name": "Forged", "csrf_token": "x" * 43}).status_code == 403
    with read_session(workspace.engine) as session:
        assert [t.name for t in active_themes(session)] != ["Forged"]


def test_cross_site_writes_are_refused_even_with_a_valid_token(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    editor = signed_in(Role.EDITOR)
    path = f"/themes/{workspace.theme_id}/rename"
    data = {"name": "Forged", "csrf_token": page_token(editor)}
    evil_origin = editor.post(path, data=data, headers={"Origin": "https://evil.example"})
    cross_site = editor.post(path, data=data, headers={"Sec-Fetch-Site": "cross-site"})
    assert evil_origin.status_code == cross_site.status_code == 403
    assert "came from another site" in evil_origin.text
    with read_session(workspace.engine) as session:
        assert [t.name for t in active_themes(session)] != ["Forged"]
    same = editor.post(
        path,
        data={**data, "name": "Same site"},
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )
    assert same.status_code == 303


def test_a_cross_site_login_is_refused(anonymous: TestClient) -> None:
    token = login_token(anonymous)
    response = anonymous.post(
        "/login",
        data={"email": EDNA, "password": PASSWORD, "csrf_token": token},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403


def test_session_cookie_is_httponly_and_lax_on_plain_http(anonymous: TestClient) -> None:
    token = login_token(anonymous)
    response = anonymous.post(
        "/login", data={"email": EDNA, "password": PASSWORD, "csrf_token": token}
    )
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith("tradeoff_session=")
    )
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "samesite=lax", "path=/"} <= flags
    assert "secure" not in flags


def test_session_cookie_is_secure_and_host_prefixed_over_https(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(secure_cookies=None, base_url="https://testserver")
    token = login_token(client)
    response = client.post(
        "/login", data={"email": EDNA, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 303
    cookie = next(
        c
        for c in response.headers.get_list("set-cookie")
        if c.startswith("__Host-tradeoff_session=")
    )
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "samesite=lax", "secure", "path=/"} <= flags
    assert client.get("/").status_code == 200


def test_passwords_are_stored_as_argon2id_with_the_asvs_parameters(workspace: Workspace) -> None:
    with read_session(workspace.engine) as session:
        edna = users.find_user(session, EDNA)
    assert edna is not None
    assert edna.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in edna.password_hash
