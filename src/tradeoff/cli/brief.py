"""``tradeoff brief exec|sales|team``: each room's brief, generated from the workspace.

A thin shell over ``tradeoff.reports.briefs``: build the typed brief, render it as
Markdown or HTML, print it or write it whole to a file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.dates import optional_day
from tradeoff.reports.briefs import Room, build_brief
from tradeoff.reports.briefs.render import BriefFormat, render
from tradeoff.reports.files import write_atomically


def brief_command(
    ctx: typer.Context,
    room: Annotated[Room, typer.Argument(help="Whose brief: exec, sales or team.")],
    period: Annotated[
        str | None,
        typer.Option("--period", help="A quarter like 2026Q4. [default: the as-of day's quarter]"),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Day figures are read at (YYYY-MM-DD). [default: today]"),
    ] = None,
    output_format: Annotated[
        BriefFormat, typer.Option("--format", help="md (Markdown) or html (one page).")
    ] = BriefFormat.MD,
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Write to this file (whole or not at all), not stdout."),
    ] = None,
) -> None:
    """Write the brief for one room: exec (outcomes against goals, decisions and what we
    will not do, revenue at stake, competition, risks, what we need), sales (what is
    coming and what is not, objection handling, battlecards) or team (problems and why,
    the goal each item serves, trade-offs accepted).

    Every line is labelled fact (with its source and record count), inference (with its
    basis) or assumption. See docs/briefs.md.

    Example: tradeoff brief exec --period 2026Q4 --as-of 2026-11-15 --format html --output exec.html
    """
    brief = build_brief(open_workspace(ctx), room, period=period, as_of=optional_day(as_of))
    text = render(brief, output_format)
    if output is None:
        sys.stdout.write(text)
        return
    console.print(str(write_atomically(text, output)), soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("brief")(brief_command)
