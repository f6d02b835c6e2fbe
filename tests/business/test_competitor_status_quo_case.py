"""The buyer's old way of working by hand, compared with us, names its row in any case."""

from __future__ import annotations

import pytest

from tradeoff.analysis.business.competitor_scan import MentionFinder
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind

ROWS = [
    Competitor(id=1, name="Jane"),
    Competitor(id=8, name="Paper diary", kind=CompetitorKind.HOMEGROWN),
]


def _named(text: str) -> set[int]:
    finder = MentionFinder(ROWS, lambda kind: 99)
    finder.learn(text)
    return set(finder.mentions(text))


@pytest.mark.parametrize(
    "text",
    [
        "Email reminders land in spam. Honestly our old paper diary was more reliable than this.",
        "The dashboard shows zero revenue. Our old Paper Diary was faster, to be fair.",
        "Staying with their paper diary for now",
    ],
)
def test_the_old_paper_diary_is_named(text: str) -> None:
    assert _named(text) == {8}


@pytest.mark.parametrize(
    "text",
    [
        "The paper diary on the front desk is full of crossed-out slots.",
        "We print the day list and keep it next to the paper diary until the sync is fixed.",
    ],
)
def test_a_paper_diary_in_passing_is_not(text: str) -> None:
    assert _named(text) == set()
