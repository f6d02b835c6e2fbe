"""``tradeoff frontier``, ``tradeoff compare A B`` and ``tradeoff rank``: the judgement views
over the assessed opportunities (principle 4).

Each command assesses the opportunities once (``decisions.assessment``) and makes one call
into ``decisions.frontier``, ``decisions.pairs`` or ``decisions.rankings`` with
``decisions.fragility``; docs/decisions-maths.md defines every rule. A ranking is never
shown without its fragility beside it: scores are the shared language, not the verdict.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.dates import optional_day
from tradeoff.cli.problems import AsOf
from tradeoff.decisions.assessment import assess_opportunities
from tradeoff.decisions.estimates import Assessed
from tradeoff.decisions.fragility import (
    DRAWS,
    SEED,
    Fragility,
    fragility,
    number,
)
from tradeoff.decisions.frontier import Standing, frontier
from tradeoff.decisions.pairs import compare
from tradeoff.decisions.rankings import DIMENSIONS, known_fields, rank, ranking_rule
from tradeoff.errors import InputError, NotFound
from tradeoff.safe_csv import write_rows
from tradeoff.storage.currency import base_currency
from tradeoff.storage.session import read_session

NO_OPPORTUNITIES = 'No opportunities yet: tradeoff opportunity new "..." --problem N'


class FrontierFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


class CompareFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class RankFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def frontier_command(
    ctx: typer.Context,
    as_of: AsOf = None,
    output_format: Annotated[
        FrontierFormat, typer.Option("--format", help="table, or json for scripts.")
    ] = FrontierFormat.TABLE,
) -> None:
    """Show the opportunities no other beats on all three dimensions (the Pareto frontier),
    and for every other one, which opportunities dominate it.

    An opportunity dominates another when it is at least as good on user value, viability
    and feasibility and better on one. "uncertain" marks a verdict that holds on the scores
    but not across their stated ranges; ? marks a dimension nobody has assessed.

    Example: tradeoff frontier --format json
    """
    items = assess_opportunities(open_workspace(ctx), as_of=optional_day(as_of))
    result = frontier(items)
    if output_format is FrontierFormat.JSON:
        _json(result.to_json())
        return
    if not items:
        console.print(NO_OPPORTUNITIES)
        return
    table = Table("id", "opportunity", "user value", "viability", "feasibility", "standing",
                  show_edge=False)  # fmt: skip
    table.columns[1].overflow = "fold"
    for s in (*result.on_frontier, *result.dominated):
        unknown = {d.value for d in s.unknown}
        scores = [f"{v:.1f}" + ("?" if n in unknown else "") for n, v in
                  zip(DIMENSIONS, s.scores, strict=True)]  # fmt: skip
        table.add_row(str(s.id), Text(s.title), *scores, _standing_words(s))
    console.print(table)
    console.print(
        f"{len(result.on_frontier)} on the frontier: no other is at least as good on all "
        "three and better on one. The three scores are never added up here.",
        soft_wrap=True,
    )


def _standing_words(s: Standing) -> str:
    if s.on_frontier:
        return "frontier"
    strongest = s.strongest
    assert strongest is not None
    others = len(s.dominated_by) - 1
    text = f"dominated by #{strongest.dominator}" + (f" (+{others} more)" if others else "")
    if s.uncertain:
        text += f"; uncertain on {', '.join(d.value for d in strongest.uncertain_on)}"
    return text


def compare_command(
    ctx: typer.Context,
    first: Annotated[int, typer.Argument(metavar="A", help="An opportunity's id.")],
    second: Annotated[int, typer.Argument(metavar="B", help="Another opportunity's id.")],
    as_of: AsOf = None,
    output_format: Annotated[
        CompareFormat, typer.Option("--format", help="text, or json for scripts.")
    ] = CompareFormat.TEXT,
) -> None:
    """Lay two opportunities side by side: what choosing each gives up against the other,
    in plain words from the figures (reach, money at stake, effort, the three scores), and
    what is still a guess.

    Only differences that matter are said: 1.25× or more for counts, money and effort, a
    point or more on a 0–10 score. Money is in the workspace's base currency.

    Example: tradeoff compare 1 2
    """
    if first == second:
        raise InputError("compare needs two different opportunities")
    engine = open_workspace(ctx)
    found = {a.id: a for a in assess_opportunities(engine, as_of=optional_day(as_of),
                                                   ids=[first, second])}  # fmt: skip
    for wanted in (first, second):
        if wanted not in found:
            raise NotFound(f"no opportunity with id {wanted}")
    with read_session(engine) as session:
        currency = base_currency(session)
    comparison = compare(found[first], found[second], currency)
    if output_format is CompareFormat.JSON:
        _json(comparison.to_json())
        return
    a, b = comparison.a, comparison.b
    console.print(Text(f"#{a.id} {a.title}  vs  #{b.id} {b.title}"), soft_wrap=True)
    for da, db in zip(a.dimensions, b.dimensions, strict=True):
        console.print(f"  {da.name.heading}: {_score(da.score.value, da.known)} vs "
                      f"{_score(db.score.value, db.known)}")  # fmt: skip
    console.print(Text(comparison.summary + "."), soft_wrap=True)
    for item, gives_up in ((a, comparison.a_gives_up), (b, comparison.b_gives_up)):
        console.print(Text(f"Choosing #{item.id} {item.title} gives up:"), soft_wrap=True)
        for sentence in gives_up or ("nothing that matters on these figures",):
            console.print(Text(f"  - {sentence}"), soft_wrap=True)
    if comparison.caveats:
        console.print("Still a guess or not known yet:")
        for caveat in comparison.caveats:
            console.print(Text(f"  - {caveat}"), soft_wrap=True)


def _score(value: float, known: bool) -> str:
    return f"{value:.1f}/10" if known else "? (not assessed)"


def rank_command(
    ctx: typer.Context,
    by: Annotated[
        str,
        typer.Option(
            "--by", help='weighted, rice, ice, wsjf, or a formula such as "reach / effort_weeks".'
        ),
    ] = "weighted",
    weights: Annotated[
        str | None,
        typer.Option(help="For weighted: e.g. user_value=0.5,viability=0.3,feasibility=0.2."),
    ] = None,
    draws: Annotated[int, typer.Option(help="Monte Carlo draws within the ranges.")] = DRAWS,
    seed: Annotated[int, typer.Option(help="Seed of the draws: same seed, same answer.")] = SEED,
    as_of: AsOf = None,
    output_format: Annotated[
        RankFormat, typer.Option("--format", help="table, json or csv.")
    ] = RankFormat.TABLE,
) -> None:
    """Rank the opportunities by a formula, each with how fragile its place is.

    weighted sums the three 0–10 scores (equal weights unless --weights); rice is reach ×
    impact × confidence / effort_weeks; ice is impact × confidence × ease; wsjf is
    (business_value + time_criticality + risk_reduction) / effort_weeks; anything else is
    read as a formula over the fields (+ - * / **, min, max, log, sqrt, abs). Beside each
    score: the share of draws within the stated ranges where it keeps its place, its 5–95%
    rank, and the smallest single change that swaps it with the next one. An opportunity
    missing a figure is listed as not ranked, never given a default.

    Example: tradeoff rank --by rice --draws 5000 --format csv
    """
    items = assess_opportunities(open_workspace(ctx), as_of=optional_day(as_of))
    rule = ranking_rule(by, weights=weights, known=known_fields(items))
    report = fragility(rank(items, rule), draws=draws, seed=seed)
    if output_format is RankFormat.JSON:
        _json(report.to_json())
    elif output_format is RankFormat.CSV:
        write_rows(sys.stdout, RANK_CSV_HEADER, _rank_csv_rows(report))
    else:
        _print_ranking(report, items)


def _print_ranking(report: Fragility, items: list[Assessed]) -> None:
    ranking, rule = report.ranking, report.ranking.rule
    if not items:
        console.print(NO_OPPORTUNITIES)
        return
    console.print(Text(f"Ranked by {rule.name}: {rule.shown} ({rule.explanation})"),
                  soft_wrap=True)  # fmt: skip
    if ranking.ranked:
        table = Table("#", "id", "opportunity", "score", "holds", "rank 5–95%",
                      "flips with next", "swaps with next if", show_edge=False)  # fmt: skip
        table.columns[2].overflow = "fold"
        for r, stability in zip(ranking.ranked, report.items, strict=True):
            pair = report.pair_below(r.position)
            smallest = pair.smallest if pair else None
            table.add_row(
                str(r.position), str(r.item.id), Text(r.item.title), number(r.score),
                f"{stability.holds:.0%}", _interval(stability.rank_low, stability.rank_high),
                "–" if pair is None else f"{pair.flip_share:.0%}",
                "–" if pair is None else (smallest.short if smallest else "no single change"),
            )  # fmt: skip
        console.print(table)
        console.print(
            f"Scores are the shared language, not the verdict. holds: share of {report.draws:,} "
            f"draws within the stated ranges (seed {report.seed}) where it keeps its place.",
            soft_wrap=True,
        )
    for pair in report.flipping:
        console.print(Text(
            f"flips within the stated ranges: #{pair.upper.item.id} {pair.upper.item.title} "
            f"and #{pair.lower.item.id} {pair.lower.item.title} ({pair.flip_share:.0%} of "
            "draws)"), soft_wrap=True)  # fmt: skip
    if not ranking.ranked:
        console.print("Nothing could be ranked: each opportunity lacks a figure the formula "
                      "needs (tradeoff opportunity estimate ID FIELD VALUE).")  # fmt: skip
    elif not report.flipping:
        console.print(f"No neighbours swap in {report.threshold:.0%} or more of the draws.")
    for missing in ranking.not_ranked:
        console.print(Text(f"not ranked: #{missing.item.id} {missing.item.title}: "
                           f"{missing.reason}"), soft_wrap=True)  # fmt: skip


def _interval(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


RANK_CSV_HEADER = (
    "position", "id", "title", "score", "holds", "rank_low", "rank_high", "next_id",
    "flip_share_with_next", "swap_with_next", "not_ranked_reason",
)  # fmt: skip


def _rank_csv_rows(report: Fragility) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for r, stability in zip(report.ranking.ranked, report.items, strict=True):
        pair = report.pair_below(r.position)
        smallest = pair.smallest if pair else None
        rows.append([
            r.position, r.item.id, r.item.title, r.score, f"{stability.holds:.4f}",
            stability.rank_low, stability.rank_high, pair.lower.item.id if pair else "",
            f"{pair.flip_share:.4f}" if pair else "", smallest.sentence if smallest else "", "",
        ])  # fmt: skip
    for n in report.ranking.not_ranked:
        rows.append(["", n.item.id, n.item.title, "", "", "", "", "", "", "", n.reason])
    return rows


def _json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def register(app: typer.Typer) -> None:
    app.command("frontier")(frontier_command)
    app.command("compare")(compare_command)
    app.command("rank")(rank_command)
