"""Where the workspace is found: --db, then TRADEOFF_DATABASE_URL, then ./tradeoff.db."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.config import DATABASE_URL_ENV, resolve_database_url


def test_db_option_wins_over_the_environment(tmp_path: Path) -> None:
    env = {DATABASE_URL_ENV: "postgresql+psycopg://team@db.internal/tradeoff"}
    url = resolve_database_url(str(tmp_path / "mine.db"), env)
    assert url == f"sqlite:///{tmp_path / 'mine.db'}"


def test_environment_wins_over_the_default() -> None:
    env = {DATABASE_URL_ENV: "postgresql+psycopg://team@db.internal/tradeoff"}
    assert resolve_database_url(None, env) == "postgresql+psycopg://team@db.internal/tradeoff"


def test_default_is_tradeoff_db_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_database_url(None, {}) == f"sqlite:///{tmp_path / 'tradeoff.db'}"


def test_a_path_in_the_environment_is_a_sqlite_file(tmp_path: Path) -> None:
    env = {DATABASE_URL_ENV: str(tmp_path / "team.db")}
    assert resolve_database_url(None, env) == f"sqlite:///{tmp_path / 'team.db'}"
