"""The decision log, assumptions and experiments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.domain.enums import (
    AssumptionStatus,
    DecisionStatus,
    ExperimentResult,
    ExperimentStatus,
    Level,
)
from tradeoff.storage.tables.base import Base
from tradeoff.storage.types import UTCDateTime, enum_column


class DecisionRow(Base):
    __tablename__ = "decisions"
    __table_args__ = (
        CheckConstraint(
            "supersedes_id IS NULL OR supersedes_id <> id", name="not_self_superseding"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    context: Mapped[str | None] = mapped_column(Text)
    options: Mapped[list[str]]
    chosen_option: Mapped[str | None] = mapped_column(Text)
    tradeoffs_accepted: Mapped[str | None] = mapped_column(Text)
    not_optimising_for: Mapped[str | None] = mapped_column(Text)
    assumptions: Mapped[list[str]]
    revisit_signals: Mapped[list[str]]
    owner: Mapped[str | None] = mapped_column(String(300))
    stakeholders: Mapped[list[str]]
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status: Mapped[DecisionStatus] = mapped_column(enum_column(DecisionStatus, "decision_status"))
    supersedes_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="SET NULL"), index=True, unique=True
    )
    requested_by: Mapped[str | None] = mapped_column(String(300))
    reply_text: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    metric_id: Mapped[int | None] = mapped_column(
        ForeignKey("metric_definitions.id", ondelete="SET NULL")
    )
    shipped_on: Mapped[date | None]


class DecisionLinkRow(Base):
    __tablename__ = "decision_links"
    __table_args__ = (
        CheckConstraint("(opportunity_id IS NULL) <> (problem_id IS NULL)", name="one_target"),
        CheckConstraint("option_index >= 0", name="option_index_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    option_index: Mapped[int]
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    problem_id: Mapped[int | None] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), index=True
    )


class AssumptionRow(Base):
    __tablename__ = "assumptions"
    __table_args__ = (
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence_in_unit_interval"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    statement: Mapped[str] = mapped_column(Text)
    risk: Mapped[Level] = mapped_column(enum_column(Level, "assumption_risk"))
    confidence: Mapped[float]
    status: Mapped[AssumptionStatus] = mapped_column(
        enum_column(AssumptionStatus, "assumption_status")
    )
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="SET NULL"), index=True
    )
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="SET NULL"), index=True
    )


class AssumptionJudgementRow(Base):
    """A status a person gave an assumption by hand, with the reason (migration 0010)."""

    __tablename__ = "assumption_judgements"
    __table_args__ = (CheckConstraint("length(trim(reason)) > 0", name="reason_given"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assumption_id: Mapped[int] = mapped_column(
        ForeignKey("assumptions.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[AssumptionStatus] = mapped_column(
        enum_column(AssumptionStatus, "judgement_status")
    )
    previous_status: Mapped[AssumptionStatus | None] = mapped_column(
        enum_column(AssumptionStatus, "judgement_previous_status")
    )
    reason: Mapped[str] = mapped_column(Text)
    judged_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ExperimentRow(Base):
    __tablename__ = "experiments"
    __table_args__ = (
        CheckConstraint("metric_id IS NULL OR threshold IS NOT NULL", name="metric_has_threshold"),
        CheckConstraint(
            "(control_successes IS NULL OR (control_n IS NOT NULL"
            " AND control_successes >= 0 AND control_successes <= control_n))"
            " AND (treatment_successes IS NULL OR (treatment_n IS NOT NULL"
            " AND treatment_successes >= 0 AND treatment_successes <= treatment_n))",
            name="successes_within_n",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assumption_id: Mapped[int | None] = mapped_column(
        ForeignKey("assumptions.id", ondelete="SET NULL"), index=True
    )
    hypothesis: Mapped[str] = mapped_column(Text)
    metric_id: Mapped[int | None] = mapped_column(
        ForeignKey("metric_definitions.id", ondelete="RESTRICT")
    )
    threshold: Mapped[float | None]
    status: Mapped[ExperimentStatus] = mapped_column(
        enum_column(ExperimentStatus, "experiment_status")
    )
    result: Mapped[ExperimentResult] = mapped_column(
        enum_column(ExperimentResult, "experiment_result")
    )
    observed_value: Mapped[float | None]
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decision_rule: Mapped[str | None] = mapped_column(Text)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="SET NULL"), index=True
    )
    baseline_rate: Mapped[float | None]
    minimum_effect: Mapped[float | None]
    alpha: Mapped[float | None]
    power: Mapped[float | None]
    control_n: Mapped[int | None]
    control_successes: Mapped[int | None]
    treatment_n: Mapped[int | None]
    treatment_successes: Mapped[int | None]
