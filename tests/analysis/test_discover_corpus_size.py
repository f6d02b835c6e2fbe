"""Theme counts follow the corpus, not its size: few topics give few themes, many keep many.

Real Banking77 queries (demo/source/banking77_subset.csv) with the built-in static embedder.
With the theme resolution fixed (``coarser_tries=0``, the engine before 2026-11-24) the
345 queries of five intents below came out as 13 themes at NMI 0.76.
"""

from __future__ import annotations

import csv

import numpy as np

from tests.analysis.themed import SUBSET, intent_rows
from tradeoff.analysis.discover import DiscoverySettings, discover
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.metrics import normalized_mutual_information

FIVE = (
    "fiat_currency_support",
    "activate_my_card",
    "request_refund",
    "unable_to_verify_identity",
    "pending_card_payment",
)


def corpus(intents: tuple[str, ...] | None = None) -> tuple[np.ndarray, list[str]]:
    if intents is None:
        with SUBSET.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    else:
        rows = intent_rows(intents)
    return StaticEmbedder().embed([r["text"] for r in rows]), [r["category"] for r in rows]


def themes_and_nmi(vectors: np.ndarray, truth: list[str], **settings: int) -> tuple[int, float]:
    found = discover(vectors, DiscoverySettings(**settings))  # type: ignore[arg-type]
    count = len(set(found.themes.tolist()) - {-1})
    return count, normalized_mutual_information(truth, found.themes.tolist())


def test_a_small_corpus_of_five_topics_is_not_split_into_many_themes() -> None:
    vectors, truth = corpus(FIVE)
    assert len(truth) == 345
    count, nmi = themes_and_nmi(vectors, truth)
    assert 4 <= count <= 8
    assert nmi >= 0.85
    fixed_count, fixed_nmi = themes_and_nmi(vectors, truth, coarser_tries=0)
    assert fixed_count > 10  # what the fixed resolution gave
    assert fixed_nmi < 0.8


def test_many_narrow_topics_keep_the_finer_split() -> None:
    vectors, truth = corpus()
    assert len(set(truth)) == 28
    count, nmi = themes_and_nmi(vectors, truth)
    assert (count, round(nmi, 6)) == tuple(
        round(x, 6) if isinstance(x, float) else x
        for x in themes_and_nmi(vectors, truth, coarser_tries=0)
    )
    assert count >= 28


def test_coarsening_is_deterministic_for_a_seed() -> None:
    vectors, _truth = corpus(FIVE)
    first, second = discover(vectors), discover(vectors)
    np.testing.assert_array_equal(first.themes, second.themes)
    np.testing.assert_array_equal(first.subthemes, second.subthemes)
