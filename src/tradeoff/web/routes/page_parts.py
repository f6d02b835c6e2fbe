"""Small parts several pages share: the ``as_of`` day, ``?page=N`` paging of a list an API
returns whole, and the status a refused form gets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Generic, TypeVar

from fastapi import Query

from tradeoff.errors import Conflict, InputError, NotFound, TradeoffError

#: Rows a paged list shows; more follow by ``?page=N``.
PAGE_SIZE = 50
T = TypeVar("T")
PageNumber = Annotated[int, Query(ge=1)]
AsOf = Annotated[str | None, Query(max_length=10)]


def as_of_day(text: str | None) -> date | None:
    """A page's ``as_of`` (YYYY-MM-DD), or None for today; anything else is refused (400)."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"as_of must be a date like 2026-11-15, got {text!r}") from None


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list the API returns whole (a register is ordered as a whole)."""

    rows: Sequence[T]
    number: int
    total: int

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number * PAGE_SIZE < self.total else None

    @property
    def first_position(self) -> int:
        return (self.number - 1) * PAGE_SIZE + 1


def page_of(rows: Sequence[T], number: int) -> Page[T]:
    start = (number - 1) * PAGE_SIZE
    return Page(rows[start : start + PAGE_SIZE], number, len(rows))


def refusal_status(error: TradeoffError) -> int:
    """The status of a form the API refused and the page shows again with the reason: 409
    for a conflict with what is stored, else 400. An unknown record is no page to show
    again: it is raised on, to the 404 page."""
    if isinstance(error, NotFound):
        raise error
    return 409 if isinstance(error, Conflict) else 400
