"""The cues of one text (``cues_in``): matched longest first, each word once, less those
negated or dismissed (``loss_negation``), those that only describe another
(``loss_described``) and qualities that describe a needed feature; with the feature words a
frame makes gap cues and the buyer's capacity phrases (``loss_capacity``). ``loss_reasons``
decides a category from them; its docstring gives the rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tradeoff.analysis.business import loss_cues_abroad as abroad
from tradeoff.analysis.business.loss_bundle import BUNDLE_CUE, wants_a_bundle
from tradeoff.analysis.business.loss_capacity import Capacity, capacity_phrases
from tradeoff.analysis.business.loss_cue_index import (
    EXACT,
    PREFIXED,
    Cue,
    Found,
    matches_any,
    word_matches,
    written,
)
from tradeoff.analysis.business.loss_cues import (
    FEATURE_FRAME,
    FEATURE_NOUNS,
    FEATURE_REACH,
    NEED_FRAME,
    NOT_OF_A_PRODUCT,
    QUALITIES,
    QUALITY_FILLER,
    STAGES,
    SUBJECT_REACH,
)
from tradeoff.analysis.business.loss_described import describes_another
from tradeoff.analysis.business.loss_language import plain
from tradeoff.analysis.business.loss_negation import (
    DENIALS,
    DISMISSED,
    NEGATORS,
    dismissed,
    negated,
)
from tradeoff.domain.enums import LossCategory

_FEATURE_FRAME = FEATURE_FRAME + abroad.FEATURE_FRAME
_FEATURE_NOUNS = FEATURE_NOUNS + abroad.FEATURE_NOUNS
_NEED_FRAME = NEED_FRAME + abroad.NEED_FRAME
_QUALITIES = QUALITIES | abroad.QUALITIES
_STAGES = STAGES | abroad.STAGES


def _matched(words: Sequence[str], capacity: Sequence[Capacity]) -> tuple[list[Found], list[bool]]:
    """Cues, names and ``capacity`` phrases not negated, in order of where they start
    (capacity phrases first, with the task after them, which counts for nothing; then
    longest phrases first, each word used once), and which words a match used."""
    used = [False] * len(words)
    found: list[Found] = []
    for phrase in capacity:
        if any(used[phrase.start : phrase.through]):
            continue
        used[phrase.start : phrase.through] = [True] * (phrase.through - phrase.start)
        shown = words[phrase.start : phrase.end]
        found.append((phrase.start, phrase.end, Cue((*shown,), phrase.category, " ".join(shown))))
    matches = []
    for start, word in enumerate(words):
        candidates = EXACT.get(word, []) + [
            (o, c) for o, c in PREFIXED if word.startswith(c.words[0][:-1])
        ]
        for order, cue in candidates:
            size = len(cue.words)
            window = words[start : start + size]
            if len(window) == size and all(
                word_matches(p, w) for p, w in zip(cue.words, window, strict=True)
            ):
                matches.append((-size, order, start, cue))
    for negative_size, _, start, cue in sorted(matches, key=lambda m: m[:3]):
        span = range(start, start - negative_size)
        if any(used[i] for i in span):
            continue
        for i in span:
            used[i] = True
        if (
            -negative_size == 1
            and cue.category is not None
            and negated(words, start, start + 1, used)
        ):
            continue
        found.append((start, start - negative_size, cue))
    found.sort(key=lambda f: f[0])
    return found, used


@dataclass(frozen=True)
class _Framed:
    """Feature nouns found framed, and where the qualities that describe them start."""

    features: list[Found]
    described: frozenset[int]


def _features(words: Sequence[str], used: Sequence[bool], found: Sequence[Found]) -> _Framed:
    """Feature nouns framed as absent, needed or the rival's: the first one within reach of a
    ``FEATURE_FRAME`` word ("no SCIM provisioning" gives "scim"). The reach stops at a word
    another cue used, at a dismissal and at the next frame word; a "not" reaches one word.
    It passes over a quality (``QUALITIES``: "needs reliable webhook delivery"), which then
    describes the feature, as does one a need word is about (``_needed``)."""
    qualities = {start for start, end, cue in found if cue.text in _QUALITIES and end == start + 1}
    features: list[Found] = []
    described: set[int] = set()
    for at, word in enumerate(words):
        if used[at] or not matches_any(_FEATURE_FRAME, word):
            continue
        if word.startswith("need") and any(w in DENIALS for w in words[max(0, at - 2) : at]):
            continue  # "no need for reporting" needs nothing
        if matches_any(_NEED_FRAME, word):
            described |= _needed(words, at, qualities)
        reach = 1 if word in NEGATORS else FEATURE_REACH
        for where in range(at + 1, min(len(words), at + 1 + reach)):
            noun = words[where]
            if where in qualities:
                continue
            if used[where] or noun in DISMISSED or matches_any(_FEATURE_FRAME, noun):
                break
            if matches_any(_FEATURE_NOUNS, noun):
                if not dismissed(words, where, where + 1):
                    features.append(
                        (where, where + 1, Cue((noun,), LossCategory.PRODUCT_GAP, noun))
                    )
                    described |= qualities & set(range(at, where))
                break
    return _Framed(features, frozenset(described))


def _needed(words: Sequence[str], at: int, qualities: set[int]) -> set[int]:
    """The qualities the need word at ``at`` is about: its subject ("Security requires") and
    the one right after it, across ``QUALITY_FILLER`` ("needs more reliable payouts"),
    when what follows is a thing of the product, not us ("a more reliable vendor")."""
    after = at + 1
    while after < len(words) and words[after] in QUALITY_FILLER:
        after += 1
    about = words[after + 1] if after + 1 < len(words) else None
    subject = words[at + 1] if at + 1 < len(words) else None
    described = set()
    if subject is not None and subject not in NOT_OF_A_PRODUCT:
        described |= set(range(at - SUBJECT_REACH, at))
    if about is not None and about not in NOT_OF_A_PRODUCT:
        described.add(after)
    return qualities & described


def cues_in(text: str) -> list[tuple[LossCategory, str]]:
    """Every cue found in ``text`` (longest phrases first, each word used once), in order,
    each as written ("preço", though "preco" matches it too)."""
    shown = written(text)
    words = [plain(word) for word in shown]
    found, used = _matched(words, capacity_phrases(text, words))
    framed = _features(words, used, found)
    kept = [
        (start, end, cue)
        for i, (start, end, cue) in enumerate(found)
        if not describes_another(words, found, i) and start not in framed.described
    ]
    kept = [_wanted(words, start, end, cue) for start, end, cue in kept] + framed.features
    kept.sort(key=lambda f: f[0])
    said = [
        (cue.category, " ".join(words[start:end]), " ".join(shown[start:end]))
        for start, end, cue in kept
        if cue.category is not None
    ]
    return [(category, as_written) for category, _, as_written in _without_stage(said)]


def _wanted(words: Sequence[str], start: int, end: int, cue: Cue) -> Found:
    """The cue found, a product gap when it is a bundle the buyer wanted with a thing ours
    lacked ("Wanted a bundle with payroll", ``loss_bundle``)."""
    if cue.text == BUNDLE_CUE and wants_a_bundle(words, start, end):
        return (start, end, Cue(cue.words, LossCategory.PRODUCT_GAP, cue.text))
    return (start, end, cue)


def _without_stage(
    found: list[tuple[LossCategory, str, str]],
) -> list[tuple[LossCategory, str, str]]:
    """``found`` less its ``STAGES`` cues when a cue of another category says why: "SDK
    leaked memory during POC" is a defect found in a POC, not value not proven."""
    stages = {c for c, said, _ in found if said in _STAGES}
    if not stages or not {c for c, said, _ in found if said not in _STAGES} - stages:
        return found
    return [cue for cue in found if cue[1] not in _STAGES]
