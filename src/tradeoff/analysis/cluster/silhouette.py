"""The silhouette of a partition of unit vectors under cosine distance, exactly, in O(n·k·d).

The mean cosine distance from an item to a cluster's members is ``1 - x·S / |C|`` with ``S``
the sum of the cluster's vectors, so one matrix product against the cluster sums gives every
item's distance to every cluster: no n×n distance matrix (scikit-learn's ``silhouette_score``
builds one, 1.4 GB for Banking77's 13,083 texts).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.embed.protocol import Vectors

Labels = NDArray[np.int64]
#: Rows of items scored per matrix product, so memory stays at ``BLOCK_ROWS`` × k.
BLOCK_ROWS = 4096
#: ``sampled_silhouette`` scores at most this many items (every m-th one).
SAMPLE = 4096


def sample_of(n: int) -> NDArray[np.int64]:
    """An even stride of at most ``SAMPLE`` of ``n`` items: enough to compare partitions
    (distances are still to whole clusters), at a fixed cost however large the corpus."""
    return np.arange(0, n, max(1, -(-n // SAMPLE)), dtype=np.int64)


def cluster_sums(vectors: Vectors, labels: Labels, dtype: type = np.float64) -> NDArray[Any]:
    """Sum of each label's vectors (row = label number; a label with no rows sums to zero),
    accumulated in float64 and returned as ``dtype``.

    One ``np.bincount`` per dimension instead of ``np.add.at``: bit-identical to float64
    ``np.add.at`` (rows are added in the same order) and ten times faster (Banking77's
    13,083 256-d vectors: 0.01 s against 0.11 s; 200,000: 0.28 s against 1.6 s), with no
    copy of the vectors (discovery sums clusters about ten times).
    """
    count = int(labels.max()) + 1 if labels.size else 0
    sums: NDArray[Any] = np.zeros((count, vectors.shape[1]))
    for column in range(vectors.shape[1] if labels.size else 0):
        sums[:, column] = np.bincount(labels, weights=vectors[:, column], minlength=count)
    return sums.astype(dtype, copy=False)


def silhouette(vectors: Vectors, labels: Labels) -> float:
    """Mean silhouette (Rousseeuw 1987) with cosine distance over all items."""
    scores = silhouettes(vectors, labels, np.arange(vectors.shape[0], dtype=np.int64))
    return float(scores.mean()) if scores.size else 0.0


def silhouettes(vectors: Vectors, labels: Labels, scored: NDArray[np.int64]) -> NDArray[np.float64]:
    """Each ``scored`` item's silhouette with cosine distance; an item alone in its cluster
    scores 0, as does every item of a partition with one cluster."""
    n = scored.size
    out = np.zeros(n, dtype=np.float64)
    sizes = np.bincount(labels).astype(np.float64)
    if n == 0 or np.count_nonzero(sizes) < 2:
        return out
    sums = cluster_sums(vectors, labels)
    empty = sizes == 0
    for start in range(0, n, BLOCK_ROWS):
        chunk = scored[start : start + BLOCK_ROWS]
        block = vectors[chunk].astype(np.float64)
        own = labels[chunk]
        rows = np.arange(own.size)
        mean_distance = 1.0 - (block @ sums.T) / np.maximum(sizes, 1.0)
        own_size = sizes[own]
        # Within the item's own cluster, the item itself (distance 0) is left out.
        inside = mean_distance[rows, own] * own_size / np.maximum(own_size - 1.0, 1.0)
        mean_distance[rows, own] = np.inf
        mean_distance[:, empty] = np.inf
        nearest = mean_distance.min(axis=1)
        score = (nearest - inside) / np.maximum(np.maximum(inside, nearest), 1e-12)
        out[start : start + chunk.size] = np.where(own_size > 1, score, 0.0)
    return out
