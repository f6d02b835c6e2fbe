"""The HTTP API: a FastAPI sub-application mounted at ``/api/v1``.

A separate application, not a router, so that it has its own OpenAPI schema
(``/api/v1/openapi.json``, listing only API paths) and its own error handlers: every error
here is JSON ``{"detail": ...}``, while the main app keeps rendering HTML error pages. The
main app's security middleware still wraps it, so the headers and the cross-site refusal
apply to the API too.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import Conflict, NotFound, TradeoffError
from tradeoff.web.api import evidence, planning, themes

log = logging.getLogger("tradeoff.web.api")
PREFIX = "/api/v1"

#: As the pages' ``STATUS_FOR``, except that a rule broken by the input is a 422 here.
STATUS_FOR: list[tuple[type[Exception], int]] = [
    (NotFound, 404),
    (Conflict, 409),
    (RuleViolation, 422),
    (TradeoffError, 400),
]


def build_api(parent: FastAPI) -> FastAPI:
    """The API for ``parent``'s workspace; mount it with ``parent.mount(PREFIX, ...)``."""
    api = FastAPI(
        title="Tradeoff API",
        version="1",
        description="Read the workspace and rename themes. Authenticate with "
        "`Authorization: Bearer tro_...` (create a token with `tradeoff token create`).",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    # Dependencies read ``request.app.state``, which inside a mount is this app's.
    api.state.engine = parent.state.engine
    api.state.settings = parent.state.settings
    for router in (themes.router, evidence.router, planning.router):
        api.include_router(router)
    _add_json_errors(api)
    return api


def _add_json_errors(api: FastAPI) -> None:
    async def named_error(request: Request, exc: Exception) -> Response:
        status = next(s for kind, s in STATUS_FOR if isinstance(exc, kind))
        return JSONResponse({"detail": str(exc)}, status_code=status)

    api.add_exception_handler(TradeoffError, named_error)
    api.add_exception_handler(RuleViolation, named_error)

    @api.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        """JSON, never a traceback: the details go to the server log only."""
        log.exception("internal error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "Internal error: a bug in Tradeoff."}, status_code=500)
