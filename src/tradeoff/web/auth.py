"""Logging in and out: the rate limit, the one refusal message, and session ids.

The cookie carries a random token; the database keeps only its SHA-256, so a copy of the
workspace (a backup, a stolen disk) does not contain live sessions.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import datetime

from sqlalchemy import Engine

from tradeoff.domain.rules import RuleViolation, now_utc
from tradeoff.domain.users import MAX_PASSWORD_LENGTH, User, WebSession, normalise_email
from tradeoff.errors import TradeoffError
from tradeoff.storage import users
from tradeoff.storage.session import read_session, write_session
from tradeoff.web.passwords import hash_password, needs_rehash, verify_password
from tradeoff.web.settings import WebSettings

log = logging.getLogger("tradeoff.web.auth")

#: One message for an unknown email and a wrong password: no user enumeration (ASVS 6.3.8).
LOGIN_REFUSED = "That email and password do not match an active account."


class LoginRefused(TradeoffError):
    """Wrong email, wrong password or a disabled account: the caller cannot tell which."""

    def __init__(self) -> None:
        super().__init__(LOGIN_REFUSED)


class TooManyAttempts(TradeoffError):
    def __init__(self, minutes: int) -> None:
        super().__init__(
            f"Too many failed logins for this email from your address. "
            f"Wait {minutes} minutes and try again."
        )


def digest(token: str) -> str:
    """What the database stores for a cookie value."""
    return hashlib.sha256(token.encode()).hexdigest()


def log_in(
    engine: Engine, settings: WebSettings, email: str, password: str, client: str
) -> tuple[str, WebSession]:
    """Checks the password and starts a fresh session: (cookie value, session).

    Failures are counted per email and client address; past the limit every attempt is
    refused before the password is even checked, so guessing cannot continue.
    """
    now = now_utc()
    try:
        key = normalise_email(email)
    except RuleViolation:
        key = email.strip().casefold()[:320] or "-"
    with read_session(engine) as session:
        failures = users.failed_logins_since(session, key, client, now - settings.login_window)
        user = users.find_user(session, key) if "@" in key else None
    if failures >= settings.login_failures_allowed:
        log.warning("login refused: rate limit reached for %r from %s", key, client)
        raise TooManyAttempts(int(settings.login_window.total_seconds() // 60))
    candidate = password if len(password) <= MAX_PASSWORD_LENGTH else ""
    matches = verify_password(user.password_hash if user else None, candidate)
    if user is None or not matches or not user.active or user.id is None:
        with write_session(engine) as session:
            users.record_failed_login(session, key, client, now)
        log.warning("login failed for %r from %s", key, client)
        raise LoginRefused
    token = secrets.token_urlsafe(32)
    web_session = WebSession(
        id=digest(token),
        user_id=user.id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        last_seen_at=now,
        expires_at=now + settings.session_lifetime,
    )
    with write_session(engine) as session:
        users.forget_failed_logins(session, key, client, before=now - settings.login_window)
        users.start_session(session, web_session)
        if needs_rehash(user.password_hash):
            users.set_password_hash(session, user.id, hash_password(password))
    log.info("login: %s from %s", user.email, client)
    return token, web_session


def signed_in(
    engine: Engine, settings: WebSettings, token: str | None, now: datetime | None = None
) -> tuple[WebSession, User] | None:
    """The live session behind a cookie value, refreshing its last-seen time now and then."""
    if not token or len(token) > 200:
        return None
    now = now or now_utc()
    with read_session(engine) as session:
        found = users.live_session(session, digest(token), now)
    if found is None:
        return None
    web_session, user = found
    if now - web_session.last_seen_at > settings.session_idle:
        log_out(engine, token)
        return None
    # A write per request would contend with imports for SQLite's lock: every few minutes.
    if (now - web_session.last_seen_at).total_seconds() > 300:
        with write_session(engine) as session:
            users.touch_session(session, web_session.id, now)
    return web_session, user


def log_out(engine: Engine, token: str) -> None:
    with write_session(engine) as session:
        users.end_session(session, digest(token))
