"""Every opportunity on three dimensions, side by side and never summed (principle 4).

User value comes from the linked problems' evidence (``user_value``), business viability
from the money at stake and the team's business factors (``viability``), technical
feasibility from the team's effort and risk estimates (``feasibility``); each module's
docstring holds its formula. A person may override a dimension with an estimate named
after it (``user_value``, ``viability``, ``feasibility``) and a reason: the dimension then
shows the override, its reason, and the computed score in its basis.

``Assessed.fields`` carries every figure a ranking formula may use: the three scores, the
computed figures (reach, shares, money in the base currency) and every latest entered
estimate by its field name.

>>> [a.user_value.score.value for a in assess_opportunities(engine)]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import Engine

from tradeoff.analysis.business.demand import opportunity_demand
from tradeoff.analysis.business.demand_model import Demand, MoneyFigure
from tradeoff.analysis.business.demand_time import decayed
from tradeoff.analysis.business.money import convert
from tradeoff.decisions.estimates import Assessed, Dimension, DimensionName, Estimate, Origin
from tradeoff.decisions.feasibility import feasibility
from tradeoff.decisions.scales import entered, entry_basis
from tradeoff.decisions.user_value import SEVERITY_FACTOR, UserValueInputs, user_value
from tradeoff.decisions.viability import Money, viability
from tradeoff.domain.problems import OpportunityEstimate
from tradeoff.errors import NotFound
from tradeoff.storage.currency import base_currency, rates
from tradeoff.storage.opportunities import (
    LinkedProblem,
    OpportunitySummary,
    WorkspaceScale,
    latest_estimates,
    opportunity_summaries,
    workspace_scale,
)
from tradeoff.storage.session import read_session
from tradeoff.storage.workspace import load_workspace_settings

DIMENSION_FIELDS = frozenset(d.value for d in DimensionName)
#: Figures computed from the evidence and the business lens: never entered by hand.
COMPUTED_FIELDS = frozenset(
    {
        "accounts",
        "end_users",
        "items",
        "fresh_items",
        "observed_share",
        "proxy_share",
        "arr",
        "pipeline",
        "lost",
        "churned",
        "renewals_90",
        "renewals_180",
    }
)


def assess_opportunities(
    engine: Engine, *, as_of: date | None = None, ids: Sequence[int] | None = None
) -> list[Assessed]:
    """Every opportunity (or ``ids``), in id order, assessed as of ``as_of`` (default today;
    evidence recorded later is left out, as in ``tradeoff demand``)."""
    day = as_of or datetime.now(UTC).date()
    demands = {d.id: d.total for d in opportunity_demand(engine, as_of=day, ids=ids)}
    cutoff = datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC)
    with read_session(engine) as session:
        summaries = opportunity_summaries(session, ids)
        latest = latest_estimates(session, ids)
        scale = workspace_scale(session, cutoff)
        half_life = load_workspace_settings(session).demand_half_life_days
        base, known_rates = base_currency(session), rates(session)
    workspace_fresh = decayed(scale.items_per_day, day, half_life)
    book = convert(scale.arr, known_rates, base).amount
    book += convert(scale.pipeline, known_rates, base).amount
    context = _Context(scale, workspace_fresh, book, base)
    return [
        _assess(summary, demands.get(summary.id), latest.get(summary.id, {}), context)
        for summary in summaries
    ]


def assess_opportunity(
    engine: Engine, opportunity_id: int, *, as_of: date | None = None
) -> Assessed:
    """One opportunity's assessment; NotFound when there is no such opportunity."""
    found = assess_opportunities(engine, as_of=as_of, ids=[opportunity_id])
    if not found:
        raise NotFound(f"no opportunity with id {opportunity_id}")
    return found[0]


@dataclass(frozen=True)
class _Context:
    """The workspace-wide figures every opportunity is measured against."""

    scale: WorkspaceScale
    fresh: float
    book: Decimal
    base: str


def _assess(
    summary: OpportunitySummary,
    demand: Demand | None,
    latest: Mapping[str, OpportunityEstimate],
    context: _Context,
) -> Assessed:
    entries = {name: entered(e) for name, e in latest.items() if name not in COMPUTED_FIELDS}
    reach = demand.reach if demand is not None else None
    items = reach.items if reach is not None else 0
    severity_problem = _most_severe(summary.problems)
    inputs = UserValueInputs(
        accounts=reach.accounts if reach else 0,
        end_users=reach.end_users if reach else 0,
        items=items,
        observed=reach.observed if reach else 0,
        proxy=reach.proxy if reach else 0,
        fresh_items=reach.weighted_items if reach else 0.0,
        severity=severity_problem.severity if severity_problem else None,
        severity_source=f"problem {severity_problem.id}" if severity_problem else None,
        workspace_accounts=context.scale.accounts,
        workspace_end_users=context.scale.end_users,
        workspace_fresh_items=context.fresh,
    )
    money = _money(demand, context) if demand is not None and items > 0 else None
    dimensions = {
        DimensionName.USER_VALUE: user_value(inputs),
        DimensionName.VIABILITY: viability(money, inputs.accounts, entries),
        DimensionName.FEASIBILITY: feasibility(summary.id, entries),
    }
    for name in DimensionName:
        override = latest.get(name.value)
        if override is not None:
            dimensions[name] = _overridden(dimensions[name], override)
    fields: dict[str, Estimate] = {}
    if demand is not None:
        fields.update(_computed(summary.id, demand))
    fields.update({n: e for n, e in entries.items() if n not in DIMENSION_FIELDS})
    fields.update({name.value: dimension.score for name, dimension in dimensions.items()})
    return Assessed(
        id=summary.id,
        title=summary.title,
        user_value=dimensions[DimensionName.USER_VALUE],
        viability=dimensions[DimensionName.VIABILITY],
        feasibility=dimensions[DimensionName.FEASIBILITY],
        fields=fields,
    )


def _most_severe(problems: Sequence[LinkedProblem]) -> LinkedProblem | None:
    """The linked problem with the highest severity (the lowest id among equals)."""
    rated = [(SEVERITY_FACTOR[p.severity], -p.id, p) for p in problems if p.severity is not None]
    return max(rated, key=lambda r: (r[0], r[1]))[2] if rated else None


def _overridden(computed: Dimension, override: OpportunityEstimate) -> Dimension:
    """The person's figure in front, the computed one still visible in the basis."""
    mine = entered(override)
    was = computed.score
    note = "unknown" if not computed.known else f"{was.value:.1f} ({was.low:.1f}..{was.high:.1f})"
    return Dimension(
        computed.name,
        Estimate(mine.value, mine.low, mine.high, mine.confidence, Origin.OVERRIDE, mine.basis),
        (
            f"override: {mine.value:g} — {entry_basis(override)}",
            f"computed: {note}, confidence {was.confidence:.2f} — {was.basis}",
            *computed.basis,
        ),
        override_reason=override.reason or "(no reason given)",
        known=True,
    )


def _money(demand: Demand, context: _Context) -> Money:
    incomplete: list[str] = []
    for label, figure in (
        ("ARR", demand.arr),
        ("pipeline", demand.pipeline),
        ("lost", demand.lost),
        ("churned", demand.churned),
    ):
        incomplete += _gaps(label, figure)
    return Money(
        arr=demand.arr.total.amount,
        pipeline=demand.pipeline.total.amount,
        lost=demand.lost.total.amount,
        churned=demand.churned.total.amount,
        book=context.book,
        base=context.base,
        incomplete=tuple(incomplete),
    )


def _gaps(label: str, figure: MoneyFigure) -> list[str]:
    gaps = [f"{label}: {code} {amount:,.0f} (no rate)" for code, amount in
            sorted(figure.total.unconverted.items())]  # fmt: skip
    if figure.unpriced:
        gaps.append(f"{label}: {figure.unpriced} without an amount")
    return gaps


def _computed(opportunity_id: int, demand: Demand) -> dict[str, Estimate]:
    """The figures behind the dimensions, each with the command that lists what is behind it."""
    reach = demand.reach
    show = f"tradeoff demand --opportunity {opportunity_id} --show"
    base = demand.arr.total.base
    items = reach.items
    fields = {
        "accounts": Estimate.exact(reach.accounts, f"distinct citing accounts ({show} accounts)"),
        "end_users": Estimate.exact(reach.end_users, f"distinct end users ({show} users)"),
        "items": Estimate.exact(items, f"pieces of evidence, copies once ({show} evidence)"),
        "fresh_items": Estimate.exact(
            round(reach.weighted_items, 4), "items decayed by age (the fresh column of demand)"
        ),
        "observed_share": Estimate.exact(
            reach.observed / items if items else 0.0,
            f"{reach.observed:,} of {items:,} items observed (the rest stated)",
        ),
        "proxy_share": Estimate.exact(
            reach.proxy / items if items else 0.0,
            f"{reach.proxy:,} of {items:,} items relayed by our own people",
        ),
    }
    for name, figure in (
        ("arr", demand.arr),
        ("pipeline", demand.pipeline),
        ("lost", demand.lost),
        ("churned", demand.churned),
        ("renewals_90", demand.renewals_90),
        ("renewals_180", demand.renewals_180),
    ):
        gaps = "; ".join(_gaps(name, figure))
        fields[name] = Estimate.exact(
            float(figure.total.amount),
            f"{name} in {base} from the business lens ({show} {name})"
            + (f"; not added: {gaps}" if gaps else ""),
        )
    return fields


def estimate_json(estimate: Estimate) -> dict[str, object]:
    return {
        "value": estimate.value,
        "low": estimate.low,
        "high": estimate.high,
        "confidence": estimate.confidence,
        "origin": estimate.origin.value,
        "basis": estimate.basis,
    }


def assessed_json(assessed: Assessed) -> dict[str, object]:
    """Plain JSON for scripts: the three dimensions apart, never summed, and every field."""
    return {
        "id": assessed.id,
        "title": assessed.title,
        **{
            d.name.value: {
                **estimate_json(d.score),
                "known": d.known,
                "override_reason": d.override_reason,
                "reasoning": list(d.basis),
            }
            for d in assessed.dimensions
        },
        "fields": {name: estimate_json(e) for name, e in sorted(assessed.fields.items())},
    }
