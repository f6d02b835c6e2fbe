"""The roadmap's rows: items, their goal and opportunity links, and the change record.

Every write that moves an item goes through ``record_change`` in the same transaction as the
item's update, so the change record (the raw material of priority churn) never disagrees
with the board. Changes are read oldest first, by ``changed_at`` then ``id``: two changes
stamped the same instant keep the order they were written in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import RoadmapStatus
from tradeoff.domain.strategy import (
    ProductArea,
    RoadmapChange,
    RoadmapItem,
    RoadmapItemGoal,
    RoadmapItemOpportunity,
)
from tradeoff.errors import NotFound
from tradeoff.storage import repository
from tradeoff.storage.tables import (
    ProductAreaRow,
    RoadmapChangeRow,
    RoadmapItemGoalRow,
    RoadmapItemOpportunityRow,
    RoadmapItemRow,
)


def add_item(session: Session, item: RoadmapItem) -> RoadmapItem:
    return repository.add(session, item)


def update_item(session: Session, item: RoadmapItem) -> RoadmapItem:
    return repository.update(session, item)


def record_change(session: Session, change: RoadmapChange) -> RoadmapChange:
    return repository.add(session, change)


def find_item(session: Session, ref: str) -> RoadmapItem:
    """An item by its id (``12``) or its exact title; a title shared by two items is refused
    by naming both ids, so the user can pick one."""
    text = ref.strip()
    if text.isdigit():
        row = session.get(RoadmapItemRow, int(text))
        if row is not None:
            return repository.to_domain(row, RoadmapItem)
    rows = session.scalars(
        select(RoadmapItemRow).where(RoadmapItemRow.title == text).order_by(RoadmapItemRow.id)
    ).all()
    if len(rows) > 1:
        ids = ", ".join(str(r.id) for r in rows)
        raise NotFound(f"{len(rows)} roadmap items are titled {text!r} (ids {ids}); use the id")
    if not rows:
        raise NotFound(f"no roadmap item with id or title {text!r}; see tradeoff roadmap")
    return repository.to_domain(rows[0], RoadmapItem)


def item_by_title(session: Session, title: str) -> RoadmapItem | None:
    row = session.scalar(
        select(RoadmapItemRow).where(RoadmapItemRow.title == title).order_by(RoadmapItemRow.id)
    )
    return None if row is None else repository.to_domain(row, RoadmapItem)


def all_items(session: Session) -> list[RoadmapItem]:
    """Every item, by column's rank then id (the board's order within a column)."""
    rows = session.scalars(select(RoadmapItemRow).order_by(RoadmapItemRow.rank, RoadmapItemRow.id))
    return [repository.to_domain(row, RoadmapItem) for row in rows]


def goal_links(session: Session) -> dict[int, list[int]]:
    """Item id → the ids of the goals it serves, in goal-id order."""
    found: dict[int, list[int]] = {}
    rows = session.scalars(
        select(RoadmapItemGoalRow).order_by(RoadmapItemGoalRow.item_id, RoadmapItemGoalRow.goal_id)
    )
    for row in rows:
        found.setdefault(row.item_id, []).append(row.goal_id)
    return found


def opportunity_links(session: Session) -> dict[int, list[int]]:
    """Item id → the ids of the opportunities it pursues, in id order."""
    found: dict[int, list[int]] = {}
    rows = session.scalars(
        select(RoadmapItemOpportunityRow).order_by(
            RoadmapItemOpportunityRow.item_id, RoadmapItemOpportunityRow.opportunity_id
        )
    )
    for row in rows:
        found.setdefault(row.item_id, []).append(row.opportunity_id)
    return found


def link_goal(session: Session, item_id: int, goal_id: int) -> bool:
    """Link an item to a goal; ``False`` when the link was already there."""
    if session.get(RoadmapItemGoalRow, (item_id, goal_id)) is not None:
        return False
    repository.add(session, RoadmapItemGoal(item_id=item_id, goal_id=goal_id))
    return True


def link_opportunity(session: Session, item_id: int, opportunity_id: int) -> bool:
    """Link an item to an opportunity; ``False`` when the link was already there."""
    if session.get(RoadmapItemOpportunityRow, (item_id, opportunity_id)) is not None:
        return False
    repository.add(session, RoadmapItemOpportunity(item_id=item_id, opportunity_id=opportunity_id))
    return True


def changes(
    session: Session,
    *,
    item_ids: Sequence[int] | None = None,
    until: datetime | None = None,
) -> list[RoadmapChange]:
    """The change record oldest first: every item's, or only ``item_ids``', up to ``until``."""
    query = select(RoadmapChangeRow).order_by(RoadmapChangeRow.changed_at, RoadmapChangeRow.id)
    if item_ids is not None:
        query = query.where(RoadmapChangeRow.item_id.in_(list(item_ids)))
    if until is not None:
        query = query.where(RoadmapChangeRow.changed_at <= until)
    return [repository.to_domain(row, RoadmapChange) for row in session.scalars(query)]


def area_by_key(session: Session, key: str) -> ProductArea | None:
    row = session.scalar(select(ProductAreaRow).where(ProductAreaRow.key == key))
    return None if row is None else repository.to_domain(row, ProductArea)


def last_rank(session: Session, horizon: str, quarter: str | None) -> int:
    """The highest rank of the open items in a column (0 when none): a new item goes below."""
    in_quarter = (
        RoadmapItemRow.quarter.is_(None) if quarter is None else RoadmapItemRow.quarter == quarter
    )
    query = select(RoadmapItemRow.rank).where(
        RoadmapItemRow.horizon == horizon,
        in_quarter,
        RoadmapItemRow.status.in_([RoadmapStatus.PLANNED, RoadmapStatus.IN_PROGRESS]),
    )
    ranks = session.scalars(query).all()
    return max(ranks, default=0)
