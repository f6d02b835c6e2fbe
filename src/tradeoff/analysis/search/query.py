"""A search query: its keyword terms, and the exact phrases it quotes.

A phrase in double quotes is *required*: only evidence containing those words in that order
(case and punctuation aside) is returned, by either signal. Someone who types quotes wants
exactly that wording ("E-4012", "log in"); boosting alone would still show near misses above
the exact matches whenever the meaning signal liked them better.

A run of unspaced letters ("แจ้งเตือน", "証明書") is searched by its pairs of letters, and
counts as one word: an item matches it only when it holds all of its pairs, as the inbox's
word index asks (``storage.evidence_words.search_keys``). Counted pair by pair, "ใบแจ้งหนี้
เดือนนี้" (this month's invoice) held five of the eight pairs of "แจ้งเตือน" (notification).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradeoff.analysis.search.words import (
    TYPOGRAPHIC,
    holds_unspaced,
    index_terms,
    unspaced_runs,
    words,
)
from tradeoff.errors import InputError

PHRASE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class Query:
    #: The query without its quote marks: what the embedder reads.
    text: str
    #: Distinct stemmed keyword terms, in the order typed.
    terms: tuple[str, ...]
    #: Each quoted phrase as its lower-cased words, stopwords kept, unstemmed.
    phrases: tuple[tuple[str, ...], ...]
    #: The pairs of letters of each run of unspaced letters of two or more, per run.
    runs: tuple[tuple[str, ...], ...] = ()

    def whole_runs_only(self, terms: list[str]) -> list[str]:
        """An item's ``terms`` without the pairs of the query's runs it does not hold
        whole (all their pairs), which then count for nothing."""
        if not self.runs:
            return terms
        present = set(terms)
        held = {pair for run in self.runs if present.issuperset(run) for pair in run}
        missing = {pair for run in self.runs for pair in run} - held
        return [term for term in terms if term not in missing] if missing else terms


def parse_query(typed: str) -> Query:
    """The query's terms and phrases; a query with nothing to look for is an InputError."""
    normal = typed.translate(TYPOGRAPHIC)
    phrases = tuple(dict.fromkeys(p for m in PHRASE.finditer(normal) if (p := _phrase(m.group(1)))))
    text = " ".join(normal.replace('"', " ").split())
    if not text:
        raise InputError('the search query is empty: say what to look for, e.g. "card declined"')
    terms = tuple(dict.fromkeys(index_terms(text)))
    if not terms:
        raise InputError(
            f"the search query {text!r} has only common words (like 'the', 'how', 'can't'); "
            "add a word that says what the evidence is about"
        )
    runs = tuple(
        tuple(dict.fromkeys(run[i : i + 2] for i in range(len(run) - 1)))
        for run in unspaced_runs(text.lower())
        if len(run) > 1
    )
    return Query(text=text, terms=terms, phrases=phrases, runs=runs)


def _phrase(quoted: str) -> tuple[str, ...]:
    return tuple(w.lower for w in words(quoted))


def contains_phrase(text_words: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether the words ``phrase`` occur consecutively in ``text_words``; a phrase in an
    unspaced script ("証明書") anywhere in them, as it sits inside a longer run there."""
    if any(holds_unspaced(word) for word in phrase):
        return " ".join(phrase) in " ".join(text_words)
    width = len(phrase)
    return any(
        tuple(text_words[i : i + width]) == phrase for i in range(len(text_words) - width + 1)
    )
