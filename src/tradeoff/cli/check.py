"""``tradeoff check``: the workspace scored against the product brief's principles, one line
per rule, with ``--strict`` for a team's own CI.

A thin shell over ``tradeoff.strategy.practice.runner``. Titles are customer or user text:
printed as plain text, never markup.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.dates import day_or_today
from tradeoff.cli.problems import json_out
from tradeoff.cli.team import AsOf, OutputFormat
from tradeoff.strategy.practice.model import CheckReport
from tradeoff.strategy.practice.runner import run_check


def check_command(
    ctx: typer.Context,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit with status 1 when any rule fails (for CI).")
    ] = False,
    as_of: AsOf = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="table or json (every rule, item and advice).")
    ] = OutputFormat.TABLE,
) -> None:
    """Score the workspace against the principles: roadmap items without a goal, output key
    results, stated and observed evidence that disagree, proxy-only themes, requests and
    opportunities with no problem, decisions without a revisit signal or options, priority
    churn, unowned areas, PMs without customer contact, stale themes on the roadmap. Each
    rule shows its count, the first items behind it and what to do.

    Example: tradeoff check --strict --as-of 2026-10-31
    """
    report = run_check(open_workspace(ctx), as_of=day_or_today(as_of))
    if output_format is OutputFormat.JSON:
        json_out(report.to_json())
    else:
        print_report(report)
    if strict and report.failed:
        raise typer.Exit(1)


def print_report(report: CheckReport) -> None:
    shown = report.thresholds.shown_items
    console.print(f"Practice check at {report.as_of.isoformat()}: {report.score} rules pass")
    width = max(len(r.title) for r in report.rules)
    for rule in report.rules:
        mark = "✓" if rule.passed else "✗"
        console.print(Text(f"{mark} {rule.title.ljust(width)}  {rule.count:>5}"))
        if rule.measured:
            console.print(Text(f"    {rule.measured}"))
        for finding in rule.findings[:shown]:
            detail = f" ({finding.detail})" if finding.detail else ""
            console.print(Text(f"    {finding.id}: {finding.label}{detail}"))
        hidden = rule.items_behind - min(len(rule.findings), shown)
        if hidden > 0:
            console.print(f"    … and {hidden} more")
        if not rule.passed:
            console.print(Text(f"    → {rule.advice}"))


def register(app: typer.Typer) -> None:
    app.command("check")(check_command)
