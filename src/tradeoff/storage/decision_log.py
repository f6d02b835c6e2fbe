"""The decision log's queries: decisions and their revision chains, the links of their
options, and the figures revisit signals read (metric series, theme, problem and
opportunity names). Session in, domain objects or plain values out.

A chain is read from ``supersedes_id`` alone: the newer row points at the older one, which
is never updated, so the whole history is one query and no row is ever edited in place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.domain.decisions import Decision, DecisionLink
from tradeoff.domain.enums import ThemeStatus
from tradeoff.domain.strategy import MetricDefinition
from tradeoff.errors import InputError
from tradeoff.storage import repository
from tradeoff.storage.metrics import metric_values
from tradeoff.storage.tables import (
    DecisionLinkRow,
    DecisionRow,
    OpportunityRow,
    ProblemRow,
    ThemeRow,
)

#: Segments that mean "the whole business" in a metric series (imports write either).


def all_decisions(session: Session) -> list[Decision]:
    """Every decision row, oldest id first."""
    return repository.list_all(session, Decision)


def successors(session: Session) -> dict[int, int]:
    """Earlier decision id → the id of the revision that superseded it."""
    rows = session.execute(
        select(DecisionRow.supersedes_id, DecisionRow.id).where(
            DecisionRow.supersedes_id.is_not(None)
        )
    )
    return {earlier: later for earlier, later in rows if earlier is not None}


def successor_of(session: Session, decision_id: int) -> int | None:
    return session.scalar(select(DecisionRow.id).where(DecisionRow.supersedes_id == decision_id))


def links_of(session: Session, decision_ids: Iterable[int]) -> dict[int, list[DecisionLink]]:
    """Each decision's option links, in option order."""
    ids = list(decision_ids)
    found: dict[int, list[DecisionLink]] = defaultdict(list)
    if not ids:
        return found
    rows = session.scalars(
        select(DecisionLinkRow)
        .where(DecisionLinkRow.decision_id.in_(ids))
        .order_by(DecisionLinkRow.decision_id, DecisionLinkRow.option_index, DecisionLinkRow.id)
    )
    for row in rows:
        found[row.decision_id].append(repository.to_domain(row, DecisionLink))
    return found


def add_decision(
    session: Session, decision: Decision, links: Iterable[DecisionLink]
) -> tuple[Decision, list[DecisionLink]]:
    """Insert a decision and its links in the caller's transaction; links' ``decision_id``
    is replaced by the new row's id."""
    stored = repository.add(session, decision)
    assert stored.id is not None
    added = [
        repository.add(
            session,
            DecisionLink(
                decision_id=stored.id,
                option_index=link.option_index,
                opportunity_id=link.opportunity_id,
                problem_id=link.problem_id,
            ),
        )
        for link in links
    ]
    return stored, added


@dataclass(frozen=True)
class ThemeState:
    id: int
    name: str
    status: ThemeStatus
    merged_into_id: int | None


def theme_states(session: Session, ids: Iterable[int] | None = None) -> dict[int, ThemeState]:
    """Name, status and merge target of themes (all of them when ``ids`` is None), so a
    signal on a merged theme can be followed to where its evidence went."""
    query = select(ThemeRow.id, ThemeRow.name, ThemeRow.status, ThemeRow.merged_into_id)
    if ids is not None:
        query = query.where(ThemeRow.id.in_(list(ids)))
    return {row[0]: ThemeState(*row) for row in session.execute(query)}


def problem_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    rows = session.execute(
        select(ProblemRow.id, ProblemRow.statement).where(ProblemRow.id.in_(list(ids)))
    )
    return {row[0]: row[1] for row in rows}


def opportunity_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    rows = session.execute(
        select(OpportunityRow.id, OpportunityRow.title).where(OpportunityRow.id.in_(list(ids)))
    )
    return {row[0]: row[1] for row in rows}


def problem_by_statement(session: Session, statement: str) -> int | None:
    return session.scalar(
        select(ProblemRow.id).where(ProblemRow.statement == statement).order_by(ProblemRow.id)
    )


def metric_definitions(session: Session) -> list[MetricDefinition]:
    return repository.list_all(session, MetricDefinition)


def metric_series(
    session: Session, metric_id: int, *, until: date | None = None
) -> list[tuple[date, Decimal]]:
    """The whole-business values of a metric, oldest first, one per day."""
    return [
        (value.observed_on, Decimal(str(value.value)))
        for value in metric_values(session, metric_id, until=until)
    ]


def mark_shipped(session: Session, decision_id: int, metric_id: int | None, day: date) -> Decision:
    """Record when the decision's work reached customers and the metric it should move.

    The decision record itself is never edited (a revision supersedes it); the ship date is
    what happened afterwards, so it is set on the decision it belongs to."""
    decision = repository.get(session, Decision, decision_id)
    chosen = metric_id if metric_id is not None else decision.metric_id
    if chosen is None:
        raise InputError(
            f"decision #{decision_id} names no metric yet: give the one it should move (--metric)"
        )
    decision.metric_id = chosen
    decision.shipped_on = day
    return repository.update(session, decision)
