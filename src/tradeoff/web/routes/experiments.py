"""Experiments: the list, one experiment with its pre-registered rule, design, sample size and
result, and the form that records a running one's result (editors).

The calls ``tradeoff experiment list|show|result`` make (``strategy.experiments``; the z-test
and the sample size are ``strategy.sample_size``'s), so the page and the terminal agree.
Planning and editing stay in the terminal: a pre-registered design is written once, with
care, and is then fixed.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse

from tradeoff.domain.enums import ExperimentResult, ExperimentStatus
from tradeoff.errors import TradeoffError
from tradeoff.strategy.experiments import (
    ExperimentView,
    experiment_list,
    experiment_view,
    hypothesised_up,
    record_arms,
    record_from_metric,
)
from tradeoff.strategy.sample_size import parse_arm
from tradeoff.web.deps import CheckedForm, Editor, EngineDep, Signed, Viewer
from tradeoff.web.routes.page_parts import AsOf, PageNumber, as_of_day, page_of, refusal_status
from tradeoff.web.templating import render

router = APIRouter()


@router.get("/experiments")
def experiments(
    request: Request, engine: EngineDep, signed: Viewer, page: PageNumber = 1
) -> Response:
    shown = page_of(experiment_list(engine), page)
    return render(request, "experiments.html", {"page": shown}, signed=signed)


@router.get("/experiments/{experiment_id}")
def experiment(
    request: Request,
    engine: EngineDep,
    signed: Viewer,
    experiment_id: int,
    as_of: AsOf = None,
    recorded: Annotated[bool, Query()] = False,
) -> Response:
    message = "Result recorded and judged by the rule written in advance." if recorded else None
    view = experiment_view(engine, experiment_id, today=as_of_day(as_of))
    return _experiment_page(request, signed, view, message=message)


@router.post("/experiments/{experiment_id}/result")
def record(
    request: Request, engine: EngineDep, signed: Editor, form: CheckedForm, experiment_id: int
) -> Response:
    """Record the arms' counts (or read the metric) and judge them, as ``tradeoff experiment
    result``; the assumption follows the verdict."""
    try:
        if form.get("from_metric"):
            record_from_metric(engine, experiment_id)
        else:
            control = parse_arm(str(form.get("control") or ""), "control")
            treatment = parse_arm(str(form.get("treatment") or ""), "treatment")
            record_arms(engine, experiment_id, control, treatment)
    except TradeoffError as error:
        status = refusal_status(error)
        view = experiment_view(engine, experiment_id)
        return _experiment_page(request, signed, view, error=str(error), status_code=status)
    return RedirectResponse(f"/experiments/{experiment_id}?recorded=1", status_code=303)


def heading(view: ExperimentView) -> str:
    """What the verdict is: a recorded outcome, an interim reading, or the end's reading not
    yet recorded (the words of ``tradeoff experiment show``)."""
    e = view.experiment
    if view.interim:
        return "Interim reading, not a result"
    if e.status is ExperimentStatus.RUNNING:
        return "Reading at the end, not recorded yet"
    return "Outcome"


def _experiment_page(
    request: Request,
    signed: Signed,
    view: ExperimentView,
    *,
    message: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    e = view.experiment
    verdict = view.verdict
    smallest = min(e.control_n, e.treatment_n) if e.control_n and e.treatment_n else None
    context: dict[str, Any] = {
        "view": view,
        "e": e,
        "verdict": verdict,
        "heading": heading(view) if verdict else None,
        "would_pass": verdict is not None and verdict.result is ExperimentResult.PASSED,
        "smallest": smallest,
        "up": hypothesised_up(view.metric),
        "can_record": e.status is ExperimentStatus.RUNNING,
        "message": message,
        "error": error,
    }
    return render(request, "experiment.html", context, signed=signed, status_code=status_code)
