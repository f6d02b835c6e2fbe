"""Units of work: one session, one transaction, committed whole or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from tradeoff.errors import Conflict, InputError, StorageUnavailable
from tradeoff.storage.engine import WRITE_OPTION, hide_password


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session, translate_errors(engine):
        yield session


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """Commits when the block ends normally, rolls everything back on any error."""
    writer = engine.execution_options(**{WRITE_OPTION: True})
    with (
        Session(writer, expire_on_commit=False) as session,
        translate_errors(engine),
        session.begin(),
    ):
        yield session


@contextmanager
def translate_errors(engine: Engine) -> Iterator[None]:
    """Database failures become our named errors, once, here."""
    try:
        yield
    except IntegrityError as exc:
        raise Conflict(f"the change breaks a rule of the data: {_first_line(exc.orig)}") from exc
    except DataError as exc:
        raise Conflict(f"a value does not fit the database: {_first_line(exc.orig)}") from exc
    except OverflowError as exc:
        if SQLITE_TOO_LARGE not in str(exc):
            raise
        raise InputError(
            f"a number is too large: ids and counts go up to {SQLITE_LARGEST:,}"
        ) from exc
    except DBAPIError as exc:
        if _is_connection_error(exc):
            raise StorageUnavailable(
                f"cannot reach the workspace database {hide_password(engine.url)}: "
                f"{_first_line(exc.orig)}"
            ) from exc
        if NOT_A_DATABASE in str(exc.orig):  # SQLite, given some other file as --db
            raise StorageUnavailable(
                f"{engine.url.database} is not a Tradeoff workspace: it is not a SQLite "
                "database (create one with 'tradeoff init')"
            ) from exc
        raise


#: The sqlite3 module's words for a number past SQLite's 64-bit integers (an id of 2**63).
SQLITE_TOO_LARGE = "too large to convert to SQLite"
SQLITE_LARGEST = 2**63 - 1
#: SQLite's words for a file that is not a database at all.
NOT_A_DATABASE = "file is not a database"
CONNECTION_WORDS = (
    "connect",
    "connection",
    "unable to open",
    "could not translate host",
    "server closed",
    "timeout",
    "timed out",
    "password authentication",
    "does not exist",
)


def _is_connection_error(exc: DBAPIError) -> bool:
    """Only failures to reach or open the database; "no such column" is a different story."""
    message = str(exc.orig).lower()
    return exc.connection_invalidated or (
        type(exc.orig).__name__ in {"OperationalError", "InterfaceError"}
        and any(word in message for word in CONNECTION_WORDS)
    )


def _first_line(error: BaseException | None) -> str:
    return str(error).strip().splitlines()[0] if error is not None and str(error).strip() else ""
