"""The HTTP API against a real workspace (SQLite and PostgreSQL), through bearer tokens.

Every figure is checked against the Python function the CLI uses, and every count against
an independent SQL count, so the API cannot drift from the terminal.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from tests.web.conftest import HOSTILE_NAME, HOSTILE_QUOTE, PEOPLE, Workspace
from tradeoff.decisions.assessment import assess_opportunities
from tradeoff.decisions.decision_draft import DecisionDraft
from tradeoff.decisions.frontier import frontier
from tradeoff.decisions.log import list_decisions, record_decision
from tradeoff.decisions.opportunities import new_opportunity
from tradeoff.decisions.problems import new_problem, problem_list
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.domain.users import Role
from tradeoff.storage import repository, users
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables.evidence import EvidenceItemRow
from tradeoff.web.api.auth import issue_token

Api = Callable[[Role], TestClient]


@pytest.fixture
def api(make_client: Callable[..., TestClient], workspace: Workspace) -> Api:
    """A client sending a fresh token of the given role's user, and no cookie."""

    def as_role(role: Role) -> TestClient:
        token, _ = issue_token(workspace.engine, PEOPLE[role], f"{role.value} test")
        client = make_client()
        client.headers["Authorization"] = f"Bearer {token}"
        return client

    return as_role


def add_items(workspace: Workspace, count: int) -> None:
    with write_session(workspace.engine) as session:
        for number in range(count):
            repository.add(
                session,
                EvidenceItem(
                    source="intercom" if number % 3 else "gong",
                    external_id=f"bulk{number}",
                    kind=EvidenceKind.CALL if number % 3 == 0 else EvidenceKind.CHAT,
                    text=f"Bulk item {number}",
                    created_at=datetime(2026, 4, 1, tzinfo=UTC),
                ),
            )


def test_a_token_is_shown_once_stored_hashed_and_works(
    make_client: Callable[..., TestClient], workspace: Workspace
) -> None:
    token, stored = issue_token(workspace.engine, PEOPLE[Role.VIEWER], "CI export")
    assert token.startswith("tro_")
    assert len(token) >= 4 + 43
    assert stored.prefix == token[:8]
    assert token not in repr(stored)
    with workspace.engine.connect() as connection:
        rows = connection.execute(text("SELECT prefix, token_hash FROM api_tokens")).all()
    assert rows == [(token[:8], hashlib.sha256(token.encode()).hexdigest())]
    client = make_client()
    response = client.get("/api/v1/themes", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    with read_session(workspace.engine) as session:
        (listed,) = users.list_tokens(session)
    assert listed.last_used_at is not None


def test_themes_match_the_python_api_and_hostile_text_is_data(
    api: Api, workspace: Workspace
) -> None:
    client = api(Role.VIEWER)
    page = client.get("/api/v1/themes").json()
    assert page["total"] == 1
    assert (page["limit"], page["offset"]) == (50, 0)
    (theme,) = page["items"]
    assert (theme["id"], theme["name"], theme["items"]) == (workspace.theme_id, HOSTILE_NAME, 2)
    one = client.get(f"/api/v1/themes/{workspace.theme_id}")
    assert one.headers["content-type"] == "application/json"
    assert HOSTILE_QUOTE in {q["text"] for q in one.json()["quotes"]}
    assert one.json()["name"] == HOSTILE_NAME
    # JSON-escaped on the wire: the quote's double quote is a \" escape, no markup is made.
    assert '\\"><img src=x onerror=alert(1)>' in one.text


def test_evidence_pages_and_filters_match_independent_counts(
    api: Api, workspace: Workspace
) -> None:
    add_items(workspace, 23)
    client = api(Role.VIEWER)
    seen: list[int] = []
    for offset in range(0, 30, 10):
        page = client.get(f"/api/v1/evidence?limit=10&offset={offset}").json()
        assert page["total"] == 25
        seen += [item["id"] for item in page["items"]]
    with read_session(workspace.engine) as session:
        ids = list(session.scalars(select(EvidenceItemRow.id).order_by(EvidenceItemRow.id)))
        gong = session.scalar(
            select(func.count())
            .where(EvidenceItemRow.source == "gong")
            .select_from(EvidenceItemRow)
        )
    assert seen == ids
    filtered = client.get("/api/v1/evidence?source=gong&kind=call&limit=500").json()
    assert filtered["total"] == gong == len(filtered["items"])
    themed = client.get(f"/api/v1/evidence?theme_id={workspace.theme_id}").json()
    assert themed["total"] == 2
    first = themed["items"][0]
    assert first["account"] == "Acme"
    assert first["theme_ids"] == [workspace.theme_id]
    assert client.get(f"/api/v1/evidence/{first['id']}").json() == first
    assert client.get("/api/v1/evidence?limit=501").status_code == 422
    assert client.get("/api/v1/evidence?kind=nonsense").status_code == 422
    missing = client.get("/api/v1/evidence/999999")
    assert missing.status_code == 404
    assert "detail" in missing.json()


def test_problems_opportunities_decisions_match_the_python_api(
    api: Api, workspace: Workspace
) -> None:
    problem = new_problem(workspace.engine, "Exports time out", severity="high")
    assert problem.id is not None
    new_opportunity(workspace.engine, "Faster exports", problem_ids=[problem.id])
    new_opportunity(workspace.engine, HOSTILE_NAME)
    record = record_decision(
        workspace.engine,
        DecisionDraft(question="Ship async exports?", options=("yes", "no"), chosen="yes"),
    )
    client = api(Role.VIEWER)
    problems = client.get("/api/v1/problems").json()
    expected = problem_list(workspace.engine)
    assert [p["id"] for p in problems["items"]] == [e.summary.id for e in expected]
    assert problems["items"][0]["demand"] == expected[0].demand.to_json()
    opportunities = client.get("/api/v1/opportunities?limit=1&offset=1").json()
    assessed = assess_opportunities(workspace.engine)
    standing = frontier(assessed).standing(assessed[1].id)
    (second,) = opportunities["items"]
    assert opportunities["total"] == 2
    assert second["title"] == HOSTILE_NAME
    assert second["viability"]["value"] == assessed[1].dimensions[1].score.value
    assert second["on_frontier"] == standing.on_frontier
    decisions = client.get("/api/v1/decisions").json()
    assert [d["id"] for d in decisions["items"]] == [r.id for r in list_decisions(workspace.engine)]
    one = client.get(f"/api/v1/decisions/{record.id}").json()
    assert one["question"] == "Ship async exports?"
    assert one["chosen"] == "yes"
    assert client.get("/api/v1/decisions/999999").status_code == 404


def test_the_openapi_schema_lists_the_api_paths(anonymous: TestClient) -> None:
    schema = anonymous.get("/api/v1/openapi.json").json()
    assert set(schema["paths"]) == {
        "/themes",
        "/themes/{theme_id}",
        "/themes/{theme_id}/rename",
        "/evidence",
        "/evidence/{evidence_id}",
        "/problems",
        "/opportunities",
        "/decisions",
        "/decisions/{decision_id}",
    }
    assert "bearer" in str(schema["components"]["securitySchemes"]).lower()
    # The HTML app still publishes no schema of its own.
    assert anonymous.get("/openapi.json").status_code == 404
