"""Home: where the money is, which opportunities nothing beats, and which decisions asked
to be revisited.

Every figure comes from the analysis and decisions APIs the CLI uses, never recomputed here.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from tradeoff.analysis.business.demand import theme_demand
from tradeoff.decisions.assessment import assess_opportunities
from tradeoff.decisions.frontier import frontier
from tradeoff.decisions.revisit import revisit
from tradeoff.storage.session import read_session
from tradeoff.storage.themes import active_themes, unsorted_count
from tradeoff.web.deps import EngineDep, Viewer
from tradeoff.web.templating import render

router = APIRouter()

#: Themes listed on the home page, most revenue at stake first.
TOP_THEMES = 5


@router.get("/")
def home(request: Request, engine: EngineDep, signed: Viewer) -> Response:
    with read_session(engine) as session:
        themes = active_themes(session)
        unsorted = unsorted_count(session)
    demand = theme_demand(engine)[:TOP_THEMES]
    fired = revisit(engine).fired
    assessed = assess_opportunities(engine)
    standings = frontier(assessed)
    on_frontier = [a for a in assessed if standings.standing(a.id).on_frontier]
    return render(
        request,
        "home.html",
        {
            "theme_count": sum(1 for t in themes if t.parent_id is None),
            "unsorted": unsorted,
            "demand": demand,
            "fired": fired,
            "on_frontier": on_frontier,
            "dominated": len(assessed) - len(on_frontier),
        },
        signed=signed,
    )
