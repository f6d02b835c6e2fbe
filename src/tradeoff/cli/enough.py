"""``tradeoff enough``: whether more research on a theme, an opportunity or an assumption is
likely to change the decision (``tradeoff.strategy.enough_evidence`` defines each answer)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.dates import optional_day
from tradeoff.cli.problems import AsOf
from tradeoff.decisions.assessment import assess_opportunities
from tradeoff.errors import InputError
from tradeoff.storage.experiments import theme_arrivals
from tradeoff.storage.session import read_session
from tradeoff.strategy.assumptions import assumption_view
from tradeoff.strategy.enough_evidence import (
    DRAWS,
    FLIP_THRESHOLD,
    LAST,
    SEED,
    AssumptionEnough,
    OpportunityEnough,
    Saturation,
    ThemeEnough,
    assumption_settled,
    opportunity_settled,
    theme_saturation,
)
from tradeoff.strategy.experiments import experiment_view

SHOWN_ESTIMATES = 5


def say(text: str) -> None:
    console.print(Text(text), soft_wrap=True)


def enough_command(
    ctx: typer.Context,
    theme: Annotated[int | None, typer.Option("--theme", help="A top-level theme's id.")] = None,
    opportunity: Annotated[
        int | None, typer.Option("--opportunity", help="An opportunity's id.")
    ] = None,
    assumption: Annotated[
        int | None, typer.Option("--assumption", help="An assumption's id.")
    ] = None,
    last: Annotated[
        int, typer.Option("--last", min=1, help="Items that must open no sub-theme (theme).")
    ] = LAST,
    draws: Annotated[
        int, typer.Option("--draws", min=1, help="Monte Carlo draws (opportunity).")
    ] = DRAWS,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the draws (opportunity).")] = SEED,
    as_of: AsOf = None,
) -> None:
    """Say whether more research is likely to change the decision: a theme is saturated when
    its last N items opened no new sub-theme; an opportunity is settled when its frontier
    position does not flip within the stated ranges; an assumption when an experiment has
    concluded on it.

    Example: tradeoff enough --theme 4 --last 20
    """
    chosen = [x for x in (theme, opportunity, assumption) if x is not None]
    if len(chosen) != 1:
        raise InputError("give exactly one of --theme, --opportunity or --assumption")
    engine = open_workspace(ctx)
    if theme is not None:
        with read_session(engine) as session:
            arrivals = theme_arrivals(session, theme)
        print_theme(theme_saturation(arrivals, last))
    elif opportunity is not None:
        items = assess_opportunities(engine, as_of=optional_day(as_of))
        print_opportunity(opportunity_settled(items, opportunity, draws=draws, seed=seed))
    else:
        assert assumption is not None
        view = assumption_view(engine, assumption)
        sizes = {
            e.id: experiment_view(engine, e.id).required_n
            for e in view.experiments
            if e.id is not None
        }
        print_assumption(assumption_settled(view, sizes))


def print_theme(found: ThemeEnough) -> None:
    say(f"theme {found.theme_id}: {found.theme_name}")
    figures = (
        f"{found.items} items; of the last {found.last}, {found.in_known} fell into the "
        f"{found.known_before} sub-theme{'' if found.known_before == 1 else 's'} seen before "
        f"them and {found.in_none} into none"
    )
    if found.verdict is Saturation.SATURATED:
        say(f"saturated: stop researching this theme ({figures}; no new sub-theme)")
    elif found.verdict is Saturation.NO_SUB_THEMES:
        say(
            f"cannot judge: the theme has no sub-themes yet ({found.items} items); "
            "saturation is read from sub-themes, which tradeoff analyze finds"
        )
    elif found.verdict is Saturation.TOO_FEW:
        say(
            f"cannot judge yet: {found.items} items, and saturation needs more than the last "
            f"{found.last} (try a smaller --last, or keep researching)"
        )
    else:
        late = f"{len(found.late)} new sub-theme{'' if len(found.late) == 1 else 's'}"
        say(f"keep researching: {late} appeared in the last {found.last} items ({figures})")
        for sub_id, name, count in found.late:
            say(f"  new late: sub-theme {sub_id} ({count} of the last {found.last}): {name}")


def print_opportunity(found: OpportunityEnough) -> None:
    where = "on the frontier" if found.on_frontier else "dominated"
    say(f"opportunity {found.opportunity_id}: {found.title} ({where})")
    flips = (
        f"its standing flips in {found.flip_share:.1%} of {found.draws:,} draws within the "
        f"stated ranges (seed {found.seed})"
    )
    if found.settled:
        say(
            f"settled: no dominance involving it is uncertain and {flips}; more research "
            "will not move it"
        )
        return
    count = len(found.uncertain)
    if count:
        head = f"{count} uncertain relation{'' if count == 1 else 's'};"
    else:
        head = "no uncertain relation, but"
    beyond = f", at or above {FLIP_THRESHOLD:.0%}" if found.flip_share >= FLIP_THRESHOLD else ""
    say(f"not settled: {head} {flips}{beyond}")
    for relation in found.uncertain:
        dims = ", ".join(d.value for d in relation.uncertain_on)
        say(
            f"  #{relation.dominator} dominates #{relation.dominated}, but the ranges of "
            f"{dims} could undo it"
        )
    if found.deciding:
        say("the most valuable research: narrow these ranges")
    for estimate in found.deciding[:SHOWN_ESTIMATES]:
        score = estimate.dimension.score
        say(
            f"  #{estimate.opportunity_id} {estimate.title}: {estimate.dimension.name.value} "
            f"{score.value:.1f} (range {score.low:.1f}–{score.high:.1f})"
            + (f"; {score.basis}" if score.basis else "")
        )
    hidden = len(found.deciding) - SHOWN_ESTIMATES
    if hidden > 0:
        say(f"  … and {hidden} more")


def print_assumption(found: AssumptionEnough) -> None:
    say(f"assumption {found.assumption_id}: {found.statement}")
    for line in found.lines:
        say(line)


def register(app: typer.Typer) -> None:
    app.command("enough")(enough_command)
