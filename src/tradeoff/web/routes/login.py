"""The login form, logging in, and logging out.

The login form is posted before any session exists, so its CSRF token is a double-submit
cookie; the Origin / Sec-Fetch-Site check in ``web.security`` applies to it as to every write.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse

from tradeoff.web.auth import LoginRefused, TooManyAttempts, log_in, log_out
from tradeoff.web.deps import (
    CheckedForm,
    CurrentSession,
    EngineDep,
    SettingsDep,
    cookie_name,
    is_secure,
)
from tradeoff.web.settings import WebSettings
from tradeoff.web.templating import render

router = APIRouter()

LOGIN_CSRF = "tradeoff_login_csrf"


def _login_page(
    request: Request, settings: WebSettings, message: str | None = None, status_code: int = 200
) -> Response:
    token = secrets.token_urlsafe(32)
    page = render(
        request,
        "login.html",
        {"login_token": token, "message": message},
        status_code=status_code,
    )
    page.set_cookie(
        cookie_name(request, settings, LOGIN_CSRF),
        token,
        httponly=True,
        samesite="lax",
        secure=is_secure(request, settings),
        path="/",
    )
    return page


@router.get("/login")
def login_form(request: Request, settings: SettingsDep) -> Response:
    return _login_page(request, settings)


@router.post("/login")
def login(
    request: Request,
    engine: EngineDep,
    settings: SettingsDep,
    email: Annotated[str, Form(max_length=400)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    expected = request.cookies.get(cookie_name(request, settings, LOGIN_CSRF), "")
    if not expected or not hmac.compare_digest(csrf_token, expected):
        message = "The login form had expired. Please try again."
        return _login_page(request, settings, message, status_code=403)
    client = request.client.host if request.client else "unknown"
    try:
        token, _session = log_in(engine, settings, email, password, client)
    except TooManyAttempts as exc:
        return _login_page(request, settings, exc.message, status_code=429)
    except LoginRefused as exc:
        return _login_page(request, settings, exc.message, status_code=400)
    # A new session id at every login; the one the browser had (if any) ends here.
    previous = request.cookies.get(cookie_name(request, settings))
    if previous:
        log_out(engine, previous)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        cookie_name(request, settings),
        token,
        max_age=int(settings.session_lifetime.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=is_secure(request, settings),
        path="/",
    )
    response.delete_cookie(cookie_name(request, settings, LOGIN_CSRF), path="/")
    return response


@router.post("/logout")
def logout(
    request: Request,
    engine: EngineDep,
    settings: SettingsDep,
    signed: CurrentSession,
    form: CheckedForm,
) -> Response:
    name = cookie_name(request, settings)
    log_out(engine, request.cookies.get(name, ""))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(name, path="/", secure=is_secure(request, settings), httponly=True)
    return response
