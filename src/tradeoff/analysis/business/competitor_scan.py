"""Finding competitors named in tickets, interviews and deal notes.

Known names and aliases are found as whole words, ignoring case ("Zoho" is not in "Zohar",
"Excel" is not in "excellent"); the longest name wins where two overlap ("Microsoft
Dynamics" before "Dynamics"). Alternatives that are not products are found by what people
say about them: a homegrown tool ("built our own", "in-house tool"), a spreadsheet
("spreadsheet", "Google Sheets"), an agency ("a dev agency", "hired an agency"), or the
status quo ("stick with what we have", "no decision"). Such a phrase is filed under the
workspace's first competitor of that kind, created with a plain name when there is none.

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
partner's name in a ticket is a system in the buyer's stack (``_integrated_with``). Staying with
spreadsheets, tracking in Excel or building it in-house is still the alternative.

A deal's words add no link that would count the deal twice for one alternative: a second
in-house tool, spreadsheet, agency or status quo, or a second row of the same vendor
("ADP WFN" beside the CRM's "ADP Workforce Now"; ``_once_per_alternative``). Of two of
one kind that the words name, a named member beats the kind's row, and the loss reason's
words beat the description's: "Decided to keep using Google Sheets" files the deal under
Google Sheets, though its description says "Replacing spreadsheets". The status quo
is what a deal names when it says no more, so it gives way to a specific alternative the
same deal names: words' "no decision" on a deal with an in-house tool add nothing, and a
field's "No decision" on a deal whose loss reason says "kept their in-house tool" is
filed under the in-house tool, with the field's won/lost relation (``_status_quo_refiled``).

Free text is never matched fuzzily: a near-miss in a sentence is far more often another word
than a misspelt rival. Fuzzy matching is for names in competitor fields
(``competitor_names``), where every cell is meant to be a competitor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Engine

from tradeoff.analysis.business.competitor_alikes import (
    Proposal,
    VendorBook,
    by_hand,
    look_alikes,
    times_used,
)
from tradeoff.analysis.business.mention_stance import stance_of
from tradeoff.analysis.text.sentence_around import sentence_around
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind, MentionStance
from tradeoff.domain.names import fold
from tradeoff.storage import competitor_edits, competitors
from tradeoff.storage.competitor_spelling import names_chosen, settle_spellings
from tradeoff.storage.session import write_session

#: Items read and written per transaction step.
CHUNK = 2000

#: Verbs of keeping what one has: "sticking with their current process", "stayed on paper",
#: "keep doing it manually" say the status quo, as the loss taxonomy reads them
#: (``loss_cues.SAYINGS``); "we moved off paper work orders" does not.
_KEPT = (
    r"(?:stick|sticks|sticking|stuck|stay|stays|stayed|staying|keep|keeps|kept|keeping|"
    r"remain|remains|remained|remaining|continue|continues|continued|continuing)"
)
#: A decision to keep what they have, not a habit: "decided to keep", "stayed".
_DECIDED = (
    r"(?:(?:decided|chose|opted|preferred|wanted) to (?:keep|stay|stick|remain|continue)|"
    r"stayed|stuck|remained)"
)
#: What people say about an alternative that is not a product, by its kind.
CUES: dict[CompetitorKind, str] = {
    CompetitorKind.HOMEGROWN: (
        r"(?:build|builds|building|built) (?:it |our |their |his |her )?own"
        r"(?: tool| system| solution| version| app)?(?: in[- ]house)?|home[- ]?grown|"
        r"(?:build|builds|building|built|develop\w*|keep\w* it|kept it) (?:it |this |that )?"
        r"in[- ]house|in[- ]house (?:tool|system|solution|build|app)|internal tool|"
        r"(?:we|they) built it (?:ourselves|themselves)"
    ),
    CompetitorKind.SPREADSHEET: r"spreadsheets?|google sheets|excel",
    CompetitorKind.AGENCY: (
        r"(?:digital|design|dev|development|software|web|creative|marketing) agency|"
        r"(?:hired|hire|using|use|went with|chose|outsourc\w* (?:it )?to) (?:an?|the|their) agency"
    ),
    CompetitorKind.STATUS_QUO: (
        r"stick(?:ing)? with what (?:we|they) (?:have|had|use)|status quo|no decision|"
        r"do(?:ing)? nothing|"
        rf"{_KEPT}(?: with| on| to| using)? (?:the |their |our |its )?(?:current|existing) "
        r"(?:setup|provider|tool|process|processes|system|systems|vendor|bank|way|ways|"
        r"workflow|workflows|solution|approach|method|software|platform)|"
        # Work by hand only as a decision ("decided to keep paper work orders", "stayed on
        # paper"): a ticket's "half my crew is still on paper because the app crashes" or
        # "we keep doing it manually until the export is fixed" is a complaint, not a rival.
        rf"(?:{_DECIDED})(?: with| on| to| using| doing(?: it| things| everything)?)? "
        r"(?:(?:(?:the|their|our) )?(?:pen and paper|paper\w*|white ?boards?|clipboards?)|"
        r"(?:it )?manually|by hand)"
    ),
}
#: The name a kind's competitor gets when a phrase finds it and the workspace has none.
PLAIN_NAMES = {
    CompetitorKind.HOMEGROWN: "Homegrown tool",
    CompetitorKind.SPREADSHEET: "Spreadsheets",
    CompetitorKind.AGENCY: "Agency",
    CompetitorKind.STATUS_QUO: "Status quo",
}


#: A product named as something to connect to is a system the buyer uses, not a rival: "No
#: native Salesforce integration", "needs a HubSpot connector", "sync with Jira".
_PART_AFTER = re.compile(
    r"\s*(?:integrations?|connectors?|sync|plug-?ins?|add-?ons?|api|apis|export|import)(?!\w)",
    re.IGNORECASE,
)
_LINK_BEFORE = re.compile(
    r"(?:native|integrat\w*|connect\w*|sync\w*|export\w*|import\w*|plug\w*)\s+"
    r"(?:(?:with|to|into|from|for|in)\s+)?(?:(?:the|our|their|a|an|its)\s+)?$",
    re.IGNORECASE,
)


#: Words of connecting systems: in a sentence with one and no word of competing, a product
#: is one the buyer runs alongside ("Marketing runs on HubSpot and wants the contact sync to
#: keep working"), not one they weigh against us.
_CONNECTING = re.compile(
    r"(?<!\w)(?:sync\w*|integrat\w*|connector\w*|connect(?:s|ed|ing|ion|ions)?|apis?|"
    r"plug-?ins?|webhooks?|runs? on|running on|lives? in|on top of|"
    # Data or alerts flowing between two systems: "PagerDuty routing per team", "route to
    # different PagerDuty services", "our Grafana datasource polling your API", "send
    # alerts to Opsgenie", "severity mapping to PagerDuty", "incidents land on the
    # default service", "forwarded into Splunk".
    r"rout(?:e|es|ed|ing)|data ?sources?|poll(?:s|ed|ing)?|"
    r"(?:forward(?:s|ed|ing)?|send(?:s|ing)?|sent|push(?:es|ed|ing)?|post(?:s|ed|ing)?|"
    r"map(?:s|ped|ping)?|pip(?:e|es|ed|ing)|feed(?:s|ing)?|fed)"
    r"(?:\s+\w+){0,2}?\s+(?:to|into)|"
    r"(?:land|lands|landed|landing)\s+(?:on|in|into))(?!\w)",
    re.IGNORECASE,
)
_COMPETING = re.compile(
    r"(?<!\w)(?:lost|los(?:e|es|ing)|won|win|beat|chose|choos\w*|chosen|went with|going with|"
    r"pick\w*|select\w*|switch\w*|mov(?:e|ed|ing) to|migrat\w*|replac\w*|evaluat\w*|"
    r"compar\w*|over us|cheaper|pricier|better|"
    r"worse|alternatives?|competitors?|competing|competition|shortlist\w*|bake-?off|"
    r"incumbent|stay(?:s|ed|ing)? with|stick(?:s|ing)? with|trial(?:led|ing)?|pilot\w*|"
    r"like)(?!\w)",
    re.IGNORECASE,
)
#: Words that set two things side by side, competing only next to the name they set
#: against another ("Datadog instead", "Zoho vs us"): a sentence of connecting may set
#: other things side by side ("route to different PagerDuty services by tag (env:prod vs
#: env:staging)", "incidents land on the default service instead of the team's").
_SET_AGAINST = re.compile(
    r"(?<!\w)(?:vs\.?|versus|against|instead|rather than)(?!\w)", re.IGNORECASE
)
#: How many words may stand between a name and a word of ``_SET_AGAINST`` that sets it
#: against another ("use Datadog's API instead": two).
SET_AGAINST_WORDS = 3
_WORD = re.compile(r"\w+")
#: Characters read each side of a name for its sentence.
SENTENCE_REACH = 400


def _integrated_with(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is named as a system to connect to: next to
    a word of connecting ("a HubSpot connector", "export to Excel"), or in a sentence of
    connecting that says nothing of competing, nor sets the name against another
    (``_set_against``). Each look stays inside the name's sentence:
    "Wants Snowflake live connection" on the line above "Stayed with their current vendor"
    (a deal's description and loss reason) connects nothing to the status quo."""
    opens, closes = sentence_around(text, start, end, SENTENCE_REACH)
    if _PART_AFTER.match(text, end, closes) or _LINK_BEFORE.search(
        text[max(opens, start - 40) : start]
    ):
        return True
    sentence = text[opens:closes]
    if not _CONNECTING.search(sentence) or _COMPETING.search(sentence):
        return False
    return not _set_against(text, opens, closes, start, end)


def _set_against(text: str, opens: int, closes: int, start: int, end: int) -> bool:
    """Whether a word of ``_SET_AGAINST`` stands within ``SET_AGAINST_WORDS`` words of the
    name at ``text[start:end]``, in its sentence ``text[opens:closes]``."""
    # Three words lie within a few dozen characters: the look never walks a long sentence
    # once per "vs" in it.
    for match in _SET_AGAINST.finditer(text, max(opens, start - 120), min(closes, end + 120)):
        between = text[end : match.start()] if match.start() >= end else text[match.end() : start]
        if len(_WORD.findall(between)) <= SET_AGAINST_WORDS:
            return True
    return False


def _words(name: str) -> str:
    """A name as a pattern: its words in order, any whitespace between them."""
    return r"\s+".join(re.escape(w) for w in name.split())


class Mention(NamedTuple):
    said: str
    stance: MentionStance


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
    """The competitors one text names, each with the words it used first."""

    def __init__(self, known: Iterable[Competitor], kind_owner: Callable[[CompetitorKind], int]):
        known = sorted(known, key=lambda c: c.id or 0)
        self._owner: dict[str, int] = {}
        for competitor in known:
            assert competitor.id is not None
            for name in (competitor.name, *competitor.aliases):
                self._owner.setdefault(" ".join(fold(name).split()), competitor.id)
        self._names = _name_pattern(c for c in known if not _found_by_phrase_only(c))
        self._kept_names = _name_pattern(c for c in known if _found_by_phrase_only(c))
        self._cues = re.compile(
            "|".join(f"(?P<{k.value}>(?<!\\w)(?:{p})(?!\\w))" for k, p in CUES.items()),
            re.IGNORECASE,
        )
        self._kind_owner = kind_owner

    def find(self, text: str) -> dict[int, str]:
        """Competitor id → the words that named it first (no stance is read: a deal's words
        are the deal's, and this is the scan's pass over every deal)."""
        return {owner: said for owner, (said, _) in self.mentions(text, customers=False).items()}

    def mentions(self, text: str, customers: bool = True) -> dict[int, Mention]:
        """Competitor id → the words that named it first, and how the first naming stands
        towards them (left for us, weighed as a move, or neither: ``mention_stance``). Only
        a customer's words have a stance: a seller's "went with Datadog" on a lost deal is
        the deal's outcome, counted by the deal, not a customer who may leave."""

        def stance(start: int, end: int) -> MentionStance:
            return stance_of(text, start, end) if customers else MentionStance.NAMED

        found: dict[int, Mention] = {}
        named: list[tuple[int, int]] = []
        if self._names is not None:
            for match in self._names.finditer(text):
                said = " ".join(match.group(0).split())
                owner = self._owner.get(fold(said))
                if owner is None:
                    continue
                named.append(match.span())
                if owner not in found and not _integrated_with(text, *match.span()):
                    found[owner] = Mention(said, stance(*match.span()))
        for match in self._cues.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in named):
                continue  # "Excel" named a known competitor: not also "a spreadsheet"
            if _integrated_with(text, start, end):
                continue  # "exported to Excel for the CFO": a step of the work, not instead
            kind = CompetitorKind(match.lastgroup or "")
            kept = self._kept_named(text, start, end) if kind is CompetitorKind.STATUS_QUO else None
            owner, said = kept or (self._kind_owner(kind), " ".join(match.group(0).split()))
            if owner not in found:
                found[owner] = Mention(said, stance(start, end))
        return found

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


def scan_competitors(engine: Engine) -> ScanReport:
    """Find every known competitor and alternative in the evidence and the deals' notes and
    store them (evidence → mentions, deals → "evaluated" links); then list look-alikes.

    Idempotent: a second run changes nothing. Example: ``scan_competitors(engine)``.
    """
    created: list[str] = []
    with write_session(engine) as session:
        known = competitors.competitors(session)
        # Work done by hand ("paper work orders") is no row for "built our own".
        by_kind = {c.kind: c for c in reversed(known) if not by_hand(c)}
        vendors = VendorBook(known)

        def kind_owner(kind: CompetitorKind) -> int:
            if kind not in by_kind:
                made = competitor_edits.add_competitor(session, PLAIN_NAMES[kind], kind)
                by_kind[kind] = made
                vendors.add(made)
                created.append(made.name)
            owner = by_kind[kind].id
            assert owner is not None
            return owner

        finder = MentionFinder(known, kind_owner)
        scanned = added = removed = 0
        after = 0
        while items := competitor_edits.evidence_texts(session, after, CHUNK):
            found = {
                i: m for i, text, sellers in items if (m := finder.mentions(text, not sellers))
            }
            ids = [i for i, *_ in items]
            plus, minus = competitor_edits.sync_mentions(session, ids, found)
            scanned, added, removed = scanned + len(items), added + plus, removed + minus
            after = ids[-1]
        deals = linked = unlinked = refiled = 0
        after = 0
        while batch := competitor_edits.deal_texts(session, after, CHUNK):
            named = {i: f for i, text in batch if text and (f := finder.find(text))}
            ids = [i for i, _ in batch]
            crm = competitor_edits.crm_links(session, ids)
            named = {
                i: _once_per_alternative(f, crm.get(i, set()), vendors) for i, f in named.items()
            }
            for deal_id, held in crm.items():
                generic, specific = _status_quo_refiled(held, named.get(deal_id, {}), vendors)
                if specific is not None:
                    competitor_edits.refile_crm_links(session, deal_id, generic, specific)
                    refiled += 1
            plus, minus = competitor_edits.sync_deal_links(session, ids, named)
            linked, unlinked = linked + plus, unlinked + minus
            deals, after = deals + len(batch), ids[-1]
        respelled = settle_spellings(session)
        proposals = look_alikes(
            competitors.competitors(session),
            chosen=names_chosen(session),
            uses=times_used(session),
        )
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


def _once_per_alternative(
    named: Mapping[int, str], crm: set[int], vendors: VendorBook
) -> dict[int, str]:
    """What a deal's words name, less what would count the deal twice for one alternative:
    a competitor of a kind that is not a product when the deal already has one of that kind
    (the field's "In-house system", the loss reason's "in-house tool"), or a product row
    of a vendor the deal already has ("ADP WFN" beside the field's "ADP Workforce Now").
    The CRM's links come first, then the words naming a member of a kind ("Google
    Sheets") before a kind's own row ("spreadsheets"), each in the order the words name
    them (the loss reason before the description: ``deal_texts``), so the specific name
    wins and a second scan keeps what the first kept."""
    kept: dict[int, str] = {}
    ordered = sorted(named.items(), key=lambda found: vendors.kind_only(found[0]))
    for competitor_id, said in ordered:
        others = (crm | kept.keys()) - {competitor_id}
        if not any(vendors.one_for_a_deal(competitor_id, o) for o in others):
            kept[competitor_id] = said
    if any(vendors.specific(c) for c in crm | kept.keys()):
        kept = {c: said for c, said in kept.items() if not vendors.generic(c)}
    return kept


def _status_quo_refiled(
    crm: set[int], named: Mapping[int, str], vendors: VendorBook
) -> tuple[list[int], int | None]:
    """The status quo the deal's field links (``crm``) and the specific alternative it gives
    way to — one the field links too, else the first the deal's words name — or no
    alternative when the deal names none: "No decision" in the field and "kept their
    in-house tool" in the loss reason is a deal lost to the in-house tool, counted once."""
    generic = sorted(c for c in crm if vendors.generic(c))
    if not generic:
        return [], None
    held = sorted(c for c in crm if vendors.specific(c))
    specific = held or [c for c in named if vendors.specific(c)]
    return generic, (specific[0] if specific else None)
