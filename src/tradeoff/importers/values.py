"""Parsing the values exports really contain: many date formats, locale numbers, tag lists.

Numeric dates and numbers are read the way the import's locale says (``--dates``,
``--decimal``); what the locale leaves open is refused with what to pass, never guessed.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from email.utils import parsedate_to_datetime
from enum import StrEnum


class DateOrder(StrEnum):
    """The order of a numeric date's fields when its year is not written first in full."""

    MDY = "mdy"
    DMY = "dmy"
    YMD = "ymd"


class DecimalMark(StrEnum):
    """What separates a number's decimals: ``1,234.56`` (point) or ``1.234,56`` (comma)."""

    POINT = "point"
    COMMA = "comma"


class LocaleMismatch(ValueError):
    """A value the import's locale cannot read, or reads two ways; the message names the
    ``--dates`` or ``--decimal`` that settles it."""


#: Times after a numeric date, once it is rewritten as ``YYYY-MM-DD``.
DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %I:%M %p",
    "%Y-%m-%d %I:%M:%S %p",
    "%d/%b/%y %I:%M %p",  # Jira: 14/Jul/25 3:42 PM
    "%d/%b/%Y %I:%M %p",
    "%b %d, %Y %I:%M %p",
    "%b %d, %Y, %I:%M %p",
    "%d %b %Y %H:%M",
    "%d %b %Y %H:%M:%S",
)
DATE_FORMATS = ("%d %b %Y", "%b %d, %Y", "%d-%b-%Y", "%d-%b-%y", "%B %d, %Y", "%d %B %Y")
#: A date of numbers: ``24/11/2026``, ``24.11.26``, ``2026/11/24``, ``11-24-2026``, then the
#: time, if any, after a space, ``T`` or ``,``.
NUMERIC_DATE = re.compile(
    r"^(?P<a>\d{4}|\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
    r"(?P<rest>(?=[ T,]).*)?$"
)
RFC_2822 = re.compile(r"^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} ")
EPOCH_MS_THRESHOLD = 10**11  # later than 5138 AD in seconds, so it must be milliseconds
TWO_DIGIT_YEAR_PIVOT = 69  # as strptime's %y: 69-99 are 1969-1999, 00-68 are 2000-2068


def parse_timestamp(text: str, dates: DateOrder | None = None) -> datetime:
    """A UTC timestamp from ISO-8601, Unix seconds or milliseconds, or a common export format.

    Zone-less values are taken as UTC, which is what Zendesk, Pipedrive and Typeform write.
    ``dates`` orders numeric dates (see ``numeric_date``).

    >>> parse_timestamp("2026-03-04T10:22:31Z").isoformat()
    '2026-03-04T10:22:31+00:00'
    >>> parse_timestamp("24/11/2026 15:04", DateOrder.DMY).isoformat()
    '2026-11-24T15:04:00+00:00'
    """
    value = text.strip()
    if not value:
        raise ValueError("empty timestamp")
    if re.fullmatch(r"\d{9,13}(\.\d+)?", value):
        number = float(value)
        seconds = number / 1000 if number >= EPOCH_MS_THRESHOLD else number
        return datetime.fromtimestamp(seconds, tz=UTC)
    try:
        parsed = _iso(value)
    except ValueError:
        rewritten = numeric_date(value, dates)
        try:
            parsed = _iso(rewritten)
        except ValueError:
            parsed = _parse_with_formats(rewritten, value)
    try:
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"date out of range: {value!r}") from None


def _iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00").replace(" UTC", "+00:00"))


def _parse_with_formats(value: str, original: str) -> datetime:
    for fmt in DATETIME_FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    if RFC_2822.match(value):  # e-mail style: Tue, 24 Nov 2026 15:04:05 +0000
        try:
            return parsedate_to_datetime(value)
        except (TypeError, ValueError):
            pass
    return datetime.combine(_date(value, original), datetime.min.time())


def parse_date(text: str, dates: DateOrder | None = None) -> date:
    """A calendar date; a value with a time part is parsed whole, never cut to its date."""
    value = text.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    rewritten = numeric_date(value, dates)
    try:
        return date.fromisoformat(rewritten)
    except ValueError:
        pass
    try:
        return _date(rewritten, value)
    except ValueError:
        return parse_timestamp(value, dates).date()


def _date(value: str, original: str) -> date:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date or time: {original!r}")


def numeric_date(value: str, dates: DateOrder | None) -> str:
    """``value`` with a leading numeric date rewritten as ``YYYY-MM-DD``; other values as given.

    A four-digit year written first is always year, month, day. Otherwise ``dates`` gives the
    order; without it, as exports have always been read here: slashes are month first
    (``3/5/2026`` is March 5), dots day first (``05.03.2026``, German and Nordic exports)
    and dashes (``05-03-2026``) are refused as ambiguous. A date that cannot be read in the
    order used is refused, naming the orders it would fit: never switched to silently.
    """
    match = NUMERIC_DATE.match(value)
    if match is None:
        return value
    fields = (match["a"], match["b"], match["c"])
    rest = re.sub(r"^,?\s*", " ", match["rest"]) if match["rest"] else ""
    if len(fields[0]) == 4:
        order: DateOrder | None = DateOrder.YMD
    elif dates is not None:
        order = dates
    else:
        order = {"/": DateOrder.MDY, ".": DateOrder.DMY}.get(match["sep"])
    day = _in_order(fields, order) if order is not None else None
    if day is None:
        fits = [o for o in DateOrder if o is not order and _in_order(fields, o) is not None]
        if not fits:
            raise ValueError(f"not a date or time: {value!r}")
        options = " or ".join(f"--dates {o.value}" for o in fits)
        if order is None:
            reason = f"dashes leave the order open: say it with {options}"
        else:
            looks = " or ".join(_ORDER_NAMES[o] for o in fits)
            reason = f"not {_ORDER_NAMES[order]}; it looks {looks}: use {options}"
        raise LocaleMismatch(f"not a date or time: {value!r}: {reason}")
    return day.isoformat() + (rest.replace(" T", "T", 1) if rest.startswith(" T") else rest)


_ORDER_NAMES = {
    DateOrder.MDY: "month-first",
    DateOrder.DMY: "day-first",
    DateOrder.YMD: "year-first",
}


def _in_order(fields: tuple[str, str, str], order: DateOrder) -> date | None:
    """The date the three fields name in ``order``, or None when they name none."""
    a, b, c = fields
    year, month, day = {
        DateOrder.MDY: (c, a, b),
        DateOrder.DMY: (c, b, a),
        DateOrder.YMD: (a, b, c),
    }[order]
    if len(month) > 2 or len(day) > 2 or len(year) not in {2, 4}:
        return None
    number = int(year)
    if len(year) == 2:
        number += 2000 if number < TWO_DIGIT_YEAR_PIVOT else 1900
    try:
        return date(number, int(month), int(day))
    except ValueError:
        return None


AMOUNT = re.compile(
    r"^(?P<neg>-)?\(?(?:[A-Z]{3}\s?)?[$€£¥]?\s?(?P<num>-?\d[\d.,\u00a0\u202f' ]*)"
    r"\s?(?:[A-Z]{3}|[$€£¥])?\)?$"
)
#: A number as each locale writes it: thousands grouped by threes, then the decimals.
WRITTEN = {
    DecimalMark.POINT: re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?"),
    DecimalMark.COMMA: re.compile(r"\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?"),
}
SEPARATORS = {DecimalMark.POINT: (",", "."), DecimalMark.COMMA: (".", ",")}
#: ``1.234``, ``12.500``: a decimal point with three decimals, or a thousands dot.
ONE_THOUSANDS_DOT = re.compile(r"[1-9]\d{0,2}\.\d{3}")


def parse_decimal(
    text: str, decimal: DecimalMark | None = None, *, written: str | None = None
) -> Decimal:
    """Amounts as exports write them: ``12,000.00``, ``USD 12,000``, ``$1,200``, ``(1,200)``
    for a negative, and with ``decimal`` comma ``1.234,56``; anything else is refused.

    ``written`` is the whole cell when ``text`` is the number a caller cut from it (a
    currency code or symbol taken off): errors quote the cell as the export wrote it, never
    the leftover (``'USD twelve'``, not ``'twelve'``).

    Without ``decimal`` the point is the decimal mark, and a number that only a thousands dot
    would make whole (``1.234``, ``12.500``) is refused: amounts and counts rarely carry three
    decimals, while German, French and Spanish exports write every thousand that way. A
    number that can only be the other locale's (``1.234,56`` or ``12,5`` read with a point)
    is refused naming the option that reads it.

    >>> parse_decimal("EUR 1.234,56", DecimalMark.COMMA)
    Decimal('1234.56')
    """
    raw = text.strip()
    cell, shown = (text, raw) if written is None else (written, written)
    match = AMOUNT.match(raw)
    if match is None:
        raise ValueError(f"not a number: {cell!r}")
    negative = bool(match["neg"]) or (raw.startswith("(") and raw.endswith(")"))
    value = re.sub(r"[\u00a0\u202f' ]", "", match["num"])
    if value.startswith("-"):
        negative, value = True, value[1:]
    if decimal is None and ONE_THOUSANDS_DOT.fullmatch(value):
        raise LocaleMismatch(
            f"{shown!r} could be {value} or {value.replace('.', '')}: "
            "say which with --decimal point or --decimal comma"
        )
    mark = decimal or DecimalMark.POINT
    if not WRITTEN[mark].fullmatch(value):
        other = DecimalMark.COMMA if mark is DecimalMark.POINT else DecimalMark.POINT
        if WRITTEN[other].fullmatch(value):
            name = other.value
            raise LocaleMismatch(f"{shown!r} has a decimal {name}: use --decimal {name}")
        raise ValueError(f"not a number: {cell!r}")
    thousands, point = SEPARATORS[mark]
    try:
        number = Decimal(value.replace(thousands, "").replace(point, "."))
    except InvalidOperation:
        raise ValueError(f"not a number: {cell!r}") from None
    return -number if negative else number


def parse_float(text: str, decimal: DecimalMark | None = None) -> float:
    return float(parse_decimal(text, decimal))


def parse_tags(text: str) -> list[str]:
    """Tags separated by commas, semicolons, pipes or spaces when no other separator is used."""
    value = text.strip()
    if not value:
        return []
    separator = next((s for s in (";", ",", "|") if s in value), " ")
    return [tag.strip() for tag in value.split(separator) if tag.strip()]


def parse_bool(text: str) -> bool:
    value = text.strip().lower()
    if value in {"true", "1", "yes", "y", "t"}:
        return True
    if value in {"false", "0", "no", "n", "f", ""}:
        return False
    raise ValueError(f"not true or false: {text!r}")
