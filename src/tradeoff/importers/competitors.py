"""Naming competitors the way sales writes them: "Fernbank", "fernbank.com", "Excel", "none".

Real competitors include spreadsheets, in-house tools and doing nothing (principle 3), so a
new name is classified by what it says it is; the user can correct the kind later. A field
may name several ("Zoho; Excel", "Dynamics 365, Zoho"): each is a competitor of its own. A
name that is only another way of writing a known competitor ("MSFT Dynamics" for "Dynamics
365", or "ADP Workforce Now" for "ADP": a brand and then its product line, see
``domain.competitor_names``) becomes one of its aliases, logged so that ``tradeoff import
undo`` takes it back — unless the name says it is an alternative of another kind than
that competitor ("Microsoft Excel" is a spreadsheet, not "Microsoft"). So does any name
for doing nothing ("No decision", "Do nothing", "Stayed with current process", "Our old
till", "Nessuna decisione", "Huidige kassa") once the workspace has a status-quo
competitor: there is only one status quo, however the CRM words it, in any of the seven
languages the product reads (``competitor_kept``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping

from sqlalchemy.orm import Session

from tradeoff.analysis.business.competitor_alikes import manual_process
from tradeoff.analysis.business.competitor_kept import STATUS_QUO_NAME
from tradeoff.domain.competitor_names import (
    ABBREVIATIONS,
    AGENCY_NAMES,
    SPECIFIC_ALTERNATIVES,
    agency_alone,
    name_words,
    same_competitor,
)
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.domain.names import LEGAL_SUFFIXES, fold
from tradeoff.storage import repository
from tradeoff.storage.upsert import upsert

#: General-purpose spreadsheet programs — Excel, Google Sheets, Apple Numbers, LibreOffice
#: or OpenOffice Calc, Zoho Sheet, WPS Spreadsheets: a deal lost to one was lost to doing
#: the work by hand in a grid, whoever sells the grid. Airtable and Smartsheet are not
#: among them: they are sold per seat as work-management products, with a sales team and
#: a price to lose to, so a deal lost to one was lost to a direct rival.
SPREADSHEET = re.compile(
    r"\b(spreadsheets?|excel|google sheets|sheets|(apple|iwork|mac) numbers|"
    r"(libre ?office|open ?office)( org)? calc|zoho sheets?|wps spreadsheets?|"
    # The word in the other languages the product reads (folded: "hoja de cálculo").
    r"planilhas?|hojas? de calculo|tableurs?|feuilles? de calcul|tabellenkalkulation\w*|"
    r"fogli(o)? (di calcolo|elettronic[oi])|rekenblad(en)?)\b"
)
#: A spreadsheet program's short name, read as one only when it is the whole name:
#: "Numbers" in a competitor field is Apple's, "Numbers Consulting" is not.
SPREADSHEET_ALONE = frozenset({"numbers", "calc"})
#: A firm hired to do the work, in any language the product reads ("Design agency",
#: "Outsourced accountant", "Gestoría", "Contador externo", "Steuerberater",
#: "expert-comptable"): ``domain.competitor_names.AGENCY_NAMES``.
AGENCY = AGENCY_NAMES
#: A tool the buyer built or builds ("In-house tool", "Homegrown", "built our own", "our own
#: tool", "Custom-built app"). "our own" or "their own" in a competitor field is always what
#: they made: a field names what the deal was weighed against. So are scripts and scheduled
#: jobs they wrote ("cron + curl", "bash scripts", "cron job", "custom scripts", "crontab"):
#: no product is bought, whatever language they are written in. Only the whole word, and
#: never a product's name: "Cronitor", "TypeScript", "Script Runner", "Google Apps Script",
#: "cron-job.org" (a web address is a product) and a bare "Cron" are not read so.
HOMEGROWN = re.compile(
    r"\b(in[- ]house|home[- ]?grown|home[- ]?made|hand[- ]?rolled|"
    r"internal (tool|build|system|solution|app)s?|"
    r"(build|builds|building|built)( it| our| their| a| an)? (own|ourselves|themselves|"
    r"internally|in house)|(our|their) own|custom[- ]?(built|build|made|developed)|diy|"
    r"manual process|scripts|cron ?jobs?|cron ?tabs?)\b"
)
#: Cron joined with another tool by a sign ("cron + curl", "curl & cron"), read before
#: folding takes the sign away: a bare "Cron" is a calendar product.
CRON_JOINED = re.compile(r"\bcron\s*[+&/]|[+&/]\s*cron\b", re.IGNORECASE)
#: A web address names a product: "cron-job.org" is a hosted service, not a cron job.
WEB_ADDRESS = re.compile(r"\w\.(?:com|org|net|io|dev|app|co|ai)\b", re.IGNORECASE)
STATUS_QUO = re.compile(
    r"\b(no decision|status quo|do nothing|did nothing|nothing|nobody|no one|no vendor|"
    r"(stick(s|ing)?|stuck|stay(s|ed|ing)?|keep(s|ing)?|kept|remain(s|ed|ing)?|"
    r"continu(e|es|ed|ing)) ((with|on|using) )?((the|their|our) )?(current|existing)|"
    r"stick(ing|s)? with what (we|they) (have|had|use)|existing (bank|provider))\b"
)
#: Kinds a workspace holds one competitor of, which every field naming the kind joins:
#: doing nothing is one alternative whatever words the CRM uses for it. Two spreadsheets,
#: agencies or in-house tools may be rivals a person tells apart ("Excel", "Google Sheets"),
#: so a new name of those kinds still gets a competitor of its own.
ONE_PER_WORKSPACE = frozenset({CompetitorKind.STATUS_QUO})


#: What a CRM field holds when there was no competitor at all.
NO_COMPETITOR = frozenset({"", "none", "n a", "na", "no competitor", "unknown", "other"})


def names_no_competitor(name: str) -> bool:
    return fold(name) in NO_COMPETITOR


def split_competitor_names(text: str) -> list[str]:
    """Every name a competitor field holds: split on ';', line breaks (a cell typed in a
    spreadsheet with Alt+Enter), a slash between spaces ("Vault / Doppler": a QA tester's
    Vault was lost in Doppler's fuzzy match) and ',', except a comma before a legal form
    ("Acme, Inc." is one name). A slash without spaces stays in the name ("A/B Tasty").
    Repeats (ignoring case) are kept once.

    >>> split_competitor_names("Dynamics 365, Zoho; Acme, Inc. / A/B Tasty")
    ['Dynamics 365', 'Zoho', 'Acme, Inc.', 'A/B Tasty']
    """
    names: list[str] = []
    for group in re.split(r"[;\r\n]+|\s+/\s+", text):
        for number, part in enumerate(group.split(",")):
            if number and names[-1] and fold(part) in LEGAL_SUFFIXES:
                names[-1] = f"{names[-1]},{part}".strip()
            else:
                names.append(part.strip())
    unique = {fold(n): n for n in reversed(names) if n}
    return list(reversed(unique.values()))


def classify_competitor(name: str) -> CompetitorKind:
    """The kind a new competitor's name says it is; direct when it names no alternative.
    The buyer's old or current system ("Our old till", "Huidige kassa") is the status quo.
    Work done by hand ("paper work orders", "Whiteboard": ``competitor_alikes.manual_process``)
    is homegrown, as a tool built in-house is: what the buyer kept instead of buying, one
    alternative of its own (not the one status quo every "No decision" joins); a
    spreadsheet named beside it decides ("whiteboard + spreadsheets" is a spreadsheet).

    >>> classify_competitor("Stayed with their current process").value
    'status_quo'
    >>> classify_competitor("built our own").value, classify_competitor("paper forms").value
    ('homegrown', 'homegrown')
    >>> classify_competitor("cron + curl").value, classify_competitor("Cronitor").value
    ('homegrown', 'direct')
    >>> classify_competitor("Gestoría").value, classify_competitor("Contador externo").value
    ('agency', 'agency')
    >>> classify_competitor("Our old till").value, classify_competitor("Carta e penna").value
    ('status_quo', 'homegrown')
    """
    words = name_words(name)
    folded = " ".join(ABBREVIATIONS.get(w, w) for w in fold(name).split())  # "GSheets"
    # The status quo in every language the product reads, and the buyer's old or current
    # system ("Our old till", "Sistema actual", "Nessuna decisione": ``competitor_kept``):
    # keeping what one has, as "Kept existing system" does, joins the one status quo.
    if STATUS_QUO.search(folded) or STATUS_QUO_NAME.search(folded):
        return CompetitorKind.STATUS_QUO
    if SPREADSHEET.search(folded) or " ".join(words) in SPREADSHEET_ALONE:
        return CompetitorKind.SPREADSHEET
    if AGENCY.search(folded) or agency_alone(folded):
        return CompetitorKind.AGENCY
    if WEB_ADDRESS.search(name):
        return CompetitorKind.DIRECT
    if HOMEGROWN.search(folded) or CRON_JOINED.search(name) or manual_process(name):
        return CompetitorKind.HOMEGROWN
    return CompetitorKind.DIRECT


def generic_given_way(
    named: Mapping[int, CompetitorKind], held: Iterable[CompetitorKind | None]
) -> set[int]:
    """The status-quo competitors among ``named`` (a deal's field: id → kind) that give
    way to a specific alternative: one the same field names ("No decision; In-house
    tool") or one the deal's field already linked (``held``). Doing nothing is what a deal
    names when it says no more; the in-house tool is what the buyer kept, and the deal
    counts once, under it."""
    generic = {i for i, kind in named.items() if kind is CompetitorKind.STATUS_QUO}
    kinds = {*named.values(), *held}
    return generic if generic and kinds & SPECIFIC_ALTERNATIVES else set()


class CompetitorBook:
    """Competitors of the workspace by every name they go by, loaded once per import."""

    def __init__(self, session: Session, *, batch_id: int) -> None:
        self.session = session
        self.batch_id = batch_id
        self._by_name: dict[str, Competitor] | None = None
        self._kinds: dict[int, CompetitorKind] | None = None
        #: Some competitor was named: the import settles spellings when it ends.
        self.used = False
        #: Competitors this import made: no user has seen their names yet, so the import
        #: may name them by any of the names its deals use most (``settle_spellings``).
        self.made: set[int] = set()

    def forget(self) -> None:
        self._by_name = self._kinds = None

    def _names(self) -> dict[str, Competitor]:
        if self._by_name is None:
            self._by_name = {}
            for competitor in repository.list_all(self.session, Competitor):
                for name in (competitor.name, *competitor.aliases):
                    self._by_name[fold(name)] = competitor
        return self._by_name

    def find_or_create(self, name: str) -> Competitor:
        self.used = True
        names = self._names()
        key = fold(name)
        if key in names:
            return names[key]
        kind = classify_competitor(name)
        alike = same_competitor(name, {c.id: c for c in names.values()}.values(), kind=kind)
        if alike is not None:
            return self._add_alias(alike.competitor, name.strip())
        holder = self._only_one_of(kind)
        if holder is not None:
            return self._add_alias(holder, name.strip())
        competitor = repository.add(
            self.session,
            Competitor(name=name.strip(), kind=kind),
            batch_id=self.batch_id,
        )
        names[key] = competitor
        assert competitor.id is not None
        self.made.add(competitor.id)
        if self._kinds is not None:
            self._kinds[competitor.id] = competitor.kind
        return competitor

    def kind_of(self, competitor_id: int) -> CompetitorKind | None:
        if self._kinds is None:
            self._kinds = {c.id: c.kind for c in self._names().values() if c.id is not None}
        return self._kinds.get(competitor_id)

    def _only_one_of(self, kind: CompetitorKind) -> Competitor | None:
        """The competitor every new name of ``kind`` joins: the workspace's first of that
        kind, the same one a scan files a phrase under (``competitor_scan``), so a field's
        "No decision" and a loss reason's "no decision" land on one row whichever came
        first. None for kinds that may hold several rivals, or when there is none yet."""
        if kind not in ONE_PER_WORKSPACE:
            return None
        known = {c.id: c for c in self._names().values() if c.kind is kind and c.id is not None}
        return known[min(known)] if known else None

    def _add_alias(self, competitor: Competitor, alias: str) -> Competitor:
        row = repository.row_of(self.session, competitor)
        wider = dataclasses.replace(competitor, aliases=[*competitor.aliases, alias])
        _, stored = upsert(self.session, wider, row, batch_id=self.batch_id)
        names = self._names()
        for known, held in list(names.items()):
            if held.id == stored.id:
                names[known] = stored
        names[fold(alias)] = stored
        return stored
