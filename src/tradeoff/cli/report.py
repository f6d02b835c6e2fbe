"""``tradeoff report``: the whole workspace as one self-contained HTML file.

A thin shell over ``tradeoff.reports``: gather (``report.build_report``), render and write
(``html.write_report``), print the path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import make_url

from tradeoff.cli.context import console, open_workspace, state
from tradeoff.cli.dates import optional_day
from tradeoff.reports.html import write_report
from tradeoff.reports.report import build_report

DEFAULT_NAME = "tradeoff-report.html"


def report(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Where to write the HTML file. [default: tradeoff-report.html next to a "
            "SQLite workspace, else in the current folder]",
            metavar="PATH",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Day demand counts from (YYYY-MM-DD); later evidence is left out. "
            "[default: today]",
        ),
    ] = None,
) -> None:
    """Write the report: themes with quotes, demand and money, sales and competitors, in one
    HTML file that opens in any browser with no network and runs no script.

    Customer text is escaped everywhere and the page carries a Content-Security-Policy that
    allows no script at all. The file is written whole or not at all. See docs/report.md.

    Example: tradeoff report --out ~/ledgerly-report.html --as-of 2026-10-31
    """
    day = optional_day(as_of)
    path = out if out is not None else default_path(state(ctx).url)
    engine = open_workspace(ctx)
    written = write_report(build_report(engine, as_of=day), path)
    console.print(str(written), soft_wrap=True)


def default_path(url: str, name: str = DEFAULT_NAME) -> Path:
    """Next to a SQLite workspace file; in the current folder for a server database."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return Path(parsed.database).parent / name
    return Path(name)


def register(app: typer.Typer) -> None:
    app.command()(report)
