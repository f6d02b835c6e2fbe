"""The named errors every layer raises.

The CLI turns each into one line and an exit status in exactly one place (``cli.main``);
the web app will map them to HTTP statuses in one place too. Anything else is a bug.
"""

from __future__ import annotations

from pathlib import Path


class TradeoffError(Exception):
    """Base of every error a user can cause and fix."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(TradeoffError):
    """Bad input in a file or argument, located as precisely as we can (file, line, column)."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        super().__init__(message)
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(self.path)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class ConfigError(TradeoffError):
    """A setting or option that cannot work (a malformed database URL, an unknown engine)."""

    exit_code = 2


class StorageUnavailable(TradeoffError):
    """The workspace database cannot be reached or opened."""


class SchemaError(TradeoffError):
    """The workspace schema does not match this version of Tradeoff."""


class NotFound(TradeoffError):
    """A named record does not exist."""


class Conflict(TradeoffError):
    """The change would break a rule of the data (a duplicate key, a broken link)."""
