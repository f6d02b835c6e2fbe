"""Goals per quarter with key results, and their progress computed from metric values.

A key result is written ``METRIC from BASELINE to TARGET by DATE`` (``by DATE`` may be left
out: the quarter's last day); the metric is found in the registry by name or slug. Anything
else (``Launch the new onboarding``) is kept as a key result with no metric, and flagged:
progress on it cannot be computed, because it is output, not a result (principle 1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.domain.rules import quarter
from tradeoff.domain.strategy import Goal, KeyResult, MetricDefinition
from tradeoff.errors import InputError
from tradeoff.storage import goals as store
from tradeoff.storage import metrics, repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.strategy.progress import Progress, measure, quarter_bounds, quarter_of

KEY_RESULT = re.compile(
    r"^\s*(?P<metric>.+?)\s+from\s+(?P<baseline>\S+)\s+to\s+(?P<target>\S+)"
    r"(?:\s+by\s+(?P<due>\S+))?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class KeyResultProgress:
    key_result: KeyResult
    metric: MetricDefinition | None
    progress: Progress


@dataclass(frozen=True)
class GoalProgress:
    goal: Goal
    key_results: tuple[KeyResultProgress, ...]


def parse_key_result(session: Session, text: str, period: str) -> KeyResult:
    """A key result from its one-line form; a line that names no metric is kept as text.

    >>> parse_key_result(session, "nps from 25 to 35 by 2026-12-31", "2026Q4").target
    35.0
    """
    match = KEY_RESULT.match(text)
    if match is None:
        return KeyResult(goal_id=0, description=text.strip())
    name = match["metric"].strip().strip("\"'")
    metric = metrics.find_metric(session, name)
    if metric is None:
        raise InputError(
            f"key result {text!r}: no metric named {name!r}; define it with tradeoff metric new"
        )
    due = quarter_bounds(period)[1]
    if match["due"]:
        try:
            due = date.fromisoformat(match["due"])
        except ValueError:
            raise InputError(
                f"key result {text!r}: {match['due']!r} is not a date like 2026-12-31"
            ) from None
    return KeyResult(
        goal_id=0,
        description=text.strip(),
        metric_id=metric.id,
        baseline=_number(match["baseline"], text),
        target=_number(match["target"], text),
        due_on=due,
    )


def _number(text: str, line: str) -> float:
    try:
        return float(text.replace(",", "").rstrip("%"))
    except ValueError:
        raise InputError(f"key result {line!r}: {text!r} is not a number") from None


def new_goal(
    engine: Engine,
    title: str,
    *,
    period: str | None = None,
    key_results: Sequence[str] = (),
    owner: str | None = None,
    description: str | None = None,
    today: date | None = None,
) -> tuple[Goal, list[KeyResult]]:
    """Record a goal for a quarter (this quarter by default) with its key results."""
    chosen = quarter("period", period) or quarter_of(today or date.today())
    with write_session(engine) as session:
        parsed = [parse_key_result(session, text, chosen) for text in key_results]
        goal = Goal(title=title, period=chosen, owner=owner, description=description)
        return store.add_goal(session, goal, parsed)


def goals_progress(
    engine: Engine,
    *,
    period: str | None = None,
    goal_id: int | None = None,
    as_of: date | None = None,
    every_period: bool = False,
) -> list[GoalProgress]:
    """The goals of ``period`` (the as-of day's quarter by default; every goal with
    ``every_period``; or the one goal) with each key result measured at ``as_of``."""
    day = as_of or date.today()
    with read_session(engine) as session:
        if goal_id is not None:
            goals = [repository.get(session, Goal, goal_id)]
        elif every_period and period is None:
            goals = store.goals_in(session)
        else:
            goals = store.goals_in(session, quarter("period", period) or quarter_of(day))
        results = store.key_results_of(session, [g.id for g in goals if g.id is not None])
        definitions = {m.id: m for m in metrics.list_all_definitions(session)}
        return [
            GoalProgress(
                goal,
                tuple(
                    _measured(session, goal, kr, definitions.get(kr.metric_id), day)
                    for kr in results.get(goal.id or 0, [])
                ),
            )
            for goal in goals
        ]


def _measured(
    session: Session,
    goal: Goal,
    key_result: KeyResult,
    metric: MetricDefinition | None,
    as_of: date,
) -> KeyResultProgress:
    start, end = quarter_bounds(goal.period)
    latest = None
    if metric is not None and metric.id is not None:
        found = metrics.latest_value(session, metric.id, as_of)
        latest = None if found is None else (found.observed_on, found.value)
    progress = measure(
        text=key_result.description,
        metric=metric,
        baseline=key_result.baseline,
        target=key_result.target,
        current=latest,
        start=start,
        due=key_result.due_on or end,
        as_of=as_of,
    )
    return KeyResultProgress(key_result, metric, progress)
