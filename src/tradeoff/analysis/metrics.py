"""Agreement between a clustering and known labels: NMI and ARI, as the literature reports them.

Implemented here (no scikit-learn in the default install) with the definitions scikit-learn
uses by default: NMI with the arithmetic mean of the two entropies, ARI of Hubert and Arabie.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence


def normalized_mutual_information(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """NMI in [0, 1]: 1 when the two partitions are the same up to renaming.

    >>> normalized_mutual_information("aabb", [1, 1, 2, 2])
    1.0
    """
    _check(truth, found)
    n = len(truth)
    by_truth, by_found, joint = (
        Counter(truth),
        Counter(found),
        Counter(zip(truth, found, strict=True)),
    )
    if len(by_truth) == 1 and len(by_found) == 1:
        return 1.0

    def entropy(counts: Counter[Hashable]) -> float:
        return -sum(c / n * math.log(c / n) for c in counts.values())

    mutual = sum(
        c / n * math.log(c * n / (by_truth[t] * by_found[f])) for (t, f), c in joint.items()
    )
    mean_entropy = (entropy(by_truth) + entropy(by_found)) / 2
    return max(0.0, min(1.0, mutual / mean_entropy)) if mean_entropy > 0 else 0.0


def adjusted_rand_index(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """ARI: 1 for identical partitions, about 0 for a random one (it can go below 0).

    >>> adjusted_rand_index("aabb", [1, 1, 2, 2])
    1.0
    """
    _check(truth, found)

    def pairs(count: int) -> float:
        return count * (count - 1) / 2

    n = len(truth)
    together = sum(pairs(c) for c in Counter(zip(truth, found, strict=True)).values())
    in_truth = sum(pairs(c) for c in Counter(truth).values())
    in_found = sum(pairs(c) for c in Counter(found).values())
    expected = in_truth * in_found / pairs(n) if n > 1 else 0.0
    best = (in_truth + in_found) / 2
    if best == expected:
        return 1.0
    return (together - expected) / (best - expected)


def _check(truth: Sequence[Hashable], found: Sequence[Hashable]) -> None:
    if len(truth) != len(found):
        raise ValueError(f"{len(truth)} labels against {len(found)} assignments")
    if not truth:
        raise ValueError("nothing to compare")
