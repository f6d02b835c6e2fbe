"""Goals and their key results: stored together, read by period."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.domain.strategy import Goal, KeyResult
from tradeoff.storage import repository
from tradeoff.storage.tables import GoalRow, KeyResultRow


def add_goal(
    session: Session, goal: Goal, key_results: Sequence[KeyResult]
) -> tuple[Goal, list[KeyResult]]:
    """Store a goal with its key results in one go (each key result's ``goal_id`` is set)."""
    stored = repository.add(session, goal)
    assert stored.id is not None
    results = []
    for key_result in key_results:
        key_result.goal_id = stored.id
        results.append(repository.add(session, key_result))
    return stored, results


def goals_in(session: Session, period: str | None = None) -> list[Goal]:
    """The goals of a period (every goal when ``None``), oldest period and id first."""
    query = select(GoalRow).order_by(GoalRow.period, GoalRow.id)
    if period is not None:
        query = query.where(GoalRow.period == period)
    return [repository.to_domain(row, Goal) for row in session.scalars(query)]


def key_results_of(session: Session, goal_ids: Sequence[int]) -> dict[int, list[KeyResult]]:
    """Goal id → its key results in the order they were written."""
    found: dict[int, list[KeyResult]] = {goal_id: [] for goal_id in goal_ids}
    if not goal_ids:
        return found
    rows = session.scalars(
        select(KeyResultRow).where(KeyResultRow.goal_id.in_(goal_ids)).order_by(KeyResultRow.id)
    )
    for row in rows:
        found[row.goal_id].append(repository.to_domain(row, KeyResult))
    return found


def goal_by_title(session: Session, title: str, period: str) -> Goal | None:
    row = session.scalar(
        select(GoalRow).where(GoalRow.title == title, GoalRow.period == period).limit(1)
    )
    return None if row is None else repository.to_domain(row, Goal)
