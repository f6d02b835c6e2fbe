"""Normalised names, so "ACME, Inc." from Zendesk and "Acme Inc" from Salesforce match."""

from __future__ import annotations

import re
import unicodedata

#: Legal forms that differ between systems but never tell two companies apart.
LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "llc", "ltd", "limited", "plc", "corp", "corporation", "co",
        "company", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "srl", "spa", "oy", "ab",
        "as", "aps", "pty", "kk", "llp", "lp",
    }
)  # fmt: skip


#: Letters that do not decompose into a base letter and an accent.
LETTER_FOLDS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ı": "i"}
)


NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Zoë ØRSTED' → 'zoe orsted'."""
    if text.isascii():  # the common case, ten times faster than decomposing
        return " ".join(NON_WORD.sub(" ", text.lower()).split())
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(LETTER_FOLDS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", stripped).split())


def person_name_key(name: str) -> str:
    return fold(name)


def company_name_key(name: str) -> str:
    """Folded, without legal forms: 'Acme, Inc.' and 'ACME Inc' both give 'acme';
    'Ørsted A/S' gives 'orsted'."""
    joined = re.sub(r"(?<=\w)[./](?=\w)", "", name)  # A/S, S.A., B.V. are one word
    words = fold(joined).split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def text_fingerprint(text: str) -> str:
    """Whitespace, case and punctuation do not make two texts different evidence."""
    return fold(text)


def metric_slug(name: str) -> str:
    """How a metric is named in a signal, an import or a goal: "Card-decline tickets" →
    ``card_decline_tickets``, so a metric can be written as one word or by its quoted name
    and both find it."""
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")
