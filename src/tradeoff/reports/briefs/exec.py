"""The exec brief: one page on outcomes, decisions, money at stake, competition, risks and
what we need from the room (principle 11).

Every figure comes from the API the matching command uses — ``goals_progress`` (tradeoff
goals), ``theme_demand`` (tradeoff demand), ``competitor_ranking`` (tradeoff competitors),
the decision log and the assumption register — so the brief and the terminal cannot
disagree.

>>> build_exec_brief(engine, period="2026Q4", as_of=date(2026, 11, 15)).sections[0].heading
'Outcomes against goals'
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from tradeoff.analysis.business.competitors import CompetitorStanding, competitor_ranking
from tradeoff.analysis.business.demand import theme_demand
from tradeoff.analysis.business.money_words import at_stake
from tradeoff.decisions.records import DecisionRecord
from tradeoff.reports.briefs.claims import (
    Claim,
    assumption,
    fact,
    inference,
    money_text,
    share_text,
)
from tradeoff.reports.briefs.figures import key_result_claims, number
from tradeoff.reports.briefs.model import Block, Brief, Room, Section
from tradeoff.reports.briefs.sources import (
    DecisionsInView,
    decisions_in_view,
    risky_assumptions,
    topic,
)
from tradeoff.reports.briefs.window import Window, window
from tradeoff.reports.html import rival_money, words
from tradeoff.strategy.goals import GoalProgress, goals_progress
from tradeoff.strategy.progress import Standing
from tradeoff.wording import plural

#: Themes and competitors an exec reads on one page.
THEMES = 6
COMPETITORS = 5
DEMAND_SOURCE = "demand per theme (tradeoff demand)"
RANKING_SOURCE = "deals where they were present (tradeoff competitors)"


def build_exec_brief(
    engine: Engine, *, period: str | None = None, as_of: date | None = None
) -> Brief:
    seen = window(period, as_of)
    goals = goals_progress(engine, period=seen.period, as_of=seen.as_of)
    decisions = decisions_in_view(engine, seen.start, seen.end)
    return Brief(
        room=Room.EXEC,
        title=f"Exec brief {seen.period}",
        period=seen.period,
        as_of=seen.as_of,
        sections=(
            _outcomes(goals),
            _decisions_taken(decisions),
            _not_doing(decisions, seen),
            _revenue_at_stake(engine, seen.as_of),
            _competition(engine),
            _risks(engine, goals),
            _asks(decisions),
        ),
    )


def _outcomes(goals: list[GoalProgress]) -> Section:
    blocks = tuple(
        Block(
            title=entry.goal.title,
            claims=tuple(c for kr in entry.key_results for c in key_result_claims(kr)),
        )
        for entry in goals
    )
    return Section(
        "Outcomes against goals",
        blocks=blocks,
        empty='No goals for this period: tradeoff goal new "..." --period QUARTER.',
    )


def _decisions_taken(decisions: DecisionsInView) -> Section:
    return Section(
        "Decisions taken this period",
        blocks=tuple(_decision_block(r) for r in decisions.taken),
        empty="No decision was recorded in this period (tradeoff decide).",
    )


def _decision_block(record: DecisionRecord) -> Block:
    d = record.decision
    source = f"decision log #{record.id}"
    claims: list[Claim] = []
    if d.chosen_option:
        claims.append(fact(f"Chose: {d.chosen_option}", source, 1))
    if d.tradeoffs_accepted:
        claims.append(fact(f"Trade-off accepted: {d.tradeoffs_accepted}", source, 1))
    if d.not_optimising_for:
        claims.append(fact(f"Not optimising for: {d.not_optimising_for}", source, 1))
    claims += [assumption(a, f"decision #{record.id}'s assumptions") for a in d.assumptions]
    decided = d.decided_at.date().isoformat() if d.decided_at else "undated"
    owner = f", {d.owner}" if d.owner else ""
    return Block(title=f"{d.title} ({record.shown_status} {decided}{owner})", claims=tuple(claims))


def _not_doing(decisions: DecisionsInView, seen: Window) -> Section:
    claims: list[Claim] = []
    for record in decisions.not_yet:
        d = record.decision
        on = d.decided_at.date() if d.decided_at else None
        if on is None or not seen.start <= on <= seen.end:
            continue
        asked = f", asked by {d.requested_by}" if d.requested_by else ""
        claims.append(
            fact(
                f"Not yet: {topic(d.title)}{asked} ({on.isoformat()})",
                f"decision log #{record.id}",
                1,
            )
        )
    for record in decisions.taken:
        if record.decision.not_optimising_for:
            claims.append(
                fact(
                    f"Not optimising for: {record.decision.not_optimising_for} "
                    f"(decision: {record.decision.title})",
                    f"decision log #{record.id}",
                    1,
                )
            )
    return Section(
        "What we will not do",
        claims=tuple(claims),
        empty="Nothing was declined this period (tradeoff decide --status not_yet).",
    )


def _revenue_at_stake(engine: Engine, as_of: date) -> Section:
    found = [d for d in theme_demand(engine, as_of=as_of) if d.total.reach.items][:THEMES]
    claims = []
    for subject in found:
        total = subject.total
        claims.append(
            fact(
                f"{subject.name}: {money_text(at_stake(total))} at stake — ARR "
                f"{money_text(total.arr)} of {plural(total.arr.records, 'customer')} "
                f"and open pipeline {money_text(total.pipeline)} in "
                f"{plural(total.pipeline.records, 'deal')}; "
                f"{plural(total.reach.items, 'evidence item')} from "
                f"{plural(total.reach.accounts, 'account')}",
                DEMAND_SOURCE,
                total.reach.items,
            )
        )
        if total.reach.proxy_only:
            claims.append(
                inference(
                    f"{subject.name} is backed only by what our own people relayed",
                    "every item behind it was relayed by a colleague (principle 6)",
                    total.reach.items,
                )
            )
    return Section(
        "Revenue at stake by theme",
        claims=tuple(claims),
        empty="No themes yet: tradeoff analyze.",
    )


def _competition(engine: Engine) -> Section:
    ranking = competitor_ranking(engine)[:COMPETITORS]
    claims = [_competitor_claim(s) for s in ranking]
    if ranking and ranking[0].deals_met:
        claims.insert(
            0,
            inference(
                f"Our costliest competitor is {ranking[0].name}",
                "ranked by revenue lost where present plus open pipeline where present",
                ranking[0].deals_met,
            ),
        )
    return Section(
        "Competitive position",
        claims=tuple(claims),
        empty="No competitors yet: import deals with a competitor field.",
    )


def _competitor_claim(s: CompetitorStanding) -> Claim:
    money = {k: money_text(v) for k, v in rival_money(s).items()}
    return fact(
        f"{s.name} ({words(s.kind)}): {money['at_stake']} at stake "
        f"(lost {money['lost']}, open {money['open']}); "
        f"met in {plural(s.deals_met, 'deal')}, won {number(s.won)}, lost {number(s.lost)}, "
        f"win rate {share_text(s.win_rate)}",
        RANKING_SOURCE,
        s.deals_met,
    )


def _risks(engine: Engine, goals: list[GoalProgress]) -> Section:
    claims = [
        assumption(
            f"{a.statement} (risk {a.risk.value}, confidence {share_text(a.confidence)}, "
            f"{a.status.value})",
            f"assumption register #{a.id}",
        )
        for a in risky_assumptions(engine)
    ]
    for entry in goals:
        for kr in entry.key_results:
            p = kr.progress
            if p.standing is Standing.BEHIND and p.ratio is not None:
                claims.append(
                    inference(
                        f"Behind: {kr.key_result.description} ({share_text(p.ratio)} done, "
                        f"{share_text(p.expected)} of the time gone)",
                        "progress against a steady pace from the period's start to the due date",
                        1,
                    )
                )
    return Section(
        "Risks",
        claims=tuple(claims),
        empty="No high-risk, little-known assumption and no key result behind.",
    )


def _asks(decisions: DecisionsInView) -> Section:
    blocks = []
    for record in decisions.waiting:
        d = record.decision
        claims = [fact(f"Option: {o}", f"decision log #{record.id}", 1) for o in d.options]
        if d.context:
            claims.insert(0, fact(f"Context: {d.context}", f"decision log #{record.id}", 1))
        owner = f" (owner {d.owner})" if d.owner else ""
        blocks.append(Block(title=f"Decide: {d.title}{owner}", claims=tuple(claims)))
    return Section(
        "What we need from you",
        blocks=tuple(blocks),
        empty="No decision is waiting on this room.",
    )
