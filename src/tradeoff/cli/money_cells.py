"""Money as table cells: compact amounts an eye can compare down a column, marked when a
currency without a rate was left out (``Money.unconverted``), and signed changes. How a sum
some of whose deals have no amount reads (unknown, never zero) is
``analysis.business.money_words``', shared with the web pages and the report; its names are
re-exported here for the commands that import them from this module."""

from __future__ import annotations

from decimal import Decimal

from tradeoff.analysis.business.money import Money
from tradeoff.analysis.business.money_words import NO_AMOUNT as NO_AMOUNT
from tradeoff.analysis.business.money_words import deals_money as deals_money
from tradeoff.analysis.business.money_words import unknown_sum as unknown_sum
from tradeoff.analysis.business.money_words import whole as whole


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
