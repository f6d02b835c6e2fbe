"""Whether the items a run could not file look like a topic of their own.

Filing places new evidence by the nearest existing theme, so a topic that arrives after the
last rebuild has no theme to join: its items stay unsorted, which is honest, but a PM who
imports a week of tickets sees "16 of 60 items fit no theme" and no reason to rebuild
while unsorted stays under 5 % of the workspace (a QA corpus's new "benefits" topic). So the
items a run left unsorted that arrived (or were reworded) since the last rebuild are
discovered among themselves, as a rebuild would, and the largest group whose members sit
as close to its centre as a filed item must sit to its theme (the workspace's cut) is
reported. Items the rebuild itself left unsorted are not: it saw them and made no theme.
"""

from __future__ import annotations

import numpy as np

from tradeoff.analysis.discover import DiscoverySettings, centroids_of, discover
from tradeoff.analysis.embed.protocol import Vectors

#: A group of fewer items is no topic to rebuild for.
NEW_TOPIC_ITEMS = 5
#: Above this many unfiled items the share of unsorted already says to rebuild.
MOST_ITEMS = 20_000


def new_topic_size(vectors: Vectors, settings: DiscoverySettings, cut: float) -> int:
    """Items of the largest group the unfiled ``vectors`` form among themselves, counting
    only those at least ``cut`` close to its centre; 0 when none reaches ``NEW_TOPIC_ITEMS``."""
    if not NEW_TOPIC_ITEMS <= len(vectors) <= MOST_ITEMS:
        return 0
    found = discover(vectors, settings)
    grouped = found.themes >= 0
    if not grouped.any():
        return 0
    labels = np.where(grouped, found.themes, 0)
    centres = centroids_of(vectors, labels)
    close = grouped & (np.einsum("ij,ij->i", vectors, centres[labels]) >= cut)
    sizes = np.bincount(labels[close]) if close.any() else np.zeros(1, dtype=np.int64)
    largest = int(sizes.max())
    return largest if largest >= NEW_TOPIC_ITEMS else 0
