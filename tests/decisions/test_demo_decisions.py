"""The demo's metrics and decision log load from demo/data, tell the story the demo's
README tells (D-001's signal fired in June 2026, the others did not), and load once."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from tradeoff.decisions.log import list_decisions
from tradeoff.decisions.revisit import Outcome, revisit
from tradeoff.demo_decisions import load_demo_decisions
from tradeoff.domain.enums import DecisionStatus
from tradeoff.domain.problems import Problem
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session

DEMO = Path(__file__).resolve().parents[2] / "demo" / "data"
RECORDS = tomllib.loads((DEMO / "workspace.toml").read_text(encoding="utf-8"))


def test_the_demo_decision_log_and_its_fired_signal(engine: Engine) -> None:
    with write_session(engine) as session:
        # What the demo's problem loader stores: the [[problems]] title as the statement.
        payouts = repository.add(session, Problem(statement=RECORDS["problems"][3]["title"]))
    first = load_demo_decisions(engine, RECORDS, DEMO)
    assert (first.metrics_added, first.decisions_added) == (7, 3)
    assert first.values_added == sum(1 for _ in (DEMO / "metrics" / "metrics.csv").open()) - 1
    by_title = {r.decision.title: r for r in list_decisions(engine)}
    not_yet = by_title["Not yet: multi-currency payouts"]
    assert not_yet.decision.status is DecisionStatus.NOT_YET
    assert not_yet.decision.requested_by == "Rachel Stein (Chief Revenue Officer)"
    assert not_yet.decision.revisit_signals == [
        f"problem {payouts.id} direct_items >= 5 -- Revisit when five end users (not sales or "
        "support on their behalf) describe the need."
    ]
    assert [str(link) for link in not_yet.option_links] == [f"3:problem:{payouts.id}"]
    reply = not_yet.decision.reply_text or ""
    assert "please introduce us to the people who make these payments" in reply
    assert "if five or more customers describe “Businesses paying abroad" in reply

    report = revisit(engine, as_of=date(2026, 10, 31))
    [fired] = report.fired
    assert fired.question.startswith("Stay on our card processor")
    assert fired.fired_on == date(2026, 6, 1)
    assert {c.signal.split(" --")[0] for c in report.of(Outcome.NOT_FIRED)} == {
        "metric net_revenue_retention_quarterly < 95",
        f"problem {payouts.id} direct_items >= 5",
    }

    second = load_demo_decisions(engine, RECORDS, DEMO)
    assert second.__dict__ == dict.fromkeys(second.__dict__, 0)


def test_without_the_problems_the_evidence_signal_is_a_note(engine: Engine) -> None:
    load_demo_decisions(engine, RECORDS, DEMO)
    by_title = {r.decision.title: r for r in list_decisions(engine)}
    payouts = by_title["Not yet: multi-currency payouts"]
    assert payouts.decision.revisit_signals[0].startswith("note: Revisit when five end users")
    assert payouts.links == ()
    with read_session(engine) as session:
        assert repository.count(session, Problem) == 0
