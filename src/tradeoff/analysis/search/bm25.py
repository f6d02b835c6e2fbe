"""Okapi BM25 keyword relevance (Robertson & Zaragoza 2009), with Lucene's IDF.

    score(d, q) = Σ_{t ∈ q} idf(t) · tf · (k1 + 1) / (tf + k1 · (1 − b + b · |d| / avgdl))
    tf = tf(t, d), how often t occurs in d; |d| = d's length in terms
    idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))

Lucene's IDF never goes negative, so a word in most of the evidence ("card" in a card
issuer's tickets) still counts a little instead of pushing items down. k1 = 1.2 and
b = 0.75 are the values most systems ship; each distinct query term counts once.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

K1 = 1.2
B = 0.75


def bm25_scores(
    documents: Sequence[Sequence[str]], terms: Sequence[str], *, k1: float = K1, b: float = B
) -> list[float]:
    """One BM25 score per document (0 where no term occurs), for the distinct ``terms``."""
    return bm25_with_coverage(documents, terms, k1=k1, b=b)[0]


def bm25_with_coverage(
    documents: Sequence[Sequence[str]], terms: Sequence[str], *, k1: float = K1, b: float = B
) -> tuple[list[float], list[float]]:
    """BM25 scores, and per document the share of the query's IDF its matched terms carry.

    The share is Lucene's classic coordination factor weighted by IDF: a ticket that matches
    only "keeps" of "software keeps quitting" holds a fifth of what the query asks for, one
    that matches "software" and "quitting" most of it. BM25 alone ranks the first at the top
    of the keyword list when nothing matches more.
    """
    wanted = set(terms)
    if not documents or not wanted:
        return [0.0] * len(documents), [0.0] * len(documents)
    lengths = [len(doc) for doc in documents]
    average = sum(lengths) / len(documents) or 1.0
    counts = [Counter(t for t in doc if t in wanted) for doc in documents]
    frequency = Counter(t for found in counts for t in found)
    idf = {
        t: math.log(1 + (len(documents) - frequency[t] + 0.5) / (frequency[t] + 0.5))
        for t in wanted
    }
    whole = sum(idf.values())
    scores, coverage = [], []
    for found, length in zip(counts, lengths, strict=True):
        norm = k1 * (1 - b + b * length / average)
        scores.append(sum(idf[t] * n * (k1 + 1) / (n + norm) for t, n in found.items()))
        coverage.append(sum(idf[t] for t in found) / whole)
    return scores, coverage
