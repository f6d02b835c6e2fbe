"""A short window of an item's text around the query's words, with those words marked.

The marks are character spans, not markup: the text is a customer's and may contain
anything, so each renderer (rich table, JSON, HTML later) decides how to show them.

A query's run of unspaced letters ("แจ้งเตือน", "証明書") matches by its pairs of letters,
which also occur alone elsewhere in a text ("อน" of "ก่อน", "แจ้ง" of "ใบแจ้งหนี้"): only
the run's whole occurrences are marked, never its pairs one by one.
"""

from __future__ import annotations

from dataclasses import dataclass

from tradeoff.analysis.search.query import Query
from tradeoff.analysis.search.words import indexed, unspaced_runs, words

WIDTH = 180
#: Characters kept before the first match, so it reads as part of a sentence.
LEAD = 40
ELLIPSIS = "…"


@dataclass(frozen=True)
class Snippet:
    text: str
    #: (start, end) of each matched word or phrase in ``text``, in order, not overlapping.
    highlights: tuple[tuple[int, int], ...]


def make_snippet(text: str, query: Query, width: int = WIDTH) -> Snippet:
    """The ``width``-character window holding the most matches (earliest on ties)."""
    flat = " ".join(text.split())
    found = words(flat)
    whole, pairs = _whole_runs(flat, query)
    terms = set(query.terms) - pairs
    spans = whole + [(start, end) for term, start, end in indexed(flat) if term in terms]
    lowers = [w.lower for w in found]
    for phrase in query.phrases:
        n = len(phrase)
        spans += [
            (found[i].start, found[i + n - 1].end)
            for i in range(len(found) - n + 1)
            if tuple(lowers[i : i + n]) == phrase
        ]
    spans = _merged(spans)
    if len(flat) <= width:
        return Snippet(flat, tuple(spans))
    start = _best_start(spans, width)
    start = next((w.start for w in found if w.start >= start), start)
    end = max((w.end for w in found if w.end <= start + width), default=start + width)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(flat) else ""
    shift = len(prefix) - start
    kept = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Snippet(prefix + flat[start:end] + suffix, kept)


def _whole_runs(flat: str, query: Query) -> tuple[list[tuple[int, int]], set[str]]:
    """The spans of the query's unspaced runs where they occur whole in ``flat``, and the
    pairs of letters the runs are searched by, which are not marked one by one. Such
    letters have no case, so a run is found in the text as it is written."""
    spans: list[tuple[int, int]] = []
    pairs = {pair for run in query.runs for pair in run}
    for run in unspaced_runs(query.text):
        at = flat.find(run)
        while at >= 0:
            spans.append((at, at + len(run)))
            at = flat.find(run, at + len(run))
    return spans, pairs


def _best_start(spans: list[tuple[int, int]], width: int) -> int:
    best, best_count = 0, 0
    for first, _ in spans:
        start = max(0, first - LEAD)
        count = sum(1 for s, e in spans if s >= start and e <= start + width)
        if count > best_count:
            best, best_count = start, count
    return best


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
