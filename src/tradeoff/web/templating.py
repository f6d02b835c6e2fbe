"""Rendering pages: one Jinja2 environment with autoescape on for every template.

Customer text is never marked safe; templates put it in ``hx-disable`` containers so htmx
would not act on attributes smuggled into it either.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from tradeoff import __version__
from tradeoff.domain.users import Role
from tradeoff.reports.escaping import escaping_environment
from tradeoff.web.deps import Signed
from tradeoff.wording import plural


def build_environment() -> Environment:
    environment = escaping_environment("tradeoff.web")
    environment.globals["percent"] = percent
    environment.globals["plural"] = plural
    return environment


def percent(share: float | None) -> str:
    """A share as the CLI shows it: a whole percentage, or a dash when there is no data."""
    return "–" if share is None else f"{share:.0%}"


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    signed: Signed | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """A page in the base layout; ``signed`` fills the navigation and the forms' CSRF token."""
    environment: Environment = request.app.state.templates
    page = environment.get_template(template).render(
        request=request,
        user=signed.user if signed else None,
        can_edit=bool(signed and signed.user.role.allows(Role.EDITOR)),
        is_admin=bool(signed and signed.user.role is Role.ADMIN),
        csrf_token=signed.session.csrf_token if signed else "",
        version=__version__,
        **(context or {}),
    )
    return HTMLResponse(page, status_code=status_code)
