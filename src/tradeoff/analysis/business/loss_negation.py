"""Whether a cue found is negated or dismissed, and so counts for nothing (``loss_reasons``
rule 3): "not expensive", "price was not the issue", "no pricing concerns", "pricing was
fine"; but "no budget", "pas de budget" and "could not prove ROI" are the reason itself."""

from __future__ import annotations

from collections.abc import Sequence

from tradeoff.analysis.business import loss_cues_abroad as abroad
from tradeoff.analysis.business.loss_cue_index import is_cue_word, matches_any
from tradeoff.analysis.business.loss_cues import (
    ABSENCE_FRAME,
    ARTICLES,
    CARRY_REACH,
    DISMISSAL_FILLER,
    DISMISSED_ALONE,
    LINKING,
)
from tradeoff.analysis.business.loss_cues import CARRIED_NEGATORS as ENGLISH_CARRIED
from tradeoff.analysis.business.loss_cues import DISMISSED as ENGLISHDISMISSED
from tradeoff.analysis.business.loss_cues import NEGATORS as ENGLISH_NEGATORS

#: The English lists and those of every other language (``loss_cues_abroad``), read on
#: every text alike: a reason's language is not guessed.
#: Read by loss_disqualified and loss_matching too.
NEGATORS = ENGLISH_NEGATORS | abroad.NEGATORS
_CARRIED_NEGATORS = ENGLISH_CARRIED | abroad.CARRIED_NEGATORS
#: A negator and the word after it that say a thing is absent: "pas de budget".
_ABSENT_NEGATIONS = frozenset(tuple(phrase.split()) for phrase in abroad.ABSENT_NEGATIONS)
_ARTICLES = ARTICLES | abroad.ARTICLES
_LINKING = LINKING | abroad.LINKING
_ABSENCE_FRAME = ABSENCE_FRAME + abroad.ABSENCE_FRAME
DISMISSED = ENGLISHDISMISSED | abroad.DISMISSED
_DISMISSED_ALONE = DISMISSED_ALONE | abroad.DISMISSED_ALONE
#: Words that deny what follows them, so a dismissal after them waves a cue away.
DENIALS = NEGATORS | abroad.DENIALS | {"no", "without"}


def _negates(words: Sequence[str], at: int) -> bool:
    """Whether the word at ``at`` negates like "not": a negator, or Spanish "no" or Italian
    "non" before a copula ("no es caro", "non è caro"). "No" alone names what is missing
    ("no budget", "no presupuesto"), "non" alone may be English ("non-compliant"), and a
    negator that says a thing is absent ("pas de budget") or a carried one with no negation
    to carry on ("ni budget ni sponsor", ``_carries_negation``) negates nothing."""
    word = words[at]
    if word in NEGATORS:
        if _says_absent(words, at):
            return False
        return word not in _CARRIED_NEGATORS or _carries_negation(words, at)
    return at + 1 < len(words) and words[at + 1] in abroad.NEGATE_BEFORE.get(word, ())


def _says_absent(words: Sequence[str], at: int) -> bool:
    """Whether the negator at ``at`` and the word after it say a thing is absent ("pas de")."""
    return tuple(words[at : at + 2]) in _ABSENT_NEGATIONS


def _carries_negation(words: Sequence[str], at: int) -> bool:
    """Whether the carried negator at ``at`` ("nor", "ni", "nem", "weder") goes on with a
    negation within ``CARRY_REACH`` words, or follows a copula: "n'est ni cher ni lent",
    "not expensive nor complex". A word saying the thing was not got or had stops the look
    back ("não tem orçamento nem patrocinador", "il n'y avait ni budget ni sponsor" have
    none): the list then names what was missing."""
    for before in range(at - 1, max(-1, at - 1 - CARRY_REACH), -1):
        word = words[before]
        if matches_any(_ABSENCE_FRAME, word) or _says_absent(words, before):
            return False
        if word in _LINKING and before == at - 1:
            return True
        if word in NEGATORS or word == "no":
            return _negates(words, before)
    return False


def _negator_before(words: Sequence[str], start: int) -> int | None:
    """Where "not" or "nor" stands before the cue at ``start``: within two words, or three
    when an article or a copula follows it and the word after that is no keyword or
    dismissal, which would have been what the "not" denied ("not a product gap", "não é
    tão caro", but "not the issue, missing SSO")."""
    for at in range(start - 1, max(-1, start - 4), -1):
        if not _negates(words, at):
            continue
        if start - at <= 2:
            return at
        middle = words[at + 2]
        if (
            words[at + 1] in _ARTICLES | _LINKING
            and middle not in DISMISSED
            and (middle in _ARTICLES or not is_cue_word(middle))
        ):
            return at
    return None


def dismissed(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the words around a cue wave it away: "no pricing concerns", "price was not
    the issue", "le prix n'était pas un problème" (the five words after it), "sin
    problemas de precio" (a denied dismissal in the four words before it), "price was
    fine"."""
    before = words[max(0, start - 2) : start]
    after = words[end : end + 5]
    if any(w in DENIALS for w in (*before, *after)) and any(w in DISMISSED for w in after):
        return True
    lead = max(0, start - 4)
    if any(
        words[at] in DISMISSED
        and _denied(words, lead, at)
        and not any(is_cue_word(w) for w in words[at + 1 : start])
        for at in range(lead, start)
    ):
        return True  # a keyword between was what was dismissed: "sin problemas de precio; faltan"
    if len(after) < 2 or after[0] not in _LINKING:
        return False
    said = after[2] if after[1] in DISMISSAL_FILLER and len(after) > 2 else after[1]
    return said in _DISMISSED_ALONE


def _denied(words: Sequence[str], lead: int, at: int) -> bool:
    """Whether a denial ("no", "sin", "kein", "pas de") stands right before the word at
    ``at``, after ``lead``."""
    if at - 1 >= lead and words[at - 1] in DENIALS:
        return True
    return at - 2 >= lead and _says_absent(words, at - 2)


def negated(words: Sequence[str], start: int, end: int, used: Sequence[bool]) -> bool:
    """Whether a "not" before the cue at ``start`` negates it (not one a phrase used: "passt
    nicht ins Budget"), with no absence word between, or the words around dismiss it."""
    at = _negator_before(words, start)
    if (
        at is not None
        and not used[at]
        and not any(matches_any(_ABSENCE_FRAME, w) for w in words[at + 1 : start])
    ):
        return True
    return dismissed(words, start, end)
