"""Which newly arrived items form a topic no theme covers.

Filing places new evidence by the nearest existing theme, so a topic that arrives after the
last rebuild has no theme to join. Items of it far from every theme stay unsorted; but a
theme's cut is the loosest its rebuild allowed, and on a QA corpus the 72 complaints of a
new topic ("maintenance reminders fire at the wrong odometer") all sat above it, nearest the
hours-of-service and ETA themes: with MiniLM none stayed unsorted, the themes grew by a
third, and the summary said nothing.

One item alone cannot tell a new topic from an odd item of an old one; several together
can. So the items a run left unsorted or filed only loosely (less close to their theme than
three quarters of its own items, ``loose``) that arrived (or were reworded) since the last
rebuild are discovered among themselves, as a rebuild would. A group of at least
``NEW_TOPIC_ITEMS`` whose members sit closer to their own centre, on average, than that
centre sits to any theme's is a topic of its own: its members are left unsorted, and the
summary points to a rebuild. Loose items of an old topic gather near their theme, not
tighter than it (on that corpus their groups' centres sat 0.72–0.90 from a theme, their
members 0.50–0.80 from the centres; the new topic's 0.43–0.66 and 0.75–0.89). Only here does
an item's filing depend on what arrived with it: alone, it is filed as before.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.discover import DiscoverySettings, centroids_of, discover
from tradeoff.analysis.embed.protocol import Vectors

#: A group of fewer items is no topic to rebuild for.
NEW_TOPIC_ITEMS = 5
#: Above this many candidates the share of unsorted already says to rebuild.
MOST_ITEMS = 20_000
#: A filed item is loose when it sits further from its theme's centre than this many
#: standard deviations below the theme's own items' mean: the lower quartile of a normal.
LOOSE_DEVIATIONS = 0.674


def loose(
    closeness: NDArray[np.float32],
    finest: NDArray[np.int64],
    spread: dict[int, tuple[float, float]],
) -> NDArray[np.bool_]:
    """Per filed item: whether it sits in its theme's lowest quarter of closeness (``spread``:
    theme id → mean and standard deviation of its items' closeness). Unfiled items (-1) and
    themes without a spread are not loose."""
    floors = {
        theme: mean - LOOSE_DEVIATIONS * deviation for theme, (mean, deviation) in spread.items()
    }
    floor = np.array([floors.get(int(theme), -np.inf) for theme in finest], dtype=np.float64)
    result: NDArray[np.bool_] = (finest >= 0) & (closeness < floor)
    return result


def new_topic_members(
    vectors: Vectors, settings: DiscoverySettings, cut: float, themes: Vectors
) -> NDArray[np.bool_]:
    """Per row of ``vectors``: whether it belongs to a group they form among themselves that
    is a topic of its own, tighter around its centre than the centre is to any of ``themes``
    (centroids); only members at least ``cut`` close to the group's centre count."""
    members = np.zeros(len(vectors), dtype=np.bool_)
    if not NEW_TOPIC_ITEMS <= len(vectors) <= MOST_ITEMS:
        return members
    found = discover(vectors, settings)
    grouped = found.themes >= 0
    if not grouped.any():
        return members
    labels = np.where(grouped, found.themes, 0)
    centres = centroids_of(vectors, labels)
    closeness = np.einsum("ij,ij->i", vectors, centres[labels])
    nearest_theme = (centres @ themes.T).max(axis=1) if len(themes) else np.full(len(centres), -1)
    for group in np.unique(labels[grouped]):
        inside = grouped & (labels == group)
        close = inside & (closeness >= cut)
        if close.sum() >= NEW_TOPIC_ITEMS and closeness[inside].mean() > nearest_theme[group]:
            members |= close
    return members
