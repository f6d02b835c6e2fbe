"""``tradeoff demand``: demand weighted by the business, per theme, problem or opportunity.

A thin shell over ``tradeoff.analysis.business.demand``; every figure is defined in
``tradeoff.storage.demand``'s docstring, and ``--show FIGURE`` lists what is behind one.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from sqlalchemy import Engine

from tradeoff.analysis.business.attribute_numbers import BANDS, MAX_CATEGORIES
from tradeoff.analysis.business.demand import demand, demand_behind, keep_breakdown
from tradeoff.analysis.business.demand_model import (
    MONEY_ORDER,
    Demand,
    MoneyFigure,
    SubjectDemand,
)
from tradeoff.analysis.business.money_trends import money_trends, trend_members
from tradeoff.analysis.business.money_trends_all import money_trends_all
from tradeoff.cli.context import console, err_console, open_workspace
from tradeoff.cli.dates import optional_day
from tradeoff.cli.demand_trends import (
    TrendFigure,
    print_trends,
    print_trends_all,
    trends_all_chart,
    trends_chart,
)
from tradeoff.cli.money_cells import amount_cell, unconverted, unknown_sum
from tradeoff.cli.money_cells import compact as compact  # re-exported: cli.problems uses it
from tradeoff.errors import InputError, NotFound
from tradeoff.reports.charts import Spec, bar_chart, check_path, render
from tradeoff.safe_csv import write_rows
from tradeoff.storage.demand import MONEY_FIGURES, Figure, Member, SubjectKind
from tradeoff.storage.demand_trends import TREND_FIGURES

#: The table's money columns; renewals in 180 days are in the JSON and CSV.
TABLE_MONEY = {
    Figure.ARR: "ARR",
    Figure.PIPELINE: "pipeline",
    Figure.LOST: "lost",
    Figure.CHURNED: "churned",
    Figure.RENEWALS_90: "renew≤90d",
}

#: The widest a money column grows: "renew≤90d", the longest heading.
MONEY_WIDTH = 9


class Trend(StrEnum):
    MONEY = "money"


class DemandFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def demand_command(
    ctx: typer.Context,
    by: Annotated[
        str | None,
        typer.Option(
            help="Break every figure down: segment, plan, region, employees (the accounts' "
            "company size, from the CRM) or attribute:KEY. Employees, or a key holding more "
            f"than {MAX_CATEGORIES} numbers (seats, revenue), is shown in {BANDS} bands of "
            "about as many accounts each (50–199), the same bands for every subject."
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Day renewals and ages count from (YYYY-MM-DD); later evidence and deals "
            "created or lost later are left out, and an account churning later counts as "
            "paying on that day (ARR, renewals), not as churned. [default: today]",
        ),
    ] = None,
    of: Annotated[
        SubjectKind, typer.Option("--of", help="What to weigh: theme, problem or opportunity.")
    ] = SubjectKind.THEME,
    theme: Annotated[int | None, typer.Option(help="Only this theme.")] = None,
    problem: Annotated[int | None, typer.Option(help="Only this problem.")] = None,
    opportunity: Annotated[int | None, typer.Option(help="Only this opportunity.")] = None,
    show: Annotated[
        Figure | None,
        typer.Option(help="List the records behind one figure of the one subject chosen."),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            help="With --show lost|pipeline|churned: only the records a money trend places "
            "in this month (2026-09) or quarter (2026-Q3)."
        ),
    ] = None,
    output_format: Annotated[
        DemandFormat, typer.Option("--format", help="table, json or csv.")
    ] = DemandFormat.TABLE,
    chart: Annotated[
        Path | None,
        typer.Option(
            help="Also write a chart (.svg or .png): revenue at stake by subject; with "
            "--trend, the trend's lines."
        ),
    ] = None,
    trend: Annotated[
        Trend | None,
        typer.Option(
            help="money: lost revenue (by close date), new pipeline (by created date) and "
            "churned ARR (by churn date) per month of the one subject chosen; with no "
            "subject, one --figure of every subject of --of over the last --periods."
        ),
    ] = None,
    quarterly: Annotated[
        bool, typer.Option("--quarterly", help="With --trend: per quarter, not per month.")
    ] = False,
    figure: Annotated[
        TrendFigure | None,
        typer.Option(
            help="With --trend: lost, pipeline or churned (every subject: one figure, "
            "default lost; one subject: only that figure)."
        ),
    ] = None,
    periods: Annotated[
        int | None,
        typer.Option(
            help="With --trend and no subject: how many periods up to --as-of. "
            "[default: 6 months or 4 quarters]"
        ),
    ] = None,
) -> None:
    """Weigh demand by the business: reach, ARR of the customers asking, open pipeline and
    lost revenue citing it, churned ARR, renewals at risk in 90 and 180 days.

    Money is converted with the rates of tradeoff currency; an amount in a currency with no
    rate is shown apart (marked *), never added. fresh counts items decayed by age (half
    of it per half-life); stale means all of it is older than the half-life. Revenue at
    stake is ARR plus open pipeline. Lost counts a deal whose account raised the subject
    before the close or at most 30 days after; churned, an account that raised it in the
    churn window (90 days unless the settings say otherwise) before it left.

    --trend money --theme ID splits lost, pipeline and churned money of one subject per
    month (--quarterly: quarter), each period with its change against the one before.
    --trend money alone gives one figure (--figure) of every subject of --of, a row each
    over the last --periods, with the last period's change, largest first.

    A praise theme (at least half of its items speak well of us) is flagged praise and
    listed after the rest: what customers value, not demand; its money is shown all the same.

    In a workspace of 20,000 items or more, --of problem or opportunity with --by is kept
    on its first reading (about as long as counting it) and read, not counted, from then
    on until a figure changes; analyses and edits keep it up to date.

    Example: tradeoff demand --by segment --as-of 2026-10-15
    """
    day = optional_day(as_of)
    chosen = [(k, i) for k, i in ((SubjectKind.THEME, theme), (SubjectKind.PROBLEM, problem),
              (SubjectKind.OPPORTUNITY, opportunity)) if i is not None]  # fmt: skip
    if len(chosen) > 1:
        raise InputError("choose one of --theme, --problem and --opportunity")
    kind, subject_id = chosen[0] if chosen else (of, None)
    for option, given in (("--quarterly", quarterly), ("--figure", figure is not None),
                          ("--periods", periods is not None)):  # fmt: skip
        if given and trend is None:
            raise InputError(f"{option} goes with --trend money")
    if period is not None and show is None:
        raise InputError("--period goes with --show lost, pipeline or churned")
    if periods is not None and subject_id is not None:
        raise InputError("--periods goes with --trend money of every subject, not of one")
    if chart is not None:
        check_path(chart)
    engine = open_workspace(ctx)
    if trend is not None:
        spec = _trend(engine, kind, subject_id, day, quarterly, figure, periods, output_format)
        if chart is not None:
            render(spec, chart)
            # JSON and CSV own stdout: a script must be able to parse it whole.
            said = console if output_format is DemandFormat.TABLE else err_console
            said.print(f"chart written to {chart}", soft_wrap=True)
        return
    if show is not None:
        if subject_id is None:
            raise InputError("--show needs --theme, --problem or --opportunity ID")
        if period is not None:
            members = trend_members(engine, kind, subject_id, show, period, as_of=day)
            _print_members(members, show, output_format, TREND_FIGURES[show])
            return
        members = demand_behind(engine, kind, subject_id, show, as_of=day, by=by)
        _print_members(members, show, output_format)
        return
    ids = [subject_id] if subject_id is not None else None
    if ids is None and keep_breakdown(engine, kind, by, day):
        err_console.print(
            f"kept {kind.value}s by {by}: later readings are read, not counted, until a "
            "figure changes",
            soft_wrap=True,
        )
    results = demand(engine, kind, as_of=day, by=by, ids=ids)
    if subject_id is not None and not results:
        active = " active" if kind is SubjectKind.THEME else ""
        raise NotFound(f"no{active} {kind.value} with id {subject_id}")
    if chart is not None:
        render(_chart(results, kind), chart)
    if output_format is DemandFormat.JSON:
        document = [r.to_json() for r in results]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif output_format is DemandFormat.CSV:
        write_rows(sys.stdout, CSV_HEADER, (row for r in results for row in _csv_rows(r)))
    else:
        _print_table(results, kind)


#: What an empty demand table says, with the step that fills it.
NOTHING_YET = {
    SubjectKind.THEME: "No themes yet: import evidence (tradeoff import ...), then run "
    "tradeoff analyze.",
    SubjectKind.PROBLEM: "No problems yet: write one with tradeoff problem new.",
    SubjectKind.OPPORTUNITY: "No opportunities yet: add one with tradeoff opportunity new.",
}


def _print_table(results: list[SubjectDemand], kind: SubjectKind) -> None:
    if not results:
        console.print(NOTHING_YET[kind], soft_wrap=True)
        return
    by = results[0].by
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column(kind.value if by is None else f"{kind.value} / {by}", min_width=16)
    for heading in ("items", "accts", "users", "fresh"):
        table.add_column(heading, justify="right")
    for heading in TABLE_MONEY.values():
        # "GBP 90k (no rate)" and "– (no amount)" wrap on two lines, so the flags keep room.
        table.add_column(heading, justify="right", max_width=MONEY_WIDTH)
    table.add_column("flags")
    missing: set[str] = set()
    starred = False
    for n, result in enumerate(results):
        if result.praise and n and not results[n - 1].praise:
            table.add_section()  # praise themes come last (demand.demand sorts them so)
        rows = [(str(result.id), result.name, _cells(result.total, missing, result.praise))]
        for group in result.groups:
            label = f"  · {group.group if group.group is not None else '(none)'}"
            rows.append(("", label, _cells(group.demand, missing)))
        for subject, label, cells in rows:
            starred = starred or any(c.endswith("*") for c in cells)
            table.add_row(subject, label, *cells)
    console.print(table)
    base = results[0].total.arr.total.base
    console.print(
        f"Money in {base} (k thousand, M million; exact with --format json); fresh = items "
        "decayed by age; proxy only = relayed by our own people only."
    )
    console.print(
        "Money is the accounts that raised it, each once: pipeline and lost are their deals "
        "(or deals whose notes raise it), open or lost for any reason: who asked, not why a "
        "deal was lost (tradeoff loss-reasons). An account raising several counts in each "
        "row, so rows do not add up."
    )
    if any(r.praise for r in results):
        console.print(
            "praise = a praise theme: at least half of its items speak well of us, so its "
            "money is the customers who value it, not demand for a fix; listed last."
        )
    if missing:
        # Starred only where a cell carries a star: "GBP 90k (no rate)" says it itself.
        console.print(
            f"{'* also amounts' if starred else 'Amounts'} in {', '.join(sorted(missing))}, "
            f"which have no rate and are not added: tradeoff currency set {sorted(missing)[0]} "
            "RATE"
        )


def _cells(demand_: Demand, missing: set[str], praise: bool = False) -> list[str]:
    reach = demand_.reach
    flags = [
        name
        for name, on in (
            ("praise", praise),
            ("stale", demand_.stale),
            ("proxy only", reach.proxy_only),
        )
        if on
    ]
    return [
        f"{reach.items:,}",
        f"{reach.accounts:,}",
        f"{reach.end_users:,}",
        f"{reach.weighted_items:,.1f}",
        *(_money_cell(demand_.money(f), missing) for f in TABLE_MONEY),
        ", ".join(flags),
    ]


def _money_cell(figure: MoneyFigure, missing: set[str]) -> str:
    """``amount_cell``, or what stands for a sum with no figure in the base currency: "–
    (no amount)" when none of its accounts or deals has an amount, the amounts said "no
    rate" when none could be converted (``money_cells.unknown_sum``); a 0 there would read
    as nothing at stake. ``missing`` gathers the currencies without a rate either way."""
    priced = figure.records - figure.unpriced
    unknown = unknown_sum(figure.total, figure.records, priced, shown=compact, narrow=True)
    if unknown is None:
        return amount_cell(figure.total, missing)
    missing.update(figure.total.unconverted)
    return unknown


CSV_HEADER = [
    "kind", "id", "name", "group", "items", "copies", "accounts", "end_users", "observed",
    "stated", "proxy", "direct", "weighted_items", "stale", "first_seen", "last_seen",
    "currency", "revenue_at_stake", "revenue_at_stake_unconverted",
    *(c for f in MONEY_ORDER for c in (f.value, f"{f.value}_unconverted", f"{f.value}_records",
                                       f"{f.value}_unpriced")),
    "praise",  # last: scripts that read the columns before it keep working
]  # fmt: skip


def _csv_rows(result: SubjectDemand) -> list[list[Any]]:
    parts = [(None, result.total), *((g.group or "(none)", g.demand) for g in result.groups)]
    rows = []
    for group, demand_ in parts:
        reach = demand_.to_json()
        row: list[Any] = [result.kind.value, result.id, result.name, group or ""]
        row += [reach[k] for k in ("items", "copies", "accounts", "end_users", "observed",
                                   "stated", "proxy", "direct", "weighted_items", "stale",
                                   "first_seen", "last_seen")]  # fmt: skip
        stake = demand_.revenue_at_stake
        row += [stake.base, stake.to_json()["amount"], unconverted(stake)]
        for figure in MONEY_ORDER:
            money = demand_.money(figure)
            row += [money.total.to_json()["amount"], unconverted(money.total), money.records,
                    money.unpriced]  # fmt: skip
        rows.append([*row, result.praise])
    return rows


#: What a member's date is, per money figure: the terminal's column says it.
DATED_BY = {
    Figure.PIPELINE: "created",
    Figure.LOST: "closed",
    Figure.CHURNED: "churned",
    Figure.ARR: "renews",
    Figure.RENEWALS_90: "renews",
    Figure.RENEWALS_180: "renews",
}


def _print_members(
    members: list[Member], figure: Figure, output_format: DemandFormat, dated_by: str | None = None
) -> None:
    named = dated_by or DATED_BY.get(figure, "date")  # on the terminal; CSV keeps "date"
    dated_by = dated_by or "date"
    if output_format is DemandFormat.JSON:
        document = [
            {
                "id": m.id,
                "label": m.label,
                "amount": None if m.amount is None else str(m.amount),
                "currency": m.currency,
                "on": m.on.isoformat() if m.on else None,
                "group": m.group,
                "source": m.source,
                "external_id": m.external_id,
                "account": m.account,
            }
            for m in members
        ]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    # A CSV amount is plain (5000.00), like every CSV's; the table groups thousands.
    amount = "{:.2f}" if output_format is DemandFormat.CSV else "{:,.2f}"
    rows = [
        [m.id, m.label, "" if m.amount is None else amount.format(m.amount), m.currency or "",
         m.on.isoformat() if m.on else ""]
        for m in members
    ]  # fmt: skip
    header = ["id", figure.value, "amount", "currency", dated_by]
    owned = any(m.account for m in members)  # deals and evidence: whose they are
    if output_format is DemandFormat.CSV:
        # New columns go last, so scripts that read the first five keep working.
        write_rows(
            sys.stdout,
            [*header, "source", "external_id", *(["account"] if owned else [])],
            [
                [*row, m.source or "", m.external_id or "", *([m.account or ""] if owned else [])]
                for row, m in zip(rows, members, strict=True)
            ],
        )
        return
    cells = [[str(c) for c in row] for row in rows]
    # On the terminal a column no record fills (a person's amount) is left out, except a
    # money figure's: a lost deal with no close date says so in an empty "closed".
    shown = [n for n in (2, 3, 4) if figure in MONEY_FIGURES or any(c[n] for c in cells)]
    names = {2: "amount", 3: "currency", 4: named}
    table = Table("id", "record", figure.value, show_edge=False)
    for column in (["account"] if owned else []) + [names[n] for n in shown]:
        table.add_column(column)
    for row_cells, m in zip(cells, members, strict=True):
        record = " ".join(p for p in (m.source, m.external_id) if p)
        table.add_row(
            row_cells[0],
            record,
            row_cells[1],
            *([m.account or ""] if owned else []),
            *(row_cells[n] for n in shown),
        )
    console.print(table)
    totals: dict[str, Decimal] = {}
    for m in members:
        if m.amount is not None and m.currency:
            totals[m.currency] = totals.get(m.currency, Decimal(0)) + m.amount
    summed = "; ".join(f"{c} {a:,.2f}" for c, a in sorted(totals.items()))
    console.print(
        f"{len(members):,} behind {figure.value}"
        + (f", totalling {summed} (each currency apart)" if summed else "")
    )
    if figure in (Figure.PIPELINE, Figure.LOST):
        console.print(
            "Deals of accounts that raised it (or whose notes raise it), whatever the deal's "
            "own reason: tradeoff loss-reasons says why each was lost."
        )


def _trend(
    engine: Engine,
    kind: SubjectKind,
    subject_id: int | None,
    day: date | None,
    quarterly: bool,
    figure: TrendFigure | None,
    periods: int | None,
    output_format: DemandFormat,
) -> Spec:
    """Print the money trend asked for; returns its chart."""
    if subject_id is None:
        every = money_trends_all(
            engine,
            kind,
            (figure or TrendFigure.LOST).figure,
            quarterly=quarterly,
            periods=periods,
            as_of=day,
        )
        print_trends_all(every, output_format.value)
        return trends_all_chart(every)
    found = money_trends(engine, kind, subject_id, quarterly=quarterly, as_of=day)
    if figure is not None:
        found = replace(found, trends=tuple(t for t in found.trends if t.figure is figure.figure))
    print_trends(found, output_format.value)
    return trends_chart(found)


def _chart(results: list[SubjectDemand], kind: SubjectKind) -> dict[str, Any]:
    """Bars of revenue at stake; a subject whose revenue at stake has no figure in the base
    currency (no amount, or only amounts without a rate) gets no bar, named in the title:
    a bar of 0 would say nothing is at stake."""
    base = results[0].total.arr.total.base if results else "USD"
    unconverted = sorted({c for r in results for c in r.total.revenue_at_stake.unconverted})
    title = f"Revenue at stake by {kind.value} ({base}, ARR + open pipeline)"
    if unconverted:
        title += f"; not shown: amounts in {', '.join(unconverted)} (no rate)"
    unknown = [r for r in results if _at_stake_unknown(r.total)]
    if unknown:
        ids = ", ".join(f"#{r.id}" for r in unknown)
        title += f"; no bar for {ids}: no amount, or only amounts without a rate"
    rows = [
        {
            kind.value: f"{r.name} (#{r.id}{', praise' if r.praise else ''})",
            "revenue at stake": float(r.total.revenue_at_stake.amount),
        }
        for r in results
        if r not in unknown
    ]
    return bar_chart(
        rows, category=kind.value, value="revenue at stake", title=title, value_title=base
    )


def _at_stake_unknown(demand_: Demand) -> bool:
    """Whether revenue at stake (ARR + pipeline) has no figure in the base currency."""
    parts = (demand_.arr, demand_.pipeline)
    records = sum(p.records for p in parts)
    priced = sum(p.records - p.unpriced for p in parts)
    return unknown_sum(demand_.revenue_at_stake, records, priced) is not None


def register(app: typer.Typer) -> None:
    app.command("demand")(demand_command)
