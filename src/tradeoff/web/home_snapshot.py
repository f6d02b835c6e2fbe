"""The home page's figures, computed once per workspace data version and day.

Demand per theme, every theme's trend and the opportunity assessment take seconds on a
million items and cannot run per request. They need not: they change only when the data
does, so they are kept in a ``VersionedCache`` (see there for how a change is noticed) and
computed again, by the same Python APIs the CLI calls, in the background after a change or
on a new day, while the page shows the previous figures marked as such.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine

from tradeoff.analysis.business.demand import theme_demand
from tradeoff.analysis.business.demand_model import SubjectDemand
from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.decisions.assessment import assess_opportunities
from tradeoff.decisions.estimates import Assessed
from tradeoff.decisions.frontier import frontier
from tradeoff.decisions.revisit import SignalCheck, revisit
from tradeoff.storage.home import LostDeal, NewTheme, lost_deals, new_themes, unsorted_items
from tradeoff.storage.session import read_session
from tradeoff.storage.theme_profile import theme_profiles
from tradeoff.storage.themes import active_themes
from tradeoff.web.catch_up import catch_up
from tradeoff.web.versioned_cache import Kept, VersionedCache

#: Themes listed as most revenue at stake, and as rising.
TOP_THEMES = 5


@dataclass(frozen=True)
class RisingTheme:
    """A top-level theme whose last full month had more items than the month before
    (``theme_profile``'s monthly trend)."""

    id: int
    name: str
    month: str
    items: int
    month_before: int

    @property
    def change(self) -> int:
        return self.items - self.month_before


@dataclass(frozen=True)
class HomeSnapshot:
    version: str
    day: date
    computed_at: datetime
    #: How long computing it took, shown on the page so a slow first view is explained.
    seconds: float
    theme_count: int
    unsorted: int
    demand: list[SubjectDemand]
    new_themes: list[NewTheme]
    rising: list[RisingTheme]
    fired: list[SignalCheck]
    base_currency: str
    lost_deals: list[LostDeal]
    on_frontier: list[Assessed]
    dominated: int


#: One home page per workspace this process serves.
_HOME: VersionedCache[HomeSnapshot] = VersionedCache(size=8)


def home_snapshot(engine: Engine, *, now: datetime | None = None) -> HomeSnapshot:
    """The current snapshot: the kept one when the data version and day still match, else
    a new one (waiting for one under way rather than computing it twice)."""
    moment = now or datetime.now(UTC)
    return _HOME.get(
        engine, "home", moment.date(), lambda version: compute_snapshot(engine, version, moment)
    )


def home_lookup(engine: Engine, *, background: bool = True) -> Kept[HomeSnapshot]:
    """The kept snapshot at once, current or not; a stale or missing one is recomputed in
    the background (``background=False``: here, before returning)."""
    moment = datetime.now(UTC)
    return _HOME.lookup(
        engine,
        "home",
        moment.date(),
        lambda version: compute_snapshot(engine, version, datetime.now(UTC)),
        background=background,
    )


def wait_for_home(engine: Engine, timeout: float | None = None) -> bool:
    """Block until no background computation of the snapshot runs (tests and the bench)."""
    return _HOME.wait(engine, "home", timeout)


def computations(engine: Engine) -> int:
    """How many snapshots this process has computed for ``engine`` (for tests and bench)."""
    return _HOME.computations(engine, "home")


def compute_snapshot(engine: Engine, version: str, now: datetime) -> HomeSnapshot:
    """Every figure of the home page, from the Python APIs, as of ``now``."""
    started = time.perf_counter()
    day = now.date()
    catch_up(engine)  # off the request path: derived tables catch up with edits here
    with read_session(engine) as session:
        themes = active_themes(session)
        unsorted = unsorted_items(session)
        born = new_themes(session, now)
        base, lost = lost_deals(session, now)
        top_level = {t.id: t.name for t in themes if t.parent_id is None}
        profiles = theme_profiles(session, list(top_level), praise=PRAISE_RULES, as_of=now)
    rising = [
        RisingTheme(
            id=p.theme_id,
            name=top_level[p.theme_id],
            month=p.trend.last_full_month or "",
            items=p.trend.last_full_month_items or 0,
            month_before=p.trend.month_before_items or 0,
        )
        for p in profiles.values()
        if (p.trend.change or 0) > 0
    ]
    rising.sort(key=lambda r: (-r.change, r.id))
    assessed = assess_opportunities(engine, as_of=day)
    standings = frontier(assessed)
    on_frontier = [a for a in assessed if standings.standing(a.id).on_frontier]
    demand = theme_demand(engine, as_of=day)[:TOP_THEMES]
    fired = revisit(engine, as_of=day).fired
    return HomeSnapshot(
        version=version,
        day=day,
        computed_at=now,
        seconds=time.perf_counter() - started,
        theme_count=len(top_level),
        unsorted=unsorted,
        demand=demand,
        new_themes=born,
        rising=rising[:TOP_THEMES],
        fired=fired,
        base_currency=base,
        lost_deals=lost,
        on_frontier=on_frontier,
        dominated=len(assessed) - len(on_frontier),
    )
