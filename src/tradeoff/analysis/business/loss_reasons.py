"""The loss-reason taxonomy: why deals are lost, beyond "missing feature" (principle 3).

The classifier is a keyword list per category, on purpose: a PM can read why a deal landed in
a category (the ``cues``), predict what a new reason will get, and fix a wrong one in
docs/sales.md's lists or with ``tradeoff loss-reason``. Rules, in order:

1. Text is folded: Unicode NFKC, lower case, "n't" spelled "not", every run of characters that
   is not a letter or digit becomes one space ("in-house" reads "in house"), and a word is
   compared without accents ("orcamento" is "orçamento"; ``loss_language.plain``). A cue is
   shown as written.
2. Cues are matched on whole words, longest phrase first; a word inside a matched phrase is not
   matched again, so "did not trust" is a confidence cue and "lack of trust" is not a gap.
   Of two as long, a listed whole word comes before a prefix ("budgetstopp", not "budget*").
   Every list has its Spanish, Portuguese, French, German, Italian and Dutch words too
   (``loss_cues_abroad``), read on every text: a reason's language is never guessed.
   A cue ending in ``*`` matches any word starting so ("pric*": price, pricing, priced).
   A name (``NAMES``: "cost center", "benefits enrollment") is matched the same way and
   counts for no category: a product's thing is not a reason.
3. A one-word cue is *negated* (ignored) when "not" or "nor" (or "não", "pas", "nicht", and
   Spanish "no" or Italian "non" before a copula: "no es caro"), but one a phrase holds
   ("passt nicht ins Budget"), stands in the two words before it, or three
   when an article or a copula follows it and the next word is no keyword or dismissal
   ("not expensive", "not the price", "not a product gap"), or when it is dismissed around
   it ("price was not the issue", "no pricing concerns", "pricing was fine"; a denied
   dismissal before it only when no other cue stands between). Not when a
   word between the "not" and the cue says the thing was not got or shown (``ABSENCE_FRAME``:
   "could not prove ROI", "not enough budget", "did not have budget"): a missing thing is the
   reason itself, as every category here names what was missing or what stood in the way.
   A dismissal still wins ("did not see price as an issue"). "No" and "without" alone do not
   negate either: "no budget" and "without an integration" are the reason itself, and nor
   does a negator that says a thing is absent ("pas de budget", ``ABSENT_NEGATIONS``) or a
   carried one ("nor", "ni", "nem", "weder") that carries on no negation ("no budget nor
   sponsor", "ni budget ni sponsor"; but "not expensive nor complex"). Phrases
   carry their own negation ("did not trust", "not a fit", "not afford*") and are never
   negated. An absence word of the product-gap list ("missing", "lack*") followed, across
   only ``ABSENCE_FILLER`` words, by a cue of another category is dropped: what is missing
   decides ("lack of budget" is price, "missing an executive sponsor" relationship); so is a
   ``SHORTFALL_MARKERS`` cue after one, across ``LINKING`` words ("budget was too limited"),
   and a verdict of fit beside one ("Preis passt nicht": ``loss_described``). The buyer's
   capacity ("No bandwidth to implement SSO") is a timing cue (``loss_capacity``).
   A feature word (``FEATURE_NOUNS``) is a product-gap cue only within ``FEATURE_REACH``
   words after a ``FEATURE_FRAME`` word ("no SCIM provisioning", "they had GL sync").
   A quality (``QUALITIES``: "secur*", "reliab*") that a need word is about, or that lies
   between a frame word and its feature, counts for nothing: "Security requires SAML SSO"
   and "needs reliable webhooks" are needs, not trust in us. A ``STAGES`` cue ("poc")
   counts only when no cue of another category says why.
4. A cue weighs its number of words, a capacity phrase one (``loss_capacity.is_capacity``);
   the heaviest category wins, and of as heavy, the one less of whose weight is capacity
   phrases ("No time for a pilot, also pricing too high" is price). A tie is broken by the
   reason's headline (the few words before a colon or a spaced dash) when it names just one
   of the tied categories ("Lost on price - they bundled it"); otherwise it is ambiguous and
   gives ``unclassified`` with every cue kept, so a person decides.
5. The loss reason decides. When it gives no category, the deal's competitor field
   (``CompetitorField``) comes next, then the notes. A field naming only an alternative that
   is no product (a spreadsheet, an in-house tool, an agency, doing nothing) decides:
   ``status_quo``, or what the taxonomy reads in the name ("No decision" is
   ``timing_no_decision``), written ``competitor: <cue>``. A field naming a product rival
   says the buyer bought something: the notes are read (cues written ``note: <cue>``) but
   may not make the deal ``status_quo`` or ``timing_no_decision``, as a description of what
   the prospect uses today ("Replacing spreadsheets for 2 stores") would. When the reason's
   cues tie and no headline decides, the field and then the notes may only choose between
   the tied categories ("price and timing" with notes about price is price); a category the
   reason never named does not win ("price vs. value" with notes saying "needs security
   review" stays ``unclassified``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tradeoff.analysis.business import loss_cues_abroad as abroad
from tradeoff.analysis.business.loss_capacity import Capacity, capacity_phrases, is_capacity
from tradeoff.analysis.business.loss_cues import (
    ABSENCE_FRAME,
    ARTICLES,
    CARRY_REACH,
    CUES,
    DISMISSAL_FILLER,
    DISMISSED,
    DISMISSED_ALONE,
    FEATURE_FRAME,
    FEATURE_NOUNS,
    FEATURE_REACH,
    LINKING,
    NAMES,
    NEED_FRAME,
    NOT_OF_A_PRODUCT,
    QUALITIES,
    QUALITY_FILLER,
    STAGES,
    SUBJECT_REACH,
)
from tradeoff.analysis.business.loss_cues import CARRIED_NEGATORS as ENGLISH_CARRIED
from tradeoff.analysis.business.loss_cues import NEGATORS as ENGLISH_NEGATORS
from tradeoff.analysis.business.loss_described import describes_another
from tradeoff.analysis.business.loss_language import plain, typed
from tradeoff.domain.enums import LossCategory

#: The English lists and those of every other language (``loss_cues_abroad``), read on
#: every text alike: a reason's language is not guessed.
#: Read by loss_disqualified too.
NEGATORS = ENGLISH_NEGATORS | abroad.NEGATORS
_CARRIED_NEGATORS = ENGLISH_CARRIED | abroad.CARRIED_NEGATORS
#: A negator and the word after it that say a thing is absent: "pas de budget".
_ABSENT_NEGATIONS = frozenset(tuple(phrase.split()) for phrase in abroad.ABSENT_NEGATIONS)
_ARTICLES = ARTICLES | abroad.ARTICLES
_LINKING = LINKING | abroad.LINKING
_ABSENCE_FRAME = ABSENCE_FRAME + abroad.ABSENCE_FRAME
_DISMISSED = DISMISSED | abroad.DISMISSED
_DISMISSED_ALONE = DISMISSED_ALONE | abroad.DISMISSED_ALONE
#: Words that deny what follows them, so a dismissal after them waves a cue away.
_DENIALS = NEGATORS | abroad.DENIALS | {"no", "without"}
_FEATURE_FRAME = FEATURE_FRAME + abroad.FEATURE_FRAME
_FEATURE_NOUNS = FEATURE_NOUNS + abroad.FEATURE_NOUNS
_NEED_FRAME = NEED_FRAME + abroad.NEED_FRAME
_QUALITIES = QUALITIES | abroad.QUALITIES
_STAGES = STAGES | abroad.STAGES

NOTE_PREFIX = "note: "
FIELD_PREFIX = "competitor: "
#: What the notes may not make a deal lost to a product rival: the buyer bought something.
BOUGHT_ELSEWHERE = frozenset({LossCategory.STATUS_QUO, LossCategory.TIMING_NO_DECISION})


@dataclass(frozen=True)
class CompetitorField:
    """What a lost deal's competitor field names, as the taxonomy reads it (rule 5)."""

    #: A product rival: a competitor of a direct or other-category kind.
    product: bool = False
    #: An alternative that is no product (a spreadsheet, an in-house tool, an agency,
    #: doing nothing), by its name; one is enough (the first by name).
    kept: str | None = None


NO_FIELD = CompetitorField()


@dataclass(frozen=True)
class LossVerdict:
    """The category and the cues that decided it (every cue found when it is ambiguous)."""

    category: LossCategory
    cues: tuple[str, ...]


@dataclass(frozen=True)
class _Cue:
    words: tuple[str, ...]
    #: None for a name (``NAMES``): its words are taken, it counts for no category.
    category: LossCategory | None
    text: str


#: A cue found: where it starts and ends in the folded words, and which cue it is.
_Found = tuple[int, int, _Cue]

#: What ends a reason's headline: a colon, a dash between spaces, an em dash, or a full stop
#: before a capital ("Lost on price - they bundled it", "Price: 30% cheaper", "Price. Our...").
HEADLINE_END = re.compile(r":|\s[-–—]+\s|—|\.\s+(?=[A-Z])")
HEADLINE_WORDS = 8


def written(text: str) -> list[str]:
    """The words of ``text`` as written, case folded: what a cue shows ("preço")."""
    return [word.casefold() for word in typed(text)]


def fold(text: str) -> list[str]:
    """The words of ``text`` as the rules see them: ``written``, without accents."""
    return [plain(word) for word in written(text)]


def _compiled() -> tuple[dict[str, list[tuple[int, _Cue]]], list[tuple[int, _Cue]]]:
    """Cues and names indexed by their first word (exact), and those whose first word is a
    prefix."""
    exact: dict[str, list[tuple[int, _Cue]]] = {}
    prefixed: list[tuple[int, _Cue]] = []
    listed: list[tuple[LossCategory | None, str]] = [
        (category, phrase)
        for lists in (CUES, abroad.CUES)
        for category, phrases in lists.items()
        for phrase in phrases
    ]
    listed += [(None, name) for name in (*NAMES, *abroad.NAMES)]
    for order, (category, phrase) in enumerate(listed):
        cue = _Cue(tuple(phrase.split()), category, phrase)
        if any(word.endswith("*") for word in cue.words):
            order += len(listed)  # a listed whole word before a prefix: "budgetstopp"
        if cue.words[0].endswith("*"):
            prefixed.append((order, cue))
        else:
            exact.setdefault(cue.words[0], []).append((order, cue))
    return exact, prefixed


_EXACT, _PREFIXED = _compiled()


def _word_matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def _in(patterns: Sequence[str] | frozenset[str], word: str) -> bool:
    return any(_word_matches(p, word) for p in patterns)


def _is_cue_word(word: str) -> bool:
    return word in _EXACT or any(word.startswith(c.words[0][:-1]) for _, c in _PREFIXED)


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
        if _in(_ABSENCE_FRAME, word) or _says_absent(words, before):
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
            and middle not in _DISMISSED
            and (middle in _ARTICLES or not _is_cue_word(middle))
        ):
            return at
    return None


def _dismissed(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the words around a cue wave it away: "no pricing concerns", "price was not
    the issue", "le prix n'était pas un problème" (the five words after it), "sin
    problemas de precio" (a denied dismissal in the four words before it), "price was
    fine"."""
    before = words[max(0, start - 2) : start]
    after = words[end : end + 5]
    if any(w in _DENIALS for w in (*before, *after)) and any(w in _DISMISSED for w in after):
        return True
    lead = max(0, start - 4)
    if any(
        words[at] in _DISMISSED
        and _denied(words, lead, at)
        and not any(_is_cue_word(w) for w in words[at + 1 : start])
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
    if at - 1 >= lead and words[at - 1] in _DENIALS:
        return True
    return at - 2 >= lead and _says_absent(words, at - 2)


def _negated(words: Sequence[str], start: int, end: int, used: Sequence[bool]) -> bool:
    """Whether a "not" before the cue at ``start`` negates it (not one a phrase used: "passt
    nicht ins Budget"), with no absence word between, or the words around dismiss it."""
    at = _negator_before(words, start)
    if (
        at is not None
        and not used[at]
        and not any(_in(_ABSENCE_FRAME, w) for w in words[at + 1 : start])
    ):
        return True
    return _dismissed(words, start, end)


def _matched(words: Sequence[str], capacity: Sequence[Capacity]) -> tuple[list[_Found], list[bool]]:
    """Cues, names and ``capacity`` phrases not negated, in order of where they start
    (capacity phrases first, with the task after them, which counts for nothing; then
    longest phrases first, each word used once), and which words a match used."""
    used = [False] * len(words)
    found: list[_Found] = []
    for phrase in capacity:
        if any(used[phrase.start : phrase.through]):
            continue
        used[phrase.start : phrase.through] = [True] * (phrase.through - phrase.start)
        shown = words[phrase.start : phrase.end]
        found.append((phrase.start, phrase.end, _Cue((*shown,), phrase.category, " ".join(shown))))
    matches = []
    for start, word in enumerate(words):
        candidates = _EXACT.get(word, []) + [
            (o, c) for o, c in _PREFIXED if word.startswith(c.words[0][:-1])
        ]
        for order, cue in candidates:
            size = len(cue.words)
            window = words[start : start + size]
            if len(window) == size and all(
                _word_matches(p, w) for p, w in zip(cue.words, window, strict=True)
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
            and _negated(words, start, start + 1, used)
        ):
            continue
        found.append((start, start - negative_size, cue))
    found.sort(key=lambda f: f[0])
    return found, used


@dataclass(frozen=True)
class _Framed:
    """Feature nouns found framed, and where the qualities that describe them start."""

    features: list[_Found]
    described: frozenset[int]


def _features(words: Sequence[str], used: Sequence[bool], found: Sequence[_Found]) -> _Framed:
    """Feature nouns framed as absent, needed or the rival's: the first one within reach of a
    ``FEATURE_FRAME`` word ("no SCIM provisioning" gives "scim"). The reach stops at a word
    another cue used, at a dismissal and at the next frame word; a "not" reaches one word.
    It passes over a quality (``QUALITIES``: "needs reliable webhook delivery"), which then
    describes the feature, as does one a need word is about (``_needed``)."""
    qualities = {start for start, end, cue in found if cue.text in _QUALITIES and end == start + 1}
    features: list[_Found] = []
    described: set[int] = set()
    for at, word in enumerate(words):
        if used[at] or not _in(_FEATURE_FRAME, word):
            continue
        if word.startswith("need") and any(w in _DENIALS for w in words[max(0, at - 2) : at]):
            continue  # "no need for reporting" needs nothing
        if _in(_NEED_FRAME, word):
            described |= _needed(words, at, qualities)
        reach = 1 if word in NEGATORS else FEATURE_REACH
        for where in range(at + 1, min(len(words), at + 1 + reach)):
            noun = words[where]
            if where in qualities:
                continue
            if used[where] or noun in _DISMISSED or _in(_FEATURE_FRAME, noun):
                break
            if _in(_FEATURE_NOUNS, noun):
                if not _dismissed(words, where, where + 1):
                    features.append(
                        (where, where + 1, _Cue((noun,), LossCategory.PRODUCT_GAP, noun))
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
    kept += framed.features
    kept.sort(key=lambda f: f[0])
    said = [
        (cue.category, " ".join(words[start:end]), " ".join(shown[start:end]))
        for start, end, cue in kept
        if cue.category is not None
    ]
    return [(category, as_written) for category, _, as_written in _without_stage(said)]


def _without_stage(
    found: list[tuple[LossCategory, str, str]],
) -> list[tuple[LossCategory, str, str]]:
    """``found`` less its ``STAGES`` cues when a cue of another category says why: "SDK
    leaked memory during POC" is a defect found in a POC, not value not proven."""
    stages = {c for c, said, _ in found if said in _STAGES}
    if not stages or not {c for c, said, _ in found if said not in _STAGES} - stages:
        return found
    return [cue for cue in found if cue[1] not in _STAGES]


def _leaders(found: list[tuple[LossCategory, str]]) -> list[LossCategory]:
    """The categories of the heaviest weight (rule 4): a capacity phrase weighs one, and of
    categories as heavy, the one less of whose weight is such phrases."""
    weight: dict[LossCategory, tuple[int, int]] = {}
    for category, said in found:
        words, capacity = weight.get(category, (0, 0))
        if category is LossCategory.TIMING_NO_DECISION and is_capacity(said):
            weight[category] = (words + 1, capacity - 1)
        else:
            weight[category] = (words + len(said.split()), capacity)
    best = max(weight.values(), default=(0, 0))
    return [c for c, w in weight.items() if w == best]


def _verdict(
    found: list[tuple[LossCategory, str]], winner: LossCategory, prefix: str = ""
) -> LossVerdict:
    return LossVerdict(winner, tuple(dict.fromkeys(prefix + s for c, s in found if c is winner)))


def _decide(found: list[tuple[LossCategory, str]], prefix: str = "") -> LossVerdict | None:
    if not found:
        return None
    leaders = _leaders(found)
    if len(leaders) > 1:
        cues = tuple(dict.fromkeys(prefix + s for _, s in found))
        return LossVerdict(LossCategory.UNCLASSIFIED, cues)
    return _verdict(found, leaders[0], prefix)


def _headline(reason: str, tied: Sequence[LossCategory]) -> LossCategory | None:
    """The one tied category a reason's headline names: the words before a colon, a spaced
    dash or a sentence's end, when they are few and more follows ("Lost to Gusto on price -
    they bundled time tracking"). CRM reasons are often a picklist value, then the detail."""
    head, *rest = HEADLINE_END.split(reason, maxsplit=1)
    if not rest or not fold(rest[0]) or len(fold(head)) > HEADLINE_WORDS:
        return None
    named = {c for c, _ in cues_in(head) if c in tied}
    return named.pop() if len(named) == 1 else None


def _field_cues(field: CompetitorField) -> list[tuple[LossCategory, str]]:
    """The cues a competitor field gives (rule 5): none when it names a product rival or
    nothing; else what the taxonomy reads in the alternative's name, ``status_quo`` when
    it reads no such category there ("Homegrown ERP", "Our agency")."""
    if field.product or not field.kept:
        return []
    found = [(c, said) for c, said in cues_in(field.kept) if c in BOUGHT_ELSEWHERE]
    return found or [(LossCategory.STATUS_QUO, " ".join(fold(field.kept)))]


def classify_loss(
    reason: str | None, notes: str | None = None, field: CompetitorField = NO_FIELD
) -> LossVerdict:
    """The category of one lost deal, from its loss reason, else from its competitor field,
    else from its notes (rule 5).

    Example: classify_loss("Too expensive for their budget this year")
    → LossVerdict(category=PRICE_BUDGET, cues=("expensive", "budget"))
    """
    in_reason = cues_in(reason or "")
    from_reason = _decide(in_reason)
    if from_reason is not None and from_reason.category is not LossCategory.UNCLASSIFIED:
        return from_reason
    in_field = _field_cues(field)
    in_notes = cues_in(notes or "")
    if field.product:
        in_notes = [(c, said) for c, said in in_notes if c not in BOUGHT_ELSEWHERE]
    if from_reason is not None:
        # A tie: the headline decides, else the field and then the notes may choose between
        # the tied categories, never bring another.
        tied = _leaders(in_reason)
        headline = _headline(reason or "", tied)
        if headline is not None:
            return _verdict(in_reason, headline)
        in_field = [(c, said) for c, said in in_field if c in tied]
        in_notes = [(c, said) for c, said in in_notes if c in tied]
    from_field = _decide(in_field, FIELD_PREFIX)
    if from_field is not None and from_field.category is not LossCategory.UNCLASSIFIED:
        return from_field
    from_notes = _decide(in_notes, NOTE_PREFIX)
    if from_notes is not None and from_notes.category is not LossCategory.UNCLASSIFIED:
        return from_notes
    return from_reason or from_field or from_notes or LossVerdict(LossCategory.UNCLASSIFIED, ())
