"""The sales brief: what is coming and what is not (with the "not yet" replies as sent),
how to handle each objection, and a battlecard per competitor (principles 2, 3 and 8).

Objections are ``sales_picture``'s (tradeoff sales), battlecards ``competitor_profile``'s
(tradeoff competitor NAME), replies the decision log's stored text: nothing is recounted
here.

>>> [s.heading for s in build_sales_brief(engine).sections]  # doctest: +SKIP
['What is coming', 'What is not coming, and why', 'Objection handling', 'Battlecards']
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from tradeoff.analysis.business.competitors import (
    CompetitorProfile,
    competitor_profile,
    competitor_ranking,
)
from tradeoff.analysis.business.sales import sales_picture
from tradeoff.analysis.business.sales_objections import Objection
from tradeoff.domain.enums import RoadmapHorizon
from tradeoff.reports.briefs.claims import Claim, fact, inference, money_text, share_text
from tradeoff.reports.briefs.model import Block, Brief, Quote, Room, Section
from tradeoff.reports.briefs.sources import PlannedItem, decisions_in_view, roadmap, topic
from tradeoff.reports.briefs.window import window
from tradeoff.reports.html import rival_money, words
from tradeoff.wording import plural

#: Objections and battlecards a rep can carry.
OBJECTIONS = 8
BATTLECARDS = 6
LANDMINES = 3
QUOTES = 3
OBJECTION_SOURCE = "lost deals' loss reasons (tradeoff sales)"
CARD_SOURCE = "deals where they were present (tradeoff competitor NAME)"
COLUMN_WORDS = {
    RoadmapHorizon.NOW: "Now",
    RoadmapHorizon.QUARTER: "This quarter",
    RoadmapHorizon.NEXT: "Next",
    RoadmapHorizon.LATER: "Later",
}


def build_sales_brief(
    engine: Engine,
    *,
    period: str | None = None,
    as_of: date | None = None,
) -> Brief:
    """A read: lost deals not classified yet are classified in memory for the objections
    (nothing is written; the CRM import and ``tradeoff sales`` write classifications)."""
    seen = window(period, as_of)
    items = roadmap(engine, seen.period)
    picture = sales_picture(engine)
    not_yet = decisions_in_view(engine, seen.start, seen.end).not_yet
    later = [p for p in items if p.item.horizon is RoadmapHorizon.LATER]
    return Brief(
        room=Room.SALES,
        title=f"Sales brief {seen.period}",
        period=seen.period,
        as_of=seen.as_of,
        sections=(
            Section(
                "What is coming",
                claims=tuple(
                    _item_claim(p) for p in items if p.item.horizon is not RoadmapHorizon.LATER
                ),
                empty="Nothing in now or next on the roadmap.",
            ),
            Section(
                "What is not coming, and why",
                claims=tuple(
                    inference(
                        f"Later, not committed: {p.item.title}",
                        f"roadmap item #{p.item.id} is in the later column",
                        1,
                    )
                    for p in later
                ),
                blocks=tuple(
                    Block(
                        title=f"Not yet: {topic(r.decision.title)}",
                        claims=(
                            fact(
                                "Answered "
                                + (
                                    r.decision.decided_at.date().isoformat()
                                    if r.decision.decided_at
                                    else "undated"
                                )
                                + (
                                    f" to {r.decision.requested_by}"
                                    if r.decision.requested_by
                                    else ""
                                ),
                                f"decision log #{r.id}",
                                1,
                            ),
                        ),
                        reply=r.decision.reply_text,
                    )
                    for r in not_yet
                ),
                empty='No request has been answered "not yet".',
            ),
            Section(
                "Objection handling",
                blocks=tuple(_objection(o) for o in picture.objections[:OBJECTIONS]),
                empty="No lost deal gave a reason or notes.",
            ),
            Section(
                "Battlecards",
                claims=_unsaved_note(picture.losses.on_the_fly),
                blocks=tuple(
                    _battlecard(competitor_profile(engine, s.name))
                    for s in competitor_ranking(engine)[:BATTLECARDS]
                ),
                empty="No competitors yet: import deals with a competitor field.",
            ),
        ),
    )


def _unsaved_note(on_the_fly: int) -> tuple[Claim, ...]:
    """Lost deals with no saved loss category: the brief classified them in memory (as
    battlecards do), and says so, and how to save them."""
    if not on_the_fly:
        return ()
    return (
        inference(
            f"{plural(on_the_fly, 'lost deal')} had no saved loss category: classified for "
            "this brief only (a correction needs a saved one: tradeoff classify-losses, "
            "or the next CRM import, saves them)",
            "lost deals without a loss classification",
            on_the_fly,
        ),
    )


def _item_claim(planned: PlannedItem) -> Claim:
    item = planned.item
    what = f"{COLUMN_WORDS[item.horizon]}: {item.title}"
    if item.description:
        what += f" — {item.description}"
    if planned.goals:
        what += f" (for the goal: {'; '.join(g.title for g in planned.goals)})"
    return fact(what, f"roadmap item #{item.id}", 1)


def _objection(objection: Objection) -> Block:
    claims = [
        fact(
            f"Raised in {plural(objection.deals, 'lost deal')}; "
            + (
                f"{money_text(objection.lost_revenue)} lost in the "
                f"{plural(objection.with_amount, 'deal')} with an amount"
                if objection.with_amount
                else "no amount recorded"
            ),
            OBJECTION_SOURCE,
            objection.deals,
        )
    ]
    others = [w for w in objection.wordings if w != objection.text]
    if others:
        claims.append(fact(f"Also written: {'; '.join(others)}", OBJECTION_SOURCE, objection.deals))
    if objection.from_notes:
        claims.append(
            inference(
                "Some of these deals gave no loss reason: their notes were read instead",
                "deal notes, where the loss reason was empty",
            )
        )
    quotes = tuple(
        Quote(text=q, who="lost deals", source=OBJECTION_SOURCE)
        for q in objection.quotes
        if q != objection.text
    )
    return Block(title=objection.text, claims=tuple(claims), quotes=quotes)


def _battlecard(profile: CompetitorProfile) -> Block:
    s = profile.standing
    claims = [
        fact(
            f"Record: met in {plural(s.deals_met, 'deal')}, won {s.won:,}, lost {s.lost:,}, "
            f"open {s.open:,}; win rate {share_text(s.win_rate)}; "
            f"{money_text(rival_money(s)['at_stake'])} at stake",
            CARD_SOURCE,
            s.deals_met,
        )
    ]
    for seg in profile.segments:
        closed = seg.won + seg.lost
        if not closed:
            continue
        name = seg.segment or "(no segment)"
        where = "They win" if seg.lost > seg.won else "We win" if seg.won > seg.lost else "Even"
        claims.append(
            fact(
                f"{where} in {name}: we lost {seg.lost:,} of {plural(closed, 'closed deal')} "
                f"(loss rate {share_text(seg.loss_rate)})",
                CARD_SOURCE,
                closed,
            )
        )
    for reason in profile.loss_reasons:
        claims.append(
            fact(
                f"We lose to them on {words(reason.category)}: {plural(reason.deals, 'deal')}, "
                f"{money_text(reason.revenue, reason.deals, reason.priced)}",
                "the loss taxonomy of lost deals where they were present",
                reason.deals,
            )
        )
    for theme in profile.themes[:LANDMINES]:
        claims.append(
            fact(
                f"Landmine: customers raise {theme.name} when they are present — "
                f"{plural(theme.evidence, 'item')} from {plural(theme.accounts, 'account')}",
                "evidence from accounts in deals where they were present",
                theme.evidence,
            )
        )
    quotes = tuple(
        Quote(
            text=q.text,
            who=q.account or "no account",
            source=f"{q.kind.value} #{q.evidence_id}, {q.created_at.date().isoformat()}",
        )
        for q in profile.quotes[:QUOTES]
    )
    return Block(title=f"{s.name} ({words(s.kind)})", claims=tuple(claims), quotes=quotes)
