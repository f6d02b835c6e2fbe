"""A theme's quote candidates, read best first and only as far as the quotes need.

``storage.themes.quote_candidates`` reads every original item of a theme with its text —
half a million rows for the largest theme of a million-item workspace, 1.7 s, and another
second to sort them in Python — although a page shows five quotes. Here the groups are the
same (each active sub-theme's originals, largest first, then the theme's originals in no
sub-theme), but each is read in ``representative_quotes``' own order (closeness descending,
then id) one batch at a time, and the sizes that order the sub-themes are counted from the
``theme_id`` index without reading a row. As there, relayed items are neither read nor
counted where customers said enough themselves (``themes.unquoted_kinds``): a look for
customers' items among the theme's links, which stops at the few it needs.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from tradeoff.domain.enums import EvidenceKind, ThemeStatus
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow, ThemeRow
from tradeoff.storage.themes import OWN_WORDS_ENOUGH, RELAYED, SELLERS_NOTES, unquoted_kinds

#: Links read per query: one query is usually all a group needs.
BATCH = 100

Member = tuple[int, str, float]


class RankedGroup:
    """One group's original items, closest to its centre first (ties by id), fetched in
    batches on demand: ``first(n)`` reads only as far as the n-th."""

    def __init__(
        self,
        session: Session,
        theme_id: int,
        outside: Select[Any] | None,
        unquoted: frozenset[EvidenceKind] = frozenset(),
    ) -> None:
        self._session = session
        self._theme_id = theme_id
        #: Sub-themes whose items leave this group (the theme's own group only).
        self._outside = outside
        #: Kinds of item that are no candidates.
        self._unquoted = unquoted
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
        if self._unquoted:
            query = query.where(item.kind.not_in(self._unquoted))
        if self._outside is not None:
            in_a_sub = select(EvidenceThemeRow.evidence_id).where(
                EvidenceThemeRow.evidence_id.in_(ids), EvidenceThemeRow.theme_id.in_(self._outside)
            )
            query = query.where(item.id.not_in(in_a_sub))
        return {int(i): t for i, t in self._session.execute(query)}


def quote_groups(session: Session, theme_id: int) -> list[RankedGroup]:
    """The groups ``quote_candidates`` returns, in its order, not yet read: sub-themes with
    originals, most originals first, then the theme's own group. Ties go by the sub-theme's
    name, which comes from its members' words, and only then by id, which comes from the
    order themes were stored in: sellers' notes filed into a theme change that order, and
    two sub-themes of six tickets swapped their quotes when a CRM import joined them."""
    subthemes = select(ThemeRow.id).where(
        ThemeRow.parent_id == theme_id, ThemeRow.status == ThemeStatus.ACTIVE
    )
    unquoted = unquoted_kinds(
        _holding(session, theme_id, RELAYED, OWN_WORDS_ENOUGH),
        _holding(session, theme_id, SELLERS_NOTES, 1) > 0,
    )
    sizes = _originals_per_theme(session, subthemes, unquoted)
    names = dict(
        session.execute(select(ThemeRow.id, ThemeRow.name).where(ThemeRow.id.in_(subthemes))).all()
    )
    ordered = sorted(
        (s for s in sizes.items() if s[1] > 0), key=lambda s: (-s[1], names.get(s[0], ""), s[0])
    )
    groups = [RankedGroup(session, sub_id, None, unquoted) for sub_id, _ in ordered]
    return [*groups, RankedGroup(session, theme_id, subthemes, unquoted)]


def _holding(
    session: Session, theme_id: int, other_than: frozenset[EvidenceKind], enough: int
) -> int:
    """How many original items of the theme are of none of the kinds ``other_than``, counted
    up to ``enough`` (every member of a sub-theme is linked to its theme too): a look that
    stops there."""
    link, item = EvidenceThemeRow, EvidenceItemRow
    query = (
        select(link.evidence_id)
        .join(item, item.id == link.evidence_id)
        .where(
            link.theme_id == theme_id,
            item.kind.not_in(other_than),
            item.duplicate_of_id.is_(None),
        )
        .limit(enough)
    )
    return len(session.execute(query).all())


def _originals_per_theme(
    session: Session, themes: Select[Any], unquoted: frozenset[EvidenceKind]
) -> dict[int, int]:
    """Original items filed under each of ``themes``, but those of the ``unquoted`` kinds:
    every link counted from the ``theme_id`` index, less the links of copies (few, found by
    ``duplicate_of_id``) and of items of those kinds (few: sellers' notes, found by kind)."""
    link, item = EvidenceThemeRow, EvidenceItemRow
    links = select(link.theme_id, func.count()).where(link.theme_id.in_(themes))
    counts = {int(t): int(n) for t, n in session.execute(links.group_by(link.theme_id))}
    # One query per kind of link left out, each found from its own index.
    left_out: list[ColumnElement[bool]] = [item.duplicate_of_id.is_not(None)]
    if unquoted:
        left_out.append(and_(item.kind.in_(unquoted), item.duplicate_of_id.is_(None)))
    for which in left_out:
        few = (
            select(link.theme_id, func.count())
            .join(item, item.id == link.evidence_id)
            .where(link.theme_id.in_(themes), which)
        )
        for theme, left in session.execute(few.group_by(link.theme_id)):
            counts[int(theme)] -= int(left)
    return counts
