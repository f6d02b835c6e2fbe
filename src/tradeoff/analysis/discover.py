"""From vectors to a two-level set of themes, with an explicit unsorted list.

Themes come from Leiden at a coarse resolution, sub-themes from a finer one cut along the
themes' borders: a finer cluster straddling two themes is one sub-theme in each. Themes are
the coarse partition itself, not rebuilt from the sub-themes: deriving each theme from the
sub-themes it holds most of moved the border items of every straddling sub-theme, and cost
Banking77 0.001 (MiniLM) to 0.004 (static) NMI (docs/performance.md, "Themes kept whole").
An item is left unsorted by its closeness to the *other* members of its sub-theme: cut
sub-themes can be small, and in one of three a stray is a third of its own centroid.

The theme resolution is a ceiling, not a constant: modularity on a nearest-neighbour graph
finds about √n clusters whatever the corpus holds (3,232 Banking77 texts of 20 intents gave
52 themes, 3,080 of 77 intents gave 53; 345 texts of 5 intents gave 13), so up to
``coarser_tries`` halvings of it are tried as well, and a coarser partition replaces the
finer one only when its cosine silhouette is better item by item beyond noise. The halvings
merge whole themes on the graph collapsed to them, so their Leiden runs cost milliseconds,
not another pass over every item. A corpus of a few broad topics gets few themes; one of
many narrow topics keeps the finer split (docs/performance.md, "Theme discovery").

Identical vectors (the same ticket sent fifty times) are clustered as one point that weighs
as many rows as it stands for: a nearest-neighbour graph of exact ties has no structure,
and Leiden cut fifty copies into 49 themes.

An item far from its sub-theme's centroid is not forced into it: it goes to the unsorted list
the user sees, capped at ``max_unsorted_share`` so the list stays small (BERTopic leaves
11–12 % of Banking77 as outliers; we keep under 5 %).
"""

from __future__ import annotations

from dataclasses import dataclass

import igraph as ig
import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.cluster.closeness import apart_closeness
from tradeoff.analysis.cluster.graph import neighbour_graph
from tradeoff.analysis.cluster.leiden import Labels, LeidenClusterer, collapse
from tradeoff.analysis.cluster.silhouette import cluster_sums, sample_of, silhouettes
from tradeoff.analysis.embed.protocol import Vectors

#: Standard errors by which a coarser partition's mean silhouette gain must beat zero: the
#: three-sigma rule, because coarsening hides distinctions from the user and silhouettes of
#: a few hundred items differ by noise (at two, random 300- and 3,000-text Banking77 samples
#: of 77 intents were sometimes coarsened, losing 0.02–0.07 NMI).
SIGNIFICANT = 3.0


@dataclass(frozen=True)
class DiscoverySettings:
    theme_resolution: float = 2.0
    subtheme_resolution: float = 4.0
    neighbours: int = 10
    #: Items less similar than this to their sub-theme's centroid are candidates for unsorted.
    min_similarity: float = 0.4
    max_unsorted_share: float = 0.05
    #: A sub-theme smaller than this is not a theme: its items join the nearest real one.
    min_size: int = 3
    seed: int = 0
    #: How many halvings of ``theme_resolution`` may replace it when their themes have a
    #: better silhouette (0: use ``theme_resolution`` as given). Sub-themes stay at
    #: ``subtheme_resolution``: a corpus of few themes keeps its finer distinctions there.
    coarser_tries: int = 3


@dataclass(frozen=True)
class Discovery:
    """Per item: its theme and sub-theme (-1 when unsorted) and how close it sits."""

    themes: Labels
    subthemes: Labels
    #: Cosine between each item and its sub-theme's centroid.
    closeness: NDArray[np.float32]

    @property
    def unsorted(self) -> list[int]:
        return [int(i) for i in np.flatnonzero(self.themes < 0)]

    def parent_of(self) -> dict[int, int]:
        """Each sub-theme's theme."""
        pairs = {(int(s), int(t)) for s, t in zip(self.subthemes, self.themes, strict=True)}
        return {s: t for s, t in pairs if s >= 0}


def discover(vectors: Vectors, settings: DiscoverySettings | None = None) -> Discovery:
    chosen = settings or DiscoverySettings()
    # Identical rows are one point: fifty copies of "My card was declined" made a
    # nearest-neighbour graph of ties that Leiden cut into dozens of themes. Each distinct
    # row is clustered once and weighs as many rows as it stands for.
    firsts, row_of = distinct_rows(vectors)
    weights = None if firsts.size == len(vectors) else np.bincount(row_of).astype(np.float64)
    distinct = vectors if weights is None else vectors[firsts]
    graph = neighbour_graph(distinct, chosen.neighbours, chosen.seed)  # once: the costly part
    coarse = _best_coarse(distinct, graph, chosen)
    fine = LeidenClusterer(
        chosen.neighbours, chosen.subtheme_resolution, chosen.seed
    ).cluster_graph(graph)
    del graph
    coarse, _ = _absorb_tiny(distinct, coarse, chosen.min_size, weights)
    fine, sums = _absorb_tiny(
        distinct, _pieces(fine, coarse), chosen.min_size, weights, within=coarse
    )
    closeness = _closeness(distinct, sums, fine)[row_of]
    # Whether an item is far is judged by the other members: a stray in a sub-theme of
    # three is a third of the centroid it would be measured against.
    apart = apart_closeness(distinct, fine, sums).astype(np.float32)[row_of]
    themes, subthemes = coarse[row_of], fine[row_of]
    if len(vectors):
        # Below the k-th closest of n, k = share × n rounded down: at most k items, where an
        # interpolated quantile let 2 of 30 (6.7 %) through a 5 % cap.
        allowed = int(chosen.max_unsorted_share * len(apart))
        kth = float(np.partition(apart, allowed)[allowed]) if allowed < len(apart) else 1
        cut = min(chosen.min_similarity, kth)
        far = apart < cut
        themes[far] = -1
        subthemes[far] = -1
    return Discovery(themes=themes, subthemes=subthemes, closeness=closeness)


def distinct_rows(vectors: Vectors) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The first row of each distinct vector, in row order, and each row's place among
    them: ``vectors[firsts][row_of]`` is ``vectors``. Rows are compared byte for byte,
    through a 64-bit hash of their bytes (integer arithmetic: exact whatever the order it
    is summed in) checked against the rows themselves; sorting the rows whole took 9 s for
    a million 256-d vectors."""
    if len(vectors) < 2:
        every = np.arange(len(vectors), dtype=np.int64)
        return every, every
    data = np.ascontiguousarray(vectors)
    width = data.dtype.itemsize * data.shape[1]
    if width % 8:
        rows = data.view(np.dtype((np.void, width))).ravel()
        _, first, inverse = np.unique(rows, return_index=True, return_inverse=True)
    else:
        words = data.view(np.uint64)
        mix = np.random.default_rng(0).integers(1, 2**63, words.shape[1], dtype=np.uint64) | 1
        hashes = (words * mix).sum(axis=1, dtype=np.uint64)
        _, first, inverse, counts = np.unique(
            hashes, return_index=True, return_inverse=True, return_counts=True
        )
        inverse = inverse.ravel()
        shared = np.flatnonzero(counts[inverse] > 1)  # only rows with a twin are compared
        if not (words[shared] == words[first[inverse[shared]]]).all():  # a hash collision
            rows = data.view(np.dtype((np.void, width))).ravel()
            _, first, inverse = np.unique(rows, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    place = np.empty_like(order)
    place[order] = np.arange(order.size)
    return first[order].astype(np.int64), place[inverse.ravel()].astype(np.int64)


def _best_coarse(vectors: Vectors, graph: ig.Graph, chosen: DiscoverySettings) -> Labels:
    """Themes at ``theme_resolution`` unless a coarser try scores a better silhouette, item by
    item, by more than ``SIGNIFICANT`` standard errors of the paired difference (a small
    corpus's silhouettes differ by noise alone)."""
    scored = sample_of(vectors.shape[0])

    def clusterer(resolution: float) -> LeidenClusterer:
        return LeidenClusterer(chosen.neighbours, resolution, chosen.seed)

    finest = clusterer(chosen.theme_resolution).cluster_graph(graph)
    if chosen.coarser_tries <= 0 or scored.size < 2:
        return finest
    # Coarser tries merge the finest themes instead of re-splitting every item: partitions
    # of equal quality at a fraction of the cost (docs/performance.md).
    collapsed = collapse(graph, finest)
    labels, scores = finest, silhouettes(vectors, finest, scored)
    for step in range(1, chosen.coarser_tries + 1):
        tried = clusterer(chosen.theme_resolution / 2**step).merge_clusters(collapsed, finest)
        tried_scores = silhouettes(vectors, tried, scored)
        gain = tried_scores - scores
        if gain.mean() > SIGNIFICANT * gain.std(ddof=1) / np.sqrt(gain.size):
            labels, scores = tried, tried_scores
    return labels


#: Mean pairwise cosine below which a cluster is a bundle of strays rather than a theme.
MIN_COHESION = 0.2


def _pieces(fine: Labels, coarse: Labels) -> Labels:
    """Each fine cluster cut along the coarse borders: one label per (fine, coarse) pair."""
    if not fine.size:
        return fine
    _, pieces = np.unique(fine * (int(coarse.max()) + 1) + coarse, return_inverse=True)
    labels: Labels = pieces.ravel().astype(np.int64)
    return labels


def _absorb_tiny(
    vectors: Vectors,
    labels: Labels,
    min_size: int,
    weights: NDArray[np.float64] | None = None,
    within: Labels | None = None,
) -> tuple[Labels, NDArray[np.float64]]:
    """Move items of too-small clusters to the closest real cluster; the labels and each
    label's (weighted) vector sum.
    ``weights``: how many rows each vector stands for (identical rows folded into one).
    ``within``: a label per item that each cluster lies inside (sub-themes in their theme):
    items move only to a real cluster of their own, and a theme with none keeps its
    largest cluster as real."""
    if not len(vectors):
        return labels, np.zeros((0, vectors.shape[1]), dtype=np.float64)
    weighted = vectors if weights is None else vectors * weights[:, None].astype(np.float32)
    sizes = np.bincount(labels, weights=weights)
    sums = cluster_sums(weighted, labels)
    # Mean cosine between two different members: strays a kNN graph happened to tie together
    # (each unlike the others) are not a theme, however many there are.
    pairs = np.maximum(sizes * (sizes - 1), 1)
    cohesion = (np.einsum("ij,ij->i", sums, sums) - sizes) / pairs
    is_real = (sizes >= min_size) & (cohesion >= MIN_COHESION)
    home = None
    if within is not None:
        home = np.full(sizes.size, -1, dtype=np.int64)
        home[labels] = within
        covered = np.zeros(int(within.max()) + 1, dtype=bool)
        covered[home[is_real]] = True
        for group in np.flatnonzero(~covered & (np.bincount(within) > 0)).tolist():
            members = np.flatnonzero(home == group)
            is_real[members[sizes[members].argmax()]] = True
    real = np.flatnonzero(is_real)
    centroids = (sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)).astype(
        np.float32
    )
    moved = labels.copy()
    if real.size and real.size < sizes.size:
        tiny = np.flatnonzero(~is_real[labels])
        scores = vectors[tiny] @ centroids[real].T
        if home is not None and within is not None:
            scores[home[real][None, :] != within[tiny][:, None]] = -np.inf
        moved[tiny] = real[scores.argmax(axis=1)]
        sums = cluster_sums(weighted, moved)
    return moved, sums


def centroids_of(vectors: Vectors, labels: Labels) -> Vectors:
    """Unit mean vector per label (row = label number; a label with no rows is zero)."""
    centroids: Vectors = cluster_sums(vectors, labels, np.float32)
    centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
    return centroids


def _closeness(vectors: Vectors, sums: NDArray[np.float64], labels: Labels) -> NDArray[np.float32]:
    """Each item's cosine with its cluster's centroid (``sums`` per label)."""
    centroids = (sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)).astype(
        np.float32
    )
    closeness: NDArray[np.float32] = np.einsum("ij,ij->i", vectors, centroids[labels]).astype(
        np.float32
    )
    return closeness
