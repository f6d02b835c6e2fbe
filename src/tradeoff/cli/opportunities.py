"""``tradeoff opportunity new|list|show|link|estimate|override|history|status``: solution
ideas judged on three dimensions, side by side and never summed (principle 4).

A thin shell over ``tradeoff.decisions.opportunities`` (entries and their rules) and
``decisions.assessment`` (the three dimensions; each formula is in its module's docstring
and in docs/problems-and-opportunities.md).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.dates import optional_day
from tradeoff.cli.problems import AsOf, json_out
from tradeoff.decisions.assessment import (
    assess_opportunities,
    assess_opportunity,
    assessed_json,
)
from tradeoff.decisions.estimates import Dimension, Estimate, Origin
from tradeoff.decisions.opportunities import (
    estimate_history,
    link_opportunity,
    new_opportunity,
    opportunity_list,
    record_estimate,
    set_opportunity_status,
)
from tradeoff.decisions.scales import span
from tradeoff.domain.enums import OpportunityStatus
from tradeoff.domain.problems import OpportunityEstimate
from tradeoff.errors import InputError
from tradeoff.safe_csv import write_rows

opportunity_app = typer.Typer(
    help="Opportunities: solution ideas, the problems they address, and their user value, "
    "business viability and technical feasibility.",
    no_args_is_help=True,
)


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


FormatOption = Annotated[OutputFormat, typer.Option("--format", help="table, json or csv.")]


@opportunity_app.command("new")
def new_command(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="The solution idea, in a few words.")],
    hypothesis: Annotated[
        str | None,
        typer.Option(help="Why it would work: if we build X, then Y, because Z."),
    ] = None,
    problem: Annotated[
        list[int] | None, typer.Option(help="A problem it addresses (repeatable).")
    ] = None,
) -> None:
    """Record an opportunity. With no --problem it is listed by tradeoff unanchored until it
    is linked to one: a solution looking for a problem.

    Example: tradeoff opportunity new "Transfer tracker" --problem 1 --problem 2
    """
    engine = open_workspace(ctx)
    created = new_opportunity(
        engine, title, solution_hypothesis=hypothesis, problem_ids=problem or []
    )
    console.print(Text(f"opportunity {created.id}: {created.title}"))
    if not problem:
        console.print(f"tied to no problem yet: tradeoff opportunity link {created.id} --problem N")
    console.print(f"next: tradeoff opportunity estimate {created.id} effort_weeks 4..8")


@opportunity_app.command("list")
def list_command(
    ctx: typer.Context, as_of: AsOf = None, output_format: FormatOption = OutputFormat.TABLE
) -> None:
    """List the opportunities with their three scores side by side (0..10, higher is better
    on each: feasibility is high when effort and risk are low), never added up.

    Each score shows its range and confidence; ? marks a dimension nobody has assessed yet,
    ! one a person overrode. tradeoff opportunity show ID explains each.

    Example: tradeoff opportunity list --format csv
    """
    engine = open_workspace(ctx)
    summaries = {s.id: s for s in opportunity_list(engine)}
    assessed = assess_opportunities(engine, as_of=optional_day(as_of))
    if output_format is OutputFormat.JSON:
        json_out([
            {**assessed_json(a), "status": summaries[a.id].status.value,
             "problems": [p.id for p in summaries[a.id].problems]}
            for a in assessed
        ])  # fmt: skip
        return
    if output_format is OutputFormat.CSV:
        header = ["id", "title", "status", "problems"]
        for name in ("user_value", "viability", "feasibility"):
            header += [name, f"{name}_low", f"{name}_high", f"{name}_confidence",
                       f"{name}_origin"]  # fmt: skip
        rows = []
        for a in assessed:
            row: list[Any] = [a.id, a.title, summaries[a.id].status.value,
                              " ".join(str(p.id) for p in summaries[a.id].problems)]  # fmt: skip
            for d in a.dimensions:
                row += [d.score.value, d.score.low, d.score.high, d.score.confidence,
                        d.score.origin.value if d.known else "unknown"]  # fmt: skip
            rows.append(row)
        write_rows(sys.stdout, header, rows)
        return
    if not assessed:
        console.print('No opportunities yet: tradeoff opportunity new "..." --problem N')
        return
    table = Table("id", "opportunity", "status", "problems", "user value", "viability",
                  "feasibility", show_edge=False)  # fmt: skip
    table.columns[1].overflow = "fold"
    for a in assessed:
        summary = summaries[a.id]
        problems = ", ".join(str(p.id) for p in summary.problems) or "none"
        table.add_row(
            str(a.id), Text(a.title), summary.status.value, problems,
            *(_cell(d) for d in a.dimensions),
        )  # fmt: skip
    console.print(table)
    console.print("score (range) ·confidence; ? not assessed yet, ! overridden by a person. "
                  "The three are never added: tradeoff opportunity show ID.")  # fmt: skip


def _cell(dimension: Dimension) -> str:
    if not dimension.known:
        return "?"
    score = dimension.score
    mark = "!" if score.origin is Origin.OVERRIDE else ""
    ends = "" if score.low == score.high else f" ({score.low:.1f}..{score.high:.1f})"
    return f"{score.value:.1f}{mark}{ends} ·{score.confidence:.1f}"


@opportunity_app.command("show")
def show_command(
    ctx: typer.Context,
    opportunity_id: Annotated[int, typer.Argument(help="The opportunity's id.")],
    as_of: AsOf = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="table, or json for scripts.")
    ] = OutputFormat.TABLE,
) -> None:
    """Show one opportunity on its three dimensions, side by side: each score with its range,
    confidence and the reasoning behind it. An override shows its reason and the computed
    score beside it. Then the figures each formula reads, computed and entered.

    Example: tradeoff opportunity show 2
    """
    if output_format is OutputFormat.CSV:
        raise InputError("show prints a table or json; for csv use tradeoff opportunity list")
    engine = open_workspace(ctx)
    assessed = assess_opportunity(engine, opportunity_id, as_of=optional_day(as_of))
    summary = next(s for s in opportunity_list(engine) if s.id == opportunity_id)
    if output_format is OutputFormat.JSON:
        problems = [{"id": p.id, "statement": p.statement} for p in summary.problems]
        hypothesis = summary.solution_hypothesis
        json_out(
            {
                **assessed_json(assessed),
                "status": summary.status.value,
                "solution_hypothesis": hypothesis,
                "problems": problems,
            }
        )
        return
    console.print(Text(f"{assessed.title}  (opportunity {assessed.id}, {summary.status.value})"))
    if summary.solution_hypothesis:
        console.print(Text(f"  hypothesis: {summary.solution_hypothesis}"))
    if summary.problems:
        for problem in summary.problems:
            console.print(Text(f"  addresses problem {problem.id}: {problem.statement}"))
    else:
        console.print(
            f"  addresses no problem (unanchored): tradeoff opportunity link {assessed.id} "
            "--problem N"
        )
    sides = Table(show_edge=False, show_lines=False, expand=False)
    for d in assessed.dimensions:
        sides.add_column(d.name.heading, overflow="fold", ratio=1)
    sides.add_row(*(_headline(d) for d in assessed.dimensions))
    sides.add_row(*(Text("\n".join(f"· {line}" for line in d.basis)) for d in assessed.dimensions))
    console.print(sides)
    console.print("Each 0..10, higher is better; the three are never added up.")
    figures = Table("field", "value", "confidence", "origin", "basis", show_edge=False)
    figures.columns[4].overflow = "fold"
    for name, estimate in sorted(assessed.fields.items(), key=lambda kv: _field_order(kv)):
        figures.add_row(
            name, _figure(estimate), f"{estimate.confidence:.2f}", estimate.origin.value,
            Text(estimate.basis),
        )  # fmt: skip
    console.print(figures)


def _headline(dimension: Dimension) -> Text:
    score = dimension.score
    if not dimension.known:
        return Text(f"? not known yet (shown as {score.value:g}, range 0..10)")
    words = f"{score.value:.1f}  range {score.low:.1f}..{score.high:.1f}  "
    words += f"confidence {score.confidence:.2f}"
    if dimension.override_reason is not None:
        words += f"\nOVERRIDE: {dimension.override_reason}"
    return Text(words)


def _field_order(item: tuple[str, Estimate]) -> tuple[int, str]:
    order = {Origin.OVERRIDE: 0, Origin.COMPUTED: 1, Origin.ENTERED: 2}
    return order[item[1].origin], item[0]


def _figure(estimate: Estimate) -> str:
    if abs(estimate.value) >= 1000:
        return f"{estimate.value:,.0f}"
    return span(estimate) if estimate.value == round(estimate.value, 2) else f"{estimate.value:.2f}"


@opportunity_app.command("link")
def link_command(
    ctx: typer.Context,
    opportunity_id: Annotated[int, typer.Argument(help="The opportunity's id.")],
    problem: Annotated[list[int], typer.Option(help="A problem it addresses (repeatable).")],
) -> None:
    """Say which problems an opportunity addresses: its user value and money come from their
    evidence, and it leaves the unanchored list.

    Example: tradeoff opportunity link 4 --problem 2 --problem 3
    """
    engine = open_workspace(ctx)
    added = link_opportunity(engine, opportunity_id, problem)
    console.print(f"opportunity {opportunity_id}: {added} new problem links")


@opportunity_app.command("estimate")
def estimate_command(
    ctx: typer.Context,
    opportunity_id: Annotated[int, typer.Argument(help="The opportunity's id.")],
    field: Annotated[
        str, typer.Argument(help="effort_weeks, strategic_fit, delivery_risk, impact, ...")
    ],
    value: Annotated[str, typer.Argument(help="A number, or a range like 4..8 (its middle).")],
    value_range: Annotated[
        str | None, typer.Option("--range", help="Low..high around the value, e.g. 4..8.")
    ] = None,
    confidence: Annotated[
        str | None, typer.Option(help="low, medium, high, or 0..1 (default: 0.5).")
    ] = None,
    reason: Annotated[str | None, typer.Option(help="Why this figure.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who estimates (an email).")] = None,
) -> None:
    """Enter an estimate. Nothing is edited: a newer estimate of the same field wins and the
    older ones stay in tradeoff opportunity history. Scales: effort_weeks in person-weeks;
    strategic_fit, operability, risk_reduction 0..10 (higher is better); delivery_risk,
    debt_impact, cost_to_serve, support_load, compliance_risk 0..10 (higher is worse).

    Example: tradeoff opportunity estimate 2 effort_weeks 6 --range 4..8
    """
    engine = open_workspace(ctx)
    stored = record_estimate(
        engine,
        opportunity_id,
        field,
        value,
        value_range=value_range,
        confidence=confidence,
        reason=reason,
        entered_by=by,
    )
    console.print(Text(f"opportunity {opportunity_id}: {_entry_words(stored)}"))


@opportunity_app.command("override")
def override_command(
    ctx: typer.Context,
    opportunity_id: Annotated[int, typer.Argument(help="The opportunity's id.")],
    reason: Annotated[str, typer.Option(help="Why the computed score is wrong (required).")],
    user_value: Annotated[
        float | None, typer.Option("--user-value", help="User value to show, 0..10.")
    ] = None,
    viability: Annotated[float | None, typer.Option(help="Viability to show, 0..10.")] = None,
    feasibility: Annotated[float | None, typer.Option(help="Feasibility to show, 0..10.")] = None,
    confidence: Annotated[
        str | None, typer.Option(help="low, medium, high, or 0..1 (default: 0.5).")
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who overrides (an email).")] = None,
) -> None:
    """Override a computed dimension with your own score and a reason. The override is shown
    with its reason wherever the score is, and the computed score stays visible beside it.

    Example: tradeoff opportunity override 2 --user-value 7 --reason "6 calls"
    """
    chosen = [
        (name, value)
        for name, value in (
            ("user_value", user_value),
            ("viability", viability),
            ("feasibility", feasibility),
        )
        if value is not None
    ]
    if not chosen:
        raise InputError("say what to override: --user-value, --viability or --feasibility")
    engine = open_workspace(ctx)
    for name, value in chosen:
        stored = record_estimate(
            engine, opportunity_id, name, value, confidence=confidence, reason=reason, entered_by=by
        )
        console.print(Text(f"opportunity {opportunity_id}: {_entry_words(stored)}"))


@opportunity_app.command("history")
def history_command(
    ctx: typer.Context,
    opportunity_id: Annotated[int, typer.Argument(help="The opportunity's id.")],
    field: Annotated[str | None, typer.Option(help="Only this field.")] = None,
    output_format: FormatOption = OutputFormat.TABLE,
) -> None:
    """List every estimate entered for an opportunity, newest first; the newest of each field
    is the one in use (marked *).

    Example: tradeoff opportunity history 2 --field effort_weeks
    """
    engine = open_workspace(ctx)
    entries = estimate_history(engine, opportunity_id, field)
    in_use: set[int] = set()
    seen: set[str] = set()
    for entry in entries:
        if entry.field not in seen and entry.id is not None:
            in_use.add(entry.id)
            seen.add(entry.field)
    rows = [
        [e.id, e.field, e.value, "" if e.low is None else e.low, "" if e.high is None else e.high,
         "" if e.confidence is None else e.confidence, e.entered_by or "",
         e.entered_at.isoformat(), e.reason or "", e.id in in_use]
        for e in entries
    ]  # fmt: skip
    header = ["id", "field", "value", "low", "high", "confidence", "entered_by", "entered_at",
              "reason", "in_use"]  # fmt: skip
    if output_format is OutputFormat.JSON:
        json_out([dict(zip(header, row, strict=True)) for row in rows])
        return
    if output_format is OutputFormat.CSV:
        write_rows(sys.stdout, header, rows)
        return
    if not entries:
        console.print(f"No estimates yet: tradeoff opportunity estimate {opportunity_id} "
                      "effort_weeks 4..8")  # fmt: skip
        return
    table = Table("", "field", "value", "confidence", "by", "when", "reason", show_edge=False)
    table.columns[4].overflow = table.columns[6].overflow = "fold"
    for e in entries:
        table.add_row(
            "*" if e.id in in_use else "", e.field, _stored_span(e),
            "–" if e.confidence is None else f"{e.confidence:.2f}", Text(e.entered_by or "–"),
            e.entered_at.strftime("%Y-%m-%d %H:%M"), Text(e.reason or ""),
        )  # fmt: skip
    console.print(table)


@opportunity_app.command("status")
def status_command(
    ctx: typer.Context,
    opportunity_id: Annotated[int, typer.Argument(help="The opportunity's id.")],
    status: Annotated[OpportunityStatus, typer.Argument(help="Where the idea stands now.")],
) -> None:
    """Set where an opportunity stands: idea, exploring, committed, shipped, not_yet or
    rejected.

    Example: tradeoff opportunity status 2 exploring
    """
    engine = open_workspace(ctx)
    changed = set_opportunity_status(engine, opportunity_id, status)
    console.print(Text(f"opportunity {changed.id}: {changed.status.value}"))


def _stored_span(entry: OpportunityEstimate) -> str:
    if entry.low is None or entry.high is None:
        return f"{entry.value:g}"
    return f"{entry.value:g} ({entry.low:g}..{entry.high:g})"


def _entry_words(entry: OpportunityEstimate) -> str:
    confidence = "" if entry.confidence is None else f", confidence {entry.confidence:g}"
    return f"{entry.field} = {_stored_span(entry)}{confidence} (estimate {entry.id})"


def register(app: typer.Typer) -> None:
    app.add_typer(opportunity_app, name="opportunity")
