"""Figures of the shared company counted in plain Python over the objects it was built
from: what the report's numbers are checked against, independently of the APIs."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tests.business.world import RATES, TODAY, World
from tradeoff.domain.enums import AccountLifecycle, DealOutcome

AS_OF = TODAY.date()


@dataclass(frozen=True)
class Recount:
    """A theme's figures, counted in plain Python over the objects ``world`` wrote."""

    items: int
    accounts: int
    arr: Decimal
    arr_unconverted: dict[str, Decimal]
    pipeline: Decimal


def usd(amount: Decimal | None, currency: str | None) -> Decimal | None:
    if amount is None:
        return None
    if currency in (None, "USD"):
        return amount
    return amount * RATES[currency] if currency in RATES else None


def recount(world: World, name: str) -> Recount:
    theme = world.theme(name)
    filed = {link.evidence_id for link in world.links if link.theme_id == theme.id}
    items = [e for e in world.evidence if e.id in filed and e.created_at.date() <= AS_OF]
    citing = {e.account_id for e in items if e.account_id is not None}
    arr, unconverted = Decimal(0), {}
    for account in world.accounts:
        if account.id in citing and account.lifecycle is AccountLifecycle.CUSTOMER and account.arr:
            converted = usd(account.arr, account.currency)
            if converted is None:
                assert account.currency is not None
                unconverted[account.currency] = account.arr
            else:
                arr += converted
    pipeline = sum(
        (
            usd(d.amount, d.currency) or Decimal(0)
            for d in world.deals
            if d.account_id in citing and d.outcome is DealOutcome.OPEN
        ),
        Decimal(0),
    )
    return Recount(len(items), len(citing), arr, unconverted, pipeline)


def competitor_order(world: World) -> list[str]:
    """Revenue lost plus open pipeline where each competitor was present, largest first."""
    stakes = []
    for competitor in world.competitors:
        met = {dc.deal_id for dc in world.deal_competitors if dc.competitor_id == competitor.id}
        deals = [d for d in world.deals if d.id in met]
        at_stake = sum(
            (
                usd(d.amount, d.currency) or Decimal(0)
                for d in deals
                if d.outcome in (DealOutcome.LOST, DealOutcome.OPEN)
            ),
            Decimal(0),
        )
        stakes.append((-at_stake, -len(deals), competitor.name))
    return [name for _, _, name in sorted(stakes)]
