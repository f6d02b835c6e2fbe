"""Opportunities: the three dimensions and the frontier, two side by side, and a ranking.

Each page makes the calls ``tradeoff frontier``, ``compare`` and ``rank`` make
(``decisions.assessment``, then ``frontier``, ``pairs`` or ``rankings`` with ``fragility``),
so the browser and the terminal agree. The three scores are shown side by side and never
added up; a ranking is never shown without its fragility. The chart is an SVG ``data:``
image (``reports.charts``): an image runs no script whatever an opportunity's title says.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from tradeoff.decisions.assessment import assess_opportunities
from tradeoff.decisions.estimates import Assessed
from tradeoff.decisions.fragility import fragility, number
from tradeoff.decisions.frontier import Frontier, frontier
from tradeoff.decisions.pairs import compare
from tradeoff.decisions.rankings import known_fields, rank, ranking_rule
from tradeoff.errors import InputError, NotFound
from tradeoff.reports.charts import frontier_chart, to_data_uri
from tradeoff.storage.currency import base_currency
from tradeoff.storage.session import read_session
from tradeoff.web.deps import EngineDep, Viewer
from tradeoff.web.templating import render

router = APIRouter()


def chart_of(items: list[Assessed], result: Frontier) -> str:
    """User value across, feasibility up, business viability as the bubble (as the report)."""
    rows = [
        {
            "User value": item.user_value.score.value,
            "Technical feasibility": item.feasibility.score.value,
            "Business viability": item.viability.score.value,
            "opportunity": item.title,
            "frontier": result.standing(item.id).on_frontier,
        }
        for item in items
    ]
    spec = frontier_chart(
        rows,
        x="User value",
        y="Technical feasibility",
        size="Business viability",
        label="opportunity",
        on_frontier="frontier",
        title="User value × technical feasibility, sized by business viability",
    )
    return to_data_uri(spec)


@router.get("/opportunities")
def opportunities(request: Request, engine: EngineDep, signed: Viewer) -> Response:
    items = assess_opportunities(engine)
    result = frontier(items)
    rows = [(item, result.standing(item.id)) for item in items]
    rows.sort(key=lambda pair: (not pair[1].on_frontier, pair[0].id))
    context = {
        "rows": rows,
        "on_frontier": len(result.on_frontier),
        "chart": chart_of(items, result) if items else None,
    }
    return render(request, "opportunities.html", context, signed=signed)


@router.get("/opportunities/compare")
def compare_page(
    request: Request,
    engine: EngineDep,
    signed: Viewer,
    a: Annotated[int, Query(ge=1)],
    b: Annotated[int, Query(ge=1)],
) -> Response:
    if a == b:
        raise InputError("Compare needs two different opportunities.")
    found = {item.id: item for item in assess_opportunities(engine, ids=[a, b])}
    for wanted in (a, b):
        if wanted not in found:
            raise NotFound(f"no opportunity with id {wanted}")
    with read_session(engine) as session:
        currency = base_currency(session)
    comparison = compare(found[a], found[b], currency)
    pairs = list(zip(comparison.a.dimensions, comparison.b.dimensions, strict=True))
    context = {"comparison": comparison, "pairs": pairs}
    return render(request, "compare.html", context, signed=signed)


@router.get("/opportunities/rank")
def rank_page(
    request: Request,
    engine: EngineDep,
    signed: Viewer,
    by: Annotated[str, Query(max_length=200)] = "weighted",
) -> Response:
    items = assess_opportunities(engine)
    rule = ranking_rule(by, known=known_fields(items))
    report = fragility(rank(items, rule))
    rows = [
        (ranked, stability, report.pair_below(ranked.position))
        for ranked, stability in zip(report.ranking.ranked, report.items, strict=True)
    ]
    context = {"report": report, "rows": rows, "by": by, "number": number, "any": bool(items)}
    return render(request, "rank.html", context, signed=signed)
