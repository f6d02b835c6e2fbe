"""Settings: the workspace, our email domains, API tokens and currency rates.

Every signed-in person may read the workspace and the rates (they decide every figure);
only admins change them, and only admins see the tokens. Each write is the call the
terminal makes (``storage.workspace``, ``web.api.auth.issue_token``, ``storage.currency``),
so the rules are the same; bad input comes back as the page with one line saying why.
A new token is shown once, in the answer to the POST that made it, never in a URL.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData

from tradeoff.domain.rules import RuleViolation, currency_code, now_utc
from tradeoff.domain.workspace import WorkspaceSettings, email_domain
from tradeoff.errors import InputError, TradeoffError
from tradeoff.storage import users
from tradeoff.storage.currency import base_currency, delete_rate, rates, set_rate_text
from tradeoff.storage.demand_money import currencies_in_use
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.workspace import load_workspace_settings, save_workspace_settings
from tradeoff.web.api.auth import issue_token
from tradeoff.web.deps import Admin, CheckedForm, EngineDep, Signed, Viewer
from tradeoff.web.templating import render

router = APIRouter()

#: What a bad form gets back: the page, with its one-line error.
BAD_INPUT = 400


def field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def whole_days(name: str, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InputError(f"{name} must be a whole number of days, got {text!r}") from None


# The workspace and our email domains.


def _workspace_page(
    request: Request, engine: EngineDep, signed: Signed, error: str | None = None
) -> Response:
    with read_session(engine) as session:
        settings = load_workspace_settings(session)
    context = {"settings": settings, "error": error, "section": "workspace"}
    status = BAD_INPUT if error else 200
    return render(request, "settings.html", context, signed=signed, status_code=status)


@router.get("/settings")
def workspace_settings(request: Request, engine: EngineDep, signed: Viewer) -> Response:
    return _workspace_page(request, engine, signed)


@router.post("/settings/workspace")
def save_workspace(
    request: Request, engine: EngineDep, signed: Admin, form: CheckedForm
) -> Response:
    """Company, base currency and the two windows, checked by ``WorkspaceSettings``."""
    try:
        with write_session(engine) as session:
            current = load_workspace_settings(session)
            wanted = WorkspaceSettings(
                company_name=field(form, "company_name"),
                internal_email_domains=current.internal_email_domains,
                base_currency=field(form, "base_currency"),
                demand_half_life_days=whole_days(
                    "demand half-life", field(form, "demand_half_life_days")
                ),
                churn_window_days=whole_days("churn window", field(form, "churn_window_days")),
            )
            if wanted.base_currency != current.base_currency:
                _check_new_base(rates(session), wanted.base_currency)
            save_workspace_settings(session, wanted)
    except (TradeoffError, RuleViolation) as exc:
        return _workspace_page(request, engine, signed, str(exc))
    return RedirectResponse("/settings", status_code=303)


def _check_new_base(known: dict[str, Decimal], base: str) -> None:
    """Rates are per unit of the base: a new base with a rate of its own would be converted
    by that rate, so the rate goes first (then every rate is set again in the new base)."""
    if base in known:
        raise InputError(
            f"{base} has a rate; delete it on the Currency rates page before making {base} "
            "the base currency"
        )


def domain_of(text: str) -> str:
    """An email domain as people type it (``acme.com``, ``@acme.com``), or InputError."""
    domain = email_domain(f"someone@{text.strip().lstrip('@')}")
    if domain is None or "." not in domain or any(c.isspace() or c in "@/<>\"'" for c in domain):
        raise InputError(f"{text!r} is not an email domain (like example.com)")
    return domain


@router.post("/settings/domains")
def add_domain(request: Request, engine: EngineDep, signed: Admin, form: CheckedForm) -> Response:
    """People with an address in one of our domains are ours: their words are relayed."""
    try:
        domain = domain_of(field(form, "domain"))
        with write_session(engine) as session:
            current = load_workspace_settings(session)
            if domain in current.internal_email_domains:
                raise InputError(f"{domain} is already one of our email domains")
            domains = [*current.internal_email_domains, domain]
            save_workspace_settings(session, replace(current, internal_email_domains=domains))
    except TradeoffError as exc:
        return _workspace_page(request, engine, signed, str(exc))
    return RedirectResponse("/settings", status_code=303)


@router.post("/settings/domains/remove")
def remove_domain(
    request: Request, engine: EngineDep, signed: Admin, form: CheckedForm
) -> Response:
    try:
        domain = domain_of(field(form, "domain"))
        with write_session(engine) as session:
            current = load_workspace_settings(session)
            if domain not in current.internal_email_domains:
                raise InputError(f"{domain} is not one of our email domains")
            domains = [d for d in current.internal_email_domains if d != domain]
            save_workspace_settings(session, replace(current, internal_email_domains=domains))
    except TradeoffError as exc:
        return _workspace_page(request, engine, signed, str(exc))
    return RedirectResponse("/settings", status_code=303)


# API tokens: admins only, since the list says who can reach the API and how.


def _tokens_page(
    request: Request,
    engine: EngineDep,
    signed: Signed,
    *,
    error: str | None = None,
    created: tuple[str, users.ApiToken] | None = None,
) -> Response:
    with read_session(engine) as session:
        tokens = users.list_tokens(session)
        people = [u for u in users.list_users(session) if u.active]
    context: dict[str, Any] = {
        "tokens": tokens,
        "people": people,
        "error": error,
        "created": created,
        "section": "tokens",
    }
    status = BAD_INPUT if error else 200
    page = render(request, "settings_tokens.html", context, signed=signed, status_code=status)
    if created is not None:
        page.headers["Cache-Control"] = "no-store"  # the secret must not sit in a cache
    return page


@router.get("/settings/tokens")
def token_list(request: Request, engine: EngineDep, signed: Admin) -> Response:
    return _tokens_page(request, engine, signed)


@router.post("/settings/tokens")
def create_token(request: Request, engine: EngineDep, signed: Admin, form: CheckedForm) -> Response:
    """As ``tradeoff token create``: the token is in this answer once, and stored hashed."""
    try:
        created = issue_token(engine, field(form, "email"), field(form, "name"))
    except (TradeoffError, RuleViolation) as exc:
        return _tokens_page(request, engine, signed, error=str(exc))
    return _tokens_page(request, engine, signed, created=created)


@router.post("/settings/tokens/{token_id}/revoke")
def revoke_token(engine: EngineDep, signed: Admin, form: CheckedForm, token_id: int) -> Response:
    with write_session(engine) as session:
        users.revoke_token(session, token_id, now_utc())  # NotFound: a 404 page
    return RedirectResponse("/settings/tokens", status_code=303)


# Currency rates: Tradeoff never fetches them; these are the ones people give.


def _currency_page(
    request: Request, engine: EngineDep, signed: Signed, error: str | None = None
) -> Response:
    with read_session(engine) as session:
        base, known, used = base_currency(session), rates(session), currencies_in_use(session)
    context = {
        "base": base,
        # 1.30000000 as stored reads 1.3: the digits given, not the column's scale.
        "rates": [(code, format(known[code].normalize(), "f")) for code in sorted(known)],
        "missing": sorted(used - set(known) - {base}),
        "error": error,
        "section": "currency",
    }
    status = BAD_INPUT if error else 200
    return render(request, "settings_currency.html", context, signed=signed, status_code=status)


@router.get("/settings/currency")
def currency_list(request: Request, engine: EngineDep, signed: Viewer) -> Response:
    return _currency_page(request, engine, signed)


@router.post("/settings/currency")
def set_currency(request: Request, engine: EngineDep, signed: Admin, form: CheckedForm) -> Response:
    try:
        with write_session(engine) as session:
            set_rate_text(session, field(form, "code"), field(form, "rate"))
    except (TradeoffError, RuleViolation) as exc:
        return _currency_page(request, engine, signed, str(exc))
    return RedirectResponse("/settings/currency", status_code=303)


@router.post("/settings/currency/{code}/delete")
def delete_currency(engine: EngineDep, signed: Admin, form: CheckedForm, code: str) -> Response:
    chosen = currency_code("currency", code) or ""
    with write_session(engine) as session:
        delete_rate(session, chosen)  # NotFound: a 404 page
    return RedirectResponse("/settings/currency", status_code=303)
