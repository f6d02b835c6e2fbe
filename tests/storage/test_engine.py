"""Opening a workspace: bad URLs, missing files, unreachable servers, and SQLite locking."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tradeoff.config import sqlite_url_for
from tradeoff.errors import ConfigError, StorageUnavailable
from tradeoff.storage.engine import hide_password, open_engine, parse_url
from tradeoff.storage.schema import upgrade
from tradeoff.storage.session import read_session, write_session

SECRET = "s3cr3t-Zoë"


@pytest.mark.parametrize("url", ["not a url", "", "://nothing"])
def test_a_malformed_url_is_a_config_error(url: str) -> None:
    with pytest.raises(ConfigError, match="not a database URL") as caught:
        parse_url(url)
    assert repr(url) in str(caught.value)


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("mysql://tradeoff:s3cr3t-pw@db.internal/tradeoff", "mysql"),
        ("mssql+pyodbc://sa:s3cr3t-pw@sqlserver/tradeoff", "mssql"),
        ("oracle://scott:s3cr3t-pw@orahost/tradeoff", "oracle"),
    ],
)
def test_an_unsupported_database_is_a_config_error_without_the_password(
    url: str, backend: str
) -> None:
    with pytest.raises(ConfigError, match=f"unsupported database '{backend}'") as caught:
        parse_url(url)
    message = str(caught.value)
    assert "s3cr3t-pw" not in message
    assert "***" in message
    assert "postgresql+psycopg://" in message  # says what would work


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////var/lib/tradeoff/workspace.db",
        "sqlite://",
        "postgresql://tradeoff@db.internal/tradeoff",
        "postgresql+psycopg://tradeoff:pw@db.internal:5432/tradeoff",
    ],
)
def test_supported_urls_parse(url: str) -> None:
    assert parse_url(url).get_backend_name() in {"sqlite", "postgresql"}


def test_hide_password_hides_it_in_a_postgresql_url() -> None:
    url = "postgresql+psycopg://tradeoff:s3cr3t-pw@db.internal:5432/tradeoff"
    assert hide_password(url) == "postgresql+psycopg://tradeoff:***@db.internal:5432/tradeoff"
    assert hide_password(make_url(url)) == hide_password(url)


def test_hide_password_hides_an_encoded_password_entirely() -> None:
    url = make_url("postgresql+psycopg://tradeoff@db.internal/tradeoff").set(
        password=SECRET + "@:/"
    )
    shown = hide_password(url.render_as_string(hide_password=False))
    assert shown == "postgresql+psycopg://tradeoff:***@db.internal/tradeoff"
    assert "s3cr3t" not in shown


def test_hide_password_leaves_a_url_without_password_alone() -> None:
    assert hide_password("sqlite:////tmp/w.db") == "sqlite:////tmp/w.db"
    assert hide_password("postgresql://tradeoff@db/t") == "postgresql://tradeoff@db/t"


def test_hide_password_of_a_malformed_url_shows_nothing_of_it() -> None:
    assert hide_password("not a url with s3cr3t-pw") == "<malformed URL>"


def test_open_engine_uses_psycopg_for_plain_postgresql_urls() -> None:
    engine = open_engine("postgresql://tradeoff:pw@127.0.0.1:1/tradeoff")
    assert engine.url.drivername == "postgresql+psycopg"
    engine.dispose()


def test_a_missing_workspace_file_is_not_created_when_it_must_exist(tmp_path: Path) -> None:
    path = tmp_path / "typo.db"
    with pytest.raises(StorageUnavailable, match="no workspace at") as caught:
        open_engine(sqlite_url_for(path), must_exist=True)
    assert str(path) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_workspace_opens_when_it_must_exist(tmp_path: Path) -> None:
    path = tmp_path / "workspace.db"
    creator = open_engine(sqlite_url_for(path))
    upgrade(creator)
    creator.dispose()
    engine = open_engine(sqlite_url_for(path), must_exist=True)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM accounts")).scalar() == 0
    engine.dispose()


@pytest.mark.parametrize("must_exist", [False, True])
def test_a_folder_that_does_not_exist_is_unavailable(tmp_path: Path, must_exist: bool) -> None:
    missing = tmp_path / "no such folder"
    with pytest.raises(StorageUnavailable, match=r"does not exist|no workspace at"):
        open_engine(sqlite_url_for(missing / "workspace.db"), must_exist=must_exist)
    assert not missing.exists()


def test_the_folder_error_names_the_folder(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder"
    with pytest.raises(StorageUnavailable) as caught:
        open_engine(sqlite_url_for(missing / "workspace.db"))
    assert str(caught.value) == f"folder {missing} does not exist"


@pytest.mark.parametrize("session_kind", [read_session, write_session])
def test_an_unreachable_postgresql_is_unavailable_with_the_password_hidden(
    session_kind: object,
) -> None:
    url = make_url("postgresql+psycopg://tradeoff@127.0.0.1:1/tradeoff").set(password=SECRET)
    engine = open_engine(url.render_as_string(hide_password=False))  # lazy: no connection yet
    try:
        with (
            pytest.raises(
                StorageUnavailable, match="cannot reach the workspace database"
            ) as caught,
            session_kind(engine) as session,  # type: ignore[operator]
        ):
            session.execute(text("SELECT 1"))
    finally:
        engine.dispose()
    message = str(caught.value)
    assert "postgresql+psycopg://tradeoff:***@127.0.0.1:1/tradeoff" in message
    assert "s3cr3t" not in message


def other_writer(path: Path) -> sqlite3.Connection:
    """A second process's connection to the same file that gives up at once when locked."""
    connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 0")
    return connection


def test_a_write_session_takes_the_write_lock_up_front(tmp_path: Path) -> None:
    path = tmp_path / "workspace.db"
    engine = open_engine(sqlite_url_for(path))
    upgrade(engine)
    other = other_writer(path)
    try:
        with write_session(engine) as session:
            # Only a read so far, yet a second writer must already queue behind us:
            # BEGIN IMMEDIATE, so two writers never deadlock upgrading read locks.
            session.execute(text("SELECT count(*) FROM accounts"))
            with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once the session has committed
        other.execute("ROLLBACK")
    finally:
        other.close()
        engine.dispose()


def test_a_read_session_does_not_block_writers(tmp_path: Path) -> None:
    path = tmp_path / "workspace.db"
    engine = open_engine(sqlite_url_for(path))
    upgrade(engine)
    other = other_writer(path)
    try:
        with read_session(engine) as session:
            session.execute(text("SELECT count(*) FROM accounts"))
            other.execute("BEGIN IMMEDIATE")
            other.execute(
                "INSERT INTO accounts (name, name_key, lifecycle, attributes) "
                "VALUES ('Brightwater Logistics', 'brightwater logistics', 'customer', '{}')"
            )
            other.execute("COMMIT")
            # WAL: the reader keeps its snapshot while the writer commits.
            assert session.execute(text("SELECT count(*) FROM accounts")).scalar() == 0
    finally:
        other.close()
        engine.dispose()


@pytest.mark.parametrize("workspace_url", ["postgresql"], indirect=True)
def test_postgresql_sessions_run_without_jit(workspace_url: str) -> None:
    """JIT compiled ~0.7 s of code for each demand statement over a temporary table (no
    statistics, so every estimate is large) even on a ten-row workspace."""
    for url, timeout in (
        (workspace_url, "0"),
        # Server options the URL gives are kept.
        (f"{workspace_url}?options=-c%20statement_timeout%3D5s", "5s"),
    ):
        engine = open_engine(url)
        try:
            with read_session(engine) as session:
                assert session.execute(text("SHOW jit")).scalar_one() == "off"
                assert session.execute(text("SHOW statement_timeout")).scalar_one() == timeout
        finally:
            engine.dispose()
