"""Initials that take a letter from inside a compound word: "HCP" for "Housecall Pro".

Sales abbreviates a rival by the initials of what it hears as its parts: Housecall Pro is
House-call Pro (HCP), Microsoft Dynamics Micro-soft Dynamics (MSD). The name rules of
``domain.competitor_names`` read initials of words, of an acronym's loose letters and of
CamelCase parts ("ST" for "ServiceTitan"), but a compound written as one lower-case word
hides its parts, and "Pro" or "Cloud" are dropped as words that tell no rival apart
("GCP" for "Google Cloud Platform"). On a QA corpus "HCP" was never proposed as Housecall
Pro: twelve deals, USD 673k lost, ranked as a rival of its own.

The rule is conservative, since nothing but letters says the two are one. An abbreviation
spells a name when:

1. it is the whole of one name, three to five capitals as written ("HCP"; "hcp" or "HP" are
   not read: two letters are too weak, "HP" is a maker of its own);
2. every word of the other name gives it letters, in order, starting with its first letter
   (legal forms, digits and web endings such as "com" aside; "Pro", "CRM" or "Cloud" count,
   since the abbreviation was made from the name as said);
3. a further letter from a word starts a syllable-like part of it: the word splits there
   into parts of three letters or more, and the letter is a consonant after a vowel
   ("house|call", "micro|soft"; not "sales|force", "s" after "s"). Letters alone cannot
   tell "house|call" from "hou|secall", so "HSP" would be proposed too: only a proposal,
   which a person turns down once (a name a person chose is never proposed again).

Such a pair scores ``COMPOUND_INITIALS`` (0.7): above ``PROPOSE_AT`` (0.6), so the scan and a
competitor's page propose it, and below the CamelCase initials' 0.75 and the 0.88 from which
an import files a name by itself: never merged without a person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tradeoff.domain.names import LEGAL_SUFFIXES, fold

COMPOUND_INITIALS = 0.7
#: The shortest part of a word an inner letter may start, and the part before it.
PART_LETTERS = 3
#: Web endings of a name written as its address ("Monday.com").
WEB_ENDINGS = frozenset({"com", "io", "net", "org", "co", "ai"})
_ABBREVIATION = re.compile(r"[A-Z]{3,5}")
_VOWELS = frozenset("aeiouy")


def _parts(word: str, letters: str) -> bool:
    """Whether ``word`` splits into ``len(letters)`` parts of ``PART_LETTERS`` letters or
    more, the first starting the word and each other at its letter, a consonant after a
    vowel."""
    if len(letters) == 1:
        return len(word) >= PART_LETTERS
    for cut in range(PART_LETTERS, len(word) - PART_LETTERS + 1):
        if (
            word[cut] == letters[1]
            and word[cut] not in _VOWELS
            and word[cut - 1] in _VOWELS
            and _parts(word[cut:], letters[1:])
        ):
            return True
    return False


def _spelt_by(letters: str, words: Sequence[str]) -> bool:
    """Whether ``letters`` give every word of ``words``, in order, at least its initial,
    and any further letter of a word starts one of its parts (``_parts``)."""
    if not words:
        return not letters
    word = words[0]
    if not letters or letters[0] != word[0]:
        return False
    for taken in range(1, len(letters) - len(words) + 2):
        group = letters[:taken]
        if (taken == 1 or _parts(word, group)) and _spelt_by(letters[taken:], words[1:]):
            return True
    return False


def spells_compound(abbreviation: str, name: str) -> bool:
    """Whether ``abbreviation`` (written in capitals) is the initials of ``name``'s words
    and of parts of them.

    >>> spells_compound("HCP", "Housecall Pro"), spells_compound("HP", "Housecall Pro")
    (True, False)
    """
    written = abbreviation.strip()
    if not _ABBREVIATION.fullmatch(written):
        return False
    words = [
        w
        for w in fold(name).split()
        if w not in LEGAL_SUFFIXES and w not in WEB_ENDINGS and not w.isdigit()
    ]
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return False
    return _spelt_by(written.lower(), words)


def compound_initials(a: str, b: str) -> float:
    """``COMPOUND_INITIALS`` when either name spells the other so, else 0."""
    return COMPOUND_INITIALS if spells_compound(a, b) or spells_compound(b, a) else 0.0
