"""The demo's assumption register and experiments, from ``[[assumptions]]`` and
``[[experiments]]`` of the workspace file (demo/README.md describes the keys).

Everything goes through the calls ``tradeoff assumption new|status`` and ``tradeoff
experiment new|start|result`` make, so the demo exercises the real path: the register with
risk and confidence, a judgement with its reason, and E-1 with its pre-registered rule and
design (so its sample size shows), started on its planned day. A result is recorded only
for an experiment the file says is concluded and whose window has ended by the demo's
today — otherwise the experiment runs, and ``tradeoff experiment show`` gives the interim
reading. Decisions and opportunities are found by the titles their keys name.

Running it twice changes nothing: assumptions are keyed on their statement, experiments on
(assumption, hypothesis).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Engine

from tradeoff.decisions.log import list_decisions
from tradeoff.domain.enums import AssumptionStatus, ExperimentStatus, Level
from tradeoff.domain.problems import Opportunity
from tradeoff.errors import InputError
from tradeoff.storage import experiments as store
from tradeoff.storage import repository
from tradeoff.storage.session import read_session
from tradeoff.strategy.assumptions import new_assumption, set_status
from tradeoff.strategy.experiments import new_experiment, record_from_metric, start_experiment


@dataclass(frozen=True)
class DemoExperiments:
    assumptions_added: int
    experiments_added: int


def load_demo_experiments(engine: Engine, records: dict[str, Any]) -> DemoExperiments:
    """Store ``records``' assumptions, then its experiments; what is stored stays as it is."""
    ids = _Keys.of(engine, records)
    fresh = [e for e in records.get("assumptions", []) if _assumption(engine, e, ids)]
    experiments = 0
    for entry in records.get("experiments", []):
        experiments += _experiment(engine, entry, ids, _today(records))
    # Judgements last, so the file's experiments keep the first ids (E-1 is experiment 1).
    for entry in fresh:
        _judgement(engine, entry, _today(records))
    return DemoExperiments(len(fresh), experiments)


@dataclass(frozen=True)
class _Keys:
    """The file's decision and opportunity keys as stored ids (absent when not loaded)."""

    decisions: dict[str, int]
    opportunities: dict[str, int]
    metrics: dict[str, str]

    @classmethod
    def of(cls, engine: Engine, records: dict[str, Any]) -> _Keys:
        by_title = {r.decision.title: r.id for r in list_decisions(engine)}
        decisions = {
            str(d["key"]): by_title[str(d["title"])]
            for d in records.get("decisions", [])
            if str(d["title"]) in by_title
        }
        with read_session(engine) as session:
            stored = {o.title: o.id for o in repository.list_all(session, Opportunity)}
        opportunities = {
            str(o["key"]): oid
            for o in records.get("opportunities", [])
            if (oid := stored.get(str(o["title"]))) is not None
        }
        metrics = {str(m["key"]): str(m["name"]) for m in records.get("metrics", [])}
        return cls(decisions, opportunities, metrics)

    def decision(self, key: Any) -> int | None:
        return None if key is None else self.decisions.get(str(key))

    def opportunity(self, key: Any) -> int | None:
        return None if key is None else self.opportunities.get(str(key))


def _assumption(engine: Engine, entry: dict[str, Any], ids: _Keys) -> bool:
    """Store one assumption unless its statement is stored; True when it was added."""
    statement = str(entry["statement"])
    with read_session(engine) as session:
        if store.assumption_by_statement(session, statement) is not None:
            return False
    made = new_assumption(
        engine,
        statement,
        risk=Level(str(entry.get("risk", "medium"))),
        confidence=float(entry.get("confidence", 0.5)),
        opportunity_id=ids.opportunity(entry.get("opportunity")),
        decision_id=ids.decision(entry.get("decision")),
    )
    return made.id is not None


def _judgement(engine: Engine, entry: dict[str, Any], today: date) -> None:
    """A status the file gives by judgement, recorded with its reason."""
    status = entry.get("status")
    if status is None:
        return
    statement = str(entry["statement"])
    if "reason" not in entry:
        raise InputError(f"assumption {statement!r}: a {status} status needs its reason")
    with read_session(engine) as session:
        found = store.assumption_by_statement(session, statement)
    assert found is not None
    assert found.id is not None
    set_status(
        engine,
        found.id,
        AssumptionStatus(str(status)),
        reason=str(entry["reason"]),
        at=datetime.combine(today, time(9), tzinfo=UTC),
    )


def _experiment(engine: Engine, entry: dict[str, Any], ids: _Keys, today: date) -> int:
    statement = str(entry["assumption"])
    with read_session(engine) as session:
        assumption = store.assumption_by_statement(session, statement)
    if assumption is None:
        _assumption(engine, {"statement": statement}, ids)
        with read_session(engine) as session:
            assumption = store.assumption_by_statement(session, statement)
    assert assumption is not None
    assert assumption.id is not None
    hypothesis = str(entry["title"])
    with read_session(engine) as session:
        if store.experiment_by_hypothesis(session, hypothesis, assumption.id) is not None:
            return 0
    metric = entry.get("metric")
    view = new_experiment(
        engine,
        assumption_id=assumption.id,
        hypothesis=hypothesis,
        rule=str(entry["rule"]),
        metric=ids.metrics.get(str(metric), str(metric)) if metric else None,
        threshold=float(entry["threshold"]) if "threshold" in entry else None,
        baseline=_maybe_float(entry.get("baseline")),
        effect=_maybe_float(entry.get("effect")),
        alpha=_maybe_float(entry.get("alpha")),
        power=_maybe_float(entry.get("power")),
        decision_id=ids.decision(entry.get("decision")),
        start=_maybe_day(entry.get("start")),
        end=_maybe_day(entry.get("end")),
    )
    experiment_id = view.experiment.id
    assert experiment_id is not None
    status = ExperimentStatus(str(entry.get("status", "planned")))
    if status is not ExperimentStatus.PLANNED:
        start_experiment(engine, experiment_id)
    end = _maybe_day(entry.get("end"))
    if status is ExperimentStatus.CONCLUDED and end is not None and end <= today:
        record_from_metric(engine, experiment_id, today=today)
    return 1


def _maybe_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _maybe_day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _today(records: dict[str, Any]) -> date:
    shown = records.get("workspace", {}).get("demo_today")
    return date.fromisoformat(str(shown)) if shown else datetime.now(UTC).date()
