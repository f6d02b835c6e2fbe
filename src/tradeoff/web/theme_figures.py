"""The themes' figures the pages keep: every theme's profile and demand (the list), and one
theme's profile, sub-themes and quotes (its page).

Both take seconds on a million items, so they are kept per workspace data version and day in
``VersionedCache`` and recomputed in the background; the pages read them with ``lookup`` and
never wait. The figures are those of ``tradeoff themes``, ``tradeoff demand`` and ``tradeoff
theme``: the same functions compute them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine

from tradeoff.analysis.business.demand import theme_demand
from tradeoff.analysis.business.demand_model import SubjectDemand
from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.analysis.theme_page import ThemePage, theme_page
from tradeoff.storage.session import read_session
from tradeoff.storage.theme_profile import ThemeProfile, theme_profiles
from tradeoff.web.catch_up import catch_up
from tradeoff.web.versioned_cache import Kept, VersionedCache


@dataclass(frozen=True)
class ThemeList:
    """Every theme's profile and demand, from the APIs ``tradeoff themes`` and ``tradeoff
    demand`` use."""

    profiles: dict[int, ThemeProfile]
    demand: dict[int, SubjectDemand]


THEME_LISTS: VersionedCache[ThemeList] = VersionedCache(size=8)
THEME_PAGES: VersionedCache[ThemePage] = VersionedCache(size=256)


def today() -> date:
    return datetime.now(UTC).date()


def compute_theme_list(engine: Engine) -> ThemeList:
    # Edits (merge, split, move) only mark their themes; this runs off the request path, so
    # it is where derived tables catch up (web.catch_up).
    catch_up(engine)
    with read_session(engine) as session:
        profiles = theme_profiles(session, praise=PRAISE_RULES)
    return ThemeList(profiles, {d.id: d for d in theme_demand(engine)})


def theme_list_lookup(engine: Engine, *, background: bool = True) -> Kept[ThemeList]:
    return THEME_LISTS.lookup(
        engine, "all", today(), lambda _version: compute_theme_list(engine), background=background
    )


def theme_page_lookup(engine: Engine, theme_id: int, *, background: bool = True) -> Kept[ThemePage]:
    return THEME_PAGES.lookup(
        engine,
        theme_id,
        today(),
        lambda _version: _theme_page(engine, theme_id),
        background=background,
    )


def _theme_page(engine: Engine, theme_id: int) -> ThemePage:
    catch_up(engine)
    return theme_page(engine, theme_id)
