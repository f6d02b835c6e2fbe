"""The currency rates the user gave, and the workspace's base currency."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.domain.workspace import CurrencyRate
from tradeoff.errors import InputError, NotFound
from tradeoff.storage.tables import CurrencyRateRow, WorkspaceSettingsRow
from tradeoff.storage.types import RATE

#: A rate is kept at the column's precision, Numeric(24, 8): eight decimals, sixteen digits
#: before the point. Anything outside it cannot be stored as given (PostgreSQL refuses it,
#: SQLite keeps a float that reads back as Infinity or 0E-8), so it is refused when set.
RATE_STEP = Decimal(1).scaleb(-(RATE.scale or 0))
RATE_LIMIT = Decimal(10) ** ((RATE.precision or 0) - (RATE.scale or 0))
SMALLEST_RATE = RATE_STEP
LARGEST_RATE = RATE_LIMIT - RATE_STEP


def base_currency(session: Session) -> str:
    row = session.get(WorkspaceSettingsRow, 1)
    return row.base_currency if row is not None else "USD"


def rates(session: Session) -> dict[str, Decimal]:
    """Currency → what one unit is worth in the base currency.

    A stored rate that is not one (Infinity, or 0 at eight decimals: earlier versions let
    ``1e400`` and ``1e-30`` through) is left out, so its amounts are reported unconverted,
    as with no rate, instead of turning every sum into Infinity or an internal error;
    ``unusable_rates`` names it for ``tradeoff currency list``.
    """
    return {c: r for c, r in _stored(session) if _usable(r)}


def unusable_rates(session: Session) -> dict[str, Decimal]:
    """Currency → a stored rate that ``rates`` leaves out, to be set again or deleted."""
    return {c: r for c, r in _stored(session) if not _usable(r)}


def _usable(stored: Decimal) -> bool:
    # Only what breaks a sum: SQLite keeps the column as a float, so the largest rate
    # ``storable_rate`` lets through may read back a hair above it, and is still a rate.
    return stored.is_finite() and stored > 0


def _stored(session: Session) -> list[tuple[str, Decimal]]:
    rows = session.execute(select(CurrencyRateRow.currency, CurrencyRateRow.per_base))
    return [(c, r) for c, r in rows]


def storable_rate(value: Decimal) -> Decimal | None:
    """``value`` as the column keeps it (rounded to eight decimals, trailing zeros dropped),
    or None when it is no positive finite number at that precision or too large for it.

    >>> storable_rate(Decimal("1.234567891")), storable_rate(Decimal("1e-30"))
    (Decimal('1.23456789'), None)
    """
    if not value.is_finite() or value <= 0 or value >= RATE_LIMIT:
        return None
    kept = value.quantize(RATE_STEP, rounding=ROUND_HALF_UP)
    if not 0 < kept < RATE_LIMIT:
        return None
    written = f"{kept:f}".rstrip("0").rstrip(".")
    return Decimal(written)


def set_rate_text(session: Session, code: str, text: str) -> CurrencyRate:
    """Store a rate as a person typed it (CLI or web): a plain positive decimal number
    (``plain_rate``) the column can keep (see ``storable_rate``), never for the base
    currency, whose rate is 1 by definition."""
    value = Decimal(plain_rate(text))
    given = CurrencyRate(currency=code, per_base=value)
    kept = storable_rate(given.per_base)
    if kept is None:
        raise InputError(
            f"the rate must be from {SMALLEST_RATE:f} to {LARGEST_RATE:f}, got {text!r}"
        )
    base = base_currency(session)
    if given.currency == base:
        raise InputError(f"{base} is the base currency: its rate is always 1")
    kept_rate = CurrencyRate(currency=given.currency, per_base=kept)
    set_rate(session, kept_rate)
    return kept_rate


#: What a rate is typed as: digits with at most one decimal point ("1.27", "0.0067", "150").
#: Not what Python's Decimal also reads ("1_0" is 10, "1e3" 1000, "١" 1): a typo must not
#: become a rate ten times too large. No decimal comma: no other rate or setting takes one
#: (only imports, with --decimal comma).
PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")


def plain_rate(text: str) -> str:
    """The rate as typed, if it is a plain positive decimal number; else one line saying so."""
    typed = text.strip()
    if typed.startswith("-") and PLAIN_NUMBER.fullmatch(typed[1:]):
        raise InputError(f"the rate must be a positive number, got {typed}")
    if not PLAIN_NUMBER.fullmatch(typed):
        raise InputError(
            "the rate must be a plain decimal number such as 1.27 (digits and at most one "
            f"decimal point), got {text!r}"
        )
    if Decimal(typed) == 0:
        raise InputError(f"the rate must be a positive number, got {typed}")
    return typed


def set_rate(session: Session, rate: CurrencyRate) -> None:
    """Add or replace one currency's rate."""
    if storable_rate(rate.per_base) is None:
        raise InputError(
            f"the rate of {rate.currency} must be from {SMALLEST_RATE:f} to "
            f"{LARGEST_RATE:f}, got {rate.per_base}"
        )
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
        if currency == base_currency(session):
            raise InputError(f"{currency} is the base currency: it has no rate to delete")
        raise NotFound(f"there is no rate for {currency}")
    session.delete(row)
    session.flush()
