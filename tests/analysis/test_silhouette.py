"""The cosine silhouette from cluster sums equals the textbook pairwise definition."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from tradeoff.analysis.cluster.silhouette import sample_of, silhouette, silhouettes
from tradeoff.analysis.embed.static import StaticEmbedder

SUBSET = Path(__file__).resolve().parents[2] / "demo" / "source" / "banking77_subset.csv"
INTENTS = ("card_arrival", "exchange_rate", "pin_blocked", "terminate_account")


def pairwise_silhouettes(vectors: np.ndarray, labels: np.ndarray) -> list[float]:
    """Rousseeuw's definition item by item, from the full cosine-distance matrix."""
    distance = 1.0 - vectors.astype(np.float64) @ vectors.T.astype(np.float64)
    scores = []
    for i, own in enumerate(labels):
        mates = [j for j in range(len(labels)) if labels[j] == own and j != i]
        if not mates:
            scores.append(0.0)
            continue
        a = float(np.mean(distance[i, mates]))
        b = min(
            float(np.mean(distance[i, labels == other])) for other in set(labels) if other != own
        )
        scores.append((b - a) / max(a, b))
    return scores


def real_vectors() -> tuple[np.ndarray, np.ndarray]:
    with SUBSET.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["category"] in INTENTS]
    rows = [r for name in INTENTS for r in [r for r in rows if r["category"] == name][:30]]
    vectors = StaticEmbedder().embed([r["text"] for r in rows])
    names = sorted(INTENTS)
    return vectors, np.array([names.index(r["category"]) for r in rows], dtype=np.int64)


def test_matches_the_pairwise_definition_on_real_text() -> None:
    vectors, labels = real_vectors()
    labels[0] = labels.max() + 1  # one item alone in its cluster scores 0
    expected = pairwise_silhouettes(vectors, labels)
    got = silhouettes(vectors, labels, np.arange(len(labels), dtype=np.int64))
    np.testing.assert_allclose(got, expected, atol=1e-6)
    assert got[0] == 0.0
    assert abs(silhouette(vectors, labels) - float(np.mean(expected))) < 1e-6


def test_true_intents_score_better_than_a_random_split() -> None:
    vectors, labels = real_vectors()
    shuffled = np.random.default_rng(0).permutation(labels)
    assert silhouette(vectors, labels) > 0.05 > silhouette(vectors, shuffled)


def test_one_cluster_scores_zero_and_samples_are_an_even_stride() -> None:
    vectors, labels = real_vectors()
    assert silhouette(vectors, np.zeros_like(labels)) == 0.0
    assert sample_of(10).tolist() == list(range(10))
    picked = sample_of(10_000)
    assert picked.size <= 4096
    assert picked[0] == 0
    assert len(set(np.diff(picked).tolist())) == 1
