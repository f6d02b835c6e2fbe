"""Goals, metric definitions and the roadmap: results over output (principles 1 and 10)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from tradeoff.domain.enums import (
    MetricDirection,
    MetricKind,
    RoadmapChangeKind,
    RoadmapHorizon,
    RoadmapStatus,
)
from tradeoff.domain.rules import (
    RuleViolation,
    calendar_date,
    member,
    now_utc,
    optional_text,
    quarter,
    required_text,
    utc,
)


@dataclass(kw_only=True)
class MetricDefinition:
    """The one place a metric's meaning lives, so everyone uses it the same way."""

    id: int | None = None
    name: str
    description: str | None = None
    formula: str | None = None
    unit: str | None = None
    direction: MetricDirection = MetricDirection.UP_IS_GOOD
    owner: str | None = None
    source: str | None = None
    kind: MetricKind = MetricKind.OUTCOME

    def __post_init__(self) -> None:
        self.name = required_text("name", self.name)
        for name in ("description", "formula", "unit", "owner", "source"):
            setattr(self, name, optional_text(getattr(self, name), name))
        self.direction = member("direction", MetricDirection, self.direction)
        self.kind = member("kind", MetricKind, self.kind)


@dataclass(kw_only=True)
class MetricValue:
    metric_id: int
    observed_on: date
    value: float
    segment: str = ""

    def __post_init__(self) -> None:
        observed = calendar_date("observed_on", self.observed_on)
        if observed is None:
            raise RuleViolation("observed_on", "must be set")
        self.observed_on = observed
        self.segment = (self.segment or "").strip()
        if self.value != self.value:
            raise RuleViolation("value", "must be a number, got NaN")


@dataclass(kw_only=True)
class Goal:
    id: int | None = None
    title: str
    period: str
    description: str | None = None
    owner: str | None = None

    def __post_init__(self) -> None:
        self.title = required_text("title", self.title)
        period = quarter("period", self.period)
        if period is None:
            raise RuleViolation("period", "must be a quarter like 2026Q3")
        self.period = period
        self.description = optional_text(self.description, "description")
        self.owner = optional_text(self.owner, "owner")


@dataclass(kw_only=True)
class KeyResult:
    id: int | None = None
    goal_id: int
    description: str
    metric_id: int | None = None
    baseline: float | None = None
    target: float | None = None
    due_on: date | None = None

    def __post_init__(self) -> None:
        self.description = required_text("description", self.description)
        self.due_on = calendar_date("due_on", self.due_on)
        if self.metric_id is not None and self.target is None:
            raise RuleViolation("target", "a key result on a metric needs a target")


@dataclass(kw_only=True)
class ProductArea:
    """A part of the product with the PM who owns it; an area without an owner is a gap."""

    id: int | None = None
    key: str
    name: str
    owner_email: str | None = None

    def __post_init__(self) -> None:
        self.key = required_text("key", self.key)
        self.name = required_text("name", self.name)
        self.owner_email = optional_text(self.owner_email, "owner_email")


@dataclass(kw_only=True)
class TeamMember:
    """One of our own people (PM, engineer, sales, support): who owns, who asks, who listens."""

    id: int | None = None
    email: str
    name: str
    title: str | None = None
    role: str

    def __post_init__(self) -> None:
        self.email = required_text("email", self.email).lower()
        self.name = required_text("name", self.name)
        self.title = optional_text(self.title, "title")
        self.role = required_text("role", self.role).lower()


@dataclass(kw_only=True)
class RoadmapItem:
    id: int | None = None
    title: str
    description: str | None = None
    horizon: RoadmapHorizon = RoadmapHorizon.LATER
    quarter: str | None = None
    rank: int = 0
    status: RoadmapStatus = RoadmapStatus.PLANNED
    metric_id: int | None = None
    shipped_on: date | None = None
    area_id: int | None = None
    owner: str | None = None
    requested_by: str | None = None

    def __post_init__(self) -> None:
        self.title = required_text("title", self.title)
        self.owner = optional_text(self.owner, "owner")
        self.requested_by = optional_text(self.requested_by, "requested_by")
        self.description = optional_text(self.description, "description")
        self.horizon = member("horizon", RoadmapHorizon, self.horizon)
        self.quarter = quarter("quarter", self.quarter)
        if (self.horizon is RoadmapHorizon.QUARTER) != (self.quarter is not None):
            raise RuleViolation(
                "quarter", "an item is placed in a quarter exactly when its horizon is 'quarter'"
            )
        if self.rank < 0:
            raise RuleViolation("rank", "must not be negative")
        self.status = member("status", RoadmapStatus, self.status)
        self.shipped_on = calendar_date("shipped_on", self.shipped_on)


@dataclass(kw_only=True)
class RoadmapItemGoal:
    item_id: int
    goal_id: int


@dataclass(kw_only=True)
class RoadmapItemOpportunity:
    item_id: int
    opportunity_id: int


@dataclass(kw_only=True)
class RoadmapChange:
    """One move of a roadmap item, with who asked and why: the raw material of priority churn."""

    id: int | None = None
    item_id: int
    kind: RoadmapChangeKind
    old_value: str | None = None
    new_value: str | None = None
    changed_by: str
    reason: str
    changed_at: datetime = field(default_factory=now_utc)

    def __post_init__(self) -> None:
        self.kind = member("kind", RoadmapChangeKind, self.kind)
        self.changed_by = required_text("changed_by", self.changed_by)
        self.reason = required_text("reason", self.reason)
        self.changed_at = utc("changed_at", self.changed_at) or now_utc()
