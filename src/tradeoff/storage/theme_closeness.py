"""How close the model's items sit to their themes: each theme's mean and spread.

An incremental run asks whether a new item sits loosely in the theme it was filed to
(``analysis.new_topic``); the answer is relative to the theme's own items, whose closeness
each model link keeps as its score. Summed in SQL: one row per theme, not one per link.
"""

from __future__ import annotations

import math

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import AssignedBy
from tradeoff.storage.tables import EvidenceThemeRow


def closeness_spread(session: Session) -> dict[int, tuple[float, float]]:
    """Theme id → mean and standard deviation of its model-filed items' closeness."""
    score = EvidenceThemeRow.score
    query = (
        select(EvidenceThemeRow.theme_id, func.avg(score), func.avg(score * score))
        .where(EvidenceThemeRow.assigned_by == AssignedBy.MODEL)
        .group_by(EvidenceThemeRow.theme_id)
    )
    return {
        int(theme): (float(mean), math.sqrt(max(0.0, float(square) - float(mean) ** 2)))
        for theme, mean, square in session.execute(query)
    }
