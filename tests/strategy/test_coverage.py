"""Coverage on the drifting workspace of ``test_practice_check``, against figures worked out
by hand from its plan, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.strategy.test_practice_check import AS_OF, Planted, drifting  # noqa: F401
from tradeoff.errors import Conflict, InputError, NotFound
from tradeoff.strategy.coverage import (
    add_team_member,
    area_problems,
    assign_area,
    coverage,
    list_areas,
    new_area,
    team,
)

GBP, EUR = Decimal("1.27"), Decimal("1.08")


def test_each_area_counts_its_accounts_and_money_once(drifting: Planted) -> None:  # noqa: F811
    assert drifting.engine is not None
    found = {a.area.key: a for a in coverage(drifting.engine, as_of=AS_OF).areas}
    assert list(found) == ["cards", "onboarding", "payments", "platform"]

    # payments: transfers (6 tickets + 5 interviews) and reporting (5 surveys), both from
    # Harbour and Quayside; each customer's ARR once although both problems cite it.
    payments = found["payments"]
    assert (payments.evidence, payments.accounts) == (16, 2)
    assert payments.arr.amount == 120000 * GBP + 30000
    assert payments.pipeline.amount == 0
    assert payments.open_problems == (drifting["p_transfers"],)  # reporting's fix shipped
    assert [r.id for r in payments.roadmap] == [
        drifting["r_tracker"],
        drifting["r_carrier"],
        drifting["r_dark"],
    ]  # the shipped item is history
    assert (payments.material, payments.flagged) == (True, False)

    # cards: the two relayed payout requests (Nordlicht, a prospect with an open EUR deal)
    # and January's carrier ticket (Harbour).
    cards = found["cards"]
    assert (cards.evidence, cards.accounts) == (3, 2)
    assert cards.arr.amount == 120000 * GBP
    assert cards.pipeline.amount == 50000 * EUR
    assert cards.revenue_at_stake.amount == 120000 * GBP + 50000 * EUR
    assert cards.revenue_at_stake.complete

    onboarding = found["onboarding"]
    assert (onboarding.evidence, onboarding.accounts) == (1, 1)
    assert onboarding.revenue_at_stake.amount == 30000
    assert (onboarding.area.owner_email, onboarding.flagged) == (None, True)

    platform = found["platform"]
    assert (platform.evidence, platform.material, platform.flagged) == (0, False, False)


def test_each_pm_has_load_and_customer_contact(drifting: Planted) -> None:  # noqa: F811
    assert drifting.engine is not None
    result = coverage(drifting.engine, as_of=AS_OF)
    assert (result.recent_days, result.window_days) == (30, 90)
    pms = {p.email: p for p in result.pms}
    # Team PMs and area owners (Maya owns platform but is not on the team); not Jonas.
    assert list(pms) == ["aisha@ours.example", "maya@ours.example", "tom@ours.example"]

    tom = pms["tom@ours.example"]
    assert tom.areas == ("payments",)
    assert [r.id for r in tom.current_items] == [drifting["r_tracker"], drifting["r_dark"]]
    assert tom.open_problems == (drifting["p_transfers"],)
    # 30 days back from 2026-10-31: the interview of 10-20 (interviewer in any case); 90:
    # also the call of 09-01 relayed by Tom's person record. May's interview is older.
    assert (tom.contacts_recent, tom.contacts_window) == (1, 2)
    assert tom.last_contact is not None
    assert tom.last_contact.isoformat() == "2026-10-20"

    aisha = pms["aisha@ours.example"]
    assert [r.id for r in aisha.current_items] == [drifting["r_carrier"]]
    assert set(aisha.open_problems) == {drifting["p_payouts"], drifting["p_carrier"]}
    # July's interview is outside 90 days; October's survey names her but is no contact.
    assert (aisha.contacts_recent, aisha.contacts_window) == (0, 0)
    assert aisha.last_contact is not None
    assert aisha.last_contact.isoformat() == "2026-07-15"

    maya = pms["maya@ours.example"]
    assert (maya.name, maya.areas, maya.contacts_window, maya.last_contact) == (
        None,
        ("platform",),
        0,
        None,
    )


def test_contact_windows_follow_the_as_of_day(drifting: Planted) -> None:  # noqa: F811
    """On 2026-10-10 the interview of 10-20 is not known yet, and the call of 09-01 is
    before the 30 days (from 09-11) but within the 90 (from 07-13)."""
    assert drifting.engine is not None

    tom = {p.email: p for p in coverage(drifting.engine, as_of=date(2026, 10, 10)).pms}[
        "tom@ours.example"
    ]
    assert (tom.contacts_recent, tom.contacts_window) == (0, 1)
    assert tom.last_contact is not None
    assert tom.last_contact.isoformat() == "2026-09-01"


def test_areas_and_the_team_are_kept_and_checked(drifting: Planted) -> None:  # noqa: F811
    engine = drifting.engine
    assert engine is not None
    with pytest.raises(Conflict):
        new_area(engine, "cards", "Cards again")
    with pytest.raises(InputError):
        new_area(engine, "kyc", "KYC", owner="not an email")
    with pytest.raises(NotFound):
        area_problems(engine, "nowhere", [drifting["p_carrier"]])
    with pytest.raises(NotFound):
        area_problems(engine, "platform", [99999])
    area, problems = area_problems(engine, "platform", [drifting["p_carrier"]])
    assert (area.key, problems) == ("platform", [(drifting["p_carrier"], "Problem of carrier")])
    assert dict((a.key, n) for a, n in list_areas(engine)) == {
        "cards": 1,
        "onboarding": 1,
        "payments": 2,
        "platform": 1,
    }
    assert assign_area(engine, "onboarding", "Aisha@Ours.example").owner_email == (
        "aisha@ours.example"
    )
    assert not {a.area.key: a for a in coverage(engine, as_of=AS_OF).areas}["onboarding"].flagged
    member, new = add_team_member(engine, "Maya@ours.example", name="Maya Okafor", role="pm")
    assert (member.email, new) == ("maya@ours.example", True)
    again, new = add_team_member(engine, "maya@ours.example", name="Maya O.", role="exec")
    assert (again.id, again.role, new) == (member.id, "exec", False)
    with pytest.raises(InputError):
        add_team_member(engine, "x@ours.example", name="X", role="head of everything")
    assert [m.email for m in team(engine) if m.role == "pm"] == [
        "aisha@ours.example",
        "tom@ours.example",
    ]
