"""What every command needs: the workspace URL from the global options, and consoles."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import typer
from sqlalchemy import Engine

from tradeoff.cli.safe_console import SafeConsole
from tradeoff.config import resolve_database_url
from tradeoff.errors import InputError
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import ensure_current

#: Piped output is not cut at 80 columns: tables of imports and counts stay readable in logs.
#: Customer text's control characters are shown, never obeyed (``cli.safe_console``).
console = SafeConsole(highlight=False, markup=False, width=None if sys.stdout.isatty() else 120)
err_console = SafeConsole(stderr=True, highlight=False, soft_wrap=True, markup=False)


@dataclass
class CliState:
    db: str | None = None

    @property
    def url(self) -> str:
        return resolve_database_url(self.db)


def state(ctx: typer.Context) -> CliState:
    root = ctx.find_root()
    if not isinstance(root.obj, CliState):
        root.obj = CliState()
    return root.obj


def open_workspace(ctx: typer.Context) -> Engine:
    """The current workspace, refusing a missing file or a schema of another version."""
    engine = open_engine(state(ctx).url, must_exist=True)
    ensure_current(engine)
    return engine


def rows_go_with_csv(rows: object, csv: bool) -> None:
    """Refuse ``--rows`` away from ``--format csv``: it picks the one table a CSV holds,
    while the table and JSON show every part, so elsewhere it would be silently ignored."""
    if rows is not None and not csv:
        raise InputError("--rows goes with --format csv: the table and JSON show every part")
