"""Priority churn on a small roadmap with dated changes, checked against figures worked out
by hand (both engines).

The roadmap, by day (UTC, 09:00):

    2026-01-05  F "Legacy statements export" created in later      (maya)
    2026-01-12  C "Multi-currency payouts" created in later        (maya)
    2026-02-02  E "SAML single sign-on" created in next            (tom)
    2026-03-02  C later → next                                      (rachel)
    2026-04-01  B "Virtual card at sign-up" created in now         (aisha)
    2026-04-20  C next → later    bounce 1 (later was left 03-02)   (maya)
    2026-05-04  A "Transfer tracker" created in now, rank 2         (maya)
    2026-06-10  F dropped                                           (maya)
    2026-07-14  C later → next    bounce 2                          (rachel)
    2026-07-20  A rank 2 → 1                                        (rachel)
    2026-08-03  D "App redesign" created in now                     (daniel)
    2026-08-24  C next → later    bounce 3                          (daniel)
    2026-09-01  D now → next                                        (maya)
    2026-09-15  E dropped                                           (tom)
    2026-10-05  G "Approval workflows" created in next              (tom)

2026Q3 (1 Jul – 30 Sep, 92 days): moves are C 07-14, A 07-20, C 08-24, D 09-01 = 4. Items
that existed: A, B, C, E (open at the start), D (created within) = 5; F was dropped before,
G created after. Moves per item per week = 4 / 5 / (92 / 7) = 28 / 460. In "now" at the
start: A and B; A moved (rank) → 1 of 2. Entered D, dropped E. By requester: rachel 2,
daniel 1, maya 1. C has 3 bounces by 30 Sep, 2 of them in Q3 → listed.

2026Q2 (1 Apr – 30 Jun, 91 days = 13 weeks): moves C 04-20 = 1; items B, A (created within),
C, E, F (open at the start) = 5 → 1 / 5 / 13. Nothing was in "now" on 1 Apr (B was created
that day) → share 0. Entered B and A, dropped F. C has 1 bounce by 30 Jun → not listed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine

from tradeoff.errors import InputError
from tradeoff.storage.session import read_session
from tradeoff.strategy.churn import (
    ColumnStep,
    ItemEvent,
    periods_before,
    priority_churn,
)
from tradeoff.strategy.roadmap import move_item, new_item, set_status

MAYA = "maya@ledgerly.example"
TOM = "tom@ledgerly.example"
RACHEL = "rachel@ledgerly.example"
DANIEL = "daniel@ledgerly.example"
AISHA = "aisha@ledgerly.example"
LATER_AS_OF = date(2026, 11, 30)


def at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T09:00:00").replace(tzinfo=UTC)


@pytest.fixture
def roadmap(engine: Engine) -> Engine:
    def create(title: str, column: str, by: str, day: str) -> None:
        new_item(engine, title, column=column, by=by, reason="planned", at=at(day))

    def move(title: str, by: str, day: str, *, to: str | None = None, rank: int | None = None):
        move_item(engine, title, by=by, reason="asked", to=to, rank=rank, at=at(day))

    create("Legacy statements export", "later", MAYA, "2026-01-05")
    create("Multi-currency payouts", "later", MAYA, "2026-01-12")
    create("SAML single sign-on", "next", TOM, "2026-02-02")
    move("Multi-currency payouts", RACHEL, "2026-03-02", to="next")
    create("Virtual card at sign-up", "now", AISHA, "2026-04-01")
    move("Multi-currency payouts", MAYA, "2026-04-20", to="later")
    create("Transfer tracker", "now", MAYA, "2026-05-04")
    set_status(engine, "Legacy statements export", "dropped", by=MAYA, reason="no users",
               at=at("2026-06-10"))  # fmt: skip
    move("Multi-currency payouts", RACHEL, "2026-07-14", to="next")
    move("Transfer tracker", RACHEL, "2026-07-20", rank=1)
    create("App redesign", "now", DANIEL, "2026-08-03")
    move("Multi-currency payouts", DANIEL, "2026-08-24", to="later")
    move("App redesign", MAYA, "2026-09-01", to="next")
    set_status(engine, "SAML single sign-on", "dropped", by=TOM, reason="partner covers it",
               at=at("2026-09-15"))  # fmt: skip
    create("Approval workflows", "next", TOM, "2026-10-05")
    return engine


def test_a_quarter_with_moves_bounces_entries_and_drops(roadmap: Engine) -> None:
    with read_session(roadmap) as session:
        report = priority_churn(session, "2026q3", as_of=LATER_AS_OF)
    assert (report.period, report.start, report.end, report.days) == (
        "2026Q3", date(2026, 7, 1), date(2026, 9, 30), 92,
    )  # fmt: skip
    assert (report.moves, report.items) == (4, 5)
    assert report.moves_per_item_week == pytest.approx(28 / 460)
    assert (report.now_at_start, report.now_changed, report.now_share_changed) == (2, 1, 0.5)
    assert (report.entered, report.dropped) == (1, 1)
    assert report.entered_items == (ItemEvent(6, "App redesign", date(2026, 8, 3), DANIEL),)
    assert report.dropped_items == (ItemEvent(3, "SAML single sign-on", date(2026, 9, 15), TOM),)
    assert report.by_requester == ((RACHEL, 2), (DANIEL, 1), (MAYA, 1))
    [bounced] = report.bounced
    assert (bounced.title, bounced.bounces, bounced.bounces_in_period) == (
        "Multi-currency payouts", 3, 2,
    )  # fmt: skip
    assert bounced.path == (
        ColumnStep(date(2026, 1, 12), "later", MAYA, "planned", False),
        ColumnStep(date(2026, 3, 2), "next", RACHEL, "asked", False),
        ColumnStep(date(2026, 4, 20), "later", MAYA, "asked", True),
        ColumnStep(date(2026, 7, 14), "next", RACHEL, "asked", True),
        ColumnStep(date(2026, 8, 24), "later", DANIEL, "asked", True),
    )


def test_the_quarter_before_counts_its_own_record_only(roadmap: Engine) -> None:
    with read_session(roadmap) as session:
        report = priority_churn(session, "2026Q2", as_of=LATER_AS_OF)
    assert (report.moves, report.items, report.days) == (1, 5, 91)
    assert report.moves_per_item_week == pytest.approx(1 / 5 / 13)
    assert (report.now_at_start, report.now_share_changed) == (0, 0.0)
    assert [e.title for e in report.entered_items] == ["Virtual card at sign-up",
                                                       "Transfer tracker"]  # fmt: skip
    assert [e.title for e in report.dropped_items] == ["Legacy statements export"]
    assert report.by_requester == ((MAYA, 1),)
    assert report.bounced == ()  # one bounce by 30 June: not "more than once"


def test_a_running_quarter_is_counted_to_the_as_of_day(roadmap: Engine) -> None:
    """Q4 up to 31 Oct: 31 days, no moves; G entered; items A, B, C, D, G (E, F dropped)."""
    with read_session(roadmap) as session:
        report = priority_churn(session, "2026Q4", as_of=date(2026, 10, 31))
    assert (report.end, report.days, report.moves, report.items) == (
        date(2026, 10, 31), 31, 0, 5,
    )  # fmt: skip
    assert report.moves_per_item_week == 0.0
    # In now on 1 Oct: A and B (D moved to next on 1 Sep); neither moved since.
    assert (report.now_at_start, report.now_changed) == (2, 0)
    assert report.entered == 1
    with read_session(roadmap) as session, pytest.raises(InputError, match="starts after"):
        priority_churn(session, "2027Q1", as_of=date(2026, 10, 31))


def test_an_empty_roadmap_has_no_churn(engine: Engine) -> None:
    with read_session(engine) as session:
        report = priority_churn(session, "2026Q3", as_of=LATER_AS_OF)
    assert (report.items, report.moves, report.moves_per_item_week) == (0, 0, 0.0)
    assert (report.now_share_changed, report.bounced, report.by_requester) == (0.0, (), ())


def test_a_period_must_be_a_quarter(engine: Engine) -> None:
    with read_session(engine) as session, pytest.raises(InputError, match="quarter like 2026Q3"):
        priority_churn(session, "2026-07")


def test_the_trend_is_the_three_quarters_before() -> None:
    assert periods_before("2026Q2", 3) == ["2025Q3", "2025Q4", "2026Q1"]
