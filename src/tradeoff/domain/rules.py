"""Rules every domain object checks on creation, so invalid data never reaches storage."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

E = TypeVar("E", bound=StrEnum)


class RuleViolation(ValueError):
    """A value breaks a rule of the domain; ``field`` names the attribute at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def required_text(field: str, value: str) -> str:
    """Text that must be present; surrounding whitespace is not content."""
    cleaned = value.strip() if isinstance(value, str) else value
    if not isinstance(cleaned, str) or not cleaned:
        raise RuleViolation(field, "must not be empty")
    return no_nul(field, cleaned)


def optional_text(value: str | None, field: str) -> str | None:
    """Blank text means unknown, which we store as None rather than ''."""
    if value is None:
        return None
    cleaned = value.strip()
    return no_nul(field, cleaned) if cleaned else None


def no_nul(field: str, value: str) -> str:
    """NUL is never content, and PostgreSQL cannot store it: refuse it by name, early."""
    if "\x00" in value:
        raise RuleViolation(field, "contains a NUL character (\\x00)")
    return value


def non_negative(field: str, value: Decimal | int | float | None) -> Decimal | None:
    """Money and counts are never negative; floats become exact decimals via their text."""
    if value is None:
        return None
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    if not amount.is_finite():
        raise RuleViolation(field, f"must be a finite number, got {value}")
    if amount < 0:
        raise RuleViolation(field, f"must not be negative, got {value}")
    return amount


def unit_interval(field: str, value: float | None) -> float | None:
    """Scores and confidences live in [0, 1]."""
    if value is None:
        return None
    if not 0.0 <= float(value) <= 1.0:
        raise RuleViolation(field, f"must be between 0 and 1, got {value}")
    return float(value)


def currency_code(field: str, value: str | None) -> str | None:
    """ISO 4217 codes are three letters; we store them upper-case."""
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise RuleViolation(field, f"must be a three-letter currency code, got {value!r}")
    return code


def utc(field: str, value: datetime | None) -> datetime | None:
    """Timestamps are stored in UTC; a naive one is taken to be UTC already."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise RuleViolation(field, f"must be a timestamp, got {value!r}")
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def calendar_date(field: str, value: date | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise RuleViolation(field, f"must be a date, got {value!r}")
    return value


def member(field: str, enum: type[E], value: E | str) -> E:
    """Coerce text to an enum member, naming the allowed values when it is not one."""
    if isinstance(value, enum):
        return value
    try:
        return enum(str(value).strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise RuleViolation(field, f"{value!r} is not one of: {allowed}") from None


def now_utc() -> datetime:
    return datetime.now(UTC)


def quarter(field: str, value: str | None) -> str | None:
    """Quarters are written ``2026Q3`` everywhere, so periods sort and compare as text."""
    if value is None:
        return None
    text = value.strip().upper()
    year, sep, number = text.partition("Q")
    if not (sep and len(year) == 4 and year.isdigit() and number in {"1", "2", "3", "4"}):
        raise RuleViolation(field, f"must be a quarter like 2026Q3, got {value!r}")
    return text
