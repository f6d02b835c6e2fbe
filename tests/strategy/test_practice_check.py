"""The practice check on two workspaces, on SQLite and PostgreSQL: one drifting from the
principles, where each rule fires exactly on the records planted for it, and a clean one,
where none does.

``drifting`` is also the fixture of ``test_coverage`` and ``test_check_cli``; its plan:

- themes: *Transfers stall* (6 observed tickets, 5 stated interviews of which 2 praise
  transfers: said fine, seen broken), *Payouts in local currency* (2 requests relayed by a
  sales rep: proxy only), *Reporting* (5 stated survey answers, nothing observed: said,
  never seen), *Old card carrier* (one ticket from January: stale at a 180-day half-life);
- areas: payments (Tom), cards (Aisha), platform (Maya, not a team member, no problems),
  onboarding (nobody, one problem with one ticket: a material area with no owner);
- roadmap: R1 with a goal; R2 with a goal, pursuing the opportunity whose problem rests on
  the stale theme; R3 "Dark mode" in now with no goal, moved six times in October; a
  shipped item with no goal (history, not counted);
- key results: one on an outcome metric, one on an activity metric, one "Ship the tracker";
- decisions: one sound, one with a single option and no revisit signal, a superseded one and
  a proposal (neither counted);
- contact: Tom took an interview and a call in the window, Aisha one in July, Maya none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.deals import Deal
from tradeoff.domain.decisions import Decision
from tradeoff.domain.enums import (
    AccountLifecycle,
    DecisionStatus,
    EvidenceKind,
    MetricKind,
    OpportunityStatus,
    PersonRole,
    RoadmapChangeKind,
    RoadmapHorizon,
    RoadmapStatus,
)
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.domain.problems import (
    Opportunity,
    OpportunityProblem,
    Problem,
    ProblemEvidence,
    ProblemTheme,
)
from tradeoff.domain.strategy import (
    MetricDefinition,
    ProductArea,
    RoadmapChange,
    RoadmapItem,
    RoadmapItemGoal,
    RoadmapItemOpportunity,
    TeamMember,
)
from tradeoff.domain.workspace import CurrencyRate
from tradeoff.storage import metrics, repository
from tradeoff.storage.currency import set_rate
from tradeoff.storage.session import write_session
from tradeoff.strategy.goals import new_goal
from tradeoff.strategy.practice.runner import RULES, run_check

AS_OF = date(2026, 10, 31)
RULE_KEYS = [
    "roadmap-goal",
    "kr-output",
    "stated-observed",
    "proxy-only-themes",
    "unanchored-requests",
    "unanchored-opportunities",
    "decision-revisit",
    "decision-options",
    "priority-churn",
    "area-owner",
    "pm-contact",
    "stale-themes",
]


def at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


@dataclass
class Planted:
    """Ids of what the fixture planted, by the name the tests use."""

    ids: dict[str, int] = field(default_factory=dict)
    engine: Engine | None = None

    def __getitem__(self, name: str) -> int:
        return self.ids[name]


class Builder:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.planted = Planted(engine=engine)
        self.serial = 0

    def add(self, name: str | None, entity: object) -> int:
        with write_session(self.engine) as session:
            stored = repository.add(session, entity)
        found = getattr(stored, "id", None)
        if name is not None:
            assert found is not None
            self.planted.ids[name] = found
        return found or 0

    def evidence(
        self,
        kind: EvidenceKind,
        text: str,
        day: str,
        *,
        person: str | None = None,
        account: str | None = None,
        relayed_by: str | None = None,
        raw: dict[str, object] | None = None,
        themes: tuple[str, ...] = (),
        name: str | None = None,
    ) -> int:
        self.serial += 1
        evidence_id = self.add(
            name,
            EvidenceItem(
                source="fixture",
                external_id=f"e{self.serial}",
                kind=kind,
                text=text,
                created_at=at(day),
                person_id=self.planted[person] if person else None,
                account_id=self.planted[account] if account else None,
                relayed_by_id=self.planted[relayed_by] if relayed_by else None,
                raw=raw or {},
            ),
        )
        for theme in themes:
            self.add(None, EvidenceTheme(evidence_id=evidence_id, theme_id=self.planted[theme]))
        return evidence_id


def interview_raw(interviewer: str) -> dict[str, object]:
    """What the interviews importer keeps: the note's whole front matter."""
    return {
        "file": "note.md",
        "front_matter": {"kind": "interview", "interviewer_email": interviewer},
    }


def people(b: Builder) -> None:
    b.add(
        "harbour",
        Account(
            name="Harbour Freight Ltd",
            arr=Decimal("120000"),
            currency="GBP",
            lifecycle=AccountLifecycle.CUSTOMER,
        ),
    )
    b.add(
        "quayside",
        Account(
            name="Quayside Coffee",
            arr=Decimal("30000"),
            currency="USD",
            lifecycle=AccountLifecycle.CUSTOMER,
        ),
    )
    b.add("nordlicht", Account(name="Nordlicht GmbH", currency="EUR"))
    b.add(
        "deal",
        Deal(
            source="fixture",
            external_id="d1",
            name="Nordlicht expansion",
            account_id=b.planted["nordlicht"],
            amount=Decimal("50000"),
            currency="EUR",
        ),
    )
    b.add(
        "zoe",
        Person(
            name="Zoë O'Brien",
            email="zoe@harbour.example",
            account_id=b.planted["harbour"],
            role=PersonRole.END_USER,
        ),
    )
    b.add(
        "raj",
        Person(
            name="Raj Patel",
            email="raj@quayside.example",
            account_id=b.planted["quayside"],
            role=PersonRole.END_USER,
        ),
    )
    b.add(
        "lena",
        Person(
            name="Lena Vogt",
            email="lena@nordlicht.example",
            account_id=b.planted["nordlicht"],
            role=PersonRole.BUYER,
        ),
    )
    b.add("oliver", Person(name="Oliver Grant", email="oliver@ours.example", role=PersonRole.SALES))
    b.add(
        "tom_person",
        Person(name="Tom Lindqvist", email="tom@ours.example", role=PersonRole.UNKNOWN),
    )
    with write_session(b.engine) as session:
        set_rate(session, CurrencyRate(currency="GBP", per_base=Decimal("1.27")))
        set_rate(session, CurrencyRate(currency="EUR", per_base=Decimal("1.08")))
    b.add(
        "tom",
        TeamMember(email="tom@ours.example", name="Tom Lindqvist", role="pm", title="PM, Payments"),
    )
    b.add("aisha", TeamMember(email="aisha@ours.example", name="Aisha Rahman", role="pm"))
    b.add("jonas", TeamMember(email="jonas@ours.example", name="Jonas Becker", role="research"))


def evidence(b: Builder) -> None:
    for name in ("transfers", "payouts", "reporting", "carrier"):
        b.add(name, Theme(name=name.title()))
    for n, (who, account) in enumerate([("zoe", "harbour"), ("raj", "quayside")] * 3):
        b.evidence(
            EvidenceKind.TICKET,
            f"My transfer is still pending, day {n + 3}",
            "2026-10-0" + str(n + 2),
            person=who,
            account=account,
            themes=("transfers",),
        )
    for n, text in enumerate(
        [
            "Transfers work well for us, supplier payments go out same day.",
            "I love how easy transfers are.",
            "We send about forty transfers a month to suppliers.",
            "Transfers to Germany are the ones we watch.",
            "Our bookkeeper checks each transfer by hand.",
        ]
    ):
        b.evidence(
            EvidenceKind.INTERVIEW,
            text,
            f"2026-10-1{n}",
            person="zoe",
            account="harbour",
            themes=("transfers",),
        )
    for n in range(2):
        b.evidence(
            EvidenceKind.INTERNAL_REQUEST,
            f"Pay EU contractors in EUR, ask {n}",
            f"2026-10-2{n}",
            person="lena",
            account="nordlicht",
            relayed_by="oliver",
            themes=("payouts",),
        )
    for n in range(5):
        b.evidence(
            EvidenceKind.SURVEY,
            f"Reports should show cost centres ({n})",
            f"2026-09-1{n}",
            person="raj" if n % 2 else "zoe",
            account="quayside" if n % 2 else "harbour",
            themes=("reporting",),
        )
    b.evidence(
        EvidenceKind.TICKET,
        "The card carrier arrived torn",
        "2026-01-10",
        person="zoe",
        account="harbour",
        themes=("carrier",),
        name="carrier_ticket",
    )
    b.evidence(
        EvidenceKind.TICKET,
        "Verification rejected my passport twice",
        "2026-10-05",
        person="raj",
        account="quayside",
        name="verification_ticket",
    )
    b.evidence(
        EvidenceKind.INTERNAL_REQUEST,
        "Customer wants dark mode",
        "2026-10-06",
        relayed_by="oliver",
        name="loose_request",
    )
    # Contacts: interviews and calls, and a survey that names an interviewer (not a contact).
    b.evidence(
        EvidenceKind.INTERVIEW,
        "Walkthrough of month end",
        "2026-10-20",
        person="raj",
        raw=interview_raw("Tom@Ours.example"),
        name="tom_interview",
    )
    b.evidence(
        EvidenceKind.CALL,
        "QBR: transfers are slow",
        "2026-09-01",
        person="zoe",
        relayed_by="tom_person",
        name="tom_call",
    )
    b.evidence(
        EvidenceKind.INTERVIEW,
        "Early discovery",
        "2026-05-01",
        person="zoe",
        raw=interview_raw("tom@ours.example"),
    )
    b.evidence(
        EvidenceKind.INTERVIEW,
        "Card onboarding",
        "2026-07-15",
        person="raj",
        raw=interview_raw("aisha@ours.example"),
    )
    b.evidence(
        EvidenceKind.SURVEY,
        "NPS follow-up",
        "2026-10-25",
        person="raj",
        raw=interview_raw("aisha@ours.example"),
    )
    b.evidence(
        EvidenceKind.INTERVIEW,
        "Research session",
        "2026-10-26",
        person="zoe",
        raw=interview_raw("jonas@ours.example"),
    )


def judgement(b: Builder) -> None:
    b.add("payments", ProductArea(key="payments", name="Payments", owner_email="tom@ours.example"))
    b.add("cards", ProductArea(key="cards", name="Cards", owner_email="aisha@ours.example"))
    b.add("platform", ProductArea(key="platform", name="Platform", owner_email="maya@ours.example"))
    b.add("onboarding", ProductArea(key="onboarding", name="Onboarding and verification"))
    for name, theme, area in [
        ("p_transfers", "transfers", "payments"),
        ("p_reporting", "reporting", "payments"),
        ("p_payouts", "payouts", "cards"),
        ("p_carrier", "carrier", "cards"),
    ]:
        b.add(name, Problem(statement=f"Problem of {theme}", area_id=b.planted[area]))
        b.add(None, ProblemTheme(problem_id=b.planted[name], theme_id=b.planted[theme]))
    b.add(
        "p_verification", Problem(statement="Verification stalls", area_id=b.planted["onboarding"])
    )
    b.add(
        None,
        ProblemEvidence(
            problem_id=b.planted["p_verification"], evidence_id=b.planted["verification_ticket"]
        ),
    )
    for name, problem, status in [
        ("o_tracker", "p_transfers", OpportunityStatus.EXPLORING),
        ("o_carrier", "p_carrier", OpportunityStatus.COMMITTED),
        ("o_reports", "p_reporting", OpportunityStatus.SHIPPED),
        ("o_dark", None, OpportunityStatus.IDEA),
    ]:
        b.add(name, Opportunity(title=name, status=status))
        if problem:
            b.add(
                None,
                OpportunityProblem(opportunity_id=b.planted[name], problem_id=b.planted[problem]),
            )


def plans(b: Builder) -> None:
    with write_session(b.engine) as session:
        metrics.define_metric(session, MetricDefinition(name="Transfer tickets"))
        metrics.define_metric(
            session, MetricDefinition(name="Features shipped", kind=MetricKind.ACTIVITY)
        )
    goal, results = new_goal(
        b.engine,
        "Transfers people trust",
        period="2026Q4",
        key_results=[
            "transfer_tickets from 12 to 6",
            "features_shipped from 2 to 10",
            "Ship the tracker",
        ],
    )
    assert goal.id is not None
    b.planted.ids.update(
        {"goal": goal.id, "kr_activity": results[1].id or 0, "kr_ship": results[2].id or 0}
    )
    items = [
        (
            "r_tracker",
            RoadmapHorizon.NOW,
            RoadmapStatus.IN_PROGRESS,
            "tom@ours.example",
            True,
            "o_tracker",
        ),
        (
            "r_carrier",
            RoadmapHorizon.NEXT,
            RoadmapStatus.PLANNED,
            "aisha@ours.example",
            True,
            "o_carrier",
        ),
        ("r_dark", RoadmapHorizon.NOW, RoadmapStatus.PLANNED, "Tom@ours.example", False, "o_dark"),
        ("r_old", RoadmapHorizon.LATER, RoadmapStatus.SHIPPED, None, False, None),
    ]
    for rank, (name, horizon, status, owner, with_goal, opportunity) in enumerate(items):
        b.add(
            name,
            RoadmapItem(
                title=name,
                horizon=horizon,
                status=status,
                owner=owner,
                rank=rank,
                area_id=b.planted["payments"],
            ),
        )
        if with_goal:
            b.add(None, RoadmapItemGoal(item_id=b.planted[name], goal_id=goal.id))
        if opportunity:
            b.add(
                None,
                RoadmapItemOpportunity(
                    item_id=b.planted[name], opportunity_id=b.planted[opportunity]
                ),
            )
    columns = ["later", "next", "now", "next", "now", "next", "now"]
    for n in range(6):
        b.add(
            None,
            RoadmapChange(
                item_id=b.planted["r_dark"],
                kind=RoadmapChangeKind.HORIZON,
                old_value=columns[n],
                new_value=columns[n + 1],
                changed_by="ceo@ours.example",
                reason="The CEO asked",
                changed_at=at(f"2026-10-{n * 4 + 2:02d}"),
            ),
        )
    b.add(
        "d_sound",
        Decision(
            title="Keep the processor",
            options=["keep", "switch"],
            chosen_option="keep",
            revisit_signals=["declines > 18 a month"],
            status=DecisionStatus.DECIDED,
            decided_at=at("2026-02-01"),
        ),
    )
    b.add(
        "d_thin",
        Decision(
            title="Build the tracker",
            options=["build"],
            chosen_option="build",
            status=DecisionStatus.DECIDED,
            decided_at=at("2026-03-01"),
        ),
    )
    b.add(
        None,
        Decision(title="Old plan", status=DecisionStatus.SUPERSEDED, decided_at=at("2025-03-01")),
    )
    b.add(None, Decision(title="A proposal", status=DecisionStatus.PROPOSED))


@pytest.fixture
def drifting(engine: Engine) -> Planted:
    b = Builder(engine)
    people(b)
    evidence(b)
    judgement(b)
    plans(b)
    return b.planted


@pytest.fixture
def clean(engine: Engine) -> Engine:
    """Every principle kept: a direct, observed-and-stated, recent theme behind an owned
    area's problem, a roadmap item with a goal on an outcome metric, a sound decision, and a
    PM who took an interview last week."""
    b = Builder(engine)
    b.add(
        "harbour",
        Account(
            name="Harbour Freight Ltd",
            arr=Decimal("1000"),
            currency="USD",
            lifecycle=AccountLifecycle.CUSTOMER,
        ),
    )
    b.add(
        "zoe",
        Person(
            name="Zoë",
            email="zoe@harbour.example",
            account_id=b.planted["harbour"],
            role=PersonRole.END_USER,
        ),
    )
    b.add("tom", TeamMember(email="tom@ours.example", name="Tom", role="pm"))
    b.add("theme", Theme(name="Transfers"))
    b.evidence(
        EvidenceKind.TICKET,
        "My transfer is pending",
        "2026-10-02",
        person="zoe",
        account="harbour",
        themes=("theme",),
    )
    b.evidence(
        EvidenceKind.INTERVIEW,
        "Transfers are slow to land",
        "2026-10-24",
        person="zoe",
        account="harbour",
        raw=interview_raw("tom@ours.example"),
        themes=("theme",),
    )
    b.add("area", ProductArea(key="payments", name="Payments", owner_email="tom@ours.example"))
    b.add("problem", Problem(statement="Transfers stall", area_id=b.planted["area"]))
    b.add(None, ProblemTheme(problem_id=b.planted["problem"], theme_id=b.planted["theme"]))
    b.add("opportunity", Opportunity(title="Tracker"))
    b.add(
        None,
        OpportunityProblem(
            opportunity_id=b.planted["opportunity"], problem_id=b.planted["problem"]
        ),
    )
    with write_session(engine) as session:
        metrics.define_metric(session, MetricDefinition(name="Transfer tickets"))
    goal, _ = new_goal(
        engine, "Trust", period="2026Q4", key_results=["transfer_tickets from 12 to 6"]
    )
    b.add(
        "item", RoadmapItem(title="Tracker", horizon=RoadmapHorizon.NOW, owner="tom@ours.example")
    )
    b.add(None, RoadmapItemGoal(item_id=b.planted["item"], goal_id=goal.id or 0))
    b.add(
        None,
        RoadmapItemOpportunity(item_id=b.planted["item"], opportunity_id=b.planted["opportunity"]),
    )
    b.add(
        None,
        Decision(
            title="Build the tracker",
            options=["build", "wait"],
            revisit_signals=["tickets fall"],
            status=DecisionStatus.DECIDED,
            decided_at=at("2026-10-01"),
        ),
    )
    return engine


def fired(engine: Engine) -> dict[str, list[int | str]]:
    report = run_check(engine, as_of=AS_OF)
    return {r.key: [f.id for f in r.findings] for r in report.rules if not r.passed}


def test_every_rule_fires_exactly_on_what_was_planted(drifting: Planted) -> None:
    assert drifting.engine is not None
    report = run_check(drifting.engine, as_of=AS_OF)
    assert [r.key for r in report.rules] == RULE_KEYS
    found = {r.key: r for r in report.rules}
    assert fired(drifting.engine) == {
        "roadmap-goal": [drifting["r_dark"]],
        "kr-output": [drifting["kr_activity"], drifting["kr_ship"]],
        "stated-observed": [drifting["transfers"], drifting["reporting"]],
        "proxy-only-themes": [drifting["payouts"]],
        "unanchored-requests": [drifting["loose_request"]],
        "unanchored-opportunities": [drifting["o_dark"]],
        "decision-revisit": [drifting["d_thin"]],
        "decision-options": [drifting["d_thin"]],
        "priority-churn": [drifting["r_dark"]],
        "area-owner": ["onboarding"],
        "pm-contact": ["aisha@ours.example", "maya@ours.example"],
        "stale-themes": [drifting["r_carrier"]],
    }
    assert report.score == "0/12"
    # Transfers: 6 observed > 5 stated, and 2 of 5 stated pieces praise transfers (≥ 20 %).
    transfers, reporting = found["stated-observed"].findings
    assert transfers.detail == (
        "said fine, seen broken: 5 stated, 6 observed, 2 items speak well of the area"
    )
    assert reporting.detail == "said, never seen: 5 stated, 0 observed"
    assert found["priority-churn"].count == 6  # six moves of R3 in October
    assert found["stale-themes"].findings[0].detail == (
        f"theme {drifting['carrier']} 'Carrier', last evidence 2026-01-10"
    )
    assert found["pm-contact"].findings[0].detail == "0 in 90 days; last 2026-07-15"
    assert found["pm-contact"].findings[1].detail == "0 in 90 days; last none on record"


def test_a_clean_workspace_passes_every_rule(clean: Engine) -> None:
    report = run_check(clean, as_of=AS_OF)
    assert fired(clean) == {}
    assert report.score == f"{len(RULES)}/{len(RULES)}"
    assert all(r.count == 0 for r in report.rules)


def test_json_carries_every_rule_with_its_items_and_advice(drifting: Planted) -> None:
    assert drifting.engine is not None
    document = run_check(drifting.engine, as_of=AS_OF).to_json()
    assert document["score"] == {"passed": 0, "rules": 12}
    assert [r["rule"] for r in document["rules"]] == RULE_KEYS
    assert all(r["advice"] and r["items"] for r in document["rules"])
    assert document["thresholds"]["disagreement_min_stated"] == 5
