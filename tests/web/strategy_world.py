"""Assumptions, experiments, areas and a team, with hostile text in every field a person
types, for the assumption, experiment, coverage and check pages (and the browser test).

Planted through the same APIs as ``tradeoff assumption|experiment|area|team``:

- A1 (HOSTILE statement, high risk, 30%) behind an opportunity; experiment E2 on it is
  planned with a 0.20 → 0.25 design, hostile hypothesis and rule.
- A2 (high, 60%, informs a decision): E1, 0.10 → 0.12 at α 0.05 / power 0.8 (3,841 per arm),
  started and recorded at 1,000/100 against 1,000/130: p = 0.0355, passed, but below the
  planned sample; A2 is validated by it.
- A3 (low, 20%): set to invalidated by judgement, with a hostile reason.
- An area owned by nobody with a hostile name, and a PM whose name and title are hostile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from tradeoff.decisions.decision_draft import DecisionDraft
from tradeoff.decisions.log import record_decision
from tradeoff.decisions.opportunities import new_opportunity
from tradeoff.domain.enums import AssumptionStatus, Level
from tradeoff.strategy.assumptions import new_assumption, set_status
from tradeoff.strategy.coverage import add_team_member, new_area
from tradeoff.strategy.experiments import new_experiment, record_arms, start_experiment
from tradeoff.strategy.sample_size import Arm

SCRIPT = "<script>window.__pwned = 1</script>"
ATTRIBUTE = '"><img src=x onerror="window.__pwned=1">'
STATEMENT = f"Finance leads reconcile {SCRIPT} weekly"
HYPOTHESIS = f"A virtual card lifts use {ATTRIBUTE}"
RULE = f"Ship if the lift is at least 5 points {SCRIPT}"
REASON = f"11 of 12 interviews said no {ATTRIBUTE}"
AREA_NAME = f"Onboarding {SCRIPT}"
PM_NAME = f"Mallory {ATTRIBUTE}"
PM_TITLE = f"PM {SCRIPT}"
PM_EMAIL = "mallory@ours.example"


@dataclass(frozen=True)
class StrategyPlanted:
    a1: int
    a2: int
    a3: int
    e1: int
    e2: int
    decision: int
    opportunity: int


def plant_strategy(engine: Engine) -> StrategyPlanted:
    opportunity = new_opportunity(engine, "Virtual cards at approval")
    decision = record_decision(
        engine,
        DecisionDraft(
            question="Issue virtual cards at approval?",
            options=("Yes", "Not yet"),
            chosen="Yes",
            signals=("date 2027-03-01",),
            owner="Priya",
        ),
    )
    assert opportunity.id is not None
    assert decision.id is not None
    a1 = new_assumption(
        engine, STATEMENT, risk=Level.HIGH, confidence=0.3, opportunity_id=opportunity.id
    )
    a2 = new_assumption(
        engine,
        "Card use in the first week predicts retention",
        risk=Level.HIGH,
        confidence=0.6,
        decision_id=decision.id,
    )
    a3 = new_assumption(engine, "Admins want an audit export", risk=Level.LOW, confidence=0.2)
    assert a1.id is not None
    assert a2.id is not None
    assert a3.id is not None
    e1 = new_experiment(
        engine,
        assumption_id=a2.id,
        hypothesis="A virtual card at approval lifts first-week card use",
        rule="Ship to all if the lift is significant and at least 2 points",
        baseline=0.10,
        effect=0.02,
    ).experiment
    assert e1.id is not None
    start_experiment(engine, e1.id, date(2026, 9, 1))
    record_arms(engine, e1.id, Arm(1000, 100), Arm(1000, 130))
    e2 = new_experiment(
        engine, assumption_id=a1.id, hypothesis=HYPOTHESIS, rule=RULE, baseline=0.20, effect=0.05
    ).experiment
    assert e2.id is not None
    set_status(engine, a3.id, AssumptionStatus.INVALIDATED, reason=REASON)
    new_area(engine, "onboard", AREA_NAME)
    add_team_member(engine, PM_EMAIL, name=PM_NAME, role="pm", title=PM_TITLE)
    return StrategyPlanted(a1.id, a2.id, a3.id, e1.id, e2.id, decision.id, opportunity.id)
