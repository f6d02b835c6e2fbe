"""The loss-reason lists of every language besides English, joined per role and spelled as
the rules compare words: without accents, an umlaut both ways (``loss_language``).

``loss_reasons`` and ``loss_sayings`` add each of these to its English list; nothing here
decides anything. A language is one module and one line in ``LANGUAGES``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from tradeoff.analysis.business.loss_cues_de import GERMAN
from tradeoff.analysis.business.loss_cues_es import SPANISH
from tradeoff.analysis.business.loss_cues_fr import FRENCH
from tradeoff.analysis.business.loss_cues_it import ITALIAN
from tradeoff.analysis.business.loss_cues_nl import DUTCH
from tradeoff.analysis.business.loss_cues_pt import PORTUGUESE
from tradeoff.analysis.business.loss_language import LanguageCues, spellings
from tradeoff.domain.enums import LossCategory

LANGUAGES: tuple[LanguageCues, ...] = (SPANISH, PORTUGUESE, FRENCH, GERMAN, ITALIAN, DUTCH)


def spelled(phrases: Iterable[str]) -> tuple[str, ...]:
    """Every spelling of every phrase, in order, each once."""
    return tuple(dict.fromkeys(s for phrase in phrases for s in spellings(phrase)))


def _joined(part: Callable[[LanguageCues], Iterable[str]]) -> tuple[str, ...]:
    return spelled(phrase for language in LANGUAGES for phrase in part(language))


def _per_category(
    part: Callable[[LanguageCues], Mapping[LossCategory, tuple[str, ...]]],
) -> dict[LossCategory, tuple[str, ...]]:
    joined: dict[LossCategory, tuple[str, ...]] = {}
    for category in LossCategory:
        phrases = [p for language in LANGUAGES for p in part(language).get(category, ())]
        if phrases:
            joined[category] = spelled(phrases)
    return joined


CUES = _per_category(lambda language: language.cues)
SAYINGS = _per_category(lambda language: language.sayings)
NAMES = _joined(lambda language: language.names)
NEGATORS = frozenset(_joined(lambda language: language.negators))
CARRIED_NEGATORS = frozenset(_joined(lambda language: language.carried_negators))
ABSENT_NEGATIONS = _joined(lambda language: language.absent_negations)


def _copulas_of(negator: str) -> frozenset[str]:
    """The copulas before which ``negator`` negates, in every language it does so."""
    return frozenset(
        spelled(w for lang in LANGUAGES if lang.copula_negator == negator for w in lang.no_before)
    )


#: Per word that negates only before a copula ("no", "non"), those copulas.
NEGATE_BEFORE: Mapping[str, frozenset[str]] = {
    language.copula_negator: _copulas_of(language.copula_negator)
    for language in LANGUAGES
    if language.no_before
}
LINKING = frozenset(_joined(lambda language: language.linking))
ARTICLES = frozenset(_joined(lambda language: language.articles))
ABSENCE_FRAME = _joined(lambda language: language.absence_frame)
DENIALS = frozenset(_joined(lambda language: language.denials))
ABSENCE_MARKERS = frozenset(_joined(lambda language: language.absence_markers))
ABSENCE_FILLER = frozenset(_joined(lambda language: language.absence_filler))
VERDICTS = frozenset(_joined(lambda language: language.verdicts))
VERDICT_FILLER = frozenset(_joined(lambda language: language.verdict_filler))
DISMISSED = frozenset(_joined(lambda language: language.dismissed))
DISMISSED_ALONE = frozenset(_joined(lambda language: language.dismissed_alone))
FEATURE_FRAME = _joined(lambda language: language.feature_frame)
FEATURE_NOUNS = _joined(lambda language: language.feature_nouns)
NEED_FRAME = _joined(lambda language: language.need_frame)
QUALITIES = frozenset(_joined(lambda language: language.qualities))
STAGES = frozenset(_joined(lambda language: language.stages))
ABSENT_OPENERS = _joined(lambda language: language.absent_openers)
NOT_A_FEATURE = frozenset(_joined(lambda language: language.not_a_feature))
_JOINING = tuple(language for language in LANGUAGES if language.joins_nouns)
JOINING_OPENERS = spelled(opener for language in _JOINING for opener in language.absent_openers)
JOINED_FEATURE_NOUNS = spelled(noun for language in _JOINING for noun in language.feature_nouns)
CAPACITY_PURPOSES = frozenset(_joined(lambda language: language.capacity_purposes))
TASK_ENDS = frozenset(_joined(lambda language: language.task_ends))


def _capacity_cues(language: LanguageCues) -> list[str]:
    """The timing keywords of ``language`` that name the buyer's capacity: one of whose
    words starts with one of its ``capacity_nouns`` ("zeitmangel", "keine kapazität*")."""
    nouns = tuple(noun.rstrip("*") for noun in language.capacity_nouns)
    return [
        cue
        for cue in language.cues.get(LossCategory.TIMING_NO_DECISION, ())
        if any(word.rstrip("*").startswith(nouns) for word in cue.split())
    ]


#: The buyer's capacity in every language but English, each phrase as a tuple of words
#: (a word may end in "*"), longest first: ``loss_capacity`` reads them.
CAPACITY: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(cue.split())
            for cue in spelled(c for lang in LANGUAGES for c in _capacity_cues(lang))
        ),
        key=len,
        reverse=True,
    )
)
CAPITALISING_OPENERS = spelled(
    opener
    for language in LANGUAGES
    if language.capitalises_nouns
    for opener in language.absent_openers
)
