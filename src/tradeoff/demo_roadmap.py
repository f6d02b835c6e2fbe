"""The demo's roadmap, from workspace.toml's ``[[roadmap]]``, through the real roadmap path.

Each item's history (``[[roadmap.changes]]``, oldest first) is replayed with the same calls
``tradeoff roadmap new|move|status`` make, dated as written: ``from = ""`` creates the item,
``kind = "status"`` changes its status, ``kind = "rank"`` its rank, anything else moves it to
the column ``to``. The item's goal (``G-`` key → the stored goal with that title and period),
the opportunities of its problem (``P-`` key → the stored problem → its opportunities), its
product area (by key, when the areas are loaded; otherwise left empty) and its metric (a
``[[metrics]]`` key) are set at creation. The replay must end where the entry says the item
is (its ``horizon`` and ``status``), so the file cannot disagree with itself.

Running it again changes nothing: items are keyed on title, and a stored one is skipped.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Engine

from tradeoff.domain.enums import RoadmapStatus
from tradeoff.errors import InputError
from tradeoff.storage import goals as goal_store
from tradeoff.storage import problems as problem_store
from tradeoff.storage import roadmap as store
from tradeoff.storage.session import read_session
from tradeoff.strategy.roadmap import column_of, move_item, new_item, set_status

#: The demo file's word for a status, where it differs from ours.
STATUS_WORDS = {"not_started": RoadmapStatus.PLANNED}
#: Changes are dated at this hour of their day.
CHANGE_HOUR = time(9, 0, tzinfo=UTC)


def load_demo_roadmap(engine: Engine, records: dict[str, Any]) -> int:
    """Store ``records``' roadmap items not stored yet with their history; returns how many.

    The changes of every new item are replayed together in date order (the file's order on
    one day), so each move meets the columns as they were that day and ranks come out as
    the history made them.
    """
    fresh = []
    for entry in records.get("roadmap", []):
        with read_session(engine) as session:
            if store.item_by_title(session, str(entry["title"])) is None:
                fresh.append(entry)
    events: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for entry in fresh:
        changes = list(entry.get("changes", []))
        if not changes or changes[0].get("from", None) != "":
            raise InputError(f'roadmap {entry["key"]}: the first change must create it (from = "")')
        events += [(str(c["date"]), entry, c) for c in changes]
    # sorted() is stable: changes on one day keep the file's order.
    for _, entry, change in sorted(events, key=lambda event: event[0]):
        if change is entry["changes"][0]:
            _create(engine, entry, change, records)
        else:
            _apply(engine, entry, change)
    for entry in fresh:
        _check_final(engine, entry)
    return len(fresh)


def _create(
    engine: Engine, entry: dict[str, Any], created: dict[str, Any], records: dict[str, Any]
) -> None:
    final = _status(entry.get("status", "planned"))
    initial = RoadmapStatus.IN_PROGRESS if final is RoadmapStatus.IN_PROGRESS else None
    status_changes = [c for c in entry["changes"] if c.get("kind") == "status"]
    if initial is None and status_changes:
        initial = _status(status_changes[0]["from"])
    goal_ids, opportunity_ids, area = _links(engine, entry, records)
    new_item(
        engine,
        str(entry["title"]),
        column=str(created["to"]),
        by=str(created["by"]),
        reason=str(created["reason"]),
        goal_ids=goal_ids,
        opportunity_ids=opportunity_ids,
        area_key=area,
        owner=entry.get("owner"),
        requested_by=entry.get("requested_by") or str(created["by"]),
        metric=_metric_name(entry.get("metric"), records),
        status=initial or RoadmapStatus.PLANNED,
        at=_at(created["date"]),
    )


def _apply(engine: Engine, entry: dict[str, Any], change: dict[str, Any]) -> None:
    title = str(entry["title"])
    by, reason, when = str(change["by"]), str(change["reason"]), _at(change["date"])
    kind = change.get("kind", "horizon")
    if kind == "status":
        shipped = entry.get("shipped_on") if change["to"] == "shipped" else None
        set_status(engine, title, str(change["to"]), by=by, reason=reason, at=when,
                   on=date.fromisoformat(str(shipped)) if shipped else None)  # fmt: skip
    elif kind == "rank":
        move_item(engine, title, by=by, reason=reason, rank=int(change["to"]), at=when)
    else:
        move_item(engine, title, by=by, reason=reason, to=str(change["to"]), at=when)


def _check_final(engine: Engine, entry: dict[str, Any]) -> None:
    """The replay must end where the entry says the item is."""
    final = _status(entry.get("status", "planned"))
    with read_session(engine) as session:
        item = store.find_item(session, str(entry["title"]))
    if column_of(item) != str(entry["horizon"]) or item.status is not final:
        raise InputError(
            f"roadmap {entry['key']}: its changes end in {column_of(item)} / "
            f"{item.status.value}, but the entry says {entry['horizon']} / {final.value}"
        )


def _links(
    engine: Engine, entry: dict[str, Any], records: dict[str, Any]
) -> tuple[list[int], list[int], str | None]:
    goals = {str(g["key"]): g for g in records.get("goals", [])}
    problems = {str(p["key"]): str(p["title"]) for p in records.get("problems", [])}
    goal_ids: list[int] = []
    opportunity_ids: list[int] = []
    with read_session(engine) as session:
        goal = goals.get(str(entry.get("goal", "")))
        if goal is not None:
            stored = goal_store.goal_by_title(session, str(goal["title"]), str(goal["period"]))
            if stored is not None and stored.id is not None:
                goal_ids.append(stored.id)
        statement = problems.get(str(entry.get("problem", "")))
        problem = problem_store.find_problem(session, statement) if statement else None
        if problem is not None and problem.id is not None:
            links = problem_store.problem_links(session, problem.id)
            opportunity_ids = [opportunity_id for opportunity_id, _ in links.opportunities]
        key = entry.get("area")
        area = str(key) if key and store.area_by_key(session, str(key)) is not None else None
    return goal_ids, opportunity_ids, area


def _metric_name(key: object, records: dict[str, Any]) -> str | None:
    if not key:
        return None
    names = {str(m["key"]): str(m["name"]) for m in records.get("metrics", [])}
    return names.get(str(key), str(key))


def _status(word: object) -> RoadmapStatus:
    text = str(word)
    return STATUS_WORDS.get(text) or RoadmapStatus(text)


def _at(day: object) -> datetime:
    return datetime.combine(date.fromisoformat(str(day)), CHANGE_HOUR)
