"""``tradeoff decisions``, ``decision ID`` and ``revisit``: reading the decision log.

Thin shells over ``tradeoff.decisions.log`` and ``tradeoff.decisions.revisit``. Text from
people and customers is printed through the shared console, whose markup is off, so a
bracket or a ``<script>`` in a decision prints as written; CSV goes through ``safe_csv``.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table
from sqlalchemy import Engine

from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.dates import day_or_today, optional_day
from tradeoff.cli.roadmap import print_post_ship
from tradeoff.decisions.log import decision_history, list_decisions
from tradeoff.decisions.records import Change, DecisionHistory, DecisionRecord
from tradeoff.decisions.revisit import Outcome, RevisitReport, SignalCheck, revisit
from tradeoff.errors import InputError
from tradeoff.safe_csv import write_rows
from tradeoff.storage.decision_log import mark_shipped
from tradeoff.storage.metrics import get_metric
from tradeoff.storage.session import read_session, write_session
from tradeoff.strategy.post_ship import post_ship_check


class ListFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class ViewFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Read signals as of this day (YYYY-MM-DD). [default: today]"),
]


def decisions(
    ctx: typer.Context,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list revisions that were superseded.")
    ] = False,
    as_of: AsOf = None,
    output_format: Annotated[
        ListFormat, typer.Option("--format", help="table, or json / csv for scripts.")
    ] = ListFormat.TABLE,
) -> None:
    """List the decision log: the newest revision of each decision, most recent first, with
    its status, date, owner, and how many of its signals have fired (see tradeoff revisit).

    Example: tradeoff decisions --all --format csv
    """
    engine = open_workspace(ctx)
    records = list_decisions(engine, include_superseded=show_all)
    fired = revisit(engine, as_of=optional_day(as_of), records=records).fired_per_decision()
    if output_format is ListFormat.JSON:
        _json([{**r.to_json(), "fired": _fired(r, fired)} for r in records])
        return
    if output_format is ListFormat.CSV:
        header = ["id", "question", "status", "decided_on", "owner", "requested_by", "chosen",
                  "signals", "fired", "supersedes", "superseded_by"]  # fmt: skip
        rows = [
            [r.id, r.decision.title, r.shown_status, _date(r), r.decision.owner or "",
             r.decision.requested_by or "", r.decision.chosen_option or "",
             len(r.decision.revisit_signals), _fired(r, fired) if r.is_current else "",
             r.decision.supersedes_id or "", r.superseded_by or ""]
            for r in records
        ]  # fmt: skip
        write_rows(sys.stdout, header, rows)
        return
    if not records:
        console.print("No decisions yet: tradeoff decide --help shows how to record one.")
        return
    table = Table("id", "status", "decided", "owner", "question", "signals", "fired",
                  show_edge=False)  # fmt: skip
    table.columns[4].overflow = "fold"
    for r in records:
        count = fired.get(r.id, 0)
        table.add_row(
            f"#{r.id}", r.shown_status, _date(r), r.decision.owner or "", r.decision.title,
            str(len(r.decision.revisit_signals)),
            (f"{count} fired" if count else "-") if r.is_current else "",
        )  # fmt: skip
    console.print(table)
    total = sum(fired.values())
    if total:
        console.print(f"{total} signal(s) fired: tradeoff revisit shows which and why.")


def decision(
    ctx: typer.Context,
    decision_id: Annotated[int, typer.Argument(help="The decision's id (see tradeoff decisions).")],
    reply: Annotated[
        bool, typer.Option("--reply", help="Print only the reply to the requester, to copy.")
    ] = False,
    output_format: Annotated[
        ViewFormat, typer.Option("--format", help="table, or json for scripts.")
    ] = ViewFormat.TABLE,
) -> None:
    """Show one decision in full, with its history: every revision from the first to the
    newest and what changed each time.

    Example: tradeoff decision 3 --reply
    """
    engine = open_workspace(ctx)
    history = decision_history(engine, decision_id)
    record = history.asked_record
    if reply:
        if not record.decision.reply_text:
            raise InputError(
                f"decision #{decision_id} has no reply: only a 'not yet' has one "
                "(tradeoff decide --supersedes ID --status not_yet --requested-by WHO)"
            )
        sys.stdout.write(record.decision.reply_text.rstrip("\n") + "\n")
        return
    if output_format is ViewFormat.JSON:
        _json({**record.to_json(), "history": [_revision_json(r.record, r.changes)
                                               for r in history.revisions]})  # fmt: skip
        return
    _print_record(record)
    _print_post_ship(engine, record)
    _print_history(history)


def _print_post_ship(engine: Engine, record: DecisionRecord) -> None:
    """Did the decision move the metric it names? Shown once it has a ship date."""
    d = record.decision
    if d.metric_id is None or d.shipped_on is None:
        return
    with read_session(engine) as session:
        check = post_ship_check(session, d.metric_id, d.shipped_on)
    console.print()
    print_post_ship(check)


def _print_record(record: DecisionRecord) -> None:
    d = record.decision
    console.print(f"#{record.id}  {d.title}", soft_wrap=True)
    rows: list[tuple[str, str]] = [("status", record.shown_status)]
    if d.supersedes_id:
        rows.append(("revises", f"#{d.supersedes_id}"))
    rows += [("decided on", _date(record)), ("owner", d.owner or ""),
             ("consulted", ", ".join(d.stakeholders)), ("requested by", d.requested_by or ""),
             ("context", d.context or "")]  # fmt: skip
    links = {link.option: f"  → {link.kind} {link.target_id}" for link in record.option_links}
    for number, text in enumerate(d.options, 1):
        mark = "✓" if text == d.chosen_option else " "
        label = "options" if number == 1 else ""
        rows.append((label, f"{mark} {number}. {text}{links.get(number, '')}"))
    if d.chosen_option and d.chosen_option not in d.options:
        rows.append(("chosen", d.chosen_option))
    rows += [("trade-offs", d.tradeoffs_accepted or ""),
             ("not optimising for", d.not_optimising_for or "")]  # fmt: skip
    rows += [("assumptions" if n == 0 else "", f"- {a}") for n, a in enumerate(d.assumptions)]
    rows += [("signals" if n == 0 else "", f"- {s}") for n, s in enumerate(d.revisit_signals)]
    table = Table(show_header=False, show_edge=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in rows:
        if value:
            table.add_row(label, value)
    console.print(table)
    if d.reply_text:
        console.print(f"\nReply sent (tradeoff decision {record.id} --reply):", soft_wrap=True)
        console.print(d.reply_text.rstrip("\n"), soft_wrap=True)


def _print_history(history: DecisionHistory) -> None:
    if len(history.revisions) < 2:
        return
    console.print("\nHistory, oldest first:")
    for revision in history.revisions:
        r = revision.record
        here = "  ← this one" if r.id == history.asked else ""
        console.print(f"  #{r.id}  {_date(r) or r.decision.recorded_at.date().isoformat()}  "
                      f"{r.shown_status}{here}", soft_wrap=True)  # fmt: skip
        for change in revision.changes:
            console.print(f"      {_change_line(change)}", soft_wrap=True)


def _change_line(change: Change) -> str:
    if len(change.removed) <= 1 and len(change.added) <= 1 and change.field not in {
        "options", "assumptions", "signals", "stakeholders", "links"
    }:  # fmt: skip
        old = change.removed[0] if change.removed else "(none)"
        new = change.added[0] if change.added else "(none)"
        return f"{change.field}: {_short(old)} → {_short(new)}"
    parts = [f"+ {x}" for x in change.added] + [f"- {x}" for x in change.removed]
    return f"{change.field}: " + "; ".join(parts)


def _short(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _revision_json(record: DecisionRecord, changes: tuple[Change, ...]) -> dict[str, Any]:
    return {
        "id": record.id,
        "decided_on": _date(record) or None,
        "status": record.shown_status,
        "changes": [
            {"field": c.field, "removed": list(c.removed), "added": list(c.added)} for c in changes
        ],
    }


def revisit_command(
    ctx: typer.Context,
    as_of: AsOf = None,
    output_format: Annotated[
        ViewFormat, typer.Option("--format", help="table, or json for scripts.")
    ] = ViewFormat.TABLE,
) -> None:
    """Read every signal of every current decided or 'not yet' decision against the data,
    and list the decisions whose signals have fired, with the figure against the threshold.

    Also lists the signals that cannot be read (unknown metric, no data yet, archived
    theme) with the reason, and the 'note:' signals a person has to check. A metric signal
    fires on N values in a row recorded after the decision; it is a report, so it exits 0.

    Example: tradeoff revisit --as-of 2026-10-31
    """
    report = revisit(open_workspace(ctx), as_of=optional_day(as_of))
    if output_format is ViewFormat.JSON:
        _json(report.to_json())
        return
    _print_report(report)


def _print_report(report: RevisitReport) -> None:
    fired = report.fired
    if fired:
        console.print(f"Signals fired as of {report.as_of}:\n")
        grid = Table(show_header=False, show_edge=False, box=None, pad_edge=False)
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for n, c in enumerate(fired):
            if n:
                grid.add_row("", "")
            grid.add_row(f"#{c.decision_id}", c.question)
            for label, value in _fired_rows(c):
                grid.add_row(f"  {label}", value)
        console.print(grid)
        decided = sorted({c.decision_id for c in fired})
        console.print(
            f"\n{len(fired)} signal(s) fired on {len(decided)} decision(s): revise one with "
            f"tradeoff decide --supersedes {decided[0]} ...",
            soft_wrap=True,
        )
    else:
        console.print(f"No signal has fired as of {report.as_of}.")
    unread = report.of(Outcome.CANNOT_EVALUATE)
    if unread:
        console.print("\nCannot evaluate:")
        for c in unread:
            console.print(f"  #{c.decision_id}  {c.signal}: {c.detail}", soft_wrap=True)
    by_hand = report.of(Outcome.BY_HAND)
    if by_hand:
        console.print("\nCheck by hand:")
        for c in by_hand:
            console.print(f"  #{c.decision_id}  {c.signal}", soft_wrap=True)
    quiet = report.of(Outcome.NOT_FIRED)
    if quiet:
        console.print(f"\n{len(quiet)} other signal(s) have not fired.")


def _fired_rows(check: SignalCheck) -> list[tuple[str, str]]:
    rows = [("owner", check.owner or ""), ("signal", check.signal)]
    rows.append(("now", f"{check.figure or '-'} (threshold {check.threshold or '-'})"))
    when = check.fired_on.isoformat() if check.fired_on else ""
    rows.append(("fired", f"{when}: {check.detail}" if check.detail else when))
    return [(label, value) for label, value in rows if value]


def _fired(record: DecisionRecord, fired: dict[int, int]) -> int:
    return fired.get(record.id, 0)


def _date(record: DecisionRecord) -> str:
    decided = record.decision.decided_at
    return decided.date().isoformat() if decided else ""


def _json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def decision_shipped(
    ctx: typer.Context,
    decision_id: Annotated[int, typer.Argument(metavar="ID", help="The decision's number.")],
    on: Annotated[str, typer.Option("--on", help="The day its work reached customers.")],
    metric: Annotated[
        str | None,
        typer.Option(help="The registry metric it should move. [default: the one it names]"),
    ] = None,
) -> None:
    """Record that a decision's work shipped, and the metric it should move, so
    `tradeoff decision ID` shows that metric before and after the ship date.

    Example: tradeoff decision-shipped 3 --on 2026-06-01 --metric "Net revenue retention"
    """
    day = day_or_today(on, "--on")
    engine = open_workspace(ctx)
    with write_session(engine) as session:
        metric_id = get_metric(session, metric).id if metric else None
        mark_shipped(session, decision_id, metric_id, day)
    console.print(f"decision #{decision_id} shipped on {day.isoformat()}", soft_wrap=True)
    history = decision_history(engine, decision_id)
    _print_post_ship(
        engine, next(r.record for r in history.revisions if r.record.id == decision_id)
    )


def register(app: typer.Typer) -> None:
    app.command("decision-shipped")(decision_shipped)
    app.command("decisions")(decisions)
    app.command("decision")(decision)
    app.command("revisit")(revisit_command)
