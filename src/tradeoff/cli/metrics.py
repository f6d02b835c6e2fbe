"""``tradeoff metric new|list|show``: the metric registry, one meaning per metric.

A thin shell over ``tradeoff.strategy.metrics``; values come in through ``tradeoff import
metrics``. Names and descriptions are printed as plain text, never as markup.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from tradeoff.cli.context import console, open_workspace
from tradeoff.domain.enums import MetricDirection, MetricKind
from tradeoff.domain.strategy import MetricDefinition
from tradeoff.strategy.metrics import define, metric_list, metric_page, sparkline

metric_app = typer.Typer(
    help="Metric definitions: the one place a metric's meaning lives.",
    no_args_is_help=True,
)


@metric_app.command("new")
def new_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The metric's name, as everyone will say it.")],
    kind: Annotated[
        MetricKind,
        typer.Option(
            "--kind",
            help="outcome (revenue, retention, adoption, task success, time saved) or "
            "activity (features shipped, tickets closed, story points).",
        ),
    ],
    direction: Annotated[
        MetricDirection, typer.Option("--direction", help="up or down: which way is good.")
    ] = MetricDirection.UP_IS_GOOD,
    unit: Annotated[str | None, typer.Option("--unit", help="count, %, hours, USD...")] = None,
    description: Annotated[
        str | None, typer.Option("--description", help="What it measures, in plain words.")
    ] = None,
    formula: Annotated[
        str | None, typer.Option("--formula", help="How it is computed: a formula or a query.")
    ] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="Who answers for it.")] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Where its values come from.")
    ] = None,
) -> None:
    """Define a metric; its values are then imported with tradeoff import metrics.

    Example: tradeoff metric new "Weekly active businesses" --kind outcome --unit count
    """
    engine = open_workspace(ctx)
    stored = define(
        engine,
        MetricDefinition(
            name=name,
            kind=kind,
            direction=direction,
            unit=unit,
            description=description,
            formula=formula,
            owner=owner,
            source=source,
        ),
    )
    console.print(Text(f"metric {stored.id}: {stored.name} ({stored.kind.value}, "
                       f"{stored.direction.value} is good)"))  # fmt: skip


@metric_app.command("list")
def list_command(ctx: typer.Context) -> None:
    """List the metrics with their kind, direction, unit, number of values and latest value.

    Example: tradeoff metric list
    """
    listed = metric_list(open_workspace(ctx))
    if not listed:
        console.print('No metrics yet: tradeoff metric new "..." --kind outcome')
        return
    table = Table("id", "metric", "kind", "good", "unit", "values", "latest", show_edge=False)
    for entry in listed:
        d, latest = entry.definition, entry.latest
        table.add_row(
            str(d.id), Text(d.name), d.kind.value, d.direction.value, Text(d.unit or "–"),
            f"{entry.values:,}",
            f"{figure(latest.value)} on {latest.observed_on}" if latest else "–",
        )  # fmt: skip
    console.print(table)


@metric_app.command("show")
def show_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The metric's name or its slug.")],
    last: Annotated[int, typer.Option("--last", help="How many latest values to show.")] = 12,
) -> None:
    """Show a metric's definition and its latest whole-business values, with a sparkline.

    Example: tradeoff metric show weekly_active_businesses --last 8
    """
    page = metric_page(open_workspace(ctx), name, limit=last)
    d = page.definition
    console.print(Text(f"metric {d.id}: {d.name}"))
    for label, value in (
        ("kind", d.kind.value),
        ("good", f"{d.direction.value} is good"),
        ("unit", d.unit),
        ("description", d.description),
        ("formula", d.formula),
        ("owner", d.owner),
        ("source", d.source),
    ):
        if value:
            console.print(Text(f"  {label + ':':<13}{value}"))
    if page.segments:
        console.print(Text(f"  {'segments:':<13}{', '.join(page.segments)}"))
    if not page.values:
        console.print(f"No values yet: tradeoff import metrics values.csv   # {d.name} rows")
        return
    shown = [v.value for v in page.values]
    console.print(
        f"Latest {len(shown)} of {page.total_values:,} values (whole business): {sparkline(shown)}"
    )
    table = Table("date", "value", show_edge=False)
    for point in page.values:
        table.add_row(point.observed_on.isoformat(), figure(point.value))
    console.print(table)


def figure(value: float) -> str:
    """A value as people write it: no trailing ``.0``, thousands separated."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def register(app: typer.Typer) -> None:
    app.add_typer(metric_app, name="metric")
