"""The currency rates the user gave, and the workspace's base currency."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.domain.workspace import CurrencyRate
from tradeoff.errors import InputError, NotFound
from tradeoff.storage.tables import CurrencyRateRow, WorkspaceSettingsRow


def base_currency(session: Session) -> str:
    row = session.get(WorkspaceSettingsRow, 1)
    return row.base_currency if row is not None else "USD"


def rates(session: Session) -> dict[str, Decimal]:
    """Currency → what one unit is worth in the base currency."""
    return {
        c: r for c, r in session.execute(select(CurrencyRateRow.currency, CurrencyRateRow.per_base))
    }


def set_rate_text(session: Session, code: str, text: str) -> CurrencyRate:
    """Store a rate as a person typed it (CLI or web): a finite positive number, never for
    the base currency, whose rate is 1 by definition."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise InputError(f"the rate must be a number, got {text!r}") from None
    if not value.is_finite():
        raise InputError(f"the rate must be a number, got {text!r}")
    given = CurrencyRate(currency=code, per_base=value)
    base = base_currency(session)
    if given.currency == base:
        raise InputError(f"{base} is the base currency: its rate is always 1")
    set_rate(session, given)
    return given


def set_rate(session: Session, rate: CurrencyRate) -> None:
    """Add or replace one currency's rate."""
    row = session.get(CurrencyRateRow, rate.currency)
    if row is None:
        session.add(CurrencyRateRow(currency=rate.currency, per_base=rate.per_base))
    else:
        row.per_base = rate.per_base
    session.flush()


def delete_rate(session: Session, currency: str) -> None:
    """Forget one currency's rate: its amounts are reported unconverted again, not guessed."""
    row = session.get(CurrencyRateRow, currency)
    if row is None:
        raise NotFound(f"there is no rate for {currency}")
    session.delete(row)
    session.flush()
