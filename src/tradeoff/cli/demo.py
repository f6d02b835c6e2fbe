"""``tradeoff demo``: build the demo workspace from the bundled exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from tradeoff.cli.context import console, state
from tradeoff.cli.imports import print_report, progress_bar
from tradeoff.cli.report import default_path
from tradeoff.cli.themes import found_line
from tradeoff.cli.workspace import counts_table
from tradeoff.demo import load_demo, read_manifest, workspace_table
from tradeoff.reports.html import write_report
from tradeoff.reports.report import build_report
from tradeoff.storage.engine import hide_password, open_engine

#: Where ``tradeoff serve`` listens by default.
WEB_URL = "http://127.0.0.1:8000"


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
    console.print(f"Analysed {found.items:,} evidence items: {found_line(found)}")
    console.print(f"\nDemo workspace: {hide_password(result.url)}")
    console.print(counts_table(result.counts))
    console.print("\nNext:")
    for line in result.next_steps:
        console.print(f"  {line}")
    console.print(f"\nReport: {demo_report(result.url, data)}", soft_wrap=True)
    database = hide_password(result.url).removeprefix("sqlite:///")
    console.print(
        f"Web app: .venv/bin/tradeoff --db {database} user add you@example.com --role admin\n"
        f"         .venv/bin/tradeoff --db {database} serve   # then open {WEB_URL}",
        soft_wrap=True,
        markup=False,
    )


def demo_report(url: str, data: Path) -> Path:
    """The report of the demo workspace, next to it, as of the demo's own "today" and marked
    synthetic on every page (the manifest's ``demo_today`` and ``synthetic``)."""
    table = workspace_table(data, read_manifest(data))
    as_of = date.fromisoformat(str(table["demo_today"])) if "demo_today" in table else None
    note = None
    if table.get("synthetic"):
        note = (
            f"Synthetic demo data: {table.get('company', 'this company')} and everyone in it "
            "are fictional; support-ticket texts are real customer-service queries from "
            "Banking77 (PolyAI, CC BY 4.0)."
        )
    engine = open_engine(url)
    try:
        report = build_report(engine, as_of=as_of, synthetic_note=note)
    finally:
        engine.dispose()
    return write_report(report, default_path(url, "report.html"))


def register(app: typer.Typer) -> None:
    app.command()(demo)
