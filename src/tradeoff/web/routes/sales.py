"""The sales picture: win rates with their counts, cycle time, deal size, what a win looks
like, objections by lost revenue, the loss taxonomy and the data notes.

One call to ``analysis.business.sales.sales_picture``, as ``tradeoff sales`` makes, so the
page and the terminal agree to the unit. A GET writes nothing: lost deals that have no saved
loss category yet (the CRM import and ``tradeoff sales`` save them) are classified in memory
by the same classifier, and the page says how many. Money is shown as the CLI shows it: the
base currency, and whatever could not be converted named beside it. The chart is an SVG
``data:`` image, inert whatever it says.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from tradeoff.analysis.business.money import Money
from tradeoff.analysis.business.money_words import NO_AMOUNT_WORDS, money_cell
from tradeoff.analysis.business.money_words import whole as whole_units
from tradeoff.analysis.business.sales import BREAKDOWNS, SalesPicture, sales_picture, win_rates_by
from tradeoff.analysis.business.sales_figures import AverageSize, WinRate
from tradeoff.analysis.business.sales_wins import (
    WinSignal,
    chance_line,
    left_out_line,
    strongest,
)
from tradeoff.reports.charts import line_chart, to_data_uri
from tradeoff.web.deps import EngineDep, Viewer
from tradeoff.web.templating import render

router = APIRouter()

#: Rows of each ranked list shown, as the CLI's table.
SHOWN = 8


def whole(money: Money) -> str:
    """A table cell as ``tradeoff sales`` prints it: whole units of the base, ``*`` when
    amounts in a currency without a rate were left out."""
    shown = whole_units(money.amount)
    return shown + " *" if money.unconverted else shown


def sum_cell(money: Money, deals: int, priced: int) -> str:
    """A money cell over ``deals`` of which ``priced`` have an amount, as ``tradeoff sales``
    prints it (``money_words.money_cell``): "– (no amount)" when none has one, "GBP 7,200
    (no rate)" when nothing could be converted (a "0 *" reads as nothing lost), else
    ``whole``. A sum over no deal is a real 0."""
    return money_cell(money, deals, priced)


def deals_sum(money: Money, deals: int, priced: int) -> str:
    """A sum in a sentence: "no amount" when none of ``deals`` has one, else the sum as
    ``Money`` says it (``GBP 7,200.00 (no rate)`` when nothing could be converted). The
    page says beside it how many deals a partly priced sum leaves out."""
    return NO_AMOUNT_WORDS if deals and not priced else str(money)


def count(number: int) -> str:
    return f"{number:,}"


def rate(r: WinRate) -> str:
    return "–" if r.win_rate is None else f"{r.win_rate:.0%} ({r.won}/{r.closed})"


def share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def days(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} days"


def average(avg: AverageSize) -> str:
    return "–" if avg.amount is None else str(Money(avg.amount, avg.base))


def left_out(avg: AverageSize) -> list[str]:
    said = [f"{avg.without_amount:,} without amount"] if avg.without_amount else []
    return said + [f"{n:,} in {c} (no rate)" for c, n in sorted(avg.without_rate.items())]


def lift(signal: WinSignal) -> str:
    if signal.lift is not None:
        return f"{signal.lift:.2f}"
    return "only won" if signal.won_with else "–"


def signals(picture: SalesPicture) -> list[tuple[str, list[WinSignal]]]:
    """The attributes most common in wins, then in losses, strongest first (as the CLI)."""
    return strongest(picture.win_signals, SHOWN)


def quarter_chart(quarters: tuple[WinRate, ...]) -> str | None:
    points = [
        {"quarter": r.key, "win rate": r.win_rate, "closed": r.closed}
        for r in quarters
        if r.win_rate is not None and not r.key.startswith("(")
    ]
    if not points:
        return None
    spec = line_chart(
        points, period="quarter", value="win rate", title="Win rate by quarter of close",
        value_title="won / closed", value_format=".0%",
    )  # fmt: skip
    return to_data_uri(spec)


#: What the templates of the sales and competitor pages format money and rates with.
FORMATS: dict[str, Any] = {
    "whole": whole,
    "sum_cell": sum_cell,
    "deals_sum": deals_sum,
    "count": count,
    "rate": rate,
    "share": share,
    "days": days,
}


@router.get("/sales")
def sales(
    request: Request,
    engine: EngineDep,
    signed: Viewer,
    by: Annotated[str, Query()] = "segment",
) -> Response:
    picture = sales_picture(engine, by)  # an unknown ``by`` is an InputError: a 400 page
    quarters = picture.breakdown if by == "quarter" else win_rates_by(engine, "quarter")
    breakdown = [
        (r, sum_cell(r.won_revenue, r.won, r.won - r.won_without_amount)) for r in picture.breakdown
    ]
    context = {
        "p": picture,
        "breakdowns": BREAKDOWNS,
        "average": average(picture.average_won),
        "average_left_out": left_out(picture.average_won),
        "signals": signals(picture),
        "signals_left_out": left_out_line(picture.signals_left_out),
        "chance_line": chance_line(picture.win_signals),
        "lift": lift,
        "breakdown": breakdown,
        "starred_rows": any(revenue.endswith("*") for _, revenue in breakdown),
        "chart": quarter_chart(quarters),
        **FORMATS,
    }
    return render(request, "sales.html", context, signed=signed)
