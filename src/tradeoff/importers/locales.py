"""The export's locale: how its numeric dates and numbers are written, and its time zone.

One definition of ``--dates`` and ``--decimal`` that every importer lists among its options,
and one reading of them (and of ``--timezone``, where an importer takes it), so a European
export is read the same way by every source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.values import (
    DateOrder,
    DecimalMark,
    LocaleMismatch,
    parse_date,
    parse_decimal,
    parse_timestamp,
)

DATES_OPTION = ImporterOption(
    "dates",
    "Order of numeric dates: dmy (24/11/2026, 24.11.26), mdy (11/24/2026) or ymd (26/11/24). "
    "Default: slashes month first, dots day first, dashes refused.",
)
DECIMAL_OPTION = ImporterOption(
    "decimal",
    "Decimal mark of numbers: point (1,234.56) or comma (1.234,56). Default: point, and "
    "1.234 is refused as ambiguous.",
)
#: The options of an importer that reads numbers as well as dates.
LOCALE_OPTIONS = (DATES_OPTION, DECIMAL_OPTION)
#: An explicit zone or a Unix time: the value is not wall-clock time in the export's zone.
ZONED = re.compile(r"(?:Z|UTC|[+-]\d{2}:?\d{2})$|^\d+(?:\.\d+)?$")
Choice = TypeVar("Choice", DateOrder, DecimalMark)


@dataclass(frozen=True)
class Locale:
    """The ``--dates``, ``--decimal`` and ``--timezone`` an import was given; None: defaults
    (zone-less times are UTC)."""

    dates: DateOrder | None = None
    decimal: DecimalMark | None = None
    zone: tzinfo | None = None

    @classmethod
    def of(cls, context: ReadContext) -> Locale:
        """The locale the options name; a misspelt one stops the import before any row."""
        return cls(
            dates=_choice(context, DATES_OPTION.name, DateOrder),
            decimal=_choice(context, DECIMAL_OPTION.name, DecimalMark),
            zone=_zone(context.options.get("timezone")),
        )

    def timestamp(self, text: str) -> datetime:
        """A time in UTC; a zone-less one is wall-clock time in the export's zone."""
        parsed = parse_timestamp(text, self.dates)
        if self.zone is None or ZONED.search(text.strip()):
            return parsed
        return parsed.replace(tzinfo=self.zone).astimezone(UTC)

    def date(self, text: str) -> date:
        return parse_date(text, self.dates)

    def decimal_number(self, text: str, *, written: str | None = None) -> Decimal:
        """A number in the export's locale; ``written``: the whole cell it was cut from,
        quoted in errors (see ``parse_decimal``)."""
        return parse_decimal(text, self.decimal, written=written)

    def number(self, text: str) -> float:
        return float(parse_decimal(text, self.decimal))

    def when(self, field: str, text: str) -> datetime:
        """A row's time, or a rejection of the row naming the field."""
        try:
            return self.timestamp(text)
        except ValueError as exc:
            raise RuleViolation(field, str(exc)) from None

    def score(self, field: str, text: str, noun: str) -> float:
        """A row's score or rating, or a rejection that says what to pass when the locale
        is the trouble (``the rating '4,5' has a decimal comma: use --decimal comma``)."""
        try:
            return self.number(text)
        except LocaleMismatch as exc:
            raise RuleViolation(field, f"the {noun} {exc}") from None
        except ValueError:
            raise RuleViolation(field, f"the {noun} {text!r} is not a number") from None


#: No options given: what every importer did before it took ``--dates`` and ``--decimal``.
DEFAULT_LOCALE = Locale()


def _choice(context: ReadContext, name: str, kind: type[Choice]) -> Choice | None:
    given = (context.options.get(name) or "").strip().lower()
    if not given:
        return None
    try:
        return kind(given)
    except ValueError:
        allowed = " or ".join(member.value for member in kind)
        raise InputError(f"--{name} must be {allowed}, not {given!r}") from None


def _zone(name: str | None) -> tzinfo | None:
    if not name or name.strip().upper() == "UTC":
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(
            f"--timezone: unknown time zone {name!r}; use an IANA name such as Europe/London"
        ) from None
