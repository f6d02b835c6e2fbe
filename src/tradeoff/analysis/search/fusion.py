"""Reciprocal rank fusion (Cormack, Clarke & Büttcher 2009): ranks, not scores, are combined.

BM25 scores and cosine similarities live on unrelated scales (and the cosine scale changes
with the embedder), so adding them would need per-corpus tuning. RRF adds 1 / (k + rank)
over the rankings an item appears in; k = 60 is the paper's constant, which keeps one
ranking's top place from outweighing agreement between both further down.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

RRF_K = 60


def competition_ranks(scores: Mapping[int, float]) -> dict[int, int]:
    """Rank per id, best score first, counted from 1; equal scores share a rank ("1224"),
    so two items with the same words fuse to the same score."""
    ordered = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
    ranks: dict[int, int] = {}
    for position, (item, score) in enumerate(ordered, start=1):
        tied = position > 1 and score == ordered[position - 2][1]
        ranks[item] = ranks[ordered[position - 2][0]] if tied else position
    return ranks


def reciprocal_rank_fusion(
    rankings: Sequence[Mapping[int, int]],
    k: int = RRF_K,
    *,
    weights: Sequence[Mapping[int, float] | None] = (),
) -> dict[int, float]:
    """Fused score per id: the sum of w / (k + rank) over the rankings that hold it, where
    w is the item's weight in that ranking's ``weights`` (1 when none is given)."""
    fused: dict[int, float] = {}
    for number, ranking in enumerate(rankings):
        weight = weights[number] if number < len(weights) else None
        for item, rank in ranking.items():
            w = 1.0 if weight is None else weight.get(item, 1.0)
            fused[item] = fused.get(item, 0.0) + w / (k + rank)
    return fused
