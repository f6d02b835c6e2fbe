"""The demo's goals, from workspace.toml's ``[[goals]]``, through the real goal path.

Each demo goal names one metric by its ``[[metrics]]`` key with a baseline and a target;
it becomes a key result on that metric (due the quarter's last day), written in the same
one-line form ``tradeoff goal new --kr`` reads, and stored by ``new_goal``, so the demo
exercises the real parser. ``output_key_results`` are kept as written, and ``tradeoff
goals`` flags them. Running it again changes nothing: goals are keyed on (title, period).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from tradeoff.storage.goals import goal_by_title
from tradeoff.storage.session import read_session
from tradeoff.strategy.goals import new_goal
from tradeoff.strategy.progress import quarter_bounds


def load_demo_goals(engine: Engine, records: dict[str, Any]) -> int:
    """Store ``records``' goals not stored yet; returns how many were added."""
    metric_names = {str(m["key"]): str(m["name"]) for m in records.get("metrics", [])}
    people = {str(p["email"]): str(p["name"]) for p in records.get("team", []) if p.get("email")}
    added = 0
    for entry in records.get("goals", []):
        title, period = str(entry["title"]), str(entry["period"])
        with read_session(engine) as session:
            if goal_by_title(session, title, period) is not None:
                continue
        key_results = []
        if entry.get("metric"):
            name = metric_names.get(str(entry["metric"]), str(entry["metric"]))
            due = quarter_bounds(period)[1]
            key_results.append(
                f"{name} from {entry['baseline']:g} to {entry['target']:g} by {due.isoformat()}"
            )
        key_results.extend(str(text) for text in entry.get("output_key_results", []))
        owner = entry.get("owner")
        new_goal(
            engine,
            title,
            period=period,
            key_results=key_results,
            owner=people.get(str(owner), str(owner)) if owner else None,
        )
        added += 1
    return added
