"""Themes without being told how many: a nearest-neighbour graph split by Leiden.

Measured on Banking77 (13,083 queries, 77 intents not given): with the static embedder this
finds about 120 groups at NMI 0.78 / ARI 0.49 in about 3 s on two cores, against
BERTopic's defaults at NMI 0.74 / ARI 0.16–0.20 (../shared/THEME-ENGINE-NOTES.md); graph
clustering beat KMeans there even when KMeans was told the true count. Higher
``resolution`` gives more, smaller themes: it is the "more / fewer themes" control.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import igraph as ig
import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.cluster.graph import neighbour_graph
from tradeoff.analysis.embed.protocol import Vectors

Labels = NDArray[np.int64]
#: Past this many nodes Leiden stops after ``LARGE_GRAPH_ITERATIONS`` passes instead of
#: iterating until no node moves: on a million-text graph a converged run took 4.5–7 minutes
#: on two (busy) cores against about 30 s for two passes, which found 5 % fewer themes.
CONVERGE_UP_TO = 100_000
LARGE_GRAPH_ITERATIONS = 2
#: Passes over a collapsed graph (``merge_clusters``). Not "until stable": with explicit node
#: weights igraph 1.0's Leiden never stopped on the collapsed test half of Banking77 (MiniLM,
#: resolution 0.5), while its quality stopped rising by the fourth pass on every corpus
#: shape measured; a pass over a few hundred nodes costs well under a millisecond.
COLLAPSED_ITERATIONS = 10


@dataclass(frozen=True)
class LeidenClusterer:
    neighbours: int = 10
    resolution: float = 4.0
    seed: int = 0

    def cluster(self, vectors: Vectors) -> Labels:
        """One cluster number per row, numbered by size (0 is the largest); same input and
        seed, same output."""
        return self.cluster_graph(neighbour_graph(vectors, self.neighbours, self.seed))

    def cluster_graph(self, graph: ig.Graph) -> Labels:
        """Cluster a graph from ``neighbour_graph``: several resolutions can share one graph
        (its nearest-neighbour search is the expensive part)."""
        n = graph.vcount()
        if n < 2:
            return np.zeros(n, dtype=np.int64)
        iterations = -1 if n <= CONVERGE_UP_TO else LARGE_GRAPH_ITERATIONS
        return _by_size(self._membership(graph, None, iterations))

    def merge_clusters(self, collapsed: ig.Graph, finer: Labels) -> Labels:
        """Coarser clusters of the items ``finer`` labels, found on ``collapse(graph, finer)``:
        Leiden at this (lower) resolution moves whole clusters, not items, so a coarser try
        runs on a graph of about √n nodes instead of the full one (docs/performance.md,
        "Coarser tries on the collapsed graph")."""
        if collapsed.vcount() < 2:
            return np.zeros(finer.size, dtype=np.int64)
        merged = self._membership(collapsed, collapsed.vs["strength"], COLLAPSED_ITERATIONS)
        return _by_size(merged[finer])

    def _membership(
        self, graph: ig.Graph, node_weights: list[float] | None, iterations: int
    ) -> Labels:
        """Seeded Leiden (modularity) membership per node, not yet numbered by size."""
        ig.set_random_number_generator(random.Random(self.seed))
        try:
            partition = graph.community_leiden(
                objective_function="modularity",
                weights="weight",
                resolution=self.resolution,
                node_weights=node_weights,
                n_iterations=iterations,
            )
        finally:
            ig.set_random_number_generator(random)
        return np.asarray(partition.membership, dtype=np.int64)


def collapse(graph: ig.Graph, labels: Labels) -> ig.Graph:
    """One node per cluster of ``labels``, joined by the summed weight of the edges between
    their members. Each node keeps its members' summed strength (``strength``), so any merge
    of the clusters has the same modularity here as on ``graph`` up to a constant (the
    weight inside each cluster, dropped here, counts the same in every merge)."""
    collapsed = graph.copy()  # contract_vertices works in place
    collapsed.contract_vertices(labels.tolist())
    collapsed.simplify(multiple=True, loops=True, combine_edges={"weight": "sum"})
    strengths = graph.strength(weights="weight")
    collapsed.vs["strength"] = np.bincount(labels, weights=strengths).tolist()
    return collapsed


def _by_size(labels: Labels) -> Labels:
    """Renumber clusters largest first (ties by first appearance), so numbers are stable."""
    values, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = values[np.lexsort((first, -counts))]
    mapping = np.empty(values.max() + 1, dtype=np.int64)
    mapping[order] = np.arange(order.size)
    return mapping[labels]
