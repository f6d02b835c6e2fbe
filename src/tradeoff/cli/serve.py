"""``tradeoff serve``: the web app on the current workspace."""

from __future__ import annotations

from typing import Annotated

import typer

from tradeoff.cli.context import console, open_workspace, state
from tradeoff.errors import ConfigError
from tradeoff.storage import users
from tradeoff.storage.session import read_session


def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 0.0.0.0 exposes it to the network.")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)
    ] = 8000,
) -> None:
    """Start the web app on this workspace. It needs an admin account first (tradeoff user
    add). Put it behind an HTTPS proxy before exposing it beyond this machine: cookies are
    marked Secure when the proxy says the request came over HTTPS.

    Example: tradeoff serve --port 8000
    """
    engine = open_workspace(ctx)
    with read_session(engine) as session:
        admins = users.count_active_admins(session)
    engine.dispose()
    if admins == 0:
        raise ConfigError(
            "no admin account yet: create one with tradeoff user add you@example.com --role admin"
        )
    import uvicorn  # here, so that every other command starts without loading the server

    from tradeoff.web.app import create_app

    console.print(f"Tradeoff is serving http://{host}:{port}/ (Ctrl+C stops it)")
    uvicorn.run(create_app(state(ctx).url), host=host, port=port, proxy_headers=True)


def register(app: typer.Typer) -> None:
    app.command()(serve)
