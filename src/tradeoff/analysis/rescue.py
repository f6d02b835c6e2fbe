"""A rebuild's last filing: the items discovery left unsorted, placed as a later run would.

Discovery leaves an item unsorted when it sits far from its own cluster, and does not group
sellers' deal notes at all (``analysis.seller_notes``). Both are then filed by the rule an
incremental run uses, nearest sub-theme at or above the cut among the themes the praise rule
lets them join (``analysis.praise_filing``), so that running ``analyze`` right after a
rebuild changes nothing.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.discover import Discovery, centroids_of
from tradeoff.analysis.embed.protocol import Vectors
from tradeoff.analysis.praise_filing import (
    PraiseReadings,
    kept_by_rule,
    place_as_read,
    praise_themes,
)
from tradeoff.analysis.seller_notes import FLOOR

#: At most this many filings by the praise rule (``filed_as_read``): each round after the
#: first only follows a theme of complaints that named praise made a praise theme.
SETTLING_ROUNDS = 3


def filed_as_read(
    vectors: Vectors,
    found: Discovery,
    founding: NDArray[np.bool_],
    likened: NDArray[np.bool_],
    cut: float,
    readings: PraiseReadings,
) -> Discovery:
    """Discovery with praise naming nothing out of themes that are not praise themes and
    what does not read as praise out of praise themes, then the items it left unsorted (or
    so took out) and the sellers' notes that fit filed by ``rescue``, both by the praise
    rule (``analysis.praise_filing``).

    Filing named praise into a theme of complaints may make it a praise theme; the filing is
    then done again under that status, so that an incremental run, which reads the status
    from what was stored, files as the rebuild did. Only praise themes can be gained this
    way (no other item joins one), so a few rounds settle it.
    """
    tops = praise_themes(found, readings.praised)
    for _ in range(SETTLING_ROUNDS):
        kept = kept_by_rule(found, readings, tops)
        filed = rescue(vectors, kept, founding & (kept.themes < 0), cut, readings, tops)
        filed = rescue(vectors, filed, likened, FLOOR, readings, tops)
        settled = praise_themes(filed, readings.praised)
        if settled == tops:
            break
        tops = settled
    return filed


def rescue(
    vectors: Vectors,
    found: Discovery,
    rows: NDArray[np.bool_],
    cut: float,
    readings: PraiseReadings,
    praise_tops: frozenset[int],
) -> Discovery:
    """The unsorted ``rows`` filed as a later run would file them: by the nearest sub-theme
    at least ``cut`` close that the praise rule lets them join.

    Discovery leaves an item unsorted when it sits far from its own cluster; it may still be
    close to another one. Placing it now, by the rule incremental runs use, means running
    ``analyze`` again right after a rebuild changes nothing. Sellers' notes, which discovery
    did not group, are filed the same way (``analysis.seller_notes``).
    """
    unsorted = np.flatnonzero(rows)
    labels = found.subthemes[found.subthemes >= 0]
    if not unsorted.size or not labels.size:
        return found
    subs = np.unique(labels)
    placed = found.subthemes >= 0
    centroids = centroids_of(vectors[placed], found.subthemes[placed])[subs]
    parents = found.parent_of()
    tops = np.array([parents[int(s)] for s in subs], dtype=np.int64)
    readings = PraiseReadings(readings.praised[unsorted], readings.naming[unsorted])
    placement = place_as_read(vectors[unsorted], subs, tops, centroids, cut, readings, praise_tops)
    themes, subthemes, closeness = (
        found.themes.copy(),
        found.subthemes.copy(),
        found.closeness.copy(),
    )
    themes[unsorted], subthemes[unsorted] = placement.top, placement.finest
    closeness[unsorted] = placement.closeness
    return Discovery(themes=themes, subthemes=subthemes, closeness=closeness)
