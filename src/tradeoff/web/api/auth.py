"""Who is calling the API: a bearer token, or a signed-in browser for reads only.

Tokens are ``tro_`` plus 256 random bits; the database keeps their SHA-256 and the first
characters, so a backup holds no usable token and a person can still tell tokens apart.
A request that carries a session cookie is a browser, and a browser's writes need the
session's CSRF token even when it also sends a bearer token (SECURITY-NOTES: a bearer token
skips CSRF only when no session cookie is sent).
"""

from __future__ import annotations

import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from tradeoff.domain.rules import now_utc, required_text
from tradeoff.domain.users import Role, User
from tradeoff.errors import NotFound
from tradeoff.storage import users
from tradeoff.storage.session import read_session, write_session
from tradeoff.web.auth import digest, signed_in
from tradeoff.web.deps import EngineDep, SettingsDep, cookie_name
from tradeoff.web.security import SAFE_METHODS

log = logging.getLogger("tradeoff.web.api")

TOKEN_PREFIX = "tro_"  # noqa: S105 - a public marker, not a secret
#: What is stored to tell tokens apart: ``tro_`` and 4 random characters (24 bits, public).
VISIBLE = len(TOKEN_PREFIX) + 4
SESSION_COOKIES = ("tradeoff_session", "__Host-tradeoff_session")
CSRF_HEADER = "X-CSRF-Token"


def issue_token(engine: Engine, email: str, name: str) -> tuple[str, users.ApiToken]:
    """A new token for ``email``'s account: (the token, shown once; what is stored)."""
    name = required_text("name", name)[:200]
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with write_session(engine) as session:
        user = users.find_user(session, email)
        if user is None or user.id is None:
            raise NotFound(f"no user with the email {email}")
        stored = users.create_token(
            session, user.id, name, token[:VISIBLE], digest(token), now_utc()
        )
    log.info("API token %d (%s) created for %s", stored.id, stored.prefix, stored.email)
    return token, stored


@dataclass(frozen=True)
class Caller:
    """Whoever the API serves: the user, and the token id when it came by token."""

    user: User
    token_id: int | None


bearer = HTTPBearer(auto_error=False, description="An API token: tradeoff token create")


def _refused(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


def by_token(engine: Engine, token: str, now: datetime) -> Caller | None:
    """The token's live user; last use is written at most once a minute (SQLite's lock)."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    with read_session(engine) as session:
        found = users.find_by_token_hash(session, digest(token))
    if found is None:
        return None
    stored, user = found
    if stored.last_used_at is None or (now - stored.last_used_at).total_seconds() > 60:
        with write_session(engine) as session:
            users.touch_token(session, stored.id, now)
    return Caller(user=user, token_id=stored.id)


def current_caller(
    request: Request,
    engine: EngineDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Caller:
    """Bearer token first; a session cookie only for reads; writes with a cookie need CSRF."""
    browser = signed_in(engine, settings, request.cookies.get(cookie_name(request, settings)))
    writing = request.method not in SAFE_METHODS
    if writing and any(name in request.cookies for name in SESSION_COOKIES):
        sent = request.headers.get(CSRF_HEADER, "")
        expected = browser[0].csrf_token if browser else ""
        if not expected or not hmac.compare_digest(sent, expected):
            raise HTTPException(403, f"A browser's write needs the {CSRF_HEADER} header.")
    if credentials is not None:
        caller = by_token(engine, credentials.credentials, now_utc())
        if caller is None:
            raise _refused("The API token is unknown, revoked, or its user is disabled.")
        return caller
    if browser is not None and not writing:
        return Caller(user=browser[1], token_id=None)
    raise _refused("Send an API token: Authorization: Bearer tro_...")


CurrentCaller = Annotated[Caller, Depends(current_caller)]


def require(role: Role) -> Any:
    """The API's twin of ``web.deps.require``: the same ``Role.allows`` rule, JSON errors."""

    def admitted(caller: CurrentCaller) -> Caller:
        if not caller.user.role.allows(role):
            raise HTTPException(403, f"This needs the {role.value} role.")
        return caller

    return Depends(admitted)


ApiViewer = Annotated[Caller, require(Role.VIEWER)]
ApiEditor = Annotated[Caller, require(Role.EDITOR)]
