"""Exact nearest neighbours by cosine, in blocks so memory stays small.

Brute force is the right tool up to about a hundred thousand texts (13,083 Banking77 texts:
about 2 s on two cores); past that an approximate index is the step to swap in.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.embed.protocol import Vectors

BLOCK_ROWS = 512


def nearest_neighbours(vectors: Vectors, k: int) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    """For each unit vector, its ``k`` most similar others (indices and cosines), best first.

    Ties are broken by the lower index, so the result depends only on the input.
    """
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
