"""Metric definitions and values, goals and key results, the roadmap and its history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.domain.enums import (
    MetricDirection,
    MetricKind,
    RoadmapChangeKind,
    RoadmapHorizon,
    RoadmapStatus,
)
from tradeoff.storage.tables.base import Base
from tradeoff.storage.types import UTCDateTime, enum_column


class MetricDefinitionRow(Base):
    __tablename__ = "metric_definitions"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    formula: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(50))
    direction: Mapped[MetricDirection] = mapped_column(
        enum_column(MetricDirection, "metric_direction")
    )
    owner: Mapped[str | None] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[MetricKind] = mapped_column(enum_column(MetricKind, "metric_kind"))


class MetricValueRow(Base):
    __tablename__ = "metric_values"

    metric_id: Mapped[int] = mapped_column(
        ForeignKey("metric_definitions.id", ondelete="CASCADE"), primary_key=True
    )
    observed_on: Mapped[date] = mapped_column(primary_key=True)
    segment: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[float]


class GoalRow(Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    period: Mapped[str] = mapped_column(String(6), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(300))


class KeyResultRow(Base):
    __tablename__ = "key_results"
    __table_args__ = (
        CheckConstraint("metric_id IS NULL OR target IS NOT NULL", name="metric_has_target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    metric_id: Mapped[int | None] = mapped_column(
        ForeignKey("metric_definitions.id", ondelete="RESTRICT"), index=True
    )
    baseline: Mapped[float | None]
    target: Mapped[float | None]
    due_on: Mapped[date | None]


class ProductAreaRow(Base):
    __tablename__ = "product_areas"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(300))
    owner_email: Mapped[str | None] = mapped_column(String(320))


class TeamMemberRow(Base):
    __tablename__ = "team_members"
    __table_args__ = (UniqueConstraint("email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    name: Mapped[str] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(50))


class RoadmapItemRow(Base):
    __tablename__ = "roadmap_items"
    __table_args__ = (
        CheckConstraint("rank >= 0", name="rank_not_negative"),
        CheckConstraint(
            "(horizon = 'quarter') = (quarter IS NOT NULL)", name="quarter_iff_horizon_quarter"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    horizon: Mapped[RoadmapHorizon] = mapped_column(enum_column(RoadmapHorizon, "roadmap_horizon"))
    quarter: Mapped[str | None] = mapped_column(String(6))
    rank: Mapped[int]
    status: Mapped[RoadmapStatus] = mapped_column(enum_column(RoadmapStatus, "roadmap_status"))
    metric_id: Mapped[int | None] = mapped_column(
        ForeignKey("metric_definitions.id", ondelete="SET NULL")
    )
    shipped_on: Mapped[date | None]
    area_id: Mapped[int | None] = mapped_column(
        ForeignKey("product_areas.id", ondelete="SET NULL"), index=True
    )
    owner: Mapped[str | None] = mapped_column(String(320))
    requested_by: Mapped[str | None] = mapped_column(String(320))


class RoadmapItemGoalRow(Base):
    __tablename__ = "roadmap_item_goals"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("roadmap_items.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class RoadmapItemOpportunityRow(Base):
    __tablename__ = "roadmap_item_opportunities"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("roadmap_items.id", ondelete="CASCADE"), primary_key=True
    )
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class RoadmapChangeRow(Base):
    __tablename__ = "roadmap_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("roadmap_items.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[RoadmapChangeKind] = mapped_column(
        enum_column(RoadmapChangeKind, "roadmap_change_kind")
    )
    old_value: Mapped[str | None] = mapped_column(String(200))
    new_value: Mapped[str | None] = mapped_column(String(200))
    changed_by: Mapped[str] = mapped_column(String(320))
    reason: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
