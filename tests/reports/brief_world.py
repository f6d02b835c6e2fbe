"""The shared company with a quarter of strategy on top: metrics and a goal, a problem and
an opportunity, a roadmap, decisions (decided, not yet, proposed) and assumptions — what
every brief test generates its briefs from. ``BriefWorld`` keeps each object it wrote."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import Engine

from tests.business.world import World, build_world
from tests.reports.hostile import PWNED_SCRIPT, plant_hostile_decision, plant_hostile_text
from tradeoff.decisions.decision_draft import DecisionDraft, OptionLink
from tradeoff.decisions.log import record_decision
from tradeoff.decisions.opportunities import new_opportunity
from tradeoff.decisions.problems import link_problem, new_problem
from tradeoff.decisions.records import DecisionRecord
from tradeoff.decisions.signals import Subject
from tradeoff.domain.accounts import Account
from tradeoff.domain.deals import Competitor, Deal, DealCompetitor
from tradeoff.domain.decisions import Assumption
from tradeoff.domain.enums import (
    AccountLifecycle,
    CompetitorRelation,
    DealOutcome,
    DecisionStatus,
    Level,
    MetricDirection,
    MetricKind,
    RoadmapHorizon,
    RoadmapStatus,
)
from tradeoff.domain.problems import Problem
from tradeoff.domain.strategy import (
    Goal,
    KeyResult,
    MetricDefinition,
    MetricValue,
    RoadmapItem,
    RoadmapItemGoal,
    RoadmapItemOpportunity,
)
from tradeoff.storage import metrics, repository
from tradeoff.storage.session import write_session
from tradeoff.strategy.goals import new_goal

PERIOD = "2026Q4"
AS_OF = date(2026, 11, 15)
HOURS = "Time to first card payment"
#: (day, value) of the hours metric; the last is after AS_OF, so not yet known.
HOURS_VALUES = [(date(2026, 10, 5), 62.0), (date(2026, 11, 9), 55.0), (date(2026, 11, 30), 50.0)]
KR_HOURS = f"{HOURS} from 62 to 48 by 2026-12-31"
KR_OUTPUT = "Ship the new onboarding checklist"


@dataclass(frozen=True)
class BriefWorld:
    world: World
    metric: MetricDefinition
    goal: Goal
    key_results: list[KeyResult]
    problem: Problem
    opportunity_id: int
    items: list[RoadmapItem]
    decided: DecisionRecord
    not_yet: DecisionRecord
    proposed: DecisionRecord
    assumptions: list[Assumption]


def build_brief_world(engine: Engine) -> BriefWorld:
    world = build_world(engine)
    with write_session(engine) as session:
        hours = metrics.define_metric(
            session,
            MetricDefinition(name=HOURS, unit="hours", direction=MetricDirection.DOWN_IS_GOOD),
        )
        metrics.define_metric(
            session, MetricDefinition(name="Features shipped", kind=MetricKind.ACTIVITY)
        )
        assert hours.id is not None
        for day, value in HOURS_VALUES:
            metrics.upsert_value(
                session, MetricValue(metric_id=hours.id, observed_on=day, value=value)
            )
    goal, key_results = new_goal(
        engine, "Activate new businesses", period=PERIOD, key_results=[KR_HOURS, KR_OUTPUT]
    )
    problem = new_problem(
        engine,
        "Finance teams cannot export a year of invoices",
        who_has_it="Finance leads at mid-market customers",
        trying_to="close the books each month",
        goes_wrong="the export times out and they rebuild it by hand",
        severity="high",
    )
    assert problem.id is not None
    bulk = world.theme("Bulk export").id
    assert bulk is not None
    link_problem(engine, problem.id, theme_ids=[bulk])
    opportunity = new_opportunity(engine, "Bulk export", problem_ids=[problem.id])
    assert opportunity.id is not None
    assert goal.id is not None
    with write_session(engine) as session:
        items = [
            repository.add(session, RoadmapItem(title=title, description=about, horizon=column,
                                                rank=rank, status=status))
            for title, about, column, rank, status in (
                ("Bulk export v1", "Export a year of invoices in one file", RoadmapHorizon.NOW,
                 1, RoadmapStatus.IN_PROGRESS),
                ("Audit log viewer", None, RoadmapHorizon.NEXT, 1, RoadmapStatus.PLANNED),
                ("Dark mode", None, RoadmapHorizon.LATER, 1, RoadmapStatus.PLANNED),
                ("Old importer", None, RoadmapHorizon.NOW, 2, RoadmapStatus.SHIPPED),
            )
        ]  # fmt: skip
        assert items[0].id is not None
        repository.add(session, RoadmapItemGoal(item_id=items[0].id, goal_id=goal.id))
        repository.add(
            session, RoadmapItemOpportunity(item_id=items[0].id, opportunity_id=opportunity.id)
        )
    decided = record_decision(
        engine,
        DecisionDraft(
            question="Build bulk export before SSO?",
            context="Finance leads lose days each month rebuilding exports.",
            options=("Build bulk export now", "Build SSO first"),
            chosen="1",
            tradeoffs="SSO waits a quarter; two enterprise prospects may stall.",
            not_optimising_for="Enterprise security reviews this quarter",
            assumptions=("Finance leads will export monthly once it works",),
            owner="Maya Okafor",
            decided_on=date(2026, 10, 20),
            links=(OptionLink(1, Subject.PROBLEM, problem.id),),
        ),
    )
    not_yet = record_decision(
        engine,
        DecisionDraft(
            question="Not yet: SAML single sign-on",
            context="Only two prospects asked, both through sales.",
            options=("Build SAML now", "Not yet"),
            chosen="2",
            signals=(f"opportunity {opportunity.id} pipeline >= 250000",),
            owner="Maya Okafor",
            status=DecisionStatus.NOT_YET,
            requested_by="Rachel Stein (sales)",
            decided_on=date(2026, 11, 2),
        ),
    )
    proposed = record_decision(
        engine,
        DecisionDraft(
            question="Price the Scale plan per seat?",
            options=("Per seat", "Flat fee"),
            owner="Maya Okafor",
            status=DecisionStatus.PROPOSED,
        ),
    )
    with write_session(engine) as session:
        assumptions = [
            repository.add(
                session,
                Assumption(statement=text, risk=risk, confidence=confidence,
                           decision_id=decided.id),
            )
            for text, risk, confidence in (
                ("Finance leads will export monthly once it works", Level.HIGH, 0.3),
                ("Enterprise prospects can wait for SSO", Level.HIGH, 0.8),
                ("Dark mode matters little", Level.LOW, 0.2),
            )
        ]  # fmt: skip
    return BriefWorld(
        world, hours, goal, key_results, problem, opportunity.id, items, decided, not_yet,
        proposed, assumptions,
    )  # fmt: skip


MOUSEOVER = 'Rival" onmouseover="alert(1)'
LINK = "[click me](javascript:alert(1)) ![x](https://tracker.example/p.png)"


def plant_everything_hostile(engine: Engine) -> None:
    """The brief world with hostile words wherever a brief prints customer text: a
    competitor, an account, deal notes, a theme and its quotes, a problem, a "not yet"."""
    bw = build_brief_world(engine)
    planted = plant_hostile_text(engine, bw.world)
    assert planted.theme.id is not None
    decision = plant_hostile_decision(engine, planted.theme.id)
    with write_session(engine) as session:
        account = repository.add(
            session,
            Account(name=f"Shady {MOUSEOVER}", lifecycle=AccountLifecycle.PROSPECT),
        )
        rival = repository.add(session, Competitor(name=MOUSEOVER))
        deal = repository.add(
            session,
            Deal(
                source="salesforce", external_id="mouseover", account_id=account.id,
                name=MOUSEOVER, amount=Decimal(900_000), currency="USD",
                outcome=DealOutcome.LOST, stage="Closed Lost",
                created_at=datetime(2026, 6, 1, tzinfo=UTC),
                closed_at=datetime(2026, 9, 1, tzinfo=UTC), notes=f"{LINK} {MOUSEOVER}",
            ),
        )  # fmt: skip
        assert deal.id is not None
        assert rival.id is not None
        repository.add(
            session,
            DealCompetitor(
                deal_id=deal.id, competitor_id=rival.id, relation=CompetitorRelation.LOST_TO,
                mentioned_as=MOUSEOVER,
            ),
        )  # fmt: skip
        item = repository.add(
            session, RoadmapItem(title=f"Fix {PWNED_SCRIPT}", horizon=RoadmapHorizon.NOW, rank=5)
        )
        assert item.id is not None
        repository.add(
            session,
            RoadmapItemOpportunity(item_id=item.id, opportunity_id=decision.opportunity_id),
        )
