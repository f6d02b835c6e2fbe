"""The demo's problem statements and opportunities, from ``[[problems]]`` and
``[[opportunities]]`` of the workspace file (demo/README.md describes the keys).

Each problem is stored with its ``title`` as the statement (other demo loaders find a
problem by that rule) and linked to the themes ``tradeoff problem suggest`` finds with
confidence — the same search a PM runs, not theme ids written into the file, which change
with every analysis. Opportunities are stored with their problems, status and estimates in
the order written, so a re-estimate shows in the history.

Running it twice changes nothing: problems and opportunities are found by statement and
title, and a problem that already has themes is not linked again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Engine, select

from tradeoff.analysis.embed.protocol import Embedder
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.decisions.opportunities import parse_estimate
from tradeoff.decisions.suggest import suggest_themes
from tradeoff.domain.enums import Level, OpportunityStatus
from tradeoff.domain.problems import Opportunity, Problem
from tradeoff.domain.rules import member
from tradeoff.errors import InputError
from tradeoff.storage import opportunities as opportunity_store
from tradeoff.storage import problems as problem_store
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import OpportunityRow

#: Estimates with no ``on`` date are dated at this hour of the demo's today.
ENTRY_HOUR = time(9, 0, tzinfo=UTC)


@dataclass
class DemoProblems:
    """Ids by the file's keys, and how many theme links the suggestions made."""

    problems: dict[str, int] = field(default_factory=dict)
    opportunities: dict[str, int] = field(default_factory=dict)
    themes_linked: int = 0


def load_demo_problems(
    engine: Engine, records: dict[str, Any], *, embedder: Embedder | None = None
) -> DemoProblems:
    """Store the workspace file's problems and opportunities (see the module docstring)."""
    loaded = DemoProblems()
    today = _today(records)
    for entry in records.get("problems", []):
        problem_id, fresh = _problem(engine, entry, today)
        loaded.problems[str(entry["key"])] = problem_id
        if fresh:
            loaded.themes_linked += _link_confident_themes(
                engine, problem_id, embedder or StaticEmbedder()
            )
    for entry in records.get("opportunities", []):
        key = str(entry["key"])
        loaded.opportunities[key] = _opportunity(engine, entry, loaded.problems, today)
    return loaded


def _problem(engine: Engine, entry: dict[str, Any], today: date) -> tuple[int, bool]:
    """The problem's id, and whether it still needs its themes (new, or none linked)."""
    title = str(entry["title"])
    with write_session(engine) as session:
        found = problem_store.find_problem(session, title)
        if found is None:
            severity = entry.get("severity")
            found = problem_store.create_problem(
                session,
                Problem(
                    statement=title,
                    who_has_it=entry.get("who"),
                    trying_to=entry.get("trying_to"),
                    goes_wrong=entry.get("goes_wrong") or entry.get("statement"),
                    severity=member("severity", Level, severity) if severity else None,
                    created_at=datetime.combine(today, ENTRY_HOUR),
                ),
            )
        assert found.id is not None
        themeless = not problem_store.problem_links(session, found.id).themes
    return found.id, themeless


def _link_confident_themes(engine: Engine, problem_id: int, embedder: Embedder) -> int:
    confident = [
        s.theme_id
        for s in suggest_themes(engine, problem_id, embedder=embedder)
        if s.confident and not s.linked
    ]
    with write_session(engine) as session:
        return sum(problem_store.link_theme(session, problem_id, t) for t in confident)


def _opportunity(
    engine: Engine, entry: dict[str, Any], problems: dict[str, int], today: date
) -> int:
    title = str(entry["title"])
    unknown = [k for k in entry.get("problems", []) if k not in problems]
    if unknown:
        raise InputError(f"opportunity {entry.get('key')}: unknown problems {unknown}")
    with write_session(engine) as session:
        existing = session.scalar(
            select(OpportunityRow.id)
            .where(OpportunityRow.title == title)
            .order_by(OpportunityRow.id)
        )
        if existing is not None:
            return existing
        estimates = entry.get("estimates", [])
        days = [_day(e, today) for e in estimates]
        created = opportunity_store.create_opportunity(
            session,
            Opportunity(
                title=title,
                solution_hypothesis=entry.get("hypothesis"),
                status=member("status", OpportunityStatus, entry.get("status", "idea")),
                created_at=datetime.combine(min(days, default=today), ENTRY_HOUR),
            ),
            [problems[k] for k in entry.get("problems", [])],
        )
        assert created.id is not None
        for estimate, on in zip(estimates, days, strict=True):
            opportunity_store.add_estimate(
                session,
                parse_estimate(
                    created.id,
                    str(estimate["field"]),
                    estimate["value"],
                    value_range=estimate.get("range"),
                    confidence=estimate.get("confidence"),
                    reason=estimate.get("reason"),
                    entered_by=estimate.get("by"),
                    entered_at=datetime.combine(on, ENTRY_HOUR),
                ),
            )
        return created.id


def _day(estimate: dict[str, Any], today: date) -> date:
    return date.fromisoformat(str(estimate["on"])) if "on" in estimate else today


def _today(records: dict[str, Any]) -> date:
    shown = records.get("workspace", {}).get("demo_today")
    return date.fromisoformat(str(shown)) if shown else datetime.now(UTC).date()
