"""The web app's settings, built by a function for one app, never at import."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class WebSettings:
    database_url: str
    #: True: always mark cookies Secure; False: never (plain-HTTP tests); None: Secure exactly
    #: when the request came over HTTPS (uvicorn honours X-Forwarded-Proto from its proxy).
    secure_cookies: bool | None = None
    #: A session ends this long after login, however busy it is.
    session_lifetime: timedelta = timedelta(days=14)
    #: ... or after this long without a request.
    session_idle: timedelta = timedelta(days=2)
    #: Failed logins allowed per email and client address within ``login_window``.
    login_failures_allowed: int = 5
    login_window: timedelta = timedelta(minutes=15)


def load_web_settings(database_url: str, *, secure_cookies: bool | None = None) -> WebSettings:
    """Settings for one app.

    >>> load_web_settings("sqlite:///tradeoff.db").login_failures_allowed
    5
    """
    return WebSettings(database_url=database_url, secure_cookies=secure_cookies)
