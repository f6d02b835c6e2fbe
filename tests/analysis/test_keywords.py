"""Keyword labels: words that set a theme apart, taken from its own evidence."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from tradeoff.analysis.label.keywords import _theme_terms, terms, theme_keywords

SUBSET = Path(__file__).resolve().parents[2] / "demo" / "source" / "banking77_subset.csv"


def test_terms_drop_stopwords_and_add_bigrams() -> None:
    assert terms("Why is my card still not working?") == ["card", "working", "card working"]


def test_distinctive_words_win_over_common_ones() -> None:
    texts = [
        "my card was declined at the shop",
        "card declined again at the petrol station",
        "transfer still pending after two days",
        "why is my transfer pending",
    ]
    keywords = theme_keywords(texts, [0, 0, 1, 1], top=2)
    assert keywords == {0: ["card", "declined"], 1: ["pending", "transfer"]}


def test_real_intents_get_words_of_their_own() -> None:
    """Labelled with the true Banking77 intents of the demo subset, each intent's top keyword
    should echo its name for most intents (card_arrival → card, arrive, ...)."""
    with SUBSET.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    intents = sorted({row["category"] for row in rows})
    number = {name: i for i, name in enumerate(intents)}
    keywords = theme_keywords(
        [row["text"] for row in rows], [number[row["category"]] for row in rows]
    )
    echoed = Counter(
        any(part[:4] in " ".join(keywords[number[name]]) for part in name.split("_"))
        for name in intents
    )
    assert echoed[True] >= 0.7 * len(intents), keywords


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError, match="2 texts against 1 labels"):
        theme_keywords(["a b", "c d"], [0])


def test_counting_a_theme_in_bulk_equals_counting_each_text() -> None:
    """Hostile text included: a NUL (the bulk path's separator), accents, apostrophes, empty
    texts, texts of stopwords only, and words at a text's end that must not pair with the
    next text's first word."""
    texts = [
        "Card declined at the café — again!",
        "",
        "why is it",
        "Top-up failed twice; card's chip broken",
        "TRANSFER pending, transfer PENDING",
        "I'm still waiting for my card's PIN",
        "declined declined",
    ]
    for members in (texts, texts[::-1], [*texts[:3], "nul\x00 inside"], [""]):
        expected: Counter[str] = Counter()
        for text in members:
            expected.update(terms(text))
        assert _theme_terms(members) == expected
