"""Telling when two ways of naming a competitor mean the same one, in plain Python.

Sales writes "MSFT Dynamics", "Dynamics 365" and "Microsoft Dynamics CRM" for one rival, so
names are compared on a *key*: folded words, abbreviations spelled out ("msft" → "microsoft"),
and the words that never tell two rivals apart dropped (edition numbers, "CRM", "Inc",
"software"). Two keys are then scored in [0, 1]:

- 1.0 when the keys hold the same words, or the same letters once spaces go ("PowerBI" is
  "Power BI", "Hub Spot" is "HubSpot");
- 0.9 when every word of the shorter key is in the longer one and each is at least four
  letters ("Dynamics" in "Microsoft Dynamics"), or the shorter holds two words or more
  ("Power BI" in "Microsoft Power BI"), or is those words run together ("PowerBI"): a
  product named with and without its maker;
- otherwise difflib's ratio on the sorted words, which forgives typos ("Pipedrvie").

``SAME_AT`` (0.88) is the score from which a new name is filed under a known competitor as
an alias without asking: only equal keys, containment and one-letter typos in long names
reach it. ``PROPOSE_AT`` (0.6) is the score from which a name is shown as *looking like* a
known competitor, for a person to merge or not. "Zohar" scores 0.67 against "Zoho":
proposed, never filed. The thresholds were set on the names in docs/competitors.md; a
person's merge or split always wins, because exact names and aliases are matched first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from tradeoff.domain.deals import Competitor
from tradeoff.domain.names import LEGAL_SUFFIXES, fold

SAME_AT = 0.88
PROPOSE_AT = 0.6
#: Score of a key whose words are all in the other key.
CONTAINED = 0.9
#: Words shorter than this do not make a containment match ("ms" in "ms teams").
CONTAINED_MIN_LETTERS = 4

ABBREVIATIONS = {
    "msft": "microsoft",
    "ms": "microsoft",
    "goog": "google",
    "gsheets": "google sheets",
    "sfdc": "salesforce",
    "xls": "excel",
    "xlsx": "excel",
}
#: Words that name a category, an edition or a legal form, never which rival it is.
NOISE = frozenset(
    {
        "crm", "erp", "software", "app", "apps", "platform", "suite", "cloud", "online",
        "the", "com", "io", "net", "edition", "enterprise", "pro", "plus",
        *LEGAL_SUFFIXES,
    }
)  # fmt: skip
DIGITS = re.compile(r"^\d+$")


def name_key(name: str) -> tuple[str, ...]:
    """The words that identify a competitor, sorted: "MSFT Dynamics 365 CRM" → ("dynamics",
    "microsoft"). A name made only of noise keeps its words, so "CRM" still matches "crm"."""
    words = " ".join(ABBREVIATIONS.get(w, w) for w in fold(name).split()).split()
    kept = [w for w in words if w not in NOISE and not DIGITS.match(w)]
    return tuple(sorted(set(kept or words)))


def key_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    named_apart = len(shorter) > 1 or all(len(w) >= CONTAINED_MIN_LETTERS for w in shorter)
    if set(shorter) <= set(longer) and named_apart:
        return CONTAINED
    return SequenceMatcher(None, " ".join(a), " ".join(b), autojunk=False).ratio()


def spaced_alike(a: str, b: str) -> bool:
    """The same letters in the same order once spaces and punctuation go: one name written
    as one word or two ("PowerBI", "Power BI")."""
    return "".join(fold(a).split()) == "".join(fold(b).split())


def joined_within(a: str, b: str) -> bool:
    """One name written as one word is two or more words in a row of the other, at least
    ``CONTAINED_MIN_LETTERS`` letters: "PowerBI" in "Microsoft Power BI" (whichever
    spelling an import met first, the other must find it)."""
    for one, many in ((a, b), (b, a)):
        word, words = fold(one).split(), fold(many).split()
        if len(word) != 1 or len(word[0]) < CONTAINED_MIN_LETTERS:
            continue
        for start in range(len(words)):
            for end in range(start + 2, len(words) + 1):
                if "".join(words[start:end]) == word[0]:
                    return True
    return False


def name_similarity(a: str, b: str, key_a: tuple[str, ...], key_b: tuple[str, ...]) -> float:
    """``similarity`` with the names' keys already made."""
    if spaced_alike(a, b):
        return 1.0
    score = key_similarity(key_a, key_b)
    return max(score, CONTAINED) if joined_within(a, b) else score


def similarity(a: str, b: str) -> float:
    """How alike two names are, 0..1 (see the module docstring for the scale)."""
    return name_similarity(a, b, name_key(a), name_key(b))


@dataclass(frozen=True)
class NameMatch:
    competitor: Competitor
    #: The competitor's name or alias that scored best.
    matched: str
    score: float


def closest(name: str, competitors: Iterable[Competitor]) -> NameMatch | None:
    """The competitor one of whose names is most like ``name`` (ties: the lower id)."""
    key = name_key(name)
    best: NameMatch | None = None
    for competitor in sorted(competitors, key=lambda c: c.id or 0):
        for known in (competitor.name, *competitor.aliases):
            score = name_similarity(name, known, key, name_key(known))
            if best is None or score > best.score:
                best = NameMatch(competitor, known, score)
    return best


def same_competitor(name: str, competitors: Iterable[Competitor]) -> NameMatch | None:
    """The known competitor ``name`` means without asking anyone: exact, else ``SAME_AT``."""
    wanted = fold(name)
    pool = list(competitors)
    for competitor in pool:
        if any(fold(n) == wanted for n in (competitor.name, *competitor.aliases)):
            return NameMatch(competitor, name, 1.0)
    match = closest(name, pool)
    return match if match is not None and match.score >= SAME_AT else None


def close_names(name: str, names: Sequence[str], *, limit: int = 3) -> list[str]:
    """Names worth suggesting when ``name`` matched nothing: best first, above a low bar."""
    scored = [(similarity(name, n), n) for n in names]
    good = sorted((s for s in scored if s[0] >= 0.5), key=lambda s: (-s[0], s[1]))
    return [n for _, n in good[:limit]]
