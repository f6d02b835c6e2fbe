"""Whole calendar days between two timestamps, in SQL, on either engine.

A window of "30 days after the close" or "90 days before the churn", and a cycle time, are
counted in calendar days (UTC), as CRMs report them: a close date is a date (stored at
midnight), so in fractional days a ticket on day 30 at 10:00 fell outside a 30-day window
and one on the churn day itself counted as after the churn.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Date, cast, func
from sqlalchemy.orm import Session


def day_number(session: Session, moment: Any) -> ColumnElement[Any]:
    """The UTC calendar day of a timestamp as a number that subtracts to whole days."""
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("julian", cast(func.timezone("UTC", moment), Date))
    return func.julianday(func.date(moment))


def days_between(session: Session, later: Any, earlier: Any) -> ColumnElement[Any]:
    """Calendar days from ``earlier``'s day to ``later``'s (negative when it is before)."""
    return day_number(session, later) - day_number(session, earlier)
