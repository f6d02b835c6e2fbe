"""``tradeoff import SOURCE PATH``, ``tradeoff import undo`` and ``tradeoff imports``.

One command per importer, generated from the registry: each gets the options every import
takes plus the importer's own, so a new source needs no CLI code.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from tradeoff.cli.context import console, open_workspace
from tradeoff.importers.base import Importer
from tradeoff.importers.batch import ImportReport
from tradeoff.importers.mapping import load_mapping_file, parse_map_option
from tradeoff.importers.registry import IMPORTERS, run
from tradeoff.importers.textfile import ProgressCallback
from tradeoff.importers.undo import undo_import
from tradeoff.storage.imports import list_batches
from tradeoff.storage.session import read_session
from tradeoff.wording import plural

import_app = typer.Typer(
    help="Import another tool's export. Re-importing updates in place and never duplicates.",
    no_args_is_help=True,
)


def progress_bar() -> Progress:
    """A bar while a file is read, only where someone watches it: off a terminal (a pipe, a
    log, a test) rich would print nothing but a blank line when it stops, and that blank
    line would open every import's summary."""
    return Progress(
        "{task.description}",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_interactive,
    )


def tracked(progress: Progress, description: str) -> ProgressCallback:
    task = progress.add_task(description, total=None)

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    return update


def print_report(report: ImportReport) -> None:
    if report.already_imported:
        console.print(
            f"{report.file_name}: already imported as batch {report.batch_id} with the same "
            f"content and mapping; nothing changed ({plural(report.unchanged, 'record')})."
        )
        return
    if report.nothing_changed and not report.unchanged:
        console.print(
            f"{report.file_name}: no records in it to import (only a header, or nothing "
            "the importer reads as evidence); nothing changed."
        )
        return
    if report.nothing_changed:
        every = (
            "its one record is"
            if report.unchanged == 1
            else f"every one of its {report.unchanged:,} records is"
        )
        console.print(
            f"{report.file_name}: {every} already in the workspace as it says; nothing changed."
        )
        return
    found = []
    if report.encoding:
        found.append(report.encoding)
    if report.delimiter:
        found.append(f"delimiter {report.delimiter!r}")
    console.print(
        f"Imported {report.file_name} as {report.source} (batch {report.batch_id}"
        + (f", {', '.join(found)}" if found else "")
        + f"): {report.inserted:,} inserted, {report.updated:,} updated, "
        f"{report.unchanged:,} unchanged, {report.rejected:,} rejected."
    )
    if len(report.by_entity) > 1:
        for entity, outcomes in report.by_entity.items():
            shown = ", ".join(f"{n:,} {outcome}" for outcome, n in outcomes.items())
            console.print(f"  {entity}: {shown}")
    for note in report.deal_notes:
        console.print(Text(f"  note: {note}"), soft_wrap=True)
    if report.created_accounts or report.created_people:
        console.print(
            f"New accounts: {report.created_accounts:,}; new people: {report.created_people:,}."
        )
    if report.duplicates_linked:
        console.print(
            f"Linked {plural(report.duplicates_linked, 'item')} as copies of evidence already "
            "here (counted once in demand)."
        )
    if report.unknown_account_ids:
        console.print(
            f"{plural(report.unknown_account_ids, 'account id')} named by these records "
            "matched no account here: import that source's accounts first, then re-run "
            "this import to link them."
        )
    if report.rejects_file is not None:
        # A path is copied, not read: never wrapped, never parsed as markup.
        console.print(Text(f"Rejected rows and reasons: {report.rejects_file}"), soft_wrap=True)


def _command_for(source_importer: Importer) -> Any:
    def command(ctx: typer.Context, **kwargs: Any) -> None:
        columns = load_mapping_file(kwargs.pop("mapping")) if kwargs.get("mapping") else {}
        kwargs.pop("mapping", None)
        if kwargs.get("map_"):
            columns.update(parse_map_option(kwargs["map_"]))
        kwargs.pop("map_", None)
        path: Path = kwargs.pop("path")
        source = kwargs.pop("source")
        mode = kwargs.pop("mode")
        skip_bad_rows = kwargs.pop("skip_bad_rows")
        names = {o.name.replace("-", "_"): o.name for o in source_importer.options}
        options = {names[k]: str(v) for k, v in kwargs.items() if v is not None and k in names}
        engine = open_workspace(ctx)
        with progress_bar() as progress:
            report = run(
                engine,
                source_importer,
                path,
                columns=columns,
                options=options,
                source=source,
                mode=mode,
                skip_bad_rows=skip_bad_rows,
                on_progress=tracked(progress, f"Importing {path.name}"),
            )
        print_report(report)

    params = [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context),
        _param(
            "path",
            Path,
            typer.Argument(
                help="The export folder." if source_importer.accepts_folder else "The export file.",
                show_default=False,
                metavar="PATH",
            ),
            inspect.Parameter.empty,
        ),
        _param(
            "map_",
            str | None,
            typer.Option(
                "--map", help="FIELD=COLUMN pairs, comma-separated: which column feeds which field."
            ),
        ),
        _param(
            "mapping",
            Path | None,
            typer.Option(help='A TOML file with a [map] table of field = "column" pairs.'),
        ),
        _param(
            "source",
            str | None,
            typer.Option(
                help=f"Source system name stored on records (default: {source_importer.source})."
            ),
        ),
        _param("mode", str | None, typer.Option(help="observed or stated, for every item.")),
        _param(
            "skip_bad_rows",
            bool,
            typer.Option(
                "--skip-bad-rows",
                help="Import the good rows; write the bad ones, with reasons, to FILE.rejects.csv.",
            ),
            False,
        ),
    ]
    for option in source_importer.options:
        params.append(
            _param(
                option.name.replace("-", "_"),
                Path | None if option.is_path else str | None,
                typer.Option(f"--{option.name}", help=option.help),
            )
        )
    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__doc__ = f"{source_importer.summary}\n\nExample: {source_importer.example}"
    command.__name__ = f"import_{source_importer.name.replace('-', '_')}"
    return command


def _param(name: str, kind: Any, info: Any, default: Any = None) -> inspect.Parameter:
    return inspect.Parameter(
        name,
        inspect.Parameter.KEYWORD_ONLY,
        default=default,
        annotation=Annotated[kind, info],
    )


def undo(
    ctx: typer.Context,
    batch: Annotated[int, typer.Argument(help="The import's batch number (see tradeoff imports).")],
) -> None:
    """Undo one import: remove what it inserted and restore what it updated.

    Example: tradeoff import undo 12
    """
    report = undo_import(open_workspace(ctx), batch)
    console.print(
        f"Undid import {report.batch_id}: removed {plural(report.deleted, 'record')}, "
        f"restored {report.restored:,}."
    )


def imports(ctx: typer.Context) -> None:
    """List every import: source, file, when, counts, and whether it was undone.

    Example: tradeoff imports
    """
    engine = open_workspace(ctx)
    with read_session(engine) as session:
        batches = list_batches(session)
    table = Table("batch", "source", "file", "imported", "inserted", "updated", "unchanged",
                  "rejected", "status", show_edge=False)  # fmt: skip
    for b in batches:
        table.add_row(
            str(b.id),
            b.source,
            b.file_name,
            f"{b.started_at:%Y-%m-%d %H:%M}",
            f"{b.inserted:,}",
            f"{b.updated:,}",
            f"{b.unchanged:,}",
            f"{b.rejected:,}",
            b.status.value,
        )
    console.print(table if batches else "No imports yet.")


def register(app: typer.Typer) -> None:
    for name, source_importer in IMPORTERS.items():
        import_app.command(name)(_command_for(source_importer))
    import_app.command("undo")(undo)
    app.add_typer(import_app, name="import")
    app.command("imports")(imports)
