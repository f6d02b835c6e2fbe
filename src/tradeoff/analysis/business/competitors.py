"""Who we really compete with, and how we fare against each (principle 3).

Definitions (docs/competitors.md explains each):

- *present*: a deal links the competitor (CRM competitor field, or named in its notes);
- *deals met*: deals where they are present; *won* / *lost* / *open* by the deal's outcome,
  and *disqualified*: lost deals that were never real (a duplicate, spam, a test, an
  unqualified lead) — met, since they were named, but never lost to them;
- *win rate*: won / (won + lost) of those deals; none without a closed deal;
- *revenue lost*: amounts of lost deals where they are present, once per deal;
- *open pipeline*: amounts of open deals where they are present;
- *revenue at stake*: revenue lost + open pipeline — what the ranking is ordered by, because
  a rival named in every ticket but never met in a deal costs nothing, and one met in three
  large deals costs a lot;
- *mentions*: evidence items naming them, shown beside the money, never ranked by; of
  those, the items naming them as the tool the customer left for us (*came from*) and as
  one they weigh leaving for (*leaving for*). For an integration partner, only items whose
  words compete with it (``competitor_partners``).

Amounts are summed per currency in the database and converted with the workspace's rates;
a currency without a rate is reported as unconverted, never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine

from tradeoff.analysis.business.competitor_alikes import Proposal, alike_to, times_used
from tradeoff.analysis.business.competitor_lookup import look_up_competitor_in
from tradeoff.analysis.business.loss_taxonomy import loss_verdict
from tradeoff.analysis.business.money import ZERO, Money, convert
from tradeoff.analysis.label.quotes import repeat_key
from tradeoff.analysis.text.theme_text import as_said
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind, EvidenceKind, LossCategory, MentionStance
from tradeoff.domain.names import fold
from tradeoff.storage import competitors as store
from tradeoff.storage.competitor_partners import partners_of
from tradeoff.storage.competitor_spelling import names_chosen
from tradeoff.storage.currency import base_currency, rates
from tradeoff.storage.loss_reasons import UnclassifiedTotal, unclassified_totals
from tradeoff.storage.session import read_session

#: Quotes a profile shows.
QUOTES = 5
#: Characters of a quote shown before it is cut.
QUOTE_CHARS = 300


@dataclass(frozen=True)
class CompetitorStanding:
    """One competitor's head-to-head record and the money at stake against them."""

    competitor_id: int
    name: str
    kind: CompetitorKind
    aliases: tuple[str, ...]
    deals_met: int
    won: int
    lost: int
    open: int
    win_rate: float | None
    revenue_lost: Money
    open_pipeline: Money
    revenue_at_stake: Money
    mentions: int
    #: Of ``deals_met``, lost deals stored as disqualified: in no other figure.
    disqualified: int = 0
    #: Lost and open deals with no amount: counted as deals, never summed as zero.
    lost_unpriced: int = 0
    open_unpriced: int = 0
    #: Of ``mentions``: the tool the customer left for us, and one they weigh leaving for.
    came_from: int = 0
    leaving_for: int = 0
    #: An integration partner (``competitor_partners``): its mentions are only the items
    #: whose words compete with it, never those about connecting to it.
    partner: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.competitor_id,
            "name": self.name,
            "kind": self.kind.value,
            "partner": self.partner,
            "aliases": list(self.aliases),
            "deals_met": self.deals_met,
            "won": self.won,
            "lost": self.lost,
            "open": self.open,
            "disqualified": self.disqualified,
            "win_rate": self.win_rate,
            "revenue_lost": self.revenue_lost.to_json(),
            "open_pipeline": self.open_pipeline.to_json(),
            "revenue_at_stake": self.revenue_at_stake.to_json(),
            "lost_unpriced": self.lost_unpriced,
            "open_unpriced": self.open_unpriced,
            "mentions": self.mentions,
            "mentions_came_from": self.came_from,
            "mentions_leaving_for": self.leaving_for,
        }


@dataclass(frozen=True)
class SegmentRecord:
    """Our record against the competitor in one segment: where they win is where we lose."""

    segment: str | None
    won: int
    lost: int
    open: int

    @property
    def loss_rate(self) -> float | None:
        closed = self.won + self.lost
        return self.lost / closed if closed else None


@dataclass(frozen=True)
class LossReasonCount:
    category: LossCategory
    deals: int
    revenue: Money
    #: Of ``deals``, those with an amount: the rest are in ``deals``, not in ``revenue``.
    priced: int = 0


@dataclass(frozen=True)
class ThemeRaised:
    theme_id: int
    name: str
    evidence: int
    accounts: int
    #: Of ``evidence``, items that name the competitor.
    naming: int


@dataclass(frozen=True)
class CompetitorQuote:
    evidence_id: int
    text: str
    kind: EvidenceKind
    created_at: datetime
    account: str | None
    mentioned_as: str
    #: How the item names them: the tool the customer left for us, one they weigh leaving
    #: for, or neither (``mention_stance``).
    stance: MentionStance = MentionStance.NAMED
    #: Other items naming them in the same words (a seller's line pasted on nine deals),
    #: and the accounts those are from other than this quote's: shown once, counted here.
    same_words: int = 0
    same_words_accounts: int = 0


@dataclass(frozen=True)
class QuarterRecord:
    quarter: str
    met: int
    won: int
    lost: int


@dataclass(frozen=True)
class CompetitorProfile:
    standing: CompetitorStanding
    #: Every way sales and customers wrote the name, with how often.
    written_as: Mapping[str, int]
    segments: tuple[SegmentRecord, ...]
    loss_reasons: tuple[LossReasonCount, ...]
    themes: tuple[ThemeRaised, ...]
    quotes: tuple[CompetitorQuote, ...]
    quarters: tuple[QuarterRecord, ...]
    #: Lost deals among ``loss_reasons`` with no saved category, classified for this read.
    losses_classified_now: int = 0
    #: Other competitors whose names look like this one's, the scan's proposals either way
    #: ("ADP Run" and "ADP WFN" on ADP's page): maybe the same vendor, for a person to merge;
    #: and a kind's named members on its row's page, or its row on a member's ("Google
    #: Sheets" and "Spreadsheets", ``as_kind``).
    looks_like: tuple[Proposal, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            **self.standing.to_json(),
            "written_as": dict(sorted(self.written_as.items())),
            "segments": [
                {
                    "segment": s.segment,
                    "won": s.won,
                    "lost": s.lost,
                    "open": s.open,
                    "loss_rate": s.loss_rate,
                }
                for s in self.segments
            ],
            "loss_reasons": [
                {
                    "category": r.category.value,
                    "deals": r.deals,
                    "deals_with_amount": r.priced,
                    "revenue": r.revenue.to_json(),
                }
                for r in self.loss_reasons
            ],
            "losses_classified_now": self.losses_classified_now,
            "looks_like": [
                {
                    "name": p.name,
                    "score": round(p.score, 4),
                    "as_kind": p.as_kind.value if p.as_kind is not None else None,
                    "merge_into": p.into or self.standing.name,
                }
                for p in self.looks_like
            ],
            "themes": [
                {
                    "id": t.theme_id,
                    "name": t.name,
                    "evidence": t.evidence,
                    "accounts": t.accounts,
                    "naming": t.naming,
                }
                for t in self.themes
            ],
            "quotes": [
                {
                    "evidence_id": q.evidence_id,
                    "text": q.text,
                    "kind": q.kind.value,
                    "created_at": q.created_at.isoformat(),
                    "account": q.account,
                    "mentioned_as": q.mentioned_as,
                    "stance": q.stance.value,
                    "same_words": q.same_words,
                    "same_words_accounts": q.same_words_accounts,
                }
                for q in self.quotes
            ],
            "quarters": [
                {"quarter": q.quarter, "met": q.met, "won": q.won, "lost": q.lost}
                for q in self.quarters
            ],
        }


def competitor_ranking(engine: Engine) -> list[CompetitorStanding]:
    """Every competitor, most revenue at stake first (then most deals met, then name).

    Example: ``competitor_ranking(engine)[0].name``
    """
    with read_session(engine) as session:
        known = store.competitors(session)
        tallies = store.tallies(session)
        base, given = base_currency(session), rates(session)
        partners = partners_of(session)
    standings = [
        _standing(c, tallies.get(c.id or 0, store.Tally()), given, base, partners) for c in known
    ]
    return sorted(standings, key=_rank_key)


def competitor_profile(engine: Engine, name: str) -> CompetitorProfile:
    """One competitor in full, found as ``look_up_competitor_in`` reads ``name``.

    Example: ``competitor_profile(engine, "MSFT Dynamics").standing.win_rate``
    """
    with read_session(engine) as session:
        known = store.competitors(session)
        competitor = look_up_competitor_in(known, name)
        cid = competitor.id
        assert cid is not None
        chosen = names_chosen(session)
        # Counted only for this row and its look-alikes: a page view reads a few links.
        names = {p.name for p in alike_to(competitor, known, chosen=chosen)}
        ids = [c.id for c in known if c.id is not None and (c.name in names or c.id == cid)]
        alike = alike_to(competitor, known, chosen=chosen, uses=times_used(session, ids))
        base, given = base_currency(session), rates(session)
        tally = store.tallies(session, cid).get(cid, store.Tally())
        segments = store.segments(session, cid)
        losses = store.loss_reasons(session, cid)
        pending = unclassified_totals(session, cid)
        themes = store.themes_raised(session, cid)
        candidates = store.quote_candidates(session, cid)
        quarters = store.quarters(session, cid)
        written = store.mentioned_names(session, cid)
        partners = partners_of(session)
    return CompetitorProfile(
        standing=_standing(competitor, tally, given, base, partners),
        written_as=written,
        segments=tuple(
            SegmentRecord(s.segment, s.won, s.lost, s.open)
            for s in sorted(segments, key=_segment_key)
        ),
        loss_reasons=_loss_reasons(losses, pending, given, base),
        losses_classified_now=sum(p.deals for p in pending),
        themes=tuple(
            ThemeRaised(t.theme_id, t.name, t.evidence, t.accounts, t.naming)
            for t in sorted(themes, key=lambda t: (-t.evidence, t.theme_id))
        ),
        quotes=tuple(_quotes(candidates)),
        quarters=tuple(QuarterRecord(q.quarter, q.met, q.won, q.lost) for q in quarters),
        looks_like=alike,
    )


def _loss_reasons(
    saved: list[store.LossTally],
    pending: list[UnclassifiedTotal],
    given: Mapping[str, Decimal],
    base: str,
) -> tuple[LossReasonCount, ...]:
    """Saved categories, plus lost deals with none classified now by the same rules an
    import saves them with (nothing written: a profile is a read)."""
    deals: dict[LossCategory, int] = defaultdict(int)
    priced: dict[LossCategory, int] = defaultdict(int)
    amounts: dict[LossCategory, dict[str | None, Decimal]] = defaultdict(dict)
    for tally in saved:
        deals[tally.category] += tally.deals
        priced[tally.category] += tally.priced
        for currency, amount in tally.amounts.items():
            amounts[tally.category][currency] = amounts[tally.category].get(currency, ZERO) + amount
    for group in pending:
        category = loss_verdict(group.reason, group.notes, group.stage).category
        deals[category] += group.deals
        priced[category] += group.with_amount
        if group.with_amount:
            held = amounts[category]
            held[group.currency] = held.get(group.currency, ZERO) + group.amount
    return tuple(
        LossReasonCount(c, deals[c], convert(amounts[c], given, base), priced[c])
        for c in sorted(deals, key=lambda c: (-deals[c], c.value))
    )


def _standing(
    competitor: Competitor,
    tally: store.Tally,
    given: Mapping[str, Decimal],
    base: str,
    partners: Collection[int] = (),
) -> CompetitorStanding:
    assert competitor.id is not None
    closed = tally.won + tally.lost
    at_stake: dict[str | None, Decimal] = dict(tally.lost_amounts)
    for currency, amount in tally.open_amounts.items():
        at_stake[currency] = at_stake.get(currency, Decimal(0)) + amount
    return CompetitorStanding(
        competitor_id=competitor.id,
        name=competitor.name,
        kind=competitor.kind,
        aliases=tuple(competitor.aliases),
        deals_met=tally.deals,
        won=tally.won,
        lost=tally.lost,
        open=tally.open,
        win_rate=tally.won / closed if closed else None,
        revenue_lost=convert(tally.lost_amounts, given, base),
        open_pipeline=convert(tally.open_amounts, given, base),
        revenue_at_stake=convert(at_stake, given, base),
        mentions=tally.mentions,
        came_from=tally.came_from,
        leaving_for=tally.leaving_for,
        disqualified=tally.disqualified,
        lost_unpriced=tally.lost_unpriced,
        open_unpriced=tally.open_unpriced,
        partner=competitor.id in partners,
    )


def _rank_key(s: CompetitorStanding) -> tuple[tuple[Decimal, int], int, int, str, int]:
    """Converted money first; a figure with unconverted currency is ranked on what it could
    convert (and says so), never on a guessed rate (``Money.rank``)."""
    return (s.revenue_at_stake.rank, -s.deals_met, -s.mentions, fold(s.name), s.competitor_id)


def _segment_key(s: store.SegmentTally) -> tuple[float, int, str]:
    closed = s.won + s.lost
    return (-(s.lost / closed) if closed else 1.0, -s.lost, s.segment or "")


def _quotes(candidates: list[store.QuoteCandidate]) -> list[CompetitorQuote]:
    """Up to ``QUOTES`` of the newest items naming them, one per account before a second
    from any account, so one loud customer does not speak for the rest, and never the same
    words twice: a seller's "Also evaluating Jobber in parallel." on five deals is one quote,
    which says how many more items (of the newest ``QUOTE_POOL``) and accounts used them.
    """
    chosen: list[store.QuoteCandidate] = []
    seen: set[int | None] = set()
    said: set[str] = set()
    folded = {c.evidence_id: repeat_key(c.text) for c in candidates}
    for one_per_account in (True, False):
        for candidate in candidates:
            key = candidate.account_id
            key = key if key is not None else -candidate.evidence_id
            words = folded[candidate.evidence_id]
            if len(chosen) >= QUOTES or words in said or (one_per_account and key in seen):
                continue
            chosen.append(candidate)
            seen.add(key)
            said.add(words)
    chosen.sort(key=lambda c: (c.created_at, c.evidence_id), reverse=True)
    alike: dict[str, list[store.QuoteCandidate]] = defaultdict(list)
    for candidate in candidates:
        alike[folded[candidate.evidence_id]].append(candidate)
    quotes = []
    for c in chosen:
        others = [o for o in alike[folded[c.evidence_id]] if o.evidence_id != c.evidence_id]
        accounts = {o.account_id for o in others if o.account_id is not None} - {c.account_id}
        quotes.append(
            CompetitorQuote(
                c.evidence_id,
                _cut(" ".join(as_said(c.kind, c.text).split())),
                c.kind,
                c.created_at,
                c.account,
                c.mentioned_as,
                stance=c.stance,
                same_words=len(others),
                same_words_accounts=len(accounts),
            )
        )
    return quotes


def _cut(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"
