"""The decision log: the list, one decision with its history and "not yet" reply, and the
form that records a decision (editors).

The form fills a ``DecisionDraft`` as ``tradeoff decide`` fills one from its flags, and
``log.record_decision`` applies every rule, so a decision recorded here equals one recorded
in the terminal. Signals are checked line by line with ``parse_signal`` first, so each
mistake is shown beside the field with its column, and nothing is written until all pass.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse

from tradeoff.decisions.decision_draft import DecisionDraft, OptionLink
from tradeoff.decisions.log import RECORDABLE, decision_history, list_decisions, record_decision
from tradeoff.decisions.signals import SignalSyntaxError, is_note, parse_signal
from tradeoff.domain.enums import DecisionStatus
from tradeoff.errors import InputError, NotFound
from tradeoff.web.deps import CheckedForm, Editor, EngineDep, Signed, Viewer
from tradeoff.web.templating import render

router = APIRouter()

#: The form's fields, in the order of the decision record.
TEXT_FIELDS = (
    "question", "context", "chosen", "tradeoffs", "not_optimising_for", "owner",
    "decided_on", "status", "requested_by", "reason", "reply", "supersedes",
)  # fmt: skip
LINE_FIELDS = ("options", "assumptions", "signals", "stakeholders", "links")


@router.get("/decisions")
def decisions(request: Request, engine: EngineDep, signed: Viewer) -> Response:
    records = list_decisions(engine)
    return render(request, "decisions.html", {"records": records}, signed=signed)


@router.get("/decisions/new")
def new_decision(
    request: Request, signed: Editor, supersedes: Annotated[int | None, Query(ge=1)] = None
) -> Response:
    """An empty form; with ``supersedes``, a revision whose empty fields keep the old ones."""
    given = {"status": "" if supersedes else DecisionStatus.DECIDED.value}
    if supersedes:
        given["supersedes"] = str(supersedes)
    return _form(request, signed, given, {})


@router.post("/decisions")
def record(request: Request, engine: EngineDep, signed: Editor, form: CheckedForm) -> Response:
    given = {name: str(form.get(name) or "").strip() for name in (*TEXT_FIELDS, *LINE_FIELDS)}
    signal_errors = _signal_errors(given["signals"])
    if signal_errors:
        return _form(request, signed, given, {"signals": signal_errors}, status_code=400)
    try:
        stored = record_decision(engine, draft_of(given))
    except (InputError, NotFound) as exc:
        return _form(request, signed, given, {"form": str(exc)}, status_code=400)
    return RedirectResponse(f"/decisions/{stored.id}", status_code=303)


@router.get("/decisions/{decision_id}")
def decision(request: Request, engine: EngineDep, signed: Viewer, decision_id: int) -> Response:
    history = decision_history(engine, decision_id)
    context = {"history": history, "record": history.asked_record}
    return render(request, "decision.html", context, signed=signed)


def draft_of(given: dict[str, str]) -> DecisionDraft:
    """The draft ``tradeoff decide`` would build from the same values given as flags."""
    status = given["status"]
    if status and status not in {s.value for s in RECORDABLE}:
        raise InputError(f"status must be one of {', '.join(s.value for s in RECORDABLE)}")
    supersedes = given["supersedes"].removeprefix("#")
    if supersedes and not (supersedes.isascii() and supersedes.isdigit()):
        raise InputError(f"supersedes must be a decision id, got {given['supersedes']!r}")
    values: dict[str, Any] = {
        "question": given["question"], "context": given["context"],
        "options": _lines(given["options"]), "chosen": given["chosen"],
        "tradeoffs": given["tradeoffs"], "not_optimising_for": given["not_optimising_for"],
        "assumptions": _lines(given["assumptions"]), "signals": _lines(given["signals"]),
        "owner": given["owner"], "stakeholders": _lines(given["stakeholders"]),
        "decided_on": _day(given["decided_on"]),
        "status": DecisionStatus(status) if status else None,
        "requested_by": given["requested_by"], "reason": given["reason"],
        "reply": given["reply"],
        "links": tuple(OptionLink.parse(line) for line in _lines(given["links"])),
        "supersedes": int(supersedes) if supersedes else None,
    }  # fmt: skip
    return DecisionDraft(**{k: v for k, v in values.items() if v not in (None, "", ())})


def _signal_errors(text: str) -> list[str]:
    """Each signal line that does not parse, with its line number and column."""
    errors = []
    for number, line in enumerate(_lines(text), 1):
        if is_note(line):
            continue
        try:
            parse_signal(line)
        except SignalSyntaxError as exc:
            errors.append(f"line {number}, column {exc.column}: {exc.message}")
    return errors


def _form(
    request: Request,
    signed: Signed,
    given: dict[str, str],
    errors: dict[str, str | list[str]],
    *,
    status_code: int = 200,
) -> Response:
    context = {
        "given": given,
        "errors": errors,
        "statuses": [s.value for s in RECORDABLE],
    }
    return render(request, "decision_form.html", context, signed=signed, status_code=status_code)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _day(text: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"decided on must be a date like 2026-04-20, got {text!r}") from None
