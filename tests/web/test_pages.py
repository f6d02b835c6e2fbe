"""The pages show the workspace's own figures, and customer text only ever escaped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from fastapi.testclient import TestClient

from tests.web.conftest import (
    ESCAPED_NAME,
    HOSTILE_NAME,
    HOSTILE_QUOTE,
    PASSWORD,
    PEOPLE,
    Workspace,
    log_in,
    page_token,
)
from tradeoff.domain.accounts import Account
from tradeoff.domain.enums import AccountLifecycle, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.domain.problems import Opportunity, OpportunityEstimate
from tradeoff.domain.users import Role
from tradeoff.storage import repository, users
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.themes import active_themes
from tradeoff.web.security import CONTENT_SECURITY_POLICY
from tradeoff.web.theme_figures import THEME_PAGES

ESCAPED_QUOTE = "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"


def test_home_lists_the_theme_and_its_numbers(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    page = signed_in(Role.VIEWER).get("/")
    assert page.status_code == 200
    assert "1 themes" in page.text
    assert f'<a href="/themes/{workspace.theme_id}">{ESCAPED_NAME}</a>' in page.text
    assert "No decision's signal has fired." in page.text


def test_home_lists_the_frontier_and_counts_the_dominated(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    """Two opportunities with the same (unknown) user value and viability: the cheaper one
    is more feasible, so it alone is on the frontier and the other is counted as dominated."""
    with write_session(workspace.engine) as session:
        for title, weeks in (("<b>Cheap</b> fix", 2.0), ("Costly rebuild", 30.0)):
            found = repository.add(session, Opportunity(title=title))
            assert found.id is not None
            repository.add(
                session,
                OpportunityEstimate(opportunity_id=found.id, field="effort_weeks", value=weeks),
            )
    page = signed_in(Role.VIEWER).get("/")
    assert page.status_code == 200
    section = page.text.split("Opportunities on the frontier", 1)[1].split("</section>", 1)[0]
    assert "&lt;b&gt;Cheap&lt;/b&gt; fix" in section
    assert "Costly rebuild" not in section
    assert "1 more are dominated" in section


def test_hostile_theme_name_and_quote_are_escaped_everywhere(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    client = signed_in(Role.EDITOR)
    for path in ("/", "/themes", f"/themes/{workspace.theme_id}"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert HOSTILE_NAME not in page.text, path
        assert "<img src=x" not in page.text, path
        assert ESCAPED_NAME in page.text, path
    theme = client.get(f"/themes/{workspace.theme_id}").text
    assert ESCAPED_QUOTE in theme
    assert HOSTILE_QUOTE not in theme
    assert "Exports time out every Monday" in theme


def test_customer_text_sits_in_hx_disable_containers(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    theme = signed_in(Role.VIEWER).get(f"/themes/{workspace.theme_id}").text
    quote = theme.index(ESCAPED_QUOTE)
    container = theme.rindex("<div hx-disable>", 0, quote)
    assert "</div>" not in theme[container:quote], "the quote's container closed before it"


def test_an_editor_renames_a_theme_and_the_name_is_pinned(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    client = signed_in(Role.EDITOR)
    path = f"/themes/{workspace.theme_id}"
    response = client.post(
        f"{path}/rename", data={"name": "Slow exports", "csrf_token": page_token(client, path)}
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{path}?renamed=1"
    with read_session(workspace.engine) as session:
        (theme,) = active_themes(session)
    assert (theme.name, theme.name_pinned) == ("Slow exports", True)
    assert "<h1>Slow exports</h1>" in client.get(path).text


def test_a_blank_name_is_refused_with_a_page_not_a_traceback(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    client = signed_in(Role.EDITOR)
    path = f"/themes/{workspace.theme_id}"
    response = client.post(f"{path}/rename", data={"name": "  ", "csrf_token": page_token(client)})
    assert response.status_code == 400
    assert "a theme&#39;s name cannot be empty" in response.text
    assert "Traceback" not in response.text


def test_only_editors_see_the_rename_form(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    path = f"/themes/{workspace.theme_id}"
    assert "/rename" in signed_in(Role.EDITOR).get(path).text
    assert "/rename" in signed_in(Role.ADMIN).get(path).text
    assert "/rename" not in signed_in(Role.VIEWER).get(path).text


def test_unknown_pages_and_themes_are_rendered_404s(
    signed_in: Callable[[Role], TestClient],
) -> None:
    client = signed_in(Role.VIEWER)
    for path in ("/themes/999999", "/no-such-page"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "<h1>404</h1>" in response.text
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_every_response_carries_the_security_headers(anonymous: TestClient) -> None:
    for path in ("/login", "/", "/static/app.css", "/static/htmx.min.js"):
        headers = anonymous.get(path).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "same-origin", path


def test_pages_load_only_our_own_static_files_and_no_inline_code(anonymous: TestClient) -> None:
    page = anonymous.get("/login").text
    assert '<script src="/static/htmx.min.js" defer></script>' in page
    assert '<link rel="stylesheet" href="/static/app.css">' in page
    assert "<style" not in page
    assert page.count("<script") == 1
    assert '"allowEval": false' in page
    assert '"selfRequestsOnly": true' in page
    assert "htmx" in anonymous.get("/static/htmx.min.js").text


def test_an_admin_adds_a_user_who_can_then_log_in(
    signed_in: Callable[[Role], TestClient], make_client: Callable[..., TestClient]
) -> None:
    admin = signed_in(Role.ADMIN)
    form = {"email": "Bo@Example.com", "role": "editor", "password": "another passphrase"}
    response = admin.post("/users", data={**form, "csrf_token": page_token(admin, "/users")})
    assert (response.status_code, response.headers["location"]) == (303, "/users")
    assert "<td>bo@example.com</td><td>editor</td>" in admin.get("/users").text
    bo = log_in(make_client(), "bo@example.com", "another passphrase")
    assert "bo@example.com (editor)" in bo.get("/").text


def test_adding_a_user_refuses_weak_passwords_duplicates_and_unknown_roles(
    signed_in: Callable[[Role], TestClient],
) -> None:
    admin = signed_in(Role.ADMIN)
    token = page_token(admin, "/users")
    cases = [
        ({"email": "bo@example.com", "role": "viewer", "password": "short"}, 400, "at least 8"),
        ({"email": "bo@example.com", "role": "viewer", "password": "password1"}, 400, "common"),
        ({"email": "VIC@example.com", "role": "viewer", "password": PASSWORD}, 409, "already"),
        ({"email": "bo@example.com", "role": "owner", "password": PASSWORD}, 400, "not one of"),
    ]
    for form, status, words in cases:
        response = admin.post("/users", data={**form, "csrf_token": token})
        assert response.status_code == status, form
        assert words in response.text, form
    assert "bo@example.com" not in admin.get("/users").text


def test_an_admin_disables_a_user_and_their_session_ends_but_not_their_own(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    admin, viewer = signed_in(Role.ADMIN), signed_in(Role.VIEWER)
    with read_session(workspace.engine) as session:
        ada = users.find_user(session, PEOPLE[Role.ADMIN])
        vic = users.find_user(session, PEOPLE[Role.VIEWER])
    assert ada is not None
    assert vic is not None
    token = page_token(admin, "/users")
    assert admin.post(f"/users/{vic.id}/disable", data={"csrf_token": token}).status_code == 303
    assert viewer.get("/").status_code == 303
    own = admin.post(f"/users/{ada.id}/disable", data={"csrf_token": token})
    assert own.status_code == 409
    assert "cannot disable your own account" in own.text
    assert admin.get("/").status_code == 200


def test_only_admins_see_the_users_link(signed_in: Callable[[Role], TestClient]) -> None:
    assert '<a href="/users">Users</a>' in signed_in(Role.ADMIN).get("/").text
    assert '<a href="/users">Users</a>' not in signed_in(Role.EDITOR).get("/").text


def test_the_theme_list_shows_each_theme_s_monthly_trend(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    """Both items of the theme arrived in March 2026: the trend shows the twelve months up to
    this month (the month `tradeoff demand` counts to, not the newest evidence's), March's
    two among them, and this month's bar apart as the month so far."""
    this_month = datetime.now(UTC).date().replace(day=1)
    wanted = [this_month]
    while len(wanted) < 12:
        wanted.insert(0, (wanted[0] - timedelta(days=1)).replace(day=1))
    names = [f"{m:%Y-%m}" for m in wanted]
    page = signed_in(Role.VIEWER).get("/themes")
    assert page.status_code == 200
    row = page.text.split(f'href="/themes/{workspace.theme_id}"', 1)[1].split("</tr>", 1)[0]
    title = row.split('class="trend" title="', 1)[1].split('"', 1)[0]
    assert title.endswith(" (the last month so far)")
    months = [
        part.split(": ") for part in title.removesuffix(" (the last month so far)").split(" · ")
    ]
    assert months == [[m, "2" if m == "2026-03" else "0"] for m in names]
    bars = row.split('class="trend" title="', 1)[1].split('">', 1)[1].split("</td>", 1)[0]
    drawn = ["█" if m == "2026-03" else "▁" for m in names]
    assert bars == "".join(drawn[:-1]) + f'<span class="so-far">{drawn[-1]}</span>'


def test_a_theme_page_is_kept_until_the_workspace_changes(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    """The page's figures are computed once per data version: a second view reuses them, and
    a new item filed under the theme (a write, whoever makes it) makes them current again."""
    client = signed_in(Role.VIEWER)
    path = f"/themes/{workspace.theme_id}"
    start = THEME_PAGES.computations(workspace.engine, workspace.theme_id)
    assert "2 evidence items" in client.get(path).text
    assert "2 evidence items" in client.get(path).text
    assert THEME_PAGES.computations(workspace.engine, workspace.theme_id) == start + 1
    with write_session(workspace.engine) as session:
        item = repository.add(
            session,
            EvidenceItem(
                source="zendesk",
                external_id="t-late",
                kind=EvidenceKind.TICKET,
                text="Exports still time out on Mondays",
                created_at=datetime(2026, 4, 6, tzinfo=UTC),
            ),
        )
        assert item.id is not None
        repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=workspace.theme_id))
    assert "3 evidence items" in client.get(path).text
    assert THEME_PAGES.computations(workspace.engine, workspace.theme_id) == start + 2


def test_the_theme_list_shows_the_revenue_at_stake_of_the_citing_customers(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    """Both items come from Acme; once Acme is a customer paying 12,000 a year, the theme
    has USD 12,000.00 at stake (ARR of citing customers, no open pipeline), counted once."""
    with write_session(workspace.engine) as session:
        [acme] = repository.list_all(session, Account)
        acme.arr, acme.currency = Decimal("12000"), "USD"
        acme.lifecycle = AccountLifecycle.CUSTOMER
        repository.update(session, acme)
    page = signed_in(Role.VIEWER).get("/themes")
    row = page.text.split(f'href="/themes/{workspace.theme_id}"', 1)[1].split("</tr>", 1)[0]
    assert "<td>USD 12,000.00</td>" in row


def test_a_theme_page_lists_counter_evidence_and_praise_of_its_area_escaped(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    """The complaints' page lists its own praise (counter evidence) and names the praise
    theme of its area with that theme's praise, every customer word escaped."""
    written = {
        "csv export · timeout": [
            "The CSV export times out on big projects.",
            "CSV export drops the last column.",
            "Our CSV export has the wrong dates.",
            'The CSV export is great now "><img src=x onerror=alert(2)>',
        ],
        "csv export · love": [
            "Love the CSV export <b>so much</b>.",
            "The CSV export is fantastic, works perfectly.",
        ],
    }
    ids: dict[str, int] = {}
    with write_session(workspace.engine) as session:
        for name, texts in written.items():
            theme = repository.add(session, Theme(name=name))
            assert theme.id is not None
            ids[name] = theme.id
            for text in texts:
                item = repository.add(
                    session,
                    EvidenceItem(
                        source="zendesk",
                        external_id=text[:20],
                        kind=EvidenceKind.TICKET,
                        text=text,
                        created_at=datetime(2026, 3, 3, tzinfo=UTC),
                    ),
                )
                assert item.id is not None
                repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme.id))
    complaints, praise = ids["csv export · timeout"], ids["csv export · love"]
    client = signed_in(Role.VIEWER)
    page = client.get(f"/themes/{complaints}").text
    counter = page.split("<h2>Counter evidence</h2>", 1)[1].split("</ul>", 1)[0]
    assert "1 item speaks well of it; the newest:" in counter
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in counter
    area = page.split("<h2>Praise of its area</h2>", 1)[1].split("</ul>", 1)[0]
    assert f'<a href="/themes/{praise}">theme {praise} · csv export · love</a>' in area
    assert "2 of its 2 items speak well" in area
    assert "Love the CSV export &lt;b&gt;so much&lt;/b&gt;." in area
    assert "<img src=x" not in page
    assert "<b>so much" not in page
    container = page.rindex("<div hx-disable>", 0, page.index("Praise of its area"))
    assert "</div>" not in page[container : page.index("Love the CSV export")]
    back = client.get(f"/themes/{praise}").text
    assert f'Speaks well of the area of <a href="/themes/{complaints}">theme {complaints}' in back
    detail = client.get(f"/api/v1/themes/{complaints}").json()
    assert detail["praised_in_themes"] == [praise]
    assert client.get(f"/api/v1/themes/{praise}").json()["speaks_well_of_theme"] == complaints


def test_a_praise_theme_is_marked_on_the_theme_list_and_comes_last_on_home(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    """Acme, paying 12,000 a year, praises support three times: with the same revenue at
    stake as the complaints' theme and more items, the praise would lead the home page's
    demand; it is marked praise on both pages and listed after them, its money still shown."""
    with write_session(workspace.engine) as session:
        [acme] = repository.list_all(session, Account)
        acme.arr, acme.currency = Decimal("12000"), "USD"
        acme.lifecycle = AccountLifecycle.CUSTOMER
        repository.update(session, acme)
        theme = repository.add(session, Theme(name="support · great · team"))
        assert theme.id is not None
        assert acme.id is not None
        for n, text in enumerate(
            ("Your support team is fantastic.", "Great customer service!", "Love the team.")
        ):
            item = repository.add(
                session,
                EvidenceItem(
                    source="delighted", external_id=f"nps{n}", kind=EvidenceKind.SURVEY,
                    text=text, created_at=datetime(2026, 3, 3, tzinfo=UTC), account_id=acme.id,
                ),
            )  # fmt: skip
            assert item.id is not None
            repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme.id))
    client = signed_in(Role.VIEWER)
    listed = client.get("/themes").text
    rows = {
        theme_id: listed.split(f'href="/themes/{theme_id}"', 1)[1].split("</tr>", 1)[0]
        for theme_id in (workspace.theme_id, theme.id)
    }
    assert ">praise</span>" in rows[theme.id]
    assert "<td>USD 12,000.00</td>" in rows[theme.id]
    assert "praise" not in rows[workspace.theme_id]
    home = client.get("/").text
    demand = home.split('<section hx-disable id="demand">', 1)[1].split("</section>", 1)[0]
    assert demand.index(f'href="/themes/{workspace.theme_id}"') < demand.index(
        f'href="/themes/{theme.id}"'
    )
    assert demand.count(">praise</span>") == 1
