"""Counter evidence: items in a theme that speak well of the area the theme complains about.

A theme of complaints is stronger, and more honest, when the PM also sees who is happy with
the same area. There is no sentiment model here: a short lexicon anyone can read and argue
with, and a few rules, so every verdict comes with the words that decided it.

An item reads as **praise** when something speaks for it and nothing speaks against it.

Speaks for it (``PraiseReading.cues``):

- a praise word or phrase (``PRAISE``: "love", "easy", "fast", "works well", ...) that is
  not negated (a word of ``NEGATORS``, or any "-n't" word, among the three words before it
  in the same clause: "not easy", "isn't very fast", "doesn't work well"), not wished for or
  expected (a word of ``WISHES``, an "-'d" word or "used to" anywhere before it in the
  clause: "it would be great if", "I'd love", "customer asks for faster delivery", "I thought
  it was easy", "it used to be fast": a wish is demand and a let-down expectation a
  complaint, not praise), and not asked (its sentence ends with "?" or opens with a
  question word: "how fast can I ...");
- an idiom (``IDIOMS``: "couldn't be happier", "no complaints", "would recommend") as
  written, unless negated before it;
- a review rated 4 or 5 of 5 ("rated 5 of 5"). Only reviews (app-store stars) count: other
  ratings are on other scales or rate something else — NPS 0–10 rates the whole product,
  helpdesk satisfaction rates the support conversation, not the area.

Speaks against it (``PraiseReading.against``): a negated praise cue ("not easy"); a problem
word (``PROBLEMS``: "broken", "crash", "slow", "can't", ...) that is not itself negated
("never crashes" is fine); a negated "work" ("not working", "doesn't work"); a contrast
(``CONTRASTS``: "but", "however", ...); a review rated 1 or 2 of 5. A mixed item ("love the
app but export is broken") is a complaint in an export theme, so it is never counter
evidence.

Set phrases (``NOT_PRAISE``: "good morning", "have a great day", "as fast as possible",
"quick reply", "never had a problem before") are politeness, urgency or a complaint's
preamble, and are skipped before any cue is looked for.
Clauses end at , ; : ( ) dashes and contrast words; sentences at . ! ? and line breaks.

Known limits: English only; sarcasm ("great, another outage") reads as praise; praise of
something else in the same words ("the agent was helpful") counts when the item was filed
in the theme; a negator more than three words before its cue ("not something anyone finds
easy") is missed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tradeoff.analysis.text import message
from tradeoff.analysis.text.theme_text import EMAIL_SHAPED
from tradeoff.domain.enums import EvidenceKind
from tradeoff.storage.praise import PraiseRules


def _phrases(lines: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in lines.split(",") if line.strip())


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRAISE = _phrases(
    """love, loved, loving, great, excellent, amazing, awesome, fantastic, brilliant, superb,
    wonderful, perfect, perfectly, flawless, flawlessly, seamless, seamlessly, smooth, smoothly,
    easy, easier, easily, effortless, intuitive, simple, straightforward, fast, faster,
    quickly, speedy, reliable, helpful, useful, convenient, impressed, impressive, happy,
    pleased, delighted, best, nice, solid, lifesaver, works well, worked well, working well,
    works great, worked great, working great, works fine, worked fine, works perfectly,
    work well, work great, work fine, work perfectly, works like a charm"""
)
IDIOMS = _phrases(
    """couldn't be happier, couldnt be happier, could not be happier, couldn't be easier,
    couldnt be easier, couldn't be better, couldnt be better, can't complain, cant complain,
    no complaints, no issues, no problems, never had a problem, never had an issue,
    never had any issues, never had any problems, would recommend, would definitely recommend,
    highly recommend, highly recommended, five stars, 5 stars"""
)
NOT_PRAISE = _phrases(
    """good morning, good afternoon, good evening, good day, good night, have a good,
    have a great, have a nice, best regards, best wishes, all the best, best way, nice day,
    great day, as fast as possible, as quickly as possible, as easy as possible,
    simple question, simple task, quick reply, quick response, fast reply, fast response,
    quick answer, can't wait, cant wait, never had a problem before, never had an issue before,
    never had any issues before, never had any problems before"""
)
NEGATORS = _words(
    """not no never nothing none neither nor without hardly barely scarcely cannot cant dont
    doesnt didnt isnt wasnt arent werent wont wouldnt couldnt shouldnt hasnt havent hadnt
    aint lack lacks lacking"""
)
WISHES = _words(
    """would could should wish wished hope hoping if want wants wanted need needs needed
    please must ask asks asked asking request requests requested thought supposed expected
    seems seemed"""
)
PROBLEMS = _words(
    """broken break breaks bug bugs buggy error errors fail fails failed failing failure crash
    crashes crashed crashing slow slower slowly laggy lag lags freeze freezes froze frozen hard
    harder difficult confusing confused annoying annoyed frustrating frustrated problem problems
    issue issues wrong missing stuck unable impossible terrible awful horrible worst hate hated
    disappointed disappointing useless unusable complicated clunky nightmare can't cannot cant
    couldn't couldnt won't wont"""
)
WORK = frozenset({"work", "works", "working", "worked"})
CONTRASTS = frozenset({"but", "however", "although", "though", "except", "unfortunately"})
QUESTION_OPENERS = frozenset(
    {"how", "what", "why", "when", "where", "which", "who", "whats", "what's", "how's"}
)
#: Reviews are starred 1-5; at or above this a review speaks well, at or below LOW_STARS ill.
HIGH_STARS = 4
LOW_STARS = 2

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[,;:()\u2013\u2014]")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
BOUNDARIES = frozenset({",", ";", ":", "(", ")", "\u2013", "\u2014"}) | CONTRASTS
NEGATION_WINDOW = 3


def _by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases indexed by their first word, longest first, so a lookup is one dict hit."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        index.setdefault(phrase[0], []).append(phrase)
    return index


_PRAISE, _IDIOMS, _NOT_PRAISE = map(_by_first_word, (PRAISE, IDIOMS, NOT_PRAISE))
#: Any praise word or idiom anywhere: a text without one cannot read as praise. Matches
#: wherever the tokens would (and sometimes where they would not: it only filters).
_ANY_CUE = re.compile(
    "(?<![a-z0-9])(?:"
    + "|".join("[^a-z0-9]+".join(map(re.escape, phrase)) for phrase in PRAISE + IDIOMS)
    + ")(?![a-z0-9])"
)


def _fold(text: str) -> str:
    return text.lower().replace("\u2019", "'")


@dataclass(frozen=True)
class PraiseReading:
    """What in one item speaks well of its area and what speaks against, in its own words."""

    cues: tuple[str, ...]
    against: tuple[str, ...]

    @property
    def is_praise(self) -> bool:
        return bool(self.cues) and not self.against


def read_praise(
    text: str, rating: float | None = None, kind: EvidenceKind | None = None
) -> PraiseReading:
    """Read one item by the rules in this module's docstring.

    >>> read_praise("Exporting is so easy now, works like a charm!").cues
    ('easy', 'works like a charm')
    >>> read_praise("Exporting is not easy.").against
    ('not easy',)
    """
    cues: list[str] = []
    against: list[str] = []
    for sentence in SENTENCE.findall(_fold(text)):
        _read_sentence(sentence, cues, against)
    if kind is EvidenceKind.REVIEW and rating is not None and 1 <= rating <= 5:
        if rating >= HIGH_STARS:
            cues.append(f"rated {rating:g} of 5")
        elif rating <= LOW_STARS:
            against.append(f"rated {rating:g} of 5")
    return PraiseReading(tuple(cues), tuple(against))


def praise_cues(text: str, rating: float | None, kind: EvidenceKind) -> tuple[str, ...]:
    """The cues of an item that reads as praise, nothing for any other item.

    >>> praise_cues("Love it, card arrived fast", 5, EvidenceKind.REVIEW)
    ('love', 'fast', 'rated 5 of 5')
    """
    if kind in EMAIL_SHAPED:
        # The customer's message only: "Best, Dana" or "Thanks for the quick reply" quoted
        # from our agent below it is not praise of the area.
        text = message.message_body(text)
    rated_high = kind is EvidenceKind.REVIEW and rating is not None and rating >= HIGH_STARS
    if not rated_high and _ANY_CUE.search(_fold(text)) is None:
        return ()  # the common case, ten times faster than reading
    reading = read_praise(text, rating, kind)
    return reading.cues if reading.is_praise else ()


#: The rules as storage keeps their readings: any edit to this module, or to how a message
#: is told from its signature and thread, reads every item again.
_RULES_SOURCE = Path(__file__).read_bytes() + Path(message.__file__).read_bytes()
PRAISE_RULES = PraiseRules(praise_cues, hashlib.sha256(_RULES_SOURCE).hexdigest()[:32])


def _read_sentence(sentence: str, cues: list[str], against: list[str]) -> None:
    tokens = WORD.findall(sentence)
    if not tokens:
        return
    stripped = sentence.rstrip()
    asked = stripped.endswith("?") or (
        tokens[0] in QUESTION_OPENERS and tokens[:2] != ["what", "a"] and not stripped.endswith("!")
    )
    i = 0
    while i < len(tokens):
        if (skip := _match(tokens, i, _NOT_PRAISE)) is not None:
            i += len(skip)
            continue
        if (idiom := _match(tokens, i, _IDIOMS)) is not None:
            negator = _negator(tokens, i)
            if negator is None:
                cues.append(" ".join(idiom))
            else:
                against.append(" ".join(tokens[negator : i + len(idiom)]))
            i += len(idiom)
            continue
        if (cue := _match(tokens, i, _PRAISE)) is not None:
            negator = _negator(tokens, i)
            if negator is not None:
                against.append(" ".join(tokens[negator : i + len(cue)]))
            elif not asked and not _requested(tokens, i):
                cues.append(" ".join(cue))
            i += len(cue)
            continue
        word = tokens[i]
        if word in CONTRASTS or (word in PROBLEMS and _negator(tokens, i) is None):
            against.append(word)
        elif word in WORK and (negator := _negator(tokens, i)) is not None:
            against.append(" ".join(tokens[negator : i + 1]))
        i += 1


def _match(
    tokens: Sequence[str], i: int, phrases: dict[str, list[tuple[str, ...]]]
) -> tuple[str, ...] | None:
    """The longest phrase starting at ``tokens[i]``."""
    for phrase in phrases.get(tokens[i], ()):
        if tuple(tokens[i : i + len(phrase)]) == phrase:
            return phrase
    return None


def _clause_start(tokens: Sequence[str], i: int) -> int:
    start = i
    while start > 0 and tokens[start - 1] not in BOUNDARIES:
        start -= 1
    return start


def _negator(tokens: Sequence[str], i: int) -> int | None:
    """Where the negator of ``tokens[i]`` stands, if one is close before it in its clause."""
    for j in range(i - 1, max(_clause_start(tokens, i), i - NEGATION_WINDOW) - 1, -1):
        if tokens[j] in NEGATORS or tokens[j].endswith("n't"):
            return j
    return None


def _requested(tokens: Sequence[str], i: int) -> bool:
    """A wish, request or expectation before the cue in its clause: "would be great",
    "I'd love", "I thought it was easy", "it used to be fast"."""
    start = _clause_start(tokens, i)
    return any(
        t in WISHES or t.endswith("'d") or (t == "used" and tokens[k + 1] == "to")
        for k, t in enumerate(tokens[start:i], start)
    )
