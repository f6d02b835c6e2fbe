"""Where the workspace lives: resolved by a function, never at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DATABASE_URL_ENV = "TRADEOFF_DATABASE_URL"
DEFAULT_WORKSPACE_FILE = "tradeoff.db"


def sqlite_url_for(path: str | Path) -> str:
    """A SQLite URL for a workspace file, absolute so it does not depend on the working dir."""
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def is_url(value: str) -> bool:
    return "://" in value


def resolve_database_url(db: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The workspace URL from ``--db``, then ``TRADEOFF_DATABASE_URL``, then ``./tradeoff.db``.

    ``--db`` and the variable accept either a URL or a path to a SQLite file.

    >>> resolve_database_url("postgresql+psycopg://u@h/db")
    'postgresql+psycopg://u@h/db'
    """
    env = os.environ if environ is None else environ
    chosen = db or env.get(DATABASE_URL_ENV) or DEFAULT_WORKSPACE_FILE
    return chosen if is_url(chosen) else sqlite_url_for(chosen)
