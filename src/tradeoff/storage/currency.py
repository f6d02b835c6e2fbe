"""The currency rates the user gave, and the workspace's base currency."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.domain.workspace import CurrencyRate
from tradeoff.errors import NotFound
from tradeoff.storage.tables import CurrencyRateRow, WorkspaceSettingsRow


def base_currency(session: Session) -> str:
    row = session.get(WorkspaceSettingsRow, 1)
    return row.base_currency if row is not None else "USD"


def rates(session: Session) -> dict[str, Decimal]:
    """Currency → what one unit is worth in the base currency."""
    return {
        c: r for c, r in session.execute(select(CurrencyRateRow.currency, CurrencyRateRow.per_base))
    }


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
