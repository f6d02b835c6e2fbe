"""Money as table cells: compact amounts an eye can compare down a column, marked when a
currency without a rate was left out (``Money.unconverted``), and signed changes; and a
sum over deals some of which have no amount, which is unknown, never zero."""

from __future__ import annotations

from decimal import Decimal

from tradeoff.analysis.business.money import Money
from tradeoff.wording import plural

#: A table cell for a sum over deals none of which has an amount: unknown, not zero
#: (``tradeoff sales``' objections write it so too).
NO_AMOUNT = "– (no amount)"


def compact(amount: Decimal) -> str:
    """240000 → 240k, 1530000 → 1.5M: a cell an eye can compare down a column."""
    for limit, suffix in ((Decimal(10**9), "G"), (Decimal(10**6), "M"), (Decimal(10**3), "k")):
        if abs(amount) >= limit:
            scaled = amount / limit
            return f"{scaled:.1f}{suffix}" if scaled < 10 else f"{scaled:,.0f}{suffix}"
    return f"{amount:,.0f}"


def amount_cell(money: Money, missing: set[str]) -> str:
    """The converted amount, starred when some currency had no rate (added to ``missing``)."""
    missing.update(money.unconverted)
    return compact(money.amount) + ("*" if money.unconverted else "")


def signed(change: Decimal) -> str:
    shown = compact(abs(change))
    return "0" if not change else ("+" if change > 0 else "-") + shown


def unconverted(money: Money) -> str:
    """``EUR 12.00; JPY 3.00``: the amounts no rate was given for, for a CSV cell, in cents
    like every other amount in a CSV (the sum keeps four places)."""
    return "; ".join(f"{c} {a:.2f}" for c, a in sorted(money.unconverted.items()))


def deals_money(money: Money, deals: int, priced: int) -> str:
    """A sum over ``deals`` of which ``priced`` have an amount, as a sentence: "no amount"
    when none has one (a deal with no amount is counted, never summed as zero), else the
    sum, saying how many it leaves out: ``USD 36,000.00 plus 1 deal with no amount``."""
    if deals and not priced:
        return "no amount"
    missing = deals - priced
    return f"{money} plus {plural(missing, 'deal')} with no amount" if missing > 0 else str(money)
