"""``tradeoff token``: a token created in the terminal works as a bearer token, once revoked
it does not, and the workspace never holds it in plain text."""

from __future__ import annotations

import hashlib

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from tests.cli.helpers import run_cli
from tests.web.conftest import add_user
from tradeoff.domain.users import Role
from tradeoff.storage.engine import open_engine
from tradeoff.web.app import create_app


def test_create_list_use_and_revoke(capsys: pytest.CaptureFixture[str], workspace_url: str) -> None:
    engine = open_engine(workspace_url)
    add_user(engine, "vic@example.com", Role.VIEWER)
    assert run_cli(capsys, "--db", workspace_url, "token", "list").stdout == (
        'No API tokens yet: tradeoff token create EMAIL --name "CI export"\n'
    )
    created = run_cli(
        capsys, "--db", workspace_url, "token", "create", "VIC@example.com", "--name", "CI export"
    )
    assert created.exit_code == 0, created
    token = created.stdout.strip()
    assert created.stdout == token + "\n"
    assert token.startswith("tro_")
    assert "not shown again" in created.stderr
    assert token not in created.stderr
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT token_hash, prefix, name FROM api_tokens")).one()
    engine.dispose()
    assert stored == (hashlib.sha256(token.encode()).hexdigest(), token[:8], "CI export")
    with TestClient(create_app(workspace_url, secure_cookies=False)) as web:
        auth = {"Authorization": f"Bearer {token}"}
        assert web.get("/api/v1/themes", headers=auth).status_code == 200
        listed = run_cli(capsys, "--db", workspace_url, "token", "list")
        assert token not in listed.stdout
        line = listed.stdout.strip()
        assert line.startswith(f"1  {token[:8]}...  vic@example.com  CI export  ")
        assert line.endswith("  active")
        assert "never used" not in line
        revoked = run_cli(capsys, "--db", workspace_url, "token", "revoke", "1")
        assert revoked.stdout == f"Revoked token 1 ({token[:8]}...) of vic@example.com.\n"
        assert web.get("/api/v1/themes", headers=auth).status_code == 401
    listed = run_cli(capsys, "--db", workspace_url, "token", "list")
    assert "revoked " in listed.stdout


def test_refusals_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], workspace_url: str
) -> None:
    cases = [
        (("token", "create", "nobody@example.com", "--name", "x"), 1, "no user"),
        (("token", "revoke", "7"), 1, "no API token"),
    ]
    for args, code, words in cases:
        result = run_cli(capsys, "--db", workspace_url, *args)
        assert result.exit_code == code, result
        assert result.stderr.startswith("error: "), result
        assert words in result.stderr, result
        assert result.stderr.count("\n") == 1
    engine = open_engine(workspace_url)
    add_user(engine, "vic@example.com", Role.VIEWER)
    engine.dispose()
    blank = run_cli(
        capsys, "--db", workspace_url, "token", "create", "vic@example.com", "--name", " "
    )
    assert blank.exit_code == 2
    assert blank.stderr.startswith("error: ")


def test_each_command_ends_its_help_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("create", "list", "revoke"):
        result = run_cli(capsys, "token", command, "--help")
        assert f"Example: tradeoff token {command}" in result.stdout
