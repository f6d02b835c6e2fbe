"""Stored classifications: idempotent runs, corrections that stick, and the breakdown recounted."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from tests.business.world import RATES, World
from tradeoff.analysis.business.loss_reasons import classify_loss
from tradeoff.analysis.business.loss_taxonomy import (
    classify_losses,
    correct_loss,
    loss_breakdown,
)
from tradeoff.domain.deals import Deal, LossClassification
from tradeoff.domain.enums import AssignedBy, DealOutcome, LossCategory
from tradeoff.errors import Conflict, NotFound
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session


def stored(engine: Engine) -> dict[int, LossClassification]:
    with read_session(engine) as session:
        return {c.deal_id: c for c in repository.list_all(session, LossClassification)}


def lost(world: World) -> list[Deal]:
    return [d for d in world.deals if d.outcome is DealOutcome.LOST]


def test_every_lost_deal_gets_the_classifiers_verdict(engine: Engine, world: World) -> None:
    run = classify_losses(engine)
    assert (run.examined, run.written, run.corrections_kept) == (6, 6, 0)
    rows = stored(engine)
    assert set(rows) == {d.id for d in lost(world)}
    for deal in lost(world):
        assert deal.id is not None
        verdict = classify_loss(deal.loss_reason, deal.notes)
        row = rows[deal.id]
        assert (row.category, tuple(row.cues), row.assigned_by) == (
            verdict.category,
            verdict.cues,
            AssignedBy.MODEL,
        )
    by_reason = {d.loss_reason: rows[d.id or 0].category for d in lost(world)}
    assert by_reason == {
        "Too expensive for their budget this year": LossCategory.PRICE_BUDGET,
        "Went with Dynamics — missing bulk export": LossCategory.PRODUCT_GAP,
        "No decision - project postponed": LossCategory.TIMING_NO_DECISION,
        "Decided to keep using spreadsheets": LossCategory.STATUS_QUO,
        "Did not trust a vendor this young": LossCategory.CONFIDENCE_RISK,
        "Lost to an agency that builds it for them": LossCategory.STATUS_QUO,
    }


def test_a_second_run_writes_nothing(engine: Engine, world: World) -> None:
    classify_losses(engine)
    first = stored(engine)
    again = classify_losses(engine)
    assert again.written == 0
    assert classify_losses(engine, only_new=True).examined == 0
    assert stored(engine) == first  # classified_at included: nothing was rewritten


def test_a_correction_sticks_after_reclassification(engine: Engine, world: World) -> None:
    classify_losses(engine)
    juniper = next(d for d in lost(world) if d.loss_reason and "agency" in d.loss_reason)
    result = correct_loss(engine, juniper.external_id, LossCategory.ALIGNMENT)
    assert result.before is not None
    assert result.before.category is LossCategory.STATUS_QUO
    assert juniper.id is not None
    with write_session(engine) as session:  # the reason changes on a re-import
        repository.update(session, replace(juniper, loss_reason="Too expensive"))
    run = classify_losses(engine)
    assert run.corrections_kept == 1
    row = stored(engine)[juniper.id]
    assert (row.category, row.assigned_by) == (LossCategory.ALIGNMENT, AssignedBy.PERSON)
    assert row.cues == ["agency", "builds it"]  # what the classifier had said, kept as context


def test_a_changed_reason_is_reclassified_and_a_reopened_deal_dropped(
    engine: Engine, world: World
) -> None:
    classify_losses(engine)
    cobalt, harbor = lost(world)[0], lost(world)[3]
    assert cobalt.id is not None
    assert harbor.id is not None
    with write_session(engine) as session:
        repository.update(session, replace(cobalt, loss_reason="Champion left"))
        repository.update(
            session, replace(harbor, outcome=DealOutcome.OPEN, loss_reason=None, closed_at=None)
        )
    assert classify_losses(engine, only_new=True).written == 0  # only new deals: not these
    run = classify_losses(engine)
    assert (run.written, run.dropped) == (1, 1)
    rows = stored(engine)
    assert rows[cobalt.id].category is LossCategory.RELATIONSHIP
    assert harbor.id not in rows


def test_a_deal_is_found_by_internal_or_crm_id(engine: Engine, world: World) -> None:
    cobalt = lost(world)[0]
    assert cobalt.id is not None
    by_crm = correct_loss(engine, cobalt.external_id, LossCategory.VALUE_NOT_PROVEN)
    by_id = correct_loss(engine, str(cobalt.id), LossCategory.PRICE_BUDGET)
    assert by_crm.deal.id == by_id.deal.id == cobalt.id
    assert by_id.before is not None
    assert by_id.before.assigned_by is AssignedBy.PERSON  # a correction replaces a correction
    assert stored(engine)[cobalt.id].category is LossCategory.PRICE_BUDGET
    with pytest.raises(NotFound, match="no deal"):
        correct_loss(engine, "nope", LossCategory.PRICE_BUDGET)
    with pytest.raises(Conflict, match="open, not lost"):
        correct_loss(engine, world.deals[1].external_id, LossCategory.PRICE_BUDGET)


def test_digits_naming_two_deals_are_refused(engine: Engine, world: World) -> None:
    cobalt = lost(world)[0]
    with write_session(engine) as session:
        repository.add(
            session,
            Deal(source="hubspot", external_id=str(cobalt.id), name="HubSpot deal", outcome="lost"),
        )
    with pytest.raises(Conflict, match="several deals"):
        correct_loss(engine, str(cobalt.id), LossCategory.PRICE_BUDGET)


def test_breakdown_recounts_deals_revenue_and_corrections(engine: Engine, world: World) -> None:
    classify_losses(engine)
    correct_loss(engine, lost(world)[0].external_id, LossCategory.ALIGNMENT)
    found = loss_breakdown(engine)
    with engine.connect() as connection:  # recounted with plain SQL and plain Python
        rows = connection.execute(
            text(
                "SELECT c.category, c.assigned_by, d.amount, d.currency FROM deals d "
                "JOIN loss_classifications c ON c.deal_id = d.id WHERE d.outcome = 'lost'"
            )
        ).all()
    assert {c.category for c in found.categories} == set(LossCategory)
    for share in found.categories:
        mine = [r for r in rows if r.category == share.category.value]
        assert share.deals == len(mine)
        assert share.corrected == sum(r.assigned_by == "person" for r in mine)
        assert share.with_amount == sum(r.amount is not None for r in mine)
        expected = sum(
            (
                Decimal(str(r.amount)) * (RATES.get(r.currency) or Decimal(1))
                for r in mine
                if r.amount
            ),
            Decimal(0),
        )
        assert share.lost_revenue.amount.quantize(Decimal("0.01")) == expected.quantize(
            Decimal("0.01")
        )
    revenue = [s.lost_revenue.amount for s in found.categories]
    assert revenue == sorted(revenue, reverse=True)
    assert [(c.external_id, c.category) for c in found.corrections] == [
        (lost(world)[0].external_id, LossCategory.ALIGNMENT)
    ]
