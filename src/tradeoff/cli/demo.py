"""``tradeoff demo``: build the demo workspace from the bundled exports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tradeoff.cli.context import console, state
from tradeoff.cli.imports import print_report, progress_bar
from tradeoff.cli.workspace import counts_table
from tradeoff.demo import load_demo
from tradeoff.storage.engine import hide_password


def demo(
    ctx: typer.Context,
    data: Annotated[Path, typer.Option(help="The demo folder (with manifest.toml).")] = Path(
        "demo/data"
    ),
) -> None:
    """Build (or refresh) the demo workspace from the bundled demo exports. Safe to run twice.

    Example: tradeoff --db demo.db demo --data demo/data
    """
    with progress_bar():
        result = load_demo(state(ctx).url, data)
    for report in result.imports:
        print_report(report)
    found = result.analysis
    console.print(
        f"Analysed {found.items:,} evidence items: {found.themes:,} themes, "
        f"{found.subthemes:,} sub-themes, {found.unsorted:,} unsorted."
    )
    console.print(f"\nDemo workspace: {hide_password(result.url)}")
    console.print(counts_table(result.counts))
    console.print("\nNext:")
    for line in result.next_steps:
        console.print(f"  {line}")


def register(app: typer.Typer) -> None:
    app.command()(demo)
