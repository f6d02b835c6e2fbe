"""A brief as data: sections of labelled claims, rendered by ``render`` and nothing else.

The three rooms share one shape so one pair of templates draws them all, and a test can
walk every claim of any brief the same way. Titles, quotes and replies are customer or
colleague text kept verbatim; the renderers escape them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tradeoff.reports.briefs.claims import Claim


class Room(StrEnum):
    EXEC = "exec"
    SALES = "sales"
    TEAM = "team"


@dataclass(frozen=True)
class Quote:
    """Words someone said, with who said them (and who relayed them) and where from."""

    text: str
    who: str
    source: str


@dataclass(frozen=True)
class Block:
    """A group under its own heading: a battlecard, an objection, a problem, a "not yet"."""

    title: str
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    #: A stored text shown whole (a "not yet" reply as it was sent).
    reply: str | None = None


@dataclass(frozen=True)
class Section:
    heading: str
    claims: tuple[Claim, ...] = ()
    blocks: tuple[Block, ...] = ()
    #: What the section says when the workspace holds nothing for it, and how to fix that.
    empty: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.claims and not self.blocks


@dataclass(frozen=True)
class Brief:
    room: Room
    title: str
    period: str
    as_of: date
    sections: tuple[Section, ...]

    def claims(self) -> Iterator[Claim]:
        """Every claim in reading order."""
        for section in self.sections:
            yield from section.claims
            for block in section.blocks:
                yield from block.claims
