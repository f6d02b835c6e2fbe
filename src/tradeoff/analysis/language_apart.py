"""Items in another language stand as a theme of their own, never inside an English topic.

The embedders read English: Spanish and German items gather by language whatever they are
about, and where they are few, discovery hangs their cluster under the nearest English
theme. On a QA corpus with MiniLM all 62 Spanish and German items became a sub-theme of
"apple watch · sync · app", which grew from 79 to 141 items and looked like the top
complaint; after a rebuild with the fast embedder, 27 Spanish items on six topics doubled
the localisation theme under its unchanged label. So, as praise is kept apart
(``praise_apart``), a sub-theme at least half of whose items are in another language
(``text.language``) inside a theme mostly in English becomes a theme of its own, and a
theme mostly in other languages says so in its name ("in Spanish · ..."): the PM reads it
as "the Spanish tickets", to be read or translated, not as one topic.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.discover import Discovery
from tradeoff.analysis.set_apart import set_apart
from tradeoff.analysis.text.language import (
    FUNCTION_WORDS,
    guess_language,
    in_languages,
    language_of_group,
)


def languages(texts: list[str]) -> list[str | None]:
    """Per item: the language it is written in (``guess_language``; None for English), read
    once per rebuild for both setting apart and naming."""
    return [guess_language(text) for text in texts]


def foreign(codes: list[str | None]) -> NDArray[np.bool_]:
    """Per item: written in a language other than English."""
    return np.array([code is not None for code in codes], dtype=np.bool_)


def language_apart(found: Discovery, written_elsewhere: NDArray[np.bool_]) -> Discovery:
    """``found`` with the sub-themes mostly in another language of each theme mostly in
    English made one theme of their own."""
    return set_apart(found, written_elsewhere)


def language_name(codes: list[str | None], words: list[str]) -> tuple[str | None, list[str]]:
    """How a theme whose items are in the languages ``codes`` (``languages``), named by
    ``words`` (its label terms), says its language: ("in Spanish", its terms without that
    language's bare function words: "die" named a German theme) when at least half of its
    items are in other languages; (None, ``words``) otherwise."""
    spoken = language_of_group(codes)
    if spoken is None:
        return None, words
    function_words = frozenset().union(*(FUNCTION_WORDS[code] for code in spoken))
    kept = [w for w in words if not all(part in function_words for part in w.split())]
    return in_languages(spoken), kept
