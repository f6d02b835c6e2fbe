"""A theme's quote candidates, read best first and only as far as the quotes need.

``storage.themes.quote_candidates`` reads every original item of a theme with its text —
half a million rows for the largest theme of a million-item workspace, 1.7 s, and another
second to sort them in Python — although a page shows five quotes. Here the groups are the
same (each active sub-theme's originals, largest first, then the theme's originals in no
sub-theme), but each is read in ``representative_quotes``' own order (closeness descending,
then id) one batch at a time, and the sizes that order the sub-themes are counted from the
``theme_id`` index without reading a row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import ThemeStatus
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow, ThemeRow

#: Links read per query: one query is usually all a group needs.
BATCH = 100

Member = tuple[int, str, float]


class RankedGroup:
    """One group's original items, closest to its centre first (ties by id), fetched in
    batches on demand: ``first(n)`` reads only as far as the n-th."""

    def __init__(self, session: Session, theme_id: int, outside: Select[Any] | None) -> None:
        self._session = session
        self._theme_id = theme_id
        #: Sub-themes whose items leave this group (the theme's own group only).
        self._outside = outside
        self._members: list[Member] = []
        self._after: tuple[float, int] | None = None
        self._done = False

    def first(self, count: int) -> list[Member]:
        while len(self._members) < count and not self._done:
            self._fetch()
        return self._members[:count]

    def has_more_than(self, count: int) -> bool:
        return len(self.first(count + 1)) > count

    def _fetch(self) -> None:
        link = EvidenceThemeRow
        query = select(link.evidence_id, link.score).where(link.theme_id == self._theme_id)
        if self._after is not None:
            score, last = self._after
            query = query.where(
                or_(link.score < score, and_(link.score == score, link.evidence_id > last))
            )
        batch = self._session.execute(
            query.order_by(link.score.desc(), link.evidence_id).limit(BATCH)
        ).all()
        if len(batch) < BATCH:
            self._done = True
        if not batch:
            return
        self._after = (float(batch[-1][1]), int(batch[-1][0]))
        texts = self._originals([int(e) for e, _ in batch])
        self._members += [(int(e), texts[int(e)], float(s)) for e, s in batch if int(e) in texts]

    def _originals(self, ids: list[int]) -> dict[int, str]:
        """Text of those of ``ids`` that are originals and, for the theme's own group, in
        none of its active sub-themes."""
        item = EvidenceItemRow
        query = select(item.id, item.text).where(item.id.in_(ids), item.duplicate_of_id.is_(None))
        if self._outside is not None:
            in_a_sub = select(EvidenceThemeRow.evidence_id).where(
                EvidenceThemeRow.evidence_id.in_(ids), EvidenceThemeRow.theme_id.in_(self._outside)
            )
            query = query.where(item.id.not_in(in_a_sub))
        return {int(i): t for i, t in self._session.execute(query)}


def quote_groups(session: Session, theme_id: int) -> list[RankedGroup]:
    """The groups ``quote_candidates`` returns, in its order, not yet read: sub-themes with
    originals, most originals first (ties by id), then the theme's own group."""
    subthemes = select(ThemeRow.id).where(
        ThemeRow.parent_id == theme_id, ThemeRow.status == ThemeStatus.ACTIVE
    )
    sizes = _originals_per_theme(session, subthemes)
    ordered = sorted((s for s in sizes.items() if s[1] > 0), key=lambda s: (-s[1], s[0]))
    groups = [RankedGroup(session, sub_id, None) for sub_id, _ in ordered]
    return [*groups, RankedGroup(session, theme_id, subthemes)]


def _originals_per_theme(session: Session, themes: Select[Any]) -> dict[int, int]:
    """Original items filed under each of ``themes``: every link counted from the
    ``theme_id`` index, less the links of copies (few, found by ``duplicate_of_id``)."""
    link = EvidenceThemeRow
    links = select(link.theme_id, func.count()).where(link.theme_id.in_(themes))
    copies = (
        select(link.theme_id, func.count())
        .join(EvidenceItemRow, EvidenceItemRow.id == link.evidence_id)
        .where(link.theme_id.in_(themes), EvidenceItemRow.duplicate_of_id.is_not(None))
    )
    counts = {int(t): int(n) for t, n in session.execute(links.group_by(link.theme_id))}
    for theme, copied in session.execute(copies.group_by(link.theme_id)):
        counts[int(theme)] -= int(copied)
    return counts
