"""One theme as every surface shows it: its figures, its sub-themes' and its quotes.

``tradeoff theme``, the web page and the API read the same object, so the terminal, the
browser and a script never disagree about a theme.

A quote represents the theme and counter evidence says the opposite, so an item that reads
as praise in a theme that is mostly something else (listed as counter evidence or not), or
one in the same words as a listed one, is never also a quote: the quotes skip it and take
the next candidate.

Praise of the theme's area that discovery filed in a praise theme of its own is named on the
page too (``label.area_praise``), with a few of its items: the counter evidence a reader
would otherwise miss. A praise theme's page names the theme it answers.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from tradeoff.analysis.label.area_praise import nearest_namesakes, spoken_to
from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.analysis.label.quotes import Candidate, repeat_key, representative_quotes
from tradeoff.analysis.text.theme_text import as_quoted, as_said
from tradeoff.errors import NotFound
from tradeoff.storage.centroids import current_centroids
from tradeoff.storage.praise import praised
from tradeoff.storage.session import read_session
from tradeoff.storage.tables import EvidenceItemRow
from tradeoff.storage.theme_profile import (
    CounterEvidence,
    MonthCount,
    MonthlyTrend,
    ThemeProfile,
    praise_said,
    theme_profiles,
)
from tradeoff.storage.theme_quotes import RankedGroup, quote_groups
from tradeoff.storage.themes import ThemeSummary, active_themes, not_active
from tradeoff.wording import plural

#: Quotes a theme shows.
QUOTES = 5
#: The most members of one group read for quotes.
QUOTE_READ = 500
#: Items shown of each praise theme that speaks to a theme's area.
AREA_PRAISE_SHOWN = 3


@dataclass(frozen=True)
class AreaPraise:
    """A praise theme that speaks well of this theme's area, and its newest praise."""

    theme: ThemeSummary
    profile: ThemeProfile
    said: tuple[CounterEvidence, ...]


@dataclass(frozen=True)
class ThemePage:
    theme: ThemeSummary
    profile: ThemeProfile
    #: Largest first (ties by id).
    subthemes: tuple[tuple[ThemeSummary, ThemeProfile], ...]
    #: Chosen for coverage: the most typical item of each sub-theme in turn.
    quotes: tuple[Candidate, ...]
    #: Praise themes speaking well of this theme's area, the most praise first.
    praise_of_area: tuple[AreaPraise, ...] = ()
    #: For a praise theme: the theme whose area it speaks well of.
    speaks_to: ThemeSummary | None = None
    #: (source, external id) of every item the page quotes or lists, by evidence id: what a
    #: reader looks the item up by in the tool it came from.
    sources: Mapping[int, tuple[str, str]] = field(default_factory=dict)


def theme_page(engine: Engine, theme_id: int) -> ThemePage:
    """The active theme ``theme_id``; profiles only it, its sub-themes and the few themes
    whose names and centroids tie them to it by its area's praise, not every theme."""
    with read_session(engine) as session:
        summaries = active_themes(session)
        chosen = next((s for s in summaries if s.id == theme_id), None)
        if chosen is None:
            raise NotFound(not_active(session, theme_id))
        children = [s for s in summaries if s.parent_id == theme_id]
        namesakes = (
            nearest_namesakes(summaries, current_centroids(session))
            if chosen.parent_id is None
            else {}
        )
        # Its own namesake (a praise theme's area) and the themes naming it (praise of its).
        involved = {i for i, named in namesakes.items() if named == theme_id}
        involved |= {namesakes[theme_id]} if theme_id in namesakes else set()
        profiles = theme_profiles(
            session, [theme_id, *(c.id for c in children), *sorted(involved)], praise=PRAISE_RULES
        )
        if theme_id not in profiles:
            raise NotFound(f"no active theme with id {theme_id}")
        profile = profiles[theme_id]
        counter = profile.counter_evidence
        # Praise is counter evidence only in a theme that is mostly something else.
        praise = (
            praised(session, PRAISE_RULES, [theme_id, *(c.id for c in children)]) if counter else {}
        )
        groups = quote_groups(session, theme_id)
        quotes = quotes_as_said(
            session, theme_quotes(groups, leave_out=counter, praised=praise.keys())
        )
        answers, speaks_to = _area_praise(session, summaries, theme_id, namesakes, profiles)
        shown = [q.evidence_id for q in quotes] + [c.evidence_id for c in counter]
        shown += [c.evidence_id for answer in answers for c in answer.said]
        sources = _sources(session, shown)
    subthemes = sorted(
        ((c, profiles[c.id]) for c in children if c.id in profiles),
        key=lambda pair: (-pair[1].items, pair[0].id),
    )
    return ThemePage(
        chosen, profiles[theme_id], tuple(subthemes), tuple(quotes), answers, speaks_to, sources
    )


def _sources(session: Session, ids: Collection[int]) -> dict[int, tuple[str, str]]:
    """(source, external id) of the items ``ids`` (a page's few)."""
    if not ids:
        return {}
    item = EvidenceItemRow
    rows = select(item.id, item.source, item.external_id).where(item.id.in_(set(ids)))
    return {int(i): (source, external) for i, source, external in session.execute(rows)}


def _area_praise(
    session: Session,
    summaries: Sequence[ThemeSummary],
    theme_id: int,
    namesakes: Mapping[int, int],
    profiles: Mapping[int, ThemeProfile],
) -> tuple[tuple[AreaPraise, ...], ThemeSummary | None]:
    """The praise themes speaking to the theme's area, most praise first, and the theme it
    speaks to when it is a praise theme, by ``label.area_praise`` over the ``profiles``
    given (the theme's and its namesakes')."""
    tops = {s.id: s for s in summaries if s.parent_id is None}
    pairs = spoken_to(namesakes, profiles)
    answers = sorted(
        (p for p, answered in pairs.items() if answered == theme_id),
        key=lambda p: (-profiles[p].praise_items, p),
    )
    praise_of_area = tuple(
        AreaPraise(
            tops[p],
            profiles[p],
            praise_said(session, p, praise=PRAISE_RULES, limit=AREA_PRAISE_SHOWN),
        )
        for p in answers
    )
    return praise_of_area, tops[pairs[theme_id]] if theme_id in pairs else None


def theme_quotes(
    groups: Sequence[RankedGroup],
    limit: int = QUOTES,
    leave_out: Collection[CounterEvidence] = (),
    praised: Collection[int] = (),
) -> list[Candidate]:
    """``representative_quotes`` over every member of the groups, reading only the head of
    each: the best ``4 * limit`` first, more only when a head could run dry. A head with more
    than ``limit`` different texts never does — everything taken from a group, chosen or
    skipped as a repeat, says one of the at most ``limit`` texts chosen — so the quotes are
    exactly those of the whole groups. Reading stops at ``QUOTE_READ`` members a group: a
    theme whose most typical items all repeat each other (a million rewordings of a few
    questions) shows fewer quotes rather than reading every member for one more.

    Members that are counter evidence of the theme (``leave_out``: the same item, or the
    same message, ``repeat_key``) and the ids in ``praised`` are not candidates: they say
    the opposite of the theme."""
    ids = {c.evidence_id for c in leave_out} | set(praised)
    said = {repeat_key(c.text) for c in leave_out}

    def candidate(member: tuple[int, str, float]) -> bool:
        return member[0] not in ids and (not said or repeat_key(member[1]) not in said)

    wanted = 4 * limit
    while True:
        heads = [[Candidate(*m) for m in group.first(wanted) if candidate(m)] for group in groups]
        quotes = representative_quotes(heads, limit)
        if wanted >= QUOTE_READ or all(
            not group.has_more_than(wanted) or len(representative_quotes([head], limit + 1)) > limit
            for group, head in zip(groups, heads, strict=True)
        ):
            return quotes
        wanted = min(4 * wanted, QUOTE_READ)


def quotes_as_said(session: Session, quotes: Sequence[Candidate]) -> list[Candidate]:
    """Quotes of tickets and chats as the customer said them (``as_said``): without the
    greeting, signature (a phone number, a job title), "Sent from my iPhone" and the quoted
    thread that the stored text keeps, and of a long one the sentences stating its problem
    (``as_quoted``); other kinds' words as they are."""
    ids = [q.evidence_id for q in quotes]
    rows = select(EvidenceItemRow.id, EvidenceItemRow.kind).where(EvidenceItemRow.id.in_(ids))
    kinds = {int(i): k for i, k in session.execute(rows)}
    return [
        Candidate(q.evidence_id, as_quoted(kinds[q.evidence_id], q.text), q.score)
        if q.evidence_id in kinds
        else q
        for q in quotes
    ]


SPARKS = "▁▂▃▄▅▆▇█"
#: Months a theme's trend shows in lists (the terminal's and the web's).
TREND_MONTHS = 12


def trend_months(trend: MonthlyTrend, count: int = TREND_MONTHS) -> list[MonthCount]:
    """The ``count`` months up to the trend's as-of day's month (today's by default, as in
    ``tradeoff demand``), zero before the theme's first item: every theme shows the same
    months, so the bars of a list line up. While that month is filling it holds only the
    days so far; surfaces draw it apart (``so_far``), or its short bar reads as demand
    collapsing in every theme."""
    if not trend.months:
        return []
    year, month = (int(part) for part in trend.months[-1].month.split("-"))
    ends = year * 12 + month - 1  # the newest month, counted from January of year 0
    counts = {m.month: m.items for m in trend.months}
    names = [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(ends - count + 1, ends + 1)]
    return [MonthCount(name, counts.get(name, 0)) for name in names]


def month_sparkline(months: Sequence[MonthCount]) -> str:
    """One bar per month, scaled to the busiest month shown: the shape, with the figures
    printed beside it wherever it appears."""
    if not months:
        return ""
    peak = max(m.items for m in months) or 1
    return "".join(SPARKS[round(m.items / peak * (len(SPARKS) - 1))] for m in months)


def so_far(sparkline: str, filling: bool = True) -> tuple[str, str]:
    """The bars of the whole months and the bar of the month so far (``trend_months``);
    no bar apart when the last month is whole (``MonthlyTrend.filling_month`` is None)."""
    return (sparkline[:-1], sparkline[-1:]) if filling else (sparkline, "")


def trend_words(trend: MonthlyTrend) -> str:
    """The last full month against the one before, then the month so far while it fills,
    as every surface words them (``ahead_words`` says what is dated later):
    ``2026-10: 3 (month before: 5); 2026-11 so far (to 2026-11-26): 2``."""
    parts = []
    if trend.last_full_month is not None and trend.last_full_month_items is not None:
        words = f"{trend.last_full_month}: {trend.last_full_month_items:,}"
        if trend.month_before_items is not None:
            words += f" (month before: {trend.month_before_items:,})"
        parts.append(words)
    filling = trend.filling_month
    if filling is not None and trend.as_of is not None and trend.months:
        now = trend.months[-1].items if trend.months[-1].month == filling else 0
        parts.append(f"{filling} so far (to {trend.as_of.isoformat()}): {now:,}")
    return "; ".join(parts)


def ahead_words(trend: MonthlyTrend) -> str | None:
    """Says how many items are dated after the as-of day, in no month (None when none):
    a date typed ahead, such as a deal note dated by a forecast close date."""
    if not trend.ahead or trend.as_of is None:
        return None
    are = "is" if trend.ahead == 1 else "are"
    return (
        f"{plural(trend.ahead, 'item')} dated after {trend.as_of.isoformat()} {are} in no month yet"
    )


def said_once(items: Sequence[CounterEvidence]) -> list[tuple[str, tuple[int, ...]]]:
    """(the customer's words, the ids saying them), in the items' order: the same words
    from several people are one entry, as every surface lists them."""
    said: dict[str, list[int]] = {}
    for item in items:
        words = " ".join(as_said(item.kind, item.text).split())
        said.setdefault(words, []).append(item.evidence_id)
    return [(words, tuple(ids)) for words, ids in said.items()]
