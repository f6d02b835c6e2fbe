"""The figures an opportunity is judged by, each with its range and how sure we are.

Computed figures (reach, money) and entered ones (effort, strategic fit) share one shape so
that the frontier, trade-off pairs and every ranking formula read them the same way, and a
ranking's fragility can vary each within its stated range.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Origin(StrEnum):
    """Where a figure came from, shown next to it so an override is never hidden."""

    COMPUTED = "computed"  # from the evidence and the business lens
    ENTERED = "entered"  # typed in by the team (tradeoff opportunity estimate)
    OVERRIDE = "override"  # a person replaced a computed figure, with a reason


@dataclass(frozen=True)
class Estimate:
    """``low <= value <= high``; a figure with no range has ``low == value == high``."""

    value: float
    low: float
    high: float
    confidence: float  # 0..1
    origin: Origin
    basis: str  # one line: the evidence or reasoning behind the figure

    def __post_init__(self) -> None:
        if not self.low <= self.value <= self.high:
            raise ValueError(f"estimate {self.value} outside its range [{self.low}, {self.high}]")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside 0..1")

    @classmethod
    def exact(cls, value: float, basis: str, confidence: float = 1.0) -> Estimate:
        return cls(value, value, value, confidence, Origin.COMPUTED, basis)


class DimensionName(StrEnum):
    USER_VALUE = "user_value"
    VIABILITY = "viability"
    FEASIBILITY = "feasibility"

    @property
    def heading(self) -> str:
        return {
            DimensionName.USER_VALUE: "User value",
            DimensionName.VIABILITY: "Business viability",
            DimensionName.FEASIBILITY: "Technical feasibility",
        }[self]


@dataclass(frozen=True)
class Dimension:
    """One of the three assessments: a 0..10 score where higher is better on every
    dimension (feasibility is high when effort and risk are low), never collapsed with the
    other two unless a person asks for a ranking."""

    name: DimensionName
    score: Estimate
    basis: tuple[str, ...] = ()  # the reasoning, one line each, shown with the score
    override_reason: str | None = None  # set when a person overrode the computed score
    known: bool = True  # False when nothing was computed or entered: the score is a guess


@dataclass(frozen=True)
class Assessed:
    """An opportunity with its three dimensions and every figure a formula may use.

    ``fields`` holds, by name: the three dimension scores (``user_value``, ``viability``,
    ``feasibility``), the computed figures (``accounts``, ``end_users``, ``items``,
    ``arr``, ``pipeline``, ``lost``, ``churned``, ``renewals_90``, ... in the workspace's
    base currency), and every entered estimate by its field name (``effort_weeks``,
    ``impact``, ``confidence``, ...).
    """

    id: int
    title: str
    user_value: Dimension
    viability: Dimension
    feasibility: Dimension
    fields: Mapping[str, Estimate] = field(default_factory=dict)

    @property
    def dimensions(self) -> tuple[Dimension, Dimension, Dimension]:
        return (self.user_value, self.viability, self.feasibility)
