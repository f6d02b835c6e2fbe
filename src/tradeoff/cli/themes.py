"""``tradeoff analyze``, ``tradeoff themes`` and ``tradeoff theme ID``."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, fields
from enum import StrEnum
from typing import Annotated

import typer
from sqlalchemy import Engine

from tradeoff.analysis.discover import DiscoverySettings
from tradeoff.analysis.embed.registry import DEFAULT_EMBEDDER, EMBEDDERS, embedder_named
from tradeoff.analysis.run import AnalysisReport, found_with, settings_asked
from tradeoff.analysis.run import analyze as run_analysis
from tradeoff.analysis.seller_notes import notes_apart
from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.kept_edits import kept_edits
from tradeoff.cli.name_check_words import since_named_words
from tradeoff.cli.progress import StepBars
from tradeoff.cli.retired_themes import retired_words
from tradeoff.safe_csv import write_rows
from tradeoff.storage.session import read_session
from tradeoff.storage.themes import FiledEvidence, filed_evidence
from tradeoff.wording import its, plural

DEFAULT_RESOLUTION = DiscoverySettings().theme_resolution
#: The unsorted share discovery keeps to; an incremental run past it says why and what to do.
UNSORTED_TARGET = DiscoverySettings().max_unsorted_share
#: Sixteen times the default: on a 745-item corpus 50 gave 59 themes and 100 only 10, its
#: sub-themes (at twice the resolution) all under the smallest size.
MAX_RESOLUTION = 32.0
DEFAULT_SEED = DiscoverySettings().seed


def analyze(
    ctx: typer.Context,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Rediscover every theme (ids and your edits are kept) instead of "
            "filing only new evidence into the themes there are.",
        ),
    ] = False,
    embedder: Annotated[
        str | None,
        typer.Option(
            help=f"Embedder by name: {', '.join(EMBEDDERS)}. [default: the one the themes "
            f"were found with, else {DEFAULT_EMBEDDER}]"
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option(
            help="Random seed: same evidence and seed, same themes. "
            f"[default: the last rebuild's, else {DEFAULT_SEED}]"
        ),
    ] = None,
    resolution: Annotated[
        float | None,
        typer.Option(
            help="Higher gives more, narrower themes (sub-themes: twice it); above 0, at most "
            f"{MAX_RESOLUTION:g}. "
            f"[default: the last rebuild's, else {DEFAULT_RESOLUTION}]"
        ),
    ] = None,
) -> None:
    """Find the themes in the evidence, or file new evidence into the themes there are.

    The first run discovers themes; later runs place only items not filed yet (and items
    whose words a re-import changed, unless you moved them), each by the nearest theme, so
    ids, names and your edits stay put. --rebuild (or another embedder,
    seed or resolution) rediscovers everything, keeping ids and edits; a name you gave
    a theme whose items the rebuild mostly moved is kept and named in the summary as a
    name to check, and a named theme no new theme holds enough of is named with where
    its items went and the commands that make it again.

    Example: tradeoff analyze --rebuild --seed 0
    """
    if resolution is not None and not 0 < resolution <= MAX_RESOLUTION:
        # 0 or less makes one or two themes of everything and leaves the rest unsorted; far
        # above the default, themes split below the smallest size and fall back into a few.
        raise typer.BadParameter(
            f"must be above 0 and at most {MAX_RESOLUTION:g}, not {resolution:g}",
            param_hint="'--resolution'",
        )
    engine = open_workspace(ctx)
    chosen = embedder_named(embedder or found_with(engine) or DEFAULT_EMBEDDER)
    settings = settings_asked(engine, seed, resolution)
    with StepBars() as bars:
        report = run_analysis(engine, chosen, settings, rebuild=rebuild, progress=bars)
    if report.mode == "rebuild":
        console.print(
            f"Rebuilt the themes ({report.reason}) from {report.considered:,} items "
            f"with {report.model_id}."
        )
    else:
        console.print(
            f"Filed {report.placed:,} of {report.considered:,} items to place into existing "
            f"themes with {report.model_id} (items in no theme yet: the new ones and any a "
            "run left unsorted before)."
        )
        if report.reworded:
            console.print(
                f"{report.reworded:,} of them {'was' if report.reworded == 1 else 'were'} "
                "filed before: placed again because a re-import changed "
                f"{'its' if report.reworded == 1 else 'their'} words."
            )
    console.print(f"{report.items:,} evidence items: {found_line(report)}")
    left = report.considered - report.placed
    if report.mode != "rebuild" and report.new_topic:
        console.print(
            f"{left:,} of the {report.considered:,} items fit no theme, and unsorted is now "
            f"{report.unsorted_share:.1%} of the evidence; {report.new_topic:,} of them, which "
            "arrived since the last rebuild, say the same thing and no theme covers it: a new "
            "topic, left unsorted "
            "(tradeoff evidence --unsorted lists them). tradeoff analyze --rebuild makes it "
            "a theme; ids and your edits are kept."
        )
    elif report.mode != "rebuild" and left and report.unsorted_share > UNSORTED_TARGET:
        console.print(
            f"{left:,} of the {report.considered:,} items fit no theme, and unsorted is now "
            f"{report.unsorted_share:.1%} of the evidence: a new topic may be among them "
            "(tradeoff evidence --unsorted lists them). tradeoff analyze --rebuild finds "
            "themes among them; ids and your edits are kept."
        )
    if report.mode == "rebuild":
        _say_kept_edits(engine)
    _say_names_to_check(report)
    _say_retired_names(report)
    if report.items == 0:
        console.print("Nothing to analyse yet: import evidence first (see tradeoff import --help).")
    else:
        console.print("Next: tradeoff themes")


def _say_kept_edits(engine: Engine) -> None:
    """After a rebuild, one line of the person's edits it kept (``cli.kept_edits``)."""
    with read_session(engine) as session:
        line = kept_edits(session).line()
    if line:
        console.print(line)


def _say_names_to_check(report: AnalysisReport) -> None:
    """Each theme whose person-given name the rebuilds kept while moving most of its items
    (at once or a little at each), with its figures since the name was given and the
    commands that settle it (``storage.theme_name_checks``)."""
    checks = report.names_to_check
    if not checks:
        return
    one = len(checks) == 1
    console.print(
        f"{plural(len(checks), 'theme name')} to check: the rebuilds since you named "
        f"{'it' if one else 'them'} kept {'the name' if one else 'the names'} but moved most "
        f"of {'its' if one else 'their'} items:"
    )
    for check in checks:
        console.print(
            f'  theme {check.theme_id} "{check.name}": {since_named_words(check)}. Keep the name: '
            f"tradeoff pin {check.theme_id}; or rename it: "
            f'tradeoff rename {check.theme_id} "NEW NAME"'
        )


def _say_retired_names(report: AnalysisReport) -> None:
    """Each theme with a person's name that the rebuild retired, where its items went, and
    ``tradeoff restore ID`` that brings it back: a person's edit never disappears without
    a word."""
    retired = report.retired_names
    if not retired:
        return
    count = len(retired)
    console.print(
        f"{plural(count, 'theme')} with a name a person gave {'was' if count == 1 else 'were'} "
        f"retired: no theme the rebuild found holds enough of {its(count)} items to carry "
        f"{'it' if count == 1 else 'them'} on:"
    )
    for theme in retired:
        said, commands = retired_words(theme)
        console.print(f"  {said}")
        for command in commands:  # one line each, never wrapped: copied, it runs
            console.print(f"    {command}", soft_wrap=True)


class EvidenceFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


def evidence(
    ctx: typer.Context,
    output_format: Annotated[
        EvidenceFormat, typer.Option("--format", help="csv or jsonl.")
    ] = EvidenceFormat.CSV,
    unsorted: Annotated[
        bool,
        typer.Option(
            "--unsorted",
            help="Only the items no theme fits well enough (and those that say nothing).",
        ),
    ] = False,
) -> None:
    """Every evidence item with its external id, its theme and sub-theme, and its text.

    Unsorted items have empty theme fields (an item with no letter or digit, such as an
    emoji-only reaction, or only a placeholder such as "test" or "asdf", is always
    unsorted, and so is an out-of-office reply, a help desk's notice such as "This ticket was
    closed automatically…", a bounce, a vendor's pitch, or a reply that only manages the thread
    such as "Thanks, that fixed it! You can close this."); --unsorted lists only them, so
    nothing the engine could not place is hidden. CSV cells that a spreadsheet would run as
    a formula are prefixed with a quote.

    Example: tradeoff evidence --unsorted --format jsonl > unsorted.jsonl
    """
    engine = open_workspace(ctx)
    with read_session(engine) as session:
        filed = filed_evidence(session)
    if unsorted:
        filed = [item for item in filed if item.theme_id is None]
    if output_format is EvidenceFormat.JSONL:
        for item in filed:
            sys.stdout.write(json.dumps(asdict(item), ensure_ascii=False) + "\n")
        return
    names = [f.name for f in fields(FiledEvidence)]
    write_rows(sys.stdout, names, ([getattr(item, n) for n in names] for item in filed))


def register(app: typer.Typer) -> None:
    app.command()(analyze)
    app.command()(evidence)


def found_line(report: AnalysisReport) -> str:
    """What an analysis left: themes, sub-themes and unsorted items, sellers' notes apart."""
    notes = f" ({notes_apart(report.unsorted_notes)})" if report.unsorted_notes else ""
    return (
        f"{report.themes:,} themes, {report.subthemes:,} sub-themes, "
        f"{report.unsorted:,} unsorted{notes}."
    )
