"""Sub-themes of a different kind than their theme become a theme of their own.

Discovery groups items by what their words are near, so an area's praise and its
complaints (``praise_apart``), or the items in another language and an English topic
(``language_apart``), can share a theme while its sub-themes have them apart. A theme that
is mostly one kind keeps the other kind's few items; one that is not has each sub-theme
mostly of that kind taken out, all of them together into one new theme per theme.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.discover import Discovery


def set_apart(found: Discovery, flagged: NDArray[np.bool_]) -> Discovery:
    """``found`` with the sub-themes mostly ``flagged`` of each theme that is not made one
    theme of their own (a new label after the others), sub-themes unchanged."""
    themes = found.themes.copy()
    filed = themes >= 0
    if not filed.any() or not flagged[filed].any():
        return found
    label = int(themes.max()) + 1
    for theme in np.unique(themes[filed]).tolist():
        in_theme = themes == theme
        if mostly(flagged[in_theme]):
            continue
        subs = np.unique(found.subthemes[in_theme])
        if subs.size < 2:
            continue
        moved = False
        for sub in subs.tolist():
            members = found.subthemes == sub
            if mostly(flagged[members]):
                themes[members] = label
                moved = True
        label += moved
    return Discovery(themes=themes, subthemes=found.subthemes, closeness=found.closeness)


def mostly(flags: NDArray[np.bool_]) -> bool:
    """At least half of the items are flagged (and there are items)."""
    return flags.size > 0 and 2 * int(flags.sum()) >= flags.size
