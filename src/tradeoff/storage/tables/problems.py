"""Problem statements, their evidence and symptoms, and opportunities."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.domain.enums import Level, OpportunityStatus
from tradeoff.storage.tables.base import Base
from tradeoff.storage.types import UTCDateTime, enum_column


class ProblemRow(Base):
    __tablename__ = "problems"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement: Mapped[str] = mapped_column(Text)
    who_has_it: Mapped[str | None] = mapped_column(Text)
    trying_to: Mapped[str | None] = mapped_column(Text)
    goes_wrong: Mapped[str | None] = mapped_column(Text)
    severity: Mapped[Level | None] = mapped_column(enum_column(Level, "problem_severity"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    area_id: Mapped[int | None] = mapped_column(
        ForeignKey("product_areas.id", ondelete="SET NULL"), index=True
    )


class ProblemEvidenceRow(Base):
    __tablename__ = "problem_evidence"

    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), primary_key=True
    )
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    note: Mapped[str | None] = mapped_column(Text)


class ProblemThemeRow(Base):
    __tablename__ = "problem_themes"

    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ProblemSymptomRow(Base):
    __tablename__ = "problem_symptoms"
    __table_args__ = (CheckConstraint("symptom_id <> problem_id", name="not_own_symptom"),)

    symptom_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), primary_key=True
    )
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class OpportunityRow(Base):
    __tablename__ = "opportunities"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    solution_hypothesis: Mapped[str | None] = mapped_column(Text)
    status: Mapped[OpportunityStatus] = mapped_column(
        enum_column(OpportunityStatus, "opportunity_status")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OpportunityProblemRow(Base):
    __tablename__ = "opportunity_problems"

    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), primary_key=True
    )
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class OpportunityEstimateRow(Base):
    __tablename__ = "opportunity_estimates"
    __table_args__ = (
        CheckConstraint("low IS NULL OR low <= value", name="low_not_above_value"),
        CheckConstraint("high IS NULL OR high >= value", name="high_not_below_value"),
        CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)",
            name="confidence_in_unit_interval",
        ),
        Index("ix_opportunity_estimates_opportunity_field", "opportunity_id", "field", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunities.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(60))
    value: Mapped[float]
    low: Mapped[float | None]
    high: Mapped[float | None]
    confidence: Mapped[float | None]
    reason: Mapped[str | None] = mapped_column(Text)
    entered_by: Mapped[str | None] = mapped_column(String(300))
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime())
