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
- **beyond chance**: whether the signal holds once every value compared is counted. With a
  hundred values compared, five reach |score| ≥ 2 by chance alone (a city of three deals,
  all lost), so the two-sided p-values of all compared values go through Benjamini–
  Hochberg at a false discovery rate of ``FALSE_DISCOVERIES`` (10 %): on average at most
  one in ten signals marked beyond chance is a fluke. The others are still listed, with
  their counts, as worth a look, not as findings.

Account attributes are compared only where a value can describe a group of deals
(``compared_attributes``, which says why each other is left out): not an attribute that says
whether the account is a customer (a result of winning), nor one that repeats the account's
own field, nor identifiers, dates, phone numbers, e-mail and web addresses, nor a key with
about one value per account (street addresses, names, free text), nor a value one account
holds. A key whose values are all numbers, more than ``attribute_numbers.MAX_CATEGORIES`` of
them (Salesforce's AnnualRevenue, NumberOfEmployees), is compared in
``attribute_numbers.BANDS`` bands of about as many closed deals each ("26.7M–38.1M"), not
value by value: the same bands demand's breakdown draws by accounts.

Two kinds of theme are not compared (``signal_themes``), and the picture names them:

- a **language theme**, named for the language its items are written in ("in Spanish ·
  cierra cuando ...": ``language_apart.language_name``): it gathers the Spanish tickets on
  every topic, so it tells where a customer writes from, not why a deal was won;
- a **praise theme** (at least half of its items read as praise:
  ``praise_filing.stored_praise_themes``): customers praise what they use after they
  bought it, so like the lifecycle attribute it is a result of winning, not a sign of it.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from tradeoff.analysis.business.compared_attributes import (
    LeftOutAttribute,
    compared_attributes,
    left_out_attributes_line,
)
from tradeoff.analysis.text.language import NAMES
from tradeoff.domain.enums import DealOutcome
from tradeoff.storage.sales import NO_AMOUNT, NO_RATE, AccountOutcome, OutcomeTotal, ThemeOutcome

PRIOR = 0.5
#: The share of signals marked beyond chance that may be flukes (Benjamini–Hochberg).
FALSE_DISCOVERIES = 0.10
#: The deal and account columns compared (the ``--by`` names), then themes and attributes.
ATTRIBUTES = ("segment", "plan", "region", "source", "size")
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
        return {
            "kind": "theme",
            "theme_id": self.theme_id,
            "name": self.name,
            "reason": self.reason,
        }


#: What the picture compares not: themes (``signal_themes``) and account attributes or some
#: of their values (``compared_attributes``).
LeftOut = LeftOutTheme | LeftOutAttribute


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
    #: Holds among all values compared (module docstring); set by ``win_signals``.
    beyond_chance: bool = False

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

    @property
    def p_value(self) -> float:
        """Two-sided, from the score's normal approximation."""
        return math.erfc(abs(self.score) / math.sqrt(2))

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
            "p_value": round(self.p_value, 4),
            "beyond_chance": self.beyond_chance,
        }


def _signal(attribute: str, value: str, won: int, lost: int, total: tuple[int, int]) -> WinSignal:
    return WinSignal(attribute, value, won, total[0] - won, lost, total[1] - lost)


#: Why each kind of theme left out is, as the picture says it.
LEFT_OUT_BECAUSE = {
    "language": "language: their items share a language, not a topic",
    "praise": "praise: said after buying, a result of winning, not a sign of it",
}


def signals_left_out(
    themes: Iterable[ThemeOutcome],
    praise_themes: Collection[int],
    accounts: Iterable[AccountOutcome],
) -> list[LeftOut]:
    """Everything ``win_signals`` does not compare, themes first, each with its reason."""
    left_out: list[LeftOut] = [*signal_themes(themes, praise_themes)[1]]
    return left_out + compared_attributes(accounts).left_out


def left_out_line(left_out: Iterable[LeftOut]) -> str | None:
    """The themes not compared, by reason, then the account attributes (one sentence each,
    on one line); None when nothing was left out.

    Example: 'Themes not compared: 13 "in Spanish · nómina" (language: their items share a
    language, not a topic). Account attributes not compared: Phone (phone numbers).'
    """
    listed = list(left_out)
    themes = [t for t in listed if isinstance(t, LeftOutTheme)]
    parts = []
    for reason, because in LEFT_OUT_BECAUSE.items():
        named = [f'{t.theme_id} "{t.name}"' for t in themes if t.reason == reason]
        if named:
            parts.append(f"{', '.join(named)} ({because})")
    said = [f"Themes not compared: {'; '.join(parts)}."] if parts else []
    attributes = left_out_attributes_line(a for a in listed if isinstance(a, LeftOutAttribute))
    said += [attributes] if attributes else []
    return " ".join(said) or None


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
    ``praise_themes`` (``signal_themes``) and the account attributes that cannot describe a
    group of deals (``compared_attributes``); ``signals_left_out`` lists them.
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
    for (key, value), (w, lo) in compared_attributes(accounts).tallies.items():
        signals.append(_signal(f"account {key}", value, w, lo, total))
    return sorted(_beyond_chance(signals), key=lambda s: (-s.score, s.attribute, s.value))


def _beyond_chance(signals: list[WinSignal]) -> list[WinSignal]:
    """Benjamini–Hochberg over every value compared: the signals of the ``k`` smallest
    p-values hold, ``k`` the largest rank whose p-value is at most ``k / m`` of the rate."""
    ranked = sorted(signals, key=lambda s: s.p_value)
    held = 0
    for rank, signal in enumerate(ranked, 1):
        if signal.p_value <= FALSE_DISCOVERIES * rank / len(ranked):
            held = rank
    return [dataclasses.replace(s, beyond_chance=True) for s in ranked[:held]] + ranked[held:]


def strongest(signals: Iterable[WinSignal], shown: int) -> list[tuple[str, list[WinSignal]]]:
    """The ``shown`` values most common in wins, then in losses, strongest first: the
    tables the CLI and the web page draw."""
    listed = list(signals)
    wins = [s for s in listed if s.score > 0][:shown]
    losses = sorted((s for s in listed if s.score < 0), key=lambda s: s.score)[:shown]
    return [("more common in wins", wins), ("more common in losses", losses)]


def chance_line(signals: Iterable[WinSignal]) -> str | None:
    """What "beyond chance" means for this picture, with how many values were compared and
    how many hold; None when nothing was compared."""
    listed = list(signals)
    if not listed:
        return None
    held = sum(s.beyond_chance for s in listed)
    rate = round(1 / FALSE_DISCOVERIES)
    return (
        f"Beyond chance: {held:,} of the {len(listed):,} values compared hold once every "
        f"value is counted (Benjamini–Hochberg: at most 1 in {rate} of them a fluke); "
        "the others may be chance at this sample size."
    )
