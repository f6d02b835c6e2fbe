"""Problems before solutions: problem statements, what points to them, and opportunities."""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass, field
from datetime import datetime

from tradeoff.domain.enums import Level, OpportunityStatus
from tradeoff.domain.rules import (
    RuleViolation,
    member,
    now_utc,
    optional_text,
    required_text,
    unit_interval,
    utc,
)

#: How an estimate's field is named: it is used as a variable in ranking formulas.
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,59}")


@dataclass(kw_only=True)
class Problem:
    id: int | None = None
    statement: str
    who_has_it: str | None = None
    trying_to: str | None = None
    goes_wrong: str | None = None
    severity: Level | None = None
    created_at: datetime = field(default_factory=now_utc)
    area_id: int | None = None

    def __post_init__(self) -> None:
        self.statement = required_text("statement", self.statement)
        self.who_has_it = optional_text(self.who_has_it, "who_has_it")
        self.trying_to = optional_text(self.trying_to, "trying_to")
        self.goes_wrong = optional_text(self.goes_wrong, "goes_wrong")
        if self.severity is not None:
            self.severity = member("severity", Level, self.severity)
        self.created_at = utc("created_at", self.created_at) or now_utc()


@dataclass(kw_only=True)
class ProblemEvidence:
    problem_id: int
    evidence_id: int
    note: str | None = None


@dataclass(kw_only=True)
class ProblemTheme:
    """Everything filed in the theme, now and later, is evidence of the problem."""

    problem_id: int
    theme_id: int


@dataclass(kw_only=True)
class ProblemSymptom:
    """``symptom_id`` is a symptom of ``problem_id``: the surface of a deeper problem."""

    symptom_id: int
    problem_id: int

    def __post_init__(self) -> None:
        if self.symptom_id == self.problem_id:
            raise RuleViolation("symptom_id", "a problem cannot be a symptom of itself")


@dataclass(kw_only=True)
class Opportunity:
    id: int | None = None
    title: str
    solution_hypothesis: str | None = None
    status: OpportunityStatus = OpportunityStatus.IDEA
    created_at: datetime = field(default_factory=now_utc)

    def __post_init__(self) -> None:
        self.title = required_text("title", self.title)
        self.solution_hypothesis = optional_text(self.solution_hypothesis, "solution_hypothesis")
        self.status = member("status", OpportunityStatus, self.status)
        self.created_at = utc("created_at", self.created_at) or now_utc()


@dataclass(kw_only=True)
class OpportunityProblem:
    opportunity_id: int
    problem_id: int


@dataclass(kw_only=True)
class OpportunityEstimate:
    """One entered figure for an opportunity: a value, its range and how sure we are.

    Estimates are never edited: a newer one for the same field replaces it in every view,
    and the history (who, when, why) stays readable.
    """

    id: int | None = None
    opportunity_id: int
    field: str
    value: float
    low: float | None = None
    high: float | None = None
    confidence: float | None = None
    reason: str | None = None
    entered_by: str | None = None
    # dataclasses.field: the attribute ``field`` above shadows the name in this class body.
    entered_at: datetime = dataclasses.field(default_factory=now_utc)

    def __post_init__(self) -> None:
        name = (self.field or "").strip().lower()
        if not FIELD_NAME.fullmatch(name):
            raise RuleViolation(
                "field", f"{self.field!r} is not a field name (lowercase letters, digits, _)"
            )
        self.field = name
        for bound in ("value", "low", "high"):
            number = getattr(self, bound)
            if number is not None and not math.isfinite(number):
                raise RuleViolation(bound, "must be a finite number")
        if self.low is not None and self.low > self.value:
            raise RuleViolation("low", "must not be above the value")
        if self.high is not None and self.high < self.value:
            raise RuleViolation("high", "must not be below the value")
        self.confidence = unit_interval("confidence", self.confidence)
        self.reason = optional_text(self.reason, "reason")
        self.entered_by = optional_text(self.entered_by, "entered_by")
        self.entered_at = utc("entered_at", self.entered_at) or now_utc()
