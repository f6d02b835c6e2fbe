"""The decision log, assumptions and experiments: judgement written down (principles 8, 9)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from tradeoff.domain.enums import (
    AssumptionStatus,
    DecisionStatus,
    ExperimentResult,
    ExperimentStatus,
    Level,
)
from tradeoff.domain.rules import (
    RuleViolation,
    calendar_date,
    member,
    now_utc,
    optional_text,
    required_text,
    unit_interval,
    utc,
)


@dataclass(kw_only=True)
class Decision:
    id: int | None = None
    title: str
    context: str | None = None
    options: list[str] = field(default_factory=list)
    chosen_option: str | None = None
    tradeoffs_accepted: str | None = None
    not_optimising_for: str | None = None
    assumptions: list[str] = field(default_factory=list)
    revisit_signals: list[str] = field(default_factory=list)
    owner: str | None = None
    stakeholders: list[str] = field(default_factory=list)
    decided_at: datetime | None = None
    status: DecisionStatus = DecisionStatus.PROPOSED
    supersedes_id: int | None = None
    requested_by: str | None = None
    reply_text: str | None = None
    recorded_at: datetime = field(default_factory=now_utc)
    metric_id: int | None = None
    shipped_on: date | None = None

    def __post_init__(self) -> None:
        self.title = required_text("title", self.title)
        self.shipped_on = calendar_date("shipped_on", self.shipped_on)
        self.recorded_at = utc("recorded_at", self.recorded_at) or now_utc()
        for name in (
            "context",
            "chosen_option",
            "tradeoffs_accepted",
            "not_optimising_for",
            "owner",
            "requested_by",
            "reply_text",
        ):
            setattr(self, name, optional_text(getattr(self, name), name))
        self.options = [o.strip() for o in self.options if o.strip()]
        self.assumptions = [a.strip() for a in self.assumptions if a.strip()]
        self.revisit_signals = [s.strip() for s in self.revisit_signals if s.strip()]
        self.stakeholders = [s.strip() for s in self.stakeholders if s.strip()]
        self.status = member("status", DecisionStatus, self.status)
        self.decided_at = utc("decided_at", self.decided_at)
        taken = self.status in {DecisionStatus.DECIDED, DecisionStatus.NOT_YET}
        if taken and self.decided_at is None:
            raise RuleViolation("decided_at", "a decision that was taken has a date")
        if (
            self.chosen_option is not None
            and self.options
            and self.chosen_option not in self.options
        ):
            raise RuleViolation("chosen_option", "must be one of the options considered")
        if self.supersedes_id is not None and self.supersedes_id == self.id:
            raise RuleViolation("supersedes_id", "a decision cannot supersede itself")


@dataclass(kw_only=True)
class DecisionLink:
    """An option of a decision (by its position in ``Decision.options``) and the
    opportunity or problem it stands for."""

    id: int | None = None
    decision_id: int
    option_index: int
    opportunity_id: int | None = None
    problem_id: int | None = None

    def __post_init__(self) -> None:
        if self.option_index < 0:
            raise RuleViolation("option_index", "must not be negative")
        if (self.opportunity_id is None) == (self.problem_id is None):
            raise RuleViolation("opportunity_id", "links exactly one opportunity or one problem")


@dataclass(kw_only=True)
class Assumption:
    id: int | None = None
    statement: str
    risk: Level = Level.MEDIUM
    confidence: float = 0.5
    status: AssumptionStatus = AssumptionStatus.UNTESTED
    decision_id: int | None = None
    opportunity_id: int | None = None

    def __post_init__(self) -> None:
        self.statement = required_text("statement", self.statement)
        self.risk = member("risk", Level, self.risk)
        confidence = unit_interval("confidence", self.confidence)
        self.confidence = 0.5 if confidence is None else confidence
        self.status = member("status", AssumptionStatus, self.status)


@dataclass(kw_only=True)
class AssumptionJudgement:
    """A status given by hand rather than by a test: a verdict is not a record without its
    reason, so the reason is required."""

    id: int | None = None
    assumption_id: int
    status: AssumptionStatus
    previous_status: AssumptionStatus | None = None
    reason: str
    judged_at: datetime = field(default_factory=now_utc)

    def __post_init__(self) -> None:
        self.status = member("status", AssumptionStatus, self.status)
        if self.previous_status is not None:
            self.previous_status = member("previous_status", AssumptionStatus, self.previous_status)
        self.reason = required_text("reason", self.reason)


@dataclass(kw_only=True)
class Experiment:
    """The smallest test that buys information: metric and threshold decided in advance."""

    id: int | None = None
    assumption_id: int | None = None
    hypothesis: str
    metric_id: int | None = None
    threshold: float | None = None
    status: ExperimentStatus = ExperimentStatus.PLANNED
    result: ExperimentResult = ExperimentResult.PENDING
    observed_value: float | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    created_at: datetime = field(default_factory=now_utc)
    decision_rule: str | None = None
    decision_id: int | None = None
    baseline_rate: float | None = None
    minimum_effect: float | None = None
    alpha: float | None = None
    power: float | None = None
    control_n: int | None = None
    control_successes: int | None = None
    treatment_n: int | None = None
    treatment_successes: int | None = None

    def __post_init__(self) -> None:
        self.hypothesis = required_text("hypothesis", self.hypothesis)
        self.decision_rule = optional_text(self.decision_rule, "decision_rule")
        for name in ("baseline_rate", "minimum_effect", "alpha", "power"):
            setattr(self, name, unit_interval(name, getattr(self, name)))
        for arm in ("control", "treatment"):
            n, successes = getattr(self, f"{arm}_n"), getattr(self, f"{arm}_successes")
            if n is not None and n < 0:
                raise RuleViolation(f"{arm}_n", "must not be negative")
            if successes is not None and (n is None or not 0 <= successes <= n):
                raise RuleViolation(f"{arm}_successes", f"must lie between 0 and {arm}_n")
        self.status = member("status", ExperimentStatus, self.status)
        self.result = member("result", ExperimentResult, self.result)
        self.started_at = utc("started_at", self.started_at)
        self.ended_at = utc("ended_at", self.ended_at)
        self.created_at = utc("created_at", self.created_at) or now_utc()
        if self.metric_id is not None and self.threshold is None:
            raise RuleViolation(
                "threshold", "an experiment on a metric sets its threshold in advance"
            )
        if self.started_at and self.ended_at and self.ended_at < self.started_at:
            raise RuleViolation("ended_at", "must not be before started_at")
