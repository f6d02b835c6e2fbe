"""``tradeoff search``: evidence found by meaning and by keywords together.

Modules: ``words`` (tokens, stemming), ``query`` (terms, required phrases), ``bm25``
(keyword relevance), ``fusion`` (reciprocal rank fusion), ``snippet`` (matched words in
context), ``hybrid`` (the search itself).
"""

from tradeoff.analysis.search.hybrid import Match, SearchHit, search
from tradeoff.storage.search import SearchFilters

__all__ = ["Match", "SearchFilters", "SearchHit", "search"]
