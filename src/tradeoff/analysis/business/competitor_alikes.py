"""Competitors that look like one another: what the scan proposes to merge, what a
competitor's page names as maybe the same vendor, and which rows a deal needs only one of.

Likeness is the name score of ``domain.competitor_names``, with initials taken from inside
a compound word ("HCP" for "Housecall Pro", ``competitor_initials``), only ever between
competitors of one kind: a payroll vendor is never proposed as a spreadsheet ("Deel" and
"Excel"), however alike the letters. One more proposal goes by kind, not by name: a named
member of a kind that a workspace may list apart (a spreadsheet program, an in-house tool,
an agency), or a second row that also names only the kind ("In-house system" beside "built
our own"), is proposed beside the row that stands for the whole kind ("Google Sheets"
beside "Spreadsheets"), since their names seldom look alike. Work done by hand ("paper work
orders", ``manual_process``) is of the homegrown kind but no in-house tool: never proposed
so. Nothing here merges anything: two competitors that are both there already are for a
person to merge (``competitor_edits.merge_competitors``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tradeoff.analysis.business.competitor_initials import compound_initials, spells_compound
from tradeoff.analysis.business.competitor_kept import BY_HAND_NAME
from tradeoff.domain.competitor_names import (
    CAPITALS,
    KIND_WORDS,
    LOOSE_ACRONYM,
    PROPOSE_AT,
    SPECIFIC_ALTERNATIVES,
    NameMatch,
    closest,
    names_only_its_kind,
    read_camel_acronyms,
)
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.domain.names import fold
from tradeoff.storage.tables import CompetitorMentionRow, DealCompetitorRow

#: From this score two rows of one kind are one vendor written another way — a brand and
#: its product line ("ADP", "ADP Run"), an acronym ("ADP WFN", "ADP Workforce Now"), a
#: typo — so a deal linked to one is not linked to the other again by a scan.
SAME_VENDOR_AT = LOOSE_ACRONYM

#: Work done by hand: paper, a whiteboard, a clipboard, "manual". A competitor field naming
#: one ("paper work orders", "Pen & paper", "Whiteboard"; in the other languages "Carta e
#: penna", "Pen en papier", "Zettel und Stift", "A mano": ``competitor_kept.BY_HAND_NAME``)
#: names what the buyer kept instead of buying: of the homegrown kind (done in-house, no
#: product bought; ``importers.competitors``), which the taxonomy reads as the status quo.
#: "paper" counts only where nothing names a product before it: "Dropbox Paper" is a
#: product.
MANUAL = re.compile(
    r"(?:^|\b(?:pen|and|on|with|their|our|the|kept|keep|keeping|stayed|staying|still)\s)"
    r"paper\b|\bpaper\s?based\b|\bwhite\s?boards?\b|\bclipboards?\b|\bby hand\b|"
    r"\bmanual(?:ly)?\b"
)


def manual_process(name: str) -> bool:
    """Whether a competitor's name says the work is done by hand, not with a product or a
    tool: neither the row standing for the homegrown kind ("Homegrown tool") nor a member
    of it, so never proposed beside that row and never the row a scan files "built our own"
    under.

    >>> manual_process("paper work orders"), manual_process("Dropbox Paper")
    (True, False)
    >>> manual_process("Carta e penna"), manual_process("Zettel und Stift")
    (True, True)
    """
    folded = fold(name)
    return MANUAL.search(folded) is not None or BY_HAND_NAME.search(folded) is not None


@dataclass(frozen=True)
class Proposal:
    """A competitor whose name looks like another's: for a person to merge, or not.

    ``as_kind``: proposed for being a member of the kind ``into`` stands for ("Google
    Sheets", a spreadsheet, beside "Spreadsheets"), not for its name; ``score`` is then the
    names' likeness all the same, and usually low. ``into`` is the row a merge should
    keep: the kind's row for such a proposal, else ``closest``."""

    name: str
    closest: str
    score: float
    as_kind: CompetitorKind | None = None
    into: str = ""

    @property
    def keep(self) -> str:
        return self.into or self.closest


def closest_alike(name: str, competitors: Iterable[Competitor]) -> NameMatch | None:
    """``domain.competitor_names.closest``, with initials taken from inside a compound word
    read too ("HCP" for "Housecall Pro": ``competitor_initials``, a proposal's score only)."""
    pool = sorted(competitors, key=lambda c: c.id or 0)
    best = closest(name, pool)
    for competitor in pool:
        for known in (competitor.name, *competitor.aliases):
            score = compound_initials(name, known)
            if score and (best is None or score > best.score):
                best = NameMatch(competitor, known, score)
    return best


def likeness(newer: Competitor, older: Competitor) -> float:
    """How alike ``newer``'s name is to any name of ``older``: what a proposal is scored by.
    0 across kinds."""
    if newer.kind is not older.kind:
        return 0.0
    match = closest_alike(newer.name, [older])
    return match.score if match is not None else 0.0


def by_hand(competitor: Competitor) -> bool:
    """An alternative of the homegrown kind that is work done by hand ("paper work orders"),
    not a tool built in-house: no member of the tools' row, nor that row."""
    return competitor.kind is CompetitorKind.HOMEGROWN and manual_process(competitor.name)


def initials_of(short: str, full: str) -> bool:
    """Whether ``short`` is only the initials of ``full``: of its words' parts ("HCP" for
    "Housecall Pro": ``competitor_initials``), or capitals spelling its CamelCase parts
    ("DD" for "DataDog", "NR" for "NewRelic")."""
    if spells_compound(short, full):
        return True
    return CAPITALS.fullmatch(short.strip()) is not None and (
        read_camel_acronyms(short.strip(), full) is not None
    )


def _kept(
    newer: Competitor, older: Competitor, chosen: Collection[int], uses: Mapping[int, int]
) -> Competitor:
    """The row a merge of two look-alikes should keep. A merge keeps the target's name and
    counts it as chosen by a person, so the target is the name the workspace should go by:
    one a person chose; else never a name that is only initials of the other's ("HCP"
    beside "Housecall Pro", "DD" beside "DataDog": the full name says who the rival is);
    else the row more deal links and mentions use (``uses``: a QA round's 5 deals of "DD"
    were proposed to keep their name over 22 deals of "DataDog"); on a tie the older."""
    if older.id in chosen:
        return older
    if initials_of(older.name, newer.name):
        return newer
    if initials_of(newer.name, older.name):
        return older
    if uses.get(newer.id or 0, 0) > uses.get(older.id or 0, 0):
        return newer
    return older


def kind_rows(known: Iterable[Competitor]) -> dict[CompetitorKind, Competitor]:
    """Per kind a workspace may list apart, the first row whose name says only the kind
    ("Spreadsheets", "Homegrown tool", "built our own"): the row its named members are
    proposed beside, and the row a scan files a phrase of that kind under."""
    rows: dict[CompetitorKind, Competitor] = {}
    for competitor in sorted(known, key=lambda c: c.id or 0):
        if names_only_its_kind(competitor.name, competitor.kind) and not by_hand(competitor):
            rows.setdefault(competitor.kind, competitor)
    return rows


def _member_of(competitor: Competitor, rows: dict[CompetitorKind, Competitor]) -> Competitor | None:
    """The row standing for ``competitor``'s kind when ``competitor`` is a named member of
    it, or a later row that also says only the kind ("In-house system" beside "built our
    own": two words for one alternative). Work done by hand is neither."""
    row = rows.get(competitor.kind)
    if row is None or row.id == competitor.id or competitor.kind not in KIND_WORDS:
        return None
    return None if by_hand(competitor) else row


def look_alikes(
    known: list[Competitor],
    *,
    chosen: Collection[int] = frozenset(),
    uses: Mapping[int, int] | None = None,
) -> tuple[Proposal, ...]:
    """Each competitor whose name is like an older one's of its kind (score ≥
    ``PROPOSE_AT``), with the closest of those. Names scoring ``SAME_AT`` or more are
    folded in when imported, so these are the uncertain middle, or names stored before the
    two met ("ADP" and "ADP Workforce Now" from an import before brands were read). A
    named member of a kind with a row of its own ("Google Sheets", "Microsoft Excel" beside
    "Spreadsheets") and no look-alike is proposed beside that row. A proposal folds one
    of two look-alikes into the row a merge should keep (``_kept``: never into mere
    initials, "HCP" into "Housecall Pro"; else the row more deals and mentions use,
    ``uses`` as ``times_used`` counts them; else the older). When that is the newer row,
    ``Proposal.name`` is the older.

    A competitor in ``chosen`` (``names_chosen``: a person renamed it, made it with a
    split's ``--as``, or kept it in a merge) is never proposed: a person has said who it
    is. Above all, the competitor a split made always looks like the one it was split from
    (the names were one competitor's), and proposing to merge them back would ask the
    person to undo what they just decided. Proposals for a newer competitor no person
    named still list a chosen one as the closest."""
    proposals = []
    ordered = sorted(known, key=lambda c: c.id or 0)
    rows = kind_rows(ordered)
    for number, competitor in enumerate(ordered):
        if competitor.id in chosen:
            continue
        same_kind = [c for c in ordered[:number] if c.kind is competitor.kind]
        match = closest_alike(competitor.name, same_kind)
        row = _member_of(competitor, rows)
        if match is not None and match.score >= PROPOSE_AT:
            older = match.competitor
            if _kept(competitor, older, chosen, uses or {}) is competitor:
                proposal = Proposal(older.name, competitor.name, match.score, into=competitor.name)
            else:
                proposal = Proposal(competitor.name, older.name, match.score)
            proposals.append(proposal)
        elif row is not None:
            score = likeness(competitor, row)
            proposals.append(Proposal(competitor.name, row.name, score, competitor.kind))
    return tuple(sorted(proposals, key=lambda p: (-p.score, p.name)))


def alike_to(
    competitor: Competitor,
    known: Iterable[Competitor],
    *,
    chosen: Collection[int] = frozenset(),
    uses: Mapping[int, int] | None = None,
) -> tuple[Proposal, ...]:
    """Every other competitor the scan's rule would propose as one with ``competitor``
    (whichever of the two is newer being the one proposed, or the member of a kind beside
    the kind's row), most alike first: the rows a competitor's page names as maybe the
    same vendor. ``Proposal.name`` is the other row, ``closest`` this one, ``into`` the row
    a merge should keep (``uses``: as for ``look_alikes``).

    Example: ``[p.name for p in alike_to(adp, known)] == ["ADP Run", "ADP WFN"]``
    """
    pool = list(known)
    rows = kind_rows(pool)
    found = []
    for other in pool:
        if other.id == competitor.id:
            continue
        newer, older = sorted((competitor, other), key=lambda c: -(c.id or 0))
        score = likeness(newer, older)
        if newer.id not in chosen and score >= PROPOSE_AT:
            # Into the row the scan proposes to keep, whichever page shows it.
            keep = _kept(newer, older, chosen, uses or {}).name
            found.append(Proposal(other.name, competitor.name, score, into=keep))
            continue
        for member, row in ((other, competitor), (competitor, other)):
            if member.id not in chosen and _member_of(member, rows) is row:
                found.append(Proposal(other.name, competitor.name, score, row.kind, row.name))
    return tuple(sorted(found, key=lambda p: (-p.score, p.name)))


def times_used(session: Session, ids: Collection[int] | None = None) -> dict[int, int]:
    """Competitor id → its deal links and evidence mentions: how much of the workspace
    writes it, for ``look_alikes`` and ``alike_to`` to propose keeping the row most use.
    ``ids`` counts only those competitors (a profile's look-alikes: two index lookups, not
    two passes over every link)."""
    used: Counter[int] = Counter()
    for owner in (DealCompetitorRow.competitor_id, CompetitorMentionRow.competitor_id):
        query = select(owner, func.count()).group_by(owner)
        if ids is not None:
            query = query.where(owner.in_(ids))
        for competitor_id, count in session.execute(query):
            used[competitor_id] += count
    return dict(used)


class VendorBook:
    """Whether two competitors are one alternative for a deal to count once: two of one
    kind that is not a product (one in-house tool or spreadsheet is what the deal weighed,
    however it was worded; work done by hand and a tool built in-house stay two), or two
    products of one vendor (``SAME_VENDOR_AT``); and which are the specific alternatives a
    deal's status quo gives way to."""

    def __init__(self, known: Iterable[Competitor]) -> None:
        self._by_id = {c.id: c for c in known if c.id is not None}
        self._scores: dict[tuple[int, int], bool] = {}

    def add(self, competitor: Competitor) -> None:
        if competitor.id is not None:
            self._by_id[competitor.id] = competitor

    def kind_of(self, competitor_id: int) -> CompetitorKind | None:
        competitor = self._by_id.get(competitor_id)
        return None if competitor is None else competitor.kind

    def generic(self, competitor_id: int) -> bool:
        """The status quo: what a deal names when it does not say what it kept."""
        return self.kind_of(competitor_id) is CompetitorKind.STATUS_QUO

    def specific(self, competitor_id: int) -> bool:
        """An alternative that says what the buyer kept or chose: an in-house tool, a
        spreadsheet, an agency (``SPECIFIC_ALTERNATIVES``)."""
        return self.kind_of(competitor_id) in SPECIFIC_ALTERNATIVES

    def kind_only(self, competitor_id: int) -> bool:
        """The row standing for a whole kind ("Spreadsheets", "In-house tool"), not a named
        member of it ("Google Sheets"): what a deal names when it says no more."""
        competitor = self._by_id.get(competitor_id)
        return competitor is not None and names_only_its_kind(competitor.name, competitor.kind)

    def one_for_a_deal(self, a: int, b: int) -> bool:
        if a == b:
            return True
        first, second = self._by_id.get(a), self._by_id.get(b)
        if first is None or second is None or first.kind is not second.kind:
            return False
        if first.kind is not CompetitorKind.DIRECT:
            # Paper kept and a tool built in-house are two alternatives, one kind.
            return by_hand(first) is by_hand(second)
        pair = (min(a, b), max(a, b))
        if pair not in self._scores:
            score = max(likeness(first, second), likeness(second, first))
            self._scores[pair] = score >= SAME_VENDOR_AT
        return self._scores[pair]
