"""Competitors ranked by revenue at stake, and one page per competitor.

The calls ``tradeoff competitors`` and ``tradeoff competitor NAME`` make
(``analysis.business.competitors``), so the browser and the terminal agree. A competitor's
address is its name, percent-encoded whole (a name may hold ``/`` or markup); an alias
finds the same page, as in the terminal. Charts are SVG ``data:`` images. An integration
partner (``tradeoff competitor-partner``) is marked on both pages, read-only like the rest
of them: corrections to competitors are made with the commands.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request, Response

from tradeoff.analysis.business.competitor_partners import PARTNER_MEANS
from tradeoff.analysis.business.competitors import (
    CompetitorProfile,
    CompetitorStanding,
    competitor_profile,
    competitor_ranking,
)
from tradeoff.analysis.business.mention_stance import STANCE_WORDS, mention_split
from tradeoff.reports.charts import bar_chart, line_chart, to_data_uri
from tradeoff.web.deps import EngineDep, Viewer
from tradeoff.web.routes.sales import FORMATS, sum_cell
from tradeoff.web.templating import render

router = APIRouter()

#: Themes a competitor's page lists, as the CLI.
THEMES_SHOWN = 8


def href(name: str) -> str:
    """The competitor's page: every character that is not a plain letter or digit encoded."""
    return "/competitors/" + quote(name, safe="")


def money_cells(s: CompetitorStanding) -> tuple[str, str, str]:
    """At stake, lost and open pipeline as the table's cells (as ``tradeoff competitors``):
    "– (no amount)" or "GBP 7,200 (no rate)" where a sum has no figure in the base currency."""
    at_stake = s.lost + s.open
    return (
        sum_cell(s.revenue_at_stake, at_stake, at_stake - s.lost_unpriced - s.open_unpriced),
        sum_cell(s.revenue_lost, s.lost, s.lost - s.lost_unpriced),
        sum_cell(s.open_pipeline, s.open, s.open - s.open_unpriced),
    )


def win_rate_chart(ranking: list[CompetitorStanding]) -> str | None:
    rows = [
        {"competitor": s.name, "win rate": s.win_rate, "closed deals": s.won + s.lost}
        for s in ranking
        if s.win_rate is not None
    ]
    if not rows:
        return None
    return to_data_uri(
        bar_chart(
            rows,
            category="competitor",
            value="win rate",
            title="Win rate against each competitor",
            value_format=".0%",
        )
    )


def trend_chart(profile: CompetitorProfile) -> str | None:
    if not profile.quarters:
        return None
    rows = [
        {"quarter": q.quarter, "deals": number, "series": series}
        for q in profile.quarters
        for series, number in (("met", q.met), ("won", q.won), ("lost", q.lost))
    ]
    return to_data_uri(
        line_chart(
            rows,
            period="quarter",
            value="deals",
            series="series",
            title=f"Deals with {profile.standing.name} by quarter",
        )
    )


@router.get("/competitors")
def competitors(request: Request, engine: EngineDep, signed: Viewer) -> Response:
    ranking = competitor_ranking(engine)
    rows = [(s, href(s.name), money_cells(s)) for s in ranking]
    context: dict[str, Any] = {
        "ranking": rows,
        "starred": any(cell.endswith("*") for *_, cells in rows for cell in cells),
        "base": ranking[0].revenue_at_stake.base if ranking else "",
        "unconverted": any(not s.revenue_at_stake.complete for s in ranking),
        "unpriced": any(s.lost_unpriced or s.open_unpriced for s in ranking),
        "chart": win_rate_chart(ranking),
        "partners": any(s.partner for s in ranking),
        "partner_means": PARTNER_MEANS,
        **FORMATS,
    }
    return render(request, "competitors.html", context, signed=signed)


@router.get("/competitors/{name:path}")
def competitor(request: Request, engine: EngineDep, signed: Viewer, name: str) -> Response:
    profile = competitor_profile(engine, name)  # NotFound (with close names): a 404 page
    context: dict[str, Any] = {
        "profile": profile,
        "s": profile.standing,
        "written_as": sorted(profile.written_as.items()),
        "themes": profile.themes[:THEMES_SHOWN],
        "mention_split": mention_split(profile.standing.came_from, profile.standing.leaving_for),
        "stance_words": STANCE_WORDS,
        "chart": trend_chart(profile),
        "partner_means": PARTNER_MEANS,
        **FORMATS,
    }
    return render(request, "competitor.html", context, signed=signed)
