"""Hybrid search: keyword relevance (BM25) and meaning (embedding cosine), fused by rank.

Keywords find the exact wording ("E-4012", "SAML"); meaning finds the paraphrase that shares
no word with the query ("payment refused in store" for "card declined at the shop"). Each
signal ranks the evidence on its own, and reciprocal rank fusion combines the two rankings,
a keyword rank weighted by the square of the share of the query's words (by IDF) the item
holds (``COVERAGE_POWER``).

An item matches by keyword when BM25 scores it above zero. Every item has *some* cosine to
the query, so an item matches by meaning only when its cosine stands out: at least
``MEANING_Z`` standard deviations above the query's mean cosine to all the evidence, and
among the ``MEANING_DEPTH`` nearest. A standard score, unlike a fixed cosine cut, means the
same for every embedder, whose cosines sit on different scales. But a standard score always
finds a top: a query about nothing in the workspace had 200 "matches" in 3,080 Banking77
queries. So the cosine must also pass the embedder's ``unrelated_cosine``, measured once
per model: what only one pair in five of texts about different things exceeds.

Scores are computed against the whole workspace and filters only choose which items are
ranked, so a filter never changes an item's scores. Copies (items an importer linked to an
earlier one with the same words) are folded into their original when both pass the
filters; a copy whose original does not is searched as an item of its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Engine

from tradeoff.analysis.embed.cache import embed_cached
from tradeoff.analysis.embed.protocol import Embedder
from tradeoff.analysis.embed.registry import unrelated_cosine
from tradeoff.analysis.search.bm25 import bm25_with_coverage
from tradeoff.analysis.search.fusion import competition_ranks, reciprocal_rank_fusion
from tradeoff.analysis.search.query import Query, contains_phrase, parse_query
from tradeoff.analysis.search.snippet import Snippet, make_snippet
from tradeoff.analysis.search.words import index_terms, words
from tradeoff.analysis.text.theme_text import as_said, holds_subject, with_subject
from tradeoff.errors import InputError, NotFound
from tradeoff.storage.search import (
    SearchableEvidence,
    SearchFilters,
    admitted_ids,
    is_active_theme,
    searchable_evidence,
    top_level_themes,
)
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.themes import not_active

#: Measured on the test inbox (40 tickets): paraphrases of the query sit at z 1.5–4.3,
#: unrelated tickets mostly below 1.2. On thousands of items MEANING_DEPTH is what binds.
MEANING_Z = 1.5
MEANING_DEPTH = 200
#: A keyword rank counts coverage ** 2 of itself: half the query's words, a quarter of a
#: rank. Squared rather than plain (Lucene's coordination factor) because a partial match
#: was noise more often than not: search precision@10 on Banking77 (200 held-out queries,
#: docs/performance.md) rose with the power for both embedders, flat beyond 3.
COVERAGE_POWER = 2


class Match(StrEnum):
    KEYWORD = "keyword"
    MEANING = "meaning"
    BOTH = "both"


@dataclass(frozen=True)
class SearchHit:
    evidence_id: int
    source: str
    external_id: str
    kind: str
    created_at: datetime
    #: The item's active top-level theme, when it is filed.
    theme_id: int | None
    theme: str | None
    #: Reciprocal-rank-fusion score: higher is better; only the order is meaningful.
    score: float
    matched: Match
    #: BM25 score (0 when no query word occurs) and cosine similarity to the query.
    keyword_score: float
    similarity: float
    #: Copies of this item among the searched evidence, folded into it.
    copies: int
    snippet: Snippet


@dataclass(frozen=True)
class _Scored:
    """Both signals for every item of the pool, row for row."""

    items: list[SearchableEvidence]
    documents: list[str]
    keyword: list[float]
    #: The share of the query's keyword weight (IDF) each item's matched words carry.
    coverage: list[float]
    similarity: list[float]
    stands_out: list[bool]


def search(
    engine: Engine,
    query: str,
    *,
    embedder: Embedder,
    limit: int = 20,
    filters: SearchFilters | None = None,
) -> list[SearchHit]:
    """The ``limit`` best matches for ``query`` by keywords and meaning, best first.

    Embeds (and caches) any evidence text the cache lacks, so it works before any analysis.
    Ties are broken by evidence id.

    Example: search(engine, '"card declined" abroad', embedder=embedder_named("static"))
    """
    parsed = parse_query(query)
    if limit < 1:
        raise InputError(f"the limit must be at least 1, got {limit}")
    filters = filters or SearchFilters()
    with read_session(engine) as session:
        if filters.theme_id is not None and not is_active_theme(session, filters.theme_id):
            raise NotFound(not_active(session, filters.theme_id))
        everything = searchable_evidence(session)
        admitted = admitted_ids(session, filters)
    _check_source(filters.source, {item.source for item in everything})
    workspace_originals, _ = _fold_copies(everything)
    searched, copies = _fold_copies([i for i in everything if i.id in admitted])
    known = {item.id for item in workspace_originals}
    pool = workspace_originals + [item for item in searched if item.id not in known]
    if not pool:
        return []
    scored = _score(engine, embedder, parsed, pool)
    wanted = {item.id for item in searched}
    keyword_scores: dict[int, float] = {}
    meaning_scores: dict[int, float] = {}
    for row, item in enumerate(pool):
        candidate = scored.keyword[row] > 0 or scored.stands_out[row]
        # The phrase check reads every word, so it runs only on items that matched at all.
        if not candidate or item.id not in wanted:
            continue
        if not _has_phrases(scored.documents[row], parsed):
            continue
        if scored.keyword[row] > 0:
            keyword_scores[item.id] = scored.keyword[row]
        if scored.stands_out[row]:
            meaning_scores[item.id] = scored.similarity[row]
    nearest = sorted(meaning_scores, key=lambda i: (-meaning_scores[i], i))[:MEANING_DEPTH]
    row_of = {item.id: row for row, item in enumerate(pool)}
    keyword_ranks = competition_ranks(keyword_scores)
    meaning_ranks = competition_ranks({i: meaning_scores[i] for i in nearest})
    # A keyword match counts as much of a rank as it covers of the query's words (by IDF,
    # squared): one common word of three ("keeps") must not rank with the nearest meaning.
    covered = {i: scored.coverage[row_of[i]] ** COVERAGE_POWER for i in keyword_ranks}
    fused = reciprocal_rank_fusion([keyword_ranks, meaning_ranks], weights=[covered])
    best = sorted(fused, key=lambda i: (-fused[i], i))[:limit]
    with read_session(engine) as session:
        filed = top_level_themes(session, best)
    hits = []
    for evidence_id in best:
        row, theme = row_of[evidence_id], filed.get(evidence_id)
        item = pool[row]
        hits.append(
            SearchHit(
                evidence_id=evidence_id,
                source=item.source,
                external_id=item.external_id,
                kind=item.kind.value,
                created_at=item.created_at,
                theme_id=theme[0] if theme else None,
                theme=theme[1] if theme else None,
                score=fused[evidence_id],
                matched=_match(evidence_id in keyword_ranks, evidence_id in meaning_ranks),
                keyword_score=scored.keyword[row],
                similarity=scored.similarity[row],
                copies=copies[evidence_id],
                snippet=make_snippet(scored.documents[row], parsed),
            )
        )
    return hits


def _check_source(source: str | None, sources: set[str]) -> None:
    """A source no item comes from is a slip, not an empty answer: "No evidence matches"
    would send the user rewording a query that was never searched."""
    if source is None or not sources or source.casefold() in {s.casefold() for s in sources}:
        return  # the filter matches sources whatever their case
    raise InputError(
        f"no evidence comes from source {source!r}; the sources are: {', '.join(sorted(sources))}"
    )


def _score(
    engine: Engine, embedder: Embedder, query: Query, pool: list[SearchableEvidence]
) -> _Scored:
    """BM25 over title and the customer's words (``_document``); cosine over the item as
    analysis reads and embeds it (``theme_text``: a ticket's message without its email
    wrapping), so both share the embedding cache."""
    said = [as_said(item.kind, item.text) for item in pool]
    read = [
        with_subject(item.kind, item.title, item.text, words)
        for item, words in zip(pool, said, strict=True)
    ]
    with write_session(engine) as session:
        vectors = embed_cached(session, embedder, read)
    similarity = vectors @ embedder.embed([query.text])[0]
    floor = unrelated_cosine(embedder.model_id)
    spread = float(similarity.std())
    standard = (similarity - similarity.mean()) / spread if spread > 0 else similarity * 0
    documents = [_document(item, words) for item, words in zip(pool, said, strict=True)]
    indexed = [query.whole_runs_only(index_terms(d)) for d in documents]
    keyword, coverage = bm25_with_coverage(indexed, query.terms)
    return _Scored(
        items=pool,
        documents=documents,
        keyword=keyword,
        coverage=coverage,
        similarity=[float(s) for s in similarity],
        stands_out=[
            bool(z >= MEANING_Z and cosine > floor)
            for z, cosine in zip(standard, similarity, strict=True)
        ],
    )


def _document(item: SearchableEvidence, said: str) -> str:
    """What keywords match and the snippet shows: the title and the customer's own words —
    a ticket's or chat's message without the signature (a name, a phone number), "Sent from
    my iPhone" and our agent's reply quoted below it, which would match "payments team" in
    every ticket that quotes it."""
    if item.title and not holds_subject(said, item.title):
        return f"{item.title} — {said}"
    return said


def _fold_copies(
    items: list[SearchableEvidence],
) -> tuple[list[SearchableEvidence], Counter[int]]:
    """Originals (and copies whose original is not among ``items``), and copies per original."""
    present = {item.id: item for item in items}
    originals, copies = [], Counter[int]()
    for item in items:
        root, seen = item, {item.id}
        while root.duplicate_of_id in present and root.duplicate_of_id not in seen:
            root = present[root.duplicate_of_id]
            seen.add(root.id)
        if root is item:
            originals.append(item)
        else:
            copies[root.id] += 1
    return originals, copies


def _has_phrases(document: str, query: Query) -> bool:
    if not query.phrases:
        return True
    lowers = [w.lower for w in words(document)]
    return all(contains_phrase(lowers, phrase) for phrase in query.phrases)


def _match(keyword: bool, meaning: bool) -> Match:
    if keyword and meaning:
        return Match.BOTH
    return Match.KEYWORD if keyword else Match.MEANING
