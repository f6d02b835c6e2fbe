r"""Words as the keyword search sees them: lower-cased, stopwords out, plurals folded.

Stemming is Harman's "S" stemmer (1991): it only folds plurals and possessives ("cards",
"card's" → "card"; "charges" → "charge"; "queries" → "query"). Support text is full of
plurals, so this clearly helps; heavier stemmers (Porter) also merge words that mean
different things ("universal"/"university", "general"/"generous"), and the meaning signal
already bridges "declined"/"decline"-style variants.

A hyphenated compound is indexed whole as well as by its parts, so "E-4012" is found by
"e4012" and "top-up" by "topup" (its parts still match "top up").

Japanese, Chinese and Thai write no spaces (Korean none inside a phrase), so a run of Han,
kana, Hangul or Thai was one "word": "SSL証明書の有効期限チェックが" held no "証明書", and a
search for it found its one item by meaning only. Such a run is indexed by its overlapping
pairs of characters, as Lucene's CJK analyzer does: "証明書" is "証明" and "明書", found
inside any run that holds it; a character alone is itself. The runs are those the inbox's
word index cuts (``storage.evidence_words.UNSPACED``), so both find the same items.

A word holds the combining marks of its letters: Thai and Devanagari write vowels and
tones as marks, which are no letters to ``\w``, so "แจ้งเตือน" was cut into "แจ", "งเต",
"อน" and "सूचनाएं" into "स", "चन", "ए", and a sentence holding them found nothing. Latin
text in its usual (composed) form holds no marks: its words are as before.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from tradeoff.analysis.label.keywords import STOPWORDS
from tradeoff.domain.scripts import char_class
from tradeoff.storage.evidence_words import UNSPACED


def _marks() -> str:
    """The combining marks of the Basic Multilingual Plane (categories Mn, Mc, Me), as the
    inside of a character class: 189 ranges, read once at import (about 10 ms)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return char_class(tuple(ranges))


#: A letter or digit of any script, then letters, digits and the marks written on them.
_LETTERS = rf"[^\W_](?:[^\W_]|[{_marks()}])*"
#: Letters and digits of any script with their marks, and an inner apostrophe ("don't").
WORD = re.compile(f"{_LETTERS}(?:'{_LETTERS})?")
#: A compound starts at a word's start only (the look-behinds): tried at every letter of a
#: long unspaced run, it would cost the square of the run's length.
COMPOUND = re.compile(f"(?<![^\\W_])(?<![{_marks()}]){_LETTERS}(?:-{_LETTERS})+")
#: The same for ASCII text, which holds no marks: the simpler patterns read it faster.
_ASCII_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_ASCII_COMPOUND = re.compile(r"(?<![^\W_])[^\W_]+(?:-[^\W_]+)+")
#: Typographic apostrophes and quotes, read as their ASCII forms (same length: spans hold).
TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
#: A run of Han, kana, Hangul or Thai (marks included), indexed by its character pairs as
#: the inbox's word index cuts it (see the module's docstring).
UNSPACED_RUN = re.compile(f"[{char_class(UNSPACED)}]+")


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
    found = _word(normal).finditer(normal)
    return [Word(m.group().lower(), m.start(), m.end()) for m in found]


def _word(text: str) -> re.Pattern[str]:
    return _ASCII_WORD if text.isascii() else WORD


def _compound(text: str) -> re.Pattern[str]:
    return _ASCII_COMPOUND if text.isascii() else COMPOUND


def indexed(text: str) -> list[tuple[str, int, int]]:
    """(term, start, end) for every term of ``text``: its words, then its compounds."""
    found: list[tuple[str, int, int]] = []
    for w in words(text):
        if holds_unspaced(w.lower):
            found += [(t, w.start + a, w.start + b) for t, a, b in _pieces(w.lower)]
        elif (t := w.term) is not None:
            found.append((t, w.start, w.end))
    normal = text.translate(TYPOGRAPHIC)
    for match in _compound(normal).finditer(normal) if "-" in normal else ():
        found.append((stem(match.group().replace("-", "").lower()), match.start(), match.end()))
    return found


def index_terms(text: str) -> list[str]:
    """The terms a text is indexed under, repeats kept (BM25 counts them); what ``indexed``
    gives without the spans, about three times faster."""
    normal = text.translate(TYPOGRAPHIC).lower()
    every = _word(normal).findall(normal)
    if holds_unspaced(normal):
        found = [t for w in every for t, _, _ in _pieces(w)]
    else:
        found = [t for w in every if (t := term_of(w)) is not None]
    if "-" not in normal:  # no compound: skip the search
        return found
    return found + [stem(c.replace("-", "")) for c in _compound(normal).findall(normal)]


def holds_unspaced(text: str) -> bool:
    """Whether ``text`` holds Han, kana, Hangul or Thai; ASCII text is told without a search."""
    return not text.isascii() and UNSPACED_RUN.search(text) is not None


def unspaced_runs(text: str) -> list[str]:
    """The runs of Han, kana, Hangul or Thai in ``text``, in order.

    >>> unspaced_runs("iOS การแจ้งเตือน ไม่ทำงาน")
    ['การแจ้งเตือน', 'ไม่ทำงาน']
    """
    return [] if text.isascii() else UNSPACED_RUN.findall(text)


def _pieces(word: str) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) within one lower-cased ``word``: each Han, kana, Hangul or Thai run as
    its character pairs (a lone character as itself), each piece between runs as a word
    ("ssl" of "ssl証明書")."""
    at = 0
    for run in UNSPACED_RUN.finditer(word):
        yield from _latin_piece(word, at, run.start())
        chars, first = run.group(), run.start()
        if len(chars) == 1:
            yield chars, first, first + 1
        for i in range(len(chars) - 1):
            yield chars[i : i + 2], first + i, first + i + 2
        at = run.end()
    yield from _latin_piece(word, at, len(word))


def _latin_piece(word: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    """The term of ``word[start:end]``, if it is one."""
    if start < end and (term := term_of(word[start:end])) is not None:
        yield term, start, end


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
