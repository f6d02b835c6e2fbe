"""Migrations: from empty to head, models equal to the migrated schema, version checks."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from tradeoff.errors import SchemaError
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import (
    alembic_config,
    current_revision,
    ensure_current,
    head_revision,
    upgrade,
)
from tradeoff.storage.tables import Base


def test_migrations_have_a_single_head() -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert heads == [head_revision()]


def test_upgrade_from_empty_creates_every_table(empty_database_url: str) -> None:
    engine = open_engine(empty_database_url)
    assert current_revision(engine) is None
    assert upgrade(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    engine.dispose()


def test_upgrade_twice_is_a_no_op(engine: Engine) -> None:
    assert upgrade(engine) == head_revision()
    assert upgrade(engine) == head_revision()


def test_models_match_the_migrated_schema(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_a_workspace_written_by_newer_code_is_refused(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaError, match="newer Tradeoff"):
        ensure_current(engine)
    with pytest.raises(SchemaError, match="newer Tradeoff"):
        upgrade(engine)


def test_a_database_that_is_not_a_workspace_is_refused(empty_database_url: str) -> None:
    engine = open_engine(empty_database_url)
    with pytest.raises(SchemaError, match="tradeoff init"):
        ensure_current(engine)
    engine.dispose()
