"""The JSON API says a theme's name is to check as ``tradeoff themes --format json`` does.

A person renames the largest theme through the API; a rebuild at a finer resolution
breaks it up and marks the name (real Banking77 tickets, the real analysis). The list and
the theme's own entry carry ``name_to_check`` with the figures the CLI's JSON gives; a
rename through the API settles the name and the field is null again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.analysis.themed import add_tickets, intent_rows
from tests.cli.helpers import run_cli
from tests.web.conftest import PEOPLE, Workspace
from tests.web.test_stale_theme_names_web import largest_theme
from tradeoff.analysis.discover import DiscoverySettings
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.domain.users import Role
from tradeoff.web.api.auth import issue_token

NAME = "Transfer still pending"


def every_theme(client: TestClient) -> dict[int, dict[str, Any]]:
    response = client.get("/api/v1/themes", params={"limit": 500})
    assert response.status_code == 200
    return {theme["id"]: theme for theme in response.json()["items"]}


def same_check(given: dict[str, Any], cli: dict[str, Any]) -> bool:
    """The same figures; the moment the same (the API writes UTC as Z, the CLI +00:00)."""
    moment = datetime.fromisoformat
    return {**given, "flagged_at": moment(given["flagged_at"])} == {
        **cli,
        "flagged_at": moment(cli["flagged_at"]),
    }


def test_the_api_carries_a_name_to_check_as_the_cli_json_does(
    make_client: Callable[..., TestClient],
    workspace: Workspace,
    capsys: pytest.CaptureFixture[str],
) -> None:
    engine = workspace.engine
    add_tickets(engine, intent_rows(), 10000)
    analyze(engine, StaticEmbedder())
    theme_id = largest_theme(engine)
    token, _ = issue_token(engine, PEOPLE[Role.EDITOR], "API test")
    client = make_client()
    client.headers["Authorization"] = f"Bearer {token}"
    renamed = client.post(f"/api/v1/themes/{theme_id}/rename", json={"name": NAME})
    assert renamed.status_code == 200
    assert renamed.json()["name_to_check"] is None
    assert all(t["name_to_check"] is None for t in every_theme(client).values())

    analyze(engine, StaticEmbedder(), DiscoverySettings(theme_resolution=8.0), rebuild=True)
    shown = run_cli(capsys, "--db", workspace.url, "theme", str(theme_id), "--format", "json")
    expected = json.loads(shown.stdout)["name_to_check"]
    assert expected is not None
    assert expected["items_kept"] < expected["items_named"]
    listed = every_theme(client)
    assert same_check(listed[theme_id]["name_to_check"], expected)
    assert [t for t, theme in listed.items() if theme["name_to_check"]] == [theme_id]
    one = client.get(f"/api/v1/themes/{theme_id}").json()
    assert one["name"] == NAME
    assert same_check(one["name_to_check"], expected)
    assert all(sub["name_to_check"] is None for sub in one["subthemes"])

    settled = client.post(f"/api/v1/themes/{theme_id}/rename", json={"name": NAME})
    assert settled.json()["name_to_check"] is None
    assert every_theme(client)[theme_id]["name_to_check"] is None
