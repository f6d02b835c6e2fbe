"""The metric registry and its values: the one place a metric's meaning and series live.

A metric is found by its name or by the name's slug (``metric_slug``, the rule revisit
signals use), so an export's ``card_decline_tickets`` and a definition named
"Card-decline tickets" are the same metric everywhere. Values are keyed on
(metric, day, segment): writing one again changes nothing, a corrected figure updates it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tradeoff.domain.names import metric_slug
from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.errors import Conflict, NotFound
from tradeoff.storage import repository
from tradeoff.storage.tables import MetricDefinitionRow, MetricValueRow
from tradeoff.storage.upsert import Outcome, upsert

#: Segments that mean "the whole business" (exports write either).
WHOLE_SEGMENTS = ("", "all")


@dataclass(frozen=True)
class MetricListed:
    definition: MetricDefinition
    values: int
    latest: MetricValue | None


def define_metric(session: Session, definition: MetricDefinition) -> MetricDefinition:
    """Add ``definition`` to the registry; a name that reads as an existing one is refused,
    because two metrics with one name would be measured two ways.

    >>> define_metric(session, MetricDefinition(name="Weekly active businesses"))
    """
    clash = find_metric(session, definition.name)
    if clash is not None:
        raise Conflict(f"metric {clash.name!r} is already defined (id {clash.id})")
    return repository.add(session, definition)


def find_metric(session: Session, name: str) -> MetricDefinition | None:
    """The metric named ``name`` exactly, else the one whose name has the same slug."""
    row = session.scalar(select(MetricDefinitionRow).where(MetricDefinitionRow.name == name))
    if row is None:
        wanted = metric_slug(name)
        rows = session.scalars(select(MetricDefinitionRow).order_by(MetricDefinitionRow.id))
        row = next((r for r in rows if metric_slug(r.name) == wanted), None) if wanted else None
    return None if row is None else repository.to_domain(row, MetricDefinition)


def get_metric(session: Session, name: str) -> MetricDefinition:
    found = find_metric(session, name)
    if found is None:
        raise NotFound(f"no metric named {name!r}; see tradeoff metric list")
    return found


def list_metrics(session: Session) -> list[MetricListed]:
    """Every definition by name, with how many values it has and its latest whole value."""
    counts = dict(
        session.execute(
            select(MetricValueRow.metric_id, func.count()).group_by(MetricValueRow.metric_id)
        ).all()
    )
    rows = session.scalars(select(MetricDefinitionRow).order_by(MetricDefinitionRow.name))
    listed = []
    for row in rows.all():
        definition = repository.to_domain(row, MetricDefinition)
        latest = latest_value(session, row.id, None)
        listed.append(MetricListed(definition, int(counts.get(row.id, 0)), latest))
    return listed


def metric_values(
    session: Session, metric_id: int, *, segment: str | None = None, until: date | None = None
) -> list[MetricValue]:
    """A metric's values oldest first: one segment's, or (``segment=None``) the whole
    business's, where a day written under both "" and "all" counts once."""
    segments = WHOLE_SEGMENTS if segment is None else (segment,)
    query = select(MetricValueRow).where(
        MetricValueRow.metric_id == metric_id, MetricValueRow.segment.in_(segments)
    )
    if until is not None:
        query = query.where(MetricValueRow.observed_on <= until)
    by_day: dict[date, MetricValue] = {}
    for row in session.scalars(query.order_by(MetricValueRow.observed_on, MetricValueRow.segment)):
        by_day.setdefault(row.observed_on, repository.to_domain(row, MetricValue))
    return [by_day[day] for day in sorted(by_day)]


def latest_value(session: Session, metric_id: int, on_or_before: date | None) -> MetricValue | None:
    """The whole business's latest value on or before a day (any day when ``None``)."""
    query = select(MetricValueRow).where(
        MetricValueRow.metric_id == metric_id, MetricValueRow.segment.in_(WHOLE_SEGMENTS)
    )
    if on_or_before is not None:
        query = query.where(MetricValueRow.observed_on <= on_or_before)
    row = session.scalars(
        query.order_by(MetricValueRow.observed_on.desc(), MetricValueRow.segment).limit(1)
    ).first()
    return None if row is None else repository.to_domain(row, MetricValue)


def segments_of(session: Session, metric_id: int) -> list[str]:
    """The segments a metric has values for, besides the whole business."""
    return list(
        session.scalars(
            select(MetricValueRow.segment)
            .where(
                MetricValueRow.metric_id == metric_id,
                MetricValueRow.segment.not_in(WHOLE_SEGMENTS),
            )
            .distinct()
            .order_by(MetricValueRow.segment)
        )
    )


def upsert_value(session: Session, value: MetricValue, *, batch_id: int | None = None) -> Outcome:
    """Write one value by (metric, day, segment): the same figure again changes nothing, a
    corrected one replaces it (logged for undo when ``batch_id`` is given)."""
    outcome, _ = upsert(session, value, repository.row_of(session, value), batch_id=batch_id)
    return outcome


def list_all_definitions(session: Session) -> list[MetricDefinition]:
    return repository.list_all(session, MetricDefinition)
