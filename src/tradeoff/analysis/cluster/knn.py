"""Nearest neighbours by cosine: exact for small inputs, an inverted file past that.

Brute force costs n² (13,083 Banking77 texts: about 1–2 s on two cores, 100,000 texts: over a
minute) and is exact, so small workspaces keep exactly the graph their themes were tuned
on; past ``EXACT_UP_TO`` the approximate search (``ivf.py``: recall@10 about 0.9, a million
texts in about two minutes) takes over.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.cluster.ivf import approximate_neighbours
from tradeoff.analysis.embed.protocol import Vectors

BLOCK_ROWS = 512
#: Largest input searched exactly: brute force stays within a few seconds up to here.
EXACT_UP_TO = 20_000


def nearest_neighbours(
    vectors: Vectors, k: int, seed: int = 0
) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    """For each unit vector, its ``k`` most similar others (indices and cosines), best first.

    Ties are broken by the lower index and the approximate search is seeded, so the result
    depends only on the input and ``seed``. Past ``EXACT_UP_TO`` rows a place the search
    could not fill holds index -1 (similarity -inf); callers skip those.
    """
    if vectors.shape[0] > EXACT_UP_TO:
        return approximate_neighbours(vectors, min(k, vectors.shape[0] - 1), seed=seed)
    return exact_neighbours(vectors, k)


def exact_neighbours(vectors: Vectors, k: int) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    """Brute force in blocks of rows, so memory stays at ``BLOCK_ROWS`` × n scores."""
    n = vectors.shape[0]
    k = min(k, n - 1)
    indices = np.empty((n, k), dtype=np.int64)
    similarities = np.empty((n, k), dtype=np.float32)
    if k <= 0:
        return indices, similarities
    for start in range(0, n, BLOCK_ROWS):
        block = vectors[start : start + BLOCK_ROWS] @ vectors.T
        rows = np.arange(block.shape[0])
        block[rows, start + rows] = -np.inf  # a text is not its own neighbour
        candidates = np.argpartition(-block, k - 1, axis=1)[:, :k]
        scores = np.take_along_axis(block, candidates, axis=1)
        # Best first; equal scores by lower index, so the order depends only on the input.
        order = np.lexsort((candidates, -scores), axis=1)
        indices[start : start + block.shape[0]] = np.take_along_axis(candidates, order, axis=1)
        similarities[start : start + block.shape[0]] = np.take_along_axis(scores, order, axis=1)
    return indices, similarities
