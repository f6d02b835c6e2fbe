"""How close an item sits to the other members of its group, itself left out.

Measured against a centre that contains the item, a member of a small group looks close
whatever it is: a stray in a sub-theme of three is a third of its own centroid (cosine 0.54
in a test where the strays it sat with scored 0.17–0.34), and five loose leftovers looked
like a tight new topic (docs/themes.md). Left out, the item meets the same test a newly
arriving item meets against a theme's centre, which never holds it.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.cluster.silhouette import cluster_sums
from tradeoff.analysis.embed.protocol import Vectors

#: Rows per block, so the gathered group sums cost ``BLOCK_ROWS`` × d, not n × d (a million
#: 256-d rows would gather 2 GB at once).
BLOCK_ROWS = 65_536


def apart_closeness(
    vectors: Vectors, labels: NDArray[np.int64], sums: NDArray[np.float64] | None = None
) -> NDArray[np.float64]:
    """Per row: the cosine of its vector with the sum of the other rows of its label (0 for
    a row alone in its label). ``sums``: the labels' vector sums when known (rows weighted
    by how many identical rows each stands for, so a folded copy counts its twins).

    >>> rows = np.array([[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]], dtype=np.float32)
    >>> apart_closeness(rows, np.array([0, 1, 1])).round(2).tolist()
    [0.0, 0.8, 0.8]
    """
    totals = cluster_sums(vectors, labels) if sums is None else sums
    result = np.zeros(len(vectors), dtype=np.float64)
    for start in range(0, len(vectors), BLOCK_ROWS):
        rows = vectors[start : start + BLOCK_ROWS].astype(np.float64)
        others = totals[labels[start : start + BLOCK_ROWS]] - rows
        norms = np.linalg.norm(others, axis=1)
        dots = np.einsum("ij,ij->i", rows, others)
        result[start : start + rows.shape[0]] = np.where(
            norms > 1e-6, dots / np.maximum(norms, 1e-12), 0.0
        )
    return result
