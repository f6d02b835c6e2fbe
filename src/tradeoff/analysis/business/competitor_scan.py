"""Finding competitors named in tickets, interviews and deal notes.

Known names and aliases are found as whole words, ignoring case ("Zoho" is not in "Zohar",
"Excel" is not in "excellent"); the longest name wins where two overlap ("Microsoft
Dynamics" before "Dynamics"). Alternatives that are not products are found by what people
say about them: a homegrown tool ("built our own", "in-house tool"), a spreadsheet
("spreadsheet", "Google Sheets"), an agency ("a dev agency", "hired an agency"), or the
status quo ("stick with what we have", "no decision", "staying with their old till", in
the seven languages the product reads: ``competitor_kept``). Such a phrase is filed under
the workspace's first competitor of that kind, created with a plain name when there is
none; a phrase keeping work by hand ("continuano con carta e penna") under its first row
of work by hand ("Pen and paper"), whatever that row's words.

A name that is also a common word of the item's language — Gusto in Spanish ("Mucho
gusto"), Remote in English ("remote employees"), Deel in Dutch ("een deel van") — is the
product only where it is capitalised inside a sentence or the words around it show one
("cambiarnos a gusto", "gusto.com": ``competitor_common_words``). Which names are words of
which language the workspace's own items tell, so an item's mentions are read with the
usage of every item: the scan reads each item once, learning its usage as it goes, and
reads again only the items whose reading the workspace's usage would change
(``competitor_scan_evidence``).

The status quo and work done by hand are found only so, never by a row's own name: their
names are plain words ("nothing", "No decision", "Whiteboard", "paper work orders"), and
"the Acknowledge button does nothing" is no buyer doing nothing. A phrase of keeping that
holds such a row's name is filed under that row ("decided to keep paper work orders", "No
decision" once a person split it off), so the name picks the row and the phrase finds it
(``_found_by_phrase_only``); a deal's competitor field still links them.

A product named as a system to connect to is not met as a rival: next to a word of
connecting ("No native Salesforce integration", "a HubSpot connector", "sync with Jira",
"exported to Excel for the CFO"), or in a sentence of connecting that says nothing of
competing ("Marketing runs on HubSpot and wants the contact sync to keep working"; not
"Lost to Zoho, whose Gmail sync was better"), such as routing to it, polling it as a data
source or sending alerts to it ("Needs PagerDuty routing per team", "PagerDuty incidents all
land on the default service", "Our Grafana datasource polling the API") — an integration
partner's name in a ticket is a system in the buyer's stack
(``competitor_connecting.integrated_with``); so is where data is exported to, at any
distance in its clause ("Exporting the payroll journal report to Excel":
``competitor_exports``). Staying with spreadsheets, tracking or saving the work in Excel
or building it in-house is still the alternative. A competitor a person marked as an
integration partner (``competitor_partners``) is named only where the words near its name
compete with it ("Lost to PagerDuty"; not "PagerDuty pages arrive instantly":
``competitor_rivalry.competes_with_partner``).

A deal's words add no link that would count the deal twice for one alternative: a second
in-house tool, spreadsheet, agency or status quo, or a second row of the same vendor
("ADP WFN" beside the CRM's "ADP Workforce Now": ``competitor_scan_deals``). Of two of
one kind that the words name, a named member beats the kind's row, and the loss reason's
words beat the description's: "Decided to keep using Google Sheets" files the deal under
Google Sheets, though its description says "Replacing spreadsheets". The status quo
is what a deal names when it says no more, so it gives way to a specific alternative the
same deal names: words' "no decision" on a deal with an in-house tool add nothing, and a
field's "No decision" on a deal whose loss reason says "kept their in-house tool" is
filed under the in-house tool, with the field's won/lost relation.

Free text is never matched fuzzily: a near-miss in a sentence is far more often another word
than a misspelt rival. Fuzzy matching is for names in competitor fields
(``competitor_names``), where every cell is meant to be a competitor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.analysis.business.competitor_alikes import (
    Proposal,
    VendorBook,
    by_hand,
    look_alikes,
    times_used,
)
from tradeoff.analysis.business.competitor_common_words import (
    NameUsage,
    UsageQuestions,
    languages_when_asked,
    read_as_word,
)
from tradeoff.analysis.business.competitor_connecting import integrated_with
from tradeoff.analysis.business.competitor_kept import KEPT_PHRASES, keeps_work_by_hand
from tradeoff.analysis.business.competitor_rivalry import competes_with_partner
from tradeoff.analysis.business.competitor_scan_deals import sync_deals as sync_deals
from tradeoff.analysis.business.competitor_scan_evidence import CHUNK as CHUNK
from tradeoff.analysis.business.competitor_scan_evidence import scan_evidence
from tradeoff.analysis.business.competitor_scan_evidence import sync_items as sync_items
from tradeoff.analysis.business.competitor_scan_stamp import stamp_scan, unchanged_since
from tradeoff.analysis.business.mention_stance import stance_of
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind, MentionStance
from tradeoff.domain.names import fold
from tradeoff.storage import competitor_edits, competitors
from tradeoff.storage.competitor_partners import partners_of
from tradeoff.storage.competitor_spelling import names_chosen, settle_spellings
from tradeoff.storage.session import write_session

#: What people say about an alternative that is not a product, by its kind.
CUES: dict[CompetitorKind, str] = {
    CompetitorKind.HOMEGROWN: (
        r"(?:build|builds|building|built) (?:it |our |their |his |her )?own"
        r"(?: tool| system| solution| version| app)?(?: in[- ]house)?|home[- ]?grown|"
        r"(?:build|builds|building|built|develop\w*|keep\w* it|kept it) (?:it |this |that )?"
        r"in[- ]house|in[- ]house (?:tool|system|solution|build|app)|internal tool|"
        r"(?:we|they) built it (?:ourselves|themselves)"
    ),
    # The word in each language the product reads ("planilha", "hoja de cálculo",
    # "tableur", "Tabellenkalkulation", "foglio di calcolo", "rekenblad"); not Spanish
    # "planilla", which is the payroll itself in much of Latin America.
    CompetitorKind.SPREADSHEET: (
        r"spreadsheets?|google sheets|excel|planilhas?|hojas? de c[aá]lculo|tableurs?|"
        r"feuilles? de calcul|tabellenkalkulation\w*|fogli(?:o)? (?:di calcolo|elettronic[oi])|"
        r"rekenblad(?:en)?"
    ),
    CompetitorKind.AGENCY: (
        r"(?:digital|design|dev|development|software|web|creative|marketing) agency|"
        r"(?:hired|hire|using|use|went with|chose|outsourc\w* (?:it )?to) (?:an?|the|their) agency"
    ),
    # Doing nothing and keeping what the buyer has, in the seven languages the product
    # reads ("no decision", "staying with their old till", "nessuna decisione", "blijven
    # bij hun oude kassa"); work by hand only as a decision ("decided to keep paper work
    # orders", "continuano con carta e penna"): a ticket's "half my crew is still on paper
    # because the app crashes" is a complaint, not a rival (``competitor_kept``).
    CompetitorKind.STATUS_QUO: KEPT_PHRASES,
}
#: The name a kind's competitor gets when a phrase finds it and the workspace has none.
PLAIN_NAMES = {
    CompetitorKind.HOMEGROWN: "Homegrown tool",
    CompetitorKind.SPREADSHEET: "Spreadsheets",
    CompetitorKind.AGENCY: "Agency",
    CompetitorKind.STATUS_QUO: "Status quo",
}


def _words(name: str) -> str:
    """A name as a pattern: its words in order, any whitespace between them."""
    return r"\s+".join(re.escape(w) for w in name.split())


class Mention(NamedTuple):
    said: str
    stance: MentionStance


class NameFound(NamedTuple):
    """A known name where a text writes it: the words, folded, whose it is, and where."""

    said: str
    key: str
    owner: int
    start: int
    end: int


#: Gives the competitor a phrase of a kind is filed under, or None to file it nowhere.
KindOwner = Callable[[CompetitorKind], int | None]


def _found_by_phrase_only(competitor: Competitor) -> bool:
    """Whether free text finds ``competitor`` only through a phrase of keeping (``CUES``),
    never by its name alone: the status quo and work done by hand (``by_hand``), whose
    names are plain words a ticket uses for other things ("the button does nothing", "the
    whiteboard in our office")."""
    return competitor.kind is CompetitorKind.STATUS_QUO or by_hand(competitor)


def _name_pattern(competitors: Iterable[Competitor]) -> re.Pattern[str] | None:
    """Every name and alias of ``competitors`` as whole words, ignoring case, the longest
    first so that it wins where two overlap; None for none."""
    names = sorted(
        {" ".join(n.split()) for c in competitors for n in (c.name, *c.aliases)},
        key=lambda n: (-len(n), n),
    )
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(_words, names)) + r")(?!\w)", re.IGNORECASE)


class MentionFinder:
    """The competitors one text names, each with the words it used first.

    ``kind_owner`` gives the competitor a phrase of a kind is filed under ("built our own":
    the workspace's in-house tool), or None to file it nowhere. ``partners`` are the
    integration partners (``competitor_partners``): named only where the words near the
    name compete with them (``competitor_rivalry.competes_with_partner``)."""

    def __init__(
        self,
        known: Iterable[Competitor],
        kind_owner: KindOwner,
        partners: Collection[int] = (),
    ):
        known = sorted(known, key=lambda c: c.id or 0)
        self._partners = frozenset(partners)
        self._owner: dict[str, int] = {}
        #: Folded name → the ways the workspace's rows write it ("ADP": an acronym).
        self._spellings: dict[str, set[str]] = {}
        for competitor in known:
            assert competitor.id is not None
            for name in (competitor.name, *competitor.aliases):
                key = " ".join(fold(name).split())
                self._owner.setdefault(key, competitor.id)
                self._spellings.setdefault(key, set()).add(name)
        self._usage = NameUsage()
        #: Whether every evidence item's usage was read (``competitor_scan_evidence``).
        self.learned = False
        #: The row work by hand is filed under, whatever words keep it ("carta e penna"
        #: kept the row "Pen and paper"): the workspace's first.
        self._by_hand = next((c.id for c in known if by_hand(c)), None)
        self._names = _name_pattern(c for c in known if not _found_by_phrase_only(c))
        self._kept_names = _name_pattern(c for c in known if _found_by_phrase_only(c))
        # Whole words: the bounds stand once around the kinds, not in each (a quarter
        # faster, the same matches: each kind's words are tried in the same order).
        self._cues = re.compile(
            r"(?<!\w)(?:" + "|".join(f"(?P<{k.value}>{p})" for k, p in CUES.items()) + r")(?!\w)",
            re.IGNORECASE,
        )
        self._kind_owner = kind_owner

    @property
    def usage(self) -> NameUsage:
        """How the items read so far write the names (``learn``)."""
        return self._usage

    def names_in(self, text: str) -> list[NameFound]:
        """The known names ``text`` writes, in order (the longest where two overlap)."""
        if self._names is None:
            return []
        found = []
        for match in self._names.finditer(text):
            said = " ".join(match.group(0).split())
            key = fold(said)
            owner = self._owner.get(key)
            if owner is not None:
                found.append(NameFound(said, key, owner, *match.span()))
        return found

    def learn(
        self,
        text: str,
        names: Sequence[NameFound] | None = None,
        languages: Callable[[], tuple[str, ...]] | None = None,
    ) -> None:
        """Read how one text writes the names it holds (``NameUsage``): which names are
        common words of which language. Read every item this way before reading any
        item's mentions, so that each is read with the workspace's usage (or check the
        answers a reading got afterwards: ``competitor_scan_evidence``). ``names``: the
        text's (``names_in``) where the caller has them; ``languages``: its languages,
        guessed once for learning and reading (``languages_when_asked``)."""
        found = self.names_in(text) if names is None else names
        if found:
            self._usage.read(text, [(n.key, n.start, n.end) for n in found], languages)

    def find(self, text: str) -> dict[int, str]:
        """Competitor id → the words that named it first (no stance is read: a deal's words
        are the deal's, and this is the scan's pass over every deal)."""
        return {owner: said for owner, (said, _) in self.mentions(text, customers=False).items()}

    def mentions(self, text: str, customers: bool = True) -> dict[int, Mention]:
        """Competitor id → the words that named it first, and how the first naming stands
        towards them (left for us, weighed as a move, or neither: ``mention_stance``). Only
        a customer's words have a stance: a seller's "went with Datadog" on a lost deal is
        the deal's outcome, counted by the deal, not a customer who may leave."""
        return self.read(text, customers)

    def read(
        self,
        text: str,
        customers: bool = True,
        *,
        names: Sequence[NameFound] | None = None,
        usage: UsageQuestions | None = None,
        kind_owner: KindOwner | None = None,
        languages: Callable[[], tuple[str, ...]] | None = None,
    ) -> dict[int, Mention]:
        """``mentions``, with what a caller already has of the text: its ``names``
        (``names_in``) and ``languages`` (``languages_when_asked``); and with the ``usage``
        to ask (this finder's unless given: a ``UsageAsked`` keeps the answers) and the
        ``kind_owner`` to file phrases of a kind under (the finder's unless given)."""

        def stance(start: int, end: int) -> MentionStance:
            return stance_of(text, start, end) if customers else MentionStance.NAMED

        found: dict[int, Mention] = {}
        named: list[tuple[int, int]] = []
        languages = languages_when_asked(text) if languages is None else languages
        usage = self._usage if usage is None else usage
        kind_owner = self._kind_owner if kind_owner is None else kind_owner
        for name in self.names_in(text) if names is None else names:
            said, key, rival, start, end = name
            if usage.common_somewhere(key):
                spellings = self._spellings.get(key, ())
                rivals = self._owner.keys()  # a rival's name is no person's surname
                if read_as_word(text, start, end, key, languages(), usage, spellings, rivals):
                    continue  # "Mucho gusto": the word; a phrase of a kind may still say it
            named.append((start, end))
            if rival not in found and self._rival_at(rival, text, start, end, languages):
                found[rival] = Mention(said, stance(start, end))
        for match in self._cues.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in named):
                continue  # "Excel" named a known competitor: not also "a spreadsheet"
            if integrated_with(text, start, end, languages):
                continue  # "exported to Excel for the CFO": a step of the work, not instead
            kind = CompetitorKind(match.lastgroup or "")
            kept = self._kept_named(text, start, end) if kind is CompetitorKind.STATUS_QUO else None
            by_hand = self._by_hand
            if (
                kept is None
                and kind is CompetitorKind.STATUS_QUO
                and by_hand is not None
                and keeps_work_by_hand(match.group(0))
            ):
                kept = by_hand, " ".join(match.group(0).split())
            owner, said = kept or (kind_owner(kind), " ".join(match.group(0).split()))
            if owner is None or owner in found:
                continue
            if owner not in self._partners or competes_with_partner(text, start, end):
                found[owner] = Mention(said, stance(start, end))
        return found

    def _rival_at(
        self,
        owner: int,
        text: str,
        start: int,
        end: int,
        languages: Callable[[], Collection[str]] = lambda: (),
    ) -> bool:
        """Whether the name at ``text[start:end]`` names competitor ``owner`` as a rival: not
        as a system to connect to, and for an integration partner only in words that
        compete with it ("Lost to PagerDuty"; not "PagerDuty pages arrive instantly")."""
        if integrated_with(text, start, end, languages):
            return False
        return owner not in self._partners or competes_with_partner(text, start, end)

    def _kept_named(self, text: str, start: int, end: int) -> tuple[int, str] | None:
        """The status-quo or by-hand row whose name the phrase of keeping at
        ``text[start:end]`` holds or runs into, with the name's words: "Decided to keep
        paper work orders" is the row ``paper work orders``, "No decision" the row a person
        split off under that name. None when the phrase names no such row."""
        if self._kept_names is None:
            return None
        # A name overlapping the phrase starts within a name's length of it: the look never
        # walks the text from its start once per phrase.
        for match in self._kept_names.finditer(text, max(0, start - 300), end + 300):
            if match.start() >= end:
                break
            said = " ".join(match.group(0).split())
            owner = self._owner.get(fold(said))
            if match.end() > start and owner is not None:
                return owner, said
        return None


@dataclass(frozen=True)
class ScanReport:
    evidence_scanned: int
    mentions_added: int
    mentions_removed: int
    deals_scanned: int
    deal_links_added: int
    competitors_created: tuple[str, ...]
    proposals: tuple[Proposal, ...]
    #: Competitors renamed to the spelling their deals and mentions use most: (was, now).
    respelled: tuple[tuple[str, str], ...] = ()
    #: Links made from deals' words that the words (or the rules) no longer support.
    deal_links_removed: int = 0
    #: Deals whose field's status quo was filed under the specific alternative the deal
    #: also names ("No decision" in the field, "kept their in-house tool" in the reason).
    status_quo_refiled: int = 0
    #: Nothing the scan reads changed since the last one: no item or deal was read again
    #: (the counts are the last scan's), and the mentions and links stand.
    unchanged: bool = False


def scan_competitors(engine: Engine, *, reread: bool = False) -> ScanReport:
    """Find every known competitor and alternative in the evidence and the deals' notes and
    store them (evidence → mentions, deals → "evaluated" links); then list look-alikes.

    Idempotent: a second run changes nothing, and when nothing it reads changed since the
    last (no write to the data, the same reading rules: ``competitor_scan_stamp``) it reads
    nothing again unless ``reread``. Example: ``scan_competitors(engine)``.
    """
    created: list[str] = []
    with write_session(engine) as session:
        last = unchanged_since(session)
        if last is not None and not reread:
            return ScanReport(
                last.evidence_scanned, 0, 0, last.deals_scanned, 0, (), _look_alikes(session),
                unchanged=True,
            )  # fmt: skip
        known = competitors.competitors(session)
        # Work done by hand ("paper work orders") is no row for "built our own".
        by_kind = {c.kind: c for c in reversed(known) if not by_hand(c)}
        vendors = VendorBook(known)

        def kind_row(kind: CompetitorKind) -> int | None:
            return by_kind[kind].id if kind in by_kind else None

        def kind_owner(kind: CompetitorKind) -> int:
            if kind not in by_kind:
                made = competitor_edits.add_competitor(session, PLAIN_NAMES[kind], kind)
                by_kind[kind] = made
                vendors.add(made)
                created.append(made.name)
            owner = by_kind[kind].id
            assert owner is not None
            return owner

        finder = MentionFinder(known, kind_owner, partners_of(session))
        scanned, added, removed = scan_evidence(session, finder, kind_row, kind_owner)
        deals = linked = unlinked = refiled = 0
        after = 0
        while batch := competitor_edits.deal_texts(session, after, CHUNK):
            plus, minus, moved = sync_deals(session, finder, vendors, batch)
            linked, unlinked, refiled = linked + plus, unlinked + minus, refiled + moved
            deals, after = deals + len(batch), batch[-1][0]
        respelled = settle_spellings(session)
        proposals = _look_alikes(session)
        stamp_scan(session, scanned, deals)
    return ScanReport(
        scanned,
        added,
        removed,
        deals,
        linked,
        tuple(created),
        proposals,
        tuple(respelled),
        deal_links_removed=unlinked,
        status_quo_refiled=refiled,
    )


def _look_alikes(session: Session) -> tuple[Proposal, ...]:
    """The workspace's competitors that look like another (``competitor_alikes``)."""
    known = competitors.competitors(session)
    return look_alikes(known, chosen=names_chosen(session), uses=times_used(session))
