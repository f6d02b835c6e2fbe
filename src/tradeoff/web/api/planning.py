"""``/problems``, ``/opportunities``, ``/decisions``: the CLI's ``--format json`` figures.

Each list is computed whole by the decisions layer (it ranks and compares across every
item) and then paged here; these lists are hundreds of rows, not millions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from fastapi import APIRouter

from tradeoff.decisions.assessment import assess_opportunities
from tradeoff.decisions.estimates import Dimension
from tradeoff.decisions.frontier import frontier
from tradeoff.decisions.log import get_decision, list_decisions
from tradeoff.decisions.problems import problem_list
from tradeoff.decisions.records import DecisionRecord
from tradeoff.web.api.auth import ApiViewer
from tradeoff.web.api.schemas import (
    DecisionPublic,
    DimensionPublic,
    Limit,
    Offset,
    OpportunityPublic,
    Page,
    ProblemPublic,
)
from tradeoff.web.deps import EngineDep

router = APIRouter()
T = TypeVar("T")


def _page(items: Sequence[T], limit: int, offset: int) -> tuple[list[T], int]:
    return list(items[offset : offset + limit]), len(items)


@router.get("/problems", tags=["problems"])
def list_problems(
    engine: EngineDep, caller: ApiViewer, limit: Limit = 50, offset: Offset = 0
) -> Page[ProblemPublic]:
    """Problems, most revenue at stake first (as ``tradeoff problem list``)."""
    chosen, total = _page(problem_list(engine), limit, offset)
    items = [
        ProblemPublic(
            id=e.summary.id,
            statement=e.summary.statement,
            severity=e.summary.severity.value if e.summary.severity else None,
            links={
                "evidence": e.summary.evidence,
                "themes": e.summary.themes,
                "symptoms": e.summary.symptoms,
                "symptom_of": e.summary.symptom_of,
                "opportunities": e.summary.opportunities,
            },
            demand=e.demand.to_json(),
        )
        for e in chosen
    ]
    return Page[ProblemPublic](items=items, total=total, limit=limit, offset=offset)


def _dimension(d: Dimension) -> DimensionPublic:
    s = d.score
    return DimensionPublic(
        value=s.value,
        low=s.low,
        high=s.high,
        confidence=s.confidence,
        origin=s.origin.value,
        basis=s.basis,
        known=d.known,
        reasoning=list(d.basis),
    )


@router.get("/opportunities", tags=["opportunities"])
def list_opportunities(
    engine: EngineDep, caller: ApiViewer, limit: Limit = 50, offset: Offset = 0
) -> Page[OpportunityPublic]:
    """Opportunities in id order: three dimensions, never summed, and frontier standing."""
    assessed = assess_opportunities(engine)
    standings = frontier(assessed)
    chosen, total = _page(assessed, limit, offset)
    items = []
    for a in chosen:
        standing = standings.standing(a.id)
        dims = {d.name.value: _dimension(d) for d in a.dimensions}
        items.append(
            OpportunityPublic(
                id=a.id,
                title=a.title,
                user_value=dims["user_value"],
                viability=dims["viability"],
                feasibility=dims["feasibility"],
                on_frontier=standing.on_frontier,
                dominated_by=list(standing.dominated_by),
                certain=standing.certain,
                unknown=[d.value for d in standing.unknown],
            )
        )
    return Page[OpportunityPublic](items=items, total=total, limit=limit, offset=offset)


def _decision(record: DecisionRecord) -> DecisionPublic:
    return DecisionPublic.model_validate(record.to_json())


@router.get("/decisions", tags=["decisions"])
def decisions(
    engine: EngineDep,
    caller: ApiViewer,
    limit: Limit = 50,
    offset: Offset = 0,
    include_superseded: bool = False,
) -> Page[DecisionPublic]:
    """Current decisions (as ``tradeoff decisions``); superseded ones on request."""
    records = list_decisions(engine, include_superseded=include_superseded)
    chosen, total = _page(records, limit, offset)
    items = [_decision(r) for r in chosen]
    return Page[DecisionPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/decisions/{decision_id}", tags=["decisions"])
def decision(engine: EngineDep, caller: ApiViewer, decision_id: int) -> DecisionPublic:
    return _decision(get_decision(engine, decision_id))
