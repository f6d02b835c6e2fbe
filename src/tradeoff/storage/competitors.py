"""The head-to-head record against each competitor, counted in the database.

A competitor is *present* in a deal when a ``deal_competitors`` row links them (from the
CRM's competitor field or found in the deal's notes); the primary key (deal, competitor)
makes every deal count once per competitor, so money is summed once per deal. A lost deal
stored as disqualified (never a real deal) counts in *deals met* when it names them, and in
nothing else: not lost, not revenue lost, not a segment's or a quarter's record, not a loss
reason (``loss_reasons.counted_deal``). Sums are per
currency: converting them is the caller's job (``analysis.business.money``), because a
missing rate must be said, not guessed. Every query groups in SQL and returns a handful of
rows per competitor, so the cost does not grow with what Python holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    case,
    cast,
    func,
    or_,
    select,
    union,
)
from sqlalchemy.orm import Session

from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import (
    DealOutcome,
    EvidenceKind,
    LossCategory,
    MentionStance,
    ThemeStatus,
)
from tradeoff.storage import repository
from tradeoff.storage.loss_reasons import counted_deal
from tradeoff.storage.tables import (
    AccountRow,
    CompetitorMentionRow,
    CompetitorMentionStanceRow,
    DealCompetitorRow,
    DealRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    LossClassificationRow,
    ThemeRow,
)

#: Per currency (None: no currency recorded) → summed amount.
BySum = dict[str | None, Decimal]
#: How many mentioning items ``quote_candidates`` reads before choosing quotes.
QUOTE_POOL = 200


@dataclass
class Tally:
    """One competitor's deals by outcome, and the amounts of its lost and open deals."""

    won: int = 0
    lost: int = 0
    open: int = 0
    lost_amounts: BySum = field(default_factory=dict)
    open_amounts: BySum = field(default_factory=dict)
    mentions: int = 0
    #: Of ``mentions``, items naming them as the tool the customer left for us, and as one
    #: they weigh leaving for (``analysis.business.mention_stance``).
    came_from: int = 0
    leaving_for: int = 0
    #: Lost deals stored as disqualified that named them: met, never lost.
    disqualified: int = 0
    #: Lost and open deals with no amount: counted in ``lost`` / ``open``, never summed.
    lost_unpriced: int = 0
    open_unpriced: int = 0

    @property
    def deals(self) -> int:
        return self.won + self.lost + self.open + self.disqualified


@dataclass(frozen=True)
class SegmentTally:
    segment: str | None
    won: int
    lost: int
    open: int


@dataclass(frozen=True)
class LossTally:
    category: LossCategory
    deals: int
    amounts: BySum
    #: Of ``deals``, those with an amount.
    priced: int = 0


@dataclass(frozen=True)
class ThemeTally:
    theme_id: int
    name: str
    evidence: int
    accounts: int
    #: Of ``evidence``, the items that name the competitor themselves.
    naming: int


@dataclass(frozen=True)
class QuoteCandidate:
    evidence_id: int
    text: str
    kind: EvidenceKind
    created_at: datetime
    account_id: int | None
    account: str | None
    mentioned_as: str
    stance: MentionStance = MentionStance.NAMED


@dataclass(frozen=True)
class QuarterTally:
    quarter: str
    met: int
    won: int
    lost: int


def competitors(session: Session) -> list[Competitor]:
    return repository.list_all(session, Competitor)


def tallies(session: Session, competitor_id: int | None = None) -> dict[int, Tally]:
    """Outcomes, lost and open amounts per currency, and evidence items naming them (copies
    of the same words once), per competitor: three GROUP BY queries however many deals."""
    link, deal, mention = DealCompetitorRow, DealRow, CompetitorMentionRow
    # "+ 0" keeps SQLite from walking the competitor index and fetching deals in random
    # order: it scans the links in deal order instead (0.12 s instead of 0.38 s at 150,000).
    owner = link.competitor_id + 0
    real = case((counted_deal(deal.id), 1), else_=0).label("real")
    query = (
        select(
            owner,
            deal.outcome,
            real,
            deal.currency,
            func.count(),
            func.count(deal.amount),
            func.sum(deal.amount),
        )
        .join(deal, deal.id == link.deal_id)
        .group_by(owner, deal.outcome, real, deal.currency)
    )
    # All mentions from the competitor index, less those of copies (few, found by the
    # duplicate index): joining every mention to its item costs 0.36 s at 100,000.
    mentions = select(mention.competitor_id, func.count()).group_by(mention.competitor_id)
    copies = mentions.where(
        mention.evidence_id.in_(
            select(EvidenceItemRow.id).where(EvidenceItemRow.duplicate_of_id.is_not(None))
        )
    )
    if competitor_id is not None:
        query = query.where(link.competitor_id == competitor_id)
        mentions = mentions.where(mention.competitor_id == competitor_id)
        copies = copies.where(mention.competitor_id == competitor_id)
    found: dict[int, Tally] = {}
    for cid, outcome, real, currency, deals, priced, amount in session.execute(query):
        tally = found.setdefault(cid, Tally())
        if not real:
            tally.disqualified += deals
            continue
        setattr(tally, outcome.value, getattr(tally, outcome.value) + deals)
        if outcome is DealOutcome.WON:
            continue
        lost = outcome is DealOutcome.LOST
        if lost:
            tally.lost_unpriced += deals - priced
        else:
            tally.open_unpriced += deals - priced
        if amount is not None:
            sums = tally.lost_amounts if lost else tally.open_amounts
            sums[currency] = sums.get(currency, Decimal(0)) + Decimal(amount)
    for cid, count in session.execute(mentions):
        found.setdefault(cid, Tally()).mentions = count
    for cid, count in session.execute(copies):
        found[cid].mentions -= count
    for cid, stance, count in session.execute(_stance_counts(competitor_id)):
        tally = found.setdefault(cid, Tally())
        if stance is MentionStance.CAME_FROM:
            tally.came_from = count
        else:
            tally.leaving_for = count
    return found


def _stance_counts(competitor_id: int | None) -> Select[int, MentionStance, int]:
    """Mentions with a stance per competitor, copies of the same words left out; few rows."""
    stance = CompetitorMentionStanceRow
    query = (
        select(stance.competitor_id, stance.stance, func.count())
        .join(EvidenceItemRow, EvidenceItemRow.id == stance.evidence_id)
        .where(EvidenceItemRow.duplicate_of_id.is_(None))
        .group_by(stance.competitor_id, stance.stance)
    )
    if competitor_id is not None:
        query = query.where(stance.competitor_id == competitor_id)
    return query


def segments(session: Session, competitor_id: int) -> list[SegmentTally]:
    """Deals with the competitor present, by the account's segment and outcome."""
    query = (
        select(AccountRow.segment, DealRow.outcome, func.count())
        .select_from(DealCompetitorRow)
        .join(DealRow, DealRow.id == DealCompetitorRow.deal_id)
        .outerjoin(AccountRow, AccountRow.id == DealRow.account_id)
        .where(DealCompetitorRow.competitor_id == competitor_id, counted_deal())
        .group_by(AccountRow.segment, DealRow.outcome)
    )
    counts: dict[str | None, dict[DealOutcome, int]] = {}
    for segment, outcome, deals in session.execute(query):
        counts.setdefault(segment, {})[outcome] = deals
    return [
        SegmentTally(
            segment,
            by.get(DealOutcome.WON, 0),
            by.get(DealOutcome.LOST, 0),
            by.get(DealOutcome.OPEN, 0),
        )
        for segment, by in counts.items()
    ]


def loss_reasons(session: Session, competitor_id: int) -> list[LossTally]:
    """Lost deals with the competitor present, by saved loss category and currency. Deals
    with no saved category are not here: ``loss_reasons.unclassified_totals`` groups them
    for the classifier, so a read classifies them in memory without writing."""
    category = LossClassificationRow.category
    query = (
        select(
            category,
            DealRow.currency,
            func.count(),
            func.count(DealRow.amount),
            func.sum(DealRow.amount),
        )
        .select_from(DealCompetitorRow)
        .join(DealRow, DealRow.id == DealCompetitorRow.deal_id)
        .join(LossClassificationRow, LossClassificationRow.deal_id == DealRow.id)
        .where(
            DealCompetitorRow.competitor_id == competitor_id,
            DealRow.outcome == DealOutcome.LOST,
            category != LossCategory.DISQUALIFIED,
        )
        .group_by(category, DealRow.currency)
    )
    deals: dict[LossCategory, int] = {}
    priced: dict[LossCategory, int] = {}
    amounts: dict[LossCategory, BySum] = {}
    for raw, currency, count, with_amount, amount in session.execute(query):
        key = LossCategory(raw.value if isinstance(raw, LossCategory) else raw)
        deals[key] = deals.get(key, 0) + count
        priced[key] = priced.get(key, 0) + with_amount
        sums = amounts.setdefault(key, {})
        if amount is not None:
            sums[currency] = sums.get(currency, Decimal(0)) + Decimal(amount)
    return [LossTally(c, deals[c], amounts[c], priced[c]) for c in deals]


def present_accounts(competitor_id: int) -> Select[Any]:
    return (
        select(DealRow.account_id)
        .join(DealCompetitorRow, DealCompetitorRow.deal_id == DealRow.id)
        .where(DealCompetitorRow.competitor_id == competitor_id, DealRow.account_id.is_not(None))
    )


def naming_items(competitor_id: int) -> Select[Any]:
    return select(CompetitorMentionRow.evidence_id).where(
        CompetitorMentionRow.competitor_id == competitor_id
    )


def themes_raised(session: Session, competitor_id: int) -> list[ThemeTally]:
    """Active themes of the evidence from accounts of deals where the competitor is present,
    and of the evidence naming them; copies of the same words count once."""
    item = EvidenceItemRow
    relevant = union(
        select(item.id).where(item.account_id.in_(present_accounts(competitor_id))),
        naming_items(competitor_id),
    ).subquery()
    names_them = item.id.in_(naming_items(competitor_id))
    query = (
        select(
            ThemeRow.id,
            ThemeRow.name,
            func.count(item.id.distinct()),
            func.count(item.account_id.distinct()),
            func.count(case((names_them, item.id)).distinct()),
        )
        .select_from(EvidenceThemeRow)
        .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
        .join(item, item.id == EvidenceThemeRow.evidence_id)
        .where(
            ThemeRow.status == ThemeStatus.ACTIVE,
            ThemeRow.parent_id.is_(None),  # a sub-theme would repeat its theme's items
            item.id.in_(select(relevant.c.id)),
            item.duplicate_of_id.is_(None),
        )
        .group_by(ThemeRow.id, ThemeRow.name)
    )
    return [ThemeTally(*row) for row in session.execute(query)]


def quote_candidates(session: Session, competitor_id: int) -> list[QuoteCandidate]:
    """The latest items naming the competitor (copies left out), newest first."""
    item, stance = EvidenceItemRow, CompetitorMentionStanceRow
    query = (
        select(
            item.id,
            item.text,
            item.kind,
            item.created_at,
            item.account_id,
            AccountRow.name,
            CompetitorMentionRow.mentioned_as,
            func.coalesce(stance.stance, MentionStance.NAMED.value),
        )
        .join(CompetitorMentionRow, CompetitorMentionRow.evidence_id == item.id)
        .outerjoin(
            stance,
            (stance.evidence_id == item.id) & (stance.competitor_id == competitor_id),
        )
        .outerjoin(AccountRow, AccountRow.id == item.account_id)
        .where(CompetitorMentionRow.competitor_id == competitor_id, item.duplicate_of_id.is_(None))
        .order_by(item.created_at.desc(), item.id.desc())
        .limit(QUOTE_POOL)
    )
    return [
        QuoteCandidate(*row[:-1], stance=MentionStance(row[-1])) for row in session.execute(query)
    ]


def quarters(session: Session, competitor_id: int) -> list[QuarterTally]:
    """Deals met by the quarter they were created in (their close date when they have no
    creation date), and won and lost by the quarter they closed in (else created in)."""
    deal = DealRow
    met_on = func.coalesce(deal.created_at, deal.closed_at)
    closed_on = func.coalesce(deal.closed_at, deal.created_at)
    present = deal.id.in_(
        select(DealCompetitorRow.deal_id).where(DealCompetitorRow.competitor_id == competitor_id)
    )
    met_q = _quarter_of(session, met_on)
    closed_q = _quarter_of(session, closed_on)
    met = select(met_q, func.count()).where(present, met_on.is_not(None)).group_by(met_q)
    closed = (
        select(closed_q, deal.outcome, func.count())
        .where(
            present,
            closed_on.is_not(None),
            or_(deal.outcome == DealOutcome.WON, deal.outcome == DealOutcome.LOST),
            counted_deal(deal.id),
        )
        .group_by(closed_q, deal.outcome)
    )
    rows: dict[str, list[int]] = {}
    for quarter, count in session.execute(met):
        rows.setdefault(quarter, [0, 0, 0])[0] += count
    for quarter, outcome, count in session.execute(closed):
        rows.setdefault(quarter, [0, 0, 0])[1 if outcome is DealOutcome.WON else 2] += count
    return [QuarterTally(q, *rows[q]) for q in sorted(rows)]


def _quarter_of(session: Session, moment: ColumnElement[Any]) -> ColumnElement[str]:
    """'2026-Q3' for a UTC timestamp, on either engine."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", moment), 'YYYY-"Q"Q')
    # SQLite keeps UTC as naive text ("2026-03-01 09:30:00.000000").
    month = cast(func.strftime("%m", moment), Integer)
    return func.strftime("%Y", moment) + "-Q" + cast((month + 2) // 3, String)


def mentioned_names(session: Session, competitor_id: int) -> dict[str, int]:
    """Each way the competitor was written in deals and evidence, with how often."""
    said: dict[str, int] = {}
    queries: tuple[Select[Any, int], ...] = (
        select(DealCompetitorRow.mentioned_as, func.count())
        .where(DealCompetitorRow.competitor_id == competitor_id)
        .group_by(DealCompetitorRow.mentioned_as),
        select(CompetitorMentionRow.mentioned_as, func.count())
        .where(CompetitorMentionRow.competitor_id == competitor_id)
        .group_by(CompetitorMentionRow.mentioned_as),
    )
    for query in queries:
        for name, count in session.execute(query):
            if name is not None:
                said[name] = said.get(name, 0) + count
    return said
