"""Fixtures shared by the whole suite.

Every test that touches a database runs twice: on a SQLite file and on a real PostgreSQL
server (started by ``scripts/with-postgres.sh``, which exports TRADEOFF_TEST_POSTGRES_URL).
Each test gets a freshly migrated workspace: a SQLite file copied from a template, or the
worker's PostgreSQL database emptied back to its migrated state (tests/pg_workspace.py), so
the migrations run once per engine per session.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from tests.pg_workspace import ReusedDatabase
from tradeoff.config import sqlite_url_for
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade

POSTGRES_ENV = "TRADEOFF_TEST_POSTGRES_URL"
# One template per pytest-xdist worker: workers must not drop each other's template.
TEMPLATE_DB = f"tradeoff_template_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
ENGINES = ["sqlite", "postgresql"]


def postgres_admin_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {POSTGRES_ENV} is not set: PostgreSQL tests cannot be skipped")
    return None


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = open_engine(sqlite_url_for(path))
    upgrade(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_template() -> str | None:
    """Name of a migrated template database on the test server, or None when there is none."""
    admin_url = postgres_admin_url()
    if admin_url is None:
        return None
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE_DB}"))
        connection.execute(text(f"CREATE DATABASE {TEMPLATE_DB}"))
    template = open_engine(make_url(admin_url).set(database=TEMPLATE_DB).render_as_string(False))
    upgrade(template)
    template.dispose()
    admin.dispose()
    return TEMPLATE_DB


@pytest.fixture(scope="session")
def postgres_workspace(postgres_template: str | None) -> Iterator[ReusedDatabase | None]:
    """This worker's PostgreSQL workspace, emptied again for every test that asks for one."""
    admin_url = postgres_admin_url()
    if postgres_template is None or admin_url is None:
        yield None
        return
    database = ReusedDatabase(admin_url=admin_url, template=postgres_template)
    yield database
    database.drop()


@pytest.fixture(params=ENGINES)
def workspace_url(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    sqlite_template: Path,
    postgres_workspace: ReusedDatabase | None,
) -> str:
    """The URL of a fresh, migrated, empty workspace on each engine."""
    if request.param == "sqlite":
        path = tmp_path / "workspace.db"
        shutil.copyfile(sqlite_template, path)
        return sqlite_url_for(path)
    if postgres_workspace is None:
        pytest.skip(f"no PostgreSQL server ({POSTGRES_ENV} not set)")
    return postgres_workspace.fresh()


@pytest.fixture
def engine(workspace_url: str) -> Iterator[Engine]:
    engine = open_engine(workspace_url)
    yield engine
    engine.dispose()


@pytest.fixture(params=ENGINES)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all, for testing init and upgrades."""
    if request.param == "sqlite":
        yield sqlite_url_for(tmp_path / "empty.db")
        return
    admin_url = postgres_admin_url()
    if admin_url is None:
        pytest.skip(f"no PostgreSQL server ({POSTGRES_ENV} not set)")
    name = f"e_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
