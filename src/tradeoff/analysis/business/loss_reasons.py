"""The loss-reason taxonomy: why deals are lost, beyond "missing feature" (principle 3).

The classifier is a keyword list per category, on purpose: a PM can read why a deal landed in
a category (the ``cues``), predict what a new reason will get, and fix a wrong one in
docs/sales.md's lists or with ``tradeoff loss-reason``. Rules, in order:

1. Text is folded: Unicode NFKC, lower case, "n't" spelled "not", every run of characters that
   is not a letter or digit becomes one space ("in-house" reads "in house").
2. Cues are matched on whole words, longest phrase first; a word inside a matched phrase is not
   matched again, so "did not trust" is a confidence cue and "lack of trust" is not a gap.
   A cue ending in ``*`` matches any word starting so ("pric*": price, pricing, priced).
3. A one-word cue is *negated* (ignored) when "not" or "nor" stands in the two words before it,
   or three when "a", "an" or "the" follows it and the next word is no keyword or dismissal
   ("not expensive", "not the price", "not a product gap"), or when it is dismissed around
   it ("price was not the issue", "no pricing concerns", "pricing was fine"). Not when a
   word between the "not" and the cue says the thing was not got or shown (``ABSENCE_FRAME``:
   "could not prove ROI", "not enough budget", "did not have budget"): a missing thing is the
   reason itself, as every category here names what was missing or what stood in the way.
   A dismissal still wins ("did not see price as an issue"). "No" and "without" alone do not
   negate either: "no budget" and "without an integration" are the reason itself. Phrases
   carry their own negation ("did not trust", "not a fit", "not afford*") and are never
   negated. An absence word of the product-gap list ("missing", "lack*") followed, across
   only ``ABSENCE_FILLER`` words, by a cue of another category is dropped: what is missing
   decides ("lack of budget" is price, "missing an executive sponsor" relationship).
4. A cue weighs its number of words; the heaviest category wins. A tie between categories is
   ambiguous and gives ``unclassified`` with every cue kept, so a person decides.
5. The loss reason decides; the deal's notes are read only when the reason gives no
   category, and cues found there are written ``note: <cue>``. When the reason's cues tie,
   the notes may only choose between the tied categories ("price and timing" with notes
   about price is price); a category the reason never named does not win ("price vs. value"
   with notes saying "needs security review" stays ``unclassified``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tradeoff.domain.enums import LossCategory

#: The documented keyword lists (docs/sales.md repeats them; a test keeps the two in step).
CUES: Mapping[LossCategory, tuple[str, ...]] = {
    LossCategory.PRODUCT_GAP: (
        "missing",
        "lack*",
        "gap",
        "gaps",
        "feature*",
        "functionality",
        "integrat*",
        "capabilit*",
        "limitation*",
        "unsupported",
        "does not support",
        "did not support",
        "no support for",
        "does not integrate",
        "did not integrate",
        "not available",
        "roadmap",
        "must have",
        "requirement*",
        "not do it yet",
        "complex*",
        "complicated",
        "hard to use",
        "ease of use",
        "usability",
        "user experience",
        "performance",
        "on premise",
        "on prem",
    ),
    LossCategory.PRICE_BUDGET: (
        "pric*",
        "expensive",
        "cost",
        "costs",
        "costly",
        "budget*",
        "cheap*",
        "afford*",
        "not afford*",
        "discount*",
        "licens*",
        "no budget",
        "too much money",
        "free tier",
        "free plan",
        "free version",
        "funding",
        "contract terms",
        "legal terms",
        "payment terms",
        "commercial terms",
    ),
    LossCategory.VALUE_NOT_PROVEN: (
        "roi",
        "value",
        "benefit*",
        "justif*",
        "not justify",
        "business case",
        "return on investment",
        "not worth",
        "no value",
        "little value",
        "no roi",
        "not see value",
        "not see the value",
        "not convinced",
        "no clear benefit",
        "did not see the value",
        "proof of concept",
        "poc",
        "pilot failed",
        "trial failed",
        "did not convert",
    ),
    LossCategory.CONFIDENCE_RISK: (
        "trust",
        "risk*",
        "matur*",
        "immature",
        "young",
        "startup",
        "stabil*",
        "reliab*",
        "reference*",
        "secur*",
        "complian*",
        "viability",
        "did not trust",
        "no trust",
        "lack of trust",
        "too small",
        "track record",
        "security review",
        "safer",
        "established",
        "confidence",
        "privacy",
        "gdpr",
        "data protection",
    ),
    LossCategory.RELATIONSHIP: (
        "relationship*",
        "champion",
        "rapport",
        "responsive*",
        "unresponsive rep",
        "champion left",
        "follow up",
        "account manager",
        "sales rep",
        "knew their rep",
        "recommended",
        "sponsor*",
        "executive sponsor*",
        "rep was unresponsive",
        "buy in",
    ),
    LossCategory.ALIGNMENT: (
        "priorit*",
        "strateg*",
        "align*",
        "goals",
        "objectives",
        "direction",
        "not a fit",
        "not a priority",
        "poor fit",
        "wrong fit",
        "use case",
        "not aligned",
        "different needs",
        "bundl*",
        "one vendor",
        "consolidat*",
        "acquired",
        "depriorit*",
    ),
    LossCategory.TIMING_NO_DECISION: (
        "timing",
        "postpon*",
        "delay*",
        "stall*",
        "freeze",
        "budget freeze",
        "budget frozen",
        "later",
        "no decision",
        "on hold",
        "next year",
        "next quarter",
        "not now",
        "not ready",
        "went dark",
        "ghosted",
        "no response",
        "lost contact",
        "unresponsive",
        "non responsive",
        "cancel*",
        "reorg*",
        "procurement",
    ),
    LossCategory.STATUS_QUO: (
        "spreadsheet*",
        "excel",
        "homegrown",
        "agency",
        "incumbent",
        "status quo",
        "keep using",
        "kept using",
        "stay with",
        "stayed with",
        "stick with",
        "do nothing",
        "doing nothing",
        "did nothing",
        "google sheets",
        "in house",
        "home grown",
        "build it",
        "builds it",
        "built it",
        "build their own",
        "built their own",
        "manual process",
        "current process",
        "workaround",
        "staying with",
        "current vendor",
        "existing vendor",
        "current provider",
        "existing provider",
        "renewed with",
    ),
}

NEGATORS = frozenset({"not", "nor"})
ARTICLES = frozenset({"a", "an", "the"})
#: Words that, between a "not" and a cue, say the thing was not got or shown: the negation is
#: the verb's, and the missing thing is the loss reason ("could not prove ROI").
ABSENCE_FRAME = (
    "prov*",
    "demonstrat*",
    "show*",
    "justif*",
    "see",
    "seen",
    "get",
    "got",
    "gotten",
    "find",
    "found",
    "have",
    "had",
    "secur*",
    "build",
    "built",
    "make",
    "made",
    "reach*",
    "obtain*",
    "achiev*",
    "earn*",
    "establish*",
    "enough",
    "sufficient*",
    "much",
)
#: Product-gap cues that only say something is absent; the absent thing, when it is a cue of
#: another category, decides instead ("lack of budget").
ABSENCE_MARKERS = frozenset({"missing", "lack*"})
ABSENCE_FILLER = frozenset({"of", "a", "an", "the", "any", "enough", "sufficient", "clear"})
#: Words that, after a cue and with a "no" or "not" near, dismiss it ("price was not the issue").
DISMISSED = frozenset({"issue", "issues", "problem", "problems", "concern", "concerns", "factor"})
DISMISSED_ALONE = frozenset({"fine", "ok", "okay", "competitive", "acceptable"})
LINKING = frozenset({"was", "were", "is", "are", "seemed"})
NOTE_PREFIX = "note: "


@dataclass(frozen=True)
class LossVerdict:
    """The category and the cues that decided it (every cue found when it is ambiguous)."""

    category: LossCategory
    cues: tuple[str, ...]


@dataclass(frozen=True)
class _Cue:
    words: tuple[str, ...]
    category: LossCategory
    text: str


def fold(text: str) -> list[str]:
    """The words of ``text`` as the rules see them."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    text = re.sub(r"n't\b", " not", text).replace("cannot", "can not")
    return re.sub(r"[\W_]+", " ", text).split()


def _compiled() -> tuple[dict[str, list[tuple[int, _Cue]]], list[tuple[int, _Cue]]]:
    """Cues indexed by their first word (exact), and those whose first word is a prefix."""
    exact: dict[str, list[tuple[int, _Cue]]] = {}
    prefixed: list[tuple[int, _Cue]] = []
    order = 0
    for category, phrases in CUES.items():
        for phrase in phrases:
            cue = _Cue(tuple(phrase.split()), category, phrase)
            if cue.words[0].endswith("*"):
                prefixed.append((order, cue))
            else:
                exact.setdefault(cue.words[0], []).append((order, cue))
            order += 1
    return exact, prefixed


_EXACT, _PREFIXED = _compiled()


def _word_matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def _is_cue_word(word: str) -> bool:
    return word in _EXACT or any(word.startswith(c.words[0][:-1]) for _, c in _PREFIXED)


def _negator_before(words: Sequence[str], start: int) -> int | None:
    """Where "not" or "nor" stands before the cue at ``start``: within two words, or three
    when an article follows it and the word after that is no keyword or dismissal, which
    would have been what the "not" denied ("not a product gap", but "not the issue, missing
    SSO")."""
    for at in range(start - 1, max(-1, start - 4), -1):
        if words[at] not in NEGATORS:
            continue
        if start - at <= 2:
            return at
        middle = words[at + 2]
        if words[at + 1] in ARTICLES and middle not in DISMISSED and not _is_cue_word(middle):
            return at
    return None


def _negated(words: Sequence[str], start: int, end: int) -> bool:
    at = _negator_before(words, start)
    if at is not None and not any(
        _word_matches(p, w) for w in words[at + 1 : start] for p in ABSENCE_FRAME
    ):
        return True
    before = words[max(0, start - 2) : start]
    after = words[end : end + 4]
    if any(w in NEGATORS or w == "no" for w in (*before, *after)) and any(
        w in DISMISSED for w in after
    ):
        return True
    return len(after) >= 2 and after[0] in LINKING and after[1] in DISMISSED_ALONE


def cues_in(text: str) -> list[tuple[LossCategory, str]]:
    """Every cue found in ``text`` (longest phrases first, each word used once), in order."""
    words = fold(text)
    matches: list[tuple[int, int, int, _Cue]] = []
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
    used = [False] * len(words)
    found: list[tuple[int, int, _Cue]] = []
    for negative_size, _, start, cue in sorted(matches, key=lambda m: m[:3]):
        span = range(start, start - negative_size)
        if any(used[i] for i in span):
            continue
        for i in span:
            used[i] = True
        if -negative_size == 1 and _negated(words, start, start + 1):
            continue
        found.append((start, start - negative_size, cue))
    found.sort(key=lambda f: f[0])
    return [
        (cue.category, " ".join(words[start:end]))
        for i, (start, end, cue) in enumerate(found)
        if not _absence_of_another(words, end, cue, found[i + 1] if i + 1 < len(found) else None)
    ]


def _absence_of_another(
    words: Sequence[str], end: int, cue: _Cue, following: tuple[int, int, _Cue] | None
) -> bool:
    """Whether ``cue`` only says that the next cue, of another category, is missing."""
    if cue.text not in ABSENCE_MARKERS or following is None:
        return False
    next_start, _, next_cue = following
    return next_cue.category is not cue.category and all(
        w in ABSENCE_FILLER for w in words[end:next_start]
    )


def _leaders(found: list[tuple[LossCategory, str]]) -> list[LossCategory]:
    """The categories of the heaviest weight (rule 4)."""
    weight: dict[LossCategory, int] = {}
    for category, said in found:
        weight[category] = weight.get(category, 0) + len(said.split())
    best = max(weight.values(), default=0)
    return [c for c, w in weight.items() if w == best]


def _decide(found: list[tuple[LossCategory, str]], prefix: str = "") -> LossVerdict | None:
    if not found:
        return None
    leaders = _leaders(found)
    if len(leaders) > 1:
        cues = tuple(dict.fromkeys(prefix + s for _, s in found))
        return LossVerdict(LossCategory.UNCLASSIFIED, cues)
    winner = leaders[0]
    return LossVerdict(winner, tuple(dict.fromkeys(prefix + s for c, s in found if c is winner)))


def classify_loss(reason: str | None, notes: str | None = None) -> LossVerdict:
    """The category of one lost deal, from its loss reason, else from its notes.

    Example: classify_loss("Too expensive for their budget this year")
    → LossVerdict(category=PRICE_BUDGET, cues=("expensive", "budget"))
    """
    in_reason = cues_in(reason or "")
    from_reason = _decide(in_reason)
    if from_reason is not None and from_reason.category is not LossCategory.UNCLASSIFIED:
        return from_reason
    in_notes = cues_in(notes or "")
    if from_reason is not None:
        # A tie: the notes may choose between the tied categories, never bring another.
        tied = _leaders(in_reason)
        in_notes = [(c, said) for c, said in in_notes if c in tied]
    from_notes = _decide(in_notes, NOTE_PREFIX)
    if from_notes is not None and from_notes.category is not LossCategory.UNCLASSIFIED:
        return from_notes
    return from_reason or from_notes or LossVerdict(LossCategory.UNCLASSIFIED, ())
