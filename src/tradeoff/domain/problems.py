"""Problems before solutions: problem statements, what points to them, and opportunities."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tradeoff.domain.enums import OpportunityStatus
from tradeoff.domain.rules import RuleViolation, member, now_utc, optional_text, required_text, utc


@dataclass(kw_only=True)
class Problem:
    id: int | None = None
    statement: str
    who_has_it: str | None = None
    trying_to: str | None = None
    goes_wrong: str | None = None
    created_at: datetime = field(default_factory=now_utc)

    def __post_init__(self) -> None:
        self.statement = required_text("statement", self.statement)
        self.who_has_it = optional_text(self.who_has_it, "who_has_it")
        self.trying_to = optional_text(self.trying_to, "trying_to")
        self.goes_wrong = optional_text(self.goes_wrong, "goes_wrong")
        self.created_at = utc("created_at", self.created_at) or now_utc()


@dataclass(kw_only=True)
class ProblemEvidence:
    problem_id: int
    evidence_id: int
    note: str | None = None


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
