"""How a count is said: the one helper every summary, note and page words a count with."""

from __future__ import annotations

import pytest

from tradeoff.wording import plural


@pytest.mark.parametrize(
    ("count", "noun", "said"),
    [
        (0, "deal", "0 deals"),
        (1, "deal", "1 deal"),
        (2, "lost deal", "2 lost deals"),
        (1200, "evidence item", "1,200 evidence items"),
        (1, "opportunity", "1 opportunity"),
        (3, "opportunity", "3 opportunities"),
        (2, "key", "2 keys"),
        (2, "batch", "2 batches"),
        (2, "status", "2 statuses"),
    ],
)
def test_the_noun_agrees_with_the_count(count: int, noun: str, said: str) -> None:
    assert plural(count, noun) == said


def test_an_irregular_plural_is_given() -> None:
    assert [plural(n, "person", "people") for n in (1, 2)] == ["1 person", "2 people"]
