"""A real workspace (SQLite and PostgreSQL), named users of each role, and TestClients.

Nothing is mocked: clients log in through the login form, as a browser does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tradeoff.domain.accounts import Account
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.domain.users import Role, User
from tradeoff.storage import repository, users
from tradeoff.storage.session import write_session
from tradeoff.web.app import create_app
from tradeoff.web.passwords import hash_password

PASSWORD = "correct horse battery"
HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_QUOTE = '"><img src=x onerror=alert(1)>'
ESCAPED_NAME = "&lt;script&gt;alert(1)&lt;/script&gt;"
#: One named user per role, as in the permission matrix.
PEOPLE = {
    Role.ADMIN: "ada@example.com",
    Role.EDITOR: "edna@example.com",
    Role.VIEWER: "vic@example.com",
}
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass(frozen=True)
class Workspace:
    url: str
    engine: Engine
    theme_id: int


@cache
def password_hash(password: str) -> str:
    """A real argon2id hash, made once per password: each takes 25–35 ms by design, and
    every web test's workspace adds three users."""
    return hash_password(password)


def add_user(engine: Engine, email: str, role: Role, password: str = PASSWORD) -> User:
    with write_session(engine) as session:
        return users.add_user(
            session, User(email=email, password_hash=password_hash(password), role=role)
        )


@pytest.fixture
def workspace(workspace_url: str, engine: Engine) -> Workspace:
    """Three users, and one theme whose name and quotes are hostile markup."""
    for role, email in PEOPLE.items():
        add_user(engine, email, role)
    with write_session(engine) as session:
        account = repository.add(session, Account(name="Acme"))
        theme = repository.add(session, Theme(name=HOSTILE_NAME))
        assert theme.id is not None
        for number, text in enumerate((HOSTILE_QUOTE, "Exports time out every Monday")):
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=f"t{number}",
                    kind=EvidenceKind.TICKET,
                    text=text,
                    created_at=datetime(2026, 3, 2, tzinfo=UTC),
                    account_id=account.id,
                ),
            )
            assert item.id is not None
            repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme.id))
    return Workspace(url=workspace_url, engine=engine, theme_id=theme.id)


@pytest.fixture
def make_client(workspace: Workspace) -> Iterator[Callable[..., TestClient]]:
    """New, logged-out browsers for the workspace (cookies not Secure: plain HTTP); slow
    figures are computed before the answer unless ``background=True``."""
    opened: list[TestClient] = []

    def make(
        secure_cookies: bool | None = False,
        base_url: str = "http://testserver",
        background: bool = False,
    ) -> TestClient:
        # Figures computed before each answer unless a test asks for the server's way.
        app = create_app(workspace.url, secure_cookies=secure_cookies, background=background)
        client = TestClient(app, base_url=base_url, follow_redirects=False)
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.close()


@pytest.fixture
def anonymous(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


def login_token(client: TestClient) -> str:
    page = client.get("/login")
    assert page.status_code == 200
    found = CSRF_INPUT.search(page.text)
    assert found is not None
    return found.group(1)


def log_in(client: TestClient, email: str, password: str = PASSWORD) -> TestClient:
    token = login_token(client)
    response = client.post(
        "/login", data={"email": email, "password": password, "csrf_token": token}
    )
    assert response.status_code == 303, response.text
    return client


def page_token(client: TestClient, path: str = "/settings") -> str:
    """The session's CSRF token, read from a page's forms as a browser would."""
    found = CSRF_INPUT.search(client.get(path).text)
    assert found is not None
    return found.group(1)


@pytest.fixture
def signed_in(make_client: Callable[..., TestClient]) -> Callable[[Role], TestClient]:
    def as_role(role: Role) -> TestClient:
        return log_in(make_client(), PEOPLE[role])

    return as_role
