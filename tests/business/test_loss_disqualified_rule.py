"""The rule that files a lost deal as never real (disqualified), on the reasons and stages
real CRM exports hold: Salesforce and HubSpot picklist values, free text, and sentences that
only mention such a word."""

from __future__ import annotations

import pytest

from tradeoff.analysis.business.loss_disqualified import (
    FRAME,
    LABELS,
    PHRASES,
    disqualified_by,
    disqualifying_cues,
)
from tradeoff.analysis.business.loss_taxonomy import loss_verdict
from tradeoff.domain.enums import LossCategory

#: (loss reason, stage) that say the deal was never a real one.
NEVER_REAL = [
    ("Duplicate", "Closed Lost"),
    ("Duplicate Opportunity", "Closed Lost"),
    ("Duplicate of 0065g0000SIVwwIAQT", None),
    ("Closed Lost - Duplicate", None),
    ("Spam", "closedlost"),  # HubSpot's internal stage name
    ("SPAM", None),
    ("Test", None),
    ("TEST OPPORTUNITY - please ignore", None),
    ("test deal, please ignore", None),
    ("Unqualified", "Closed Lost"),
    ("Disqualified", None),
    ("Not Qualified", None),
    ("Not a fit / bad lead", None),  # the bad lead decides, not "not a fit"
    ("Created in error", None),
    ("Opportunity created by mistake", None),
    ("Junk", None),
    ("Merged", None),
    ("Merged into 0065g0000SIXGfpAQH", None),
    ("Other: duplicate", None),
    ("Unqualified lead", None),
    ("Duplicate record", None),
    ("Test lead", None),
    (None, "Closed - Duplicate"),
    (None, "Disqualified"),
    ("Too expensive", "Closed Lost (Spam)"),  # the stage says the record was never real
]
#: (loss reason, stage) that are real losses, however close their words come.
REAL_LOSSES = [
    ("Lost to a duplicate-detection tool vendor", "Closed Lost"),
    ("Chose Dedupely: their duplicate detection was better", None),
    ("Spam filter integration missing", None),
    ("Failed the security test", None),
    ("Lost after a test of the API showed slow exports", None),
    ("We were disqualified from the RFP on references", None),
    ("Not a duplicate record - lost on price", None),
    ("Could not merge duplicate records from their old CRM", None),  # a product gap
    ("Their test data import failed twice", None),
    ("Bad data quality in the reports", None),
    ("Bad lead times on hardware delivery", None),  # a delivery complaint
    ("Acquired / merged with another company", None),
    ("Not a fit", None),
    ("Bad Timing", None),  # HubSpot lead status, a timing reason
    ("No Decision / Non-Responsive", "Closed Lost"),
    ("Lost to Competitor", "Closed Lost"),
    ("Price", "Closed Lost"),
    ("Other", "Closed Lost"),
    (None, "Closed Lost"),
    (None, None),
]


@pytest.mark.parametrize(("reason", "stage"), NEVER_REAL)
def test_never_real_deals_are_disqualified(reason: str | None, stage: str | None) -> None:
    verdict = loss_verdict(reason, None, stage)
    assert verdict.category is LossCategory.DISQUALIFIED
    assert verdict.cues  # always says why


@pytest.mark.parametrize(("reason", "stage"), REAL_LOSSES)
def test_real_losses_are_not(reason: str | None, stage: str | None) -> None:
    assert loss_verdict(reason, None, stage).category is not LossCategory.DISQUALIFIED
    assert disqualified_by(reason, stage) == ()


def test_cues_say_where_the_words_were() -> None:
    assert disqualified_by("Duplicate of 0061234", None) == ("duplicate", "duplicate of")
    assert disqualified_by("Too expensive", "Closed - Duplicate") == ("stage: duplicate",)
    assert disqualifying_cues("Not a fit / bad lead") == ("bad lead",)


def test_notes_never_disqualify() -> None:
    """Notes are free text: a call note about a duplicate invoice says nothing of the deal."""
    notes = "Duplicate invoices were their pain; test account set up. Spam."
    verdict = loss_verdict(None, notes, "Closed Lost")
    assert verdict.category is not LossCategory.DISQUALIFIED


def test_the_taxonomy_still_decides_real_reasons() -> None:
    verdict = loss_verdict("Too expensive for their budget this year", None, "Closed Lost")
    assert verdict.category is LossCategory.PRICE_BUDGET


def test_the_documented_lists_are_the_rules() -> None:
    """docs/sales.md lists the frame words, labels and phrases: it must say what runs."""
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "sales.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Lost deals that were never real") :]
    section = section[: section.index("\n## ", 5)]
    for word in (*sorted(FRAME), *sorted(LABELS), *PHRASES):
        assert f"`{word}`" in section, word
