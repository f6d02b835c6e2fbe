"""What a win looks like: attributes and themes over-represented in won deals against lost ones.

For every value of an attribute (segment Enterprise, lead source Partner, theme "Audit logs",
account attribute industry=Retail) the closed deals fall in a 2×2 table: won with / without
it, lost with / without it ("without" includes deals where it is unknown). Reported per
value, always with those four counts:

- **lift** = (share of won deals with it) ÷ (share of lost deals with it); none when no lost
  deal has it (shown "only won"). Readable, but blind to sample size.
- **score** = the log odds ratio with 0.5 added to each cell (Haldane–Anscombe, so an empty
  cell does not give infinity) divided by its standard error: a z-score. It grows with the
  effect *and* with the evidence, so three wins out of three rank below thirty out of
  thirty-five. Positive: more common in wins; negative: more common in losses; |score| ≥ 2
  is roughly p < 0.05 (two-sided, normal approximation). Signals are ordered by it.

An account attribute that says whether the account is a customer (Salesforce's Type
"Customer - Direct" / "Prospect", HubSpot's lifecycle stage "customer") is a result of
winning, not a sign of it: every won account becomes a customer. It would top the list and
say nothing, so a key any of whose values names a customer or a prospect
(``LIFECYCLE_WORDS``) is left out. A key whose values are all numbers, more than
``attribute_numbers.MAX_CATEGORIES`` of them (Salesforce's AnnualRevenue, NumberOfEmployees),
is compared in ``attribute_numbers.BANDS`` bands of about as many closed deals each
("26.7M–38.1M"), not value by value: the same bands demand's breakdown draws by accounts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tradeoff.analysis.business.attribute_numbers import bands
from tradeoff.domain.enums import DealOutcome
from tradeoff.storage.sales import NO_AMOUNT, NO_RATE, AccountOutcome, OutcomeTotal, ThemeOutcome

PRIOR = 0.5
#: Words in an account attribute's values that mark it as the account's lifecycle.
LIFECYCLE_WORDS = ("customer", "prospect")
#: The deal and account columns compared (the ``--by`` names), then themes and attributes.
ATTRIBUTES = ("segment", "plan", "region", "source", "size")


@dataclass(frozen=True)
class WinSignal:
    attribute: str
    value: str
    won_with: int
    won_without: int
    lost_with: int
    lost_without: int

    @property
    def lift(self) -> float | None:
        won, lost = self.won_with + self.won_without, self.lost_with + self.lost_without
        if not won or not lost or not self.lost_with:
            return None
        return (self.won_with / won) / (self.lost_with / lost)

    @property
    def score(self) -> float:
        a, b = self.won_with + PRIOR, self.lost_with + PRIOR
        c, d = self.won_without + PRIOR, self.lost_without + PRIOR
        return math.log((a * d) / (b * c)) / math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)

    def to_json(self) -> dict[str, object]:
        lift = self.lift
        return {
            "attribute": self.attribute,
            "value": self.value,
            "won_with": self.won_with,
            "won_without": self.won_without,
            "lost_with": self.lost_with,
            "lost_without": self.lost_without,
            "lift": None if lift is None else round(lift, 3),
            "score": round(self.score, 3),
        }


def _signal(attribute: str, value: str, won: int, lost: int, total: tuple[int, int]) -> WinSignal:
    return WinSignal(attribute, value, won, total[0] - won, lost, total[1] - lost)


def win_signals(
    by_attribute: Mapping[str, Iterable[OutcomeTotal]],
    themes: Iterable[ThemeOutcome],
    accounts: Iterable[AccountOutcome],
    total: tuple[int, int],
) -> list[WinSignal]:
    """Every value seen in a closed deal, strongest sign of a win first.

    ``total`` is (won, lost) over all closed deals. Unknown values (no segment, no amount, no
    rate) are not attributes and are left out.
    """
    signals: list[WinSignal] = []
    for attribute, totals in by_attribute.items():
        counts: dict[str, list[int]] = {}
        for t in totals:
            if t.key is None or t.key in (NO_AMOUNT, NO_RATE) or t.outcome is DealOutcome.OPEN:
                continue
            pair = counts.setdefault(str(t.key), [0, 0])
            pair[t.outcome is DealOutcome.LOST] += t.deals
        signals += [_signal(attribute, v, w, lo, total) for v, (w, lo) in counts.items()]
    signals += [_signal("theme", t.name, t.won, t.lost, total) for t in themes]
    tallies: dict[tuple[str, str], list[int]] = {}
    for account in accounts:
        for key, value in account.attributes.items():
            pair = tallies.setdefault((str(key), str(value)), [0, 0])
            pair[0] += account.won
            pair[1] += account.lost
    lifecycle = {
        key for key, value in tallies if any(w in value.casefold() for w in LIFECYCLE_WORDS)
    }
    kept = {pair: counts for pair, counts in tallies.items() if pair[0] not in lifecycle}
    signals += [
        _signal(f"account {key}", value, w, lo, total)
        for (key, value), (w, lo) in _banded(kept).items()
    ]
    return sorted(signals, key=lambda s: (-s.score, s.attribute, s.value))


def _banded(tallies: Mapping[tuple[str, str], list[int]]) -> dict[tuple[str, str], list[int]]:
    """Account attributes with a numeric key's values in ``BANDS`` bands of about as many
    closed deals each (``attribute_numbers.bands``): Salesforce's AnnualRevenue and
    NumberOfEmployees hold a number per company, and each exact revenue was a "value" won
    only with that one account."""
    by_key: dict[str, dict[str, list[int]]] = {}
    for (key, value), counts in tallies.items():
        by_key.setdefault(key, {})[value] = counts
    banded: dict[tuple[str, str], list[int]] = {}
    for key, values in by_key.items():
        labels = bands({value: sum(counts) for value, counts in values.items()})
        if labels is None:
            banded |= {(key, v): counts for v, counts in values.items()}
            continue
        for value, label in labels.items():
            summed = banded.setdefault((key, label), [0, 0])
            summed[0] += values[value][0]
            summed[1] += values[value][1]
    return banded
