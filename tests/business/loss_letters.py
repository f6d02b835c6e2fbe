"""One letter per loss category, so tables of reasons and verdicts read as tables."""

from __future__ import annotations

from tradeoff.domain.enums import LossCategory

P, B, V, C = (
    LossCategory.PRODUCT_GAP,
    LossCategory.PRICE_BUDGET,
    LossCategory.VALUE_NOT_PROVEN,
    LossCategory.CONFIDENCE_RISK,
)
R, A, T, S = (
    LossCategory.RELATIONSHIP,
    LossCategory.ALIGNMENT,
    LossCategory.TIMING_NO_DECISION,
    LossCategory.STATUS_QUO,
)
U = LossCategory.UNCLASSIFIED
