"""Reading a day typed on the command line, with one error message for every command."""

from __future__ import annotations

from datetime import date

from tradeoff.errors import InputError

#: Days a figure can be asked for: windows and periods reach years either side of the day,
#: and a date at the calendar's ends (9999-12-31) has no day after it to count to.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)


def optional_day(text: str | None, flag: str = "--as-of") -> date | None:
    """``text`` as an ISO day, or None when the option was not given."""
    if text is None:
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{flag} must be a date like 2026-11-15, got {text!r}") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(f"{flag} must be between {FIRST_DAY} and {LAST_DAY}, got {text!r}")
    return day


def day_or_today(text: str | None, flag: str = "--as-of") -> date:
    """``text`` as an ISO day, or today when the option was not given."""
    return optional_day(text, flag) or date.today()
