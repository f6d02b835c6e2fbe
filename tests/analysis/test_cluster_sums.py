"""Cluster sums by one sort equal summing each cluster's rows directly."""

from __future__ import annotations

import numpy as np

from tradeoff.analysis.cluster.silhouette import cluster_sums


def test_sums_per_label_with_gaps_and_the_same_bits_as_add_at() -> None:
    rng = np.random.default_rng(2)
    vectors = rng.normal(size=(500, 24)).astype(np.float32)
    labels = rng.choice([0, 1, 3, 7], 500).astype(np.int64)  # labels 2, 4, 5 and 6 are empty
    sums = cluster_sums(vectors, labels)
    assert sums.shape == (8, 24)
    for label in range(8):
        np.testing.assert_allclose(
            sums[label], vectors[labels == label].astype(np.float64).sum(axis=0), atol=1e-9
        )
    reference = np.zeros((8, 24))
    np.add.at(reference, labels, vectors)
    np.testing.assert_array_equal(sums, reference)
    assert cluster_sums(vectors, labels, np.float32).dtype == np.float32


def test_no_items_no_sums() -> None:
    empty = cluster_sums(np.zeros((0, 4), dtype=np.float32), np.zeros(0, dtype=np.int64))
    assert empty.shape == (0, 4)
