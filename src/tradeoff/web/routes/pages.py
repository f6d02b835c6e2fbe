"""Home: what changed since last week — new themes, rising themes, decisions whose revisit
signals fired, deals lost — and where the money is and which opportunities nothing beats.

Every figure comes from the analysis and decisions APIs the CLI uses, never recomputed
here; ``web.home_snapshot`` keeps them per workspace data version and recomputes them in
the background, so the page never waits for them.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from tradeoff.web.deps import EngineDep, Viewer, background
from tradeoff.web.home_snapshot import home_lookup
from tradeoff.web.templating import render

router = APIRouter()


@router.get("/")
def home(request: Request, engine: EngineDep, signed: Viewer) -> Response:
    kept = home_lookup(engine, background=background(request))
    return render(request, "home.html", {"home": kept.value, "kept": kept}, signed=signed)
