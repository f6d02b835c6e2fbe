"""What a brief says, one claim at a time, each labelled with how we know it.

A brief is read by people who cannot check the workspace, so every sentence carries its
standing: a *fact* is a figure read from the data (with where it comes from and how many
records are behind it), an *inference* is derived from facts (with the basis), and an
*assumption* is something we act on without knowing it (from the assumption register or a
decision's assumptions). Claims are plain text: the renderers escape every character of it,
so customer words inside a claim can never become markup.

>>> fact("Revenue at stake USD 741k", "demand per theme (tradeoff demand)", 12).kind
<ClaimKind.FACT: 'fact'>
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tradeoff.analysis.business.money import Money
from tradeoff.analysis.business.money_words import Counted
from tradeoff.reports.html import money, share
from tradeoff.wording import plural


class ClaimKind(StrEnum):
    FACT = "fact"
    INFERENCE = "inference"
    ASSUMPTION = "assumption"


@dataclass(frozen=True)
class Claim:
    """One sentence and how we know it. ``source`` names the data (a fact), the basis (an
    inference) or the register (an assumption); ``count`` is how many records are behind a
    fact, None where counting records says nothing (an assumption)."""

    text: str
    kind: ClaimKind
    source: str
    count: int | None = None

    @property
    def label(self) -> str:
        """``fact: deals (tradeoff sales), 14 records``: the tag a reader sees."""
        records = "" if self.count is None else f", {records_text(self.count)}"
        return f"{self.kind.value}: {self.source}{records}"


def fact(text: str, source: str, count: int) -> Claim:
    return Claim(text, ClaimKind.FACT, source, count)


def inference(text: str, basis: str, count: int | None = None) -> Claim:
    return Claim(text, ClaimKind.INFERENCE, basis, count)


def assumption(text: str, register: str) -> Claim:
    return Claim(text, ClaimKind.ASSUMPTION, register)


def records_text(count: int) -> str:
    return plural(count, "record")


def money_text(value: Money | Counted, deals: int = 0, priced: int = 0) -> str:
    """``USD 741k``, plus each currency that had no rate, named and never added; as the
    report says it (``reports.html.money``), so "no amount" when none of ``deals`` has an
    amount and ``GBP 7.2k (no rate)`` when none could be converted, never a 0."""
    return money(value, deals, priced)


def share_text(value: float | None) -> str:
    """A whole percentage as the CLI prints it; a dash where there is nothing to divide."""
    return share(value)
