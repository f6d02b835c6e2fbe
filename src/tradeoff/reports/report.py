"""The report as data: every section gathered from the APIs that already compute it.

``tradeoff report`` is the first thing a new user reads, so it must agree to the unit with
``tradeoff themes``, ``theme ID``, ``demand``, ``sales`` and ``competitors``. That is why
this module computes nothing itself: each figure is read from the function those commands
call (``theme_profiles``, ``theme_demand``, ``sales_picture``, ``competitor_ranking``, ...)
and only arranged here. Renderers (``reports.html``) lay the data out and never query.

>>> report = build_report(engine, as_of=date(2026, 10, 31))  # doctest: +SKIP
>>> report.themes[0].name  # the theme with most revenue at stake  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff import __version__
from tradeoff.analysis.business.competitors import CompetitorStanding, competitor_ranking
from tradeoff.analysis.business.demand import theme_demand
from tradeoff.analysis.business.demand_model import Demand
from tradeoff.analysis.business.sales import SalesPicture, sales_picture
from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.analysis.label.quotes import Candidate, representative_quotes
from tradeoff.analysis.text.theme_text import as_quoted
from tradeoff.domain.accounts import Account
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.reports.decision_sections import DecisionSections, gather
from tradeoff.storage import repository
from tradeoff.storage.currency import base_currency
from tradeoff.storage.session import read_session
from tradeoff.storage.theme_profile import ThemeProfile, theme_profiles
from tradeoff.storage.themes import ThemeSummary, active_themes, quote_candidates, unsorted_count
from tradeoff.storage.workspace import load_workspace_settings

#: Themes shown in full (figures, trend, quotes, sub-themes); the rest are one table row.
THEME_CARDS = 10
#: Quotes per theme card.
QUOTES = 3
#: Competitors listed (ranked by revenue at stake; the CLI lists them all).
COMPETITORS = 8


@dataclass(frozen=True)
class Headline:
    """Who the report is about, when, and how much it rests on."""

    company: str
    as_of: date
    base_currency: str
    evidence: int
    accounts: int
    deals: int
    themes: int
    subthemes: int
    generated_at: datetime
    version: str
    #: Set for a workspace of made-up data (the demo), shown on every page.
    synthetic_note: str | None = None


@dataclass(frozen=True)
class Quote:
    """One customer's words, with whose account and where they came from."""

    evidence_id: int
    text: str
    account: str | None
    kind: EvidenceKind
    source: str
    created_at: datetime


@dataclass(frozen=True)
class SubTheme:
    id: int
    name: str
    items: int


@dataclass(frozen=True)
class ThemeEntry:
    """A top-level theme: its profile (``storage.theme_profile``), its demand
    (``analysis.business.demand``; None when the theme has no demand row), and, for the
    themes shown in full, its quotes and sub-themes."""

    id: int
    name: str
    profile: ThemeProfile
    demand: Demand | None
    quotes: tuple[Quote, ...] = ()
    subthemes: tuple[SubTheme, ...] = ()


@dataclass(frozen=True)
class Report:
    headline: Headline
    #: Top-level themes, most revenue at stake first, then most evidence (demand's order).
    themes: tuple[ThemeEntry, ...]
    #: Evidence no theme fits well enough (``tradeoff evidence --unsorted`` lists it).
    unsorted: int
    #: None when the workspace holds no deals.
    sales: SalesPicture | None
    #: Competitors met in deals or named in evidence, most revenue at stake first.
    competitors: tuple[CompetitorStanding, ...]
    #: Problems, opportunities and the decision log (``reports.decision_sections``).
    decisions: DecisionSections

    @property
    def empty(self) -> bool:
        """Nothing imported yet: the report says what to import instead of empty tables."""
        return self.headline.evidence == 0 and self.headline.deals == 0 and self.decisions.empty

    @property
    def cards(self) -> tuple[ThemeEntry, ...]:
        return self.themes[:THEME_CARDS]

    @property
    def more_themes(self) -> tuple[ThemeEntry, ...]:
        return self.themes[THEME_CARDS:]


def build_report(
    engine: Engine, *, as_of: date | None = None, synthetic_note: str | None = None
) -> Report:
    """Everything the report shows, as of ``as_of`` (default today, UTC).

    ``as_of`` is the day demand counts from (renewals ahead, evidence after it left out)
    and the horizon of each theme's monthly trend; without it the trend runs to today, as
    ``tradeoff themes`` and ``tradeoff demand`` count it. Lost deals not classified yet are
    classified first, as ``tradeoff sales`` does (corrections are never touched).
    """
    day = as_of or datetime.now(UTC).date()
    horizon = datetime.combine(day, time.max, tzinfo=UTC) if as_of is not None else None
    with read_session(engine) as session:
        settings = load_workspace_settings(session)
        counts = repository.counts(session)
        summaries = active_themes(session)
        profiles = theme_profiles(session, praise=PRAISE_RULES, as_of=horizon)
        unsorted = unsorted_count(session)
        base = base_currency(session)
        has_competitors = repository.count(session, Competitor) > 0
    tops = [s for s in summaries if s.parent_id is None and s.id in profiles]
    demands = {d.id: d.total for d in theme_demand(engine, as_of=day)} if tops else {}
    order = {theme_id: rank for rank, theme_id in enumerate(demands)}
    tops.sort(key=lambda s: (order.get(s.id, len(order)), -profiles[s.id].items, s.id))
    with read_session(engine) as session:
        themes = tuple(
            _theme(session, s, profiles, summaries, demands.get(s.id), full=rank < THEME_CARDS)
            for rank, s in enumerate(tops)
        )
    sales = sales_picture(engine) if counts["deals"] else None
    ranking = competitor_ranking(engine) if has_competitors else []
    competitors = tuple(c for c in ranking if c.deals_met or c.mentions)[:COMPETITORS]
    headline = Headline(
        company=settings.company_name,
        as_of=day,
        base_currency=base,
        evidence=counts["evidence items"],
        accounts=counts["accounts"],
        deals=counts["deals"],
        themes=len(tops),
        subthemes=sum(1 for s in summaries if s.parent_id is not None and s.id in profiles),
        generated_at=datetime.now(UTC),
        version=__version__,
        synthetic_note=synthetic_note,
    )
    return Report(
        headline=headline,
        themes=themes,
        unsorted=unsorted,
        sales=sales,
        competitors=competitors,
        decisions=gather(engine, as_of=day),
    )


def _theme(
    session: Session,
    summary: ThemeSummary,
    profiles: dict[int, ThemeProfile],
    summaries: Sequence[ThemeSummary],
    demand: Demand | None,
    *,
    full: bool,
) -> ThemeEntry:
    """One theme; quotes and sub-themes only for the themes shown in full (a query each)."""
    profile = profiles[summary.id]
    if not full:
        return ThemeEntry(summary.id, summary.name, profile, demand)
    # Quotes exactly as `tradeoff theme ID` chooses them, then the first QUOTES of those.
    groups = quote_candidates(session, summary.id)
    chosen = representative_quotes([[Candidate(*m) for m in g] for g in groups], limit=QUOTES)
    children = sorted(
        (s for s in summaries if s.parent_id == summary.id and s.id in profiles),
        key=lambda c: (-profiles[c.id].items, c.id),
    )
    return ThemeEntry(
        summary.id,
        summary.name,
        profile,
        demand,
        quotes=tuple(_quote(session, c) for c in chosen),
        subthemes=tuple(SubTheme(c.id, c.name, profiles[c.id].items) for c in children),
    )


def _quote(session: Session, candidate: Candidate) -> Quote:
    item = repository.get(session, EvidenceItem, candidate.evidence_id)
    account = (
        repository.get(session, Account, item.account_id).name
        if item.account_id is not None
        else None
    )
    return Quote(
        evidence_id=candidate.evidence_id,
        text=as_quoted(item.kind, candidate.text),  # the customer's words, not the thread
        account=account,
        kind=item.kind,
        source=item.source,
        created_at=item.created_at,
    )
