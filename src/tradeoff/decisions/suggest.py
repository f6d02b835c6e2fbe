"""Which themes hold a problem's evidence: the problem statement is searched like any query
(``analysis.search``: keywords and meaning fused), and the themes are ranked by how many of
the best matches they hold.

A theme is a *confident* match when it holds at least ``CONFIDENT_SHARE`` of the matches
and at least ``CONFIDENT_HITS`` of them: one stray ticket that shares a word with the
statement does not tie a whole theme to a problem. The demo links only confident matches;
``tradeoff problem suggest`` shows all, with their counts, for a person to judge.

>>> suggest_themes(engine, 3, embedder=embedder_named("static"))  # doctest: +SKIP
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Engine

from tradeoff.analysis.embed.protocol import Embedder
from tradeoff.analysis.search import search
from tradeoff.domain.problems import Problem
from tradeoff.storage.problems import get_problem, problem_links
from tradeoff.storage.session import read_session

DEPTH = 50
CONFIDENT_SHARE = 0.2
CONFIDENT_HITS = 5


@dataclass(frozen=True)
class ThemeSuggestion:
    theme_id: int
    name: str
    hits: int  # of the ``searched`` best matches, how many are filed in this theme
    searched: int  # matches read (at most the depth asked for)
    linked: bool  # already linked to the problem

    @property
    def share(self) -> float:
        return self.hits / self.searched if self.searched else 0.0

    @property
    def confident(self) -> bool:
        return self.hits >= CONFIDENT_HITS and self.share >= CONFIDENT_SHARE


def problem_query(problem: Problem) -> str:
    """The statement with what is tried and what goes wrong: more words to match on.
    Double quotes are dropped: in a search they would demand the exact phrase."""
    parts = [problem.statement, problem.trying_to or "", problem.goes_wrong or ""]
    return " ".join(" ".join(parts).replace('"', " ").split())


def suggest_themes(
    engine: Engine, problem_id: int, *, embedder: Embedder, depth: int = DEPTH
) -> list[ThemeSuggestion]:
    """Themes holding the problem's best-matching evidence, most matches first (then id)."""
    with read_session(engine) as session:
        problem = get_problem(session, problem_id)
        linked = {t.id for t in problem_links(session, problem_id).themes}
    hits = search(engine, problem_query(problem), embedder=embedder, limit=depth)
    counts = Counter(h.theme_id for h in hits if h.theme_id is not None)
    names = {h.theme_id: h.theme or "" for h in hits if h.theme_id is not None}
    ranked = sorted(counts, key=lambda t: (-counts[t], t))
    return [
        ThemeSuggestion(
            theme_id=theme_id,
            name=names[theme_id],
            hits=counts[theme_id],
            searched=len(hits),
            linked=theme_id in linked,
        )
        for theme_id in ranked
    ]
