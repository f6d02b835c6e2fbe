"""``tradeoff init``, ``tradeoff status`` and ``tradeoff db upgrade``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from tradeoff.cli.context import console, open_workspace, state
from tradeoff.config import sqlite_url_for
from tradeoff.domain.workspace import WorkspaceSettings
from tradeoff.storage import repository
from tradeoff.storage.engine import hide_password, open_engine
from tradeoff.storage.schema import current_revision, head_revision, upgrade
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.workspace import load_workspace_settings, save_workspace_settings

db_app = typer.Typer(help="Workspace schema: see and upgrade its version.", no_args_is_help=True)


def init(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(
            help="SQLite file to create (default: the --db workspace).", show_default=False
        ),
    ] = None,
    company: Annotated[
        str | None, typer.Option(help="Your company's name, shown in briefs.")
    ] = None,
    email_domain: Annotated[
        list[str] | None,
        typer.Option(
            "--email-domain",
            help="Your company's email domain (repeatable): tells your people from customers.",
        ),
    ] = None,
    currency: Annotated[
        str | None, typer.Option(help="Base currency for money figures (ISO code).")
    ] = None,
) -> None:
    """Create a workspace, or bring an existing one up to date. Safe to run twice.

    Example: tradeoff init acme.db --company Acme --email-domain acme.com
    """
    url = sqlite_url_for(path) if path else state(ctx).url
    engine = open_engine(url)
    revision = upgrade(engine)
    with write_session(engine) as session:
        settings = load_workspace_settings(session)
        settings = save_workspace_settings(
            session,
            WorkspaceSettings(
                company_name=company or settings.company_name,
                internal_email_domains=email_domain or settings.internal_email_domains,
                base_currency=currency or settings.base_currency,
            ),
        )
    console.print(f"Workspace ready at {hide_password(engine.url)} (schema {revision}).")
    console.print(
        f"Company: {settings.company_name}; our email domains: "
        f"{', '.join(settings.internal_email_domains) or 'none set'}; "
        f"base currency {settings.base_currency}."
    )
    console.print("Next: tradeoff import csv FILE --map text=COLUMN,created_at=COLUMN")


def status(ctx: typer.Context) -> None:
    """Show the workspace: where it is, its schema version, and how much of everything it holds.

    Example: tradeoff --db acme.db status
    """
    engine = open_workspace(ctx)
    with read_session(engine) as session:
        settings = load_workspace_settings(session)
        counts = repository.counts(session)
    console.print(f"Workspace: {hide_password(engine.url)}")
    console.print(f"Schema: {current_revision(engine)} (this Tradeoff: {head_revision()})")
    console.print(f"Company: {settings.company_name} ({settings.base_currency})")
    console.print(counts_table(counts))


def counts_table(counts: dict[str, int]) -> Table:
    table = Table("entity", "count", show_edge=False, pad_edge=False)
    for name, number in counts.items():
        table.add_row(name, f"{number:,}")
    return table


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Upgrade the workspace schema to this version of Tradeoff (back it up first).

    Example: tradeoff --db acme.db db upgrade
    """
    engine = open_engine(state(ctx).url, must_exist=True)
    before = current_revision(engine)
    after = upgrade(engine)
    if before == after:
        console.print(f"Already up to date (schema {after}).")
    else:
        console.print(f"Upgraded the workspace from schema {before or 'empty'} to {after}.")


@db_app.command("current")
def db_current(ctx: typer.Context) -> None:
    """Print the workspace's schema version and this code's.

    Example: tradeoff db current
    """
    engine = open_engine(state(ctx).url, must_exist=True)
    console.print(f"workspace {current_revision(engine) or 'empty'}; code {head_revision()}")


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(status)
    app.add_typer(db_app, name="db")
