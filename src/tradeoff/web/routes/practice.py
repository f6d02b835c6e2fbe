"""The practice check and coverage: how the workspace stands against the principles, and
who owns which area, with what at stake and how close each PM is to customers.

One call each, as ``tradeoff check`` and ``tradeoff coverage`` make
(``strategy.practice.runner.run_check``, ``strategy.coverage.coverage``), for today or the
``as_of`` day. Computed on every request, not kept: areas, the team and the roadmap are not
among the tables whose writes bump the data version, so a kept copy could go stale.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from tradeoff.strategy.coverage import coverage
from tradeoff.strategy.practice.runner import run_check
from tradeoff.web.deps import EngineDep, Viewer
from tradeoff.web.routes.page_parts import AsOf, as_of_day
from tradeoff.web.templating import render

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
    report = run_check(engine, as_of=as_of_day(as_of))
    # Every item a rule carries (up to ``Thresholds.listed_items``), not the CLI's first five:
    # a page has room, and each is a link where the app has a page for it.
    rules = [
        (rule, ITEM_PAGES.get(rule.key), rule.items_behind - len(rule.findings))
        for rule in report.rules
    ]
    context = {"report": report, "rules": rules}
    return render(request, "check.html", context, signed=signed)


@router.get("/coverage")
def coverage_page(
    request: Request, engine: EngineDep, signed: Viewer, as_of: AsOf = None
) -> Response:
    found = coverage(engine, as_of=as_of_day(as_of))
    return render(request, "coverage.html", {"c": found}, signed=signed)
