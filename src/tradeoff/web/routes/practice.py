"""The practice check and coverage: how the workspace stands against the principles, and
who owns which area, with what at stake and how close each PM is to customers.

One call each, as ``tradeoff check`` and ``tradeoff coverage`` make
(``strategy.practice.runner.run_check``, ``strategy.coverage.coverage``). Today's figures
read every theme's demand, seconds on a large workspace, so they are kept per data version
and day (``web.versioned_cache``; migration 0012 versions the goal, area, team and roadmap
tables they also read) and recomputed in the background; a page for an ``as_of`` day is
computed when asked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from fastapi import APIRouter, Request, Response
from sqlalchemy import Engine

from tradeoff.strategy.coverage import Coverage, coverage
from tradeoff.strategy.practice.model import CheckReport
from tradeoff.strategy.practice.runner import run_check
from tradeoff.web.catch_up import catch_up
from tradeoff.web.deps import EngineDep, Viewer, background
from tradeoff.web.routes.page_parts import AsOf, as_of_day
from tradeoff.web.templating import render
from tradeoff.web.theme_figures import today
from tradeoff.web.versioned_cache import Kept, VersionedCache

V = TypeVar("V")

CHECKS: VersionedCache[CheckReport] = VersionedCache(size=4)
COVERAGES: VersionedCache[Coverage] = VersionedCache(size=4)

router = APIRouter()

#: The pages a rule's items have in this app, by rule: themes and decisions.
ITEM_PAGES = {
    "proxy-only-themes": "/themes/{}",
    "stated-observed": "/themes/{}",
    "decision-revisit": "/decisions/{}",
    "decision-options": "/decisions/{}",
}


@router.get("/check")
def check(request: Request, engine: EngineDep, signed: Viewer, as_of: AsOf = None) -> Response:
    kept = _figures(request, engine, CHECKS, "check", run_check, as_of_day(as_of))
    report = kept.value
    # Every item a rule carries (up to ``Thresholds.listed_items``), not the CLI's first five:
    # a page has room, and each is a link where the app has a page for it.
    rules = [
        (rule, ITEM_PAGES.get(rule.key), rule.items_behind - len(rule.findings))
        for rule in (report.rules if report is not None else ())
    ]
    context = {"report": report, "rules": rules, "kept": kept}
    return render(request, "check.html", context, signed=signed)


@router.get("/coverage")
def coverage_page(
    request: Request, engine: EngineDep, signed: Viewer, as_of: AsOf = None
) -> Response:
    kept = _figures(request, engine, COVERAGES, "coverage", coverage, as_of_day(as_of))
    return render(request, "coverage.html", {"c": kept.value, "kept": kept}, signed=signed)


def _figures(
    request: Request,
    engine: Engine,
    cache: VersionedCache[V],
    key: str,
    compute: Callable[..., V],
    day: date | None,
) -> Kept[V]:
    """Today's figures as kept (never waited for); another day's computed now."""
    if day is not None:
        return Kept.fresh(compute(engine, as_of=day))

    def current(_version: str) -> V:
        catch_up(engine)  # off the request path, as for the theme pages
        return compute(engine)

    return cache.lookup(engine, key, today(), current, background=background(request))
