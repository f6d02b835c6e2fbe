"""``tradeoff sales``, ``loss-reasons``, ``loss-reason`` and ``classify-losses``: the sales
picture and the loss taxonomy with the corrections people make.

Each command is one call to ``tradeoff.analysis.business`` (its docstrings and docs/sales.md
define every figure); this module lays the answer out. Customer text is printed with markup
off and written to CSV through ``safe_csv``.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from tradeoff.analysis.business.loss_taxonomy import (
    LossBreakdown,
    classify_losses,
    correct_loss,
    deals_in_category,
    loss_breakdown,
)
from tradeoff.analysis.business.money import Money
from tradeoff.analysis.business.sales import (
    BREAKDOWNS,
    CORRECT_LOSS,
    SalesPicture,
    disqualified_note,
    sales_picture,
    win_rates_by,
)
from tradeoff.analysis.business.sales_figures import WinRate
from tradeoff.analysis.business.sales_objections import BY_TEXT, Objection
from tradeoff.analysis.business.sales_wins import chance_line, left_out_line, strongest
from tradeoff.cli.context import console, err_console, open_workspace, rows_go_with_csv
from tradeoff.cli.money_cells import NO_AMOUNT, deals_money, unknown_sum
from tradeoff.domain.enums import LossCategory
from tradeoff.errors import InputError
from tradeoff.reports.charts import check_path, line_chart, render
from tradeoff.safe_csv import write_rows
from tradeoff.storage.loss_reasons import CategoryDeal
from tradeoff.wording import plural

#: Rows of each ranked list the table shows (JSON and CSV carry them all).
SHOWN = 8


class CsvRows(StrEnum):
    BREAKDOWN = "breakdown"
    OBJECTIONS = "objections"


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", help="table, or json / csv for scripts.")
]


def sales(
    ctx: typer.Context,
    by: Annotated[
        str, typer.Option("--by", help=f"Break the win rate down by: {', '.join(BREAKDOWNS)}.")
    ] = "segment",
    output_format: FormatOption = OutputFormat.TABLE,
    chart: Annotated[
        Path | None,
        typer.Option("--chart", help="Also draw win rate by quarter to this .svg or .png file."),
    ] = None,
    rows: Annotated[
        CsvRows | None,
        typer.Option(
            "--rows",
            help="With --format csv: what it writes, the --by breakdown (default) or "
            "objections. The table and JSON hold both.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show the sales picture: win rate (won / closed) overall and by --by, median cycle
    time, average won deal, open pipeline, what a win looks like, objections ranked by lost
    revenue, the loss-reason taxonomy, and data notes on what could not be counted.

    Counts travel with every rate. Money is in the base currency; amounts in a currency
    without a rate are listed apart. Objections are grouped by the theme engine (by
    normalised text under 20 distinct reasons). Lost deals not classified yet are classified
    first (corrections are never touched). Lost deals that were never real (duplicate, spam,
    test, unqualified: category disqualified) are in no figure; a line says how many. CSV
    holds one table: the --by breakdown, or the objections with --rows objections (--rows
    goes with --format csv only). See docs/sales.md.

    Example: tradeoff sales --by quarter --chart win-rate.svg
    """
    if by not in BREAKDOWNS:
        raise InputError(f"--by must be one of {', '.join(BREAKDOWNS)}, not {by!r}")
    rows_go_with_csv(rows, output_format is OutputFormat.CSV)
    if chart is not None:
        check_path(chart)  # before the figures: a typo costs nothing, classifies nothing
    engine = open_workspace(ctx)
    picture = sales_picture(engine, by, classify=True)
    if chart is not None:
        quarters = picture.breakdown if by == "quarter" else win_rates_by(engine, "quarter")
        render(_quarter_chart(quarters), chart)
    left_out = disqualified_note(picture.losses)
    if output_format is OutputFormat.CSV and left_out is not None:
        # The CSV holds rows only: the deals its figures left out are said on stderr.
        err_console.print(f"note: {left_out.message}", soft_wrap=True, markup=False)
    if output_format is OutputFormat.JSON:
        _json(picture.to_json())
    elif output_format is OutputFormat.CSV and rows is CsvRows.OBJECTIONS:
        write_rows(sys.stdout, OBJECTION_HEADER, (_objection_row(o) for o in picture.objections))
    elif output_format is OutputFormat.CSV:
        write_rows(sys.stdout, BREAKDOWN_HEADER, (_breakdown_row(by, r) for r in picture.breakdown))
    else:
        _show(picture)
    if chart is not None:
        # JSON and CSV own stdout: a script must be able to parse it whole.
        said = console if output_format is OutputFormat.TABLE else err_console
        said.print(f"chart written to {chart}", soft_wrap=True)


BREAKDOWN_HEADER = (
    "by", "value", "won", "lost", "closed", "open", "win_rate", "won_revenue", "currency",
    "unconverted", "closed_without_amount", "won_without_amount",
)  # fmt: skip


def _breakdown_row(by: str, r: WinRate) -> list[Any]:
    money = r.won_revenue
    return [
        by, r.key, r.won, r.lost, r.closed, r.open,
        "" if r.win_rate is None else f"{r.win_rate:.4f}",
        money.to_json()["amount"], money.base, _unconverted(money), r.closed_without_amount,
        r.won_without_amount,
    ]  # fmt: skip


OBJECTION_HEADER = (
    "objection", "deals", "deals_with_amount", "lost_revenue", "currency", "unconverted",
    "from_notes", "grouped_by", "quotes", "wordings",
)  # fmt: skip


def _objection_row(o: Objection) -> list[Any]:
    money = o.lost_revenue
    return [
        o.text, o.deals, o.with_amount, money.to_json()["amount"], money.base,
        _unconverted(money), "yes" if o.from_notes else "no", o.grouped_by,
        " | ".join(o.quotes), " | ".join(o.wordings),
    ]  # fmt: skip


def _show(p: SalesPicture) -> None:
    o = p.overall
    if o.closed + o.open == 0:
        console.print(
            "No deals yet: import your CRM's deals first (tradeoff import salesforce FILE, "
            "tradeoff import hubspot FILE).",
            soft_wrap=True,
        )
        return
    console.print(f"Sales picture (money in {p.base})")
    pipeline = deals_money(p.open_pipeline, o.open, o.open - o.open_without_amount)
    console.print(
        f"closed {o.closed:,}: won {o.won:,}, lost {o.lost:,}; win rate {_rate(o)}; "
        f"open {plural(o.open, 'deal')}, pipeline {pipeline}"
    )
    never_real = disqualified_note(p.losses)
    if never_real is not None:
        console.print(f"left out: {never_real.message}", soft_wrap=True, markup=False)
    won, lost = p.cycle_won, p.cycle_lost
    console.print(
        f"median cycle: won {_days(won.median_days)} ({plural(won.deals, 'deal')}), "
        f"lost {_days(lost.median_days)} ({plural(lost.deals, 'deal')})"
    )
    avg = p.average_won
    left_out = [f"{avg.without_amount:,} without amount"] if avg.without_amount else []
    left_out += [f"{n:,} in {c} (no rate)" for c, n in sorted(avg.without_rate.items())]
    shown = "–" if avg.amount is None else str(Money(avg.amount, avg.base))
    extra = f"; left out: {', '.join(left_out)}" if left_out else ""
    console.print(f"average won deal: {shown} over {plural(avg.deals, 'deal')}{extra}")
    table = Table(
        p.by, "won", "lost", "closed", "open", "win rate", f"won revenue {p.base}",
        title=f"Win rate by {p.by}", title_justify="left", show_edge=False,
    )  # fmt: skip
    revenues = [_sum_cell(r.won_revenue, r.won, r.won - r.won_without_amount) for r in p.breakdown]
    for r, revenue in zip(p.breakdown, revenues, strict=True):
        table.add_row(
            r.key, f"{r.won:,}", f"{r.lost:,}", f"{r.closed:,}", f"{r.open:,}", _rate(r), revenue,
        )  # fmt: skip
    console.print(table)
    if any(cell.endswith("*") for cell in revenues):
        console.print("* plus amounts in currencies without a rate (see the data notes)")
    _show_signals(p)
    grouped_by = p.objections[0].grouped_by if p.objections else BY_TEXT
    listed = p.objections[:SHOWN]
    quotes = ["\n".join(f"“{q}”" for q in ob.quotes) if ob.quotes != (ob.text,) else ""
              for ob in listed]  # fmt: skip
    # Grouped by wording, an objection is what they said: a column repeating it is noise.
    quoted = any(quotes)
    objections = Table(
        "objection", "deals", f"lost revenue {p.base}", *(["as they said it"] if quoted else []),
        title=f"Objections, by revenue lost (grouped by {grouped_by})", title_justify="left",
        show_edge=False,
    )  # fmt: skip
    for ob, said_so in zip(listed, quotes, strict=True):
        said = ob.text + (" (notes)" if ob.from_notes else "")
        revenue = _sum_cell(ob.lost_revenue, ob.deals, ob.with_amount)
        objections.add_row(said, f"{ob.deals:,}", revenue, *([said_so] if quoted else []))
    console.print(objections)
    _show_categories(p.losses)
    notes = [n for n in p.notes if n.kind != "disqualified"]  # said at the top
    if notes:
        console.print("Data notes:")
        for note in notes:
            examples = f" (e.g. {', '.join(note.examples)})" if note.examples else ""
            console.print(f"  - {note.message}{examples}")
    if p.classified_now:
        console.print(
            f"{plural(p.classified_now, 'lost deal')} classified now (tradeoff loss-reasons)"
        )


def _show_signals(p: SalesPicture) -> None:
    for title, signals in strongest(p.win_signals, SHOWN):
        table = Table(
            "attribute", "value", "won with", "won without", "lost with", "lost without",
            "lift", "score", "beyond chance", title=f"What a win looks like: {title}",
            title_justify="left", show_edge=False,
        )  # fmt: skip
        for s in signals:
            lift = s.lift
            table.add_row(
                s.attribute, s.value, f"{s.won_with:,}", f"{s.won_without:,}",
                f"{s.lost_with:,}", f"{s.lost_without:,}",
                _lift(lift, s.won_with),
                f"{s.score:+.2f}", "yes" if s.beyond_chance else "–",
            )  # fmt: skip
        console.print(table)
    if said := chance_line(p.win_signals):
        console.print(said, soft_wrap=True)
    if said := left_out_line(p.signals_left_out):
        console.print(said, soft_wrap=True)


def _show_categories(losses: LossBreakdown) -> None:
    base = losses.categories[0].lost_revenue.base if losses.categories else ""
    table = Table(
        "loss category", "deals", "corrected", f"lost revenue {base}",
        title="Loss reasons", title_justify="left", show_edge=False,
    )  # fmt: skip
    revenues = [_sum_cell(c.lost_revenue, c.deals, c.with_amount) for c in losses.categories]
    for c, revenue in zip(losses.categories, revenues, strict=True):
        table.add_row(c.category.value, f"{c.deals:,}", f"{c.corrected:,}", revenue)
    console.print(table)
    pending = sorted({code for c in losses.categories for code in c.lost_revenue.unconverted})
    if pending:
        # The star only where a cell carries one: "GBP 7,200 (no rate)" says it itself.
        lead = "* plus amounts" if any(r.endswith("*") for r in revenues) else "Amounts"
        verb = "has" if len(pending) == 1 else "have"
        console.print(
            f"{lead} in {', '.join(pending)}, which {verb} no rate "
            "(tradeoff currency set CODE RATE; --format csv lists them)",
            soft_wrap=True,
        )


def loss_reasons(
    ctx: typer.Context,
    output_format: FormatOption = OutputFormat.TABLE,
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            help="List the lost deals filed in this category instead (e.g. disqualified).",
        ),
    ] = None,
) -> None:
    """List the loss-reason taxonomy: lost deals and lost revenue per category (largest
    first, empty categories too; disqualified last: never real deals, in no figure), and
    every correction a person made. With --category, list that category's lost deals, with
    the cues that filed them, to check and correct them.

    Lost deals not classified yet are classified first. CSV holds the categories (the deals
    with --category). The categories and their keywords are in docs/sales.md.

    Example: tradeoff loss-reasons --category disqualified
    """
    chosen = None if category is None else _category(category)
    engine = open_workspace(ctx)
    if chosen is not None:
        _category_deals(chosen, deals_in_category(engine, chosen, classify=True), output_format)
        return
    found = loss_breakdown(engine, classify=True)
    if output_format is OutputFormat.JSON:
        _json(found.to_json())
        return
    if output_format is OutputFormat.CSV:
        write_rows(
            sys.stdout,
            ("category", "deals", "corrected", "deals_with_amount", "lost_revenue", "currency",
             "unconverted"),
            (
                (c.category.value, c.deals, c.corrected, c.with_amount,
                 c.lost_revenue.to_json()["amount"], c.lost_revenue.base,
                 _unconverted(c.lost_revenue))
                for c in found.categories
            ),
        )  # fmt: skip
        return
    _show_categories(found)
    if not found.corrections:
        console.print("No corrections yet: tradeoff loss-reason DEAL_ID --category CATEGORY")
        return
    table = Table(
        "deal", "CRM id", "name", "category", "loss reason",
        title="Corrections", title_justify="left", show_edge=False,
    )  # fmt: skip
    for c in found.corrections:
        table.add_row(str(c.deal_id), c.external_id, c.name, c.category.value, c.loss_reason or "–")
    console.print(table)


CATEGORY_DEALS_HEADER = (
    "deal_id", "crm_id", "name", "amount", "currency", "stage", "loss_reason", "cues",
    "assigned_by",
)  # fmt: skip


def _category_deals(
    category: LossCategory, deals: list[CategoryDeal], output_format: OutputFormat
) -> None:
    rows: list[list[str]] = [
        [
            str(d.deal_id), d.external_id, d.name, "" if d.amount is None else f"{d.amount:.2f}",
            d.currency or "", d.stage or "", d.loss_reason or "", "; ".join(d.cues),
            d.assigned_by.value,
        ]
        for d in deals
    ]  # fmt: skip
    if output_format is OutputFormat.JSON:
        _json(
            [
                {**dict(zip(CATEGORY_DEALS_HEADER, row, strict=True)), "deal_id": d.deal_id,
                 "amount": row[3] or None, "cues": list(d.cues)}
                for d, row in zip(deals, rows, strict=True)
            ]
        )  # fmt: skip
        return
    if output_format is OutputFormat.CSV:
        write_rows(sys.stdout, CATEGORY_DEALS_HEADER, rows)
        return
    if not deals:
        console.print(f"No lost deals filed as {category.value}.")
        return
    table = Table(
        "deal", "CRM id", "name", "amount", "stage", "loss reason", "cues", "by",
        title=f"Lost deals filed as {category.value} ({len(deals):,})", title_justify="left",
        show_edge=False,
    )  # fmt: skip
    for d, (deal_id, crm_id, name, _, currency, stage, reason, cues, by) in zip(
        deals, rows, strict=True
    ):
        # Grouped like every other amount in a table; the CSV keeps plain digits.
        shown = NO_AMOUNT if d.amount is None else f"{currency} {d.amount:,.2f}".strip()
        table.add_row(deal_id, crm_id, name, shown, stage or "–", reason or "–", cues, by)
    console.print(table)
    console.print(
        f"Correct one: {CORRECT_LOSS} (a correction sticks across imports).", markup=False
    )


def loss_reason(
    ctx: typer.Context,
    deal_id: Annotated[str, typer.Argument(help="The deal's id, or its id in the CRM.")],
    category: Annotated[
        str,
        typer.Option("--category", help=f"One of: {', '.join(c.value for c in LossCategory)}."),
    ],
) -> None:
    """Correct one lost deal's loss category. The correction sticks: classifying again never
    overwrites it; the free-text reason is kept as it was.

    Example: tradeoff loss-reason 0060000003 --category price_budget
    """
    chosen = _category(category)
    engine = open_workspace(ctx)
    result = correct_loss(engine, deal_id, chosen)
    before = result.before
    was = ""
    if before is not None and before.category is not chosen:
        was = f" (was {before.category.value}, by {before.assigned_by.value})"
    console.print(
        f"deal {result.deal.id} ({result.deal.source} {result.deal.external_id}, "
        f"{result.deal.name}): {chosen.value}{was}",
        soft_wrap=True,
    )


def classify_losses_command(ctx: typer.Context) -> None:
    """Classify every lost deal again from its loss reason (else its notes), e.g. after a
    re-import changed reasons. Corrections made by people are kept as they are.

    Example: tradeoff classify-losses
    """
    engine = open_workspace(ctx)
    run = classify_losses(engine)
    console.print(
        f"{plural(run.examined, 'lost deal')} read, "
        f"{plural(run.written, 'classification')} written, "
        f"{plural(run.corrections_kept, 'correction')} kept"
        + (f", {run.dropped:,} dropped (no longer lost)" if run.dropped else "")
    )


def _category(value: str) -> LossCategory:
    try:
        return LossCategory(value.strip().lower())
    except ValueError:
        known = ", ".join(c.value for c in LossCategory)
        raise InputError(f"--category must be one of {known}, not {value!r}") from None


def _quarter_chart(rows: tuple[WinRate, ...]) -> dict[str, Any]:
    points = [
        # The count travels with the rate, on the axis since a file has no tooltips.
        {"quarter": f"{r.key} ({r.won} of {r.closed})", "win rate": r.win_rate, "closed": r.closed}
        for r in rows
        if r.win_rate is not None and not r.key.startswith("(")
    ]
    return line_chart(
        points, period="quarter", value="win rate", title="Win rate by quarter of close",
        value_title="won / closed", value_format=".0%",
    )  # fmt: skip


def _lift(lift: float | None, won_with: int) -> str:
    if lift is not None:
        return f"{lift:.2f}"
    return "only won" if won_with else "–"


def _json(document: object) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _rate(r: WinRate) -> str:
    return "–" if r.win_rate is None else f"{r.win_rate:.0%} ({r.won}/{r.closed})"


def _days(days: float | None) -> str:
    return "–" if days is None else f"{days:.1f} days"  # a measure: 1.0 days, like 2.5 days


def _whole(money: Money) -> str:
    shown = f"{money.amount:,.0f}"
    return shown + " *" if money.unconverted else shown


def _sum_cell(money: Money, deals: int, priced: int) -> str:
    """A money cell over ``deals`` of which ``priced`` have an amount: "– (no amount)" or
    "GBP 7,200 (no rate)" where there is no figure in the base currency, else ``_whole``."""
    return unknown_sum(money, deals, priced) or _whole(money)


def _unconverted(money: Money) -> str:
    return "; ".join(f"{c} {a:.2f}" for c, a in sorted(money.unconverted.items()))


def register(app: typer.Typer) -> None:
    app.command()(sales)
    app.command("loss-reasons")(loss_reasons)
    app.command("loss-reason")(loss_reason)
    app.command("classify-losses")(classify_losses_command)
