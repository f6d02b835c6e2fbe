"""Which themes the model may file an item in, by whether it reads as praise.

Filing by the nearest centroid alone mixed praise and complaints in two ways a PM reads as
demand. Complaints of a new topic went to a praise theme near them: 11 of 40 "Garmin
integration broken" tickets were filed in "accurate route map · best gps running" (24 of
25 items praise), whose monthly trend jumped from 2 to 8 and read as praise surging. And
praise naming nothing ("Great product, our team loves it." six times in a survey) sat in a
CSV export sub-theme, its accounts counted in that theme's demand. So, when the model files
an item (a rebuild's rescue of what discovery left unsorted, or an incremental run):

- an item that does not read as praise joins no praise theme: the nearest other theme if it
  is close enough, else it stays unsorted, where the new-topic count and the PM see it; a
  rebuild takes it out of a praise theme discovery put it in. Discovery groups by likeness
  alone: with the static embedder a QA tester's inventory corpus had "EDI 850 purchase
  orders from Target are not supported." ("supported" beside "support") and seven long
  complaints opening with "Most things work well." in its support-praise theme, missing from
  their own themes' demand;
- praise that names nothing (``PraiseRules.names``: "Great app, love it") joins only a praise
  theme, and a rebuild takes it out of any other theme discovery put it in: it says nothing
  about that theme's area;
- praise that names something may join any theme: in a complaint theme it is that area's
  counter evidence, shown on its page.

A **praise theme** is a top-level theme at least half of whose items read as praise, the
test of ``analysis.label.area_praise``: in a rebuild, over discovery's result once praise is
kept apart; in an incremental run, over what is stored (``storage.praise.praise_shares``).
Readings are the kept ones (``PRAISE_RULES``: a review's stars count), the same a theme's
page shows. People's links are never touched: the rule only decides where the model files.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sqlalchemy.orm import Session

from tradeoff.analysis.assign import Placement, place
from tradeoff.analysis.discover import Discovery
from tradeoff.analysis.embed.protocol import Vectors
from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.storage import praise


@dataclass(frozen=True)
class PraiseReadings:
    """Per item: whether it reads as praise, and whether that praise names what it praises
    (False for an item that is no praise)."""

    praised: NDArray[np.bool_]
    naming: NDArray[np.bool_]

    @property
    def nameless(self) -> NDArray[np.bool_]:
        """Praise that names nothing."""
        return self.praised & ~self.naming


def read_all(session: Session, ids: Sequence[int]) -> PraiseReadings:
    """The readings of ``ids`` (a rebuild's every original) from the kept ones: the praised
    items' ids only, not every text again."""
    kept = praise.praised_naming(session, PRAISE_RULES)
    return PraiseReadings(
        praised=np.array([i in kept for i in ids], dtype=np.bool_),
        naming=np.array([i in kept and kept[i][1] for i in ids], dtype=np.bool_),
    )


def read_some(session: Session, ids: Sequence[int]) -> PraiseReadings:
    """The readings of a few ``ids`` (the items an incremental run files)."""
    found = praise.readings(session, PRAISE_RULES, ids)
    return PraiseReadings(
        praised=np.array([i in found for i in ids], dtype=np.bool_),
        naming=np.array(
            [i in found and PRAISE_RULES.names(found[i].cues) for i in ids], dtype=np.bool_
        ),
    )


def stored_praise_themes(session: Session) -> frozenset[int]:
    """The ids of the active praise themes, as stored now."""
    return frozenset(
        theme_id
        for theme_id, (items, praised) in praise.praise_shares(session, PRAISE_RULES).items()
        if _mostly(praised, items)
    )


def praise_themes(found: Discovery, praised: NDArray[np.bool_]) -> frozenset[int]:
    """The labels of ``found``'s praise themes."""
    filed = found.themes >= 0
    labels = found.themes[filed]
    items = np.bincount(labels) if labels.size else np.zeros(0, dtype=np.int64)
    praise_items = np.bincount(labels, weights=praised[filed], minlength=items.size)
    return frozenset(
        label for label in range(items.size) if _mostly(int(praise_items[label]), int(items[label]))
    )


def kept_by_rule(
    found: Discovery, readings: PraiseReadings, praise_labels: Collection[int]
) -> Discovery:
    """``found`` with what the rule bars taken out: praise that names nothing out of the
    themes that are not praise themes, and items that do not read as praise out of the
    praise themes; unsorted, to be filed as the rule files them."""
    filed = found.themes >= 0
    in_praise = np.isin(found.themes, list(praise_labels))
    out = filed & np.where(in_praise, ~readings.praised, readings.nameless)
    if not out.any():
        return found
    themes, subthemes, closeness = found.themes.copy(), found.subthemes.copy(), found.closeness
    themes[out], subthemes[out] = -1, -1
    return Discovery(themes=themes, subthemes=subthemes, closeness=closeness)


def place_as_read(
    vectors: Vectors,
    theme_ids: NDArray[np.int64],
    top_ids: NDArray[np.int64],
    centroids: Vectors,
    unsorted_below: float,
    readings: PraiseReadings,
    praise_tops: Collection[int],
) -> Placement:
    """``assign.place``, each item among the themes the rule lets it join: items that are
    no praise among the themes under no praise theme, praise naming nothing among those
    under one, other praise among all. Each item still meets fixed centroids only, so it
    lands in the same theme alone or in a batch."""
    n = vectors.shape[0]
    result = Placement(
        np.full(n, -1, dtype=np.int64),
        np.full(n, -1, dtype=np.int64),
        np.zeros(n, dtype=np.float32),
    )
    under_praise = np.isin(top_ids, list(praise_tops))
    everywhere = np.ones(top_ids.size, dtype=np.bool_)
    for items, rows in (
        (~readings.praised, ~under_praise),
        (readings.nameless, under_praise),
        (readings.praised & readings.naming, everywhere),
    ):
        if items.any():
            part = place(
                vectors[items], theme_ids[rows], top_ids[rows], centroids[rows], unsorted_below
            )
            result.finest[items], result.top[items] = part.finest, part.top
            result.closeness[items] = part.closeness
    return result


def _mostly(praised: int, items: int) -> bool:
    """At least half praise: ``area_praise.is_praise_theme`` on counts."""
    return items > 0 and 2 * praised >= items
