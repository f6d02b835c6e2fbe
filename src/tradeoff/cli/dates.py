"""Reading a day typed on the command line, with one error message for every command."""

from __future__ import annotations

from datetime import date

from tradeoff.errors import InputError


def optional_day(text: str | None, flag: str = "--as-of") -> date | None:
    """``text`` as an ISO day, or None when the option was not given."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{flag} must be a date like 2026-11-15, got {text!r}") from None


def day_or_today(text: str | None, flag: str = "--as-of") -> date:
    """``text`` as an ISO day, or today when the option was not given."""
    return optional_day(text, flag) or date.today()
