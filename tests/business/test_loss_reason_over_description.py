"""A lost deal's explicit loss reason decides before its description (QA round 26, D9).

A clinic-booking CRM's deal lost on "Keine Videosprechstunde verfügbar" was filed
``confidence_risk`` by the cue "dsgvo" in its description: the reason, which says a thing the
product should offer is not available, gave no category, so the description decided. A thing
said not to be available is a capability ("verfügbar", "available", "disponible"); a billing
capability in French ("Pas de tiers payant avec les mutuelles") is a product gap too.
"""

from __future__ import annotations

import pytest

from tradeoff.analysis.business.loss_taxonomy import loss_verdict
from tradeoff.domain.enums import LossCategory

DESCRIPTION = "Gruppenpraxis mit 4 Standorten, Datenschutz wichtig (DSGVO), Videosprechstunde"


def test_reason_naming_an_unavailable_thing_beats_description_cues() -> None:
    verdict = loss_verdict("Keine Videosprechstunde verfügbar", DESCRIPTION)
    assert verdict.category is LossCategory.PRODUCT_GAP
    assert not any(cue.startswith("note: ") for cue in verdict.cues)


@pytest.mark.parametrize(
    "reason",
    [
        "Keine Videosprechstunde verfügbar",
        "No Outlook sync available",
        "Pas de téléconsultation disponible",
        "Pas de tiers payant avec les mutuelles",
        "Pas de facturation aux mutuelles",
    ],
)
def test_missing_capability_is_a_product_gap(reason: str) -> None:
    assert loss_verdict(reason, None).category is LossCategory.PRODUCT_GAP


@pytest.mark.parametrize(
    ("reason", "category"),
    [
        ("Kein Personal verfügbar", LossCategory.UNCLASSIFIED),  # people, not a capability
        ("No one available", LossCategory.UNCLASSIFIED),
        ("Pas de budget disponible", LossCategory.PRICE_BUDGET),
        ("Pas de paiement reçu", LossCategory.UNCLASSIFIED),  # a payment, not billing
    ],
)
def test_availability_of_no_feature_stays_what_it_was(reason: str, category: LossCategory) -> None:
    assert loss_verdict(reason, None).category is category


def test_a_need_in_the_description_does_not_make_a_rivals_choice_a_gap() -> None:
    # "payant" as a feature word had read the description's need as the loss reason.
    verdict = loss_verdict(
        "Ils ont choisi Doctolib, déjà utilisé par leurs patients",
        "Besoin du tiers payant avec les mutuelles et de la télétransmission",
    )
    assert verdict.category is LossCategory.UNCLASSIFIED
    assert loss_verdict("Sans tiers payant", None).category is LossCategory.PRODUCT_GAP
