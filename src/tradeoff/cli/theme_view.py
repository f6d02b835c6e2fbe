"""``tradeoff themes`` and ``tradeoff theme ID``: what customers struggle with, and who.

Every figure comes from ``storage.theme_profile`` (its docstring defines each one) and a
theme's page from ``analysis.theme_page``, so the table, the JSON and the web page never
disagree: ``theme ID --format json`` holds each theme as ``themes --format json`` does, with
the page's quotes, praise of its area and sub-themes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from tradeoff.analysis.label.area_praise import is_praise_theme, nearest_namesakes, spoken_to
from tradeoff.analysis.label.counter import PRAISE_RULES, speaking_well
from tradeoff.analysis.seller_notes import FOLLOWERS, notes_apart
from tradeoff.analysis.text.theme_text import as_said
from tradeoff.analysis.theme_page import (
    TREND_MONTHS,
    ThemePage,
    ahead_words,
    month_sparkline,
    said_once,
    so_far,
    theme_page,
    trend_months,
    trend_words,
)
from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.name_check_words import since_named_words
from tradeoff.storage.centroids import current_centroids
from tradeoff.storage.session import read_session
from tradeoff.storage.theme_name_checks import NameCheck, names_to_check
from tradeoff.storage.theme_profile import (
    CounterEvidence,
    MonthCount,
    MonthlyTrend,
    ThemeProfile,
    theme_profiles,
)
from tradeoff.storage.themes import (
    ThemeSummary,
    active_themes,
    unsorted_counts,
)
from tradeoff.wording import its, plural


class ThemesFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def themes(
    ctx: typer.Context,
    output_format: Annotated[
        ThemesFormat, typer.Option("--format", help="table, or json for scripts.")
    ] = ThemesFormat.TABLE,
) -> None:
    """List the themes, largest first: reach, observed and proxy shares, last seen, trend.

    items counts distinct evidence (copies once); users are distinct end users; observed is
    the share of observed behaviour (the rest is stated); proxy is the share relayed by our
    own people; the trend shows the same twelve months for every theme, up to this month, as
    tradeoff demand counts them; this month's bar, dimmed, counts only the days so far, and
    an item dated after today (a date typed ahead) is in no month. (name to check) marks a
    name a person gave that a rebuild kept while moving most of the theme's items (JSON:
    name_to_check); tradeoff pin ID keeps it.

    Example: tradeoff themes --format json
    """
    engine = open_workspace(ctx)
    with read_session(engine) as session:
        everything = active_themes(session)
        profiles = theme_profiles(session, praise=PRAISE_RULES)
        unsorted, notes = unsorted_counts(session, FOLLOWERS)
        speaks_to = spoken_to(nearest_namesakes(everything, current_centroids(session)), profiles)
        checks = names_to_check(session)
    ranked = sorted(
        (s for s in everything if s.id in profiles),
        key=lambda s: (-profiles[s.id].items, s.id),
    )
    tops = [s for s in ranked if s.parent_id is None]
    if output_format is ThemesFormat.JSON:
        document = [
            {
                **_described(summary, profiles[summary.id], checks.get(summary.id)),
                "speaks_well_of_theme": speaks_to.get(summary.id),
                "praised_in_themes": sorted(p for p, t in speaks_to.items() if t == summary.id),
                "subthemes": [
                    _described(c, profiles[c.id], checks.get(c.id))
                    for c in ranked
                    if c.parent_id == summary.id
                ],
            }
            for summary in tops
        ]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    if not tops:
        console.print(
            "No themes yet: run tradeoff analyze."
            if unsorted  # with no theme, every item is unsorted
            else "No themes yet: import evidence (see tradeoff import --help), then run "
            "tradeoff analyze."
        )
        return
    table = Table(
        "id",
        "theme",
        "items",
        "accounts",
        "users",
        "observed",
        "proxy",
        "last seen",
        "trend",
        show_edge=False,
    )
    for summary in tops:
        profile = profiles[summary.id]
        praise = " (praise)" if is_praise_theme(profile) else ""
        to_check = " (name to check)" if summary.id in checks else ""
        table.add_row(
            str(summary.id),
            Text(summary.name).append(praise, style="dim").append(to_check, style="bold"),
            f"{profile.items:,}",
            f"{profile.accounts:,}",
            f"{profile.end_users:,}",
            _percent(profile.observed_share),
            _percent(profile.proxy_share),
            _day(profile.last_seen),
            _bars(trend_months(profile.trend), profile.trend),
        )
    console.print(table)
    ahead = sum(profiles[s.id].trend.ahead for s in tops)
    if ahead:
        as_of = profiles[tops[0].id].trend.as_of
        console.print(
            f"{plural(ahead, 'item')} dated after {as_of} {'is' if ahead == 1 else 'are'} in no "
            "month of the trend (see tradeoff theme ID)."
        )
    if any(is_praise_theme(profiles[s.id]) for s in tops):
        console.print(
            "(praise): at least half of its items speak well of us: what customers value, "
            "not a problem (tradeoff demand lists it after the rest)."
        )
    flagged = [s.id for s in ranked if s.id in checks]
    if flagged:
        console.print(
            f"(name to check): a rebuild kept the name a person gave {_these(flagged)} but "
            f"moved most of {its(len(flagged))} items; tradeoff theme ID says what moved, "
            'tradeoff pin ID keeps the name, tradeoff rename ID "NEW NAME" gives another.'
        )
    if unsorted:
        console.print(
            f"{unsorted:,} items are unsorted (no theme fits them well enough"
            + (f"; {notes_apart(notes)}" if notes else "")
            + "): tradeoff evidence --unsorted"
        )


def theme(
    ctx: typer.Context,
    theme_id: Annotated[int, typer.Argument(help="The theme's id (see tradeoff themes).")],
    output_format: Annotated[
        ThemesFormat, typer.Option("--format", help="table, or json for scripts.")
    ] = ThemesFormat.TABLE,
) -> None:
    """Show one theme: its reach, shares, dates, monthly trend, quotes, counter evidence and
    sub-themes.

    Quotes are chosen for coverage: the most typical item of each sub-theme in turn. Counter
    evidence lists items in the theme that speak well of the same area; praise of the area
    that analysis filed in a praise theme of its own is listed after it, and a praise
    theme's page names the theme whose area it speaks well of. The monthly trend runs to
    this month (the days so far), as tradeoff demand counts it. --format json gives the same
    as one entry of tradeoff themes --format json, with the quotes (whole, with their
    source and external ids) and the praise of its area. A name to check (a name a person
    gave that a rebuild kept while moving most of the theme's items) is said with its
    figures: how many of the items it was named on stayed, how many came in.

    Example: tradeoff theme 12 --format json
    """
    engine = open_workspace(ctx)
    page = theme_page(engine, theme_id)
    with read_session(engine) as session:
        checks = names_to_check(session)
    if output_format is ThemesFormat.JSON:
        document = _page_json(page, checks)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    chosen, profile, quotes = page.theme, page.profile, page.quotes
    pinned = ", name pinned" if chosen.name_pinned else ""
    console.print(f"{chosen.name}  (theme {chosen.id}{pinned})")
    check = checks.get(chosen.id)
    if check is not None:
        console.print(name_check_line(check))
    copies = f" (+{plural(profile.copies, 'copy')})" if profile.copies else ""
    console.print(
        f"{plural(profile.items, 'evidence item')}{copies} from "
        f"{plural(profile.accounts, 'account')} and {plural(profile.end_users, 'end user')}"
    )
    console.print(
        f"observed {_percent(profile.observed_share)}, stated {_percent(profile.stated_share)}; "
        f"direct {_percent(profile.direct_share)}, relayed by our people "
        f"{_percent(profile.proxy_share)}"
    )
    console.print(f"first seen {_day(profile.first_seen)}, last seen {_day(profile.last_seen)}")
    trend = profile.trend
    console.print(
        Text("monthly: ").append(
            _bars(trend_months(trend, max(TREND_MONTHS, len(trend.months))), trend)
        )
        + Text(f"  {trend_words(trend)}")
    )
    ahead = ahead_words(trend)
    if ahead:
        console.print(f"{ahead} (tradeoff evidence lists the dates)")
    console.print("Quotes:")
    for quote in quotes:
        console.print(f'  "{_cut(quote.text)}"  (#{quote.evidence_id}, {quote.score:.2f})')
    if profile.counter_evidence:
        console.print(f"Counter evidence ({speaking_well(profile.counter_evidence_count)}):")
        _print_said(profile.counter_evidence, "  ")
    for answer in page.praise_of_area:
        praised = answer.profile
        console.print(
            f'Praise of its area in theme {answer.theme.id} "{answer.theme.name}" '
            f"({praised.praise_items:,} of its {plural(praised.items, 'item')} speak well):"
        )
        _print_said(answer.said, "  ")
    if page.speaks_to is not None:
        console.print(
            f'Speaks well of the area of theme {page.speaks_to.id} "{page.speaks_to.name}".'
        )
    if page.subthemes:
        console.print("Sub-themes:")
        for child, child_profile in page.subthemes:
            to_check = "  (name to check)" if child.id in checks else ""
            console.print(f"  {child.id}  {child.name}  ({child_profile.items:,} items){to_check}")


def name_check_line(check: NameCheck) -> str:
    """Why a theme's name is to check, and the commands that settle it."""
    return (
        "Name to check: a person gave this name, and the rebuilds since kept it but moved "
        f"most of the items it was given on ({since_named_words(check)}; found by the rebuild "
        f"of {_day(check.flagged_at)}): it may no longer say what the theme is about. Keep "
        f"it: tradeoff pin {check.theme_id}; "
        f'or rename it: tradeoff rename {check.theme_id} "NEW NAME".'
    )


def _these(theme_ids: list[int]) -> str:
    """``theme 12``, ``themes 12, 31``"""
    ids = ", ".join(map(str, theme_ids))
    return f"theme {ids}" if len(theme_ids) == 1 else f"themes {ids}"


def _print_said(items: Sequence[CounterEvidence], indent: str) -> None:
    """Items in the customer's words, one line per wording: the same words from several
    people are one line with their ids."""
    for text, ids in said_once(items):
        times = f" ×{len(ids)}" if len(ids) > 1 else ""
        console.print(f'{indent}"{_cut(text)}"{times}  (#{", #".join(map(str, ids))})')


#: A quote longer than this is cut on the terminal (a 50 KB ticket would fill it); JSON and
#: `tradeoff evidence` give the whole text.
QUOTE_CHARS = 400


def _cut(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _described(
    summary: ThemeSummary, profile: ThemeProfile, check: NameCheck | None
) -> dict[str, Any]:
    """The theme for scripts; counter evidence in the customer's words, as the terminal
    shows it (no greeting, signature or quoted thread: the whole item is in `evidence`);
    ``name_to_check`` null, or the figures of a name a rebuild made doubtful."""
    figures = {k: v for k, v in profile.to_json().items() if k != "theme_id"}
    figures["counter_evidence"] = [
        {**item, "text": as_said(item["kind"], item["text"])}
        for item in figures["counter_evidence"]
    ]
    return {
        "id": summary.id,
        "name": summary.name,
        "parent_id": summary.parent_id,
        "name_pinned": summary.name_pinned,
        "name_to_check": check.to_json() if check is not None else None,
        "praise": is_praise_theme(profile),
        **figures,
    }


def _page_json(page: ThemePage, checks: dict[int, NameCheck]) -> dict[str, Any]:
    """One theme for scripts: ``_described`` as ``themes --format json`` gives it, with the
    quotes and items listed by their evidence ids and their source and external ids."""

    def found(evidence_id: int) -> dict[str, Any]:
        source, external_id = page.sources.get(evidence_id, (None, None))
        return {"evidence_id": evidence_id, "source": source, "external_id": external_id}

    described = _described(page.theme, page.profile, checks.get(page.theme.id))
    described["counter_evidence"] = [
        {**found(item["evidence_id"]), **item} for item in described["counter_evidence"]
    ]
    return {
        **described,
        "quotes": [{**found(q.evidence_id), "text": q.text, "score": q.score} for q in page.quotes],
        "speaks_well_of_theme": page.speaks_to.id if page.speaks_to else None,
        "praised_in_themes": sorted(a.theme.id for a in page.praise_of_area),
        "praise_of_area": [
            {
                "theme_id": a.theme.id,
                "name": a.theme.name,
                "items": a.profile.items,
                "praise_items": a.profile.praise_items,
                "said": [
                    {**found(c.evidence_id), "text": as_said(c.kind, c.text), "cues": list(c.cues)}
                    for c in a.said
                ],
            }
            for a in page.praise_of_area
        ],
        "subthemes": [
            _described(child, profile, checks.get(child.id)) for child, profile in page.subthemes
        ],
    }


def _bars(months: list[MonthCount], trend: MonthlyTrend) -> Text:
    """The sparkline with the month so far dimmed while it is not a whole month yet."""
    whole, current = so_far(month_sparkline(months), trend.filling_month is not None)
    return Text(whole).append(current, style="dim")


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def _day(moment: datetime | None) -> str:
    return "–" if moment is None else moment.date().isoformat()


def register(app: typer.Typer) -> None:
    app.command()(themes)
    app.command()(theme)
