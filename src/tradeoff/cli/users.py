"""``tradeoff user``: the web app's accounts, managed from the terminal.

The first admin can only come from here: the web app has no sign-up page to attack.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from tradeoff.cli.context import console, open_workspace
from tradeoff.domain.users import Role, User
from tradeoff.errors import InputError
from tradeoff.storage import users
from tradeoff.storage.session import read_session, write_session
from tradeoff.web.passwords import hash_password

user_app = typer.Typer(help="Web app accounts: add, list and disable users.", no_args_is_help=True)


class RoleChoice(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"


def _read_password(from_stdin: bool) -> str:
    """From stdin for scripts (one line), else a hidden prompt asked twice."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise InputError("no terminal to ask for a password: pass --password-stdin")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


@user_app.command("add")
def add(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The user's email; it is their login.")],
    role: Annotated[
        RoleChoice,
        typer.Option("--role", help="admin (users, settings), editor (changes data), viewer."),
    ] = RoleChoice.VIEWER,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin (scripts).")
    ] = False,
) -> None:
    """Create a web app account. The password (8 characters or more, not a common one) is
    asked twice on a terminal, or read from stdin with --password-stdin.

    Example: tradeoff user add ana@example.com --role admin
    """
    engine = open_workspace(ctx)
    password = _read_password(password_stdin)
    user = User(email=email, password_hash=hash_password(password), role=Role(role.value))
    with write_session(engine) as session:
        stored = users.add_user(session, user)
    console.print(f"Added {stored.email} ({stored.role.value}).")


@user_app.command("list")
def list_(ctx: typer.Context) -> None:
    """List the accounts: email, role, and whether each is active.

    Example: tradeoff user list
    """
    engine = open_workspace(ctx)
    with read_session(engine) as session:
        everyone = users.list_users(session)
    if not everyone:
        console.print("No users yet: tradeoff user add EMAIL --role admin")
        return
    for user in everyone:
        state = "active" if user.active else "disabled"
        console.print(f"{user.email}  {user.role.value}  {state}")


@user_app.command("disable")
def disable(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The email of the account to disable.")],
) -> None:
    """Disable an account and end its open sessions at once. Its data stays.

    Example: tradeoff user disable ana@example.com
    """
    engine = open_workspace(ctx)
    with write_session(engine) as session:
        user = users.set_active(session, email, active=False)
    console.print(f"Disabled {user.email}; their sessions have ended.")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
