"""The taxonomy's cues, indexed for matching, and a reason's words as the cues are compared
with them (``loss_reasons`` rules 1 and 2).

Every list is read on every text (``loss_cues`` and ``loss_cues_abroad``): a reason's
language is never guessed. A cue ending in ``*`` matches any word starting so; of two cues as
long, a listed whole word comes before a prefix ("budgetstopp", not "budget*").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tradeoff.analysis.business import loss_cues_abroad as abroad
from tradeoff.analysis.business.loss_cues import CUES, NAMES
from tradeoff.analysis.business.loss_language import plain, typed
from tradeoff.domain.enums import LossCategory


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    #: None for a name (``NAMES``): its words are taken, it counts for no category.
    category: LossCategory | None
    text: str


#: A cue found: where it starts and ends in the folded words, and which cue it is.
Found = tuple[int, int, Cue]


def written(text: str) -> list[str]:
    """The words of ``text`` as written, case folded: what a cue shows ("preço")."""
    return [word.casefold() for word in typed(text)]


def fold(text: str) -> list[str]:
    """The words of ``text`` as the rules see them: ``written``, without accents."""
    return [plain(word) for word in written(text)]


def _compiled() -> tuple[dict[str, list[tuple[int, Cue]]], list[tuple[int, Cue]]]:
    """Cues and names indexed by their first word (exact), and those whose first word is a
    prefix."""
    exact: dict[str, list[tuple[int, Cue]]] = {}
    prefixed: list[tuple[int, Cue]] = []
    listed: list[tuple[LossCategory | None, str]] = [
        (category, phrase)
        for lists in (CUES, abroad.CUES)
        for category, phrases in lists.items()
        for phrase in phrases
    ]
    listed += [(None, name) for name in (*NAMES, *abroad.NAMES)]
    for order, (category, phrase) in enumerate(listed):
        cue = Cue(tuple(phrase.split()), category, phrase)
        if any(word.endswith("*") for word in cue.words):
            order += len(listed)  # a listed whole word before a prefix: "budgetstopp"
        if cue.words[0].endswith("*"):
            prefixed.append((order, cue))
        else:
            exact.setdefault(cue.words[0], []).append((order, cue))
    return exact, prefixed


EXACT, PREFIXED = _compiled()


def word_matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def matches_any(patterns: Sequence[str] | frozenset[str], word: str) -> bool:
    return any(word_matches(p, word) for p in patterns)


def is_cue_word(word: str) -> bool:
    return word in EXACT or any(word.startswith(c.words[0][:-1]) for _, c in PREFIXED)
