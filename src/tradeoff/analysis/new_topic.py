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
``NEW_TOPIC_ITEMS`` whose members sit closer to the centre of the others, on average, than
the group's centre sits to any theme's is a topic of its own: its members are left
unsorted, and the summary points to a rebuild. Loose items of an old topic gather near
their theme, not tighter than it (on that corpus their groups' centres sat 0.72–0.90 from
a theme, their members 0.50–0.80 from the centres; the new topic's 0.43–0.66 and
0.75–0.89). Only here does an item's filing depend on what arrived with it: alone, it is
filed as before.

A member is measured against the centre of the *other* members (``apart_closeness``), not
a centre it is part of: in a group of five a fifth of the centre is the member itself, so
any five items looked tight. The test is taken over the members the group would hold back
(those ``cut`` close to its centre, the measure the cut comes from). Discovery splits every
candidate into groups, and on a QA tester's second Intercom batch (no new topic in it)
groups of unrelated leftovers ("Any update? Ticket #451 was closed without a fix." beside
PagerDuty, push and billing complaints) and of one old topic's odd items (three "Memory
leak in the Ruby gem with Sidekiq" beside the SDK leak theme) were held back as a new
topic: 35 items, leaving 24 of the batch's 142 old-topic chats unsorted that a rebuild
files. Measured apart, 14 and 6. With all 28 of a Banking77 subset's intents known, half
their queries arriving later: 24 held back before, none now; with four intents arriving
new, 209 of their 335 queries left unsorted (211 before).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.cluster.closeness import apart_closeness
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
    is a topic of its own, its members closer to the centre of the others (on average) than
    the group's centre is to any of ``themes`` (centroids); only members at least ``cut``
    close to the group's centre (their own included) count."""
    members = np.zeros(len(vectors), dtype=np.bool_)
    if not NEW_TOPIC_ITEMS <= len(vectors) <= MOST_ITEMS:
        return members
    found = discover(vectors, settings)
    grouped = found.themes >= 0
    if not grouped.any():
        return members
    labels = np.where(grouped, found.themes, 0)
    centres = centroids_of(vectors[grouped], found.themes[grouped])
    # The cut is discovery's, measured to centres their items are part of: so is belonging.
    closeness = np.einsum("ij,ij->i", vectors, centres[labels])
    apart = np.zeros(len(vectors), dtype=np.float64)
    apart[grouped] = apart_closeness(vectors[grouped], found.themes[grouped])
    nearest_theme = (centres @ themes.T).max(axis=1) if len(themes) else np.full(len(centres), -1)
    for group in np.unique(labels[grouped]):
        inside = grouped & (labels == group)
        close = inside & (closeness >= cut)
        if close.sum() >= NEW_TOPIC_ITEMS and apart[close].mean() > nearest_theme[group]:
            members |= close
    return members
