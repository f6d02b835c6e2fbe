"""Opportunities and what the team enters about them: the calls ``tradeoff opportunity``
makes, each one transaction.

An estimate is a value, optionally a range (``4..8``) and a confidence (low / medium / high
or 0..1, read by ``scales.parse_confidence``), with who entered it and why. Estimates are
never edited: a newer one for the same field wins and the history stays. Rules checked on
entry, so a formula never meets a figure it cannot read:

- the three dimension names (``user_value``, ``viability``, ``feasibility``) are overrides:
  0..10, and a reason is required — an override nobody can explain is not shown;
- the business and technical factors (``strategic_fit``, ``delivery_risk``, ...) and the
  ICE / WSJF scores are on 0..10; ``effort_weeks`` is person-weeks, not negative;
- figures computed from the evidence (``accounts``, ``arr``, ...) cannot be entered:
  override the dimension instead;
- for the ``confidence`` field (RICE's) the value itself may be a word.

>>> record_estimate(engine, 3, "effort_weeks", "4..8", confidence="medium")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine

from tradeoff.decisions.assessment import COMPUTED_FIELDS, DIMENSION_FIELDS
from tradeoff.decisions.scales import parse_confidence, parse_range
from tradeoff.domain.enums import OpportunityStatus
from tradeoff.domain.problems import FIELD_NAME, Opportunity, OpportunityEstimate
from tradeoff.domain.rules import member, now_utc
from tradeoff.errors import InputError
from tradeoff.storage import opportunities as store
from tradeoff.storage.demand_carry import carried
from tradeoff.storage.session import read_session, write_session

#: Fields read on a 0..10 scale (the direction of each is in docs/problems-and-opportunities.md).
SCALE_FIELDS = frozenset(
    {
        *DIMENSION_FIELDS,
        "strategic_fit",
        "risk_reduction",
        "cost_to_serve",
        "support_load",
        "compliance_risk",
        "delivery_risk",
        "operability",
        "debt_impact",
        "ease",
        "business_value",
        "time_criticality",
    }
)
NOT_NEGATIVE_FIELDS = frozenset({"effort_weeks", "reach", "impact"})


def new_opportunity(
    engine: Engine,
    title: str,
    *,
    solution_hypothesis: str | None = None,
    problem_ids: Sequence[int] = (),
) -> Opportunity:
    """Record an opportunity, addressing ``problem_ids`` (none: it is listed as unanchored)."""
    opportunity = Opportunity(title=title, solution_hypothesis=solution_hypothesis)
    with write_session(engine) as session, carried(session, problems=problem_ids):
        return store.create_opportunity(session, opportunity, problem_ids)


def link_opportunity(
    engine: Engine, opportunity_id: int, problem_ids: Sequence[int], *, carry: bool = True
) -> int:
    """Link the opportunity to the problems; returns how many links are new. Kept demand is
    carried over it unless ``carry=False`` (``storage.demand_carry.carried``)."""
    with (
        write_session(engine) as session,
        carried(session, opportunities=[opportunity_id], enabled=carry),
    ):
        return sum(store.link_problem(session, opportunity_id, p) for p in problem_ids)


def set_opportunity_status(
    engine: Engine, opportunity_id: int, status: OpportunityStatus | str
) -> Opportunity:
    with write_session(engine) as session:
        return store.set_status(
            session, opportunity_id, member("status", OpportunityStatus, status)
        )


def opportunity_list(engine: Engine) -> list[store.OpportunitySummary]:
    with read_session(engine) as session:
        return store.opportunity_summaries(session)


def estimate_history(
    engine: Engine, opportunity_id: int, field: str | None = None
) -> list[OpportunityEstimate]:
    """Every estimate of the opportunity (or one field), newest first."""
    with read_session(engine) as session:
        return store.estimate_history(session, opportunity_id, field)


def record_estimate(
    engine: Engine,
    opportunity_id: int,
    field: str,
    value: str | float,
    *,
    value_range: str | tuple[float, float] | None = None,
    confidence: str | float | None = None,
    reason: str | None = None,
    entered_by: str | None = None,
    entered_at: datetime | None = None,
) -> OpportunityEstimate:
    """Append an estimate after checking it against the rules above. ``value`` may itself
    be a range (``4..8``): the value is then its midpoint."""
    estimate = parse_estimate(
        opportunity_id,
        field,
        value,
        value_range=value_range,
        confidence=confidence,
        reason=reason,
        entered_by=entered_by,
        entered_at=entered_at,
    )
    with write_session(engine) as session:
        return store.add_estimate(session, estimate)


def parse_estimate(
    opportunity_id: int,
    field: str,
    value: str | float,
    *,
    value_range: str | tuple[float, float] | None = None,
    confidence: str | float | None = None,
    reason: str | None = None,
    entered_by: str | None = None,
    entered_at: datetime | None = None,
) -> OpportunityEstimate:
    """The checked estimate, not stored yet (the demo loader and the CLI share it)."""
    name = field.strip().lower()
    if not FIELD_NAME.fullmatch(name):
        raise InputError(f"{field!r} is not a field name (lowercase letters, digits and _)")
    if name in COMPUTED_FIELDS:
        raise InputError(
            f"{name} is computed from the evidence and cannot be entered; override a "
            "dimension instead: tradeoff opportunity override ID --user-value 7 --reason ..."
        )
    if name in DIMENSION_FIELDS and not (reason and reason.strip()):
        raise InputError(f"overriding {name} needs a reason (--reason) that others can read")
    number, low, high = _value(name, value)
    if value_range is not None:
        low, high = parse_range(value_range) if isinstance(value_range, str) else value_range
        if not low <= number <= high:
            raise InputError(f"{name} {number:g} lies outside its range {low:g}..{high:g}")
    for figure in {number, low, high}:
        _check_scale(name, figure)
    return OpportunityEstimate(
        opportunity_id=opportunity_id,
        field=name,
        value=number,
        low=low if low != number or high != number else None,
        high=high if low != number or high != number else None,
        confidence=parse_confidence(confidence),
        reason=reason,
        entered_by=entered_by,
        entered_at=entered_at or now_utc(),
    )


def _value(name: str, value: str | float) -> tuple[float, float, float]:
    if name == "confidence" and isinstance(value, str):
        word = parse_confidence(value)
        assert word is not None
        return word, word, word
    if isinstance(value, int | float):
        return float(value), float(value), float(value)
    low, high = parse_range(value)
    return (low + high) / 2, low, high


def _check_scale(name: str, figure: float) -> None:
    if name in SCALE_FIELDS and not 0 <= figure <= 10:
        raise InputError(f"{name} is on a 0..10 scale, got {figure:g}")
    if name in NOT_NEGATIVE_FIELDS and figure < 0:
        raise InputError(f"{name} cannot be negative, got {figure:g}")
    if name == "confidence" and not 0 <= figure <= 1:
        raise InputError(f"confidence is from 0 to 1 (or low/medium/high), got {figure:g}")
