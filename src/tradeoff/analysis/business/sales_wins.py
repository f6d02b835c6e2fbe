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

Two kinds of theme are not compared (``signal_themes``), and the picture names them:

- a **language theme**, named for the language its items are written in ("in Spanish ·
  cierra cuando ...": ``language_apart.language_name``): it gathers the Spanish tickets on
  every topic, so it tells where a customer writes from, not why a deal was won;
- a **praise theme** (at least half of its items read as praise:
  ``praise_filing.stored_praise_themes``): customers praise what they use after they
  bought it, so like the lifecycle attribute it is a result of winning, not a sign of it.

An account attribute that repeats an account's own field (a help desk organisation's
``plan`` beside the CRM's plan: same key but for case, in ``ACCOUNT_FIELDS``) with the same
value and the same four counts says the same thing twice: only the field's signal is kept.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from tradeoff.analysis.business.attribute_numbers import bands
from tradeoff.analysis.text.language import NAMES
from tradeoff.domain.enums import DealOutcome
from tradeoff.storage.sales import NO_AMOUNT, NO_RATE, AccountOutcome, OutcomeTotal, ThemeOutcome

PRIOR = 0.5
#: Words in an account attribute's values that mark it as the account's lifecycle.
LIFECYCLE_WORDS = ("customer", "prospect")
#: The deal and account columns compared (the ``--by`` names), then themes and attributes.
ATTRIBUTES = ("segment", "plan", "region", "source", "size")
#: The account's own fields among them, which an account attribute may repeat.
ACCOUNT_FIELDS = ("segment", "plan", "region")
_SPOKEN = "|".join(NAMES.values())
#: How analysis names a theme mostly in other languages: "in Spanish · ...", "in Spanish
#: and German · ..." (``text.language.in_languages``).
LANGUAGE_THEME = re.compile(rf"in (?:{_SPOKEN})(?:(?:, | and )(?:{_SPOKEN}))*(?: ·|$)", re.I)


@dataclass(frozen=True)
class LeftOutTheme:
    """A theme not compared on wins and losses, and why: ``language`` or ``praise``."""

    theme_id: int
    name: str
    reason: str

    def to_json(self) -> dict[str, object]:
        return {"theme_id": self.theme_id, "name": self.name, "reason": self.reason}


def signal_themes(
    themes: Iterable[ThemeOutcome], praise_themes: Collection[int]
) -> tuple[list[ThemeOutcome], list[LeftOutTheme]]:
    """The themes compared on wins and losses, and those left out (module docstring).

    Example: signal_themes([ThemeOutcome(7, "in Spanish · nómina", 3, 1)], ())[1][0].reason
    == "language"
    """
    kept: list[ThemeOutcome] = []
    left_out: list[LeftOutTheme] = []
    for theme in themes:
        if LANGUAGE_THEME.match(theme.name):
            left_out.append(LeftOutTheme(theme.theme_id, theme.name, "language"))
        elif theme.theme_id in praise_themes:
            left_out.append(LeftOutTheme(theme.theme_id, theme.name, "praise"))
        else:
            kept.append(theme)
    return kept, left_out


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


#: Why each kind of theme left out is, as the picture says it.
LEFT_OUT_BECAUSE = {
    "language": "language: their items share a language, not a topic",
    "praise": "praise: said after buying, a result of winning, not a sign of it",
}


def left_out_line(left_out: Iterable[LeftOutTheme]) -> str | None:
    """One line naming the themes not compared, by reason; None when there are none.

    Example: 'Themes not compared: 13 "in Spanish · nómina" (language: their items share a
    language, not a topic).'
    """
    parts = []
    for reason, because in LEFT_OUT_BECAUSE.items():
        named = [f'{t.theme_id} "{t.name}"' for t in left_out if t.reason == reason]
        if named:
            parts.append(f"{', '.join(named)} ({because})")
    return f"Themes not compared: {'; '.join(parts)}." if parts else None


def win_signals(
    by_attribute: Mapping[str, Iterable[OutcomeTotal]],
    themes: Iterable[ThemeOutcome],
    accounts: Iterable[AccountOutcome],
    total: tuple[int, int],
    praise_themes: Collection[int] = (),
) -> list[WinSignal]:
    """Every value seen in a closed deal, strongest sign of a win first.

    ``total`` is (won, lost) over all closed deals. Unknown values (no segment, no amount, no
    rate) are not attributes and are left out, and so are language themes and the
    ``praise_themes`` (``signal_themes``).
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
    compared, _ = signal_themes(themes, praise_themes)
    signals += [_signal("theme", t.name, t.won, t.lost, total) for t in compared]
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
    fields = {
        (s.attribute, s.value.casefold(), s.won_with, s.lost_with)
        for s in signals
        if s.attribute in ACCOUNT_FIELDS
    }
    for (key, value), (w, lo) in _banded(kept).items():
        if (key.casefold(), value.casefold(), w, lo) not in fields:  # else the field says it
            signals.append(_signal(f"account {key}", value, w, lo, total))
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
