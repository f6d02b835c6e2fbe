"""Adding amounts in several currencies honestly.

Sums are taken per currency in the database; this module turns them into one figure in the
workspace's base currency with the rates the user gave. A currency without a rate is never
added at a guessed rate: the figure lists what it could not convert, and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

ZERO = Decimal(0)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Money:
    """A total in ``base``; ``unconverted`` holds the sums no rate was given for."""

    amount: Decimal
    base: str
    unconverted: Mapping[str, Decimal] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.unconverted

    @property
    def rank(self) -> tuple[Decimal, int]:
        """A sort key, largest first: the converted total, then money held only in a
        currency without a rate before no money at all. An unconverted sum is never compared
        with a converted one (that would guess a rate), but a rival whose lost deals are all
        in CHF is not ranked with those that cost nothing."""
        return (-self.amount, 0 if self.unconverted else 1)

    def __str__(self) -> str:
        """``USD 6,000.00 + JPY 12,000,000.00 (no rate)``; ``GBP 7,200.00 (no rate)`` when
        nothing could be converted (a "USD 0.00 +" there reads as a zero amount)."""
        return self.said(cents)

    def said(self, shown: Callable[[Decimal], str]) -> str:
        """The total as ``__str__`` words it, each amount written by ``shown`` (the report's
        ``USD 741k + JPY 12M (no rate)``)."""
        figure = f"{self.base} {shown(self.amount)}"
        if self.unconverted:
            rest = ", ".join(f"{c} {shown(a)}" for c, a in sorted(self.unconverted.items()))
            return f"{figure} + {rest} (no rate)" if self.amount else f"{rest} (no rate)"
        return figure

    def to_json(self) -> dict[str, object]:
        return {
            "amount": str(self.amount.quantize(CENT)),
            "currency": self.base,
            "unconverted": {c: str(a.quantize(CENT)) for c, a in sorted(self.unconverted.items())},
        }


def cents(amount: Decimal) -> str:
    """12000 → 12,000.00: an amount to the cent."""
    return f"{amount.quantize(CENT):,}"


def convert(
    by_currency: Mapping[str | None, Decimal | int | float | None],
    rates: Mapping[str, Decimal],
    base: str,
) -> Money:
    """One total from per-currency sums. ``rates[c]`` is one unit of ``c`` in ``base``; an
    amount with no currency is taken to be in ``base`` (the importers record it that way)."""
    total = ZERO
    unconverted: dict[str, Decimal] = {}
    for currency, amount in by_currency.items():
        if amount is None:
            continue
        value = Decimal(str(amount)) if not isinstance(amount, Decimal) else amount
        code = (currency or base).upper()
        if code == base:
            total += value
        elif code in rates:
            total += value * rates[code]
        elif value:
            unconverted[code] = unconverted.get(code, ZERO) + value
    return Money(total, base, unconverted)
