"""Technical feasibility: can we build, operate and evolve it — entered by the team.

    effort_weeks    person-weeks, ranges allowed; effort = 1 - min(1, log2(1 + weeks) /
                    log2(53)): 0 weeks → 1, 1 → 0.83, 4 → 0.59, 8 → 0.45, 13 → 0.35,
                    26 → 0.18, a person-year (52) or more → 0                  weight 3
    delivery_risk   0..10, higher is worse (10: we may not be able to ship it) weight 1.5
    operability     0..10, higher is better (10: runs itself once shipped)     weight 1
    debt_impact     0..10, higher is worse (0: pays debt down, 5: neutral, 10: adds a lot)
                                                                               weight 1
    feasibility = 10 × Σ weight × goodness / Σ weight, over the fields entered

A high feasibility means little effort and risk. An effort range gives a score range (the
high end of the effort is the low end of the score). With nothing entered the score is an
unknown 5 (0..10) with confidence 0. Confidence as in ``viability``: the entries'
confidences weighted, × (0.5 + 0.5 × the share of all weights entered).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from tradeoff.decisions.estimates import Dimension, DimensionName, Estimate, Origin
from tradeoff.decisions.scales import Part, clamp, factor_parts, span, weighted_mean

EFFORT_WEIGHT = 3.0
EFFORT_CEILING_WEEKS = 52.0
#: field → (weight, higher is better)
FACTORS: dict[str, tuple[float, bool]] = {
    "delivery_risk": (1.5, False),
    "operability": (1.0, True),
    "debt_impact": (1.0, False),
}
POSSIBLE_WEIGHT = EFFORT_WEIGHT + sum(w for w, _ in FACTORS.values())


def effort_goodness(weeks: float) -> float:
    """Fewer person-weeks is better, on a log scale that reaches 0 at a person-year."""
    return 1.0 - clamp(math.log2(1 + max(weeks, 0.0)) / math.log2(1 + EFFORT_CEILING_WEEKS))


def feasibility(opportunity_id: int, entries: Mapping[str, Estimate]) -> Dimension:
    """The dimension from the latest entries by field (others are ignored here)."""
    parts: list[Part] = []
    basis: list[str] = []
    effort = entries.get("effort_weeks")
    if effort is not None:
        value = effort_goodness(effort.value)
        parts.append(
            Part(
                "effort_weeks",
                EFFORT_WEIGHT,
                value,
                effort_goodness(effort.high),
                effort_goodness(effort.low),
                effort.confidence,
            )
        )
        basis.append(
            f"effort {span(effort)} person-weeks → {value:.2f} (weight {EFFORT_WEIGHT:g}, "
            f"confidence {effort.confidence:.2f})"
        )
    entered_parts, entered_basis = factor_parts(entries, FACTORS)
    parts.extend(entered_parts)
    basis.extend(entered_basis)
    hint = f"tradeoff opportunity estimate {opportunity_id} effort_weeks 4..8"
    if not parts:
        return Dimension(
            DimensionName.FEASIBILITY,
            Estimate(5.0, 0.0, 10.0, 0.0, Origin.COMPUTED, "not estimated yet"),
            (f"not estimated yet — {hint}",),
            known=False,
        )
    score = weighted_mean(parts, POSSIBLE_WEIGHT)
    formula = " + ".join(f"{p.weight:g} × {p.value:.2f}" for p in parts)
    basis.append(
        f"feasibility = 10 × ({formula}) / {sum(p.weight for p in parts):g} = {score.value:.1f}"
    )
    if effort is None:
        basis.append(f"effort not estimated yet — {hint}")
    missing = [n for n in FACTORS if n not in entries]
    if missing:
        basis.append(f"not entered (left out): {', '.join(missing)}")
    summary = ", ".join(p.name for p in parts)
    return Dimension(
        DimensionName.FEASIBILITY,
        Estimate(
            score.value, score.low, score.high, score.confidence, Origin.COMPUTED, f"from {summary}"
        ),
        tuple(basis),
    )
