"""The demo's metric definitions, metric values and decision log, from workspace.toml.

The demo's decisions are written in a structured form (``[decisions.revisit_signal]`` with
``kind = "metric"`` or ``"evidence"``); this converts each into the signal grammar
(``tradeoff.decisions.signals``) and records it through ``record_decision``, the same call
``tradeoff decide`` makes, so the demo exercises the real path. Running it again changes
nothing: metrics are keyed on their name, values on (metric, day, segment), decisions on
their question.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.decisions.decision_draft import DecisionDraft, OptionLink
from tradeoff.decisions.log import list_decisions, record_decision
from tradeoff.decisions.signals import (
    DemandSignal,
    Measure,
    MetricSignal,
    NoteSignal,
    Operator,
    Signal,
    Subject,
)
from tradeoff.domain.enums import DecisionStatus, MetricDirection
from tradeoff.domain.names import metric_slug
from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.errors import InputError
from tradeoff.storage import decision_log as store
from tradeoff.storage import metrics
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.upsert import Outcome

METRICS_CSV = Path("metrics") / "metrics.csv"


@dataclass(frozen=True)
class DemoDecisions:
    metrics_added: int
    values_added: int
    values_updated: int
    decisions_added: int


def load_demo_decisions(engine: Engine, records: dict[str, Any], folder: Path) -> DemoDecisions:
    """Store ``records``' ``[[metrics]]`` with the values in ``folder/metrics/metrics.csv``,
    then its ``[[decisions]]``; a record already stored is left as it is."""
    with write_session(engine) as session:
        metric_ids, added = _metrics(session, records.get("metrics", []))
        values_added, values_updated = _values(session, metric_ids, folder / METRICS_CSV)
    titles = {r.decision.title for r in list_decisions(engine, include_superseded=True)}
    metric_names = {m["key"]: str(m["name"]) for m in records.get("metrics", [])}
    problem_titles = {p["key"]: str(p["title"]) for p in records.get("problems", [])}
    with read_session(engine) as session:
        # Another loader stores each demo problem with its title as the statement.
        problem_ids = {
            key: found
            for key, title in problem_titles.items()
            if (found := store.problem_by_statement(session, title)) is not None
        }
    people = _people(records.get("team", []))
    decisions_added = 0
    for entry in records.get("decisions", []):
        if str(entry["title"]) in titles:
            continue
        record_decision(engine, _draft(entry, metric_names, problem_ids, people))
        decisions_added += 1
    return DemoDecisions(added, values_added, values_updated, decisions_added)


def _metrics(session: Session, entries: list[dict[str, Any]]) -> tuple[dict[str, int], int]:
    """Key → stored id of every demo metric, adding the ones not there yet."""
    ids: dict[str, int] = {}
    added = 0
    for entry in entries:
        existing = metrics.find_metric(session, str(entry["name"]))
        if existing is None:
            existing = metrics.define_metric(
                session,
                MetricDefinition(
                    name=str(entry["name"]),
                    description=str(entry.get("definition", "")),
                    unit=entry.get("unit"),
                    direction=MetricDirection(str(entry.get("direction", "up"))),
                    source=f"demo {METRICS_CSV.as_posix()} ({entry['key']}, "
                    f"per {entry.get('granularity', 'period')})",
                ),
            )
            added += 1
        assert existing.id is not None
        ids[str(entry["key"])] = existing.id
    return ids, added


def _values(session: Session, metric_ids: dict[str, int], path: Path) -> tuple[int, int]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        raise InputError("file not found", path=path) from None
    added = updated = 0
    for line, row in enumerate(rows, 2):
        key = row.get("metric", "")
        if key not in metric_ids:
            raise InputError(f"metric {key!r} is not in [[metrics]]", path=path, line=line)
        value = MetricValue(
            metric_id=metric_ids[key],
            observed_on=date.fromisoformat(row["date"]),
            value=float(row["value"]),
            segment=row.get("segment") or "",
        )
        # The same write ``tradeoff import metrics`` makes, so values land one way.
        outcome = metrics.upsert_value(session, value)
        added += outcome is Outcome.INSERTED
        updated += outcome is Outcome.UPDATED
    return added, updated


def _people(team: list[dict[str, Any]]) -> dict[str, str]:
    """Email → "Name (Title)": the demo refers to people by email, a reply and a decision
    log name them the way colleagues do."""
    return {
        str(p["email"]): f"{p['name']} ({p['title']})" if p.get("title") else str(p["name"])
        for p in team
        if p.get("email") and p.get("name")
    }


def _draft(
    entry: dict[str, Any],
    metric_names: dict[str, str],
    problem_ids: dict[str, int],
    people: dict[str, str],
) -> DecisionDraft:
    def named(email: Any) -> str | None:
        return None if email is None else people.get(str(email), str(email))

    options = tuple(str(o) for o in entry.get("options", []))
    chosen = str(entry["chosen"]) if entry.get("chosen") else None
    links: tuple[OptionLink, ...] = ()
    problem_id = problem_ids.get(str(entry.get("problem", "")))
    if problem_id is not None and chosen in options:
        links = (OptionLink(options.index(chosen) + 1, Subject.PROBLEM, problem_id),)
    signal = entry.get("revisit_signal")
    signals = (str(_signal(signal, metric_names, problem_ids)),) if signal else ()
    return DecisionDraft(
        question=str(entry["title"]),
        context=entry.get("context"),
        options=options,
        chosen=chosen,
        tradeoffs=entry.get("tradeoffs"),
        not_optimising_for=entry.get("not_optimising_for"),
        assumptions=tuple(str(a) for a in entry.get("assumptions", [])),
        signals=signals,
        owner=named(entry.get("decided_by")),
        stakeholders=tuple(str(named(c)) for c in entry.get("consulted", [])),
        decided_on=date.fromisoformat(str(entry["decided_on"])),
        status=DecisionStatus(str(entry.get("status", "decided"))),
        requested_by=named(entry.get("requested_by")),
        reason=entry.get("reason_for_requester"),
        links=links,
    )


def _signal(
    signal: dict[str, Any], metric_names: dict[str, str], problem_ids: dict[str, int]
) -> Signal:
    """The demo's structured signal in the grammar; an evidence signal on a problem the
    workspace does not hold becomes a note a person checks."""
    description = signal.get("description")
    if signal["kind"] == "metric":
        name = metric_names.get(str(signal["metric"]), str(signal["metric"]))
        return MetricSignal(
            metric_slug(name),
            Operator(str(signal["operator"])),
            _decimal(signal["threshold"]),
            int(signal.get("consecutive_periods", 1)),
            description,
        )
    problem_id = problem_ids.get(str(signal["problem"]))
    if problem_id is None:
        return NoteSignal(str(description or f"evidence on {signal['problem']}"))
    return DemandSignal(
        Subject.PROBLEM,
        problem_id,
        Measure.DIRECT_ITEMS,
        Operator.AT_LEAST,
        _decimal(signal["direct_items_at_least"]),
        description,
    )


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value))
