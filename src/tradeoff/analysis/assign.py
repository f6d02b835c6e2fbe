"""Filing new evidence into the themes that exist: the nearest centroid, or unsorted.

Each item is compared with fixed centroids only, never with the other new items, so an item
lands in the same theme whether it arrives alone or in a batch of ten thousand (the issue's
"incremental equals batch"). Centroids move only when the themes are rebuilt.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.embed.protocol import Vectors

BLOCK_ROWS = 4096


@dataclass(frozen=True)
class Placement:
    """Per item: the finest theme it fits (a sub-theme, or a theme without sub-themes), that
    theme's top-level theme, and the cosine to the finest one's centroid. -1 when unsorted."""

    finest: NDArray[np.int64]
    top: NDArray[np.int64]
    closeness: NDArray[np.float32]


def place(
    vectors: Vectors,
    theme_ids: NDArray[np.int64],
    top_ids: NDArray[np.int64],
    centroids: Vectors,
    unsorted_below: float,
) -> Placement:
    """Nearest centroid among the given rows; ties go to the lower theme id."""
    n = vectors.shape[0]
    finest = np.full(n, -1, dtype=np.int64)
    top = np.full(n, -1, dtype=np.int64)
    closeness = np.zeros(n, dtype=np.float32)
    if not n or not theme_ids.size:
        return Placement(finest, top, closeness)
    order = np.argsort(theme_ids, kind="stable")  # argmax takes the first: the lower id
    ids, tops, matrix = theme_ids[order], top_ids[order], centroids[order]
    for start in range(0, n, BLOCK_ROWS):
        scores = vectors[start : start + BLOCK_ROWS] @ matrix.T
        best = scores.argmax(axis=1)
        best_scores = scores[np.arange(best.size), best]
        placed = best_scores >= unsorted_below
        block = slice(start, start + best.size)
        finest[block] = np.where(placed, ids[best], -1)
        top[block] = np.where(placed, tops[best], -1)
        closeness[block] = best_scores
    return Placement(finest, top, closeness)
