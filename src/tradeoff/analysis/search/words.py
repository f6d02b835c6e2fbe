"""Words as the keyword search sees them: lower-cased, stopwords out, plurals folded.

Stemming is Harman's "S" stemmer (1991): it only folds plurals and possessives ("cards",
"card's" → "card"; "charges" → "charge"; "queries" → "query"). Support text is full of
plurals, so this clearly helps; heavier stemmers (Porter) also merge words that mean
different things ("universal"/"university", "general"/"generous"), and the meaning signal
already bridges "declined"/"decline"-style variants.

A hyphenated compound is indexed whole as well as by its parts, so "E-4012" is found by
"e4012" and "top-up" by "topup" (its parts still match "top up").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tradeoff.analysis.label.keywords import STOPWORDS

#: Letters and digits of any script, with an inner apostrophe ("don't", "card's").
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
#: Typographic apostrophes and quotes, read as their ASCII forms (same length: spans hold).
TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


@dataclass(frozen=True)
class Word:
    """One word of a text: its lower-cased form and where it sits in the text."""

    lower: str
    start: int
    end: int

    @property
    def term(self) -> str | None:
        """What the keyword index holds for it; None for stopwords and single letters."""
        return term_of(self.lower)


@functools.lru_cache(maxsize=200_000)
def term_of(lower: str) -> str | None:
    """Cached: a corpus repeats a few thousand words, and indexing runs on every search."""
    if lower in STOPWORDS or len(lower) < 2:
        return None
    return stem(lower)


def words(text: str) -> list[Word]:
    """Every word of ``text`` with its span, stopwords included (phrases need them)."""
    normal = text.translate(TYPOGRAPHIC)
    return [Word(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(normal)]


def indexed(text: str) -> list[tuple[str, int, int]]:
    """(term, start, end) for every term of ``text``: its words, then its compounds."""
    found = [(t, w.start, w.end) for w in words(text) if (t := w.term) is not None]
    for match in COMPOUND.finditer(text.translate(TYPOGRAPHIC)):
        found.append((stem(match.group().replace("-", "").lower()), match.start(), match.end()))
    return found


def index_terms(text: str) -> list[str]:
    """The terms a text is indexed under, repeats kept (BM25 counts them); what ``indexed``
    gives without the spans, about three times faster."""
    normal = text.translate(TYPOGRAPHIC).lower()
    found = [t for w in WORD.findall(normal) if (t := term_of(w)) is not None]
    return found + [stem(c.replace("-", "")) for c in COMPOUND.findall(normal)]


def stem(word: str) -> str:
    """Harman's S stemmer, plus a possessive 's; short words are left alone ("gas", "bus")."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 4:
        return word
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word
