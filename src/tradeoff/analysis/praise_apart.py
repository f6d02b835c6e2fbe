"""Praise of an area stands as a theme of its own, never inside the area's complaints.

Discovery groups items by what they are about, so "the theme editor is a joy to use" and
"the theme editor breaks on mobile" can land in one theme: on a QA corpus 46 praise items
and 43 complaints made one theme of 89, whose demand was twice the complaints' and three of
whose five quotes were praise. Its sub-themes had them apart: praise is said in other words.
So a sub-theme at least half of whose items read as praise (the test ``area_praise`` uses
for a praise theme) inside a theme that is not itself mostly praise becomes a theme of its
own; ``analysis.label.area_praise`` then pairs it with the theme whose area it praises, and
the complaints keep their theme, counted without the praise. Praise is read from the words
alone here (a review's stars are not at hand when discovering), so only praise a reader can
see in the text moves. A sub-theme moves whole, the complaints among its praise too (long
messages that all open alike, "Some background: ... Most things work well."); the rebuild's
filing then takes every item that does not read as praise out of a praise theme
(``analysis.praise_filing``).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.discover import Discovery
from tradeoff.analysis.set_apart import set_apart


def praise_apart(found: Discovery, praised: NDArray[np.bool_]) -> Discovery:
    """``found`` with the praise sub-themes of each theme that is not mostly praise made one
    theme of their own (a new label after the others): praise of one area, as its
    sub-themes."""
    return set_apart(found, praised)
