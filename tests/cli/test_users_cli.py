"""``tradeoff user`` and ``tradeoff serve``: accounts made in the terminal log in on the web."""

from __future__ import annotations

import io
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.cli.helpers import CliResult, run_cli
from tests.web.conftest import log_in
from tradeoff.web.app import create_app


def add(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    email: str,
    role: str,
    password: str = "a long enough passphrase",  # noqa: S107 - a test account's
) -> CliResult:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return run_cli(capsys, "--db", url, "user", "add", email, "--role", role, "--password-stdin")


def test_a_user_added_in_the_terminal_logs_in_on_the_web(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, workspace_url: str
) -> None:
    result = add(capsys, monkeypatch, workspace_url, "Ana@Example.com", "admin")
    assert (result.exit_code, result.stdout) == (0, "Added ana@example.com (admin).\n")
    with TestClient(create_app(workspace_url, secure_cookies=False), follow_redirects=False) as web:
        log_in(web, "ana@example.com", "a long enough passphrase")
        assert "ana@example.com (admin)" in web.get("/").text


def test_list_and_disable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, workspace_url: str
) -> None:
    assert run_cli(capsys, "--db", workspace_url, "user", "list").stdout == (
        "No users yet: tradeoff user add EMAIL --role admin\n"
    )
    add(capsys, monkeypatch, workspace_url, "vic@example.com", "viewer")
    add(capsys, monkeypatch, workspace_url, "ana@example.com", "admin")
    with TestClient(create_app(workspace_url, secure_cookies=False), follow_redirects=False) as web:
        log_in(web, "vic@example.com", "a long enough passphrase")
        disabled = run_cli(capsys, "--db", workspace_url, "user", "disable", "VIC@example.com")
        assert disabled.stdout == "Disabled vic@example.com; their sessions have ended.\n"
        assert web.get("/").status_code == 303
    listed = run_cli(capsys, "--db", workspace_url, "user", "list")
    assert listed.stdout == "ana@example.com  admin  active\nvic@example.com  viewer  disabled\n"


def test_refusals_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, workspace_url: str
) -> None:
    add(capsys, monkeypatch, workspace_url, "ana@example.com", "admin")
    cases = [
        (add(capsys, monkeypatch, workspace_url, "ANA@example.com", "viewer"), 1, "already exists"),
        (
            add(capsys, monkeypatch, workspace_url, "bo@example.com", "viewer", "short"),
            2,
            "at least 8",
        ),
        (
            add(capsys, monkeypatch, workspace_url, "bo@example.com", "viewer", "Password1"),
            2,
            "common",
        ),
        (add(capsys, monkeypatch, workspace_url, "not-an-email", "viewer"), 2, "not an email"),
        (run_cli(capsys, "--db", workspace_url, "user", "disable", "x@example.com"), 1, "no user"),
    ]
    for result, code, words in cases:
        assert result.exit_code == code, result
        assert result.stderr.startswith("error: "), result
        assert words in result.stderr, result
        assert result.stderr.count("\n") == 1
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    no_terminal = run_cli(capsys, "--db", workspace_url, "user", "add", "bo@example.com")
    assert no_terminal.exit_code == 2
    assert "--password-stdin" in no_terminal.stderr


def test_serve_refuses_to_start_without_an_admin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, workspace_url: str
) -> None:
    add(capsys, monkeypatch, workspace_url, "vic@example.com", "viewer")
    result = run_cli(capsys, "--db", workspace_url, "serve")
    assert result.exit_code == 2
    assert "tradeoff user add you@example.com --role admin" in result.stderr


def test_serve_runs_the_app_on_the_workspace(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, workspace_url: str
) -> None:
    add(capsys, monkeypatch, workspace_url, "ana@example.com", "admin")
    served: dict[str, Any] = {}

    def run(app: FastAPI, **options: Any) -> None:  # stands in for the blocking server loop
        served.update(options, app=app)

    monkeypatch.setattr(uvicorn, "run", run)
    result = run_cli(capsys, "--db", workspace_url, "serve", "--port", "8123")
    assert result.exit_code == 0, result
    assert (served["host"], served["port"]) == ("127.0.0.1", 8123)
    with TestClient(served["app"], follow_redirects=False) as web:
        assert web.get("/").headers["location"] == "/login"
