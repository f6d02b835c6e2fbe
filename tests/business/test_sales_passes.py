"""The win-rate breakdowns come from two GROUP BY passes folded per dimension in Python
(``storage.sales.outcome_totals_by``); each folded dimension must equal a recount of that
dimension alone, deal by deal, over ``World``."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Engine

from tests.business.test_sales_picture import key_of
from tests.business.world import RATES, World
from tradeoff.analysis.business.sales import PASSES, SIZE_BANDS
from tradeoff.storage import sales as figures
from tradeoff.storage.session import read_session

Tally = dict[tuple[str | None, str, str | None], tuple[int, int, Decimal]]


def test_every_folded_dimension_equals_its_own_recount(engine: Engine, world: World) -> None:
    with read_session(engine) as session:
        folded = {
            dimension: totals
            for group in PASSES
            for dimension, totals in figures.outcome_totals_by(
                session, group, bands=SIZE_BANDS, rates=RATES, base="USD"
            ).items()
        }
    assert set(folded) == {"all", "segment", "plan", "region", "source", "size", "quarter",
                           "owner", "stage"}  # fmt: skip
    for dimension, totals in folded.items():
        if dimension == "all":
            key = lambda _deal: "all"  # noqa: E731
        elif dimension == "stage":
            key = lambda deal: deal.stage  # noqa: E731
        else:
            key = key_of(world, dimension)
        expected: Tally = {}
        for deal in world.deals:
            group = (key(deal), deal.outcome.value, deal.currency)
            deals, with_amount, amount = expected.get(group, (0, 0, Decimal(0)))
            expected[group] = (
                deals + 1,
                with_amount + (deal.amount is not None),
                amount + (deal.amount or Decimal(0)),
            )
        found: Tally = {
            (t.key, t.outcome.value, t.currency): (t.deals, t.with_amount, t.amount) for t in totals
        }
        assert found == expected, dimension
        assert len(found) == len(totals), dimension  # one row per group: nothing left unfolded
