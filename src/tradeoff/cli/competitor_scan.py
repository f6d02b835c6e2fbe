"""``tradeoff scan-competitors``, and the line the competitor views print when the mentions
they count are behind the data (the scan's stamp, ``competitor_scan_stamp``).

Mentions are counted by the scan, not by an import: after new evidence or deals, the views
show the last scan's mentions until the next one. They say so on stderr, so that JSON and
CSV on stdout stay whole for scripts.
"""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy import Engine

from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.analysis.business.competitor_scan_stamp import (
    ScanFreshness,
    mentions_kept,
    scan_freshness,
)
from tradeoff.cli.context import console, err_console, open_workspace
from tradeoff.domain.enums import CompetitorKind
from tradeoff.wording import plural

#: How a proposal names the kind a member shares with the kind's row.
KIND_NAMES = {
    CompetitorKind.SPREADSHEET: "a spreadsheet",
    CompetitorKind.HOMEGROWN: "an in-house tool",
    CompetitorKind.AGENCY: "an agency",
}

#: What the views say on stderr when the last scan's mentions may be behind.
BEHIND = {
    ScanFreshness.NEVER: "No competitor scan has run in this workspace: run tradeoff "
    "scan-competitors to count the mentions in evidence and deal notes.",
    # The stamp's data version moves on any write (an analysis, a problem too): the line
    # says what is sure, not that the evidence changed.
    ScanFreshness.DATA_CHANGED: "The workspace changed since the last competitor scan (an "
    "import, an edit or an analysis): run tradeoff scan-competitors to count any new mentions.",
    ScanFreshness.RULES_CHANGED: "The competitor reading rules changed since the last scan "
    "(a new release): run tradeoff scan-competitors to count mentions by them.",
}


def warn_if_behind(engine: Engine) -> None:
    """One line on stderr when the mentions shown may not be what a scan would count now."""
    said = BEHIND.get(scan_freshness(engine))
    if said is not None:
        err_console.print(said, soft_wrap=True)


def scan(
    ctx: typer.Context,
    reread: Annotated[
        bool,
        typer.Option(
            "--reread",
            help="Read every evidence item and deal again even when nothing changed since "
            "the last scan.",
        ),
    ] = False,
) -> None:
    """Find known competitors, their aliases and non-product alternatives (homegrown tools,
    spreadsheets, agencies, doing nothing) in evidence and deal notes, and store them.

    Names match as whole words, ignoring case. Evidence gets a mention per competitor it
    names; a deal whose notes name one is linked as "evaluated" (the CRM's own field wins),
    and a link its notes no longer support is removed. A product named as a system to
    connect to ("a HubSpot sync") is no rival, and an integration partner
    (competitor-partner) is one only where the words near it compete with it. Running it
    again changes nothing; merges and splits stay as made. Competitor names that look like
    another's are listed with the command that would merge them, and so is a named
    spreadsheet, in-house tool or agency
    ("Google Sheets") beside the row for its whole kind ("Spreadsheets"). A deal whose
    field says the status quo ("No decision") and whose words name what it kept ("kept
    their in-house tool") is filed under that alternative, once. When nothing changed since
    the last scan it reads nothing again; --reread reads everything regardless.

    Example: tradeoff scan-competitors --reread
    """
    engine = open_workspace(ctx)
    report = scan_competitors(engine, reread=reread)
    if report.unchanged:
        console.print(
            "Nothing changed since the last scan: mentions and links kept as they were "
            f"({plural(mentions_kept(engine), 'mention')}).",
            soft_wrap=True,
        )
    else:
        console.print(
            f"scanned {plural(report.evidence_scanned, 'evidence item')}: "
            f"{plural(report.mentions_added, 'mention')} added, "
            f"{report.mentions_removed:,} removed"
        )
        console.print(
            f"scanned the notes of {plural(report.deals_scanned, 'deal')}: "
            f"{plural(report.deal_links_added, 'deal')} newly linked to a competitor"
            + (
                f", {plural(report.deal_links_removed, 'link')} their words no longer "
                "support removed"
                if report.deal_links_removed
                else ""
            )
        )
    if report.status_quo_refiled:
        console.print(
            f"{plural(report.status_quo_refiled, 'deal')} whose field says the status quo and "
            "whose words name what they kept (an in-house tool, a spreadsheet, an agency): "
            "filed under that alternative, once",
            soft_wrap=True,
        )
    for name in report.competitors_created:
        console.print(f"new competitor: {name}")
    for was, now in report.respelled:
        console.print(
            f"named {now!r} (was {was!r}): the spelling most of its deals and mentions use; "
            f'to choose: tradeoff competitor-rename "{now}" --to NAME',
            soft_wrap=True,
        )
    for p in report.proposals:
        alike = (
            f"{p.name!r} is {KIND_NAMES[p.as_kind]} like {p.closest!r}"
            if p.as_kind is not None
            else f"{p.name!r} looks like {p.closest!r} ({p.score:.2f})"
        )
        console.print(
            f'{alike}: tradeoff competitor-merge "{p.name}" --into "{p.keep}"', soft_wrap=True
        )
