"""Rendering pages: one Jinja2 environment with autoescape on for every template.

Customer text is never marked safe; templates put it in ``hx-disable`` containers so htmx
would not act on attributes smuggled into it either.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment
from markupsafe import Markup

from tradeoff import __version__, wording
from tradeoff.analysis.business.money import Money
from tradeoff.analysis.business.money_words import (
    NO_AMOUNT,
    Counted,
    at_stake,
    counts_of,
    deals_money,
)
from tradeoff.domain.users import Role
from tradeoff.reports.escaping import escaping_environment
from tradeoff.web.deps import Signed
from tradeoff.wording import plural


def build_environment() -> Environment:
    environment = escaping_environment("tradeoff.web")
    environment.globals["percent"] = percent
    environment.globals["plural"] = plural
    environment.globals["money_cell"] = money_cell
    environment.globals["money_words"] = money_words
    environment.globals["at_stake"] = at_stake
    environment.filters["partner_off_command"] = partner_off_command
    return environment


def partner_off_command(name: str) -> Markup:
    """``tradeoff competitor-partner NAME --off`` for a reader to paste into a shell, the
    name quoted as ``wording.named_command`` quotes it (after ``--`` when it starts with
    ``-``); escaped for HTML text, where the quoting apostrophes need no escape and read as
    typed."""
    command = wording.named_command("tradeoff competitor-partner", name, "--off")
    return Markup("'").join(command.split("'"))


def percent(share: float | None) -> str:
    """A share as the CLI shows it: a whole percentage, or a dash when there is no data."""
    return "–" if share is None else f"{share:.0%}"


def money_cell(value: Money | Counted, deals: int = 0, priced: int = 0) -> str:
    """A money cell of a list page: the sum as ``Money`` says it (``USD 250,000.00``, ``JPY
    30,000,000.00 (no rate)`` when nothing could be converted), or "– (no amount)" when
    none of the deals or accounts behind it has an amount: never a "USD 0.00" that reads as
    nothing at stake. A demand figure brings its own counts; a plain ``Money`` is given
    them. A sum over no record is a real zero."""
    total, deals, priced = counts_of(value, deals, priced)
    return NO_AMOUNT if deals and not priced else str(total)


def money_words(value: Counted, noun: str = "deal") -> str:
    """A demand figure in a sentence (``money_words.deals_money``): "no amount" when none of
    its records has one, else the sum and how many of them (each a ``noun``) it leaves out."""
    total, records, priced = counts_of(value)
    return deals_money(total, records, priced, noun)


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
