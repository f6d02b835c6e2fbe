"""``tradeoff token``: API tokens for scripts, created and revoked from the terminal.

The token is printed once, on its own line on stdout (so ``$(...)`` can capture it); the
workspace keeps only its SHA-256 and a short prefix, so it cannot be shown again.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tradeoff.cli.context import console, err_console, open_workspace
from tradeoff.domain.rules import now_utc
from tradeoff.storage import users
from tradeoff.storage.session import read_session, write_session
from tradeoff.web.api.auth import issue_token

token_app = typer.Typer(
    help="API tokens for /api/v1: create, list and revoke.", no_args_is_help=True
)


@token_app.command("create")
def create(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The user the token acts as, with their role.")],
    name: Annotated[
        str, typer.Option("--name", help="What the token is for, to tell tokens apart.")
    ],
) -> None:
    """Create an API token acting as EMAIL's account (and role). The token is printed once
    on stdout; only its SHA-256 is stored. Send it as: Authorization: Bearer TOKEN

    Example: tradeoff token create ana@example.com --name "CI export"
    """
    engine = open_workspace(ctx)
    token, stored = issue_token(engine, email, name)
    sys.stdout.write(token + "\n")
    sys.stdout.flush()
    err_console.print(
        f"Token {stored.id} ({stored.prefix}...) for {stored.email}: copy it now, "
        "it is not shown again."
    )


@token_app.command("list")
def list_(ctx: typer.Context) -> None:
    """List API tokens: id, prefix, user, name, created, last used, and revoked if so.

    Example: tradeoff token list
    """
    engine = open_workspace(ctx)
    with read_session(engine) as session:
        tokens = users.list_tokens(session)
    if not tokens:
        console.print('No API tokens yet: tradeoff token create EMAIL --name "CI export"')
        return
    for t in tokens:
        used = t.last_used_at.strftime("%Y-%m-%d %H:%M") if t.last_used_at else "never used"
        state = f"revoked {t.revoked_at:%Y-%m-%d}" if t.revoked_at else "active"
        created = f"{t.created_at:%Y-%m-%d}"
        console.print(f"{t.id}  {t.prefix}...  {t.email}  {t.name}  {created}  {used}  {state}")


@token_app.command("revoke")
def revoke(
    ctx: typer.Context,
    token_id: Annotated[int, typer.Argument(help="The token's id (see tradeoff token list).")],
) -> None:
    """Revoke an API token: requests sending it are refused (401) from now on.

    Example: tradeoff token revoke 3
    """
    engine = open_workspace(ctx)
    with write_session(engine) as session:
        stored = users.revoke_token(session, token_id, now_utc())
    console.print(f"Revoked token {stored.id} ({stored.prefix}...) of {stored.email}.")


def register(app: typer.Typer) -> None:
    app.add_typer(token_app, name="token")
