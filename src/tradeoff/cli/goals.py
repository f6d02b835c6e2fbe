"""``tradeoff goal new|list|show`` and ``tradeoff goals``: goals per quarter, with key
results whose progress is computed from metric values and never typed in.

A thin shell over ``tradeoff.strategy.goals``; the arithmetic is in
``tradeoff.strategy.progress``. Titles and key results are printed as plain text.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.dates import day_or_today
from tradeoff.cli.metrics import figure
from tradeoff.strategy.goals import GoalProgress, KeyResultProgress, goals_progress, new_goal
from tradeoff.strategy.progress import Standing

BAR_WIDTH = 20

goal_app = typer.Typer(
    help="Goals per quarter with key results measured on registry metrics.",
    no_args_is_help=True,
)

Period = Annotated[
    str | None,
    typer.Option("--period", help="A quarter like 2026Q4. [default: the as-of day's quarter]"),
]
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Day progress is measured at (YYYY-MM-DD). [default: today]"),
]


@goal_app.command("new")
def new_command(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="The goal: a result the business needs.")],
    period: Period = None,
    key_results: Annotated[
        list[str] | None,
        typer.Option(
            "--kr",
            help='A key result, repeatable: "METRIC from BASELINE to TARGET by DATE".',
        ),
    ] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="Who answers for it.")] = None,
    description: Annotated[
        str | None, typer.Option("--description", help="Why it matters now.")
    ] = None,
) -> None:
    """Record a goal with its key results; a key result that names no metric is kept and
    flagged, because its progress cannot be computed.

    Example: tradeoff goal new "Activate new businesses" --period 2026Q4 --kr "card_activation_median_hours from 62 to 48 by 2026-12-31"
    """  # noqa: E501
    goal, results = new_goal(
        open_workspace(ctx),
        title,
        period=period,
        key_results=key_results or [],
        owner=owner,
        description=description,
    )
    console.print(Text(f"goal {goal.id} ({goal.period}): {goal.title}"))
    for result in results:
        console.print(Text(f"  KR {result.id}: {result.description}"))
    console.print(f"next: tradeoff goals --period {goal.period}")


@goal_app.command("list")
def list_command(ctx: typer.Context, period: Period = None) -> None:
    """List goals (every period unless --period is given) with their key results' count.

    Example: tradeoff goal list --period 2026Q4
    """
    found = goals_progress(open_workspace(ctx), period=period, every_period=period is None)
    if not found:
        console.print('No goals yet: tradeoff goal new "..." --kr "METRIC from 1 to 2"')
        return
    for entry in found:
        goal = entry.goal
        flagged = sum(1 for kr in entry.key_results if kr.progress.flags)
        console.print(
            Text(
                f"{goal.id:>4}  {goal.period}  {goal.title}  "
                f"({len(entry.key_results)} KRs" + (f", {flagged} flagged)" if flagged else ")")
            )
        )


@goal_app.command("show")
def show_command(
    ctx: typer.Context,
    goal_id: Annotated[int, typer.Argument(help="The goal's id (see tradeoff goal list).")],
    as_of: AsOf = None,
) -> None:
    """Show one goal with each key result's baseline, target, latest value, progress and flags.

    Example: tradeoff goal show 1 --as-of 2026-11-15
    """
    for entry in goals_progress(open_workspace(ctx), goal_id=goal_id, as_of=day_or_today(as_of)):
        print_goal(entry, detail=True)


def goals_command(ctx: typer.Context, period: Period = None, as_of: AsOf = None) -> None:
    """The quarter's goals with a progress bar per key result, computed from metric values,
    and the flags that say which key results measure output rather than results.

    Example: tradeoff goals --period 2026Q4 --as-of 2026-11-15
    """
    day = day_or_today(as_of)
    found = goals_progress(open_workspace(ctx), period=period, as_of=day)
    if not found:
        console.print('No goals for this period: tradeoff goal new "..." --period 2026Q4')
        return
    console.print(f"Progress at {day.isoformat()} (| marks where a steady pace would be)")
    for entry in found:
        print_goal(entry, detail=False)


def print_goal(entry: GoalProgress, *, detail: bool) -> None:
    goal = entry.goal
    console.print(Text(f"goal {goal.id} ({goal.period}): {goal.title}"))
    if detail and goal.owner:
        console.print(Text(f"  owner: {goal.owner}"))
    if not entry.key_results:
        console.print("  no key results yet")
    for kr in entry.key_results:
        console.print(Text(f"  {bar(kr)} {status(kr)}  {kr.key_result.description}"))
        if detail:
            console.print(Text(f"      {figures(kr)}"))
        for flag in kr.progress.flags:
            console.print(Text(f"      ! {flag}"))


def bar(kr: KeyResultProgress) -> str:
    """``[#########|------]``: filled to the clamped progress, ``|`` at the expected pace."""
    p = kr.progress
    filled = round(p.shown * BAR_WIDTH)
    cells = ["#" if i < filled else "-" for i in range(BAR_WIDTH)]
    pace = min(round(p.expected * BAR_WIDTH), BAR_WIDTH - 1)
    if p.ratio is not None:
        cells[pace] = "|"
    return "[" + "".join(cells) + "]"


def status(kr: KeyResultProgress) -> str:
    p = kr.progress
    if p.ratio is None:
        return f"{'–':>5} {p.standing.value}"
    return f"{p.ratio * 100:>4.0f}% {p.standing.value}"


def figures(kr: KeyResultProgress) -> str:
    p = kr.progress
    if p.standing is Standing.NO_METRIC:
        return "no metric"
    assert kr.metric is not None
    unit = f" {kr.metric.unit}" if kr.metric.unit else ""
    parts = [
        f"{kr.metric.name}: baseline {_maybe(p.baseline)}, target {_maybe(p.target)}{unit}",
        f"by {kr.key_result.due_on}" if kr.key_result.due_on else "",
        f"now {figure(p.current)} on {p.current_on}" if p.current is not None else "no values yet",
    ]
    return "; ".join(part for part in parts if part)


def _maybe(value: float | None) -> str:
    return "–" if value is None else figure(value)


def register(app: typer.Typer) -> None:
    app.add_typer(goal_app, name="goal")
    app.command("goals")(goals_command)
