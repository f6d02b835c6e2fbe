"""The roadmap's rules: every change recorded with who and why, ranks kept in order, the
board's columns and its unanchored items (both engines)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from tradeoff.domain.enums import RoadmapChangeKind, RoadmapStatus
from tradeoff.domain.problems import Opportunity
from tradeoff.domain.strategy import Goal, ProductArea
from tradeoff.errors import InputError, NotFound
from tradeoff.storage import repository
from tradeoff.storage.session import write_session
from tradeoff.strategy.roadmap import (
    board,
    history,
    item_page,
    link_item,
    move_item,
    new_item,
    set_status,
)

MAYA = "maya@ledgerly.example"


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    with write_session(engine) as session:
        repository.add(session, Goal(title="Grow revenue from the customers we have",
                                     period="2026Q4"))  # fmt: skip
        repository.add(session, Opportunity(title="Transfer tracker with live status"))
        repository.add(session, ProductArea(key="payments", name="Payments"))
    for title, column in (("Transfer tracker", "now"), ("Virtual card", "now"),
                          ("Approvals", "now"), ("SSO", "later")):  # fmt: skip
        new_item(engine, title, column=column, by=MAYA, reason="planned")
    return engine


def ranks(engine: Engine, column: str) -> list[tuple[str, int]]:
    found = dict(board(engine).columns)[column]
    return [(e.item.title, e.item.rank) for e in found]


def test_a_move_needs_a_reason_and_who_asked(seeded: Engine) -> None:
    for reason in ("", "   "):
        with pytest.raises(InputError, match="--reason is required"):
            move_item(seeded, "SSO", by=MAYA, reason=reason, to="next")
    with pytest.raises(InputError, match="--by is required"):
        move_item(seeded, "SSO", by=" ", reason="Enterprise deals", to="next")
    assert [line.change.kind for line in history(seeded, "SSO")] == [RoadmapChangeKind.CREATED]


def test_moving_an_item_where_it_is_is_refused(seeded: Engine) -> None:
    with pytest.raises(InputError, match=r"'SSO' is already in later at rank 1; nothing moved"):
        move_item(seeded, "SSO", by=MAYA, reason="again", to="later")
    with pytest.raises(InputError, match="already in now at rank 2"):
        move_item(seeded, "2", by=MAYA, reason="again", rank=2)


def test_a_column_move_goes_to_the_bottom_and_a_rank_move_makes_room(seeded: Engine) -> None:
    moved, change = move_item(seeded, "SSO", by=MAYA, reason="Enterprise deals", to="now")
    assert (change.kind, change.old_value, change.new_value, moved.rank) == (
        RoadmapChangeKind.HORIZON, "later", "now", 4,
    )  # fmt: skip
    _, change = move_item(seeded, "SSO", by=MAYA, reason="Security review", rank=2)
    assert (change.kind, change.old_value, change.new_value) == (RoadmapChangeKind.RANK, "4", "2")
    assert ranks(seeded, "now") == [
        ("Transfer tracker", 1), ("SSO", 2), ("Virtual card", 3), ("Approvals", 4),
    ]  # fmt: skip
    moved, _ = move_item(seeded, "Approvals", by=MAYA, reason="Q3 plan", to="2026q3")
    assert (moved.quarter, dict(board(seeded).columns)["2026Q3"][0].column) == ("2026Q3", "2026Q3")
    with pytest.raises(InputError, match="now, next, later or a quarter"):
        move_item(seeded, "Approvals", by=MAYA, reason="x", to="soon")


def test_items_are_found_by_id_or_exact_title(seeded: Engine) -> None:
    new_item(seeded, "SSO", column="next", by=MAYA, reason="a second one")
    with pytest.raises(NotFound, match=r"2 roadmap items are titled 'SSO' \(ids 4, 5\)"):
        move_item(seeded, "SSO", by=MAYA, reason="x", to="now")
    with pytest.raises(NotFound, match="no roadmap item with id or title 'sso'"):
        move_item(seeded, "sso", by=MAYA, reason="x", to="now")
    moved, _ = move_item(seeded, "5", by=MAYA, reason="x", to="now")
    assert moved.id == 5


def test_unanchored_items_are_open_items_that_serve_no_goal_and_no_opportunity(
    seeded: Engine,
) -> None:
    link_item(seeded, "Transfer tracker", opportunity_ids=[1])
    _, added = link_item(seeded, "Virtual card", goal_ids=[1])
    assert added == 1
    assert link_item(seeded, "Virtual card", goal_ids=[1])[1] == 0
    set_status(seeded, "Approvals", "dropped", by=MAYA, reason="Partner covers it")
    found = board(seeded)
    assert [e.item.title for e in found.unanchored] == ["SSO"]
    assert [e.item.title for e in dict(found.columns)["now"]] == ["Transfer tracker",
                                                                 "Virtual card"]  # fmt: skip
    everything = board(seeded, include_closed=True)
    assert [e.item.title for e in dict(everything.columns)["now"]][-1] == "Approvals"
    with pytest.raises(NotFound, match="no goal with id 9"):
        link_item(seeded, "SSO", goal_ids=[9])


def test_shipping_records_the_day_and_the_same_status_is_refused(seeded: Engine) -> None:
    item, change = set_status(seeded, "Virtual card", "shipped", by=MAYA, reason="Live",
                              on=date(2026, 11, 2))  # fmt: skip
    assert (item.status, item.shipped_on) == (RoadmapStatus.SHIPPED, date(2026, 11, 2))
    # The ship day is a fact about the item; the change is dated when it was recorded.
    assert (change.old_value, change.new_value, change.changed_at.date()) == (
        "planned", "shipped", date.today(),
    )  # fmt: skip
    with pytest.raises(InputError, match="only with shipped"):
        set_status(seeded, "SSO", "dropped", by=MAYA, reason="x", on=date(2026, 11, 2))
    with pytest.raises(InputError, match="already shipped"):
        set_status(seeded, "Virtual card", "shipped", by=MAYA, reason="Live")
    with pytest.raises(InputError, match="status must be one of"):
        set_status(seeded, "SSO", "done", by=MAYA, reason="x")
    page = item_page(seeded, "Virtual card")
    assert page.post_ship is None
    assert page.post_ship_missing == "it names no metric (tradeoff roadmap new --metric NAME)"


def test_a_new_item_checks_its_area_goals_and_metric(seeded: Engine) -> None:
    item = new_item(seeded, "Statements", column="next", by=MAYA, reason="x", area_key="payments",
                    goal_ids=[1], requested_by="rachel@ledgerly.example")  # fmt: skip
    page = item_page(seeded, str(item.id))
    assert (page.entry.area and page.entry.area.key, page.entry.anchored) == ("payments", True)
    assert page.entry.item.requested_by == "rachel@ledgerly.example"
    assert [c.new_value for c in page.changes] == ["next"]
    with pytest.raises(NotFound, match="no product area with key 'cards'"):
        new_item(seeded, "Cards", column="now", by=MAYA, reason="x", area_key="cards")
    with pytest.raises(NotFound, match="no metric named 'NPS'"):
        new_item(seeded, "NPS thing", column="now", by=MAYA, reason="x", metric="NPS")
