"""The dependencies every route declares: the workspace, who is signed in, and their role.

Routes never check cookies or roles themselves; they declare ``Viewer``, ``Editor`` or
``Admin`` (and ``CheckedForm`` for writes), so a route without a check stands out.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from sqlalchemy import Engine
from starlette.datastructures import FormData

from tradeoff.domain.users import Role, User, WebSession
from tradeoff.web.auth import signed_in
from tradeoff.web.settings import WebSettings


class LoginRequired(Exception):
    """Nobody is signed in: pages redirect to the login form, other requests get 401."""


@dataclass(frozen=True)
class Signed:
    user: User
    session: WebSession


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def background(request: Request) -> bool:
    """Whether slow figures are recomputed in the background (the server) or before the
    page is answered (``create_app(..., background=False)``, for tests that compare)."""
    return bool(request.app.state.background)


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


EngineDep = Annotated[Engine, Depends(engine_of)]
SettingsDep = Annotated[WebSettings, Depends(settings_of)]


def is_secure(request: Request, settings: WebSettings) -> bool:
    if settings.secure_cookies is not None:
        return settings.secure_cookies
    return request.url.scheme == "https"


def cookie_name(request: Request, settings: WebSettings, base: str = "tradeoff_session") -> str:
    """``__Host-`` binds a Secure cookie to this host and path /; browsers refuse it on HTTP."""
    return f"__Host-{base}" if is_secure(request, settings) else base


def current_session(request: Request, engine: EngineDep, settings: SettingsDep) -> Signed:
    found = signed_in(engine, settings, request.cookies.get(cookie_name(request, settings)))
    if found is None:
        raise LoginRequired
    web_session, user = found
    return Signed(user=user, session=web_session)


CurrentSession = Annotated[Signed, Depends(current_session)]


def require(role: Role) -> Any:
    """A dependency that admits users whose role includes ``role`` and refuses others (403)."""

    def admitted(signed: CurrentSession) -> Signed:
        if not signed.user.role.allows(role):
            raise HTTPException(403, f"This needs the {role.value} role.")
        return signed

    return Depends(admitted)


Viewer = Annotated[Signed, require(Role.VIEWER)]
Editor = Annotated[Signed, require(Role.EDITOR)]
Admin = Annotated[Signed, require(Role.ADMIN)]


async def checked_form(request: Request, signed: CurrentSession) -> FormData:
    """The posted form, once its CSRF token matches the session's (ASVS 3.5.1)."""
    form = await request.form()
    sent = form.get("csrf_token")
    if not isinstance(sent, str) or not hmac.compare_digest(sent, signed.session.csrf_token):
        raise HTTPException(403, "The form has expired or did not come from this site.")
    return form


CheckedForm = Annotated[FormData, Depends(checked_form)]
