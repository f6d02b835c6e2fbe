"""The few reads the briefs need that no other module offers: the roadmap with its links,
the assumption register, and the decision log cut to a period.

Each is one plain query through the generic repository; every figure stays with the module
that defines it (goals, demand, competitors, sales, problems).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from tradeoff.decisions.log import list_decisions
from tradeoff.decisions.records import DecisionRecord
from tradeoff.domain.decisions import Assumption
from tradeoff.domain.enums import (
    AssumptionStatus,
    DecisionStatus,
    Level,
    RoadmapHorizon,
    RoadmapStatus,
)
from tradeoff.domain.problems import Opportunity, OpportunityProblem
from tradeoff.domain.strategy import Goal, RoadmapItem
from tradeoff.storage import repository
from tradeoff.storage import roadmap as stored_roadmap
from tradeoff.storage.session import read_session

#: Statuses of work still to come or under way: shipped and dropped items are not promises.
OPEN_WORK = (RoadmapStatus.PLANNED, RoadmapStatus.IN_PROGRESS)
#: Below this confidence an assumption is "not known" (the register's scale is 0 to 1).
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True)
class PlannedItem:
    """A roadmap item with the goals it serves and the problems its opportunities address."""

    item: RoadmapItem
    goals: tuple[Goal, ...]
    opportunities: tuple[Opportunity, ...]
    problem_ids: tuple[int, ...]

    @property
    def anchored(self) -> bool:
        return bool(self.goals or self.opportunities)


def roadmap(engine: Engine, period: str) -> list[PlannedItem]:
    """Open items in now, next, later and this quarter, in column then rank order."""
    with read_session(engine) as session:
        items = stored_roadmap.all_items(session)
        goals = {g.id: g for g in repository.list_all(session, Goal)}
        opportunities = {o.id: o for o in repository.list_all(session, Opportunity)}
        goal_ids = stored_roadmap.goal_links(session)
        opportunity_ids = stored_roadmap.opportunity_links(session)
        opp_problems = repository.list_all(session, OpportunityProblem)
    goals_of = {item: [goals[g] for g in ids] for item, ids in goal_ids.items()}
    opps_of = {item: [opportunities[o] for o in ids] for item, ids in opportunity_ids.items()}
    problems_of: dict[int, list[int]] = defaultdict(list)
    for plink in opp_problems:
        problems_of[plink.opportunity_id].append(plink.problem_id)
    chosen = [
        i
        for i in items
        if i.status in OPEN_WORK
        and (i.horizon is not RoadmapHorizon.QUARTER or i.quarter == period)
    ]
    order = {h: n for n, h in enumerate(COLUMNS)}
    chosen.sort(key=lambda i: (order[i.horizon], i.rank, i.id or 0))
    return [
        PlannedItem(
            item,
            tuple(goals_of.get(item.id or 0, ())),
            tuple(opps_of.get(item.id or 0, ())),
            tuple(
                sorted({p for o in opps_of.get(item.id or 0, ()) for p in problems_of[o.id or 0]})
            ),
        )
        for item in chosen
    ]


#: The order columns read in: the committed first.
COLUMNS = (RoadmapHorizon.NOW, RoadmapHorizon.QUARTER, RoadmapHorizon.NEXT, RoadmapHorizon.LATER)


def risky_assumptions(engine: Engine) -> list[Assumption]:
    """High-risk assumptions we do not know to be true (confidence below one half, not yet
    validated or invalidated), least known first: where being wrong costs most."""
    with read_session(engine) as session:
        register = repository.list_all(session, Assumption)
    risky = [
        a
        for a in register
        if a.risk is Level.HIGH
        and a.confidence < LOW_CONFIDENCE
        and a.status in (AssumptionStatus.UNTESTED, AssumptionStatus.TESTING)
    ]
    return sorted(risky, key=lambda a: (a.confidence, a.id or 0))


@dataclass(frozen=True)
class DecisionsInView:
    """The current revision of each decision, cut the way the briefs read them."""

    #: Decided (or reversed) within the period, newest first.
    taken: tuple[DecisionRecord, ...]
    #: "Not yet" answers in force, newest first, whenever they were given.
    not_yet: tuple[DecisionRecord, ...]
    #: Proposed and waiting for someone to decide.
    waiting: tuple[DecisionRecord, ...]
    #: Every decision in force by the period's end, for the trade-offs they accept.
    in_force: tuple[DecisionRecord, ...]


def decisions_in_view(engine: Engine, start: date, end: date) -> DecisionsInView:
    current = list_decisions(engine)

    def day(record: DecisionRecord) -> date | None:
        decided = record.decision.decided_at
        return decided.date() if decided is not None else None

    taken = tuple(
        r
        for r in current
        if r.decision.status in (DecisionStatus.DECIDED, DecisionStatus.REVERSED)
        and (d := day(r)) is not None
        and start <= d <= end
    )
    in_force = tuple(
        r
        for r in current
        if r.decision.status is DecisionStatus.DECIDED and (d := day(r)) is not None and d <= end
    )
    return DecisionsInView(
        taken=taken,
        not_yet=tuple(r for r in current if r.decision.status is DecisionStatus.NOT_YET),
        waiting=tuple(r for r in current if r.decision.status is DecisionStatus.PROPOSED),
        in_force=in_force,
    )


def topic(title: str) -> str:
    """ "Not yet: SAML single sign-on" → "SAML single sign-on": the brief says "not yet" once."""
    head, sep, rest = title.partition(":")
    return rest.strip() if sep and head.strip().lower() == "not yet" and rest.strip() else title
