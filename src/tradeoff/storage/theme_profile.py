"""The profile of a theme: how much evidence, from whom, of what kind, when, and against it.

Every figure is defined so a PM can recount it by hand from the theme's evidence list.

- **links**: the rows filing an item under an *active* theme, whoever made them (the model
  or a person). Archived and merged themes have no profile. A theme does not inherit its
  sub-themes' links: the engine files each item under both levels itself.
- **items**: distinct pieces of evidence. A copy (an item whose ``duplicate_of_id`` names
  an earlier original: the same words from the same account through another channel) is
  one piece with its original, so items = distinct ``coalesce(duplicate_of_id, id)`` among
  the links. **copies** = links − items, the rows folded into another. Each piece is read
  through one *representative*: its original when the original is filed in the theme, else
  its lowest-id copy. Every per-item figure below (shares, dates, trend, counter evidence)
  counts representatives only.
- **accounts**: distinct non-null ``account_id`` over all links (copies included: counting
  distinct accounts already counts each one once).
- **end users**: distinct ``person_id`` over all links whose person's role is not an
  internal proxy (sales, CSM, support, executive). Buyers, admins, champions and people of
  unknown role are customers' own voices and count. Relayers are never counted here.
- **observed / stated**: items by ``mode``; shares are counts over items.
- **proxy / direct**: an item is by proxy when someone relayed it (``relayed_by_id`` set)
  or its speaker's own role is an internal proxy; direct otherwise (an unsigned review is
  direct). proxy_share = proxy items / items, direct_share = 1 − proxy_share.
- **first / last seen**: the earliest and latest ``created_at`` (UTC) of the items.
- **monthly trend**: items per calendar month (UTC, ``YYYY-MM``) from the month of the
  theme's first item to the month of the *as-of day*, zero months included, so a theme that
  went quiet shows its quiet months. The as-of day is ``as_of`` (a timestamp is read as its
  UTC day), by default today (UTC, ``storage.demand_kept.today``): the day ``tradeoff
  demand`` counts to, so both trends end in the same month. Never the newest evidence's
  day: one deal note dated by a close date typed a year ahead made every theme's trend run
  into empty months. Items dated after the as-of day (``storage.demand.day_cutoff``,
  demand's own cut) are not known yet by that day: they are in no month, as in demand, and
  counted apart as **ahead** (they stay in every other figure: they are the theme's
  evidence). The as-of day's month is **filling** while days of it remain after the as-of
  day (demand's ``filling_period``); the **last full month** is then the month before it,
  else that month itself. **change** = the last full month's items − the items of the
  month before it (zero before the first item). No change when the theme began after the
  last full month.
- **praise items**: items that read as praise by ``praise``: pass
  ``tradeoff.analysis.label.counter.PRAISE_RULES`` (a parameter, because storage must not
  import analysis).
  **Counter evidence** is the praise items of a theme that is mostly something else
  that name what they praise: listed only when praise items are fewer than half of the
  items (a theme that is mostly praise is a praise theme, and its praise is not
  "counter"), and only those naming something (``PraiseRules.names``: "No complaints" or
  "Great app!" filed in a complaint theme says nothing about its area). The list holds the
  latest ``counter_limit`` of them, newest first; ``counter_evidence_count`` counts them all.

All themes are profiled in a few queries whatever their number (active themes, the dirty
marks, per-theme and -day counts and reach from ``storage.theme_summary`` — the same two
counted from the links for themes marked dirty —, the praised items kept by
``storage.praise`` with any item not read yet, the ranking of the praised pieces: none when
nothing reads as praise, one more per 5,000 praised pieces). The counts never read the
links of a clean theme, nor the texts of items already read for praise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Subquery, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from tradeoff.domain.enums import INTERNAL_PROXY_ROLES, EvidenceKind, EvidenceMode, ThemeStatus
from tradeoff.domain.rules import utc
from tradeoff.storage import theme_summary
from tradeoff.storage.demand import day_cutoff, month_of, still_filling
from tradeoff.storage.demand_kept import today
from tradeoff.storage.praise import PraiseRules, fill_if_writing, praised_naming, readings
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow, PersonRow, ThemeRow
from tradeoff.storage.types import UTCDateTime

COUNTER_LIMIT = 5
#: Well under SQLite's 32,766 bound parameters, two lists of this many per query.
PIECES_PER_QUERY = 5000


@dataclass(frozen=True)
class MonthCount:
    month: str
    items: int


@dataclass(frozen=True)
class MonthlyTrend:
    """Items per month up to the as-of day's month, and how the last full month moved."""

    months: tuple[MonthCount, ...]
    last_full_month: str | None
    last_full_month_items: int | None
    month_before_items: int | None
    #: The day the trend runs to (None only for a trend made by hand, in tests).
    as_of: date | None = None
    #: Items dated after ``as_of``: in no month (not known yet by that day).
    ahead: int = 0

    @property
    def change(self) -> int | None:
        if self.last_full_month_items is None or self.month_before_items is None:
            return None
        return self.last_full_month_items - self.month_before_items

    @property
    def filling_month(self) -> str | None:
        """The as-of day's month while days of it remain after that day: its count is the
        days so far, so a short bar is no fall in demand."""
        return None if self.as_of is None else _filling_month(self.as_of)


@dataclass(frozen=True)
class CounterEvidence:
    """One item that speaks well of the theme's area, with the words that say so."""

    evidence_id: int
    kind: EvidenceKind
    created_at: datetime
    text: str
    rating: float | None
    cues: tuple[str, ...]


@dataclass(frozen=True)
class ThemeProfile:
    """The figures defined in this module's docstring, for one active theme."""

    theme_id: int
    items: int
    copies: int
    accounts: int
    end_users: int
    observed_items: int
    proxy_items: int
    first_seen: datetime | None
    last_seen: datetime | None
    trend: MonthlyTrend
    praise_items: int
    counter_evidence_count: int
    counter_evidence: tuple[CounterEvidence, ...]

    @property
    def stated_items(self) -> int:
        return self.items - self.observed_items

    @property
    def direct_items(self) -> int:
        return self.items - self.proxy_items

    @property
    def observed_share(self) -> float | None:
        return self.observed_items / self.items if self.items else None

    @property
    def stated_share(self) -> float | None:
        return self.stated_items / self.items if self.items else None

    @property
    def proxy_share(self) -> float | None:
        return self.proxy_items / self.items if self.items else None

    @property
    def direct_share(self) -> float | None:
        return 1 - self.proxy_items / self.items if self.items else None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types only: dates as ISO 8601 UTC, shares as floats or null."""
        return {
            "theme_id": self.theme_id,
            "items": self.items,
            "copies": self.copies,
            "accounts": self.accounts,
            "end_users": self.end_users,
            "observed_items": self.observed_items,
            "stated_items": self.stated_items,
            "observed_share": self.observed_share,
            "stated_share": self.stated_share,
            "proxy_items": self.proxy_items,
            "direct_items": self.direct_items,
            "proxy_share": self.proxy_share,
            "direct_share": self.direct_share,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "monthly": [{"month": m.month, "items": m.items} for m in self.trend.months],
            "trend_as_of": self.trend.as_of.isoformat() if self.trend.as_of else None,
            "filling_month": self.trend.filling_month,
            "items_ahead": self.trend.ahead,
            "last_full_month": self.trend.last_full_month,
            "last_full_month_items": self.trend.last_full_month_items,
            "month_before_items": self.trend.month_before_items,
            "month_change": self.trend.change,
            "praise_items": self.praise_items,
            "counter_evidence_count": self.counter_evidence_count,
            "counter_evidence": [
                {
                    "evidence_id": c.evidence_id,
                    "kind": c.kind.value,
                    "created_at": _iso(c.created_at),
                    "text": c.text,
                    "rating": c.rating,
                    "cues": list(c.cues),
                }
                for c in self.counter_evidence
            ],
        }


def theme_profiles(
    session: Session,
    theme_ids: Sequence[int] | None = None,
    *,
    praise: PraiseRules,
    as_of: date | None = None,
    counter_limit: int = COUNTER_LIMIT,
) -> dict[int, ThemeProfile]:
    """Profiles of the active themes among ``theme_ids`` (all active themes when None),
    their trends as of the day ``as_of`` (a timestamp: its UTC day; default today).

    Ids that are not active themes are left out, so ``id in result`` tells whether one is.

    >>> from tradeoff.analysis.label.counter import PRAISE_RULES
    >>> theme_profiles(session, [12], praise=PRAISE_RULES)[12].to_json()  # doctest: +SKIP
    """
    if theme_ids is not None and not theme_ids:
        return {}
    query = select(ThemeRow.id).where(ThemeRow.status == ThemeStatus.ACTIVE)
    if theme_ids is not None:
        query = query.where(ThemeRow.id.in_(set(theme_ids)))
    active = sorted(session.scalars(query))
    if not active:
        return {}
    theme_summary.refresh_if_writing(session)
    fill_if_writing(session, praise)
    day = _trend_day(as_of)
    clean, dirty = theme_summary.split(session, active)
    monthly = _summary_monthly(session, clean, day)
    reach = {
        r.theme_id: (r.accounts, r.end_users)
        for r in theme_summary.demand_reach(session, clean, None)
    }
    if dirty:
        live = select(ThemeRow.id).where(ThemeRow.id.in_(dirty)).subquery("profiled")
        monthly |= _monthly(session, live, day)
        reach |= _reach(session, live)
    themes = query.subquery("profiled")
    praised_pieces = _praised(session, themes, None if theme_ids is None else active, praise)
    items = {theme_id: sum(m.items for m in months) for theme_id, months in monthly.items()}
    counter = _counter_evidence(session, praise, praised_pieces, items, counter_limit)
    return {
        theme_id: _profile(
            theme_id,
            monthly.get(theme_id, []),
            reach.get(theme_id, (0, 0)),
            day,
            len(praised_pieces.get(theme_id, [])),
            counter.get(theme_id, (0, ())),
        )
        for theme_id in active
    }


def _profile(
    theme_id: int,
    months: list[MonthTally],
    reach: tuple[int, int],
    day: date,
    praise_items: int,
    counter: tuple[int, tuple[CounterEvidence, ...]],
) -> ThemeProfile:
    items = sum(m.items for m in months)
    counter_count, counter_shown = counter
    return ThemeProfile(
        theme_id=theme_id,
        items=items,
        copies=sum(m.links for m in months) - items,
        accounts=reach[0],
        end_users=reach[1],
        observed_items=sum(m.observed for m in months),
        proxy_items=sum(m.proxy for m in months),
        first_seen=min((m.first_seen for m in months if m.items and m.first_seen), default=None),
        last_seen=max((m.last_seen for m in months if m.items and m.last_seen), default=None),
        trend=_trend(
            {m.month: m.items - m.ahead for m in months if m.items > m.ahead},
            day,
            sum(m.ahead for m in months),
        ),
        praise_items=praise_items,
        counter_evidence_count=counter_count,
        counter_evidence=counter_shown,
    )


def _pieces(themes: Subquery, *only: ColumnElement[bool]) -> Subquery:
    """One row per link to a profiled theme, with what the figures need and a rank that is
    1 for the representative of each piece of evidence (its original, else its lowest id)."""
    item = EvidenceItemRow
    # "+ 0": with the bare column SQLite walks the theme_id index and then fetches evidence
    # rows in random order, three times slower at 100,000 links than the primary-key order.
    theme_id = EvidenceThemeRow.theme_id + 0
    speaker_is_proxy = PersonRow.role.in_(INTERNAL_PROXY_ROLES)
    return (
        select(
            theme_id.label("theme_id"),
            item.id,
            item.mode,
            item.created_at,
            case((or_(item.relayed_by_id.is_not(None), speaker_is_proxy), 1), else_=0).label(
                "proxy"
            ),
            func.row_number()
            .over(
                partition_by=(theme_id, func.coalesce(item.duplicate_of_id, item.id)),
                order_by=(case((item.duplicate_of_id.is_(None), 0), else_=1), item.id),
            )
            .label("rank"),
        )
        .join(item, item.id == EvidenceThemeRow.evidence_id)
        .join(themes, themes.c.id == EvidenceThemeRow.theme_id)
        .outerjoin(PersonRow, PersonRow.id == item.person_id)
        .where(*only)
        .subquery("pieces")
    )


def _trend_day(as_of: date | None) -> date:
    """The day a trend runs to: ``as_of`` (a timestamp's UTC day), else the day demand
    counts to by default, today."""
    if isinstance(as_of, datetime):
        moment = utc("as_of", as_of)
        assert moment is not None
        return moment.date()
    return as_of or today()


@dataclass
class MonthTally:
    """One theme's links and pieces in one calendar month (UTC); ``ahead`` of the items are
    dated after the trend's as-of day."""

    month: str
    links: int
    items: int
    observed: int
    proxy: int
    first_seen: datetime | None
    last_seen: datetime | None
    ahead: int = 0


def _summary_monthly(
    session: Session, theme_ids: Sequence[int], day: date
) -> dict[int, list[MonthTally]]:
    """``_monthly`` of clean themes, folded from the summary's days (a few hundred a theme)."""
    monthly: dict[int, dict[str, MonthTally]] = {}
    last_day = day.isoformat()  # the summary's days are ``YYYY-MM-DD`` text
    for row in theme_summary.day_rows(session, theme_ids):
        month = row.day[:7]
        ahead = row.items if row.day > last_day else 0
        tally = monthly.setdefault(row.theme_id, {}).get(month)
        if tally is None:
            monthly[row.theme_id][month] = MonthTally(
                month,
                row.links,
                row.items,
                row.observed,
                row.proxy,
                row.first_at,
                row.last_at,
                ahead,
            )
            continue
        tally.links += row.links
        tally.items += row.items
        tally.ahead += ahead
        tally.observed += row.observed
        tally.proxy += row.proxy
        tally.first_seen = _earliest(tally.first_seen, row.first_at)
        tally.last_seen = _latest(tally.last_seen, row.last_at)
    return {theme: list(months.values()) for theme, months in monthly.items()}


def _earliest(a: datetime | None, b: datetime | None) -> datetime | None:
    return min((m for m in (a, b) if m is not None), default=None)


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    return max((m for m in (a, b) if m is not None), default=None)


def _monthly(session: Session, themes: Subquery, day: date) -> dict[int, list[MonthTally]]:
    """Theme id → per calendar month: links, items, observed and proxy items, first and last
    seen, and the items dated after ``day``, counted from the links (the reference for the
    summary). Summed per theme they give the totals, so one pass over the links gives both."""
    pieces = _pieces(themes)
    counted = pieces.c.rank == 1

    def over_items(value: ColumnElement[Any]) -> ColumnElement[Any]:
        return case((counted, value))

    month = _month_of(session, pieces.c.created_at).label("month")
    query = select(
        pieces.c.theme_id,
        month,
        func.count().label("links"),
        func.count(over_items(pieces.c.id)).label("items"),
        func.count(over_items(case((pieces.c.mode == EvidenceMode.OBSERVED, 1)))).label("observed"),
        func.coalesce(func.sum(over_items(pieces.c.proxy)), 0).label("proxy"),
        type_coerce(func.min(over_items(pieces.c.created_at)), UTCDateTime()).label("first_seen"),
        type_coerce(func.max(over_items(pieces.c.created_at)), UTCDateTime()).label("last_seen"),
        func.count(over_items(case((pieces.c.created_at >= day_cutoff(day), 1)))).label("ahead"),
    ).group_by(pieces.c.theme_id, month)
    monthly: dict[int, list[MonthTally]] = {}
    for r in session.execute(query):
        monthly.setdefault(r.theme_id, []).append(
            MonthTally(
                r.month, r.links, r.items, r.observed, r.proxy, r.first_seen, r.last_seen, r.ahead
            )
        )
    return monthly


def _month_of(session: Session, created: ColumnElement[datetime]) -> ColumnElement[str]:
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", created), "YYYY-MM")
    # SQLite keeps UTC as naive text ("2026-03-01 09:30:00.000000").
    return func.strftime("%Y-%m", created)


def _reach(session: Session, themes: Subquery) -> dict[int, tuple[int, int]]:
    """Distinct accounts and end users per theme, over every link (copies included)."""
    item = EvidenceItemRow
    end_user = case((PersonRow.role.not_in(INTERNAL_PROXY_ROLES), item.person_id))
    theme_id = EvidenceThemeRow.theme_id + 0  # see _pieces
    query = (
        select(
            theme_id,
            func.count(item.account_id.distinct()),
            func.count(end_user.distinct()),
        )
        .join(item, item.id == EvidenceThemeRow.evidence_id)
        .join(themes, themes.c.id == EvidenceThemeRow.theme_id)
        .outerjoin(PersonRow, PersonRow.id == item.person_id)
        .group_by(theme_id)
    )
    return {theme: (accounts, people) for theme, accounts, people in session.execute(query)}


def _praised(
    session: Session, themes: Subquery, theme_ids: Sequence[int] | None, praise: PraiseRules
) -> dict[int, list[tuple[datetime, int, bool]]]:
    """Theme id → its praised pieces' (created_at, evidence_id, whether it names what it
    praises), newest first.

    The readings kept per item (``storage.praise``) give the praised ids in one read; only
    those then go through the ranking that picks representatives, so the common case
    (little praise) never reads the texts, and the words are read for the few shown.
    """
    item = EvidenceItemRow
    originals = praised_naming(session, praise, theme_ids)
    keys = {original if original is not None else i for i, (original, _) in originals.items()}
    found: dict[int, list[tuple[datetime, int, bool]]] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), PIECES_PER_QUERY):
        chunk = ordered[start : start + PIECES_PER_QUERY]
        pieces = _pieces(themes, or_(item.id.in_(chunk), item.duplicate_of_id.in_(chunk)))
        ranked = select(pieces.c.theme_id, pieces.c.id, pieces.c.created_at).where(
            pieces.c.rank == 1
        )
        for theme_id, evidence_id, created_at in session.execute(ranked):
            if evidence_id in originals:
                names = originals[evidence_id][1]
                found.setdefault(theme_id, []).append((created_at, evidence_id, names))
    for listed in found.values():
        listed.sort(reverse=True)
    return found


def praise_said(
    session: Session, theme_id: int, *, praise: PraiseRules, limit: int = COUNTER_LIMIT
) -> tuple[CounterEvidence, ...]:
    """The newest ``limit`` praised pieces of one theme with their words, whatever its share
    of praise: a praise theme's own, shown where it speaks to another theme's area."""
    themes = select(ThemeRow.id).where(ThemeRow.id == theme_id).subquery("profiled")
    pieces = _praised(session, themes, [theme_id], praise).get(theme_id, [])[:limit]
    return _said(session, praise, pieces)


def _counter_evidence(
    session: Session,
    praise: PraiseRules,
    praised_pieces: dict[int, list[tuple[datetime, int, bool]]],
    items: dict[int, int],
    counter_limit: int,
) -> dict[int, tuple[int, tuple[CounterEvidence, ...]]]:
    """Per theme that is mostly something else (praise under half its items): how many of
    its praised pieces name what they praise, and the newest ``counter_limit`` of them with
    their words (the only texts read). Praise that names nothing ("No complaints") filed
    in a complaint theme is no evidence about its area."""
    naming = {
        theme_id: [p for p in pieces if p[2]]
        for theme_id, pieces in praised_pieces.items()
        if 2 * len(pieces) < items.get(theme_id, 0)
    }
    shown = {theme_id: pieces[:counter_limit] for theme_id, pieces in naming.items()}
    return {
        theme_id: (len(naming[theme_id]), _said(session, praise, pieces))
        for theme_id, pieces in shown.items()
    }


def _said(
    session: Session, praise: PraiseRules, pieces: Sequence[tuple[datetime, int, bool]]
) -> tuple[CounterEvidence, ...]:
    """The pieces with their words, the cues as a person reads them."""
    words = readings(session, praise, {i for _, i, _ in pieces})
    return tuple(
        CounterEvidence(i, r.kind, created_at, r.text, r.rating, praise.shown(r.cues))
        for created_at, i, _ in pieces
        if (r := words.get(i)) is not None
    )


def _trend(counts: dict[str, int], day: date, ahead: int) -> MonthlyTrend:
    """``counts`` (items per month up to ``day``'s, none after it) as the trend to ``day``."""
    if not counts:
        return MonthlyTrend((), None, None, None, day, ahead)
    first, last = min(counts), month_of(day)
    months = tuple(MonthCount(m, counts.get(m, 0)) for m in _month_range(first, last))
    last_full = last if _filling_month(day) is None else _previous(last)
    if last_full < first:
        return MonthlyTrend(months, None, None, None, day, ahead)
    before = counts.get(_previous(last_full), 0)
    return MonthlyTrend(months, last_full, counts.get(last_full, 0), before, day, ahead)


def _filling_month(day: date) -> str | None:
    """``day``'s month while days of it remain after ``day``, by demand's own rule."""
    return still_filling(day, month_of)


def _previous(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return f"{year - 1:04d}-12" if number == 1 else f"{year:04d}-{number - 1:02d}"


def _month_range(first: str, last: str) -> list[str]:
    months = [last]
    while months[-1] > first:
        months.append(_previous(months[-1]))
    return months[::-1]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
