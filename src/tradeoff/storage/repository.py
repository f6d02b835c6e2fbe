"""Generic create/read/update between domain objects and their rows.

Domain dataclasses and rows share attribute names, so one mapping serves every entity;
re-creating the domain object on read re-runs its rules, so storage cannot hand back
something the domain would have refused.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.deals import (
    Competitor,
    CompetitorMention,
    Deal,
    DealCompetitor,
    LossClassification,
)
from tradeoff.domain.decisions import (
    Assumption,
    AssumptionJudgement,
    Decision,
    DecisionLink,
    Experiment,
)
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, ImportBatch, Theme
from tradeoff.domain.problems import (
    Opportunity,
    OpportunityEstimate,
    OpportunityProblem,
    Problem,
    ProblemEvidence,
    ProblemSymptom,
    ProblemTheme,
)
from tradeoff.domain.strategy import (
    Goal,
    KeyResult,
    MetricDefinition,
    MetricValue,
    ProductArea,
    RoadmapChange,
    RoadmapItem,
    RoadmapItemGoal,
    RoadmapItemOpportunity,
    TeamMember,
)
from tradeoff.domain.workspace import CurrencyRate
from tradeoff.errors import NotFound
from tradeoff.storage import changelog
from tradeoff.storage import tables as t

T = TypeVar("T")

ROW_FOR: dict[type[Any], type[t.Base]] = {
    Account: t.AccountRow,
    Person: t.PersonRow,
    ImportBatch: t.ImportBatchRow,
    EvidenceItem: t.EvidenceItemRow,
    Theme: t.ThemeRow,
    EvidenceTheme: t.EvidenceThemeRow,
    Problem: t.ProblemRow,
    ProblemEvidence: t.ProblemEvidenceRow,
    ProblemSymptom: t.ProblemSymptomRow,
    ProblemTheme: t.ProblemThemeRow,
    Opportunity: t.OpportunityRow,
    OpportunityProblem: t.OpportunityProblemRow,
    OpportunityEstimate: t.OpportunityEstimateRow,
    Deal: t.DealRow,
    Competitor: t.CompetitorRow,
    DealCompetitor: t.DealCompetitorRow,
    CompetitorMention: t.CompetitorMentionRow,
    LossClassification: t.LossClassificationRow,
    CurrencyRate: t.CurrencyRateRow,
    MetricDefinition: t.MetricDefinitionRow,
    MetricValue: t.MetricValueRow,
    Goal: t.GoalRow,
    KeyResult: t.KeyResultRow,
    RoadmapItem: t.RoadmapItemRow,
    ProductArea: t.ProductAreaRow,
    TeamMember: t.TeamMemberRow,
    RoadmapItemGoal: t.RoadmapItemGoalRow,
    RoadmapItemOpportunity: t.RoadmapItemOpportunityRow,
    RoadmapChange: t.RoadmapChangeRow,
    Decision: t.DecisionRow,
    DecisionLink: t.DecisionLinkRow,
    Assumption: t.AssumptionRow,
    AssumptionJudgement: t.AssumptionJudgementRow,
    Experiment: t.ExperimentRow,
}

#: The words the product uses for each entity, in the order ``tradeoff status`` lists them.
ENTITY_NAMES: dict[type[Any], str] = {
    Account: "accounts",
    Person: "people",
    EvidenceItem: "evidence items",
    ImportBatch: "imports",
    Theme: "themes",
    Problem: "problems",
    Opportunity: "opportunities",
    Deal: "deals",
    Competitor: "competitors",
    Goal: "goals",
    KeyResult: "key results",
    MetricDefinition: "metrics",
    MetricValue: "metric values",
    RoadmapItem: "roadmap items",
    RoadmapChange: "roadmap changes",
    Decision: "decisions",
    Assumption: "assumptions",
    Experiment: "experiments",
}


#: Singular names, for messages about one record.
SINGULAR: dict[type[Any], str] = {
    Person: "person",
    Opportunity: "opportunity",
    EvidenceItem: "evidence item",
    ImportBatch: "import",
    KeyResult: "key result",
    MetricDefinition: "metric",
    MetricValue: "metric value",
    RoadmapItem: "roadmap item",
    RoadmapChange: "roadmap change",
}


def singular(cls: type[Any]) -> str:
    return SINGULAR.get(cls) or ENTITY_NAMES.get(cls, cls.__name__).removesuffix("s")


def field_values(entity: Any) -> dict[str, Any]:
    """The entity's fields as a shallow dict (lists and dicts copied, not shared)."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(entity):
        value = getattr(entity, f.name)
        values[f.name] = value.copy() if isinstance(value, list | dict) else value
    return values


def to_domain(row: t.Base, cls: type[T]) -> T:
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    return cls(**{name: getattr(row, name) for name in names})


def add(session: Session, entity: T, *, batch_id: int | None = None) -> T:
    """Insert ``entity``; returns it as stored, with its id. With ``batch_id`` the insert is
    logged so ``tradeoff import undo`` can remove it."""
    row = ROW_FOR[type(entity)](**field_values(entity))
    session.add(row)
    session.flush()
    if batch_id is not None:
        changelog.log_insert(session, batch_id, row)
    return to_domain(row, type(entity))


def update(session: Session, entity: T) -> T:
    """Overwrite the stored row that has ``entity``'s primary key with its fields."""
    row_cls = ROW_FOR[type(entity)]
    values = field_values(entity)
    mapper = row_cls.__mapper__
    key = tuple(values[mapper.get_property_by_column(c).key] for c in mapper.primary_key)
    row = session.get(row_cls, key) if None not in key else None
    if row is None:
        shown = key[0] if len(key) == 1 else key
        raise NotFound(f"no {singular(type(entity))} with id {shown} to update")
    for name, value in values.items():
        setattr(row, name, value)
    session.flush()
    return to_domain(row, type(entity))


def get(session: Session, cls: type[T], entity_id: int) -> T:
    row = session.get(ROW_FOR[cls], entity_id)
    if row is None:
        raise NotFound(f"no {singular(cls)} with id {entity_id}")
    return to_domain(row, cls)


def list_all(session: Session, cls: type[T]) -> list[T]:
    """Every stored entity of ``cls`` in primary-key order (stable across engines)."""
    row_cls = ROW_FOR[cls]
    rows: Sequence[t.Base] = session.scalars(
        select(row_cls).order_by(*row_cls.__mapper__.primary_key)
    ).all()
    return [to_domain(row, cls) for row in rows]


def count(session: Session, cls: type[Any]) -> int:
    return session.scalar(select(func.count()).select_from(ROW_FOR[cls])) or 0


def counts(session: Session) -> dict[str, int]:
    """How many of each entity the workspace holds, for ``tradeoff status`` and the demo."""
    return {name: count(session, cls) for cls, name in ENTITY_NAMES.items()}


def overlong_field(entity: Any) -> tuple[str, int] | None:
    """The first text field longer than its column allows, with that limit.

    Checked before writing because engines disagree: PostgreSQL refuses, SQLite truncates
    nothing and stores it, so the same file would behave differently on each.
    """
    for name, limit in _length_limits(type(entity)):
        value = getattr(entity, name)
        if isinstance(value, str) and len(value) > limit:
            return name, limit
    return None


_LIMITS: dict[type[Any], tuple[tuple[str, int], ...]] = {}


def _length_limits(cls: type[Any]) -> tuple[tuple[str, int], ...]:
    if cls in _LIMITS:
        return _LIMITS[cls]
    table = ROW_FOR[cls].__table__
    limits = []
    for f in dataclasses.fields(cls):
        column = table.columns.get(f.name)
        length = getattr(column.type, "length", None) if column is not None else None
        if isinstance(length, int):
            limits.append((f.name, length))
    _LIMITS[cls] = tuple(limits)
    return _LIMITS[cls]


def row_of(session: Session, entity: Any) -> t.Base | None:
    """The stored row with ``entity``'s primary key, for upserts that start from a domain object."""
    row_cls = ROW_FOR[type(entity)]
    mapper = row_cls.__mapper__
    key = tuple(getattr(entity, mapper.get_property_by_column(c).key) for c in mapper.primary_key)
    if None in key:
        return None
    return session.get(row_cls, key if len(key) > 1 else key[0])
