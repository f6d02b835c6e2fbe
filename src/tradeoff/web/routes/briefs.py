"""Briefs for each room as pages: the same typed brief and the same HTML fragment that
``tradeoff brief ROOM --format html`` writes, framed in the app's layout.

Any signed-in role may read them: a brief is made to be shared.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from tradeoff.reports.briefs import Room, build_brief
from tradeoff.reports.briefs.render import render_body
from tradeoff.web.deps import EngineDep, Viewer
from tradeoff.web.routes.page_parts import as_of_day
from tradeoff.web.templating import render

router = APIRouter()


@router.get("/briefs/{room}")
def brief_page(
    request: Request,
    engine: EngineDep,
    signed: Viewer,
    room: Room,
    period: str | None = None,
    as_of: str | None = None,
) -> Response:
    brief = build_brief(engine, room, period=period or None, as_of=as_of_day(as_of))
    return render(
        request,
        "brief.html",
        {"brief": brief, "body": render_body(brief), "rooms": list(Room)},
        signed=signed,
    )
