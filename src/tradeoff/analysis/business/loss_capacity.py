"""The buyer's own capacity as a loss reason: "No bandwidth to implement SSO", "No capacity
this quarter", "Did not have the resources for the rollout", "Lacked dev bandwidth".

The buyer could not take the project on now, whatever the product can do: that is
``timing_no_decision``, not a product gap. Read with keywords alone, "No bandwidth to
implement SSO" was a gap ("no" frames the feature "SSO" four words on, ``loss_reasons``
rule 3) and "Lacked bandwidth to implement SSO" too (``lack*``).

A capacity phrase (``capacity_spans``) is a shortage opener (``OPENERS``: "no", "without",
"not enough", "lack of", "did not have"), at most ``QUALIFIER_REACH`` qualifiers
(``QUALIFIERS``: "the", "dev", "internal", "IT"), a capacity noun (``NOUNS``: "bandwidth",
"capacity", "resources", "time"), and then the end of the clause or a word that shows the
noun ends there (``AFTER``: "to", "for", "this", "right now"...). English names a thing by
putting a noun before another, so "No time tracking", "No time and attendance", "No
capacity planning", "No resources page" and "No bandwidth monitoring" are features, and
"Not enough time saved" is value not shown. ``PHRASES`` say the same with no opener
("understaffed", "resource constraints"). The other languages read have no such compounds
of two words, so their capacity phrases are keywords of their timing lists ("sin tiempo",
"keine Kapazität", "mancanza di risorse", "geen tijd").

A phrase found is a timing keyword, weighing its words as a listed phrase does, and its
words are not read again: "No time to set up the integration" is timing (three words
against one of ``integrat*``), "No bandwidth to implement SSO, and too expensive" too.
"""

from __future__ import annotations

from collections.abc import Sequence

from tradeoff.analysis.business.loss_language import clause_starts

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
#: Words after the noun that show it ends there: what the capacity was missing for, when,
#: and why.
AFTER = frozenset(
    """to for on in at with this that these right now next until till before after during
    left internally available currently anymore yet either since due because as given so
    but q1 q2 q3 q4""".split()  # noqa: SIM905
)
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


def capacity_spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where the capacity phrases of ``text`` (folded to ``words``) start and end, each
    within one clause.

    >>> capacity_spans("No bandwidth to implement", ["no", "bandwidth", "to", "implement"])
    [(0, 2)]
    >>> capacity_spans("No time tracking", ["no", "time", "tracking"])
    []
    """
    starts = clause_starts(text) | {len(words)}
    spans = []
    for at in range(len(words)):
        for phrase in PHRASES:
            if tuple(words[at : at + len(phrase)]) == phrase:
                spans.append((at, at + len(phrase)))
        for opener in OPENERS:
            end = at + len(opener)
            if tuple(words[at:end]) == opener:
                noun = _noun_after(words, end, starts)
                if noun is not None:
                    spans.append((at, noun + 1))
    return spans


def _noun_after(words: Sequence[str], at: int, starts: frozenset[int]) -> int | None:
    """Where the capacity noun an opener ending at ``at`` is about stands, if any: across
    qualifiers, in the same clause, and ending there or before an ``AFTER`` word."""
    for noun in range(at, min(len(words), at + QUALIFIER_REACH + 1)):
        if noun in starts:
            return None
        if words[noun] in NOUNS:
            follows = noun + 1
            return noun if follows in starts or words[follows] in AFTER else None
        if words[noun] not in QUALIFIERS:
            return None
    return None
