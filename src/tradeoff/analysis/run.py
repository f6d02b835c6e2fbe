"""One analysis of the workspace: embed (cached) → discover → label → store.

Copies of evidence (linked by the importers as duplicates) are not embedded again: they
follow their original into its themes, so they are counted where their words belong.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from tradeoff.analysis.discover import Discovery, DiscoverySettings, discover
from tradeoff.analysis.embed.cache import embed_cached
from tradeoff.analysis.embed.protocol import Embedder
from tradeoff.analysis.label.keywords import theme_keywords
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.themes import FoundTheme, evidence_texts, save_found_themes


@dataclass(frozen=True)
class AnalysisReport:
    items: int
    themes: int
    subthemes: int
    unsorted: int
    model_id: str


def analyze(
    engine: Engine, embedder: Embedder, settings: DiscoverySettings | None = None
) -> AnalysisReport:
    with read_session(engine) as session:
        rows = evidence_texts(session)
    originals = [(i, text) for i, text, copy_of in rows if copy_of is None]
    with write_session(engine) as session:
        vectors = embed_cached(session, embedder, [text for _, text in originals])
    found = discover(vectors, settings)
    themes = _found_themes([i for i, _ in originals], [t for _, t in originals], found)
    copies = {i: copy_of for i, _, copy_of in rows if copy_of is not None}
    for theme in themes:
        for copy, original in copies.items():
            if original in theme.members:
                theme.members[copy] = theme.members[original]
    with write_session(engine) as session:
        save_found_themes(session, themes)
    return AnalysisReport(
        items=len(rows),
        themes=sum(1 for t in themes if t.parent_key is None),
        subthemes=sum(1 for t in themes if t.parent_key is not None),
        unsorted=len(found.unsorted),
        model_id=embedder.model_id,
    )


def _found_themes(ids: list[int], texts: list[str], found: Discovery) -> list[FoundTheme]:
    top_words = theme_keywords(texts, found.themes.tolist())
    sub_words = theme_keywords(texts, found.subthemes.tolist())
    parents = found.parent_of()
    in_theme: dict[int, dict[int, float]] = {}
    in_sub: dict[int, dict[int, float]] = {}
    for row, evidence_id in enumerate(ids):
        closeness = float(found.closeness[row])
        if found.themes[row] >= 0:
            in_theme.setdefault(int(found.themes[row]), {})[evidence_id] = closeness
            in_sub.setdefault(int(found.subthemes[row]), {})[evidence_id] = closeness
    result = [
        FoundTheme(f"t{label}", None, _name(top_words[label]), members)
        for label, members in sorted(in_theme.items())
    ]
    result += [
        FoundTheme(f"s{label}", f"t{parents[label]}", _name(sub_words[label]), members)
        for label, members in sorted(in_sub.items())
    ]
    return result


def _name(keywords: list[str]) -> str:
    return " · ".join(keywords) if keywords else "(no words)"
