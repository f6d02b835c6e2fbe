"""Objections: what lost deals said, grouped by wording and ranked by the revenue lost.

Each lost deal speaks through its loss reason; a lost deal without one speaks through its
notes (the same fallback the loss classifier uses). The database groups deals by exact
wording and currency; here wordings that fold to the same words (case, accents, punctuation
and spacing ignored: "No decision - project postponed" = "no decision: project postponed.")
are one objection, shown in its most frequent wording. CRM loss reasons are mostly picklist
values or short phrases, so exact folding is the honest grouping: it never merges two things
a person would keep apart. (Theme discovery is for evidence; see docs/sales.md.)

Ranking: lost revenue converted to the base currency, then deals. Amounts in a currency
without a rate are listed apart and do not raise the rank, so such a line says "(no rate)".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from tradeoff.analysis.business.loss_reasons import fold
from tradeoff.analysis.business.money import ZERO, Money, convert
from tradeoff.storage.sales import ReasonTotal


@dataclass(frozen=True)
class Objection:
    text: str
    #: Every wording folded into this objection, most deals first.
    wordings: tuple[str, ...]
    deals: int
    #: Deals with an amount: the ones lost_revenue adds up.
    with_amount: int
    lost_revenue: Money
    #: True when some deals gave no loss reason and their notes were read instead.
    from_notes: bool

    def to_json(self) -> dict[str, object]:
        return {
            "objection": self.text,
            "wordings": list(self.wordings),
            "deals": self.deals,
            "deals_with_amount": self.with_amount,
            "lost_revenue": self.lost_revenue.to_json(),
            "from_notes": self.from_notes,
        }


def objection_key(text: str) -> str:
    return " ".join(fold(text)) or text.strip()


def objections(
    totals: Iterable[ReasonTotal], rates: Mapping[str, Decimal], base: str
) -> list[Objection]:
    """Group the per-wording totals and rank them, biggest revenue lost first."""
    groups: dict[str, list[ReasonTotal]] = {}
    for t in totals:
        groups.setdefault(objection_key(t.text), []).append(t)
    found = []
    for group in groups.values():
        per_wording: dict[str, int] = {}
        sums: dict[str | None, Decimal] = {}
        for t in group:
            per_wording[t.text] = per_wording.get(t.text, 0) + t.deals
            sums[t.currency] = sums.get(t.currency, ZERO) + t.amount
        wordings = sorted(per_wording, key=lambda w: (-per_wording[w], w))
        found.append(
            Objection(
                text=wordings[0],
                wordings=tuple(wordings),
                deals=sum(t.deals for t in group),
                with_amount=sum(t.with_amount for t in group),
                lost_revenue=convert(sums, rates, base),
                from_notes=any(t.from_notes for t in group),
            )
        )
    return sorted(found, key=lambda o: (-o.lost_revenue.amount, -o.deals, o.text))
