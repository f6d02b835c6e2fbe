"""The small typed figures the sales picture is made of, folded from per-currency SQL totals.

Definitions (docs/sales.md repeats them):

- **win rate** = won ÷ closed, closed = won + lost; open deals are never in a rate. A group
  with no closed deal has no rate (shown "–"), never 0 %. Counts always travel with a rate.
- **won revenue** = the sum of won amounts converted to the base currency with the user's
  rates; amounts in a currency without a rate are listed apart, never guessed.
- **average won deal size** = won revenue ÷ won deals *that have an amount and a rate*; the
  deals left out are counted (no amount; no rate, per currency).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from tradeoff.analysis.business.money import CENT, ZERO, Money, convert
from tradeoff.domain.enums import DealOutcome
from tradeoff.storage.sales import OutcomeTotal


@dataclass(frozen=True)
class WinRate:
    """One group's outcomes: the counts, the rate, and the won revenue."""

    key: str
    won: int
    lost: int
    open: int
    won_revenue: Money
    #: Won or lost deals without an amount: in the counts, not in the revenue.
    closed_without_amount: int = 0
    #: Won deals without an amount: when they are all the won deals, the won revenue is
    #: unknown, not zero (a table says "no amount"; JSON and CSV keep the sum beside it).
    won_without_amount: int = 0
    #: Open deals without an amount, the same for the open pipeline.
    open_without_amount: int = 0

    @property
    def closed(self) -> int:
        return self.won + self.lost

    @property
    def win_rate(self) -> float | None:
        return self.won / self.closed if self.closed else None

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "won": self.won,
            "lost": self.lost,
            "closed": self.closed,
            "open": self.open,
            "win_rate": None if self.win_rate is None else round(self.win_rate, 4),
            "won_revenue": self.won_revenue.to_json(),
            "closed_without_amount": self.closed_without_amount,
            "won_without_amount": self.won_without_amount,
            "open_without_amount": self.open_without_amount,
        }


@dataclass(frozen=True)
class AverageSize:
    """The mean won deal in the base currency, and the won deals it could not include."""

    amount: Decimal | None
    base: str
    deals: int
    without_amount: int
    without_rate: Mapping[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "amount": None if self.amount is None else str(self.amount.quantize(CENT)),
            "currency": self.base,
            "deals": self.deals,
            "without_amount": self.without_amount,
            "without_rate": dict(sorted(self.without_rate.items())),
        }


@dataclass(frozen=True)
class CycleTime:
    """Median days from created to closed, over ``deals`` deals dated in order."""

    outcome: DealOutcome
    median_days: float | None
    deals: int

    def to_json(self) -> dict[str, object]:
        days = None if self.median_days is None else round(self.median_days, 1)
        return {"outcome": self.outcome.value, "median_days": days, "deals": self.deals}


@dataclass(frozen=True)
class StageCount:
    """Open deals at one stage, and their amount (the open pipeline); ``with_amount`` of
    them have one, so a stage whose deals have none reads "no amount", not 0."""

    stage: str
    deals: int
    amount: Money
    with_amount: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "stage": self.stage,
            "deals": self.deals,
            "amount": self.amount.to_json(),
            "deals_with_amount": self.with_amount,
        }


def money_of(totals: Iterable[OutcomeTotal], rates: Mapping[str, Decimal], base: str) -> Money:
    sums: dict[str | None, Decimal] = {}
    for t in totals:
        sums[t.currency] = sums.get(t.currency, ZERO) + t.amount
    return convert(sums, rates, base)


def win_rates(
    totals: Iterable[OutcomeTotal], rates: Mapping[str, Decimal], base: str, missing: str
) -> list[WinRate]:
    """One ``WinRate`` per key of the totals; a NULL key is shown as ``missing``."""
    grouped: dict[str | None, list[OutcomeTotal]] = {}
    for t in totals:
        grouped.setdefault(t.key, []).append(t)
    rows = []
    for key, group in grouped.items():
        by_outcome = {o: [t for t in group if t.outcome is o] for o in DealOutcome}
        won, lost = by_outcome[DealOutcome.WON], by_outcome[DealOutcome.LOST]
        opened = by_outcome[DealOutcome.OPEN]
        rows.append(
            WinRate(
                key=missing if key is None else str(key),
                won=sum(t.deals for t in won),
                lost=sum(t.deals for t in lost),
                open=sum(t.deals for t in opened),
                won_revenue=money_of(won, rates, base),
                closed_without_amount=_without_amount(won + lost),
                won_without_amount=_without_amount(won),
                open_without_amount=_without_amount(opened),
            )
        )
    return rows


def _without_amount(totals: Iterable[OutcomeTotal]) -> int:
    """Deals counted in these totals whose amount is NULL (``count(*) - count(amount)`` in
    SQL: ``OutcomeTotal.with_amount``)."""
    return sum(t.deals - t.with_amount for t in totals)


def average_won(
    totals: Iterable[OutcomeTotal], rates: Mapping[str, Decimal], base: str
) -> AverageSize:
    known = {base, *rates}
    amount, deals, without_amount = ZERO, 0, 0
    without_rate: dict[str, int] = {}
    for t in totals:
        if t.outcome is not DealOutcome.WON:
            continue
        without_amount += t.deals - t.with_amount
        if not t.with_amount:
            continue
        code = (t.currency or base).upper()
        if code not in known:
            without_rate[code] = without_rate.get(code, 0) + t.with_amount
            continue
        amount += t.amount * (Decimal(1) if code == base else rates[code])
        deals += t.with_amount
    return AverageSize(amount / deals if deals else None, base, deals, without_amount, without_rate)
