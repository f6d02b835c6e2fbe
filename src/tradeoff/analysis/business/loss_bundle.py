"""What a bundle in a loss reason says. ``bundl*`` is an alignment keyword: "Chose a payroll
bundle: one vendor for both", "Went with the suite bundled with their Microsoft agreement"
(the buyer wanted one vendor). Two things said of a bundle are not:

- its price: a bundle before a price keyword, across copulas and degree words ("Hardware
  bundle cost too high", "Bundle pricing didn't work for them", "Rival's bundle was cheaper",
  "Hardware-Bundle zu teuer") names what was priced; the price decides, as it tied before;
- a bundle the buyer wanted with a thing (a need word in the ``NEED_REACH`` words before it,
  "with" or "including" right after: "Wanted a bundle with payroll") says the thing was
  missing from ours: a product gap.

"Price and bundling" names both and still ties (a person decides).
"""

from __future__ import annotations

from collections.abc import Sequence

from tradeoff.analysis.business import loss_cues_abroad as abroad
from tradeoff.analysis.business.loss_cues import LINKING, NEED_FRAME
from tradeoff.domain.enums import LossCategory

#: The bundle keyword, as ``loss_cues`` lists it.
BUNDLE_CUE = "bundl*"
#: Words between a bundle and its price: copulas and degree words ("was", "too", "zu").
PRICE_FILLER = (
    LINKING
    | abroad.LINKING
    | frozenset("too so very much more zu sehr te trop troppo demasiado muy muito".split())  # noqa: SIM905
)
#: Words after a wanted bundle that say what it was to hold.
HOLDING = frozenset({"with", "including", "incl", "plus"})
NEED_REACH = 3
_NEED_FRAME = tuple(p.rstrip("*") for p in (*NEED_FRAME, *abroad.NEED_FRAME))


def prices_a_bundle(
    words: Sequence[str], end: int, next_start: int, next_category: LossCategory | None
) -> bool:
    """Whether the bundle ending at ``end`` only names what the price keyword starting at
    ``next_start`` is about: "bundle cost", "bundle was cheaper"."""
    return next_category is LossCategory.PRICE_BUDGET and all(
        w in PRICE_FILLER for w in words[end:next_start]
    )


def wants_a_bundle(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the bundle from ``start`` to ``end`` is one the buyer wanted with a thing:
    "Wanted a bundle with payroll"."""
    needed = any(w.startswith(_NEED_FRAME) for w in words[max(0, start - NEED_REACH) : start])
    return needed and end < len(words) - 1 and words[end] in HOLDING
