"""The Settings pages against a real workspace: what each shows, that an admin's change
reaches the database through the same rules as the terminal, and that nobody else can
change anything or see a token's secret."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.web.conftest import HOSTILE_NAME, PEOPLE, Workspace, page_token
from tradeoff.domain.users import Role
from tradeoff.storage import users
from tradeoff.storage.currency import rates
from tradeoff.storage.session import read_session
from tradeoff.storage.tables.users import ApiTokenRow
from tradeoff.storage.workspace import load_workspace_settings

TOKEN = re.compile(r"<pre class=\"reply\">(tro_[A-Za-z0-9_-]{43})</pre>")

#: Every settings write and a form that would succeed for an admin.
WRITES: dict[str, dict[str, str]] = {
    "/settings/workspace": {
        "company_name": "Taken over",
        "base_currency": "EUR",
        "demand_half_life_days": "30",
        "churn_window_days": "30",
    },
    "/settings/domains": {"domain": "evil.example"},
    "/settings/domains/remove": {"domain": "nwl.example"},
    "/settings/tokens": {"email": PEOPLE[Role.VIEWER], "name": "mine"},
    "/settings/tokens/1/revoke": {},
    "/settings/currency": {"code": "GBP", "rate": "9"},
    "/settings/currency/GBP/delete": {},
}


def snapshot(workspace: Workspace) -> tuple[object, ...]:
    """Everything a settings write could change."""
    with read_session(workspace.engine) as session:
        settings = load_workspace_settings(session)
        tokens = [(t.id, t.name, t.revoked_at) for t in users.list_tokens(session)]
        return (settings, tokens, rates(session))


@pytest.fixture
def admin(signed_in: Callable[[Role], TestClient], workspace: Workspace) -> TestClient:
    """An admin, in a workspace with a domain, a GBP rate and one token of the viewer's."""
    client = signed_in(Role.ADMIN)
    token = page_token(client, "/settings")
    client.post("/settings/domains", data={"domain": "nwl.example", "csrf_token": token})
    client.post("/settings/currency", data={"code": "GBP", "rate": "1.27", "csrf_token": token})
    made = client.post(
        "/settings/tokens",
        data={"email": PEOPLE[Role.VIEWER], "name": "nightly", "csrf_token": token},
    )
    assert made.status_code == 200
    return client


def test_every_signed_in_person_reads_the_workspace_but_only_admins_see_forms(
    admin: TestClient, signed_in: Callable[[Role], TestClient]
) -> None:
    for role in (Role.VIEWER, Role.EDITOR):
        page = signed_in(role).get("/settings")
        assert page.status_code == 200
        assert "<dt>Our email domains</dt><dd>nwl.example</dd>" in page.text
        assert "<dt>Base currency</dt><dd>USD</dd>" in page.text
        assert 'action="/settings/workspace"' not in page.text
        assert 'href="/settings/tokens"' not in page.text
    page = admin.get("/settings")
    assert 'action="/settings/workspace"' in page.text
    assert 'href="/settings/tokens"' in page.text
    assert 'href="/users"' in page.text


def test_an_admin_changes_the_workspace(admin: TestClient, workspace: Workspace) -> None:
    form = {
        "company_name": "Northwind Ledger",
        "base_currency": "eur",
        "demand_half_life_days": "90",
        "churn_window_days": "60",
        "csrf_token": page_token(admin, "/settings"),
    }
    assert admin.post("/settings/workspace", data=form).status_code == 303
    with read_session(workspace.engine) as session:
        settings = load_workspace_settings(session)
    assert (settings.company_name, settings.base_currency) == ("Northwind Ledger", "EUR")
    assert (settings.demand_half_life_days, settings.churn_window_days) == (90, 60)
    assert settings.internal_email_domains == ["nwl.example"]
    assert "<dt>Demand half-life</dt><dd>90 days</dd>" in admin.get("/settings").text


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        ({"demand_half_life_days": "0"}, "demand_half_life_days: must be at least one day"),
        ({"churn_window_days": "soon"}, "churn window must be a whole number of days"),
        ({"base_currency": "EURO"}, "must be a three-letter currency code"),
        ({"company_name": "  "}, "company_name"),
        ({"base_currency": "GBP"}, "GBP has a rate; delete it on the Currency rates page"),
    ],
)
def test_a_bad_workspace_form_says_why_and_changes_nothing(
    admin: TestClient, workspace: Workspace, changed: dict[str, str], message: str
) -> None:
    before = snapshot(workspace)
    form = {
        "company_name": "Northwind Ledger",
        "base_currency": "USD",
        "demand_half_life_days": "180",
        "churn_window_days": "90",
        "csrf_token": page_token(admin, "/settings"),
        **changed,
    }
    response = admin.post("/settings/workspace", data=form)
    assert response.status_code == 400
    (line,) = re.findall(r'<p class="message" role="alert">([^<]*)</p>', response.text)
    assert message in line
    assert snapshot(workspace) == before


def test_our_email_domains_are_added_and_removed(admin: TestClient, workspace: Workspace) -> None:
    token = page_token(admin, "/settings")
    added = admin.post(
        "/settings/domains", data={"domain": "@EU.Northwind.example", "csrf_token": token}
    )
    assert added.status_code == 303
    with read_session(workspace.engine) as session:
        settings = load_workspace_settings(session)
    assert settings.internal_email_domains == ["eu.northwind.example", "nwl.example"]
    # The point of the list: who is one of ours.
    assert settings.is_internal_email("casey@nwl.example")
    removed = admin.post(
        "/settings/domains/remove", data={"domain": "nwl.example", "csrf_token": token}
    )
    assert removed.status_code == 303
    with read_session(workspace.engine) as session:
        settings = load_workspace_settings(session)
    assert settings.internal_email_domains == ["eu.northwind.example"]
    assert not settings.is_internal_email("casey@nwl.example")


@pytest.mark.parametrize(
    ("path", "domain", "message"),
    [
        ("/settings/domains", "not a domain", "is not an email domain"),
        ("/settings/domains", "localhost", "is not an email domain"),
        ("/settings/domains", "nwl.example", "nwl.example is already one of our email domains"),
        ("/settings/domains/remove", "acme.example", "acme.example is not one of our email"),
    ],
)
def test_a_bad_domain_says_why(
    admin: TestClient, workspace: Workspace, path: str, domain: str, message: str
) -> None:
    before = snapshot(workspace)
    response = admin.post(
        path, data={"domain": domain, "csrf_token": page_token(admin, "/settings")}
    )
    assert response.status_code == 400
    assert message in response.text
    assert snapshot(workspace) == before


def test_a_token_is_shown_once_stored_hashed_and_works_until_revoked(
    admin: TestClient, workspace: Workspace
) -> None:
    token = page_token(admin, "/settings/tokens")
    made = admin.post(
        "/settings/tokens",
        data={"email": PEOPLE[Role.EDITOR], "name": "CI export", "csrf_token": token},
    )
    assert made.status_code == 200
    assert made.headers["cache-control"] == "no-store"
    found = TOKEN.search(made.text)
    assert found is not None
    secret = found.group(1)
    with read_session(workspace.engine) as session:
        row = session.execute(
            select(ApiTokenRow).where(ApiTokenRow.name == "CI export")
        ).scalar_one()
        stored = (row.id, row.token_hash, row.prefix, row.revoked_at)
    token_id, token_hash, prefix, revoked = stored
    assert token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert prefix == secret[:8]
    assert revoked is None
    # Listed with its owner, name and state, never its secret again.
    listed = admin.get("/settings/tokens")
    assert secret not in listed.text
    row_html = re.search(rf"<td>{token_id}</td>.*?</tr>", listed.text, re.S)
    assert row_html is not None
    assert f"<code>{prefix}...</code>" in row_html.group(0)
    assert f"<td>{PEOPLE[Role.EDITOR]}</td>" in row_html.group(0)
    assert "<td>never used</td>" in row_html.group(0)
    assert "<td>active</td>" in row_html.group(0)
    api = TestClient(admin.app)
    bearer = {"Authorization": f"Bearer {secret}"}
    assert api.get("/api/v1/themes", headers=bearer).status_code == 200
    revoke = admin.post(f"/settings/tokens/{token_id}/revoke", data={"csrf_token": token})
    assert revoke.status_code == 303
    with read_session(workspace.engine) as session:
        assert session.get(ApiTokenRow, token_id).revoked_at is not None  # type: ignore[union-attr]
    assert api.get("/api/v1/themes", headers=bearer).status_code == 401
    assert "<td>revoked " in admin.get("/settings/tokens").text


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"email": "nobody@example.com", "name": "x"}, "no user with the email nobody@example.com"),
        ({"email": PEOPLE[Role.VIEWER], "name": "  "}, "name"),
    ],
)
def test_a_bad_token_form_says_why(
    admin: TestClient, workspace: Workspace, form: dict[str, str], message: str
) -> None:
    before = snapshot(workspace)
    response = admin.post(
        "/settings/tokens", data={**form, "csrf_token": page_token(admin, "/settings")}
    )
    assert response.status_code == 400
    assert message in response.text
    assert not TOKEN.search(response.text)
    assert snapshot(workspace) == before


def test_a_token_name_written_as_markup_stays_text(admin: TestClient) -> None:
    token = page_token(admin, "/settings/tokens")
    data = {"email": PEOPLE[Role.ADMIN], "name": HOSTILE_NAME, "csrf_token": token}
    assert admin.post("/settings/tokens", data=data).status_code == 200
    page = admin.get("/settings/tokens").text
    assert HOSTILE_NAME not in page
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in page


def test_revoking_an_unknown_token_is_a_404(admin: TestClient) -> None:
    token = page_token(admin, "/settings/tokens")
    assert admin.post("/settings/tokens/999/revoke", data={"csrf_token": token}).status_code == 404


def test_currency_rates_are_set_replaced_and_deleted(
    admin: TestClient, workspace: Workspace, signed_in: Callable[[Role], TestClient]
) -> None:
    token = page_token(admin, "/settings/currency")
    for code, rate in (("eur", "1.08"), ("GBP", "1.3")):
        answer = admin.post(
            "/settings/currency", data={"code": code, "rate": rate, "csrf_token": token}
        )
        assert answer.status_code == 303
    with read_session(workspace.engine) as session:
        assert rates(session) == {"EUR": Decimal("1.08"), "GBP": Decimal("1.3")}
    page = signed_in(Role.VIEWER).get("/settings/currency")
    assert page.status_code == 200
    assert "<td>EUR</td><td>1.08</td>" in page.text
    assert "<td>GBP</td><td>1.3</td>" in page.text
    assert 'action="/settings/currency"' not in page.text  # a viewer reads, never sets
    deleted = admin.post("/settings/currency/GBP/delete", data={"csrf_token": token})
    assert deleted.status_code == 303
    with read_session(workspace.engine) as session:
        assert rates(session) == {"EUR": Decimal("1.08")}
    again = admin.post("/settings/currency/GBP/delete", data={"csrf_token": token})
    assert again.status_code == 404


@pytest.mark.parametrize(
    ("code", "rate", "message"),
    [
        ("GBP", "one", "the rate must be a plain decimal number such as 1.27"),
        ("GBP", "NaN", "the rate must be a plain decimal number"),
        ("GBP", "1_0", "got &#39;1_0&#39;"),  # Python's Decimal reads it as 10
        ("GBP", "1e3", "the rate must be a plain decimal number"),
        ("GBP", "-2", "the rate must be a positive number, got -2"),
        ("GBP", "0", "the rate must be a positive number, got 0"),
        ("POUND", "1.2", "must be a three-letter currency code"),
        ("usd", "1", "USD is the base currency: its rate is always 1"),
    ],
)
def test_a_bad_rate_says_why_and_changes_nothing(
    admin: TestClient, workspace: Workspace, code: str, rate: str, message: str
) -> None:
    before = snapshot(workspace)
    token = page_token(admin, "/settings/currency")
    response = admin.post(
        "/settings/currency", data={"code": code, "rate": rate, "csrf_token": token}
    )
    assert response.status_code == 400
    assert message in response.text
    assert snapshot(workspace) == before


def test_currencies_in_use_without_a_rate_are_named(
    admin: TestClient, workspace: Workspace
) -> None:
    from tests.business.world import build_world

    build_world(workspace.engine)  # deals in JPY, with no JPY rate
    page = admin.get("/settings/currency").text
    assert "No rate for JPY: amounts in it are reported, not added." in page


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR])
@pytest.mark.parametrize("path", list(WRITES))
def test_only_an_admin_changes_settings(
    admin: TestClient,
    signed_in: Callable[[Role], TestClient],
    workspace: Workspace,
    role: Role,
    path: str,
) -> None:
    before = snapshot(workspace)
    client = signed_in(role)
    response = client.post(
        path, data={**WRITES[path], "csrf_token": page_token(client, "/settings")}
    )
    assert response.status_code == 403
    assert "This needs the admin role." in response.text
    assert snapshot(workspace) == before


@pytest.mark.parametrize("path", list(WRITES))
def test_a_write_without_the_csrf_token_is_refused(
    admin: TestClient, workspace: Workspace, path: str
) -> None:
    before = snapshot(workspace)
    assert admin.post(path, data=WRITES[path]).status_code == 403
    assert admin.post(path, data={**WRITES[path], "csrf_token": "forged"}).status_code == 403
    assert snapshot(workspace) == before


@pytest.mark.parametrize("path", list(WRITES))
def test_a_logged_out_write_gets_401(
    admin: TestClient, anonymous: TestClient, workspace: Workspace, path: str
) -> None:
    before = snapshot(workspace)
    assert anonymous.post(path, data={**WRITES[path], "csrf_token": "x"}).status_code == 401
    assert snapshot(workspace) == before


def test_the_admins_writes_above_all_succeed(admin: TestClient, workspace: Workspace) -> None:
    """The forms the refusals above send are good ones: only the role or token stopped them."""
    token = page_token(admin, "/settings")
    for path, form in WRITES.items():
        answer = admin.post(path, data={**form, "csrf_token": token})
        assert answer.status_code in (200, 303), (path, answer.text)
    with read_session(workspace.engine) as session:
        settings = load_workspace_settings(session)
        assert settings.company_name == "Taken over"
        assert settings.internal_email_domains == ["evil.example"]
        assert rates(session) == {}
        assert users.list_tokens(session)[0].revoked_at is not None


@pytest.mark.parametrize("path", ["/settings", "/settings/tokens", "/settings/currency"])
def test_logged_out_readers_are_sent_to_log_in(anonymous: TestClient, path: str) -> None:
    response = anonymous.get(path)
    assert response.status_code == 303
    assert response.headers["location"] == "/login"


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR])
def test_only_admins_see_the_tokens(
    admin: TestClient, signed_in: Callable[[Role], TestClient], role: Role
) -> None:
    client = signed_in(role)
    assert client.get("/settings/tokens").status_code == 403
    for path in ("/settings", "/settings/currency", "/"):
        page = client.get(path).text
        assert "tro_" not in page
        assert "nightly" not in page
