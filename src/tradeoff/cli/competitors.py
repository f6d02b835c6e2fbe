"""``tradeoff competitors``, ``competitor NAME``, ``scan-competitors``, ``competitor-merge``,
``competitor-split`` and ``competitor-rename``: who we really compete with, and the
corrections a person makes (``competitor-partner`` is ``cli.competitor_partner``,
``scan-competitors`` and the note that mentions are behind ``cli.competitor_scan``).

Each command is one call to ``tradeoff.analysis.business`` (its docstrings and
docs/competitors.md define every figure); this module only lays the answer out.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from sqlalchemy import Engine

from tradeoff.analysis.business.competitor_edits import (
    merge_competitors,
    rename_competitor,
    split_competitor,
)
from tradeoff.analysis.business.competitor_lookup import find_competitor
from tradeoff.analysis.business.competitor_partners import PARTNER_MEANS, is_partner
from tradeoff.analysis.business.competitors import (
    CompetitorProfile,
    CompetitorQuote,
    CompetitorStanding,
    competitor_profile,
    competitor_ranking,
)
from tradeoff.analysis.business.mention_stance import STANCE_WORDS, mention_split
from tradeoff.analysis.business.money import Money
from tradeoff.cli import competitor_partner, competitor_scan
from tradeoff.cli.competitor_scan import KIND_NAMES, warn_if_behind
from tradeoff.cli.context import console, err_console, open_workspace, rows_go_with_csv
from tradeoff.cli.money_cells import compact, deals_money, unknown_sum
from tradeoff.domain.enums import CompetitorKind
from tradeoff.importers.competitors import split_competitor_names
from tradeoff.reports.charts import bar_chart, check_path, line_chart, render
from tradeoff.safe_csv import write_rows
from tradeoff.wording import named_command, plural

#: Themes a competitor's page lists.
THEMES_SHOWN = 8


class RankingFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class ProfileFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class ProfileRows(StrEnum):
    """What ``competitor NAME --format csv`` writes: one part of the profile per file."""

    SEGMENTS = "segments"
    LOSSES = "losses"
    QUARTERS = "quarters"
    THEMES = "themes"
    QUOTES = "quotes"


ChartOption = Annotated[
    Path | None, typer.Option("--chart", help="Also draw the chart to this .svg or .png file.")
]


def competitors(
    ctx: typer.Context,
    output_format: Annotated[
        RankingFormat, typer.Option("--format", help="table, or json / csv for scripts.")
    ] = RankingFormat.TABLE,
    chart: ChartOption = None,
) -> None:
    """Rank who we really compete with by revenue at stake: revenue lost to deals where they
    were present plus open pipeline where they are, in the base currency.

    Mentions in evidence are shown beside the money but never decide the order. Win rate is
    won / (won + lost) of the deals where they were present. --chart draws win rate by
    competitor. Run tradeoff scan-competitors first to find them in notes and tickets.

    Example: tradeoff competitors --format csv
    """
    if chart is not None:
        check_path(chart)  # before the figures: a typo costs nothing
    engine = open_workspace(ctx)
    ranking = competitor_ranking(engine)
    if ranking:  # with none, the list's own line already says to scan
        warn_if_behind(engine)
    if chart is not None:
        render(_win_rate_chart(ranking), chart)
    if output_format is RankingFormat.JSON:
        _json([s.to_json() for s in ranking])
    elif output_format is RankingFormat.CSV:
        write_rows(sys.stdout, CSV_HEADER, (_csv_row(n, s) for n, s in enumerate(ranking, 1)))
    elif not ranking:
        console.print("No competitors yet: import deals with a competitor field, or run "
                      "tradeoff scan-competitors.")  # fmt: skip
    else:
        base = ranking[0].revenue_at_stake.base
        table = Table(
            "#", "competitor", "kind", f"at stake {base}", f"lost {base}", f"open {base}",
            "deals", "won", "lost", "win rate", "mentions", show_edge=False,
        )  # fmt: skip
        table.columns[1].overflow = "fold"  # a name is never cut: it is what people search
        starred = False
        for number, s in enumerate(ranking, 1):
            money = _money_cells(s)
            starred = starred or any(cell.endswith("*") for cell in money)
            table.add_row(
                str(number), _ranked_name(s), s.kind.value, *money, f"{s.deals_met:,}",
                f"{s.won:,}", f"{s.lost:,}", _percent(s.win_rate), f"{s.mentions:,}",
            )  # fmt: skip
        console.print(table)
        console.print("Ranked by revenue at stake (lost + open pipeline), not by mentions.")
        if any(s.partner for s in ranking):
            console.print(f"{PARTNER_TAG}: {PARTNER_MEANS}.", soft_wrap=True)
        came, leaving = sum(s.came_from for s in ranking), sum(s.leaving_for for s in ranking)
        if came or leaving:
            console.print(
                f"Mentions that say more than the name: {came:,} came from the competitor, "
                f"{leaving:,} may leave for it (per competitor: tradeoff competitor NAME, "
                "--format json|csv).",
                soft_wrap=True,
            )
        if any(not s.revenue_at_stake.complete for s in ranking):
            lead = "* plus amounts" if starred else "Amounts"
            console.print(f"{lead} in currencies without a rate (tradeoff competitor NAME "
                          "shows them): ranked on what could be converted.")  # fmt: skip
    if chart is not None:
        _chart_written(chart, to_stderr=output_format is not RankingFormat.TABLE)


CSV_HEADER = (
    "rank", "competitor", "kind", "aliases", "deals_met", "won", "lost", "open", "win_rate",
    "revenue_lost", "open_pipeline", "revenue_at_stake", "currency", "unconverted", "mentions",
    "disqualified", "lost_unpriced", "open_unpriced", "mentions_came_from",
    "mentions_leaving_for", "partner",
)  # fmt: skip
#: How a partner's row is marked in the ranking's table, and what it means for its figures.
PARTNER_TAG = "(integration partner)"


def _ranked_name(s: CompetitorStanding) -> str:
    return f"{s.name}\n{PARTNER_TAG}" if s.partner else s.name


def _csv_row(number: int, s: CompetitorStanding) -> list[Any]:
    unconverted = {
        **{f"lost {c}": a for c, a in s.revenue_lost.unconverted.items()},
        **{f"open {c}": a for c, a in s.open_pipeline.unconverted.items()},
    }
    return [
        number, s.name, s.kind.value, "; ".join(s.aliases), s.deals_met, s.won, s.lost, s.open,
        "" if s.win_rate is None else f"{s.win_rate:.4f}",
        s.revenue_lost.to_json()["amount"], s.open_pipeline.to_json()["amount"],
        s.revenue_at_stake.to_json()["amount"], s.revenue_at_stake.base,
        "; ".join(f"{k} {v:.2f}" for k, v in sorted(unconverted.items())), s.mentions,
        s.disqualified, s.lost_unpriced, s.open_unpriced, s.came_from, s.leaving_for,
        "yes" if s.partner else "no",
    ]  # fmt: skip


def competitor(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The competitor's name or one of its aliases.")],
    output_format: Annotated[
        ProfileFormat, typer.Option("--format", help="table, or json / csv for scripts.")
    ] = ProfileFormat.TABLE,
    chart: ChartOption = None,
    rows: Annotated[
        ProfileRows | None,
        typer.Option(
            "--rows",
            help="With --format csv: the part it writes, segments (default), losses, quarters, "
            "themes or quotes. The table and JSON hold every part.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show one competitor: record and money at stake, segments where they win, why we lose
    to them, the themes customers raise when they are present, quotes, and the quarters.

    NAME is matched by name or alias, ignoring case, spacing and punctuation; a name that
    can only mean one competitor (the rule an import files aliases by, docs/competitors.md:
    "Zoho Inc", "Pipedrvie") shows it, one that could mean several lists them. --chart
    draws deals met, won and lost per quarter. --format csv writes one part of the
    profile, chosen with --rows (which goes with --format csv only). The table ends its
    head with the other competitors whose names look like this one's ("ADP Run" on ADP's
    page), maybe the same vendor, and the command that merges one; on a spreadsheet, in-house
    tool or agency, the other rows of its kind the scan proposes ("Google Sheets" on
    "Spreadsheets").

    Example: tradeoff competitor "MSFT Dynamics" --format csv --rows losses
    """
    rows_go_with_csv(rows, output_format is ProfileFormat.CSV)
    if chart is not None:
        check_path(chart)  # before the figures: a typo costs nothing
    engine = open_workspace(ctx)
    profile = competitor_profile(engine, name)
    warn_if_behind(engine)
    if chart is not None:
        render(_trend_chart(profile), chart)
    if output_format is ProfileFormat.JSON:
        _json(profile.to_json())
    elif output_format is ProfileFormat.CSV:
        header, lines = _profile_rows(profile, rows or ProfileRows.SEGMENTS)
        write_rows(sys.stdout, header, lines)
    else:
        _print_profile(profile)
    if chart is not None:
        _chart_written(chart, to_stderr=output_format is not ProfileFormat.TABLE)


def _chart_written(chart: Path, *, to_stderr: bool) -> None:
    """JSON and CSV own stdout: a script must be able to parse it whole, so the note that
    a chart was written goes to stderr with them."""
    said = err_console if to_stderr else console
    said.print(f"chart written to {chart}", soft_wrap=True)


def _profile_rows(
    profile: CompetitorProfile, rows: ProfileRows
) -> tuple[tuple[str, ...], list[list[Any]]]:
    """One part of the profile as a header and rows, each led by the competitor's name so
    that files for several competitors can be stacked."""
    name = profile.standing.name
    if rows is ProfileRows.SEGMENTS:
        return ("competitor", "segment", "won", "lost", "open", "loss_rate"), [
            [name, s.segment or "", s.won, s.lost, s.open, _share(s.loss_rate)]
            for s in profile.segments
        ]
    if rows is ProfileRows.LOSSES:
        return ("competitor", "category", "deals", "revenue_lost", "currency", "unconverted",
                "deals_with_amount"), [
            [name, r.category.value, r.deals, r.revenue.to_json()["amount"], r.revenue.base,
             "; ".join(f"{c} {a:.2f}" for c, a in sorted(r.revenue.unconverted.items())),
             r.priced]
            for r in profile.loss_reasons
        ]  # fmt: skip
    if rows is ProfileRows.QUARTERS:
        return ("competitor", "quarter", "met", "won", "lost"), [
            [name, q.quarter, q.met, q.won, q.lost] for q in profile.quarters
        ]
    if rows is ProfileRows.THEMES:
        return ("competitor", "theme_id", "theme", "evidence", "accounts", "naming"), [
            [name, t.theme_id, t.name, t.evidence, t.accounts, t.naming] for t in profile.themes
        ]
    return ("competitor", "evidence_id", "kind", "created_at", "account", "written_as", "quote",
            "same_words", "same_words_accounts", "stance"), [
        [name, q.evidence_id, q.kind.value, q.created_at.date().isoformat(), q.account or "",
         q.mentioned_as, q.text, q.same_words, q.same_words_accounts, q.stance.value]
        for q in profile.quotes
    ]  # fmt: skip


def _said_again(quote: CompetitorQuote) -> str:
    """``; the same words in 8 more items, from 8 other accounts``: why one quote stands for
    items a seller pasted on several deals."""
    if not quote.same_words:
        return ""
    accounts = quote.same_words_accounts
    where = f", from {plural(accounts, 'other account')}" if accounts else ""
    return f"; the same words in {plural(quote.same_words, 'more item')}{where}"


def _share(share: float | None) -> str:
    return "" if share is None else f"{share:.4f}"


def _print_profile(profile: CompetitorProfile) -> None:
    s = profile.standing
    aliases = f"  (also: {', '.join(s.aliases)})" if s.aliases else ""
    console.print(f"{s.name}  [{s.kind.value}]{aliases}", soft_wrap=True)
    if s.partner:
        console.print(
            f"integration partner: {PARTNER_MEANS} (to count it as a rival again: "
            f"{named_command('tradeoff competitor-partner', s.name, '--off')})",
            soft_wrap=True,
        )
    console.print(
        f"met in {plural(s.deals_met, 'deal')}: won {s.won:,}, lost {s.lost:,}, open {s.open:,}"
        + (f", disqualified {s.disqualified:,} (never real deals)" if s.disqualified else "")
        + f"; win rate {_percent(s.win_rate)}; named in {plural(s.mentions, 'evidence item')}"
        + (f" ({split})" if (split := mention_split(s.came_from, s.leaving_for)) else "")
    )
    unpriced = s.lost_unpriced + s.open_unpriced
    at_stake = deals_money(s.revenue_at_stake, s.lost + s.open, s.lost + s.open - unpriced)
    console.print(f"revenue at stake {at_stake}", soft_wrap=True)
    lost = deals_money(s.revenue_lost, s.lost, s.lost - s.lost_unpriced)
    pipeline = deals_money(s.open_pipeline, s.open, s.open - s.open_unpriced)
    console.print(f"  lost to deals where present {lost}; open pipeline {pipeline}", soft_wrap=True)
    if profile.written_as:
        said = ", ".join(f"{n} ×{c}" for n, c in sorted(profile.written_as.items()))
        console.print(f"written as: {said}", soft_wrap=True)
    by_name = [p for p in profile.looks_like if p.as_kind is None]
    if by_name:
        others = ", ".join(repr(p.name) for p in by_name)
        into = by_name[0].into or s.name  # the older row, as the scan proposes it
        source = by_name[0].name if into == s.name else s.name
        console.print(
            f"maybe the same vendor: {others}; to merge one: tradeoff competitor-merge "
            f'"{source}" --into "{into}"',
            soft_wrap=True,
        )
    by_kind = [p for p in profile.looks_like if p.as_kind is not None]
    if by_kind:
        others = ", ".join(repr(p.name) for p in by_kind)
        source = by_kind[0].name if by_kind[0].into == s.name else s.name
        console.print(
            f"{KIND_NAMES[s.kind]} too: {others}; to count them as one: tradeoff "
            f'competitor-merge "{source}" --into "{by_kind[0].into}"',
            soft_wrap=True,
        )
    console.print("Segments (where they win is where we lose):")
    for seg in profile.segments:
        console.print(
            f"  {seg.segment or '(no segment)'}: loss rate {_percent(seg.loss_rate)} "
            f"(lost {seg.lost:,} of {seg.won + seg.lost:,} closed; {seg.open:,} open)",
            soft_wrap=True,
        )
    console.print("Why we lose to them (loss taxonomy):")
    if not profile.loss_reasons:
        console.print("  no lost deals")
    for reason in profile.loss_reasons:
        console.print(
            f"  {reason.category.value}: {plural(reason.deals, 'deal')}, "
            + deals_money(reason.revenue, reason.deals, reason.priced)
        )
    if profile.losses_classified_now:
        console.print(
            f"  ({plural(profile.losses_classified_now, 'deal')} with no saved category classified "
            "for this view by the same rules; tradeoff classify-losses saves them)"
        )
    console.print("Themes customers raise when they are present:")
    if not profile.themes:
        console.print(
            "  none yet: no evidence from the accounts they met, or naming them, is filed in a "
            "theme (import tickets and notes, then run tradeoff analyze)",
            soft_wrap=True,
        )
    for theme in profile.themes[:THEMES_SHOWN]:
        console.print(
            f"  {theme.theme_id}  {theme.name}: {plural(theme.evidence, 'item')} from "
            f"{plural(theme.accounts, 'account')} ({theme.naming:,} "
            f"{'names' if theme.naming == 1 else 'name'} them)",
            soft_wrap=True,
        )
    console.print("Quotes:")
    if not profile.quotes:
        console.print("  none: no evidence item names them", soft_wrap=True)
    for quote in profile.quotes:
        who = quote.account or "no account"
        stance = f"; {STANCE_WORDS[quote.stance]}" if STANCE_WORDS[quote.stance] else ""
        console.print(
            f'  "{quote.text}"  (#{quote.evidence_id}, {quote.kind.value}, {who}, '
            f"{quote.created_at.date().isoformat()}{stance}{_said_again(quote)})",
            soft_wrap=True,
        )
    console.print("By quarter (met by created date; won and lost by close date):")
    for q in profile.quarters:
        console.print(f"  {q.quarter}: met {q.met:,}, won {q.won:,}, lost {q.lost:,}")


def merge(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="The competitor to fold in (name or alias).")],
    into: Annotated[str, typer.Option("--into", help="The competitor that stays.")],
) -> None:
    """Merge one competitor into another: its name and aliases become aliases of the
    target, and its deals and mentions move. Later imports and scans keep it merged.

    An integration partner stays one: the competitor kept is a partner when either was.

    Example: tradeoff competitor-merge "Microsoft Dynamics CRM" --into "Dynamics 365"
    """
    engine = open_workspace(ctx)
    target, moved = merge_competitors(engine, source, into)
    console.print(
        f"merged into {target.name}: {plural(moved.deals, 'deal')} and "
        f"{plural(moved.mentions, 'mention')} "
        f"moved ({moved.kept:,} already there); aliases now {', '.join(target.aliases)}",
        soft_wrap=True,
    )
    assert target.id is not None
    if is_partner(engine, target.id):
        console.print(
            f"{target.name} is an integration partner: the evidence and deals naming it were "
            "read again, and name it only where they compete with it",
            soft_wrap=True,
        )


def split(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The competitor to split (name or alias).")],
    aliases: Annotated[
        str, typer.Option("--aliases", help="Aliases to split off, separated by commas.")
    ],
    new_name: Annotated[
        str, typer.Option("--as", help="The competitor they go to: new, or one that exists.")
    ],
    kind: Annotated[
        CompetitorKind | None,
        typer.Option("--kind", help="Kind of a new competitor (default: the same as NAME)."),
    ] = None,
) -> None:
    """Split aliases off a competitor into another, with the deals and mentions that were
    written that way. Later imports and scans keep them apart.

    A split-off competitor is no integration partner unless it was one already: it is
    another product (tradeoff competitor-partner marks it).

    Example: tradeoff competitor-split "Dynamics 365" --aliases "Dynamics GP" --as "Dynamics GP"
    """
    engine = open_workspace(ctx)
    target, moved = split_competitor(
        engine, name, split_competitor_names(aliases), new_name, kind=kind
    )
    console.print(
        f"split into {target.name} ({target.kind.value}): {plural(moved.deals, 'deal')} and "
        f"{plural(moved.mentions, 'mention')} moved",
        soft_wrap=True,
    )
    assert target.id is not None
    stays = _partner_called(engine, name)
    if stays is not None and not is_partner(engine, target.id):
        console.print(
            f"{stays} stays an integration partner; {target.name} is not one (to mark it: "
            f"{named_command('tradeoff competitor-partner', target.name)})",
            soft_wrap=True,
        )


def rename(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The competitor to rename (name or alias).")],
    to: Annotated[str, typer.Option("--to", help="Its name from now on.")],
) -> None:
    """Choose a competitor's name. The old name stays an alias, so fields and notes that
    wrote it still find it, and imports no longer rename it to the spelling most deals use.

    Example: tradeoff competitor-rename SFDC --to Salesforce
    """
    was = name
    renamed = rename_competitor(open_workspace(ctx), name, to)
    console.print(
        f"renamed {was!r} to {renamed.name!r}; aliases now {', '.join(renamed.aliases)}",
        soft_wrap=True,
    )


def _partner_called(engine: Engine, name: str) -> str | None:
    """The name of the competitor ``name`` means, if it is an integration partner."""
    found = find_competitor(engine, name)
    assert found.id is not None
    return found.name if is_partner(engine, found.id) else None


def _win_rate_chart(ranking: list[CompetitorStanding]) -> dict[str, Any]:
    rows = [
        # The count travels with the rate: 4 of 6 is not 18 of 36, on paper as in the table.
        {
            "competitor": f"{s.name} ({s.won} of {s.won + s.lost})",
            "win rate": s.win_rate,
            "closed deals": s.won + s.lost,
        }
        for s in ranking
        if s.win_rate is not None
    ]
    return bar_chart(
        rows, category="competitor", value="win rate", title="Win rate against each competitor",
        value_format=".0%",
    )  # fmt: skip


def _trend_chart(profile: CompetitorProfile) -> dict[str, Any]:
    rows = [
        {"quarter": q.quarter, "deals": count, "series": series}
        for q in profile.quarters
        for series, count in (("met", q.met), ("won", q.won), ("lost", q.lost))
    ]
    return line_chart(
        rows, period="quarter", value="deals", series="series",
        title=f"Deals with {profile.standing.name} by quarter",
    )  # fmt: skip


def _json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _money_cells(s: CompetitorStanding) -> list[str]:
    """At stake, lost and open pipeline as table cells."""
    return [
        _cell(s.revenue_at_stake, s.lost + s.open, s.lost_unpriced + s.open_unpriced),
        _cell(s.revenue_lost, s.lost, s.lost_unpriced),
        _cell(s.open_pipeline, s.open, s.open_unpriced),
    ]


def _cell(money: Money, deals: int, unpriced: int) -> str:
    """``_whole``, or what stands for a sum with no figure in the base currency: "– (no
    amount)" when none of the deals has an amount, "GBP 7.2k" over "(no rate)" when
    nothing could be converted (``money_cells.unknown_sum``), compact and on two lines so
    that eleven columns keep room for the names (``competitor NAME`` gives it exactly)."""
    return unknown_sum(money, deals, deals - unpriced, compact, narrow=True) or _whole(money)


def _whole(money: Money) -> str:
    """Whole units for a table cell; ``*`` where some currency had no rate."""
    return f"{money.amount:,.0f}" + ("" if money.complete else "*")


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def register(app: typer.Typer) -> None:
    app.command()(competitors)
    app.command()(competitor)
    app.command("scan-competitors")(competitor_scan.scan)
    app.command("competitor-merge")(merge)
    app.command("competitor-split")(split)
    app.command("competitor-rename")(rename)
    app.command("competitor-partner")(competitor_partner.partner)
