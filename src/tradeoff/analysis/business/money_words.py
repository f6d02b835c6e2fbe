"""How a sum of money over deals or accounts reads when part of it is unknown, in one place
for the terminal, the web pages, the report and the briefs.

A deal with no amount is counted, never summed as zero, and an amount in a currency without
a rate is never added (``money.convert``). So a sum over deals none of which has an amount
is unknown, not 0, and a sum whose every amount is in a currency without a rate is those
amounts, said so, not "0 *": both would read as nothing at stake. A sum over no deal at all
is a real zero. The rule lives here, below every layer that prints money, so that no view
can say it differently from the next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from tradeoff.analysis.business.money import Money
from tradeoff.wording import plural

if TYPE_CHECKING:
    from tradeoff.analysis.business.demand_model import Demand

#: A table cell for a sum over deals none of which has an amount: unknown, not zero.
NO_AMOUNT = "– (no amount)"
#: The same in a sentence ("pipeline no amount", "lost: no amount").
NO_AMOUNT_WORDS = "no amount"


class Counted(Protocol):
    """A sum with the deals or accounts behind it and how many of those have no amount
    (``demand_model.MoneyFigure`` is one)."""

    @property
    def total(self) -> Money: ...

    @property
    def records(self) -> int: ...

    @property
    def unpriced(self) -> int: ...


@dataclass(frozen=True)
class CountedSum:
    """A ``Counted`` made of parts: revenue at stake over the ARR's and the pipeline's."""

    total: Money
    records: int
    unpriced: int


def counted_sum(total: Money, *parts: Counted) -> CountedSum:
    """``total`` (the parts' sum) over the records of ``parts``.

    Example: counted_sum(demand.revenue_at_stake, demand.arr, demand.pipeline)
    """
    return CountedSum(total, sum(p.records for p in parts), sum(p.unpriced for p in parts))


def at_stake(demand: Demand) -> CountedSum:
    """Revenue at stake (ARR plus open pipeline) over the accounts and deals of both."""
    return counted_sum(demand.revenue_at_stake, demand.arr, demand.pipeline)


def counts_of(value: Money | Counted, deals: int = 0, priced: int = 0) -> tuple[Money, int, int]:
    """The sum, its deals and how many of them have an amount: a ``Counted`` brings its own
    counts, a plain ``Money`` is given them (0 and 0 when not known, which leaves only the
    rule for amounts without a rate)."""
    if isinstance(value, Money):
        return value, deals, priced
    return value.total, value.records, value.records - value.unpriced


def whole(amount: Decimal) -> str:
    """12000 → 12,000: whole units, as the sales and competitor tables show money."""
    return f"{amount:,.0f}"


def unknown(money: Money, deals: int, priced: int) -> bool:
    """Whether a sum over ``deals`` of which ``priced`` have an amount has no figure in the
    base currency: none has an amount, or every amount is in a currency without a rate
    (what ``unknown_sum`` words).

    Example: unknown(Money(ZERO, "USD"), 2, 0) is True; unknown(Money(ZERO, "USD"), 0, 0) is False
    """
    return bool(deals and not priced) or bool(money.unconverted and not money.amount)


def unknown_sum(
    money: Money,
    deals: int,
    priced: int,
    shown: Callable[[Decimal], str] = whole,
    *,
    narrow: bool = False,
) -> str | None:
    """The cell of a sum that has no figure in the base currency, else None (show the sum).

    A sum over ``deals`` of which ``priced`` have an amount is unknown, not zero, when none
    has one (``NO_AMOUNT``); and when every amount is in a currency without a rate it is
    those amounts, said so (``GBP 7,200 (no rate)``): a "0 *" there reads as nothing lost.
    A sum over no deal at all is a real zero, and a part converted keeps its figure and
    ``*``. ``shown`` formats an amount as the table's other cells do (``compact``);
    ``narrow`` puts "(no rate)" on a line of its own, for a column too narrow for both
    (where the table would break it as "(no" and "rate)"). Counts of 0 and 0 (not known)
    leave only the second rule.

    Example: unknown_sum(Money(ZERO, "USD", {"GBP": Decimal(7200)}), 1, 1) == "GBP 7,200 (no rate)"
    """
    if deals and not priced:
        return NO_AMOUNT
    if money.unconverted and not money.amount:
        amounts = ", ".join(f"{c} {shown(a)}" for c, a in sorted(money.unconverted.items()))
        gap = "\n" if narrow else " "
        return f"{amounts}{gap}(no rate)"
    return None


def money_cell(
    money: Money,
    deals: int,
    priced: int,
    shown: Callable[[Decimal], str] = whole,
    star: str = " *",
) -> str:
    """A table cell: ``unknown_sum``'s, else the converted amount as ``shown`` formats it,
    ``star`` marking amounts in a currency without a rate left out (and footnoted).

    Example: money_cell(Money(Decimal(5000), "USD", {"GBP": Decimal(2000)}), 2, 2) == "5,000 *"
    """
    unknown = unknown_sum(money, deals, priced, shown)
    if unknown is not None:
        return unknown
    return shown(money.amount) + (star if money.unconverted else "")


def deals_money(money: Money, deals: int, priced: int, noun: str = "deal") -> str:
    """A sum over ``deals`` of which ``priced`` have an amount, as a sentence: "no amount"
    when none has one (a deal with no amount is counted, never summed as zero), else the
    sum, saying how many it leaves out: ``USD 36,000.00 plus 1 deal with no amount``
    (``noun`` for accounts)."""
    if deals and not priced:
        return NO_AMOUNT_WORDS
    missing = deals - priced
    if missing > 0:
        return f"{money} plus {plural(missing, noun)} with no amount"
    return str(money)
