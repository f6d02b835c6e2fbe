"""A deal description that asks for a quality of the product joins the theme of what it asks
for: a QA corpus's "Security requires SAML SSO with Okta and SCIM deprovisioning" (15 deals),
"On-call team needs reliable mobile push" (13) and "Needs reliable webhook delivery with
retries" (13) were read as trust in us as a vendor (``secur*``, ``reliab*``), so commercial
talk, and joined no theme; their accounts' pipeline was left out of demand. Trust in us still
joins none, however close its words sit to a theme."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.analysis.test_seller_notes import add_descriptions, filed_themes, main_theme
from tests.analysis.themed import add_tickets, intent_rows
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.analysis.seller_notes import commercial

#: Descriptions that ask for a quality of what the tickets of one intent are about.
NEEDS = {
    "Treasury team needs reliable transfers that are not stuck pending for days": (
        "pending_transfer"
    ),
    "Security requires that a lost or stolen card can be blocked at once": ("lost_or_stolen_card"),
}
#: Descriptions of trust in us, in the same words as those tickets.
TRUST = [
    "Security worried a vendor our size cannot block a stolen card",
    "Doubts the reliability of a young vendor for transfers stuck pending",
]


@pytest.mark.parametrize("later", [False, True], ids=["rebuild", "incremental"])
def test_a_need_for_a_quality_joins_its_theme_and_trust_joins_none(
    engine: Engine, later: bool
) -> None:
    intents = add_tickets(engine, intent_rows(), 1)
    if later:
        analyze(engine, StaticEmbedder())
    notes = add_descriptions(engine, [*NEEDS, *TRUST], 700)
    analyze(engine, StaticEmbedder())
    filed = filed_themes(engine)
    for evidence_id, text in notes.items():
        if text in NEEDS:
            assert filed.get(evidence_id, set()) & main_theme(intents, NEEDS[text], filed), text
    assert [text for i, text in notes.items() if text in TRUST and i in filed] == []


@pytest.mark.parametrize(
    ("note", "is_commercial"),
    [
        ("Security requires SAML SSO with Okta and SCIM deprovisioning", False),
        ("On-call team needs reliable mobile push with critical alerts", False),
        ("Needs reliable webhook delivery with retries into their incident bot", False),
        ("Worried about your security track record", True),
        ("Too small a vendor to trust with on-call", True),
        ("Failed security review", True),
        ("SOC 2 missing", True),
        ("Failed security review: no SAML SSO", False),
    ],
)
def test_only_trust_in_the_vendor_is_commercial_talk(note: str, is_commercial: bool) -> None:
    assert commercial(note) is is_commercial
