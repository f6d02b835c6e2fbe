"""What the practice check returns: one result per rule, and the workspace's score.

A rule's result carries everything a person needs to act: how many things break it, which
(ids and titles), what was measured against which threshold, and what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from sqlalchemy import Engine

from tradeoff.analysis.business.demand import theme_demand
from tradeoff.analysis.business.demand_model import SubjectDemand
from tradeoff.strategy.coverage import Coverage, coverage
from tradeoff.strategy.practice.thresholds import Thresholds


@dataclass(frozen=True)
class Finding:
    """One thing behind a rule's count: a roadmap item, theme, decision, area or person."""

    id: int | str
    label: str
    detail: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "detail": self.detail}


@dataclass(frozen=True)
class RuleResult:
    key: str
    title: str
    principle: int
    passed: bool
    count: int
    advice: str
    findings: tuple[Finding, ...] = ()
    #: What was measured against which threshold, where a rule has one.
    measured: str | None = None
    #: How many items are behind the rule when that is not ``count`` (churn counts moves
    #: and lists the items that bounced).
    item_total: int | None = None

    @property
    def items_behind(self) -> int:
        return self.count if self.item_total is None else self.item_total

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.key,
            "title": self.title,
            "principle": self.principle,
            "passed": self.passed,
            "count": self.count,
            "measured": self.measured,
            "advice": self.advice,
            "items": [f.to_json() for f in self.findings],
        }


@dataclass(frozen=True)
class CheckReport:
    as_of: date
    rules: tuple[RuleResult, ...]
    thresholds: Thresholds

    @property
    def passed(self) -> int:
        return sum(1 for r in self.rules if r.passed)

    @property
    def failed(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.rules if not r.passed)

    @property
    def score(self) -> str:
        return f"{self.passed}/{len(self.rules)}"

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "score": {"passed": self.passed, "rules": len(self.rules)},
            "rules": [r.to_json() for r in self.rules],
            "thresholds": {
                k: (str(v) if not isinstance(v, int | float) else v)
                for k, v in self.thresholds.__dict__.items()
            },
        }


@dataclass
class CheckContext:
    """What the rules read, each computed once however many rules share it."""

    engine: Engine
    as_of: date
    thresholds: Thresholds

    @cached_property
    def coverage(self) -> Coverage:
        return coverage(self.engine, as_of=self.as_of, thresholds=self.thresholds)

    @cached_property
    def themes(self) -> list[SubjectDemand]:
        """Demand of every active top-level theme at the as-of day, by id."""
        return sorted(theme_demand(self.engine, as_of=self.as_of), key=lambda t: t.id)


Rule = Callable[[CheckContext], RuleResult]
