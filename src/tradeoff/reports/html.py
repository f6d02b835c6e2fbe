"""The report as one self-contained HTML file: no script, no network, customer text inert.

Three layers keep customer text from ever becoming markup, so one mistake is not enough:

1. Jinja2 with ``autoescape=True`` everywhere and no ``|safe`` or ``Markup`` anywhere: every
   value, a theme name or a quote, is escaped for its context.
2. Charts are SVG rendered by vl-convert (which writes text as escaped XML text) and embedded
   as ``data:`` URIs in ``<img>``: an image cannot run script whatever its text says, and
   base64 holds no character that needs escaping.
3. A Content-Security-Policy meta tag that allows no script at all, inline styles and
   ``data:`` images only, so even an escaping bug could not run anything or fetch anything.

The file is written whole or not at all (a temporary file in the same folder, then a rename).

>>> write_report(build_report(engine), Path("report.html"))  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from jinja2 import Environment

from tradeoff.analysis.business.competitors import CompetitorStanding
from tradeoff.analysis.business.money import Money
from tradeoff.analysis.business.money_words import (
    NO_AMOUNT_WORDS,
    Counted,
    CountedSum,
    at_stake,
    counts_of,
    money_cell,
    whole,
)
from tradeoff.analysis.theme_page import trend_months
from tradeoff.reports.charts import Spec, bar_chart, frontier_chart, sparkline, to_data_uri
from tradeoff.reports.escaping import escaping_environment
from tradeoff.reports.files import write_atomically
from tradeoff.reports.report import Report, ThemeEntry
from tradeoff.wording import plural

#: Nothing but inline styles and data: images: no script, no fetch, no frame, no form.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
#: Months each theme's sparkline shows.
TREND_MONTHS = 12
#: Themes in the revenue-at-stake chart and the demand table.
DEMAND_ROWS = 15
#: Characters of a quote shown; a longer one is cut at a word and marked with an ellipsis.
QUOTE_CHARS = 420
#: Axis labels as 250k and 1.2M, never "0.1M".
COMPACT_AXIS = (
    "datum.value >= 1e6 ? format(datum.value / 1e6, '.1~f') + 'M' : "
    "datum.value >= 1e3 ? format(datum.value / 1e3, '~f') + 'k' : format(datum.value, '~f')"
)
#: The chart style: the report's type and colours, so charts read as part of the page.
CHART_CONFIG: dict[str, Any] = {
    "font": "Liberation Sans, Helvetica, Arial, sans-serif",
    "view": {"stroke": None},
    "axis": {
        "labelColor": "#5c6776",
        "titleColor": "#5c6776",
        "gridColor": "#edf0f4",
        "domainColor": "#d5dae1",
        "tickColor": "#d5dae1",
        "labelFontSize": 11,
        "titleFontSize": 11,
        "titleFontWeight": 500,
    },
    "axisY": {"labelLimit": 260},
    "title": {"fontSize": 13, "fontWeight": 600, "color": "#1b1f24", "anchor": "start"},
    "bar": {"color": "#5c7cfa", "cornerRadiusEnd": 2},
    "legend": {"labelColor": "#5c6776", "titleColor": "#5c6776"},
}


def render_html(report: Report) -> str:
    """The whole page as a string (what ``write_report`` writes)."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        csp=CSP,
        charts=_charts(report),
        demand_rows=_demand_rows(report.themes),
        no_rate=sorted(_unconverted(report)),
        trend_months=TREND_MONTHS,
    )


def write_report(report: Report, path: Path) -> Path:
    """Write the report to ``path``, whole or not at all; returns the path written."""
    return write_atomically(render_html(report), path)


def _environment() -> Environment:
    env = escaping_environment("tradeoff.reports", keep_trailing_newline=True)
    env.filters.update(
        count=count,
        counted=plural,
        share=share,
        money=money,
        amount=amount,
        exact=exact,
        at_stake=at_stake,
        rival_money=rival_money,
        day=day,
        month=month,
        words=words,
        excerpt=excerpt,
    )
    return env


def _charts(report: Report) -> dict[str, str]:
    """Chart data URIs by name: ``stake`` and ``trend-<theme id>`` for each theme card."""
    charts: dict[str, str] = {}
    for theme in report.cards:
        months = trend_months(theme.profile.trend, TREND_MONTHS)
        if months:
            rows = [{"month": m.month, "items": m.items} for m in months]
            spec = sparkline(rows, period="month", value="items")
            charts[f"trend-{theme.id}"] = to_data_uri(spec)
    stake = _stake_chart(report)
    if stake is not None:
        charts["stake"] = to_data_uri(stake)
    if report.decisions.opportunities:
        charts["frontier"] = to_data_uri(_frontier_chart(report))
    return charts


def _stake_chart(report: Report) -> Spec | None:
    rows = [
        {"theme": t.name, "at stake": float(t.demand.revenue_at_stake.amount)}
        for t in _demand_rows(report.themes)
        if t.demand is not None and t.demand.revenue_at_stake.amount > 0
    ]
    if not rows:
        return None
    base = report.headline.base_currency
    spec = bar_chart(
        rows,
        category="theme",
        value="at stake",
        title=f"Revenue at stake by theme ({base}: ARR of citing customers + open pipeline)",
        value_title=base,
    )
    spec["encoding"]["x"]["axis"] = {"labelExpr": COMPACT_AXIS}
    spec["mark"] = {"type": "bar"}
    spec["width"] = 600
    spec["config"] = CHART_CONFIG
    return spec


def _frontier_chart(report: Report) -> Spec:
    """User value across, feasibility up, viability as the bubble: the three side by side."""
    rows = [
        {
            "User value": e.assessed.user_value.score.value,
            "Technical feasibility": e.assessed.feasibility.score.value,
            "Business viability": e.assessed.viability.score.value,
            "opportunity": e.assessed.title,
            "frontier": e.standing.on_frontier,
        }
        for e in report.decisions.opportunities
    ]
    spec = frontier_chart(
        rows,
        x="User value",
        y="Technical feasibility",
        size="Business viability",
        label="opportunity",
        on_frontier="frontier",
        title="Opportunities: user value × technical feasibility, sized by business viability",
    )
    # The legend below the plot, so long labels on the right have room.
    legend = {**CHART_CONFIG["legend"], "orient": "bottom", "direction": "horizontal"}
    spec["config"] = {**CHART_CONFIG, "legend": legend}
    return spec


def _demand_rows(themes: Iterable[ThemeEntry]) -> list[ThemeEntry]:
    return [t for t in themes if t.demand is not None][:DEMAND_ROWS]


def _unconverted(report: Report) -> set[str]:
    """Currencies with amounts in the report that no rate converts (footnoted, never added)."""
    codes: set[str] = set()
    for theme in report.themes:
        d = theme.demand
        if d is not None:
            for figure in (d.arr, d.pipeline, d.lost, d.churned, d.renewals_90):
                codes.update(figure.total.unconverted)
    for competitor in report.competitors:
        codes.update(competitor.revenue_at_stake.unconverted)
    if report.sales is not None:
        codes.update(report.sales.open_pipeline.unconverted)
    return codes


# Filters: how a figure reads on the page. Each takes the typed value, never a string.


def count(value: int | float | None) -> str:
    """12345 → 12,345; a float keeps one decimal; None → an en dash."""
    if value is None:
        return "–"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"


def share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def compact(value: Decimal) -> str:
    """240000 → 240k, 1530000 → 1.5M: figures an eye can compare down a column."""
    for limit, suffix in ((Decimal(10**9), "B"), (Decimal(10**6), "M"), (Decimal(10**3), "k")):
        if abs(value) >= limit:
            scaled = value / limit
            return f"{scaled:.1f}{suffix}" if abs(scaled) < 10 else f"{scaled:,.0f}{suffix}"
    return f"{value:,.0f}"


def amount(value: Money | Counted, deals: int = 0, priced: int = 0) -> str:
    """A table cell: compact, in the base currency named by the column; ``*`` marks amounts
    in a currency without a rate, left out and footnoted. A sum with no figure in the base
    currency is never a 0 (``money_words.unknown_sum``): "– (no amount)" when none of
    ``deals`` has an amount, ``GBP 7.2k (no rate)`` when none could be converted. A demand
    figure (``MoneyFigure``) brings its own counts; a plain ``Money`` is given them."""
    total, deals, priced = counts_of(value, deals, priced)
    return money_cell(total, deals, priced, compact, star="*")


def money(value: Money | Counted, deals: int = 0, priced: int = 0) -> str:
    """A figure on its own: ``USD 741k``, plus what could not be converted (``GBP 7.2k (no
    rate)`` alone when nothing could); "no amount" when none of ``deals`` has one."""
    total, deals, priced = counts_of(value, deals, priced)
    return NO_AMOUNT_WORDS if deals and not priced else total.said(compact)


def exact(value: Money | Counted, deals: int = 0, priced: int = 0) -> str:
    """To the unit, for a tooltip: ``USD 741,230``; as ``money`` says an unknown sum."""
    total, deals, priced = counts_of(value, deals, priced)
    return NO_AMOUNT_WORDS if deals and not priced else total.said(whole)


def rival_money(standing: CompetitorStanding) -> dict[str, CountedSum]:
    """A competitor's lost, open and at-stake money, each over its deals."""
    s = standing
    return {
        "lost": CountedSum(s.revenue_lost, s.lost, s.lost_unpriced),
        "open": CountedSum(s.open_pipeline, s.open, s.open_unpriced),
        "at_stake": CountedSum(
            s.revenue_at_stake, s.lost + s.open, s.lost_unpriced + s.open_unpriced
        ),
    }


def day(value: date | datetime | None) -> str:
    """31 Oct 2026: unambiguous in every locale."""
    if value is None:
        return "–"
    return f"{value.day} {value:%b %Y}"


def month(value: str) -> str:
    """``2026-09`` (how trends name months) → Sep 2026."""
    return f"{date.fromisoformat(value + '-01'):%b %Y}"


def excerpt(text: str, limit: int = QUOTE_CHARS) -> str:
    """The quote, cut at a word past ``limit`` characters; blank lines kept, runs of them
    folded, so a ticket's subject and body stay apart without a wall of space."""
    folded = re.sub(r"\n\s*\n\s*", "\n\n", text.strip())
    if len(folded) <= limit:
        return folded
    cut = folded[:limit].rsplit(maxsplit=1)[0] if " " in folded[:limit] else folded[:limit]
    return cut.rstrip(" ,;:.-") + "…"


def words(value: StrEnum | str) -> str:
    """A stored name as words: ``price_budget`` → ``price / budget``, ``deal_note`` → ``deal
    note``."""
    text = str(value)
    return WORDS.get(text, text.replace("_", " "))


WORDS = {
    "price_budget": "price / budget",
    "timing_no_decision": "timing / no decision",
    "confidence_risk": "confidence / risk",
    "value_not_proven": "value not proven",
    "status_quo": "status quo / do nothing",
    "other_category": "other category",
}
