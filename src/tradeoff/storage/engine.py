"""Opening a workspace database: SQLite by default, PostgreSQL by URL.

SQLite is tuned for a CLI and a web app writing the same file: foreign keys on, WAL so
readers never block the writer, a busy timeout instead of instant "database is locked",
and write transactions that take the lock up front (``BEGIN IMMEDIATE``) so two writers
queue rather than deadlock on a lock upgrade. Reads begin deferred and never take it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from tradeoff.errors import ConfigError, StorageUnavailable

SQLITE_BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "tradeoff_write"


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"not a database URL: {url!r}") from None
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise ConfigError(
            f"unsupported database {parsed.get_backend_name()!r} in {hide_password(url)}: "
            "use a SQLite path or a postgresql+psycopg:// URL"
        )
    return parsed


def hide_password(url: str | URL) -> str:
    """The URL as it may be shown on screen or in logs."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except ArgumentError:
        return "<malformed URL>"
    return parsed.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (see below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: an import the user was told is committed survives a power loss.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def open_engine(url: str, *, must_exist: bool = False) -> Engine:
    """An engine for the workspace at ``url``; raises our own errors for bad URLs.

    ``must_exist`` refuses to create a new SQLite file, so a typo in ``--db`` does not
    silently start an empty workspace.
    """
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        if path is not None:
            if must_exist and not path.exists():
                raise StorageUnavailable(
                    f"no workspace at {path}: run 'tradeoff init {path}' first, or pass --db"
                )
            if not path.parent.is_dir():
                raise StorageUnavailable(f"folder {path.parent} does not exist")
        engine = create_engine(parsed)
        _configure_sqlite(engine)
        return engine
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        return create_engine(
            parsed, pool_pre_ping=True, connect_args={"options": _without_jit(parsed)}
        )
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise ConfigError(f"driver for {hide_password(parsed)} is not installed: {exc}") from None


def _without_jit(parsed: URL) -> str:
    """The connection's server options with JIT off, after any the URL gives
    (``?options=-c statement_timeout=5s``): our statements are many short aggregates, often
    over temporary tables with no statistics, for which PostgreSQL compiled ~0.7 s of code
    to save milliseconds (a ten-row workspace's demand statement: 0.7 s instead of 5 ms)."""
    given = parsed.query.get("options", "")
    text = given if isinstance(given, str) else " ".join(given)
    return f"{text} -c jit=off".strip()
