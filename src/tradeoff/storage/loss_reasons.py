"""Stored loss classifications: the classifier's rows, and people's corrections that stick.

A row with ``assigned_by = person`` is a user's correction. Every write here that comes from
the classifier is guarded in SQL (``assigned_by = 'model'``), so no code path, however it
is called, can overwrite a correction.

A lost deal stored as ``disqualified`` was never a real deal (a duplicate, spam, a test, an
unqualified lead): every figure of won and lost deals leaves it out through ``counted_deal``,
the one clause they share. SQL sees the stored category only, so a lost deal with no row yet
counts as a real loss until a classification run (every CRM import runs one) files it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session, aliased

from tradeoff.analysis.business.loss_reasons import NO_FIELD, CompetitorField
from tradeoff.domain.crm_ids import salesforce_id
from tradeoff.domain.deals import Deal, LossClassification
from tradeoff.domain.enums import AssignedBy, CompetitorKind, DealOutcome, LossCategory
from tradeoff.errors import Conflict, NotFound
from tradeoff.storage import repository
from tradeoff.storage.demand import DEAL_NOTE_PARTS
from tradeoff.storage.tables import (
    CompetitorRow,
    DealCompetitorRow,
    DealRow,
    EvidenceItemRow,
    LossClassificationRow,
)

#: Rows per executemany: far below SQLite's bound-parameter limit.
CHUNK = 2000


@dataclass(frozen=True)
class LostDeal:
    """What the classifier reads of one lost deal, and what is stored for it now."""

    deal_id: int
    reason: str | None
    notes: str | None
    stage: str | None
    stored: LossCategory | None
    stored_cues: tuple[str, ...]
    assigned_by: AssignedBy | None
    field: CompetitorField = NO_FIELD


#: Competitor kinds that are a product the buyer bought instead of ours.
PRODUCT_KINDS = (CompetitorKind.DIRECT, CompetitorKind.OTHER_CATEGORY)


def _fields() -> Subquery:
    """Per deal with a competitor field: whether it names a product rival, and the first
    (by name) alternative it names that is no product (``loss_reasons.CompetitorField``)."""
    product = CompetitorRow.kind.in_(PRODUCT_KINDS)
    return (
        select(
            DealCompetitorRow.deal_id,
            func.max(case((product, 1), else_=0)).label("product"),
            func.min(case((~product, CompetitorRow.name))).label("kept"),
        )
        .join(CompetitorRow, CompetitorRow.id == DealCompetitorRow.competitor_id)
        .group_by(DealCompetitorRow.deal_id)
        .subquery("competitor_fields")
    )


def _read_from(fields: Subquery) -> tuple[Any, ...]:
    """What a loss is classified from: its reason, notes and stage, and its competitor
    field (``_fields``)."""
    return (DealRow.loss_reason, DealRow.notes, DealRow.stage, fields.c.product, fields.c.kept)


def _field(product: int | None, kept: str | None) -> CompetitorField:
    return CompetitorField(bool(product), kept)


@dataclass(frozen=True)
class Verdict:
    deal_id: int
    category: LossCategory
    cues: tuple[str, ...]


@dataclass(frozen=True)
class CategoryTotal:
    category: LossCategory
    assigned_by: AssignedBy
    currency: str | None
    deals: int
    with_amount: int
    amount: Decimal


@dataclass(frozen=True)
class Correction:
    deal_id: int
    external_id: str
    name: str
    category: LossCategory
    loss_reason: str | None
    corrected_at: datetime


def lost_deals(session: Session, *, only_new: bool) -> list[LostDeal]:
    """Lost deals with their stored classification; ``only_new``: those without one."""
    row = LossClassificationRow
    fields = _fields()
    query = (
        select(
            DealRow.id,
            DealRow.loss_reason,
            DealRow.notes,
            DealRow.stage,
            row.category,
            row.cues,
            row.assigned_by,
            fields.c.product,
            fields.c.kept,
        )
        .outerjoin(row, row.deal_id == DealRow.id)
        .outerjoin(fields, fields.c.deal_id == DealRow.id)
        .where(DealRow.outcome == DealOutcome.LOST)
        .order_by(DealRow.id)
    )
    if only_new:
        query = query.where(row.deal_id.is_(None))
    return [
        LostDeal(i, r, n, st, c, tuple(cues or ()), a, _field(product, kept))
        for i, r, n, st, c, cues, a, product, kept in session.execute(query)
    ]


def _of_the_deal(item: type[EvidenceItemRow]) -> ColumnElement[bool]:
    """``item`` is one of the deal's notes (``importers.crm``: ``<deal id>:<field>``)."""
    return and_(
        item.source == DealRow.source,
        or_(*(item.external_id == DealRow.external_id + f":{f}" for f in DEAL_NOTE_PARTS)),
    )


def note_ids(session: Session, deal_ids: Sequence[int]) -> list[int]:
    """The evidence ids of these deals' notes (``<deal id>:description`` / ``:loss_reason``
    of the deal's source)."""
    item = EvidenceItemRow
    found: list[int] = []
    for start in range(0, len(deal_ids), CHUNK):
        query = (
            select(item.id)
            .select_from(DealRow)
            .join(
                item,
                _of_the_deal(item),
            )
            .where(DealRow.id.in_(deal_ids[start : start + CHUNK]))
        )
        found.extend(session.scalars(query))
    return found


@dataclass(frozen=True)
class LostDealNote:
    """A deal note (description or loss reason) of a lost deal, with the deal's stored
    category (None: no row yet) and what the classifier would read."""

    evidence_id: int
    stored: LossCategory | None
    reason: str | None
    notes: str | None
    stage: str | None
    field: CompetitorField


def lost_deal_notes(session: Session, of: Sequence[int] | None = None) -> list[LostDealNote]:
    """The deal notes of every lost deal (``<deal id>:description`` / ``:loss_reason`` of
    the deal's source), or of those of the evidence ids ``of``, with the deal's stored
    category: a person's correction, else the classifier's."""
    if of is not None:
        chunks = (of[at : at + CHUNK] for at in range(0, len(of), CHUNK))
        return [note for chunk in chunks for note in _lost_deal_notes(session, chunk)]
    return _lost_deal_notes(session, None)


def _lost_deal_notes(session: Session, of: Sequence[int] | None) -> list[LostDealNote]:
    item, row, fields = EvidenceItemRow, LossClassificationRow, _fields()
    query = (
        select(
            item.id,
            row.category,
            *_read_from(fields),
        )
        .select_from(DealRow)
        .join(
            item,
            _of_the_deal(item),
        )
        .outerjoin(row, row.deal_id == DealRow.id)
        .outerjoin(fields, fields.c.deal_id == DealRow.id)
        .where(DealRow.outcome == DealOutcome.LOST)
        .order_by(item.id)
    )
    if of is not None:
        query = query.where(item.id.in_(of))
    return [
        LostDealNote(i, c, r, n, st, _field(product, kept))
        for i, c, r, n, st, product, kept in session.execute(query)
    ]


def save_verdicts(session: Session, verdicts: Sequence[Verdict], at: datetime) -> None:
    """Insert the classifier's rows for deals that have none; update its own rows. Only
    changed verdicts should be passed (the caller compares), so reruns write nothing."""
    row = LossClassificationRow
    have: set[int] = set()
    ids = [v.deal_id for v in verdicts]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        have.update(session.scalars(select(row.deal_id).where(row.deal_id.in_(chunk))))
    fresh = [
        {
            "deal_id": v.deal_id,
            "category": v.category,
            "assigned_by": AssignedBy.MODEL,
            "cues": list(v.cues),
            "classified_at": at,
        }
        for v in verdicts
        if v.deal_id not in have
    ]
    changed = [
        {"row_id": v.deal_id, "new_category": v.category, "new_cues": list(v.cues), "at": at}
        for v in verdicts
        if v.deal_id in have
    ]
    for start in range(0, len(fresh), CHUNK):
        session.execute(insert(row), fresh[start : start + CHUNK])
    columns = row.__table__.c
    statement = (
        update(row)
        .where(row.deal_id == bindparam("row_id"), row.assigned_by == AssignedBy.MODEL)
        .values(
            category=bindparam("new_category", type_=columns.category.type),
            cues=bindparam("new_cues", type_=columns.cues.type),
            classified_at=bindparam("at", type_=columns.classified_at.type),
        )
    )
    for start in range(0, len(changed), CHUNK):
        session.connection().execute(statement, changed[start : start + CHUNK])


def drop_stale(session: Session) -> int:
    """Remove the classifier's rows for deals that are no longer lost (reopened, won)."""
    row = LossClassificationRow
    not_lost = select(DealRow.id).where(DealRow.outcome != DealOutcome.LOST)
    result = session.execute(
        delete(row).where(row.assigned_by == AssignedBy.MODEL, row.deal_id.in_(not_lost))
    )
    return int(getattr(result, "rowcount", 0) or 0)


def find_deal(session: Session, ref: str) -> Deal:
    """A deal by its internal id or by the CRM's own id (any source), a Salesforce id in
    either of its forms (a report's 15 characters name the deal Data Loader stored under 18).

    Digits name the internal id when such a deal exists; if a deal from a CRM also has those
    digits as its id, the reference is ambiguous and refused rather than guessed.
    """
    ref = ref.strip()
    forms = {ref, salesforce_id(ref)}
    by_external = session.scalars(select(DealRow).where(DealRow.external_id.in_(forms))).all()
    internal = session.get(DealRow, int(ref)) if ref.isdigit() and len(ref) < 18 else None
    found = {r.id: r for r in by_external}
    if internal is not None:
        found[internal.id] = internal
    if not found:
        raise NotFound(f"no deal with id or CRM id {ref!r}")
    if len(found) > 1:
        named = ", ".join(
            f"deal {r.id} ({r.source} {r.external_id})"
            for r in sorted(found.values(), key=lambda r: r.id)
        )
        raise Conflict(f"{ref!r} names several deals: {named}; use the internal id")
    return repository.to_domain(next(iter(found.values())), Deal)


def record_correction(
    session: Session, deal: Deal, category: LossCategory, at: datetime
) -> LossClassification | None:
    """Store a person's category for a lost deal; returns what was stored before, if any."""
    if deal.outcome is not DealOutcome.LOST:
        raise Conflict(f"deal {deal.id} is {deal.outcome.value}, not lost: it has no loss reason")
    assert deal.id is not None
    stored = session.get(LossClassificationRow, deal.id)
    before = repository.to_domain(stored, LossClassification) if stored is not None else None
    cues = before.cues if before is not None and before.assigned_by is AssignedBy.MODEL else []
    chosen = LossClassification(
        deal_id=deal.id,
        category=category,
        assigned_by=AssignedBy.PERSON,
        cues=cues,
        classified_at=at,
    )
    if stored is None:
        repository.add(session, chosen)
    else:
        repository.update(session, chosen)
    return before


def _deal_money() -> tuple[Any, ...]:
    """Per group: the currency, deals, deals with an amount, and their sum."""
    return (
        DealRow.currency,
        func.count(),
        func.count(DealRow.amount),
        func.coalesce(func.sum(DealRow.amount), 0),
    )


def category_totals(session: Session) -> list[CategoryTotal]:
    """Lost deals per stored category, who assigned it, and currency. Lost deals with no
    row yet are not here: ``unclassified_totals`` groups them for the classifier."""
    row = LossClassificationRow
    query = (
        select(
            row.category,
            row.assigned_by,
            *_deal_money(),
        )
        .select_from(DealRow)
        .join(row, row.deal_id == DealRow.id)
        .where(DealRow.outcome == DealOutcome.LOST)
        .group_by(row.category, row.assigned_by, DealRow.currency)
    )
    return [
        CategoryTotal(LossCategory(c), AssignedBy(a), cur, n, m, Decimal(str(s)))
        for c, a, cur, n, m, s in session.execute(query)
    ]


@dataclass(frozen=True)
class UnclassifiedTotal:
    """Lost deals with no stored category that said the same thing, per currency: what a
    read classifies in memory (once per distinct wording) without writing."""

    reason: str | None
    notes: str | None
    stage: str | None
    currency: str | None
    deals: int
    with_amount: int
    amount: Decimal
    field: CompetitorField = NO_FIELD


def unclassified_totals(
    session: Session, competitor_id: int | None = None
) -> list[UnclassifiedTotal]:
    """Lost deals without a classification row, grouped by (reason, notes, stage, currency);
    only those the competitor ``competitor_id`` was present in, when given."""
    row, fields = LossClassificationRow, _fields()
    query = (
        select(
            *_read_from(fields),
            *_deal_money(),
        )
        .select_from(DealRow)
        .outerjoin(row, row.deal_id == DealRow.id)
        .outerjoin(fields, fields.c.deal_id == DealRow.id)
        .where(DealRow.outcome == DealOutcome.LOST, row.deal_id.is_(None))
        .group_by(
            *_read_from(fields),
            DealRow.currency,
        )
    )
    if competitor_id is not None:
        present = DealCompetitorRow
        query = query.join(present, present.deal_id == DealRow.id).where(
            present.competitor_id == competitor_id
        )
    return [
        UnclassifiedTotal(r, n, st, cur, d, m, Decimal(str(s)), _field(product, kept))
        for r, n, st, product, kept, cur, d, m, s in session.execute(query)
    ]


def corrections(session: Session) -> list[Correction]:
    """Every person's correction, newest first."""
    row = LossClassificationRow
    query = (
        select(
            DealRow.id,
            DealRow.external_id,
            DealRow.name,
            row.category,
            DealRow.loss_reason,
            row.classified_at,
        )
        .join(row, and_(row.deal_id == DealRow.id, row.assigned_by == AssignedBy.PERSON))
        .order_by(row.classified_at.desc(), DealRow.id)
    )
    return [Correction(*r) for r in session.execute(query)]


def disqualified_deals() -> Select[Any]:
    """Ids of lost deals stored as disqualified. Uncorrelated, so each engine reads it once
    per query (SQLite: one temporary index; PostgreSQL: a hashed subplan). A won or open
    deal is never here, even with a person's old "disqualified" row from when it was lost."""
    deal = aliased(DealRow)
    row = LossClassificationRow
    return (
        select(row.deal_id)
        .join(deal, deal.id == row.deal_id)
        .where(row.category == LossCategory.DISQUALIFIED, deal.outcome == DealOutcome.LOST)
    )


def counted_deal(deal_id: Any = None) -> ColumnElement[bool]:
    """True for every deal a won / lost figure counts: all but lost deals stored as
    disqualified. ``deal_id`` is the deal id column to test (``deals.id`` by default)."""
    column = DealRow.id if deal_id is None else deal_id
    return column.not_in(disqualified_deals())


@dataclass(frozen=True)
class CategoryDeal:
    """One lost deal filed in a category, with what decided it: a list to check and correct."""

    deal_id: int
    external_id: str
    name: str
    amount: Decimal | None
    currency: str | None
    stage: str | None
    loss_reason: str | None
    cues: tuple[str, ...]
    assigned_by: AssignedBy


def category_deals(session: Session, category: LossCategory) -> list[CategoryDeal]:
    """The lost deals stored in ``category``, largest amount first (one row per deal: the
    list a person reads, not an aggregate)."""
    row = LossClassificationRow
    query = (
        select(
            DealRow.id,
            DealRow.external_id,
            DealRow.name,
            DealRow.amount,
            DealRow.currency,
            DealRow.stage,
            DealRow.loss_reason,
            row.cues,
            row.assigned_by,
        )
        .join(row, row.deal_id == DealRow.id)
        .where(row.category == category, DealRow.outcome == DealOutcome.LOST)
        .order_by(DealRow.amount.desc().nulls_last(), DealRow.id)
    )
    return [
        CategoryDeal(i, e, n, a, c, st, r, tuple(cues or ()), AssignedBy(by))
        for i, e, n, a, c, st, r, cues, by in session.execute(query)
    ]
