"""``tradeoff unanchored``: solutions and requests tied to no problem ("solutioneering",
principle 7), as ``tradeoff.decisions.problems.unanchored`` finds them.

Titles and request texts are customer or user text: printed as plain text, never markup,
and formula-safe in CSV.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.problems import ListFormat, json_out
from tradeoff.decisions.problems import unanchored
from tradeoff.safe_csv import write_rows


def unanchored_command(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many of each.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many of each first.")] = 0,
    output_format: Annotated[
        ListFormat, typer.Option("--format", help="table, json or csv.")
    ] = ListFormat.TABLE,
) -> None:
    """List what is tied to no problem ("solutioneering"): opportunities that address no
    problem, and internal requests (asks relayed by our own people) that are evidence of no
    problem — not linked, not in a linked theme. Newest first.

    Example: tradeoff unanchored --format csv --limit 200
    """
    engine = open_workspace(ctx)
    found = unanchored(engine, limit=limit, offset=offset)
    if output_format is ListFormat.JSON:
        json_out({
            "opportunities": {"total": found.opportunity_total, "items": [
                {"id": o.id, "title": o.title, "status": o.status.value,
                 "created_at": o.created_at.isoformat()} for o in found.opportunities]},
            "internal_requests": {"total": found.request_total, "items": [
                {"id": r.id, "source": r.source, "external_id": r.external_id,
                 "created_at": r.created_at.isoformat(), "account": r.account,
                 "relayed_by": r.relayed_by, "said_by": r.said_by, "text": r.text}
                for r in found.requests]},
        })  # fmt: skip
        return
    if output_format is ListFormat.CSV:
        rows: list[list[Any]] = [
            ["opportunity", o.id, "", "", o.created_at.date().isoformat(), "", o.title]
            for o in found.opportunities
        ]
        rows += [
            ["internal_request", r.id, r.source, r.external_id, r.created_at.date().isoformat(),
             r.account or "", r.text]
            for r in found.requests
        ]  # fmt: skip
        header = ["type", "id", "source", "external_id", "date", "account", "text"]
        write_rows(sys.stdout, header, rows)
        return
    console.print(f"Opportunities tied to no problem: {found.opportunity_total:,}")
    if found.opportunities:
        table = Table("id", "opportunity", "status", "created", show_edge=False)
        for o in found.opportunities:
            table.add_row(str(o.id), Text(o.title), o.status.value, o.created_at.date().isoformat())
        console.print(table)
    console.print(f"Internal requests that are evidence of no problem: {found.request_total:,}")
    if found.requests:
        table = Table("id", "source", "date", "account", "relayed by", "request", show_edge=False)
        table.columns[5].overflow = "fold"
        for r in found.requests:
            table.add_row(
                str(r.id), Text(f"{r.source} {r.external_id}"), r.created_at.date().isoformat(),
                Text(r.account or "–"), Text(r.relayed_by or r.said_by or "–"),
                Text(" ".join(r.text.split())[:200]),
            )  # fmt: skip
        console.print(table)
    if offset + limit < max(found.opportunity_total, found.request_total):
        console.print(
            f"showing {offset + 1:,}–{offset + limit:,} of each list: "
            f"next page with --offset {offset + limit}"
        )
    if found.opportunity_total or found.request_total:
        console.print("anchor one: tradeoff opportunity link ID --problem N, or "
                      "tradeoff problem link N --evidence ID")  # fmt: skip


def register(app: typer.Typer) -> None:
    app.command("unanchored")(unanchored_command)
