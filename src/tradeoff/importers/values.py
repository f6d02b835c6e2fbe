"""Parsing the values exports really contain: many date formats, locale numbers, tag lists."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from email.utils import parsedate_to_datetime

DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %I:%M %p",
    "%Y-%m-%d %I:%M:%S %p",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%d/%b/%y %I:%M %p",  # Jira: 14/Jul/25 3:42 PM
    "%d/%b/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M %p",  # Salesforce (en_US): 11/24/2026 3:04 PM
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%Y, %I:%M:%S %p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y %H:%M",  # Excel re-saves US dates with two-digit years: 11/24/26 15:04
    "%m/%d/%y %H:%M:%S",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%y %I:%M:%S %p",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%y %H:%M",
    "%b %d, %Y %I:%M %p",
    "%b %d, %Y, %I:%M %p",
    "%d %b %Y %H:%M",
    "%d %b %Y %H:%M:%S",
)
DATE_FORMATS = (
    *("%Y-%m-%d", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d %b %Y", "%b %d, %Y"),
    *("%m/%d/%y", "%d.%m.%y", "%d-%b-%Y", "%d-%b-%y", "%B %d, %Y", "%d %B %Y"),
)
RFC_2822 = re.compile(r"^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} ")
EPOCH_MS_THRESHOLD = 10**11  # later than 5138 AD in seconds, so it must be milliseconds


def parse_timestamp(text: str) -> datetime:
    """A UTC timestamp from ISO-8601, Unix seconds or milliseconds, or a common export format.

    Zone-less values are taken as UTC, which is what Zendesk, Pipedrive and Typeform write.

    >>> parse_timestamp("2026-03-04T10:22:31Z").isoformat()
    '2026-03-04T10:22:31+00:00'
    """
    value = text.strip()
    if not value:
        raise ValueError("empty timestamp")
    if re.fullmatch(r"\d{9,13}(\.\d+)?", value):
        number = float(value)
        seconds = number / 1000 if number >= EPOCH_MS_THRESHOLD else number
        return datetime.fromtimestamp(seconds, tz=UTC)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" UTC", "+00:00"))
    except ValueError:
        parsed = _parse_with_formats(value)
    try:
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"date out of range: {value!r}") from None


def _parse_with_formats(value: str) -> datetime:
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
    return datetime.combine(_date(value), datetime.min.time())


def parse_date(text: str) -> date:
    """A calendar date; a value with a time part is parsed whole, never cut to its date."""
    value = text.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return _date(value)
    except ValueError:
        return parse_timestamp(value).date()


def _date(value: str) -> date:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date or time: {value!r}")


AMOUNT = re.compile(
    r"^(?P<neg>-)?\(?(?:[A-Z]{3}\s?)?[$€£¥]?\s?(?P<num>-?\d[\d.,\u00a0\u202f' ]*)"
    r"\s?(?:[A-Z]{3}|[$€£¥])?\)?$"
)


def parse_decimal(text: str) -> Decimal:
    """Amounts as exports write them: ``12,000.00``, ``1.234,56``, ``USD 12,000``,
    ``$1,200``, ``(1,200)`` for a negative; anything else is refused, not guessed at.

    >>> parse_decimal("EUR 1.234,56")
    Decimal('1234.56')
    """
    raw = text.strip()
    match = AMOUNT.match(raw)
    if match is None:
        raise ValueError(f"not a number: {text!r}")
    negative = bool(match["neg"]) or (raw.startswith("(") and raw.endswith(")"))
    value = re.sub(r"[\u00a0\u202f' ]", "", match["num"])
    if value.startswith("-"):
        negative, value = True, value[1:]
    if "," in value and "." in value:
        if value.rfind(",") > value.rfind("."):
            value = value.replace(".", "").replace(",", ".")
        else:
            value = value.replace(",", "")
    elif "," in value:
        head, _, tail = value.rpartition(",")
        value = value.replace(",", "") if len(tail) == 3 and head else value.replace(",", ".")
    elif value.count(".") > 1:
        head, *groups = value.split(".")
        if not all(len(g) == 3 for g in groups):
            raise ValueError(f"not a number: {text!r}")
        value = head + "".join(groups)
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None
    return -number if negative else number


def parse_float(text: str) -> float:
    return float(parse_decimal(text))


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
