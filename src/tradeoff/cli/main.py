"""The ``tradeoff`` command: global options, command groups, and the one place errors are shown."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from tradeoff import __version__
from tradeoff.cli import (
    brief,
    check,
    competitors,
    currency,
    decisions,
    demand,
    demo,
    enough,
    experiments,
    goals,
    imports,
    metrics,
    opportunities,
    opportunity_views,
    problems,
    report,
    roadmap,
    sales,
    search,
    serve,
    team,
    theme_edits,
    theme_view,
    themes,
    tokens,
    unanchored,
    users,
    workspace,
)
from tradeoff.cli.context import err_console, state
from tradeoff.cli.usage_names import use_conventional_usage_names
from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import TradeoffError

use_conventional_usage_names()

app = typer.Typer(
    name="tradeoff",
    help="Turn customer evidence into product decisions tied to business outcomes.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tradeoff {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Workspace: a SQLite file path or a database URL. "
            "Default: $TRADEOFF_DATABASE_URL, then ./tradeoff.db.",
            metavar="PATH_OR_URL",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Turn customer evidence into product decisions tied to business outcomes."""
    state(ctx).db = db


workspace.register(app)
imports.register(app)
themes.register(app)
theme_view.register(app)
theme_edits.register(app)
search.register(app)
competitors.register(app)
sales.register(app)
demand.register(app)
problems.register(app)
opportunities.register(app)
unanchored.register(app)
opportunity_views.register(app)
decisions.register(app)
currency.register(app)
report.register(app)
brief.register(app)
metrics.register(app)
goals.register(app)
experiments.register(app)
enough.register(app)
roadmap.register(app)
team.register(app)
check.register(app)
demo.register(app)
users.register(app)
tokens.register(app)
serve.register(app)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every failure a user can fix becomes one line on stderr and an exit status."""
    try:
        app(args=argv, prog_name="tradeoff")
    except SystemExit as exc:
        return exit_status(exc.code)
    except TradeoffError as exc:
        err_console.print(f"error: {exc}")
        return exc.exit_code
    except RuleViolation as exc:
        err_console.print(f"error: {exc}")
        return 2
    except BrokenPipeError:
        # The reader stopped early (`tradeoff evidence | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        err_console.print("interrupted: the command's open transaction was rolled back")
        return 130
    except Exception as exc:
        if os.environ.get("TRADEOFF_DEBUG"):
            raise
        summary = str(exc).splitlines()[0] if str(exc) else ""
        err_console.print(
            f"internal error: {type(exc).__name__}: {summary} "
            "(a bug in Tradeoff; run with TRADEOFF_DEBUG=1 for the traceback)"
        )
        return 70
    return 0


def exit_status(code: object) -> int:
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
