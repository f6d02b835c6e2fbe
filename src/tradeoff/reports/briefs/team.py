"""The team brief: the problems we are solving and why, the goal each roadmap item
serves, and the trade-offs we accepted (principles 1, 7 and 8).

Problems are those the committed roadmap (now, this quarter, next) or a decision in force
works on; each is ``problem_page``'s (tradeoff problem show): its statement, its demand, and
quotes with who said them and who relayed them.

>>> build_team_brief(engine, period="2026Q4").sections[1].heading  # doctest: +SKIP
'The goal each item serves'
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from tradeoff.analysis.business.money_words import at_stake
from tradeoff.decisions.problems import problem_page
from tradeoff.domain.enums import RoadmapHorizon
from tradeoff.reports.briefs.claims import Claim, fact, inference, money_text
from tradeoff.reports.briefs.model import Block, Brief, Quote, Room, Section
from tradeoff.reports.briefs.sales import COLUMN_WORDS
from tradeoff.reports.briefs.sources import DecisionsInView, PlannedItem, decisions_in_view, roadmap
from tradeoff.reports.briefs.window import window
from tradeoff.reports.html import excerpt
from tradeoff.wording import plural

#: Problems a team reads in one sitting.
PROBLEMS = 8
QUOTES = 3
#: Characters of a quote shown; a longer one (interview notes) is cut at a word.
QUOTE_CHARS = 300
DEMAND_SOURCE = "demand per problem (tradeoff problem show)"


def build_team_brief(
    engine: Engine, *, period: str | None = None, as_of: date | None = None
) -> Brief:
    seen = window(period, as_of)
    committed = [
        p for p in roadmap(engine, seen.period) if p.item.horizon is not RoadmapHorizon.LATER
    ]
    decisions = decisions_in_view(engine, seen.start, seen.end)
    return Brief(
        room=Room.TEAM,
        title=f"Team brief {seen.period}",
        period=seen.period,
        as_of=seen.as_of,
        sections=(
            Section(
                "The problems we are solving, and why",
                blocks=tuple(
                    _problem(engine, pid, seen.as_of)
                    for pid in _problems_worked_on(committed, decisions)[:PROBLEMS]
                ),
                empty="No committed roadmap item or decision is linked to a problem yet "
                "(tradeoff problem link, tradeoff decide --link).",
            ),
            Section(
                "The goal each item serves",
                claims=tuple(_served(p) for p in committed),
                empty="Nothing in now or next on the roadmap.",
            ),
            Section(
                "Trade-offs we accepted",
                claims=tuple(_tradeoffs(decisions)),
                empty="No decision in force records a trade-off (tradeoff decide --tradeoffs).",
            ),
        ),
    )


def _problems_worked_on(committed: list[PlannedItem], decisions: DecisionsInView) -> list[int]:
    """Problems behind the committed items first, in roadmap order, then those a decision in
    force chose to work on; each once."""
    found: list[int] = []
    for planned in committed:
        found += [p for p in planned.problem_ids if p not in found]
    for record in decisions.in_force:
        chosen = record.decision.chosen_option
        for link in record.links:
            options = record.decision.options
            picked = link.option_index < len(options) and options[link.option_index] == chosen
            if picked and link.problem_id is not None and link.problem_id not in found:
                found.append(link.problem_id)
    return found


def _problem(engine: Engine, problem_id: int, as_of: date) -> Block:
    page = problem_page(engine, problem_id, as_of=as_of, quotes=QUOTES)
    problem, demand = page.links.problem, page.demand
    source = f"problem statement #{problem_id}"
    claims: list[Claim] = []
    for label, value in (
        ("Who has it", problem.who_has_it),
        ("What they are trying to do", problem.trying_to),
        ("What goes wrong", problem.goes_wrong),
    ):
        if value:
            claims.append(fact(f"{label}: {value}", source, 1))
    reach = demand.reach
    claims.append(
        fact(
            f"{plural(reach.items, 'evidence item')} from {plural(reach.accounts, 'account')} "
            f"and {plural(reach.end_users, 'end user')}; "
            f"{money_text(at_stake(demand))} at stake (ARR "
            f"{money_text(demand.arr)} plus open pipeline "
            f"{money_text(demand.pipeline)})",
            DEMAND_SOURCE,
            reach.items,
        )
    )
    if reach.proxy_only:
        claims.append(
            inference(
                "Only our own people have relayed it: talk to the people who have it",
                "every item behind it was relayed by a colleague (principle 6)",
                reach.items,
            )
        )
    quotes = tuple(
        Quote(
            text=excerpt(q.text, QUOTE_CHARS),
            who=_who(q.said_by, q.relayed_by, q.account),
            source=f"{q.kind} #{q.evidence_id} ({q.source})",
        )
        for q in page.quotes
    )
    return Block(title=problem.statement, claims=tuple(claims), quotes=quotes)


def _who(said_by: str | None, relayed_by: str | None, account: str | None) -> str:
    who = said_by or "someone unnamed"
    if account:
        who += f" at {account}"
    if relayed_by:
        who += f", relayed by {relayed_by}"
    return who


def _served(planned: PlannedItem) -> Claim:
    item = planned.item
    column = COLUMN_WORDS[item.horizon]
    if planned.goals:
        goals = "; ".join(f"{g.title} ({g.period})" for g in planned.goals)
        return fact(f"{column}: {item.title} serves {goals}", f"roadmap item #{item.id}", 1)
    if planned.opportunities:
        opportunities = "; ".join(o.title for o in planned.opportunities)
        return fact(
            f"{column}: {item.title} serves no goal; it addresses {opportunities}",
            f"roadmap item #{item.id}",
            1,
        )
    return inference(
        f"{column}: {item.title} is unanchored: linked to no goal and no opportunity",
        f"roadmap item #{item.id} has no goal or opportunity link (principle 1)",
        1,
    )


def _tradeoffs(decisions: DecisionsInView) -> list[Claim]:
    claims = []
    for record in decisions.in_force:
        d = record.decision
        source = f"decision log #{record.id}"
        if d.tradeoffs_accepted:
            claims.append(fact(f"{d.title}: we accept {d.tradeoffs_accepted}", source, 1))
        if d.not_optimising_for:
            claims.append(
                fact(f"{d.title}: we are not optimising for {d.not_optimising_for}", source, 1)
            )
    return claims
