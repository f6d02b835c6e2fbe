"""Loss reasons as real CRMs write them: Salesforce "Loss Reason" picklist values and the
free text sellers type into HubSpot's "Closed Lost Reason". Each expected category is what
docs/sales.md's taxonomy says the reason means, decided by reading it, not by the code."""

from __future__ import annotations

import pytest

from tests.business.loss_letters import A, B, C, P, R, S, T, V
from tradeoff.analysis.business.loss_reasons import classify_loss
from tradeoff.domain.enums import LossCategory


@pytest.mark.parametrize(
    ("reason", "category"),
    [
        # Picklist values orgs commonly add beside Price / Features / No Decision.
        ("Unresponsive", T),
        ("No Decision / Non-Responsive", T),
        ("Project cancelled", T),
        ("Reorg", T),
        ("Legal / procurement", T),
        ("Procurement process too long", T),
        ("Lost funding", B),
        ("Contract terms", B),
        ("Legal terms not acceptable", B),
        ("Lack of executive sponsorship", R),
        ("Our rep was unresponsive", R),
        ("Project deprioritized", A),
        ("Implementation too complex", P),
        ("Too complex / hard to use", P),
        ("Ease of use", P),
        ("Usability", P),
        ("Performance issues during trial", P),
        ("Needs on-premise deployment", P),
        ("Trial didn't convert", V),
        ("Data privacy concerns (GDPR)", C),
        ("Staying with current vendor", S),
        ("Renewed with their existing provider", S),
        # What already worked stays so.
        ("Too expensive for this year's budget", B),
        ("Missing SSO integration", P),
        ("Went with their in-house spreadsheet", S),
        ("Champion left the company", R),
        ("Failed security review", C),
        ("Could not build a business case", V),
        # Dismissed or negated cues still do not count.
        ("Performance was fine, price was not the issue", LossCategory.UNCLASSIFIED),
        ("Not complex at all", LossCategory.UNCLASSIFIED),
    ],
)
def test_crm_loss_reasons_land_in_the_category_they_mean(
    reason: str, category: LossCategory
) -> None:
    assert classify_loss(reason).category is category, classify_loss(reason).cues
