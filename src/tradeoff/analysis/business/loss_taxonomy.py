"""Classifying lost deals into the taxonomy, recording corrections, and the breakdown.

When it writes: a CRM import that changed deals classifies every lost deal in the same
transaction (``importers.batch``), and ``tradeoff sales`` and ``tradeoff loss-reasons`` first
classify lost deals that have none yet (cheap, idempotent: a second run writes nothing).
``tradeoff classify-losses`` re-reads *every* lost deal: run it after the keyword lists
changed. None of them ever touches a person's correction.

Reads never write: a page or a brief (a GET) classifies the lost deals still without a row in
memory, with the same classifier, and says how many it did (``LossBreakdown.on_the_fly``).
The classifier is read once per distinct (reason, notes) pair, so picklist reasons shared by
thousands of deals cost one classification.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.analysis.business.loss_disqualified import disqualified_by
from tradeoff.analysis.business.loss_reasons import (
    NO_FIELD,
    CompetitorField,
    LossVerdict,
    classify_loss,
)
from tradeoff.analysis.business.loss_sayings import saying_verdict
from tradeoff.analysis.business.money import ZERO, Money, convert
from tradeoff.domain.deals import Deal, LossClassification
from tradeoff.domain.enums import AssignedBy, LossCategory
from tradeoff.storage import loss_reasons as stored
from tradeoff.storage.currency import base_currency, rates
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.themes import unfile_by_model

#: Lost-deal classes that say nothing of the product: a note of a deal in one joins no
#: theme (``analysis.seller_notes``), so a deal moved into one has its notes unfiled.
NOT_THE_PRODUCT = frozenset(
    {
        LossCategory.PRICE_BUDGET,
        LossCategory.TIMING_NO_DECISION,
        LossCategory.RELATIONSHIP,
        LossCategory.STATUS_QUO,
        LossCategory.VALUE_NOT_PROVEN,
        LossCategory.DISQUALIFIED,
    }
)


@dataclass(frozen=True)
class ClassificationRun:
    """What one run did: lost deals read, rows written, corrections left as they were."""

    examined: int
    written: int
    corrections_kept: int
    dropped: int


@dataclass(frozen=True)
class CategoryShare:
    category: LossCategory
    deals: int
    #: Of ``deals``, how many a person put here.
    corrected: int
    with_amount: int
    lost_revenue: Money

    def to_json(self) -> dict[str, object]:
        return {
            "category": self.category.value,
            "deals": self.deals,
            "corrected": self.corrected,
            "deals_with_amount": self.with_amount,
            "lost_revenue": self.lost_revenue.to_json(),
        }


@dataclass(frozen=True)
class LossBreakdown:
    """Every category (empty ones too, so the taxonomy is always visible) and corrections."""

    categories: tuple[CategoryShare, ...]
    corrections: tuple[stored.Correction, ...]
    #: Lost deals with no stored category, classified in memory for this answer (not saved).
    on_the_fly: int = 0
    #: Lost deals *stored* as disqualified: those every win rate and lost-revenue figure
    #: leaves out (SQL reads the stored category; ``on_the_fly`` ones still count).
    left_out: CategoryShare | None = None

    @property
    def lost_deals(self) -> int:
        return sum(c.deals for c in self.categories)

    def to_json(self) -> dict[str, object]:
        return {
            "lost_deals": self.lost_deals,
            "categories": [c.to_json() for c in self.categories],
            "classified_on_the_fly": self.on_the_fly,
            "disqualified_left_out": None if self.left_out is None else self.left_out.to_json(),
            "corrections": [
                {
                    "deal_id": c.deal_id,
                    "external_id": c.external_id,
                    "name": c.name,
                    "category": c.category.value,
                    "loss_reason": c.loss_reason,
                    "corrected_at": c.corrected_at.isoformat(),
                }
                for c in self.corrections
            ],
        }


@lru_cache(maxsize=4096)
def loss_verdict(
    reason: str | None,
    notes: str | None,
    stage: str | None = None,
    field: CompetitorField = NO_FIELD,
) -> LossVerdict:
    """The category every run and read gives a lost deal: ``disqualified`` when its reason or
    stage says it was never a real deal (``loss_disqualified``), else what a reason with no
    keyword says by a seller's saying ("we don't offer it", "decided to keep paper";
    ``loss_sayings``), else ``classify_loss`` of its reason, competitor field and notes.
    Remembered per wording: lost deals repeat their reasons and stages."""
    never_real = disqualified_by(reason, stage)
    if never_real:
        return LossVerdict(LossCategory.DISQUALIFIED, never_real)
    return saying_verdict(reason) or classify_loss(reason, notes, field)


def notes_of_deals_in(
    session: Session, categories: Collection[LossCategory], of: Sequence[int] | None = None
) -> frozenset[int]:
    """The evidence ids (of ``of``, when given) of the deal notes of lost deals in
    ``categories``: by a person's correction, else the stored classification, else (no row
    yet) ``loss_verdict``."""
    return frozenset(
        note.evidence_id
        for note in stored.lost_deal_notes(session, of)
        if (note.stored or loss_verdict(note.reason, note.notes, note.stage, note.field).category)
        in categories
    )


def classify_in(
    session: Session, *, only_new: bool, now: datetime | None = None
) -> ClassificationRun:
    """Classify lost deals in an open write session (see the module docstring)."""
    at = now or datetime.now(UTC)
    deals = stored.lost_deals(session, only_new=only_new)
    changed: list[stored.Verdict] = []
    kept = 0
    for deal in deals:
        if deal.assigned_by is AssignedBy.PERSON:
            kept += 1
            continue
        verdict = loss_verdict(deal.reason, deal.notes, deal.stage, deal.field)
        if deal.stored is verdict.category and deal.stored_cues == verdict.cues:
            continue
        changed.append(stored.Verdict(deal.deal_id, verdict.category, verdict.cues))
    stored.save_verdicts(session, changed, at)
    was = {deal.deal_id: deal.stored for deal in deals}
    _unfile_notes(session, [v.deal_id for v in changed if _benched_now(was[v.deal_id], v.category)])
    dropped = 0 if only_new else stored.drop_stale(session)
    return ClassificationRun(len(deals), len(changed), kept, dropped)


def classify_losses(engine: Engine, *, only_new: bool = False) -> ClassificationRun:
    """Classify lost deals; corrections stay. Example: classify_losses(engine).written"""
    with write_session(engine) as session:
        return classify_in(session, only_new=only_new)


@dataclass(frozen=True)
class CorrectionResult:
    deal: Deal
    before: LossClassification | None
    category: LossCategory


def correct_loss(engine: Engine, deal_ref: str, category: LossCategory) -> CorrectionResult:
    """Record a person's category for a lost deal (by internal id or CRM id). It sticks:
    re-classification never overwrites it; a later correction replaces it.

    Example: correct_loss(engine, "0060000003", LossCategory.PRICE_BUDGET)
    """
    with write_session(engine) as session:
        deal = stored.find_deal(session, deal_ref)
        before = stored.record_correction(session, deal, category, datetime.now(UTC))
        assert deal.id is not None
        if _benched_now(before.category if before is not None else None, category):
            _unfile_notes(session, [deal.id])
    return CorrectionResult(deal, before, category)


def _benched_now(before: LossCategory | None, after: LossCategory) -> bool:
    return after in NOT_THE_PRODUCT and before not in NOT_THE_PRODUCT


def _unfile_notes(session: Session, deal_ids: list[int]) -> None:
    """Take the notes of deals just moved into a ``NOT_THE_PRODUCT`` class out of the
    themes the model filed them in: the next analysis, incremental too, tries them again
    and leaves them unsorted (``analysis.seller_notes``); a person's filing stays."""
    if deal_ids:
        unfile_by_model(session, stored.note_ids(session, deal_ids))


def category_share(
    totals: list[stored.CategoryTotal],
    category: LossCategory,
    rates: Mapping[str, Decimal],
    base: str,
) -> CategoryShare:
    """The deals and lost revenue of one category, from per-currency totals."""
    mine = [t for t in totals if t.category is category]
    sums: dict[str | None, Decimal] = {}
    for t in mine:
        sums[t.currency] = sums.get(t.currency, ZERO) + t.amount
    return CategoryShare(
        category=category,
        deals=sum(t.deals for t in mine),
        corrected=sum(t.deals for t in mine if t.assigned_by is AssignedBy.PERSON),
        with_amount=sum(t.with_amount for t in mine),
        lost_revenue=convert(sums, rates, base),
    )


def category_shares(
    totals: list[stored.CategoryTotal], rates: Mapping[str, Decimal], base: str
) -> tuple[CategoryShare, ...]:
    """Every category, largest lost revenue first; ``disqualified`` last: it is no loss."""
    shares = [category_share(totals, category, rates, base) for category in LossCategory]
    return tuple(
        sorted(
            shares,
            key=lambda s: (
                s.category is LossCategory.DISQUALIFIED,
                s.lost_revenue.rank,
                -s.deals,
            ),
        )
    )


def breakdown_in(session: Session) -> LossBreakdown:
    """The breakdown as stored, with lost deals not classified yet classified in memory:
    the same figures a write would give, and nothing written (a GET stays a read)."""
    totals = stored.category_totals(session)
    known, base = rates(session), base_currency(session)
    left_out = category_share(totals, LossCategory.DISQUALIFIED, known, base)
    pending = stored.unclassified_totals(session)
    for group in pending:
        verdict = loss_verdict(group.reason, group.notes, group.stage, group.field)
        totals.append(
            stored.CategoryTotal(
                verdict.category,
                AssignedBy.MODEL,
                group.currency,
                group.deals,
                group.with_amount,
                group.amount,
            )
        )
    return LossBreakdown(
        category_shares(totals, known, base),
        tuple(stored.corrections(session)),
        on_the_fly=sum(g.deals for g in pending),
        left_out=left_out,
    )


def loss_breakdown(engine: Engine, *, classify: bool = False) -> LossBreakdown:
    """Lost deals and revenue per category, largest revenue first, with every correction.
    ``classify`` first writes the classification of new lost deals (the CLI does); without
    it nothing is written and new lost deals are classified in memory.

    Example: loss_breakdown(engine).categories[0].category
    """
    if classify:
        classify_losses(engine, only_new=True)
    with read_session(engine) as session:
        return breakdown_in(session)


def deals_in_category(
    engine: Engine, category: LossCategory, *, classify: bool = False
) -> list[stored.CategoryDeal]:
    """The lost deals stored in ``category``, with their cues and who decided: the list to
    check, e.g. every deal left out as disqualified. ``classify`` first files new lost deals.

    Example: deals_in_category(engine, LossCategory.DISQUALIFIED)[0].cues
    """
    if classify:
        classify_losses(engine, only_new=True)
    with read_session(engine) as session:
        return stored.category_deals(session, category)
