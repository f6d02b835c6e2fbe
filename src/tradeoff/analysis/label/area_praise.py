"""Praise of a theme's area, told in a theme of its own.

People who are happy with an area say so in other words than those who struggle with it,
so discovery often files "love the Gantt view" in a praise theme of its own rather than
among the Gantt complaints, where it would be counter evidence. A theme's page therefore
also names the praise themes of its area, and a praise theme's page the theme it answers.

A **praise theme** is a top-level theme at least half of whose items read as praise
(``storage.theme_profile``'s praise items). It **speaks to** theme T when T is not a
praise theme and T is its **nearest namesake**: of the top-level themes whose names share
an **area word** with its name, the one whose centroid sits nearest its own, provided it is
itself among the ``NEAR`` themes nearest T. An area word is a word stem
(``keywords.label_stems``) that is neither a praise word, a word for the product as a whole
(``GENERAL``: "app", "tool", "feature") nor a measure (``MEASURES``: "minutes", "ten"), and
that one of the two names leads with (its **key term**, the first part of the name that
names an area: "gantt" in "gantt · chart slow" beside "feedback · gantt chart · view
great"). The shared word names the area; the nearness, both ways, says the praise is of T's
area, not of another theme's that happens to share a word. A word two names hold only among
their lesser terms is a detail of each, not the area of either: a QA tester's "support ·
team amazing · minutes great service" and "report · ten minutes load · month end" shared
"minutes" alone (how long support took, how long reports load), and the support praise
was shown as praise of slow reports. Generic praise ("love it · great · amazing") names no
area and speaks to none. Themes without centroids (made by hand before any analysis) have
a nearest namesake only when they have exactly one.

Each praise theme speaks to at most one theme; a theme may be answered by several. Only
names and centroids decide who is whose namesake, so a page profiles just the themes that
might answer it, not every theme.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.label.counter import (
    GENERAL,
    IDIOMS,
    MANNER,
    NUMBER_WORDS,
    PRAISE,
    SERVICE_PRAISE,
    UNITS,
)
from tradeoff.analysis.label.keywords import STOPWORDS, label_stems
from tradeoff.analysis.label.praise_lexicons import LEXICONS, compiled
from tradeoff.analysis.text.language import NAMES
from tradeoff.storage.theme_profile import ThemeProfile
from tradeoff.storage.themes import ThemeSummary

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
#: The other languages' words (``praise_lexicons``), as read for praise.
_FOREIGN = [words for code in LEXICONS if (words := compiled(code)) is not None]
#: Stems that judge rather than name, in English or another language: "great" or
#: "excelente" in two names is no shared area.
_JUDGING = label_stems(
    [" ".join(phrase) for phrase in (*PRAISE, *MANNER, *IDIOMS)]
    + [phrase[0] for phrase in SERVICE_PRAISE]  # "outstanding", not what it praises
    + sorted(word for words in _FOREIGN for word in words.judging)
)
#: Words that name the product as a whole, not an area of it: "app" in "app · easy love ·
#: best banking" (praise of the app) and "updating app · black screen" (a crash) is no
#: shared area; nor is "aplicación" or "Produkt".
_GENERAL = label_stems(
    sorted(GENERAL | {word for words in _FOREIGN for word in words.sets["general"]})
)
#: Amounts of time, distance or anything: "minutes" in "support · team amazing · minutes
#: great service" (an issue fixed "in ten minutes") and "report · ten minutes load · month
#: end" (a report that "takes ten minutes to load") is how long, not what: a QA tester's
#: support praise was shown as praise of slow reports by that word alone.
MEASURES = UNITS | NUMBER_WORDS
_MEASURES = label_stems(sorted(MEASURES))
#: A namesake answers only a theme among its own nearest few: seen from a complaint theme,
#: the praise of its area sits near (first to third on the QA corpora); generic praise that
#: shares a word ("bank" in "best banking app" and "foreign exchange markup · banks") far.
NEAR = 3
#: What separates the terms of a theme's name (``keywords``: "report · ten minutes load").
_PART = "\u00b7"
#: The part that leads the name of a theme in other languages (``text.language.in_languages``:
#: "in Spanish", "in Spanish and German").
_LANGUAGE_NAME = "|".join(sorted(NAMES.values()))
_LANGUAGE_PART = re.compile(rf"in (?:{_LANGUAGE_NAME})(?:(?:, | and )(?:{_LANGUAGE_NAME}))*")


def is_praise_theme(profile: ThemeProfile) -> bool:
    """At least half of the theme's items read as praise (the complement of the rule that
    lists praise as counter evidence: only in a theme that is mostly something else)."""
    return profile.items > 0 and 2 * profile.praise_items >= profile.items


def area_stems(name: str) -> frozenset[str]:
    """The stems a theme's name gives its area: its words, stop words, judging words, words
    for the whole product and measures out, and the language a theme in another language
    is named by ("in Spanish · soporte excelente" names support, not "spanish": two Spanish
    themes share no area by it)."""
    if _LANGUAGE_PART.fullmatch(name.split(_PART)[0].strip()):
        name = _PART.join(name.split(_PART)[1:])
    words = [w for w in _WORD.findall(name.lower()) if w not in STOPWORDS]
    return label_stems(words) - _JUDGING - _GENERAL - _MEASURES


def key_stems(name: str) -> frozenset[str]:
    """The area stems of a name's key term: its first part (parts are separated by "·") that
    names an area ("gantt" of "love it · gantt view"); a name of one part is all key.

    >>> sorted(key_stems("love it · gantt view · drag")), sorted(key_stems("Gantt charts"))
    (['gantt', 'view'], ['chart', 'gantt'])
    """
    for part in name.split(_PART):
        if stems := area_stems(part):
            return stems
    return frozenset()


def _namesakes(
    stems: Mapping[int, frozenset[str]], keys: Mapping[int, frozenset[str]], one: int, other: int
) -> bool:
    """Whether two themes' names share an area word that leads one of them."""
    return bool(stems[one] & stems[other] & (keys[one] | keys[other]))


def nearest_namesakes(
    themes: Sequence[ThemeSummary], centroids: Mapping[int, NDArray[np.float32]]
) -> dict[int, int]:
    """Top-level theme id → its nearest namesake's id (the module's rules), for those of the
    top-level ``themes`` that have one."""
    tops = [t for t in themes if t.parent_id is None]
    stems = {t.id: area_stems(t.name) for t in tops}
    keys = {t.id: key_stems(t.name) for t in tops}
    placed_ids = [t.id for t in tops if t.id in centroids]
    found: dict[int, int] = {}
    for theme in tops:
        sharing = [
            t.id for t in tops if t.id != theme.id and _namesakes(stems, keys, t.id, theme.id)
        ]
        placed = [t for t in sharing if t in centroids]
        if sharing and theme.id in centroids and len(placed) == len(sharing):
            own = centroids[theme.id]
            nearest = max(placed, key=lambda t: (float(centroids[t] @ own), -t))
            if theme.id in _nearest(nearest, placed_ids, centroids, NEAR):
                found[theme.id] = nearest
        elif len(sharing) == 1:
            found[theme.id] = sharing[0]
    return found


def _nearest(
    theme_id: int, others: Sequence[int], centroids: Mapping[int, NDArray[np.float32]], count: int
) -> list[int]:
    """The ``count`` themes of ``others`` whose centroids sit nearest ``theme_id``'s."""
    own = centroids[theme_id]
    ranked = sorted(
        (t for t in others if t != theme_id), key=lambda t: (-float(centroids[t] @ own), t)
    )
    return ranked[:count]


def spoken_to(namesakes: Mapping[int, int], profiles: Mapping[int, ThemeProfile]) -> dict[int, int]:
    """Praise theme id → the theme whose area it speaks to: its nearest namesake, when that
    is not a praise theme. A theme without a profile (not active, or not profiled) is
    neither."""
    return {
        praise: answered
        for praise, answered in namesakes.items()
        if praise in profiles
        and answered in profiles
        and is_praise_theme(profiles[praise])
        and not is_praise_theme(profiles[answered])
    }
