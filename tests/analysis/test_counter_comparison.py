"""Praise of something else, said by comparison, is a complaint: no counter evidence.

A QA tester's clinic-booking corpus showed "Email reminders are landing in spam…
Honestly our old paper diary was more reliable than this." as the only item speaking well
of the reminders theme. The comparisons below praise a rival or the old way and so speak
against the product; the ones after them praise the product and stay praise.
"""

from __future__ import annotations

import pytest

from tradeoff.analysis.label.comparison import compared_away
from tradeoff.analysis.label.counter import WORD, praise_cues, read_praise
from tradeoff.domain.enums import EvidenceKind

ELSE_PRAISED = [
    "Email reminders are landing in spam for half our patients. Honestly our old paper diary "
    "was more reliable than this.",
    "The diary view takes ages to load. Even Excel was faster.",
    "Online booking has been down twice this week. At least the phone worked.",
    "Our previous system was easier to set up for new receptionists.",
    "The old version was much quicker to navigate.",
    "Power Diary was simpler than this, we are thinking of going back.",
    "Our spreadsheet was more intuitive than the new scheduling screen.",
    "Paper was better than this mess.",
]

STILL_PRAISE = [
    "Booking is so much faster than before, love it.",
    "Way easier than our old paper diary, the team loves the calendar.",
    "The calendar sync is more reliable than the tool we used before.",
    "Setting up reminders was easier than I thought, great job.",
    "The new reports are great, and even faster than the old version.",
    "Love the diary view, it is so much faster than it was.",
    "We have at least 5 practitioners using the mobile app daily and it works great.",
    "Support was more helpful than you expected.",
]


@pytest.mark.parametrize("text", ELSE_PRAISED)
def test_praise_of_something_else_by_comparison_is_a_complaint(text: str) -> None:
    reading = read_praise(text)
    assert not reading.is_praise, reading
    assert praise_cues(text, None, EvidenceKind.TICKET) == ()


@pytest.mark.parametrize("text", STILL_PRAISE)
def test_a_comparison_in_the_products_favour_is_praise(text: str) -> None:
    reading = read_praise(text)
    assert reading.is_praise, reading


def test_the_qa_item_says_what_speaks_against_it() -> None:
    reading = read_praise(ELSE_PRAISED[0])
    assert reading.against == ("old paper diary was more reliable",)


#: Reviewer findings: no comparison that praises something else, so nothing against.
NOT_COMPARED_AWAY = [
    "Old invoices open faster since the update.",
    "The old bug is gone and sync is faster than it was.",
    "Support was more helpful than you expected.",
]


@pytest.mark.parametrize("text", NOT_COMPARED_AWAY)
def test_old_words_without_a_past_verb_or_an_expectation_are_no_comparison(text: str) -> None:
    tokens = WORD.findall(text.lower())
    assert compared_away(tokens, {"helpful"}) is None
    assert all("faster" not in a and "helpful" not in a for a in read_praise(text).against)
