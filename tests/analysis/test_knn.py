"""Nearest neighbours at scale: the inverted-file search against exact brute force."""

from __future__ import annotations

import numpy as np

from tradeoff.analysis.cluster.graph import graph_from_neighbours
from tradeoff.analysis.cluster.ivf import approximate_neighbours
from tradeoff.analysis.cluster.knn import EXACT_UP_TO, exact_neighbours, nearest_neighbours


def topics(n: int, seed: int = 0) -> np.ndarray:
    """Unit vectors scattered around 60 random topic directions in 64 dimensions, the way
    short texts gather around intents: neighbours are mostly, not always, in one topic."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(60, 64))
    points = centres[rng.integers(0, 60, n)] + rng.normal(0, 0.6, (n, 64))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    return points.astype(np.float32)


def recall(found: np.ndarray, exact: np.ndarray) -> float:
    hits = sum(len(set(a) & set(b)) for a, b in zip(found.tolist(), exact.tolist(), strict=True))
    return hits / exact.size


def test_approximate_search_finds_most_true_neighbours_best_first() -> None:
    vectors = topics(6_000)
    exact, exact_scores = exact_neighbours(vectors, 10)
    found, scores = approximate_neighbours(vectors, 10)
    assert recall(found, exact) >= 0.9
    assert (found != np.arange(6_000)[:, None]).all()  # never itself
    assert (np.diff(scores, axis=1) <= 0).all()
    np.testing.assert_allclose(scores, np.einsum("ij,ikj->ik", vectors, vectors[found]), atol=1e-5)
    # It only misses: what it finds is never better than the truth.
    assert (scores <= exact_scores + 1e-6).all()


def test_approximate_search_is_deterministic_per_seed() -> None:
    vectors = topics(3_000, seed=5)
    first = approximate_neighbours(vectors, 10, seed=7)
    again = approximate_neighbours(vectors, 10, seed=7)
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])


def test_small_inputs_are_searched_exactly_large_ones_approximately() -> None:
    vectors = topics(EXACT_UP_TO + 1_000, seed=2)
    small = vectors[:2_000]
    np.testing.assert_array_equal(nearest_neighbours(small, 5)[0], exact_neighbours(small, 5)[0])
    found, _ = nearest_neighbours(vectors, 5)
    sample = np.random.default_rng(0).choice(len(vectors), 300, replace=False)
    truth = np.argsort(-(vectors[sample] @ vectors.T), axis=1)[:, 1:6]
    assert recall(found[sample], truth) >= 0.9


def test_tiny_inputs_leave_unfillable_places_empty() -> None:
    vectors = topics(4)
    found, scores = approximate_neighbours(vectors, 10)
    assert found.shape == (4, 10)
    assert (found[:, 3:] == -1).all()
    assert np.isneginf(scores[:, 3:]).all()
    assert approximate_neighbours(vectors[:1], 3)[0].tolist() == [[-1, -1, -1]]


def test_graph_keeps_every_neighbour_place_and_skips_empty_ones() -> None:
    indices = np.array([[1, 2], [0, -1], [0, 1]])
    similarities = np.array([[0.9, 0.5], [0.9, -np.inf], [0.5, -0.2]], dtype=np.float32)
    graph = graph_from_neighbours(indices, similarities)
    assert not graph.is_directed()
    assert graph.get_edgelist() == [(0, 1), (0, 2), (0, 1), (0, 2), (1, 2)]
    np.testing.assert_allclose(graph.es["weight"], [0.9, 0.5, 0.9, 0.5, 0.0], rtol=1e-6)
