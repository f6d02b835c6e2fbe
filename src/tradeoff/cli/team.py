"""``tradeoff area``, ``tradeoff team`` and ``tradeoff coverage``: who owns which part of the
product, and whether every area that matters is owned by a PM who still talks to customers.

A thin shell over ``tradeoff.strategy.coverage``. Names, titles and problem statements are
printed as plain text, never markup.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.dates import day_or_today
from tradeoff.cli.problems import json_out
from tradeoff.strategy import coverage as api


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


area_app = typer.Typer(help="Product areas and the PMs who own them.", no_args_is_help=True)
team_app = typer.Typer(help="The team: PMs, sales, CS, engineering.", no_args_is_help=True)

AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="The day to look from (YYYY-MM-DD); later records are left out. [default: today]",
    ),
]
Owner = Annotated[str | None, typer.Option("--owner", help="The owner's email (a PM).")]


@area_app.command("new")
def area_new(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="A short stable key, like payments.")],
    name: Annotated[str, typer.Argument(help="The area's name.")],
    owner: Owner = None,
) -> None:
    """Create a product area, with its owner when there is one.

    Example: tradeoff area new payments "Payments: transfers and statements" --owner tom@ledgerly.example
    """  # noqa: E501
    area = api.new_area(open_workspace(ctx), key, name, owner)
    console.print(Text(f"area {area.key}: {area.name} (owner: {area.owner_email or 'nobody'})"))


@area_app.command("assign")
def area_assign(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The area's key (see tradeoff area list).")],
    owner: Annotated[str, typer.Option("--owner", help="The new owner's email.")],
) -> None:
    """Give an area its owner (replacing any previous one).

    Example: tradeoff area assign onboarding --owner aisha.rahman@ledgerly.example
    """
    area = api.assign_area(open_workspace(ctx), key, owner)
    console.print(Text(f"area {area.key} is owned by {area.owner_email}"))


@area_app.command("list")
def area_list(ctx: typer.Context) -> None:
    """List the areas with their owners and how many problems each holds.

    Example: tradeoff area list
    """
    found = api.list_areas(open_workspace(ctx))
    if not found:
        console.print('No areas yet: tradeoff area new KEY "NAME" --owner EMAIL')
        return
    table = Table("key", "area", "owner", "problems", show_edge=False)
    for area, problems in found:
        table.add_row(Text(area.key), Text(area.name), Text(area.owner_email or "–"), str(problems))
    console.print(table)


@area_app.command("problems")
def area_problems(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The area's key.")],
    add: Annotated[
        list[int] | None,
        typer.Option("--add", help="A problem id to put in the area (repeatable)."),
    ] = None,
) -> None:
    """Put problems in an area (moving them from any other) and list the area's problems.

    Example: tradeoff area problems payments --add 1 --add 4
    """
    area, problems = api.area_problems(open_workspace(ctx), key, add or [])
    console.print(Text(f"area {area.key}: {len(problems)} problem(s)"))
    for problem_id, statement in problems:
        console.print(Text(f"  {problem_id:>4}  {statement}"))


@team_app.command("add")
def team_add(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="Their work email: the key everywhere else.")],
    name: Annotated[str, typer.Option("--name", help="Their name.")],
    role: Annotated[
        str, typer.Option("--role", help="pm, ae, csm, sales_lead, exec, eng, design, support.")
    ],
    title: Annotated[str | None, typer.Option("--title", help="Their job title.")] = None,
) -> None:
    """Add a team member, or update the one with this email.

    Example: tradeoff team add tom.lindqvist@ledgerly.example --name "Tom Lindqvist" --title "Product Manager, Payments" --role pm
    """  # noqa: E501
    member, new = api.add_team_member(open_workspace(ctx), email, name=name, role=role, title=title)
    verb = "added" if new else "updated"
    console.print(Text(f"{verb} {member.email}: {member.name} ({member.role})"))


@team_app.command("list")
def team_list(ctx: typer.Context) -> None:
    """List the team by role.

    Example: tradeoff team list
    """
    members = api.team(open_workspace(ctx))
    if not members:
        console.print('No team yet: tradeoff team add EMAIL --name "NAME" --role pm')
        return
    table = Table("role", "name", "email", "title", show_edge=False)
    for m in members:
        table.add_row(m.role, Text(m.name), Text(m.email), Text(m.title or ""))
    console.print(table)


def coverage_command(
    ctx: typer.Context,
    as_of: AsOf = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="table or json.")
    ] = OutputFormat.TABLE,
) -> None:
    """Coverage: each area's owner, evidence, accounts and revenue at stake (each account
    once per area) and roadmap items, flagging material areas nobody owns; then each PM's
    load and direct customer contact (interviews and calls taken in the last 30 / 90 days).

    Example: tradeoff coverage --as-of 2026-10-31
    """
    found = api.coverage(open_workspace(ctx), as_of=day_or_today(as_of))
    if output_format is OutputFormat.JSON:
        json_out(found.to_json())
        return
    console.print(f"Coverage at {found.as_of.isoformat()} (money in {found.base})")
    areas = Table(
        "", "area", "owner", "problems", "evidence", "accounts", "at stake", "roadmap",
        show_edge=False,
    )  # fmt: skip
    for a in found.areas:
        areas.add_row(
            "!" if a.flagged else "",
            Text(f"{a.area.key}: {a.area.name}"),
            Text(a.area.owner_email or "nobody"),
            f"{len(a.problems)} ({len(a.open_problems)} open)",
            str(a.evidence),
            str(a.accounts),
            str(a.revenue_at_stake),
            str(len(a.roadmap)),
        )
    console.print(areas)
    for a in found.areas:
        if a.flagged:
            console.print(
                Text(f"! {a.area.key} has evidence or revenue at stake and no owner: "
                     f"tradeoff area assign {a.area.key} --owner EMAIL")
            )  # fmt: skip
    console.print()
    recent, window = found.recent_days, found.window_days
    pms = Table(
        "PM", "areas", "now/next items", "open problems",
        f"contacts {recent}d", f"contacts {window}d", "last contact", show_edge=False,
    )  # fmt: skip
    for p in found.pms:
        pms.add_row(
            Text(p.name or p.email),
            Text(", ".join(p.areas) or "–"),
            str(len(p.current_items)),
            str(len(p.open_problems)),
            str(p.contacts_recent),
            str(p.contacts_window),
            p.last_contact.isoformat() if p.last_contact else "–",
        )
    console.print(pms if found.pms else "No PMs yet: tradeoff team add EMAIL --role pm")


def register(app: typer.Typer) -> None:
    app.add_typer(area_app, name="area")
    app.add_typer(team_app, name="team")
    app.command("coverage")(coverage_command)
