"""The metric registry as the CLI and web use it: define, list, and one metric's page."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.storage import metrics
from tradeoff.storage.session import read_session, write_session

SPARK = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class MetricPage:
    definition: MetricDefinition
    #: The whole business's values, oldest first (the last ``limit`` of them).
    values: list[MetricValue]
    total_values: int
    segments: list[str]


def define(engine: Engine, definition: MetricDefinition) -> MetricDefinition:
    with write_session(engine) as session:
        return metrics.define_metric(session, definition)


def metric_list(engine: Engine) -> list[metrics.MetricListed]:
    with read_session(engine) as session:
        return metrics.list_metrics(session)


def metric_page(engine: Engine, name: str, *, limit: int = 12) -> MetricPage:
    """A metric by name or slug, with its latest ``limit`` whole-business values."""
    with read_session(engine) as session:
        definition = metrics.get_metric(session, name)
        assert definition.id is not None
        series = metrics.metric_values(session, definition.id)
        return MetricPage(
            definition,
            series[-limit:] if limit > 0 else [],
            len(series),
            metrics.segments_of(session, definition.id),
        )


def sparkline(values: list[float]) -> str:
    """One character per value, lowest to highest: the shape of a series at a glance.

    >>> sparkline([1, 2, 3, 2])
    '▁▅█▅'
    """
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARK[3] * len(values)
    return "".join(SPARK[round((v - low) / (high - low) * (len(SPARK) - 1))] for v in values)
