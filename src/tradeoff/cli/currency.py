"""``tradeoff currency set CODE RATE`` and ``tradeoff currency list``: the rates the user gives.

Tradeoff never fetches rates: a figure mixing currencies is converted with these, or says
which currency it could not convert.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from tradeoff.cli.context import console, open_workspace
from tradeoff.storage.currency import (
    base_currency,
    delete_rate,
    rates,
    set_rate_text,
    unusable_rates,
)
from tradeoff.storage.demand_money import currencies_in_use
from tradeoff.storage.session import read_session, write_session

currency_app = typer.Typer(
    help="Currency rates you give, to convert amounts into the workspace's base currency.",
    no_args_is_help=True,
)


# A negative rate ("-1") is an argument to refuse in our words, not an unknown option.
@currency_app.command("set", context_settings={"ignore_unknown_options": True})
def set_command(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Three-letter currency code, e.g. GBP.")],
    rate: Annotated[str, typer.Argument(help="What one unit is worth in the base currency.")],
) -> None:
    """Add or replace the rate of one currency: one CODE is worth RATE of the base currency.

    Example: tradeoff currency set GBP 1.27
    """
    engine = open_workspace(ctx)
    with write_session(engine) as session:
        given = set_rate_text(session, code, rate)
        base = base_currency(session)
    console.print(f"1 {given.currency} = {given.per_base:f} {base}")


@currency_app.command("delete")
def delete_command(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Three-letter currency code, e.g. GBP.")],
) -> None:
    """Forget one currency's rate: its amounts are shown unconverted again, never guessed.

    Example: tradeoff currency delete JPY
    """
    engine = open_workspace(ctx)
    with write_session(engine) as session:
        delete_rate(session, code.strip().upper())
    console.print(f"removed the rate of {code.strip().upper()}")


@currency_app.command("list")
def list_command(ctx: typer.Context) -> None:
    """List the base currency, the rates given, and the currencies in use with no rate.

    Example: tradeoff currency list
    """
    engine = open_workspace(ctx)
    with read_session(engine) as session:
        base, known, used = base_currency(session), rates(session), currencies_in_use(session)
        unusable = unusable_rates(session)
    console.print(f"base currency: {base}")
    table = Table("currency", f"1 unit in {base}", show_edge=False)
    for code in sorted(known):
        table.add_row(code, f"{known[code]:f}")
    if known:
        console.print(table)
    for code in sorted(unusable):
        console.print(
            f"the stored rate of {code} ({unusable[code]:f}) is not a usable rate: its amounts "
            f"are reported unconverted until it is set again (tradeoff currency set {code} RATE)"
        )
    missing = sorted(used - set(known) - set(unusable) - {base})
    if missing:
        console.print(
            f"no rate for {', '.join(missing)}: amounts in them are reported, not added "
            f"(tradeoff currency set {missing[0]} RATE)"
        )


def register(app: typer.Typer) -> None:
    app.add_typer(currency_app, name="currency")
