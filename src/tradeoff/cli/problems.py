"""``tradeoff problem new|list|show|link|suggest``: problems before solutions (principle 7).

A thin shell over ``tradeoff.decisions.problems`` and ``decisions.suggest`` (``tradeoff
unanchored`` is ``cli.unanchored``); every figure
is the business lens's (``tradeoff demand --of problem`` shows the same numbers). Customer
and user text is printed as plain text, never as markup, and CSV cells are formula-safe.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from tradeoff.analysis.business.demand_model import Demand, MoneyFigure
from tradeoff.analysis.business.money_words import deals_money, money_cell
from tradeoff.analysis.embed.registry import DEFAULT_EMBEDDER, EMBEDDERS, embedder_named
from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.dates import optional_day
from tradeoff.cli.demand import compact
from tradeoff.decisions.problems import (
    ProblemListed,
    ProblemPage,
    link_problem,
    new_problem,
    problem_list,
    problem_page,
)
from tradeoff.decisions.suggest import suggest_themes
from tradeoff.domain.enums import Level
from tradeoff.errors import InputError
from tradeoff.safe_csv import write_rows

problem_app = typer.Typer(
    help="Problem statements: who has the problem, what they try to do, what goes wrong, "
    "and the evidence behind it.",
    no_args_is_help=True,
)


class ListFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class PageFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Day the figures are counted at (YYYY-MM-DD); later evidence is left out. "
        "[default: today]",
    ),
]


@problem_app.command("new")
def new_command(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(help="The problem in one sentence.")],
    who: Annotated[str | None, typer.Option("--who", help="Who has the problem.")] = None,
    trying_to: Annotated[
        str | None, typer.Option("--trying-to", help="What they are trying to do.")
    ] = None,
    goes_wrong: Annotated[
        str | None, typer.Option("--goes-wrong", help="What goes wrong for them.")
    ] = None,
    severity: Annotated[
        Level | None, typer.Option(help="How badly it hurts: low, medium or high.")
    ] = None,
) -> None:
    """Record a problem statement (a problem, not a solution: say what goes wrong).

    Example: tradeoff problem new "Transfers arrive late" --severity high
    """
    engine = open_workspace(ctx)
    problem = new_problem(
        engine,
        statement,
        who_has_it=who,
        trying_to=trying_to,
        goes_wrong=goes_wrong,
        severity=severity,
    )
    console.print(Text(f"problem {problem.id}: {problem.statement}"))
    console.print(
        f"next: tradeoff problem suggest {problem.id}   # themes whose evidence matches it"
    )


@problem_app.command("list")
def list_command(
    ctx: typer.Context,
    as_of: AsOf = None,
    output_format: Annotated[
        ListFormat, typer.Option("--format", help="table, json or csv.")
    ] = ListFormat.TABLE,
) -> None:
    """List the problems, most revenue at stake first: evidence items, accounts, end users,
    ARR and open pipeline of the accounts citing them, and what links to them.

    Example: tradeoff problem list --format csv
    """
    engine = open_workspace(ctx)
    listed = problem_list(engine, as_of=optional_day(as_of))
    if output_format is ListFormat.JSON:
        json_out([_listed_json(entry) for entry in listed])
    elif output_format is ListFormat.CSV:
        write_rows(sys.stdout, LIST_CSV_HEADER, (_listed_csv(entry) for entry in listed))
    elif not listed:
        console.print('No problems yet: tradeoff problem new "..."')
    else:
        base = listed[0].demand.arr.total.base
        table = Table(
            "id", "problem", "severity", "items", "accts", "users", f"ARR {base}",
            f"pipeline {base}", "themes", "symptoms", "opps", show_edge=False,
        )  # fmt: skip
        table.columns[1].overflow = "fold"
        for entry in listed:
            s, reach = entry.summary, entry.demand.reach
            table.add_row(
                str(s.id), Text(s.statement), s.severity.value if s.severity else "–",
                f"{reach.items:,}", f"{reach.accounts:,}", f"{reach.end_users:,}",
                _money(entry.demand, "arr"), _money(entry.demand, "pipeline"),
                f"{s.themes:,}", f"{s.symptoms:,}", f"{s.opportunities:,}",
            )  # fmt: skip
        console.print(table)
        console.print("Figures as tradeoff demand --of problem counts them (* plus amounts "
                      "in a currency with no rate).")  # fmt: skip


LIST_CSV_HEADER = (
    "id", "statement", "severity", "items", "accounts", "end_users", "observed", "proxy",
    "currency", "arr", "pipeline", "lost", "churned", "evidence_linked", "themes", "symptoms",
    "symptom_of", "opportunities",
)  # fmt: skip


def _listed_csv(entry: ProblemListed) -> list[Any]:
    s, d = entry.summary, entry.demand
    return [
        s.id, s.statement, s.severity.value if s.severity else "", d.reach.items,
        d.reach.accounts, d.reach.end_users, d.reach.observed, d.reach.proxy,
        d.arr.total.base, d.arr.total.to_json()["amount"], d.pipeline.total.to_json()["amount"],
        d.lost.total.to_json()["amount"], d.churned.total.to_json()["amount"], s.evidence,
        s.themes, s.symptoms, s.symptom_of, s.opportunities,
    ]  # fmt: skip


def _listed_json(entry: ProblemListed) -> dict[str, Any]:
    s = entry.summary
    return {
        "id": s.id,
        "statement": s.statement,
        "severity": s.severity.value if s.severity else None,
        "links": {
            "evidence": s.evidence,
            "themes": s.themes,
            "symptoms": s.symptoms,
            "symptom_of": s.symptom_of,
            "opportunities": s.opportunities,
        },
        "demand": entry.demand.to_json(),
    }


@problem_app.command("show")
def show_command(
    ctx: typer.Context,
    problem_id: Annotated[
        int, typer.Argument(help="The problem's id (see tradeoff problem list).")
    ],
    as_of: AsOf = None,
    output_format: Annotated[
        PageFormat, typer.Option("--format", help="table, or json for scripts.")
    ] = PageFormat.TABLE,
) -> None:
    """Show one problem: who has it, what they try, what goes wrong, its evidence and money,
    its themes, its symptoms and what it is a symptom of, and quotes with their account.

    Example: tradeoff problem show 3
    """
    engine = open_workspace(ctx)
    page = problem_page(engine, problem_id, as_of=optional_day(as_of))
    if output_format is PageFormat.JSON:
        json_out(_page_json(page))
        return
    problem, links, d = page.links.problem, page.links, page.demand
    severity = f", severity {problem.severity.value}" if problem.severity else ", severity not set"
    console.print(Text(f"{problem.statement}  (problem {problem.id}{severity})"))
    for label, value in (
        ("who has it", problem.who_has_it),
        ("trying to", problem.trying_to),
        ("goes wrong", problem.goes_wrong),
    ):
        console.print(Text(f"  {label}: {value if value else '–'}"))
    reach = d.reach
    if reach.items:
        console.print(
            f"Evidence: {reach.items:,} items from {reach.accounts:,} accounts and "
            f"{reach.end_users:,} end users; observed {reach.observed / reach.items:.0%}, "
            f"direct {reach.direct / reach.items:.0%}; fresh {reach.weighted_items:,.1f}"
            + ("; proxy only" if reach.proxy_only else "")
        )
    else:
        console.print(f"Evidence: none yet — tradeoff problem suggest {problem.id}")
    console.print(
        f"Money: ARR {_said(d.arr)}, pipeline {_said(d.pipeline)}, lost {_said(d.lost)}, "
        f"churned {_said(d.churned)}, renewing in 90 days {_said(d.renewals_90)}"
    )
    console.print("Themes:" if links.themes else "Themes: none linked")
    for theme in links.themes:
        note = "" if theme.status.value == "active" else f", {theme.status.value}"
        console.print(Text(f"  {theme.id}  {theme.name}  ({theme.items:,} items{note})"))
    if links.evidence_ids:
        shown = ", ".join(f"#{i}" for i in links.evidence_ids[:10])
        more = f" and {len(links.evidence_ids) - 10:,} more" if len(links.evidence_ids) > 10 else ""
        console.print(f"Linked by hand: {len(links.evidence_ids):,} items ({shown}{more})")
    for heading, related in (
        ("Symptom of", links.symptom_of),
        ("Symptoms", links.symptoms),
        ("Opportunities", links.opportunities),
    ):
        if related:
            console.print(f"{heading}:")
            for related_id, words in related:
                console.print(Text(f"  {related_id}  {words}"))
    if page.quotes:
        console.print("Quotes:")
    for quote in page.quotes:
        who = quote.account or quote.said_by or "no account"
        relayed = f", relayed by {quote.relayed_by}" if quote.relayed_by else ""
        console.print(
            Text(f'  "{" ".join(quote.text.split())}"  — {who} ({quote.kind}{relayed}, '
                 f"#{quote.evidence_id})")
        )  # fmt: skip


def _page_json(page: ProblemPage) -> dict[str, Any]:
    p, links = page.links.problem, page.links
    return {
        "id": p.id,
        "statement": p.statement,
        "who_has_it": p.who_has_it,
        "trying_to": p.trying_to,
        "goes_wrong": p.goes_wrong,
        "severity": p.severity.value if p.severity else None,
        "demand": page.demand.to_json(),
        "themes": [
            {"id": t.id, "name": t.name, "status": t.status.value, "items": t.items}
            for t in links.themes
        ],
        "evidence_linked": list(links.evidence_ids),
        "symptom_of": [{"id": i, "statement": s} for i, s in links.symptom_of],
        "symptoms": [{"id": i, "statement": s} for i, s in links.symptoms],
        "opportunities": [{"id": i, "title": t} for i, t in links.opportunities],
        "quotes": [
            {
                "evidence_id": q.evidence_id,
                "text": q.text,
                "account": q.account,
                "said_by": q.said_by,
                "relayed_by": q.relayed_by,
                "kind": q.kind,
                "source": q.source,
            }
            for q in page.quotes
        ],
    }


@problem_app.command("link")
def link_command(
    ctx: typer.Context,
    problem_id: Annotated[int, typer.Argument(help="The problem's id.")],
    evidence: Annotated[
        str | None, typer.Option(help="Evidence item ids, comma-separated: 12,13.")
    ] = None,
    theme: Annotated[
        list[int] | None, typer.Option(help="A theme whose evidence counts (repeatable).")
    ] = None,
    symptom_of: Annotated[
        list[int] | None,
        typer.Option("--symptom-of", help="This problem is a symptom of that one (repeatable)."),
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="With --external-id: the item's source (zendesk, ...).")
    ] = None,
    external_id: Annotated[
        str | None, typer.Option("--external-id", help="The item's id in its source.")
    ] = None,
) -> None:
    """Link evidence, themes, or a deeper problem to a problem. Everything filed in a linked
    theme, now and later, counts as the problem's evidence; a problem that is a symptom of
    another lends it its evidence. A link that would make a problem a symptom of its own
    symptom is refused.

    Example: tradeoff problem link 3 --evidence 12,13 --theme 4 --symptom-of 2
    """
    if (source is None) != (external_id is None):
        raise InputError("--source and --external-id go together")
    ids = _ids(evidence) if evidence else []
    if not (ids or theme or symptom_of or source):
        raise InputError("say what to link: --evidence, --theme, --symptom-of or --source")
    engine = open_workspace(ctx)
    report = link_problem(
        engine,
        problem_id,
        evidence_ids=ids,
        source_keys=[(source, external_id)] if source and external_id else [],
        theme_ids=theme or [],
        symptom_of=symptom_of or [],
    )
    added = [
        f"{n} {word}"
        for n, word in (
            (report.evidence, "evidence items"),
            (report.themes, "themes"),
            (report.symptom_of, "deeper problems"),
        )
        if n
    ]
    already = f" ({report.already} already linked)" if report.already else ""
    console.print(f"problem {problem_id}: linked {', '.join(added) or 'nothing new'}{already}")


def _ids(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise InputError(
            f"--evidence takes ids separated by commas, like 12,13; got {text!r}"
        ) from None


@problem_app.command("suggest")
def suggest_command(
    ctx: typer.Context,
    problem_id: Annotated[int, typer.Argument(help="The problem's id.")],
    depth: Annotated[int, typer.Option(min=1, help="How many best matches to count.")] = 50,
    embedder: Annotated[
        str, typer.Option(help=f"How meaning is read: {', '.join(EMBEDDERS)}.")
    ] = DEFAULT_EMBEDDER,
    output_format: Annotated[
        PageFormat, typer.Option("--format", help="table, or json for scripts.")
    ] = PageFormat.TABLE,
) -> None:
    """Suggest themes for a problem: its statement is searched by keywords and meaning, and
    themes are ranked by how many of the best matches they hold. A match is confident when a
    theme holds at least 5 of them and a fifth of all. Nothing is linked: you judge.

    Example: tradeoff problem suggest 3 --depth 100
    """
    engine = open_workspace(ctx)
    found = suggest_themes(engine, problem_id, embedder=embedder_named(embedder), depth=depth)
    if output_format is PageFormat.JSON:
        json_out([
            {"theme_id": s.theme_id, "name": s.name, "hits": s.hits, "searched": s.searched,
             "share": round(s.share, 4), "confident": s.confident, "linked": s.linked}
            for s in found
        ])  # fmt: skip
        return
    if not found:
        console.print("No filed evidence matches the statement: run tradeoff analyze, or "
                      "reword the problem with the words customers use.")  # fmt: skip
        return
    table = Table("theme", "name", "matches", "share", "", show_edge=False)
    for s in found:
        marks = ", ".join(w for w, on in (("confident", s.confident), ("linked", s.linked)) if on)
        table.add_row(
            str(s.theme_id), Text(s.name), f"{s.hits} of {s.searched}", f"{s.share:.0%}", marks
        )
    console.print(table)
    best = next((s for s in found if s.confident and not s.linked), None)
    if best is not None:
        console.print(f"link one: tradeoff problem link {problem_id} --theme {best.theme_id}")


def _money(demand: Demand, name: str) -> str:
    """A list cell: never 0 for a sum with no amount or only amounts without a rate."""
    figure = demand.arr if name == "arr" else demand.pipeline
    priced = figure.records - figure.unpriced
    return money_cell(figure.total, figure.records, priced, compact, star="*")


def _said(figure: MoneyFigure) -> str:
    """A figure in a sentence: "no amount", or the sum and how many records it leaves out."""
    return deals_money(figure.total, figure.records, figure.records - figure.unpriced, "record")


def json_out(document: object) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def register(app: typer.Typer) -> None:
    app.add_typer(problem_app, name="problem")
