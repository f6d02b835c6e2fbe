"""Problems: the list and one problem's page, as ``tradeoff problem list`` and ``show`` print.

Both are one call each into ``decisions.problems``; the page adds nothing but layout, so the
terminal and the browser show the same figures and the same quotes.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from tradeoff.decisions.problems import problem_list, problem_page
from tradeoff.web.deps import EngineDep, Viewer
from tradeoff.web.templating import render

router = APIRouter()


@router.get("/problems")
def problems(request: Request, engine: EngineDep, signed: Viewer) -> Response:
    listed = problem_list(engine)
    return render(request, "problems.html", {"listed": listed}, signed=signed)


@router.get("/problems/{problem_id}")
def problem(request: Request, engine: EngineDep, signed: Viewer, problem_id: int) -> Response:
    page = problem_page(engine, problem_id)
    return render(request, "problem.html", {"page": page}, signed=signed)
