"""The now / next / later roadmap, tied to goals and opportunities, with every move recorded.

Columns are ``now``, ``next``, ``later`` or a quarter (``2026Q3``). Within a column, the
open items are ranked 1, 2, 3… from the top; a new item goes to the bottom, and moving an
item to rank N pushes the items at N and below down one, closing the gap it left behind.
The others keep their order, so their renumbering is bookkeeping, not a change of their
priority, and is not recorded. Each command writes one change with who asked and why:
``created``, ``horizon`` (a new column), ``rank`` (a new place in the same column) or
``status``. A reason is required for every change: the record is what ``tradeoff churn``
reads, and a move nobody can explain is the churn a product leader must shield the team from.

An item linked to no goal and no opportunity is **unanchored**: work tied to no outcome
(principle 1), listed apart on the board so it is questioned rather than carried along.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.domain.enums import RoadmapChangeKind, RoadmapHorizon, RoadmapStatus
from tradeoff.domain.problems import Opportunity
from tradeoff.domain.rules import RuleViolation, now_utc, quarter
from tradeoff.domain.strategy import (
    Goal,
    MetricDefinition,
    ProductArea,
    RoadmapChange,
    RoadmapItem,
)
from tradeoff.errors import InputError, NotFound
from tradeoff.storage import metrics, repository
from tradeoff.storage import roadmap as store
from tradeoff.storage.session import read_session, write_session
from tradeoff.strategy.post_ship import DEFAULT_WINDOW_WEEKS, PostShipCheck, post_ship_check

COLUMNS = ("now", "next", "later")
OPEN = (RoadmapStatus.PLANNED, RoadmapStatus.IN_PROGRESS)


@dataclass(frozen=True)
class BoardItem:
    item: RoadmapItem
    column: str
    goals: tuple[Goal, ...]
    opportunities: tuple[Opportunity, ...]
    area: ProductArea | None

    @property
    def anchored(self) -> bool:
        return bool(self.goals or self.opportunities)


@dataclass(frozen=True)
class Board:
    #: (column, its items by rank): now, next, later, then quarters in order.
    columns: tuple[tuple[str, tuple[BoardItem, ...]], ...]
    #: Open items linked to no goal and no opportunity.
    unanchored: tuple[BoardItem, ...]


@dataclass(frozen=True)
class ItemPage:
    entry: BoardItem
    metric: MetricDefinition | None
    changes: tuple[RoadmapChange, ...]
    post_ship: PostShipCheck | None
    #: Why there is no post-ship check, when there is none.
    post_ship_missing: str | None


@dataclass(frozen=True)
class HistoryLine:
    change: RoadmapChange
    title: str


def column_of(item: RoadmapItem) -> str:
    """The column an item is in, as the board and the change record name it."""
    if item.horizon is RoadmapHorizon.QUARTER and item.quarter:
        return item.quarter
    return item.horizon.value


def parse_column(text: str) -> tuple[RoadmapHorizon, str | None]:
    """``now``/``next``/``later`` or a quarter like ``2026Q3`` → (horizon, quarter)."""
    word = text.strip().lower()
    if word in COLUMNS:
        return RoadmapHorizon(word), None
    try:
        return RoadmapHorizon.QUARTER, quarter("horizon", text)
    except RuleViolation:
        raise InputError(
            f"column must be now, next, later or a quarter like 2026Q3, got {text!r}"
        ) from None


def new_item(
    engine: Engine,
    title: str,
    *,
    column: str,
    by: str,
    reason: str,
    goal_ids: Sequence[int] = (),
    opportunity_ids: Sequence[int] = (),
    area_key: str | None = None,
    owner: str | None = None,
    requested_by: str | None = None,
    metric: str | None = None,
    description: str | None = None,
    status: RoadmapStatus = RoadmapStatus.PLANNED,
    at: datetime | None = None,
) -> RoadmapItem:
    """Add an item at the bottom of ``column``, with its links and a ``created`` change.

    >>> new_item(engine, "Transfer tracker", column="next", by="maya@x.example",
    ...          reason="Top support driver", goal_ids=[1]).rank
    3
    """
    who, why = _who_why(by, reason)
    horizon, in_quarter = parse_column(column)
    if status not in OPEN:
        raise InputError(f"a new item is planned or in_progress, not {status.value}")
    with write_session(engine) as session:
        area = _area(session, area_key)
        metric_id = metrics.get_metric(session, metric).id if metric else None
        item = store.add_item(
            session,
            RoadmapItem(
                title=title, description=description, horizon=horizon, quarter=in_quarter,
                rank=store.last_rank(session, horizon.value, in_quarter) + 1,
                area_id=area.id if area else None, owner=owner,
                requested_by=requested_by or who, metric_id=metric_id, status=status,
            ),
        )  # fmt: skip
        assert item.id is not None
        _link(session, item.id, goal_ids, opportunity_ids)
        store.record_change(
            session,
            RoadmapChange(item_id=item.id, kind=RoadmapChangeKind.CREATED,
                          new_value=column_of(item), changed_by=who, reason=why,
                          changed_at=at or now_utc()),
        )  # fmt: skip
        return item


def move_item(
    engine: Engine,
    ref: str,
    *,
    by: str,
    reason: str,
    to: str | None = None,
    rank: int | None = None,
    at: datetime | None = None,
) -> tuple[RoadmapItem, RoadmapChange]:
    """Move an item to another column (a ``horizon`` change; at ``rank`` or the bottom), or
    to ``rank`` in its own column (a ``rank`` change). Moving it where it is is refused."""
    who, why = _who_why(by, reason)
    if to is None and rank is None:
        raise InputError("say where it goes: --to now|next|later|2026Q3 and/or --rank N")
    if rank is not None and rank < 1:
        raise InputError(f"--rank must be 1 or more (1 is the top), got {rank}")
    with write_session(engine) as session:
        item = store.find_item(session, ref)
        assert item.id is not None
        if item.status not in OPEN:
            raise InputError(f"{item.title!r} is {item.status.value}: reopen it first "
                             "(tradeoff roadmap status ITEM in_progress)")  # fmt: skip
        old_column = column_of(item)
        old_rank = item.rank
        horizon, in_quarter = parse_column(to) if to else (item.horizon, item.quarter)
        new_column = in_quarter or horizon.value
        if new_column != old_column and rank is None:
            rank = store.last_rank(session, horizon.value, in_quarter) + 1
        elif new_column == old_column:
            # A rank past the bottom means the bottom: the last place among the open items.
            rank = min(rank or old_rank, store.last_rank(session, horizon.value, in_quarter))
            if rank == old_rank:
                where = f"{old_column} at rank {old_rank}"
                raise InputError(f"{item.title!r} is already in {where}; nothing moved")
        assert rank is not None
        item.horizon, item.quarter = horizon, in_quarter
        moved = _rerank(session, item, rank, old_column)
        if new_column != old_column:
            kind, old, new = RoadmapChangeKind.HORIZON, old_column, new_column
        else:
            kind, old, new = RoadmapChangeKind.RANK, str(old_rank), str(moved.rank)
        change = RoadmapChange(item_id=item.id, kind=kind, old_value=old, new_value=new,
                               changed_by=who, reason=why, changed_at=at or now_utc())  # fmt: skip
        return moved, store.record_change(session, change)


def set_status(
    engine: Engine,
    ref: str,
    status: str,
    *,
    by: str,
    reason: str,
    on: date | None = None,
    at: datetime | None = None,
) -> tuple[RoadmapItem, RoadmapChange]:
    """Change an item's status; ``shipped`` records the ship day (``on``, today by default),
    which the post-ship check reads. The change itself is dated when it is recorded (``at``,
    now by default), so a ship day entered late never reorders the history. The same status
    again is refused."""
    who, why = _who_why(by, reason)
    try:
        wanted = RoadmapStatus(status.strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in RoadmapStatus)
        raise InputError(f"status must be one of {names}, got {status!r}") from None
    with write_session(engine) as session:
        item = store.find_item(session, ref)
        assert item.id is not None
        if item.status is wanted:
            raise InputError(f"{item.title!r} is already {wanted.value}; nothing changed")
        if on is not None and wanted is not RoadmapStatus.SHIPPED:
            raise InputError("--on is the day it shipped: give it only with shipped")
        when = at or now_utc()
        day = on or when.date()
        change = RoadmapChange(item_id=item.id, kind=RoadmapChangeKind.STATUS,
                               old_value=item.status.value, new_value=wanted.value,
                               changed_by=who, reason=why, changed_at=when)  # fmt: skip
        item.status = wanted
        if wanted is RoadmapStatus.SHIPPED:
            item.shipped_on = day
        updated = store.update_item(session, item)
        return updated, store.record_change(session, change)


def link_item(
    engine: Engine,
    ref: str,
    *,
    goal_ids: Sequence[int] = (),
    opportunity_ids: Sequence[int] = (),
) -> tuple[RoadmapItem, int]:
    """Link an item to goals and opportunities; returns the item and how many links are new."""
    if not goal_ids and not opportunity_ids:
        raise InputError("name what it serves: --goal ID and/or --opportunity ID")
    with write_session(engine) as session:
        item = store.find_item(session, ref)
        assert item.id is not None
        return item, _link(session, item.id, goal_ids, opportunity_ids)


def board(engine: Engine, *, include_closed: bool = False) -> Board:
    """The board: open items (and shipped and dropped ones with ``include_closed``) by
    column and rank, with what each serves, and the unanchored ones apart."""
    with read_session(engine) as session:
        entries = [e for e in _entries(session) if include_closed or e.item.status in OPEN]
    quarters = sorted({e.column for e in entries} - set(COLUMNS))
    columns = tuple(
        (name, tuple(e for e in entries if e.column == name)) for name in (*COLUMNS, *quarters)
    )
    unanchored = tuple(e for e in entries if not e.anchored and e.item.status in OPEN)
    return Board(columns, unanchored)


def item_page(engine: Engine, ref: str, *, window_weeks: int = DEFAULT_WINDOW_WEEKS) -> ItemPage:
    """One item: its fields and links, every change, and the post-ship check."""
    with read_session(engine) as session:
        item = store.find_item(session, ref)
        assert item.id is not None
        entry = next(e for e in _entries(session, [item]))
        history = store.changes(session, item_ids=[item.id])
        metric = (
            repository.get(session, MetricDefinition, item.metric_id) if item.metric_id else None
        )
        check, missing = None, None
        if item.metric_id is None:
            missing = "it names no metric (tradeoff roadmap new --metric NAME)"
        elif item.shipped_on is None:
            missing = "it has not shipped (tradeoff roadmap status ITEM shipped --on DATE)"
        else:
            check = post_ship_check(session, item.metric_id, item.shipped_on,
                                    window_weeks=window_weeks)  # fmt: skip
        return ItemPage(entry, metric, tuple(history), check, missing)


def history(engine: Engine, ref: str | None = None) -> list[HistoryLine]:
    """Every change oldest first, or one item's."""
    with read_session(engine) as session:
        items = [store.find_item(session, ref)] if ref else store.all_items(session)
        titles = {i.id: i.title for i in items}
        found = store.changes(session, item_ids=[i.id for i in items if i.id] if ref else None)
        return [HistoryLine(c, titles.get(c.item_id, "?")) for c in found]


def _entries(session: Session, items: list[RoadmapItem] | None = None) -> list[BoardItem]:
    chosen = items if items is not None else store.all_items(session)
    goals = {g.id: g for g in repository.list_all(session, Goal)}
    opportunities = {o.id: o for o in repository.list_all(session, Opportunity)}
    areas = {a.id: a for a in repository.list_all(session, ProductArea)}
    goal_links, opportunity_links = store.goal_links(session), store.opportunity_links(session)
    return [
        BoardItem(
            item, column_of(item),
            tuple(goals[g] for g in goal_links.get(item.id or 0, []) if g in goals),
            tuple(opportunities[o] for o in opportunity_links.get(item.id or 0, [])
                  if o in opportunities),
            areas.get(item.area_id) if item.area_id else None,
        )
        for item in chosen
    ]  # fmt: skip


def _rerank(session: Session, item: RoadmapItem, rank: int, left: str) -> RoadmapItem:
    """Put ``item`` at ``rank`` in its (new) column and number the open items of that column
    and of the column it ``left`` 1, 2, 3… in their order, so no rank is shared or skipped."""
    others = [i for i in store.all_items(session) if i.id != item.id and i.status in OPEN]
    target = [i for i in others if column_of(i) == column_of(item)]
    target.insert(min(rank, len(target) + 1) - 1, item)
    behind = [i for i in others if column_of(i) == left] if left != column_of(item) else []
    for column in (target, behind):
        for place, entry in enumerate(column, start=1):
            if entry.rank != place or entry is item:
                entry.rank = place
                store.update_item(session, entry)
    return item


def _link(
    session: Session, item_id: int, goal_ids: Sequence[int], opportunity_ids: Sequence[int]
) -> int:
    added = 0
    for goal_id in goal_ids:
        repository.get(session, Goal, goal_id)
        added += store.link_goal(session, item_id, goal_id)
    for opportunity_id in opportunity_ids:
        repository.get(session, Opportunity, opportunity_id)
        added += store.link_opportunity(session, item_id, opportunity_id)
    return added


def _area(session: Session, key: str | None) -> ProductArea | None:
    if not key:
        return None
    area = store.area_by_key(session, key)
    if area is None:
        raise NotFound(f"no product area with key {key!r}")
    return area


def _who_why(by: str, reason: str) -> tuple[str, str]:
    """Who asked and why, both required: the churn record is only useful with them."""
    if not by or not by.strip():
        raise InputError("--by is required: who asked for this change")
    if not reason or not reason.strip():
        raise InputError("--reason is required and must not be blank: say why it changes")
    return by.strip(), " ".join(reason.split())
