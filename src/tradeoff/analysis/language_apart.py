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
as "the Spanish tickets", to be read or translated, not as one topic. Such a theme holds
one language (``by_language``): a QA corpus's 7 Spanish and 3 German items on four topics
made one theme named "in Spanish · berichte laden extrem", its words from the German ones.

A language holds topics of its own, and such a theme is held together by its language, not
by one of them: a QA tester's 83 German tickets (mobile login, payslips, DATEV exports, SEPA
files) made one theme, and Spanish CFDI stamping, Portuguese eSocial and German DATEV, each
written in one language only, were sub-themes that ``tradeoff demand`` (top-level themes)
never showed. Discovery's sub-themes of such a theme are cut at the resolution the whole
corpus is cut at (twice the themes'), where its topics already stand apart: there the German
tickets were login, DATEV, and payslips with SEPA. So each sub-theme of a theme mostly in
other languages becomes a theme (``by_topic``): the language's topics are ranked, named and
counted as the English ones are ("in German · datev-stapel · kostenstellen"). Discovering
the language's items as a corpus of their own cut them finer than the corpus is cut (on the
QA corpus, 57 French items of three topics into 8 themes, 38 Spanish praise items into 5)
and lost more than it gained there; a language theme discovery left whole (one sub-theme)
therefore stays whole.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.discover import Discovery, DiscoverySettings
from tradeoff.analysis.set_apart import mostly, set_apart
from tradeoff.analysis.text.language import (
    guess_language,
    homographs,
    in_languages,
    language_of_group,
    leaning,
    name_stop_words,
)


def languages(texts: list[str]) -> list[str | None]:
    """Per item: the language it is written in (``guess_language``; None for English), read
    once per rebuild for both setting apart and naming."""
    return [guess_language(text) for text in texts]


def named_languages(
    spoken: list[str | None], texts: list[str], themes: NDArray[np.int64]
) -> list[str | None]:
    """Per item: the language that names its theme, ``spoken``'s or else the one the text
    leans to (``leaning``). A German ticket with an English follow-up reads as English, but
    it is one of the German tickets: a theme of such threads is named "in German", as
    ``by_language`` files them with the German ones. Leanings are read only in themes (per
    item's ``themes``) at least a quarter in another language, so a million English texts
    are not read again, and count only for a language the theme's items are written in."""
    written = foreign(spoken)
    named = list(spoken)
    filed = np.flatnonzero(themes >= 0)
    if not filed.size:
        return named
    # One pass over the items, whatever the number of themes: each theme's size and
    # foreign items counted at once.
    labels = themes[filed]
    size = np.bincount(labels)
    in_other = np.bincount(labels, weights=written[filed], minlength=size.size)
    mixed = 4 * in_other >= size
    named_in: dict[int, set[str | None]] = {}
    for row in filed[mixed[labels] & written[filed]].tolist():
        named_in.setdefault(int(themes[row]), set()).add(spoken[row])
    for row in filed[mixed[labels] & ~written[filed]].tolist():
        # Only a language the theme is written in: English words count for others too
        # ("do" is Portuguese), so an English text may lean to one it is not.
        lean = leaning(texts[row])
        named[row] = lean if lean in named_in.get(int(themes[row]), ()) else None
    return named


def foreign(codes: list[str | None]) -> NDArray[np.bool_]:
    """Per item: written in a language other than English."""
    return np.array([code is not None for code in codes], dtype=np.bool_)


def language_apart(
    found: Discovery,
    spoken: list[str | None],
    texts: list[str],
    min_size: int = DiscoverySettings.min_size,
) -> Discovery:
    """``found`` with the sub-themes mostly in another language (``spoken``: ``languages``
    of ``texts``) of each theme mostly in English made one theme of their own, and each
    theme mostly in other languages one theme per language (``by_language``) and one per
    topic (``by_topic``). ``min_size`` is the smallest theme of the discovery that found
    them (``DiscoverySettings.min_size`` of the run), so a language's theme is as large as
    any other theme of the run must be."""
    apart = set_apart(found, foreign(spoken))
    return by_topic(by_language(apart, spoken, texts, min_size), spoken, min_size)


def by_language(
    found: Discovery,
    spoken: list[str | None],
    texts: list[str],
    min_size: int = DiscoverySettings.min_size,
) -> Discovery:
    """``found`` with each theme mostly in other languages split into one theme per language,
    its commonest keeping the label: a PM reads "in Spanish" as the Spanish tickets, and the
    words that name it must be Spanish too. An item read as English there (a German chat
    with an English follow-up) goes with the language it leans to (``leaning``), else with
    its sub-theme's commonest, else its theme's; a sub-theme split so is numbered anew in
    each theme after the first. A language with fewer items than discovery's smallest theme
    (``min_size``) is left unsorted instead."""
    if not (found.themes >= 0).any():
        return found
    themes, subthemes = found.themes.copy(), found.subthemes.copy()
    codes = np.array([code or "" for code in spoken], dtype=object)
    written = codes != ""
    next_theme, next_sub = int(themes.max()) + 1, int(subthemes.max()) + 1
    for theme in np.unique(themes[themes >= 0]).tolist():
        in_theme = found.themes == theme
        ranked = _ranked(codes[in_theme & written])
        if len(ranked) < 2 or not mostly(written[in_theme]):
            continue
        speaks = np.where(written, codes, "")
        for sub in np.unique(found.subthemes[in_theme]).tolist():
            members = in_theme & (found.subthemes == sub)
            told = _ranked(codes[members & written])
            for row in np.flatnonzero(members & ~written).tolist():
                lean = leaning(texts[row])
                speaks[row] = lean if lean in ranked else told[0] if told else ranked[0]
        seen: set[int] = set(np.unique(found.subthemes[in_theme & (speaks == ranked[0])]).tolist())
        for code in ranked[1:]:
            moved = in_theme & (speaks == code)
            if moved.sum() < min_size:
                # Too few for a theme of their own, not said in its language: unsorted,
                # where a person sees them, as discovery leaves a group this small.
                themes[moved], subthemes[moved] = -1, -1
                continue
            themes[moved] = next_theme
            next_theme += 1
            for sub in np.unique(found.subthemes[moved]).tolist():
                if sub in seen:
                    subthemes[moved & (found.subthemes == sub)] = next_sub
                    next_sub += 1
                seen.add(sub)
    return Discovery(themes=themes, subthemes=subthemes, closeness=found.closeness)


def by_topic(
    found: Discovery, spoken: list[str | None], min_size: int = DiscoverySettings.min_size
) -> Discovery:
    """``found`` with each sub-theme of a theme mostly in other languages made a theme of its
    own: the largest keeps the theme's label (ties: the lower sub-theme), the others take new
    labels after the others. A theme mostly in English keeps its sub-themes.

    A sub-theme smaller than discovery's smallest theme (``min_size``) stays with the
    largest: it is no theme of its own.

    >>> found = Discovery(np.array([0] * 7 + [1, 1]), np.array([0, 0, 0, 1, 1, 1, 4, 2, 3]),
    ...                   np.ones(9, dtype=np.float32))
    >>> by_topic(found, ["de"] * 7 + [None, None]).themes.tolist()
    [0, 0, 0, 2, 2, 2, 0, 1, 1]
    """
    filed = found.themes >= 0
    if not filed.any():
        return found
    written = foreign(spoken)
    themes = found.themes.copy()
    next_theme = int(themes.max()) + 1
    for theme in np.unique(found.themes[filed]).tolist():
        in_theme = found.themes == theme
        if not mostly(written[in_theme]):
            continue
        subs, sizes = np.unique(found.subthemes[in_theme], return_counts=True)
        if subs.size < 2:
            continue
        keeper = int(subs[np.argmax(sizes)])  # the first of the largest: the lowest label
        for sub, size in zip(subs.tolist(), sizes.tolist(), strict=True):
            if sub != keeper and size >= min_size:
                themes[in_theme & (found.subthemes == sub)] = next_theme
                next_theme += 1
    return Discovery(themes=themes, subthemes=found.subthemes, closeness=found.closeness)


def _ranked(codes: NDArray[np.object_]) -> list[str]:
    """The languages of ``codes``, most items first (ties by code, for the same themes on
    every rebuild)."""
    counts: dict[str, int] = {}
    for code in codes.tolist():
        counts[code] = counts.get(code, 0) + 1
    return sorted(counts, key=lambda code: (-counts[code], code))


def language_name(codes: list[str | None], words: list[str]) -> tuple[str | None, list[str]]:
    """How a theme whose items are in the languages ``codes`` (``languages``), named by
    ``words`` (its label terms), says its language: ("in Spanish", its terms without that
    language's function words: "die" named a German theme, "ab" another; a phrase keeps
    them, but for those that are English words too, which the shared stop list could not
    drop) when at least half of its items are in other languages; (None, ``words``)
    otherwise.

    >>> language_name(["de", "de", None], ["seit dem update", "ab", "stürzt die app"])
    ('in German', ['seit dem update', 'stürzt app'])
    """
    spoken = language_of_group(codes)
    if spoken is None:
        return None, words
    # A language told by its script has no function words listed: its label words are
    # its own, and the Latin ones among them name the topic ("sso", "webhook").
    function_words, inside = name_stop_words(spoken), homographs(spoken)
    kept: list[str] = []
    for term in words:
        parts = [part for part in term.split() if part not in inside]
        left = " ".join(parts)
        if parts and not all(part in function_words for part in parts) and left not in kept:
            kept.append(left)
    return in_languages(spoken), kept
