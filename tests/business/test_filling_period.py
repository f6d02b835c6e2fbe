"""Which period is still filling on the as-of day: the one holding it, unless it is its last."""

from __future__ import annotations

from datetime import date

import pytest

from tradeoff.analysis.business.demand_time import filling_period


@pytest.mark.parametrize(
    ("as_of", "quarterly", "filling"),
    [
        (date(2026, 10, 15), False, "2026-10"),
        (date(2026, 10, 31), False, None),
        (date(2026, 2, 28), False, None),  # 2026 is not a leap year
        (date(2028, 2, 28), False, "2028-02"),  # 2028 is
        (date(2026, 10, 31), True, "2026-Q4"),
        (date(2026, 9, 30), True, None),
        (date(2026, 12, 31), True, None),  # the year turns
        (date(2026, 1, 1), True, "2026-Q1"),
    ],
)
def test_the_period_holding_the_day_fills_until_its_last_day(
    as_of: date, quarterly: bool, filling: str | None
) -> None:
    assert filling_period(as_of, quarterly=quarterly) == filling
