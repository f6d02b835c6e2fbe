"""The assumption register: the list in register order, one assumption with its history and
"enough evidence" verdict, and the form that sets a status by judgement (editors).

The calls ``tradeoff assumption list|show|status`` and ``tradeoff enough --assumption`` make
(``strategy.assumptions``, ``strategy.enough_evidence``), so the browser and the terminal
agree. A status set here is ``set_status``'s record, reason required, kept in the history.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy import Engine

from tradeoff.domain.decisions import AssumptionJudgement
from tradeoff.domain.enums import AssumptionStatus
from tradeoff.errors import InputError, TradeoffError
from tradeoff.strategy.assumptions import (
    assumption_register,
    assumption_view,
    frontier_ids,
    set_status,
)
from tradeoff.strategy.enough_evidence import assumption_settled
from tradeoff.strategy.experiments import required_sample
from tradeoff.web.deps import CheckedForm, Editor, EngineDep, Signed, Viewer
from tradeoff.web.routes.page_parts import PageNumber, page_of, refusal_status
from tradeoff.web.templating import render

router = APIRouter()


@router.get("/assumptions")
def assumptions(
    request: Request, engine: EngineDep, signed: Viewer, page: PageNumber = 1
) -> Response:
    register = assumption_register(engine, frontier_ids(engine))
    shown = page_of(register, page)
    return render(request, "assumptions.html", {"page": shown}, signed=signed)


@router.get("/assumptions/{assumption_id}")
def assumption(
    request: Request,
    engine: EngineDep,
    signed: Viewer,
    assumption_id: int,
    judged: Annotated[bool, Query()] = False,
) -> Response:
    message = "Status set by judgement; the reason is kept in the history." if judged else None
    return _assumption_page(request, engine, signed, assumption_id, message=message)


@router.post("/assumptions/{assumption_id}/status")
def judge(
    request: Request, engine: EngineDep, signed: Editor, form: CheckedForm, assumption_id: int
) -> Response:
    """Set the status by judgement with its reason, as ``tradeoff assumption status``."""
    try:
        chosen = str(form.get("status") or "")
        if chosen not in {s.value for s in AssumptionStatus}:
            raise InputError("choose a status: " + ", ".join(s.value for s in AssumptionStatus))
        set_status(
            engine, assumption_id, AssumptionStatus(chosen), reason=str(form.get("reason") or "")
        )
    except TradeoffError as error:
        status = refusal_status(error)
        return _assumption_page(
            request, engine, signed, assumption_id, error=str(error), status_code=status
        )
    return RedirectResponse(f"/assumptions/{assumption_id}?judged=1", status_code=303)


def _assumption_page(
    request: Request,
    engine: Engine,
    signed: Signed,
    assumption_id: int,
    *,
    message: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    view = assumption_view(engine, assumption_id, frontier_ids(engine))
    sizes = {e.id: required_sample(e) for e in view.experiments if e.id is not None}
    context: dict[str, Any] = {
        "view": view,
        "a": view.assumption,
        "history": [(isinstance(r, AssumptionJudgement), r) for r in view.history()],
        "sizes": sizes,
        "enough": assumption_settled(view, sizes),
        "statuses": [s.value for s in AssumptionStatus],
        "message": message,
        "error": error,
    }
    return render(request, "assumption.html", context, signed=signed, status_code=status_code)
