"""The competitor scan's one read of the evidence.

Whether a competitor's name is a common word of a language ("Mucho gusto", "remote
employees") is decided by how the whole workspace writes it (``competitor_common_words``),
so an item's mentions depend on every other item. Reading the evidence twice — first every
item's usage, then every item's mentions — doubled what the scan reads.

Here each item is read once: its usage is learnt, then its mentions are read with the
usage learnt so far, and the answers that reading got from the usage are kept
(``UsageAsked``). Once every item is read, the usage is the workspace's. A reading depends
on the usage only through those answers, so where the workspace's usage gives every answer
again the reading is the one the two reads gave; the items where it does not (a name that
became a common word after they were read: "Gusto" before the second Spanish courtesy) are
fetched again by id and read again, and no other. A text is asked nothing where it holds no
known name, so most items keep no answers at all.

A phrase of a kind the workspace has no row of yet ("built our own" before there is an
in-house tool) is filed under a stand-in while the items are read; the rows are made when
the mentions are stored, chunk by chunk and item by item in id order, so they are made in
the order the two reads made them.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from tradeoff.analysis.business.competitor_common_words import (
    Answers,
    UsageAsked,
    languages_when_asked,
)
from tradeoff.domain.enums import CompetitorKind
from tradeoff.storage import competitor_edits
from tradeoff.storage.tables import EvidenceItemRow

if TYPE_CHECKING:
    from tradeoff.analysis.business.competitor_scan import Mention, MentionFinder

#: Items read and written per transaction step.
CHUNK = 2000

#: Stand-ins for the rows of kinds the workspace has none of yet: negative, never an id.
_STAND_INS = {kind: -1 - n for n, kind in enumerate(CompetitorKind)}
_KIND_OF = {stand_in: kind for kind, stand_in in _STAND_INS.items()}


@dataclass
class _Chunk:
    """What reading one chunk of items left to store."""

    ids: array[int]
    #: Item id → what it names (phrases of a kind under stand-ins), where it names any.
    found: dict[int, dict[int, Mention]] = field(default_factory=dict)
    #: Item id → the answers its reading got from the usage, where it asked any.
    answers: dict[int, Answers] = field(default_factory=dict)


def scan_evidence(
    session: Session,
    finder: MentionFinder,
    kind_row: Callable[[CompetitorKind], int | None],
    kind_owner: Callable[[CompetitorKind], int],
) -> tuple[int, int, int]:
    """Make every evidence item's mentions what ``finder`` reads in it with the whole
    workspace's usage, reading each item once (and again only where a usage answer its
    reading got changed); returns (items read, mentions added, mentions removed).

    ``kind_row`` gives the row a kind's phrases are filed under where the workspace has one;
    ``kind_owner`` gives it, making it where there is none."""

    def stand_in(kind: CompetitorKind) -> int:
        row = kind_row(kind)
        return _STAND_INS[kind] if row is None else row

    chunks: list[_Chunk] = []
    after = 0
    while items := competitor_edits.evidence_texts(session, after, CHUNK):
        chunk = _Chunk(array("q", (i for i, *_ in items)))
        for item_id, text, sellers in items:
            names = finder.names_in(text)
            languages = languages_when_asked(text)
            finder.learn(text, names, languages)
            usage = UsageAsked(finder.usage) if names else None  # no name, no question
            customers = not sellers
            said = finder.read(
                text, customers, names=names, usage=usage, kind_owner=stand_in, languages=languages
            )
            if said:
                chunk.found[item_id] = said
            if usage is not None and usage.answers:
                chunk.answers[item_id] = usage.answers
        chunks.append(chunk)
        after = items[-1][0]
    finder.learned = True
    workspace = finder.usage
    scanned = added = removed = 0
    for chunk in chunks:
        stale = [i for i, answers in chunk.answers.items() if not workspace.answers_hold(answers)]
        if stale:
            only = EvidenceItemRow.id.in_(stale)
            for item_id, text, sellers in competitor_edits.evidence_texts(
                session, 0, len(stale), only
            ):
                chunk.found[item_id] = finder.read(text, not sellers, kind_owner=stand_in)
        found = {
            item_id: _filed(said, kind_owner)
            for item_id, said in sorted(chunk.found.items())
            if said
        }
        plus, minus = competitor_edits.sync_mentions(session, chunk.ids.tolist(), found)
        scanned, added, removed = scanned + len(chunk.ids), added + plus, removed + minus
    return scanned, added, removed


def _filed(
    said: Mapping[int, Mention], kind_owner: Callable[[CompetitorKind], int]
) -> dict[int, Mention]:
    """What an item names, each stand-in replaced by its kind's row (made if need be), in
    the order the item names them."""
    return {
        (kind_owner(_KIND_OF[owner]) if owner < 0 else owner): mention
        for owner, mention in said.items()
    }


def learn_usage(session: Session, finder: MentionFinder) -> None:
    """Let ``finder`` read how every evidence item writes the names it holds
    (``MentionFinder.learn``), before it reads any item's mentions. ``sync_items`` and
    ``sync_deals`` do it first when no one has, so a rescan of one competitor
    (``competitor_partners``) reads "Mucho gusto" as the scan does; the full scan learns
    while it reads (``scan_evidence``)."""
    after = 0
    while items := competitor_edits.evidence_texts(session, after, CHUNK):
        for _, text, _ in items:
            finder.learn(text)
        after = items[-1][0]
    finder.learned = True


def sync_items(
    session: Session, finder: MentionFinder, items: Sequence[tuple[int, str, bool]]
) -> tuple[int, int]:
    """Make the mentions of these evidence items (id, text, whether a seller wrote it)
    exactly what ``finder`` reads in them; returns (added, removed). For a few items (a
    rescan of one competitor); the full scan is ``scan_evidence``."""
    if not finder.learned:
        learn_usage(session, finder)
    found = {i: m for i, text, sellers in items if (m := finder.mentions(text, not sellers))}
    return competitor_edits.sync_mentions(session, [i for i, *_ in items], found)
