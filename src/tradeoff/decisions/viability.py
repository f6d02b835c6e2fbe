"""Business viability: what the opportunity is worth to the business, from the money at stake
in its evidence and the factors the team entered.

    money      = relative(ARR + pipeline + lost + churned, book)          weight 2
    book       = ARR of all customers + all open pipeline (base currency)
    strategic_fit   0..10, higher is better (10: core to the strategy)     weight 1.5
    risk_reduction  0..10, higher is better (risk the work removes)        weight 1
    cost_to_serve   0..10, higher is worse  (0: cuts it a lot, 5: no change, 10: adds a lot)
    support_load    0..10, higher is worse  (same reading as cost_to_serve) weight 1 each
    compliance_risk 0..10, higher is worse  (compliance or brand risk the work carries)
    viability  = 10 × Σ weight × goodness / Σ weight, over the parts that are known

Money is known once the opportunity has evidence; a factor once someone entered it. An
amount in a currency with no rate is left out of the money and named in the basis. The
range takes each entered factor at the ends of its entered range. Confidence: the weighted
confidences (money: ``user_value.evidence_confidence``'s account factor, × 0.7 when some
money could not be converted or priced; a factor: its entry's confidence) × (0.5 + 0.5 ×
the share of all weights that is known).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from tradeoff.decisions.estimates import Dimension, DimensionName, Estimate, Origin
from tradeoff.decisions.scales import Part, factor_parts, relative, weighted_mean
from tradeoff.decisions.user_value import ACCOUNTS_FOR_FULL_CONFIDENCE

MONEY_WEIGHT = 2.0
#: field → (weight, higher is better)
FACTORS: dict[str, tuple[float, bool]] = {
    "strategic_fit": (1.5, True),
    "risk_reduction": (1.0, True),
    "cost_to_serve": (1.0, False),
    "support_load": (1.0, False),
    "compliance_risk": (1.0, False),
}
POSSIBLE_WEIGHT = MONEY_WEIGHT + sum(w for w, _ in FACTORS.values())


@dataclass(frozen=True)
class Money:
    """The opportunity's money at stake in the base currency, and what could not be added."""

    arr: Decimal
    pipeline: Decimal
    lost: Decimal
    churned: Decimal
    book: Decimal
    base: str
    incomplete: tuple[str, ...] = ()  # "JPY 12,000,000 (no rate)", "2 deals without amount"

    @property
    def at_stake(self) -> Decimal:
        return self.arr + self.pipeline + self.lost + self.churned


def viability(money: Money | None, accounts: int, factors: Mapping[str, Estimate]) -> Dimension:
    """``money`` is None when the opportunity has no evidence; ``factors`` are the latest
    entered estimates by field (fields other than FACTORS are ignored here)."""
    parts: list[Part] = []
    basis: list[str] = []
    if money is not None:
        # With no book (no customers, no open deals) any money at stake is all of it.
        share = relative(float(money.at_stake), float(max(money.book, money.at_stake)))
        spread = min(1.0, math.log2(1 + accounts) / math.log2(1 + ACCOUNTS_FOR_FULL_CONFIDENCE))
        confidence = spread * (0.7 if money.incomplete else 1.0)
        parts.append(Part("money", MONEY_WEIGHT, share, share, share, confidence))
        basis.append(
            f"money at stake: ARR {_amount(money.arr)} + pipeline {_amount(money.pipeline)} "
            f"+ lost {_amount(money.lost)} + churned {_amount(money.churned)} = "
            f"{money.base} {_amount(money.at_stake)} of a book of {money.base} "
            f"{_amount(money.book)} → {share:.2f} (weight {MONEY_WEIGHT:g})"
        )
        if money.incomplete:
            basis.append(f"not in the money: {'; '.join(money.incomplete)}")
    entered_parts, entered_basis = factor_parts(factors, FACTORS)
    parts.extend(entered_parts)
    basis.extend(entered_basis)
    if not parts:
        return Dimension(
            DimensionName.VIABILITY,
            Estimate(5.0, 0.0, 10.0, 0.0, Origin.COMPUTED, "no money or factors yet"),
            (
                "no evidence with revenue and no factors entered: link a problem, or "
                "tradeoff opportunity estimate ID strategic_fit 7",
            ),
            known=False,
        )
    score = weighted_mean(parts, POSSIBLE_WEIGHT)
    missing = [n for n in FACTORS if n not in factors]
    formula = " + ".join(f"{p.weight:g} × {p.value:.2f}" for p in parts)
    basis.append(
        f"viability = 10 × ({formula}) / {sum(p.weight for p in parts):g} = {score.value:.1f}"
    )
    if missing:
        basis.append(f"not entered (left out): {', '.join(missing)}")
    summary = ", ".join(p.name for p in parts)
    return Dimension(
        DimensionName.VIABILITY,
        Estimate(
            score.value, score.low, score.high, score.confidence, Origin.COMPUTED, f"from {summary}"
        ),
        tuple(basis),
    )


def _amount(amount: Decimal) -> str:
    return f"{amount:,.0f}"
