"""The buyer's own capacity as a loss reason: "No bandwidth to implement SSO", "No capacity
this quarter", "Did not have the resources for the rollout", "Lacked dev bandwidth".

The buyer could not take the project on now, whatever the product can do: that is
``timing_no_decision``, not a product gap. Read with keywords alone, "No bandwidth to
implement SSO" was a gap ("no" frames the feature "SSO" four words on, ``loss_reasons``
rule 3) and "Lacked bandwidth to implement SSO" too (``lack*``).

A capacity phrase (``capacity_phrases``) is a shortage opener (``OPENERS``: "no",
"without", "not enough", "lack of", "did not have"), at most ``QUALIFIER_REACH``
qualifiers (``QUALIFIERS``: "the", "dev", "internal", "IT"), a capacity noun (``NOUNS``:
"bandwidth", "capacity", "resources", "time"), and then one of:

- the end of the clause ("No dev bandwidth, revisit in Q3");
- ``PURPOSES`` ("to", "for") and a task: "No time to set up the integration", "No
  capacity for the rollout". The task is what the buyer had no capacity for, so its words
  count for nothing (up to the clause's end or a ``TASK_ENDS`` word: "and", "also",
  "because"); "to" before a measure (``MEASURES``: "No time to value", "time to ROI") is
  that measure, not a task;
- a time (``TIMES``: "this quarter", "right now", "until Q3", "anymore"), a preposition of
  time before a time noun ("at the moment", "in Q3", ``TIME_PREPOSITIONS``,
  ``TIME_NOUNS``), or a word that says why or how it stands (``STANDING``: "left",
  "available", "because", "due").

Not "in", "on", "at" or "with" before anything else: "no time on the demo call" is where
the time was short, "No resources in the product" is the product's (a product gap, when
said ``IN_THE_PRODUCT``), "No spare capacity on the kitchen printers" a thing's. English
names a thing by putting a noun before another, so "No time tracking", "No time and
attendance", "No capacity planning", "No resources page" and "No bandwidth monitoring" are
features, and "Not enough time saved" is value not shown. ``PHRASES`` say the same with no
opener ("understaffed", "resource constraints"). The other languages read have no such
compounds of two words, so their capacity phrases are keywords of their timing lists ("sin
tiempo", "keine Kapazität", "mancanza di risorse", "geen tijd"), those a language's
``capacity_nouns`` mark (``loss_cues_abroad.CAPACITY``); after one, a language's
``capacity_purposes`` word ("für", "para", "pour", "per", "voor") and a task, whose words
count for nothing up to the clause's end or a ``task_ends`` word ("und", "y", "et"): "Keine
Zeit für die Integration mit SAP" is timing.

A phrase found, in any language, is ONE timing cue, whatever its length (``is_capacity``;
``loss_reasons`` rule 4): the qualifiers say whose or which capacity, not that it weighs
more. Buyers say "no time" for what they will not name, so of two categories as heavy, the
one whose weight is less of such phrases wins: "No time for a pilot, also pricing too
high" is price, "Did not have the resources, also no SSO" a gap, "Champion left, no time to
re-run evaluation" relationship ("champion left" weighs two), and "Keine Kapazität, zu
teuer", "Sin capacidad, demasiado caro", "Geen capaciteit, te duur" are price.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from tradeoff.analysis.business import loss_cues_abroad as abroad
from tradeoff.analysis.business.loss_language import clause_starts, plain, typed
from tradeoff.domain.enums import LossCategory

#: Words that say the buyer had none or too little of what follows.
OPENERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "no",
        "without",
        "zero",
        "lack",
        "lacks",
        "lacked",
        "lacking",
        "lack of",
        "not enough",
        "insufficient",
        "short on",
        "short of",
        "out of",
        "not have",
        "not had",
    )
)
#: Words between the opener and the noun that say whose or which: "no dev bandwidth", "did
#: not have the internal resources".
QUALIFIERS = frozenset(
    """the any enough more spare free extra available internal dev developer development
    engineering eng it ops team teams project implementation admin staff hr finance tech
    technical their its""".split()  # noqa: SIM905
)
QUALIFIER_REACH = 2
#: The buyer's capacity, as sellers name it ("bandwith" typed so too).
NOUNS = frozenset(
    "bandwidth bandwith capacity resources resourcing time headcount manpower cycles".split()  # noqa: SIM905
)
#: Words after the noun that a task follows: what the capacity was missing for.
PURPOSES = frozenset({"to", "for"})
#: What "time to" names as a measure, not a task: "No time to value" is value not shown.
MEASURES = frozenset({"value", "roi", "market", "payback"})
#: Words that end a task's words: what follows is another reason.
TASK_ENDS = frozenset(
    "and also plus but because as since so while though although or then".split()  # noqa: SIM905
)
#: Words after the noun that say when: "No capacity this quarter", "No bandwidth right now".
TIMES = frozenset(
    """this these that next now right until till before after during currently anymore yet
    today tomorrow q1 q2 q3 q4 h1 h2""".split()  # noqa: SIM905
)
#: Prepositions that, before a ``TIME_NOUNS`` word (across "the", "this", "next"), say
#: when: "No bandwidth at the moment", "No capacity in Q3", "No time over the summer".
TIME_PREPOSITIONS = frozenset({"in", "at", "on", "over", "through", "throughout"})
TIME_NOUNS = frozenset(
    """moment present quarter year month week weeks months summer winter spring fall autumn
    season holidays q1 q2 q3 q4 h1 h2 january february march april may june july august
    september october november december""".split()  # noqa: SIM905
)
_TIME_ARTICLES = frozenset({"the", "this", "next", "that"})
#: Words after the noun that say how or why it stands: "No time left", "No bandwidth due to
#: the migration".
STANDING = frozenset(
    """left internally available either because due given since as so but""".split()  # noqa: SIM905
)
#: What a capacity noun is said to be in when it is the product's: "No resources in the
#: product for training" is a product gap.
IN_THE_PRODUCT = frozenset(
    "product app application tool platform software system solution".split()  # noqa: SIM905
)
_PRODUCT_ARTICLES = frozenset({"the", "your", "our", "their", "its", "this"})
#: Capacity said with no opener.
PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "understaffed",
        "short staffed",
        "stretched thin",
        "too busy with",
        "resource constrained",
        "resource constraints",
        "bandwidth constrained",
        "bandwidth constraints",
        "capacity constrained",
        "capacity constraints",
    )
)


_TIMING = LossCategory.TIMING_NO_DECISION


class Capacity(NamedTuple):
    """A capacity phrase in a text's folded words."""

    #: Where the phrase starts and ends: the cue shown ("no bandwidth").
    start: int
    end: int
    #: Where the task after it ends ("to implement SSO"): words that count for nothing.
    through: int
    #: ``timing_no_decision``, or ``product_gap`` when said of the product.
    category: LossCategory


def capacity_phrases(text: str, words: Sequence[str]) -> list[Capacity]:
    """The capacity phrases of ``text`` (folded to ``words``), each within one clause.

    >>> capacity_phrases("No time to set it up", ["no", "time", "to", "set", "it", "up"])
    [Capacity(start=0, end=2, through=6, category=<LossCategory.TIMING_NO_DECISION: \
'timing_no_decision'>)]
    """
    starts = clause_starts(text) | {len(words)}
    found = []
    for at in range(len(words)):
        for phrase in PHRASES:
            if tuple(words[at : at + len(phrase)]) == phrase:
                end = at + len(phrase)
                found.append(Capacity(at, end, end, LossCategory.TIMING_NO_DECISION))
        for opener in OPENERS:
            end = at + len(opener)
            if tuple(words[at:end]) == opener:
                after = _phrase_after(words, at, end, starts)
                if after is not None:
                    found.append(after)
    return found + _abroad(words, starts)


def _abroad(words: Sequence[str], starts: frozenset[int]) -> list[Capacity]:
    """The capacity keywords of the other languages in ``words`` (``loss_cues_abroad.
    CAPACITY``), the longest at each word, each within one clause, with the task after a
    purpose word ("Keine Zeit für ein Pilotprojekt": "für ein Pilotprojekt")."""
    found = []
    for at in range(len(words)):
        for phrase in abroad.CAPACITY:
            end = at + len(phrase)
            if end > len(words) or any(s in starts for s in range(at + 1, end)):
                continue
            if all(_fits(p, w) for p, w in zip(phrase, words[at:end], strict=True)):
                found.append(Capacity(at, end, _task_end(words, end, starts), _TIMING))
                break
    return found


def _fits(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def _task_end(words: Sequence[str], end: int, starts: frozenset[int]) -> int:
    """Where the task after a capacity keyword ending at ``end`` ends: ``end`` when no
    purpose word follows in its clause."""
    if end in starts or words[end] not in abroad.CAPACITY_PURPOSES:
        return end
    rest = words[end + 1 : _clause_end(end, starts, len(words))]
    if not rest:
        return end
    return end + 1 + next((i for i, w in enumerate(rest) if w in abroad.TASK_ENDS), len(rest))


def capacity_spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where the capacity phrases of ``text`` (folded to ``words``) start and end.

    >>> capacity_spans("No bandwidth to implement", ["no", "bandwidth", "to", "implement"])
    [(0, 2)]
    >>> capacity_spans("No time tracking", ["no", "time", "tracking"])
    []
    """
    return [(p.start, p.end) for p in capacity_phrases(text, words)]


def is_capacity(said: str) -> bool:
    """Whether a cue as shown ("not have the resources") is one whole capacity phrase of
    the buyer's: it weighs as one cue (``loss_reasons`` rule 4).

    >>> is_capacity("not have the resources"), is_capacity("keine kapazität")
    (True, True)
    >>> is_capacity("keine entscheidung")
    False
    """
    words = [plain(word.casefold()) for word in typed(said)]
    return any(
        (p.start, p.end) == (0, len(words)) and p.category is LossCategory.TIMING_NO_DECISION
        for p in capacity_phrases(said, words)
    )


def _phrase_after(
    words: Sequence[str], at: int, opener_end: int, starts: frozenset[int]
) -> Capacity | None:
    """The capacity phrase an opener from ``at`` to ``opener_end`` starts, if any: across
    qualifiers to a noun in the same clause, and then what ``_after`` allows."""
    for noun in range(opener_end, min(len(words), opener_end + QUALIFIER_REACH + 1)):
        if noun in starts:
            return None
        if words[noun] in NOUNS:
            return _after(words, at, noun + 1, starts)
        if words[noun] not in QUALIFIERS:
            return None
    return None


def _after(words: Sequence[str], at: int, end: int, starts: frozenset[int]) -> Capacity | None:
    """The phrase from ``at`` to the noun ending at ``end``, when the words after the noun
    show it ends there (the module's list); ``None`` when they make it a compound or a
    thing's."""
    timing = LossCategory.TIMING_NO_DECISION
    if end in starts:
        return Capacity(at, end, end, timing)
    after = words[end]
    rest = list(words[end + 1 : _clause_end(end, starts, len(words))])
    if after in PURPOSES:
        if not rest or (after == "to" and words[end - 1] == "time" and rest[0] in MEASURES):
            return None
        task = next((i for i, w in enumerate(rest) if w in TASK_ENDS), len(rest))
        return Capacity(at, end, end + 1 + task, timing)
    if after in TIMES or after in STANDING:
        return Capacity(at, end, end, timing)
    if after in TIME_PREPOSITIONS:
        told = [w for w in rest[:2] if w not in _TIME_ARTICLES][:1]
        if told and (told[0] in TIME_NOUNS or told[0].isdigit()):
            return Capacity(at, end, end, timing)
        if after in {"in", "on"} and _of_the_product(rest):
            return Capacity(at, end, end, LossCategory.PRODUCT_GAP)
    return None


def _of_the_product(rest: Sequence[str]) -> bool:
    """Whether ``rest`` opens by naming the product: "the product", "your app"."""
    named = [w for w in rest[:2] if w not in _PRODUCT_ARTICLES][:1]
    return bool(named) and named[0] in IN_THE_PRODUCT


def _clause_end(at: int, starts: frozenset[int], count: int) -> int:
    """Where the clause holding the word at ``at`` ends."""
    return min((s for s in starts if s > at), default=count)
