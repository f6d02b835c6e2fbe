"""A lost deal's class decides before its note's words: a note of a deal never real
("Duplicate deal") or lost for a commercial reason (by the taxonomy or a person's
correction) joins no theme, however close its words sit to one (a QA corpus filed the loss
reason "Duplicate deal" into the theme of orders imported twice)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from tests.analysis.test_seller_notes import PRODUCT, filed_themes, main_theme
from tests.analysis.themed import add_tickets, intent_rows
from tradeoff.analysis.business.loss_taxonomy import classify_losses, correct_loss
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import DealOutcome, EvidenceKind, LossCategory
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

PENDING = next(note for note, intent in PRODUCT.items() if intent == "pending_transfer")
#: CRM id → (stage, loss reason, description): every note speaks of pending transfers.
DEALS = {
    "301": ("Closed Lost", PENDING, ""),
    "302": ("Closed Lost - Duplicate", PENDING, ""),
    "303": ("Closed Lost", PENDING, "They need transfers that do not sit pending for a week"),
}


def add_deals(engine: Engine) -> dict[str, int]:
    """The deals and their notes as a CRM import writes them: note id → evidence id."""
    ids: dict[str, int] = {}
    at = datetime(2026, 3, 2, tzinfo=UTC)
    with write_session(engine) as session:
        for number, (stage, reason, description) in DEALS.items():
            repository.add(
                session,
                Deal(
                    source="hubspot",
                    external_id=number,
                    name=f"Deal {number}",
                    amount=Decimal(24000),
                    currency="USD",
                    stage=stage,
                    outcome=DealOutcome.LOST,
                    created_at=at,
                    closed_at=at,
                    loss_reason=reason,
                    notes=description or None,
                ),
            )
            for part, said in (("loss_reason", reason), ("description", description)):
                if said:
                    item = repository.add(
                        session,
                        EvidenceItem(
                            source="hubspot",
                            external_id=f"{number}:{part}",
                            kind=EvidenceKind.DEAL_NOTE,
                            text=said,
                            created_at=at,
                        ),
                    )
                    assert item.id is not None
                    ids[f"{number}:{part}"] = item.id
    classify_losses(engine)
    return ids


@pytest.mark.parametrize("later", [False, True], ids=["rebuild", "incremental"])
def test_notes_of_a_disqualified_or_corrected_deal_join_no_theme(
    engine: Engine, later: bool
) -> None:
    intents = add_tickets(engine, intent_rows(), 1)
    if later:
        analyze(engine, StaticEmbedder())
    notes = add_deals(engine)
    # A person reads deal 303 as lost on price: its notes, loss reason and description
    # alike, say nothing of why it was lost.
    correct_loss(engine, "303", LossCategory.PRICE_BUDGET)
    analyze(engine, StaticEmbedder())
    filed = filed_themes(engine)
    assert filed[notes["301:loss_reason"]] & main_theme(intents, "pending_transfer", filed)
    benched = ["302:loss_reason", "303:loss_reason", "303:description"]
    assert [key for key in benched if notes[key] in filed] == []


def test_a_correction_after_filing_takes_the_notes_out_at_the_next_run(engine: Engine) -> None:
    intents = add_tickets(engine, intent_rows(), 1)
    notes = add_deals(engine)
    analyze(engine, StaticEmbedder())
    filed = filed_themes(engine)
    pending = main_theme(intents, "pending_transfer", filed)
    assert filed[notes["303:loss_reason"]] & pending  # a product reason, until corrected
    correct_loss(engine, "303", LossCategory.PRICE_BUDGET)
    report = analyze(engine, StaticEmbedder())
    assert report.mode == "incremental"
    filed = filed_themes(engine)
    assert notes["303:loss_reason"] not in filed
    assert notes["303:description"] not in filed
    # Corrected back to a product gap, the next run files them again.
    correct_loss(engine, "303", LossCategory.PRODUCT_GAP)
    analyze(engine, StaticEmbedder())
    assert filed_themes(engine)[notes["303:loss_reason"]] & pending


def test_a_deal_reclassified_as_never_real_has_its_notes_taken_out(engine: Engine) -> None:
    intents = add_tickets(engine, intent_rows(), 1)
    notes = add_deals(engine)
    analyze(engine, StaticEmbedder())
    assert filed_themes(engine)[notes["301:loss_reason"]] & main_theme(
        intents, "pending_transfer", filed_themes(engine)
    )
    # The CRM is cleaned: deal 301 is closed as a duplicate; its note's words are the same.
    with write_session(engine) as session:
        deal = next(d for d in repository.list_all(session, Deal) if d.external_id == "301")
        repository.update(session, replace(deal, stage="Closed Lost - Duplicate"))
    classify_losses(engine)
    analyze(engine, StaticEmbedder())
    assert notes["301:loss_reason"] not in filed_themes(engine)
