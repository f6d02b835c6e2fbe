"""Schema versions: create, check and upgrade a workspace with Alembic.

Every command checks the version first, so old code never writes to a newer schema
(which could lose data) and new code never runs on an old one (which would fail midway).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from tradeoff.errors import SchemaError
from tradeoff.storage.engine import WRITE_OPTION
from tradeoff.storage.session import translate_errors

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def _scripts() -> ScriptDirectory:
    """The package's migrations, read once per process: every command and app start checks
    the schema, and walking the migration files took 40 ms each time."""
    return ScriptDirectory.from_config(alembic_config())


@cache
def _known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _scripts().walk_revisions())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


def current_revision(engine: Engine) -> str | None:
    with translate_errors(engine), engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Bring the workspace to ``revision`` (default: this code's head); returns the new one."""
    check_not_newer(engine)
    config = alembic_config()
    with translate_errors(engine), engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return current_revision(engine) or ""


def check_not_newer(engine: Engine, current: str | None = None) -> None:
    current = current or current_revision(engine)
    if current is not None and current not in _known_revisions():
        raise SchemaError(
            f"this workspace was written by a newer Tradeoff (schema {current}); "
            "upgrade Tradeoff to open it"
        )


def ensure_current(engine: Engine) -> None:
    """Refuse to work on a workspace that is missing, newer, or older than this code."""
    current = current_revision(engine)
    if current is None:
        raise SchemaError("this database is not a Tradeoff workspace yet: run 'tradeoff init'")
    check_not_newer(engine, current)
    if current != head_revision():
        raise SchemaError(
            f"this workspace uses an older schema ({current}); "
            "run 'tradeoff db upgrade' to bring it up to date"
        )
