"""Problem statements, their evidence and symptoms, and opportunities."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.domain.enums import OpportunityStatus
from tradeoff.storage.tables.base import Base
from tradeoff.storage.types import UTCDateTime, enum_column


class ProblemRow(Base):
    __tablename__ = "problems"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement: Mapped[str] = mapped_column(Text)
    who_has_it: Mapped[str | None] = mapped_column(Text)
    trying_to: Mapped[str | None] = mapped_column(Text)
    goes_wrong: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProblemEvidenceRow(Base):
    __tablename__ = "problem_evidence"

    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), primary_key=True
    )
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    note: Mapped[str | None] = mapped_column(Text)


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
