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
from tradeoff.cli.money_cells import (
    amount_cell,
    compact,
    deals_money,
    signed,
    unconverted,
    unknown_sum,
)
from tradeoff.cli.safe_console import SafeConsole
from tradeoff.reports.charts import Spec, line_chart
from tradeoff.safe_csv import write_rows
from tradeoff.storage.demand import Figure
from tradeoff.wording import plural

#: Subjects drawn in the chart of every subject: more lines than this is a tangle.
CHART_SUBJECTS = 8
#: Said in a chart's title when a period has no figure in the base currency: no point.
NO_POINT = "; no point where no record has an amount or none has a rate"


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
    "unpriced", "change_known",  # last: scripts that read the columns before them keep working
]  # fmt: skip
#: Said under a table that has a change it cannot give.
UNKNOWN_CHANGE = "change – : against a period with no amount, or only amounts without a rate"


def _csv(cells: Iterable[tuple[str, int, str, str, str, MoneyPeriod, str]]) -> None:
    """One CSV row per subject, figure and period (both trends write the same columns)."""
    write_rows(
        sys.stdout,
        TREND_HEADER,
        (
            [kind, subject_id, name, figure, dated_by, p.period, p.amount.to_json()["amount"],
             base, unconverted(p.amount), p.records, f"{p.change:.2f}", p.unpriced,
             p.change_known]
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
            cells += [_cell(money, missing), _change(money)]
        table.add_row(*cells)
    console.print(table)
    for trend in found.trends:
        if trend.undated:
            noun = "account" if trend.figure is Figure.CHURNED else "deal"
            amount = deals_money(
                trend.undated_amount, trend.undated, trend.undated - trend.undated_unpriced, noun
            )
            console.print(
                f"{trend.figure.value}: {trend.undated:,} with no {trend.dated_by}, not in "
                f"any {per} ({amount})"
            )
    shown = [p.period for p in found.trends[0].periods]
    console.print(f"Money in {found.trends[0].undated_amount.base}; change is against the "
                  f"{per} before{_filling(found.as_of, shown, found.quarterly)}.")  # fmt: skip
    if missing:
        console.print(f"* also amounts in {', '.join(sorted(missing))}, which have no rate")
    if any(not p.change_known for t in found.trends for p in t.periods):
        console.print(UNKNOWN_CHANGE)


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
        cells = [
            [*(_cell(p, missing) for p in row.periods), _change(row.last)] for row in found.rows
        ]
        for row, money in zip(found.rows, cells, strict=True):
            table.add_row(str(row.id), row.name, *money)
        # A column per period: wider than the terminal rather than cut (a pipe gets it all).
        name = min(40, max(16, *(len(r.name) for r in found.rows)))
        columns = sum(3 + max(7, *map(_widest, col)) for col in zip(*cells, strict=True))
        width = 12 + name + columns
        wide = console if width <= console.width else SafeConsole(highlight=False, width=width)
        wide.print(table, markup=False)
        console.print(
            f"Money in {found.base} (k thousand, M million; exact with --format json); change "
            f"is the last {per} against the one before"
            f"{_filling(found.as_of, found.labels, found.quarterly)}."
        )
        if missing:
            console.print(f"* also amounts in {', '.join(sorted(missing))}, which have no rate")
        if any(not r.last.change_known for r in found.rows):
            console.print(UNKNOWN_CHANGE)
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


def _cell(period: MoneyPeriod, missing: set[str]) -> str:
    """``amount_cell``, or what stands for a period with no figure in the base currency:
    "– (no amount)" when none of its records has an amount, the amounts said "no rate" when
    none could be converted (``money_words.unknown_sum``): a 0 there reads as nothing lost.
    ``missing`` gathers the currencies of starred cells, for the footnote."""
    priced = period.records - period.unpriced
    unknown = unknown_sum(period.amount, period.records, priced, compact, narrow=True)
    return amount_cell(period.amount, missing) if unknown is None else unknown


def _change(period: MoneyPeriod) -> str:
    """The signed change, or a dash where it would be against a period with no figure."""
    return signed(period.change) if period.change_known else "–"


def _widest(cell: str) -> int:
    return max((len(line) for line in cell.splitlines()), default=0)


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
        if not p.unknown  # no point at 0 for an amount not known
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
        if not p.unknown  # no point at 0 for an amount not known
    ]
    title = f"{found.figure.value.capitalize()} by {found.kind.value} ({found.base}, "
    title += f"top {len(drawn)} by the last {'quarter' if found.quarterly else 'month'})"
    lost = sorted({c for r in drawn for p in r.periods for c in p.amount.unconverted})
    if lost:
        title += f"; not shown: amounts in {', '.join(lost)} (no rate)"
    if any(p.unknown for r in drawn for p in r.periods):
        title += NO_POINT
    return line_chart(
        rows, period="period", value="amount", series="subject", title=title,
        value_title=found.base, series_order=[f"{r.name} (#{r.id})" for r in drawn],
    )  # fmt: skip


def _noted(title: str, found: SubjectMoneyTrends) -> str:
    lost = sorted({c for t in found.trends for p in t.periods for c in p.amount.unconverted})
    title += f"; not shown: amounts in {', '.join(lost)} (no rate)" if lost else ""
    return title + (NO_POINT if any(p.unknown for t in found.trends for p in t.periods) else "")


def _json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
