"""The app factory: one FastAPI app for one workspace, built on demand, never at import.

>>> app = create_app("sqlite:///tradeoff.db")  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import Conflict, NotFound, TradeoffError
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import ensure_current
from tradeoff.web.api import PREFIX as API_PREFIX
from tradeoff.web.api import build_api
from tradeoff.web.deps import LoginRequired
from tradeoff.web.home_snapshot import home_lookup
from tradeoff.web.routes import (
    assumptions,
    briefs,
    competitors,
    decisions,
    evidence,
    experiments,
    login,
    opportunities,
    pages,
    practice,
    problems,
    sales,
    themes,
    users,
)
from tradeoff.web.routes import settings as settings_pages
from tradeoff.web.security import security_middleware
from tradeoff.web.settings import load_web_settings
from tradeoff.web.templating import build_environment, render
from tradeoff.web.theme_figures import theme_list_lookup

log = logging.getLogger("tradeoff.web")

#: Our named errors become HTTP statuses here and only here.
STATUS_FOR: list[tuple[type[Exception], int]] = [
    (NotFound, 404),
    (Conflict, 409),
    (RuleViolation, 400),
    (TradeoffError, 400),
]


def create_app(
    database_url: str, *, secure_cookies: bool | None = None, background: bool = True
) -> FastAPI:
    """An app serving the workspace at ``database_url``; refuses a missing or outdated one.

    With ``background`` (the server's way) slow figures are recomputed in worker threads
    while pages show the previous ones, and home and the theme list start computing when the
    server starts; without it a page computes them before answering (tests that compare
    figures right after a change)."""
    settings = load_web_settings(database_url, secure_cookies=secure_cookies)
    engine = open_engine(settings.database_url, must_exist=True)
    ensure_current(engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if background:
            home_lookup(engine)
            theme_list_lookup(engine)
        yield
        engine.dispose()

    app = FastAPI(
        title="Tradeoff",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.engine = engine
    app.state.background = background
    app.state.settings = settings
    app.state.templates = build_environment()
    app.middleware("http")(security_middleware)
    static = files("tradeoff.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for router in (
        login.router,
        pages.router,
        themes.router,
        users.router,
        evidence.router,
        problems.router,
        opportunities.router,
        decisions.router,
        briefs.router,
        settings_pages.router,
        sales.router,
        competitors.router,
        assumptions.router,
        experiments.router,
        practice.router,
    ):
        app.include_router(router)
    app.mount(API_PREFIX, build_api(app))
    _add_error_pages(app)
    return app


def _add_error_pages(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if request.method == "GET":
            return RedirectResponse("/login", status_code=303)
        return render(request, "error.html", _error(401, "Please log in."), status_code=401)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if exc.status_code in (403, 429) else _DEFAULT.get(exc.status_code)
        return render(
            request,
            "error.html",
            _error(exc.status_code, str(message or "Something went wrong.")),
            status_code=exc.status_code,
        )

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return render(request, "error.html", _error(400, _DEFAULT[400]), status_code=400)

    async def named_error(request: Request, exc: Exception) -> Response:
        status = next(s for kind, s in STATUS_FOR if isinstance(exc, kind))
        return render(request, "error.html", _error(status, str(exc)), status_code=status)

    app.add_exception_handler(TradeoffError, named_error)
    app.add_exception_handler(RuleViolation, named_error)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        """A page, never a traceback: the details go to the server log only."""
        log.exception("internal error on %s %s", request.method, request.url.path)
        message = "Internal error: a bug in Tradeoff. The details are in the server log."
        return render(request, "error.html", _error(500, message), status_code=500)


_DEFAULT = {
    400: "The request was not understood.",
    401: "Please log in.",
    404: "There is no such page.",
    405: "That page does not accept this kind of request.",
}


def _error(status: int, message: str) -> dict[str, object]:
    return {"status": status, "message": message}
