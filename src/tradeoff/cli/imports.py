"""``tradeoff import SOURCE PATH``: one subcommand per source, each a thin shell."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

from tradeoff.cli.context import console, open_workspace
from tradeoff.domain.enums import EvidenceKind, EvidenceMode
from tradeoff.domain.rules import member
from tradeoff.importers.batch import ImportReport, import_evidence
from tradeoff.importers.generic_csv import GenericCsvReader
from tradeoff.importers.mapping import build_mapping, load_mapping_file, parse_map_option
from tradeoff.importers.textfile import ProgressCallback

import_app = typer.Typer(
    help="Import evidence from another tool's export. Re-importing updates, never duplicates.",
    no_args_is_help=True,
)


def progress_bar() -> Progress:
    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )


def tracked(progress: Progress, description: str) -> ProgressCallback:
    task = progress.add_task(description, total=None)

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    return update


def print_report(report: ImportReport) -> None:
    console.print(
        f"Imported {report.file_name} as {report.source} (batch {report.batch_id}, "
        f"{report.encoding}): {report.inserted:,} inserted, {report.updated:,} updated, "
        f"{report.unchanged:,} unchanged, {report.rejected:,} rejected."
    )
    if report.created_accounts or report.created_people:
        console.print(
            f"New accounts: {report.created_accounts:,}; new people: {report.created_people:,}."
        )


@import_app.command("csv")
def import_csv(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The CSV file.", show_default=False)],
    map_: Annotated[
        str | None,
        typer.Option(
            "--map",
            help="FIELD=COLUMN pairs, comma-separated, e.g. "
            "text=Body,created_at=Date,external_id=Id,email=Email,account=Company.",
        ),
    ] = None,
    mapping_file: Annotated[
        Path | None,
        typer.Option("--mapping", help='A TOML file with a [map] table of field = "column".'),
    ] = None,
    source: Annotated[
        str, typer.Option(help="Name of the source system; ids are unique within it.")
    ] = "csv",
    kind: Annotated[
        str, typer.Option(help="Evidence kind when no column gives it (ticket, interview, ...).")
    ] = EvidenceKind.TICKET.value,
    mode: Annotated[
        str | None, typer.Option(help="observed or stated (default: from the kind).")
    ] = None,
) -> None:
    """Import evidence from any CSV through a column mapping.

    Example: tradeoff import csv tickets.csv --map text=Body,created_at=Date,external_id=Id
    """
    fields = load_mapping_file(mapping_file) if mapping_file else {}
    fields.update(parse_map_option(map_) if map_ else {})
    mapping = build_mapping(fields)
    default_kind = member("kind", EvidenceKind, kind)
    default_mode = member("mode", EvidenceMode, mode) if mode else None
    engine = open_workspace(ctx)
    with progress_bar() as progress:
        reader = GenericCsvReader(
            mapping,
            default_kind=default_kind,
            default_mode=default_mode,
            on_progress=tracked(progress, f"Importing {file.name}"),
        )
        report = import_evidence(
            engine, source=source, path=file, read_drafts=reader, mapping=mapping.columns
        )
    print_report(report)


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")
