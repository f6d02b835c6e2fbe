"""``tradeoff roadmap`` (the board and its commands), ``tradeoff churn`` and ``tradeoff
post-ship``: the now / next / later roadmap, how often it churned and who churned it, and
whether what shipped moved its metric.

Thin shells over ``tradeoff.strategy.roadmap``, ``.churn`` and ``.post_ship``. Titles,
reasons and names are people's text: printed as ``rich.text.Text``, CSV via ``safe_csv``.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.dates import day_or_today, optional_day
from tradeoff.cli.metrics import figure
from tradeoff.cli.problems import ListFormat, json_out
from tradeoff.errors import InputError
from tradeoff.safe_csv import write_rows
from tradeoff.storage.session import read_session
from tradeoff.strategy import roadmap as plan
from tradeoff.strategy.churn import ChurnReport, periods_before, priority_churn
from tradeoff.strategy.post_ship import DEFAULT_WINDOW_WEEKS, PostShipCheck
from tradeoff.strategy.progress import quarter_of

roadmap_app = typer.Typer(
    help="The now / next / later roadmap, tied to goals, with every move recorded.",
    invoke_without_command=True,
)

By = Annotated[str, typer.Option("--by", help="Who asked for it (an email).")]
Reason = Annotated[str, typer.Option("--reason", help="Why: required, kept in the history.")]
ItemRef = Annotated[str, typer.Argument(help="The item's id or exact title.")]
Window = Annotated[
    int, typer.Option("--window-weeks", min=1, help="Weeks compared before and after shipping.")
]
UNANCHORED_WHY = (
    "tied to no goal and no opportunity: work that serves no outcome anyone has agreed on "
    "(link one with tradeoff roadmap link ITEM --goal ID)"
)


@roadmap_app.callback()
def board_command(
    ctx: typer.Context,
    show_all: Annotated[bool, typer.Option("--all", help="Also show shipped and dropped.")] = False,
    output_format: Annotated[
        ListFormat, typer.Option("--format", help="table, json or csv.")
    ] = ListFormat.TABLE,
) -> None:
    """The board: now, next, later (and quarters), items by rank with status, owner, area
    and the goals and opportunities each serves; unanchored items listed apart.

    Example: tradeoff roadmap --format csv
    """
    if ctx.invoked_subcommand is not None:
        return
    found = plan.board(open_workspace(ctx), include_closed=show_all)
    entries = [e for _, column in found.columns for e in column]
    if output_format is ListFormat.JSON:
        json_out({"columns": {name: [_item_json(e) for e in items] for name, items in
                              found.columns},
                  "unanchored": [e.item.id for e in found.unanchored]})  # fmt: skip
        return
    if output_format is ListFormat.CSV:
        header = ["id", "column", "rank", "title", "status", "owner", "area", "goals",
                  "opportunities", "anchored"]  # fmt: skip
        write_rows(sys.stdout, header, [
            [e.item.id, e.column, e.item.rank, e.item.title, e.item.status.value,
             e.item.owner or "", e.area.key if e.area else "",
             "; ".join(g.title for g in e.goals), "; ".join(o.title for o in e.opportunities),
             "yes" if e.anchored else "no"] for e in entries])  # fmt: skip
        return
    if not entries:
        console.print('No roadmap items yet: tradeoff roadmap new "..." --horizon next '
                      '--by EMAIL --reason "..."')  # fmt: skip
        return
    for name, items in found.columns:
        if not items and name not in plan.COLUMNS:
            continue
        console.print(Text(f"{name.upper()} ({len(items)})", style="bold"), soft_wrap=True)
        if not items:
            console.print("  (empty)")
            continue
        table = Table("#", "id", "item", "status", "owner", "area", "serves", show_edge=False)
        for e in items:
            serves = [f"goal: {g.title}" for g in e.goals]
            serves += [f"opportunity: {o.title}" for o in e.opportunities]
            table.add_row(str(e.item.rank), str(e.item.id), Text(e.item.title),
                          e.item.status.value, Text(e.item.owner or "–"),
                          Text(e.area.key if e.area else "–"),
                          Text("\n".join(serves) or "UNANCHORED"))  # fmt: skip
        console.print(table)
    console.print(Text(f"Unanchored: {len(found.unanchored)}", style="bold"), soft_wrap=True)
    if found.unanchored:
        console.print(Text(f"  {UNANCHORED_WHY}"), soft_wrap=True)
        for e in found.unanchored:
            asked = e.item.requested_by or "nobody recorded"
            console.print(
                Text(f"  {e.item.id}  {e.item.title}  ({e.column}, asked by {asked})"),
                soft_wrap=True,
            )


@roadmap_app.command("new")
def new_command(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="The item, as the team would name it.")],
    horizon: Annotated[
        str, typer.Option("--horizon", help="now, next, later or a quarter like 2026Q3.")
    ],
    by: By,
    reason: Reason,
    goal: Annotated[list[int] | None, typer.Option("--goal", help="A goal it serves.")] = None,
    opportunity: Annotated[
        list[int] | None, typer.Option("--opportunity", help="An opportunity it pursues.")
    ] = None,
    area: Annotated[str | None, typer.Option("--area", help="The product area's key.")] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="Who owns it (email).")] = None,
    metric: Annotated[
        str | None, typer.Option("--metric", help="The registry metric it should move.")
    ] = None,
) -> None:
    """Add an item at the bottom of a column, with what it serves; the creation is the
    first line of its history.

    Example: tradeoff roadmap new "Transfer tracker" --horizon next --goal 1 --metric "Support tickets" --by maya@ledgerly.example --reason "Top support driver"
    """  # noqa: E501
    item = plan.new_item(open_workspace(ctx), title, column=horizon, by=by, reason=reason,
                         goal_ids=goal or [], opportunity_ids=opportunity or [], area_key=area,
                         owner=owner, metric=metric)  # fmt: skip
    console.print(Text(f"roadmap item {item.id}: {item.title} ({plan.column_of(item)}, "
                       f"rank {item.rank})"), soft_wrap=True)  # fmt: skip
    if not goal and not opportunity:
        console.print(Text(f"  unanchored: {UNANCHORED_WHY}"), soft_wrap=True)


@roadmap_app.command("move")
def move_command(
    ctx: typer.Context,
    item: ItemRef,
    by: By,
    reason: Reason,
    to: Annotated[
        str | None, typer.Option("--to", help="now, next, later or a quarter like 2026Q3.")
    ] = None,
    rank: Annotated[
        int | None, typer.Option("--rank", help="Place in the column, 1 = top.")
    ] = None,
) -> None:
    """Move an item to another column and/or rank; who asked and why are recorded, and
    tradeoff churn counts the move.

    Example: tradeoff roadmap move "Multi-currency payouts" --to next --reason "Two deals lost on it" --by rachel.stein@ledgerly.example
    """  # noqa: E501
    moved, change = plan.move_item(open_workspace(ctx), item, by=by, reason=reason, to=to,
                                   rank=rank)  # fmt: skip
    line = f"{change.kind.value} {change.old_value} → {change.new_value} (rank {moved.rank})"
    console.print(Text(f"moved {moved.id} {moved.title}: {line}"), soft_wrap=True)


@roadmap_app.command("status")
def status_command(
    ctx: typer.Context,
    item: ItemRef,
    status: Annotated[str, typer.Argument(help="planned, in_progress, shipped or dropped.")],
    by: By,
    reason: Reason,
    on: Annotated[
        str | None, typer.Option("--on", help="The day it shipped (YYYY-MM-DD). [default: today]")
    ] = None,
) -> None:
    """Change an item's status; shipped records the ship day the post-ship check reads.

    Example: tradeoff roadmap status "Virtual card at sign-up" shipped --on 2026-11-02 --by aisha.rahman@ledgerly.example --reason "Live for all new businesses"
    """  # noqa: E501
    day = optional_day(on, "--on")
    updated, change = plan.set_status(open_workspace(ctx), item, status, by=by, reason=reason,
                                      on=day)  # fmt: skip
    shipped = f", shipped on {updated.shipped_on}" if updated.shipped_on and on else ""
    console.print(Text(f"{updated.id} {updated.title}: {change.old_value} → "
                       f"{change.new_value}{shipped}"), soft_wrap=True)  # fmt: skip


@roadmap_app.command("link")
def link_command(
    ctx: typer.Context,
    item: ItemRef,
    goal: Annotated[list[int] | None, typer.Option("--goal", help="A goal it serves.")] = None,
    opportunity: Annotated[
        list[int] | None, typer.Option("--opportunity", help="An opportunity it pursues.")
    ] = None,
) -> None:
    """Link an item to the goals and opportunities it serves (anchoring it).

    Example: tradeoff roadmap link "App redesign with dark mode" --goal 3
    """
    found, added = plan.link_item(open_workspace(ctx), item, goal_ids=goal or [],
                                  opportunity_ids=opportunity or [])  # fmt: skip
    console.print(Text(f"{found.id} {found.title}: {added} new link(s)"), soft_wrap=True)


@roadmap_app.command("show")
def show_command(
    ctx: typer.Context,
    item: ItemRef,
    window_weeks: Window = DEFAULT_WINDOW_WEEKS,
) -> None:
    """One item: its fields, what it serves, its full history and the post-ship check.

    Example: tradeoff roadmap show "Multi-currency payouts"
    """
    page = plan.item_page(open_workspace(ctx), item, window_weeks=window_weeks)
    e = page.entry
    console.print(Text(f"{e.item.id}  {e.item.title}", style="bold"), soft_wrap=True)
    fields = [("column", f"{e.column}, rank {e.item.rank}"), ("status", e.item.status.value),
              ("owner", e.item.owner or "–"), ("requested by", e.item.requested_by or "–"),
              ("area", f"{e.area.key} ({e.area.name})" if e.area else "–"),
              ("metric", page.metric.name if page.metric else "–"),
              ("shipped on", str(e.item.shipped_on or "–"))]  # fmt: skip
    for name, value in fields:
        console.print(Text(f"  {name + ':':<14}{value}"), soft_wrap=True)
    for goal in e.goals:
        console.print(Text(f"  goal {goal.id} ({goal.period}): {goal.title}"), soft_wrap=True)
    for opp in e.opportunities:
        console.print(Text(f"  opportunity {opp.id}: {opp.title}"), soft_wrap=True)
    if not e.anchored:
        console.print(Text(f"  unanchored: {UNANCHORED_WHY}"), soft_wrap=True)
    console.print("History, oldest first:")
    for change in page.changes:
        console.print(Text(f"  {_change_line(change)}"), soft_wrap=True)
    if page.post_ship is not None:
        print_post_ship(page.post_ship)
    else:
        console.print(
            Text(f"Post-ship check: none, because {page.post_ship_missing}"), soft_wrap=True
        )


@roadmap_app.command("history")
def history_command(
    ctx: typer.Context,
    item: Annotated[
        str | None, typer.Option("--item", help="Only this item (id or title).")
    ] = None,
) -> None:
    """Every recorded change, oldest first: the record tradeoff churn reads.

    Example: tradeoff roadmap history --item "Multi-currency payouts"
    """
    lines = plan.history(open_workspace(ctx), item)
    if not lines:
        console.print("No roadmap changes recorded yet.")
    for line in lines:
        console.print(
            Text(f"{line.change.item_id:>4}  {line.title}: {_change_line(line.change)}"),
            soft_wrap=True,
        )


def churn_command(
    ctx: typer.Context,
    period: Annotated[
        str | None, typer.Option("--period", help="A quarter like 2026Q3. [default: as-of's]")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Count up to this day (YYYY-MM-DD). [today]")
    ] = None,
) -> None:
    """Priority churn from the change record: moves per item per week, the share of "now"
    items that changed, items entered and dropped, who asked for the moves, and items that
    bounced more than once — for the period and, as a trend, the three quarters before it.

    Example: tradeoff churn --period 2026Q3
    """
    day = day_or_today(as_of)
    chosen = period or quarter_of(day)
    engine = open_workspace(ctx)
    with read_session(engine) as session:
        report = priority_churn(session, chosen, as_of=day)
        trend = [priority_churn(session, p, as_of=day) for p in periods_before(report.period, 3)]
    print_churn(report, trend)


def post_ship_command(
    ctx: typer.Context, item: ItemRef, window_weeks: Window = DEFAULT_WINDOW_WEEKS
) -> None:
    """Did a shipped roadmap item move the metric it names? Before vs after its ship date.

    Example: tradeoff post-ship "Card delivery with a faster carrier" --window-weeks 6
    """
    page = plan.item_page(open_workspace(ctx), item, window_weeks=window_weeks)
    if page.post_ship is None:
        raise InputError(f"no post-ship check for {page.entry.item.title!r}: "
                         f"{page.post_ship_missing}")  # fmt: skip
    console.print(
        Text(f"{page.entry.item.id}  {page.entry.item.title}", style="bold"), soft_wrap=True
    )
    print_post_ship(page.post_ship)


def print_churn(report: ChurnReport, trend: list[ChurnReport]) -> None:
    r = report
    console.print(Text(f"Priority churn {r.period} ({r.start} to {r.end}, {r.days} days)",
                       style="bold"), soft_wrap=True)  # fmt: skip
    console.print(f"  moves per item per week  {r.moves_per_item_week:.3f}  "
                  f"({r.moves} moves, {r.items} items, {r.days / 7:.1f} weeks)")  # fmt: skip
    console.print(f"  'now' items changed      {r.now_share_changed:.0%}  "
                  f"({r.now_changed} of {r.now_at_start} in now at the start)")  # fmt: skip
    console.print(f"  entered / dropped        {r.entered} / {r.dropped}")
    for event in r.entered_items:
        console.print(Text(f"    + {event.day} {event.title} (by {event.by})"), soft_wrap=True)
    for event in r.dropped_items:
        console.print(Text(f"    - {event.day} {event.title} (by {event.by})"), soft_wrap=True)
    if r.by_requester:
        console.print("  moves by who asked:")
        for who, moves in r.by_requester:
            console.print(Text(f"    {moves:>3}  {who}"), soft_wrap=True)
    console.print(f"  items that bounced more than once: {len(r.bounced)}")
    for b in r.bounced:
        console.print(Text(f"    {b.item_id} {b.title}: {b.bounces} bounces "
                           f"({b.bounces_in_period} in {r.period})"), soft_wrap=True)  # fmt: skip
        for step in b.path:
            mark = "  ↩ bounce" if step.bounce else ""
            asked = f" asked by {step.by}" if step.by else ""
            console.print(
                Text(f"      {step.day or 'before'!s:<10} → {step.column}{asked}{mark}"),
                soft_wrap=True,
            )
    if trend:
        console.print("Trend (moves/item/week, 'now' changed, entered, dropped, bounced):")
        for t in [*trend, r]:
            console.print(f"  {t.period}  {t.moves_per_item_week:.3f}  {t.now_share_changed:>4.0%}"
                          f"  {t.entered:>3}  {t.dropped:>3}  {len(t.bounced):>3}")  # fmt: skip


def print_post_ship(check: PostShipCheck) -> None:
    """The check as lines: the verdict, the two windows' means and values, the rule."""
    m = check.metric
    unit = f" {m.unit}" if m.unit else ""
    good = "up" if m.direction.value.startswith("up") else "down"
    console.print(Text(f"Post-ship check: {m.name} ({good} is good), shipped {check.shipped_on}, "
                       f"{check.window_weeks} weeks each side"), soft_wrap=True)  # fmt: skip
    for name, side in (("before", check.before), ("after", check.after)):
        values = " ".join(figure(v.value) for v in side.values) or "no values"
        mean = f"mean {figure(round(side.mean, 2))}{unit}" if side.mean is not None else "no mean"
        console.print(Text(f"  {name:<7}{side.first_day} to {side.last_day}: {mean} "
                           f"(n={len(side.values)}): {values}"), soft_wrap=True)  # fmt: skip
    if check.change is not None:
        share = f" ({check.change_share:+.1%})" if check.change_share is not None else ""
        error = (f", ±{figure(round(2 * check.standard_error, 2))} is noise"
                 if check.standard_error is not None else "")  # fmt: skip
        console.print(Text(f"  change {check.change:+.2f}{unit}{share}{error}"), soft_wrap=True)
    console.print(Text(f"  verdict: {check.verdict.value}"), soft_wrap=True)


def _change_line(change: Any) -> str:
    when = change.changed_at.date().isoformat()
    if change.kind.value == "created":
        what = f"created in {change.new_value}"
    else:
        what = f"{change.kind.value} {change.old_value} → {change.new_value}"
    return f"{when}  {what}  by {change.changed_by}: {change.reason}"


def _item_json(e: plan.BoardItem) -> dict[str, Any]:
    i = e.item
    return {"id": i.id, "title": i.title, "column": e.column, "rank": i.rank,
            "status": i.status.value, "owner": i.owner, "requested_by": i.requested_by,
            "area": e.area.key if e.area else None, "metric_id": i.metric_id,
            "shipped_on": i.shipped_on.isoformat() if i.shipped_on else None,
            "goals": [{"id": g.id, "title": g.title} for g in e.goals],
            "opportunities": [{"id": o.id, "title": o.title} for o in e.opportunities],
            "anchored": e.anchored}  # fmt: skip


def register(app: typer.Typer) -> None:
    app.add_typer(roadmap_app, name="roadmap")
    app.command("churn")(churn_command)
    app.command("post-ship")(post_ship_command)
