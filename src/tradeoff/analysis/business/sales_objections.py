"""Objections: what lost deals said, grouped by meaning and ranked by the revenue lost.

Each lost deal speaks through its loss reason; a lost deal without one speaks through its
notes (the same fallback the loss classifier uses). The database groups deals by exact
wording and currency, so every deal is in exactly one wording and its money is counted once.
Here, in two steps:

1. **Normalised text.** Wordings that fold to the same words (case, accents, punctuation,
   spacing and the value of numbers ignored: "No decision - project postponed" = "no
   decision: project postponed.") are one *phrase*, shown in its most frequent wording.
2. **The theme engine** groups phrases that say the same thing in other words ("too
   expensive", "price too high for our budget", "pricing was over budget"): the fast
   default embedder (static token vectors, no torch) over each phrase's content words
   (stopwords dropped, negations kept: "not expensive" stays apart from "expensive"), the
   engine's cosine nearest-neighbour graph with edges below ``MIN_SIMILARITY`` cut (CRM
   reasons are short, so a weak neighbour is noise, not a paraphrase), and Leiden at
   ``RESOLUTION``, seeded: the same reasons and seed give the same groups. A group is
   labelled by the engine's keyword labeller; a phrase alone keeps its own wording.
   A group never crosses a loss category (each phrase's is the one most of its deals are
   filed in): "budget freeze" is timing, "too expensive" price, however near their words.
   With fewer than ``MIN_PHRASES`` distinct phrases there is too little for a
   neighbourhood graph (each phrase would have most of the others as neighbours) and
   step 1 is the grouping: ``grouped_by`` says which was used.

The cut (0.45) and resolution (0.7) were chosen by eye on sixty realistic CRM reasons
(tests/business/test_sales_objections.py keeps the paraphrase and unrelated cases): at
0.4 "went dark" joined "went with the incumbent"; at resolution 1.0 "too expensive" split
from "price too high for our budget".

Ranking: lost revenue converted to the base currency, then deals. Amounts in a currency
without a rate are listed apart and do not raise the rank, so such a line says "(no rate)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import numpy as np

from tradeoff.analysis.business.loss_cue_index import fold
from tradeoff.analysis.business.money import ZERO, Money, convert
from tradeoff.analysis.cluster.graph import graph_from_neighbours
from tradeoff.analysis.cluster.knn import nearest_neighbours
from tradeoff.analysis.cluster.leiden import LeidenClusterer
from tradeoff.analysis.embed.protocol import Embedder
from tradeoff.analysis.embed.registry import DEFAULT_EMBEDDER, embedder_named
from tradeoff.analysis.label.keywords import NEGATIONS, STOPWORDS, WORD, theme_keywords
from tradeoff.analysis.label.quotes import Candidate, representative_quotes
from tradeoff.storage.sales import ReasonTotal

#: Below this many distinct phrases, normalised text is the grouping (see the docstring).
MIN_PHRASES = 20
NEIGHBOURS = 10
MIN_SIMILARITY = 0.45
RESOLUTION = 0.7
QUOTES = 3
BY_ENGINE = "theme engine"
BY_TEXT = "normalised text"
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Objection:
    #: The group's label (a phrase alone: its most frequent wording).
    text: str
    #: Every wording in this objection, most deals first.
    wordings: tuple[str, ...]
    deals: int
    #: Deals with an amount: the ones lost_revenue adds up.
    with_amount: int
    lost_revenue: Money
    #: True when some deals gave no loss reason and their notes were read instead.
    from_notes: bool
    #: Up to three wordings that show the group best (central, not repeating each other).
    quotes: tuple[str, ...] = ()
    grouped_by: str = BY_TEXT

    def to_json(self) -> dict[str, object]:
        return {
            "objection": self.text,
            "wordings": list(self.wordings),
            "quotes": list(self.quotes),
            "deals": self.deals,
            "deals_with_amount": self.with_amount,
            "lost_revenue": self.lost_revenue.to_json(),
            "from_notes": self.from_notes,
            "grouped_by": self.grouped_by,
        }


@dataclass(frozen=True)
class _Phrase:
    """Wordings that fold to the same words, with their deals and per-currency sums."""

    text: str
    wordings: dict[str, int]
    deals: int
    with_amount: int
    sums: dict[str | None, Decimal]
    from_notes: bool
    #: The loss category most of its deals are filed in: a group never crosses one.
    category: str | None = None


def objection_key(text: str) -> str:
    """The phrase a wording folds to; numbers are one token ("call notes 4411: price" =
    "call notes 87: price"), so templated notes are one phrase, not a thousand neighbours
    that would pull unrelated reasons into one group."""
    return _NUMBER.sub("#", " ".join(fold(text))) or text.strip()


def objections(
    totals: Iterable[ReasonTotal], rates: Mapping[str, Decimal], base: str, *, seed: int = 0
) -> list[Objection]:
    """Group the per-wording totals and rank them, biggest revenue lost first.

    Example: objections(storage.sales.lost_reason_totals(session), {"EUR": Decimal("1.08")},
    "USD")[0].text
    """
    phrases = _phrases(totals)
    if len(phrases) < MIN_PHRASES:
        groups, grouped_by = [([(p, 1.0)], p.text) for p in phrases], BY_TEXT
    else:
        groups, grouped_by = _engine_groups(phrases, seed), BY_ENGINE
    found = [_objection(members, label, rates, base, grouped_by) for members, label in groups]
    return sorted(found, key=lambda o: (o.lost_revenue.rank, -o.deals, o.text))


def _phrases(totals: Iterable[ReasonTotal]) -> list[_Phrase]:
    """Wordings folded by normalised text, in key order (so the engine's input is stable)."""
    by_key: dict[str, list[ReasonTotal]] = {}
    for t in totals:
        by_key.setdefault(objection_key(t.text), []).append(t)
    phrases = []
    for key in sorted(by_key):
        group = by_key[key]
        wordings: dict[str, int] = {}
        sums: dict[str | None, Decimal] = {}
        for t in group:
            wordings[t.text] = wordings.get(t.text, 0) + t.deals
            sums[t.currency] = sums.get(t.currency, ZERO) + t.amount
        ordered = dict(sorted(wordings.items(), key=lambda w: (-w[1], w[0])))
        filed: dict[str, int] = {}
        for t in group:
            filed[t.category or ""] = filed.get(t.category or "", 0) + t.deals
        category = min(filed, key=lambda c: (-filed[c], c)) or None
        phrases.append(
            _Phrase(
                text=next(iter(ordered)),
                wordings=ordered,
                deals=sum(t.deals for t in group),
                with_amount=sum(t.with_amount for t in group),
                sums=sums,
                from_notes=any(t.from_notes for t in group),
                category=category,
            )
        )
    return phrases


@lru_cache(maxsize=1)
def _embedder() -> Embedder:
    """The fast default, loaded once per process (its table is read from disk)."""
    return embedder_named(DEFAULT_EMBEDDER)


_DROPPED = STOPWORDS - NEGATIONS


def content_words(text: str) -> str:
    """What is embedded: the words that carry meaning ("pricing was over budget" → "pricing
    over budget"), negations kept; a text of stopwords only stays as it is."""
    kept = [w for w in WORD.findall(text.lower()) if w not in _DROPPED]
    return " ".join(kept) or text


Placed = list[tuple[_Phrase, float]]


def _engine_groups(phrases: Sequence[_Phrase], seed: int) -> list[tuple[Placed, str]]:
    """Phrases grouped by the engine, each with its closeness to its group's centre (for
    choosing quotes), and each group's label."""
    texts = [p.text for p in phrases]
    vectors = _embedder().embed([content_words(t) for t in texts])
    indices, similarities = nearest_neighbours(vectors, NEIGHBOURS, seed=seed)
    indices = np.where(similarities >= MIN_SIMILARITY, indices, -1)
    graph = graph_from_neighbours(indices, similarities)
    found = LeidenClusterer(NEIGHBOURS, RESOLUTION, seed).cluster_graph(graph).tolist()
    # A group never crosses a loss category: "budget freeze" (timing) stays apart from "too
    # expensive" (price) however near their words, or the page sized one objection twice.
    keys = [(group, phrase.category or "") for group, phrase in zip(found, phrases, strict=True)]
    split = {key: n for n, key in enumerate(sorted(set(keys)))}
    labels = np.array([split[key] for key in keys])
    keywords = theme_keywords(texts, labels.tolist())
    rows_of: dict[int, list[int]] = {}
    for row, label in enumerate(labels.tolist()):
        rows_of.setdefault(label, []).append(row)
    groups = []
    for label, rows in sorted(rows_of.items()):
        centre = vectors[rows].mean(axis=0)
        centre /= max(float(np.linalg.norm(centre)), 1e-12)
        placed = [(phrases[r], float(vectors[r] @ centre)) for r in rows]
        words = keywords.get(label) or []
        if len(rows) == 1 or not words:
            name = max(placed, key=lambda m: (m[0].deals, m[0].text))[0].text
        else:
            name = " · ".join(words)
        groups.append((placed, name))
    return groups


def _objection(
    members: Placed, label: str, rates: Mapping[str, Decimal], base: str, grouped_by: str
) -> Objection:
    sums: dict[str | None, Decimal] = {}
    wordings: dict[str, int] = {}
    for phrase, _ in members:
        for currency, amount in phrase.sums.items():
            sums[currency] = sums.get(currency, ZERO) + amount
        wordings.update(phrase.wordings)
    ordered = sorted(wordings, key=lambda w: (-wordings[w], w))
    # Quotes by closeness to the centre, a phrase once (its most frequent wording).
    candidates = [Candidate(n, p.text, closeness) for n, (p, closeness) in enumerate(members)]
    return Objection(
        text=label,
        wordings=tuple(ordered),
        deals=sum(p.deals for p, _ in members),
        with_amount=sum(p.with_amount for p, _ in members),
        lost_revenue=convert(sums, rates, base),
        from_notes=any(p.from_notes for p, _ in members),
        quotes=tuple(q.text for q in representative_quotes([candidates], limit=QUOTES)),
        grouped_by=grouped_by,
    )
