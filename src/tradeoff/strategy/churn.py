"""Priority churn: how often the roadmap moved in a period, and who moved it (principle 10).

Every figure is computed from the change record (``roadmap_changes``), never typed in. A
period is a quarter (``2026Q3``) from its first day to its last, or to the as-of day while
it is still running. A change belongs to the period when its UTC day falls in it.

- **moves**: changes of kind ``horizon`` (column) or ``rank`` in the period. ``created``
  and ``status`` changes are not moves: adding work and finishing it is not churn.
- **items**: the items that existed during the period: created on or before its last day
  (an item with no ``created`` change has always existed) and open (not shipped or dropped)
  at some moment of it — open at its start, or created or reopened within it.
- **moves per item per week** = moves / items / weeks, with weeks = the period's days / 7.
  0 when no item existed.
- **share of "now" items changed** = of the items open and in the ``now`` column at the
  period's start (before any of its changes), the share that had at least one move in the
  period. 0 when none was in ``now``.
- **entered**: ``created`` changes in the period; **dropped**: ``status`` changes to
  ``dropped`` in the period.
- **moves per requester**: the period's moves counted by ``changed_by``, most first.
- **bounce**: a column move into a column the item had left earlier (later → next → later
  is one bounce). Bounces are counted over the item's whole history up to the period's end;
  an item is listed as **bounced** in a period when it has bounced at least twice by then and
  at least once within the period, with its column path, the day and who asked each move.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date

from sqlalchemy.orm import Session

from tradeoff.domain.enums import RoadmapChangeKind, RoadmapStatus
from tradeoff.domain.rules import quarter
from tradeoff.domain.strategy import RoadmapChange, RoadmapItem
from tradeoff.errors import InputError
from tradeoff.storage import roadmap as store
from tradeoff.strategy.progress import quarter_bounds, quarter_of
from tradeoff.strategy.roadmap import column_of

MOVES = (RoadmapChangeKind.HORIZON, RoadmapChangeKind.RANK)
CLOSED = {RoadmapStatus.SHIPPED.value, RoadmapStatus.DROPPED.value}
#: An item is listed as bounced from this many bounces on ("bounced more than once").
BOUNCED_AT = 2


@dataclass(frozen=True)
class ColumnStep:
    """One stop on an item's column path: the column it entered, when, and who asked."""

    day: date | None
    column: str
    by: str | None
    reason: str | None
    bounce: bool


@dataclass(frozen=True)
class BouncedItem:
    item_id: int
    title: str
    #: Bounces over the item's history up to the period's end.
    bounces: int
    bounces_in_period: int
    path: tuple[ColumnStep, ...]


@dataclass(frozen=True)
class ItemEvent:
    item_id: int
    title: str
    day: date
    by: str


@dataclass(frozen=True)
class ChurnReport:
    """The churn figures of one period (definitions in the module docstring)."""

    period: str
    start: date
    #: The period's last day counted: its last day, or the as-of day while it runs.
    end: date
    days: int
    items: int
    moves: int
    moves_per_item_week: float
    now_at_start: int
    now_changed: int
    now_share_changed: float
    entered: int
    dropped: int
    entered_items: tuple[ItemEvent, ...]
    dropped_items: tuple[ItemEvent, ...]
    #: (requester, moves), most moves first, then by name.
    by_requester: tuple[tuple[str, int], ...]
    bounced: tuple[BouncedItem, ...]

    @property
    def weeks(self) -> float:
        return self.days / 7


def priority_churn(session: Session, period: str, *, as_of: date | None = None) -> ChurnReport:
    """The churn report of ``period`` (a quarter like ``2026Q3``), counted up to ``as_of``
    (today by default) when the period has not ended.

    >>> priority_churn(session, "2026Q3").moves_per_item_week
    0.12
    """
    chosen = _period(period)
    start, last = quarter_bounds(chosen)
    end = min(last, as_of or date.today())
    if end < start:
        raise InputError(f"period {chosen} starts after the as-of day {end.isoformat()}")
    return churn_of(chosen, start, end, store.all_items(session), store.changes(session))


def periods_before(period: str, count: int) -> list[str]:
    """The ``count`` quarters before ``period``, oldest first: the trend beside a period.

    >>> periods_before("2026Q1", 2)
    ['2025Q3', '2025Q4']
    """
    year, number = int(period[:4]), int(period[5])
    found = []
    for _ in range(count):
        year, number = (year - 1, 4) if number == 1 else (year, number - 1)
        found.append(f"{year}Q{number}")
    return list(reversed(found))


def default_period(as_of: date) -> str:
    return quarter_of(as_of)


def churn_of(
    period: str,
    start: date,
    end: date,
    items: list[RoadmapItem],
    history: list[RoadmapChange],
) -> ChurnReport:
    """The figures from items and their whole change record (oldest first); changes after
    ``end`` only tell what an item was before them (an item created later did not exist)."""
    by_item: dict[int, list[RoadmapChange]] = {}
    for change in history:
        by_item.setdefault(change.item_id, []).append(change)
    in_period = [c for c in history if start <= _day(c) <= end]
    moves = [c for c in in_period if c.kind in MOVES]
    moved_items = {c.item_id for c in moves}

    existing = now_at_start = now_changed = 0
    bounced: list[BouncedItem] = []
    for item in items:
        assert item.id is not None
        changes = by_item.get(item.id, [])
        if _existed(item, changes, start, end):
            existing += 1
        if _open_at_start(item, changes, start) and _column_at_start(item, changes, start) == "now":
            now_at_start += 1
            now_changed += item.id in moved_items
        found = _bounced(item, changes, start, end)
        if found is not None:
            bounced.append(found)

    weeks = ((end - start).days + 1) / 7
    requesters = Counter(c.changed_by for c in moves)
    titles = {item.id: item.title for item in items}
    entered = tuple(_event(c, titles) for c in in_period if c.kind is RoadmapChangeKind.CREATED)
    dropped = tuple(
        _event(c, titles)
        for c in in_period
        if c.kind is RoadmapChangeKind.STATUS and c.new_value == RoadmapStatus.DROPPED.value
    )
    return ChurnReport(
        period=period,
        start=start,
        end=end,
        days=(end - start).days + 1,
        items=existing,
        moves=len(moves),
        moves_per_item_week=len(moves) / existing / weeks if existing else 0.0,
        now_at_start=now_at_start,
        now_changed=now_changed,
        now_share_changed=now_changed / now_at_start if now_at_start else 0.0,
        entered=len(entered),
        dropped=len(dropped),
        entered_items=entered,
        dropped_items=dropped,
        by_requester=tuple(sorted(requesters.items(), key=lambda pair: (-pair[1], pair[0]))),
        bounced=tuple(sorted(bounced, key=lambda b: (-b.bounces, b.title))),
    )


def column_path(item: RoadmapItem, changes: list[RoadmapChange]) -> list[ColumnStep]:
    """The columns an item has been in, oldest first, with each bounce marked.

    The first stop is where it was created (or, with no ``created`` change, the column its
    first move left, undated); each ``horizon`` change adds the column it entered.
    """
    created = next((c for c in changes if c.kind is RoadmapChangeKind.CREATED), None)
    moves = [c for c in changes if c.kind is RoadmapChangeKind.HORIZON]
    if created is not None and created.new_value:
        path = [ColumnStep(_day(created), created.new_value, created.changed_by, created.reason,
                           False)]  # fmt: skip
    elif moves and moves[0].old_value:
        path = [ColumnStep(None, moves[0].old_value, None, None, False)]
    else:
        path = [ColumnStep(None, column_of(item), None, None, False)]
    left: set[str] = set()
    for move in moves:
        column = move.new_value or ""
        if column == path[-1].column:
            continue
        left.add(path[-1].column)
        path.append(ColumnStep(_day(move), column, move.changed_by, move.reason, column in left))
    return path


def _bounced(
    item: RoadmapItem, changes: list[RoadmapChange], start: date, end: date
) -> BouncedItem | None:
    path = column_path(item, [c for c in changes if _day(c) <= end])
    bounces = [step for step in path if step.bounce]
    within = [s for s in bounces if s.day is not None and start <= s.day <= end]
    if len(bounces) < BOUNCED_AT or not within:
        return None
    assert item.id is not None
    return BouncedItem(item.id, item.title, len(bounces), len(within), tuple(path))


def _existed(item: RoadmapItem, changes: list[RoadmapChange], start: date, end: date) -> bool:
    created = next((c for c in changes if c.kind is RoadmapChangeKind.CREATED), None)
    if created is not None and _day(created) > end:
        return False
    if created is not None and _day(created) >= start:
        return True
    if _open_at_start(item, changes, start):
        return True
    return any(
        c.kind is RoadmapChangeKind.STATUS and start <= _day(c) <= end and c.new_value not in CLOSED
        for c in changes
    )


def _open_at_start(item: RoadmapItem, changes: list[RoadmapChange], start: date) -> bool:
    created = next((c for c in changes if c.kind is RoadmapChangeKind.CREATED), None)
    if created is not None and _day(created) >= start:
        return False
    status = _value_at_start(changes, RoadmapChangeKind.STATUS, start, item.status.value)
    return status not in CLOSED


def _column_at_start(item: RoadmapItem, changes: list[RoadmapChange], start: date) -> str:
    before = [c for c in changes if _day(c) < start]
    created = next((c for c in before if c.kind is RoadmapChangeKind.CREATED), None)
    fallback = created.new_value if created is not None and created.new_value else None
    return _value_at_start(changes, RoadmapChangeKind.HORIZON, start, fallback or column_of(item))


def _value_at_start(
    changes: list[RoadmapChange], kind: RoadmapChangeKind, start: date, current: str
) -> str:
    """A field's value just before ``start``: the last change of it before then, else the
    value the first later change replaced, else its value now."""
    of_kind = [c for c in changes if c.kind is kind]
    before = [c for c in of_kind if _day(c) < start]
    if before:
        return before[-1].new_value or current
    if of_kind and of_kind[0].old_value:
        return of_kind[0].old_value
    return current


def _event(change: RoadmapChange, titles: dict[int | None, str]) -> ItemEvent:
    return ItemEvent(change.item_id, titles.get(change.item_id, "?"), _day(change),
                     change.changed_by)  # fmt: skip


def _day(change: RoadmapChange) -> date:
    return change.changed_at.astimezone(UTC).date()


def _period(period: str) -> str:
    try:
        chosen = quarter("period", period)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    assert chosen is not None
    return chosen
