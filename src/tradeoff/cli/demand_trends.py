"""``tradeoff demand --trend money``: printing and charting money trends, of one subject
(``money_trends``) or of every subject of a kind (``money_trends_all``).

Kept apart from ``cli.demand`` so the command stays a thin shell over its options.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from rich.table import Table

from tradeoff.analysis.business.demand_time import filling_period
from tradeoff.analysis.business.money_trends import MoneyPeriod, SubjectMoneyTrends
from tradeoff.analysis.business.money_trends_all import MoneyTrendsAll
from tradeoff.cli.context import console
from tradeoff.cli.money_cells import amount_cell, signed, unconverted
from tradeoff.cli.safe_console import SafeConsole
from tradeoff.reports.charts import Spec, line_chart
from tradeoff.safe_csv import write_rows
from tradeoff.storage.demand import Figure
from tradeoff.wording import plural

#: Subjects drawn in the chart of every subject: more lines than this is a tangle.
CHART_SUBJECTS = 8


class TrendFigure(StrEnum):
    """The money figures a trend is drawn for (``storage.demand_trends.TREND_FIGURES``)."""

    LOST = "lost"
    PIPELINE = "pipeline"
    CHURNED = "churned"

    @property
    def figure(self) -> Figure:
        return Figure(self.value)


TREND_HEADER = [
    "kind", "id", "name", "figure", "dated_by", "period", "amount", "currency", "unconverted",
    "records", "change",
]  # fmt: skip


def _csv(cells: Iterable[tuple[str, int, str, str, str, MoneyPeriod, str]]) -> None:
    """One CSV row per subject, figure and period (both trends write the same columns)."""
    write_rows(
        sys.stdout,
        TREND_HEADER,
        (
            [kind, subject_id, name, figure, dated_by, p.period, p.amount.to_json()["amount"],
             base, unconverted(p.amount), p.records, f"{p.change:.2f}"]
            for kind, subject_id, name, figure, dated_by, p, base in cells
        ),
    )  # fmt: skip


def print_trends(found: SubjectMoneyTrends, output_format: str) -> None:
    """One subject: a column pair (amount, change) per figure, a row per period."""
    if output_format == "json":
        _json(found.to_json())
        return
    if output_format == "csv":
        _csv(
            (found.kind.value, found.id, found.name, t.figure.value, t.dated_by, p, found.base)
            for t in found.trends
            for p in t.periods
        )
        return
    per = "quarter" if found.quarterly else "month"
    console.print(f"Money trend of {found.kind.value} {found.id}: {found.name}", soft_wrap=True)
    if not found.trends or not found.trends[0].periods:
        console.print("No dated lost deal, open deal or churned account cites it.")
        return
    table = Table(per, show_edge=False, pad_edge=False)
    for trend in found.trends:
        table.add_column(f"{trend.figure.value} ({trend.dated_by})", justify="right")
        table.add_column("change", justify="right")
    missing: set[str] = set()
    for row, period in enumerate(p.period for p in found.trends[0].periods):
        cells = [period]
        for trend in found.trends:
            money = trend.periods[row]
            cells += [amount_cell(money.amount, missing), signed(money.change)]
        table.add_row(*cells)
    console.print(table)
    for trend in found.trends:
        if trend.undated:
            console.print(
                f"{trend.figure.value}: {trend.undated:,} with no {trend.dated_by}, not in "
                f"any {per} ({trend.undated_amount})"
            )
    shown = [p.period for p in found.trends[0].periods]
    console.print(f"Money in {found.trends[0].undated_amount.base}; change is against the "
                  f"{per} before{_filling(found.as_of, shown, found.quarterly)}.")  # fmt: skip
    if missing:
        console.print(f"* also amounts in {', '.join(sorted(missing))}, which have no rate")


def print_trends_all(found: MoneyTrendsAll, output_format: str) -> None:
    """Every subject: a row each, a column per period, the last period's change."""
    if output_format == "json":
        _json(found.to_json())
        return
    if output_format == "csv":
        _csv(
            (found.kind.value, r.id, r.name, found.figure.value, found.dated_by, p, found.base)
            for r in found.rows
            for p in r.periods
        )
        return
    per = "quarter" if found.quarterly else "month"
    kind, figure = found.kind.value, found.figure.value
    console.print(
        f"{figure.capitalize()} per {per} ({found.dated_by}) of every {kind}, to "
        f"{found.as_of.isoformat()}",
        soft_wrap=True,
    )
    if not found.rows:
        console.print(f"No {kind} has {figure} money in these {per}s.")
    else:
        table = Table(show_edge=False, pad_edge=False)
        table.add_column("id", no_wrap=True)
        table.add_column(kind, min_width=16, max_width=40)
        for label in (*found.labels, "change"):
            table.add_column(label, justify="right", no_wrap=True, min_width=7)
        missing: set[str] = set()
        for row in found.rows:
            table.add_row(
                str(row.id),
                row.name,
                *(amount_cell(p.amount, missing) for p in row.periods),
                signed(row.last.change),
            )
        # A column per period: wider than the terminal rather than cut (a pipe gets it all).
        name = min(40, max(16, *(len(r.name) for r in found.rows)))
        width = 12 + name + 10 * (len(found.labels) + 1)
        wide = console if width <= console.width else SafeConsole(highlight=False, width=width)
        wide.print(table, markup=False)
        console.print(
            f"Money in {found.base} (k thousand, M million; exact with --format json); change "
            f"is the last {per} against the one before"
            f"{_filling(found.as_of, found.labels, found.quarterly)}."
        )
        if missing:
            console.print(f"* also amounts in {', '.join(sorted(missing))}, which have no rate")
    undated = sum(r.undated.records for r in found.rows)
    if undated:
        are = "is" if undated == 1 else "are"
        console.print(
            f"{plural(undated, 'record')} with no {found.dated_by} {are} in no {per} "
            "(see --format json)"
        )
    if found.left_out:
        console.print(
            f"{plural(found.left_out, kind)} with no {figure} money in these {per}s left out"
        )


def _filling(as_of: date, labels: Sequence[str], quarterly: bool) -> str:
    """Says so when a period shown runs past the as-of day (``demand_time.filling_period``)."""
    per = "quarter" if quarterly else "month"
    period = filling_period(as_of, quarterly=quarterly)
    if period is None or period not in labels:
        return ""
    return f" ({per} {period} runs only to {as_of.isoformat()})"


def trends_chart(found: SubjectMoneyTrends) -> Spec:
    """One subject: a line per figure over its periods."""
    rows = [
        {"period": p.period, "amount": float(p.amount.amount), "figure": t.figure.value}
        for t in found.trends
        for p in t.periods
    ]
    base = found.trends[0].undated_amount.base if found.trends else ""
    title = f"Money trend of {found.kind.value} #{found.id}: {found.name} ({base})"
    return line_chart(
        rows, period="period", value="amount", series="figure", title=_noted(title, found),
        value_title=base,
    )  # fmt: skip


def trends_all_chart(found: MoneyTrendsAll) -> Spec:
    """Every subject: lines of the ``CHART_SUBJECTS`` first in the ranking."""
    drawn = found.rows[:CHART_SUBJECTS]
    rows = [
        {"period": p.period, "amount": float(p.amount.amount), "subject": f"{r.name} (#{r.id})"}
        for r in drawn
        for p in r.periods
    ]
    title = f"{found.figure.value.capitalize()} by {found.kind.value} ({found.base}, "
    title += f"top {len(drawn)} by the last {'quarter' if found.quarterly else 'month'})"
    lost = sorted({c for r in drawn for p in r.periods for c in p.amount.unconverted})
    if lost:
        title += f"; not shown: amounts in {', '.join(lost)} (no rate)"
    return line_chart(
        rows, period="period", value="amount", series="subject", title=title,
        value_title=found.base, series_order=[f"{r.name} (#{r.id})" for r in drawn],
    )  # fmt: skip


def _noted(title: str, found: SubjectMoneyTrends) -> str:
    lost = sorted({c for t in found.trends for p in t.periods for c in p.amount.unconverted})
    return title + (f"; not shown: amounts in {', '.join(lost)} (no rate)" if lost else "")


def _json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
