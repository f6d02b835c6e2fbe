"""Keywords that only say how the thing beside them fell short: when that thing is a keyword
of another category, it decides, and they count for nothing (``loss_reasons`` rule 3).

Three kinds, each with the words that may stand between it and the thing:

- an absence word before the thing ("missing", "lack*", "falta", "fehlt": ``ABSENCE_MARKERS``,
  across ``ABSENCE_FILLER``): "lack of budget" is price, "missing an executive sponsor" a
  relationship;
- a shortfall word after the thing (``SHORTFALL_MARKERS`` and the absence words, across
  copulas): "budget was too limited" is price, "SOC 2 missing" trust;
- a verdict of fit, on either side ("passt nicht", "no encaja", "past niet": a language's
  ``verdicts``; after the thing across copulas, before it across its ``verdict_filler``):
  "Preis-Leistung passt nicht" and "Passt nicht ins Budget" are price, "El precio no encaja
  en su presupuesto" too. They are alignment keywords: one alone, or about a goal ("Passt
  nicht zu ihrer Strategie"), still says the product serves other goals;
- a bundle before a price keyword ("Hardware bundle cost too high": ``loss_bundle``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from tradeoff.analysis.business import loss_cues_abroad as abroad
from tradeoff.analysis.business.loss_bundle import BUNDLE_CUE, prices_a_bundle
from tradeoff.analysis.business.loss_cues import (
    ABSENCE_FILLER,
    ABSENCE_MARKERS,
    LINKING,
    SHORTFALL_MARKERS,
)
from tradeoff.domain.enums import LossCategory

_ABSENCE_MARKERS = ABSENCE_MARKERS | abroad.ABSENCE_MARKERS
_SHORTFALL_MARKERS = SHORTFALL_MARKERS | abroad.ABSENCE_MARKERS
_ABSENCE_FILLER = ABSENCE_FILLER | abroad.ABSENCE_FILLER
_LINKING = LINKING | abroad.LINKING


class Said(Protocol):
    """A keyword found: its category (None for a name) and the phrase as listed."""

    @property
    def category(self) -> LossCategory | None: ...

    @property
    def text(self) -> str: ...


def describes_another(words: Sequence[str], found: Sequence[tuple[int, int, Said]], i: int) -> bool:
    """Whether the cue ``found[i]`` (found in ``words``, in order) only says that a cue of
    another category beside it is missing, short or no fit: "lack of budget" (the next one),
    "budget was too limited", "SOC 2 missing", "Preis passt nicht" (the one before), "passt
    nicht ins Budget" (the next one). A name (no category) says nothing either."""
    start, end, cue = found[i]
    if cue.category is None:
        return True
    if cue.text == BUNDLE_CUE and i + 1 < len(found):
        next_start, _, priced = found[i + 1]
        if prices_a_bundle(words, end, next_start, priced.category):
            return True  # "Hardware bundle cost too high": the price decides
    beside: list[tuple[Said, Sequence[str], frozenset[str]]] = []
    after = cue.text in _ABSENCE_MARKERS or cue.text in abroad.VERDICTS
    if after and i + 1 < len(found):
        next_start, _, thing = found[i + 1]
        filler = _ABSENCE_FILLER if cue.text in _ABSENCE_MARKERS else abroad.VERDICT_FILLER
        beside.append((thing, words[end:next_start], filler))
    before = cue.text in _SHORTFALL_MARKERS or cue.text in abroad.VERDICTS
    if before and i > 0:
        _, previous_end, thing = found[i - 1]
        beside.append((thing, words[previous_end:start], _LINKING))
    return any(
        described.category is not None
        and described.category is not cue.category
        and all(w in filler for w in between)
        for described, between, filler in beside
    )
