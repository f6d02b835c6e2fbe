"""Naming competitors the way sales writes them: "Fernbank", "fernbank.com", "Excel", "none".

Real competitors include spreadsheets, in-house tools and doing nothing (principle 3), so a
new name is classified by what it says it is; the user can correct the kind later.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.domain.names import fold
from tradeoff.storage import repository

HOMEGROWN = re.compile(
    r"\b(spreadsheets?|excel|google sheets|sheets|in[- ]house|home[- ]?grown|internal (tool|build)|"
    r"built (it )?themselves|diy|manual process)\b"
)
STATUS_QUO = re.compile(
    r"\b(no decision|status quo|do nothing|did nothing|nothing|no vendor|"
    r"stay(ed|ing)? (with|on) (current|existing)|existing (bank|provider))\b"
)


#: What a CRM field holds when there was no competitor at all.
NO_COMPETITOR = frozenset({"", "none", "n a", "na", "no competitor", "unknown", "other"})


def names_no_competitor(name: str) -> bool:
    return fold(name) in NO_COMPETITOR


def classify_competitor(name: str) -> CompetitorKind:
    folded = fold(name)
    if STATUS_QUO.search(folded):
        return CompetitorKind.STATUS_QUO
    if HOMEGROWN.search(folded):
        return CompetitorKind.HOMEGROWN
    return CompetitorKind.DIRECT


class CompetitorBook:
    """Competitors of the workspace by every name they go by, loaded once per import."""

    def __init__(self, session: Session, *, batch_id: int) -> None:
        self.session = session
        self.batch_id = batch_id
        self._by_name: dict[str, Competitor] | None = None

    def forget(self) -> None:
        self._by_name = None

    def _names(self) -> dict[str, Competitor]:
        if self._by_name is None:
            self._by_name = {}
            for competitor in repository.list_all(self.session, Competitor):
                for name in (competitor.name, *competitor.aliases):
                    self._by_name[fold(name)] = competitor
        return self._by_name

    def find_or_create(self, name: str) -> Competitor:
        names = self._names()
        key = fold(name)
        if key in names:
            return names[key]
        competitor = repository.add(
            self.session,
            Competitor(name=name.strip(), kind=classify_competitor(name)),
            batch_id=self.batch_id,
        )
        names[key] = competitor
        return competitor
