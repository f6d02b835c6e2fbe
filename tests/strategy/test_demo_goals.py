"""The demo's goals load through the real goal path, once, with their flags."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from tradeoff.demo import _records, read_manifest
from tradeoff.demo_decisions import load_demo_decisions
from tradeoff.demo_goals import load_demo_goals
from tradeoff.strategy.goals import goals_progress
from tradeoff.strategy.progress import Standing

DEMO = Path(__file__).resolve().parents[2] / "demo" / "data"


def test_demo_goals_are_measured_on_the_demo_metrics(engine: Engine) -> None:
    records = _records(DEMO, read_manifest(DEMO))
    load_demo_decisions(engine, records, DEMO)
    assert load_demo_goals(engine, records) == 3
    assert load_demo_goals(engine, records) == 0
    goals = goals_progress(engine, period="2026Q4", as_of=date(2026, 10, 31))
    assert [(g.goal.title, g.goal.owner) for g in goals] == [
        ("New businesses get value in their first week", "Aisha Rahman"),
        ("Grow revenue from the customers we have", "Rachel Stein"),
        ("Be the account businesses recommend", "Maya Okafor"),
    ]
    activation, checklist = goals[0].key_results
    assert activation.key_result.description == (
        "Time to first card payment (median) from 62 to 48 by 2026-12-31"
    )
    # The latest weekly median by 31 Oct is 56.8 h (19 Oct): (56.8 − 62) / (48 − 62).
    assert activation.progress.ratio is not None
    assert round(activation.progress.ratio, 4) == round((56.8 - 62) / (48 - 62), 4)
    assert checklist.progress.standing is Standing.NO_METRIC
    assert checklist.progress.flags[1] == ("reads as output: 'ship' names work to do, not a result")
