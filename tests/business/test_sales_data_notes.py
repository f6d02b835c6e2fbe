"""Bad input from issue 6 — no amount, a close before the create date, an unknown stage — and
the other things the figures cannot count as they are: each handled as documented and
reported as a data note."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from tests.business.world import TODAY, World
from tradeoff.analysis.business.sales import SalesPicture, sales_picture, stage_contradicts
from tradeoff.domain.accounts import Account
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import DealOutcome
from tradeoff.storage import repository
from tradeoff.storage.session import write_session


def day(days_ago: int) -> object:
    return TODAY - timedelta(days=days_ago)


@pytest.fixture
def messy(engine: Engine, world: World) -> SalesPicture:
    """The world plus the deals a real CRM export carries."""
    with write_session(engine) as session:
        kiln = repository.add(
            session,
            Account(name="Kiln Ceramics", segment="SMB", attributes={"industry": "Retail"}),
        )
        cobalt = world.account("Cobalt Retail")
        repository.update(session, replace(cobalt, attributes={"industry": "Retail"}))
        extra = [
            # Closed before it was created: in the rate, not in cycle time.
            Deal(source="crm", external_id="BACKWARDS", name="Backwards", amount=Decimal(5000),
                 currency="USD", outcome=DealOutcome.WON, stage="Closed Won",
                 created_at=day(10), closed_at=day(40), account_id=kiln.id),
            # No stage at all, and a stage that says lost on a deal recorded open.
            Deal(source="crm", external_id="NOSTAGE", name="No stage", outcome=DealOutcome.OPEN),
            Deal(source="crm", external_id="ODD", name="Odd", stage="Closed Lost",
                 outcome=DealOutcome.OPEN),
            # Won in a currency without a rate.
            Deal(source="crm", external_id="YEN", name="Yen", amount=Decimal(1_000_000),
                 currency="JPY", outcome=DealOutcome.WON, stage="Closed Won",
                 created_at=day(100), closed_at=day(50)),
            # Lost with nothing said; lost with no close date; a reworded reason.
            Deal(source="crm", external_id="SILENT", name="Silent", outcome=DealOutcome.LOST,
                 stage="Closed Lost", created_at=day(90), closed_at=day(30)),
            Deal(source="crm", external_id="UNDATED", name="Undated", amount=Decimal(1000),
                 currency="EUR", outcome=DealOutcome.LOST, stage="Closed Lost",
                 loss_reason="no decision: project postponed.", account_id=kiln.id),
        ]  # fmt: skip
        for deal in extra:
            repository.add(session, deal)
    return sales_picture(engine)


def notes_of(picture: SalesPicture) -> dict[str, list[tuple[int, str, tuple[str, ...]]]]:
    found: dict[str, list[tuple[int, str, tuple[str, ...]]]] = {}
    for note in picture.notes:
        found.setdefault(note.kind, []).append((note.deals, note.message, note.examples))
    return found


def test_each_problem_is_reported_once_with_its_count(messy: SalesPicture) -> None:
    notes = notes_of(messy)
    assert notes["no_amount"][0][:2] == (
        2,
        "2 closed deals have no amount: counted in win rates, not in deal sizes or revenue",
    )
    assert notes["no_rate"][0][0] == 1
    assert "JPY" in notes["no_rate"][0][1]
    assert notes["closed_before_created"] == [
        (
            1,
            "1 closed deal with a close date before the create date: counted in win rates, "
            "left out of cycle time",
            ("BACKWARDS",),
        )
    ]
    assert notes["missing_dates"][0][0] == 1
    assert [n[:2] for n in notes["unknown_stage"]] == [
        (1, "1 deal has no stage: counted by its recorded outcome"),
        (1, "1 deal has a stage that contradicts its recorded outcome: counted by the outcome"),
    ]
    assert notes["unknown_stage"][1][2] == ("'Closed Lost' recorded open",)
    assert notes["lost_without_reason"][0][0] == 1


def test_the_figures_do_what_the_notes_say(engine: Engine, messy: SalesPicture) -> None:
    with engine.connect() as connection:
        won, lost, still_open = (
            connection.execute(
                text("SELECT count(*) FROM deals WHERE outcome = :o"), {"o": outcome}
            ).scalar_one()
            for outcome in ("won", "lost", "open")
        )
    o = messy.overall
    assert (o.won, o.lost, o.open) == (won, lost, still_open)  # every deal counts in rates
    assert messy.cycle_won.deals == 4  # the world's three and the yen deal; not BACKWARDS
    assert messy.cycle_lost.deals == 7  # the world's six and SILENT; not UNDATED
    assert messy.average_won.deals == 4
    assert dict(messy.average_won.without_rate) == {"JPY": 1}
    assert dict(o.won_revenue.unconverted) == {"JPY": Decimal(1_000_000)}
    assert "(no segment)" in {r.key for r in messy.breakdown}


def test_reworded_reasons_are_one_objection(messy: SalesPicture) -> None:
    postponed = next(o for o in messy.objections if "postponed" in o.text)
    assert postponed.deals == 2
    assert set(postponed.wordings) == {
        "No decision - project postponed",
        "no decision: project postponed.",
    }
    assert postponed.with_amount == 2


def test_account_attributes_are_compared_too(messy: SalesPicture) -> None:
    retail = next(s for s in messy.win_signals if s.attribute == "account industry")
    assert (retail.value, retail.won_with, retail.lost_with) == ("Retail", 1, 2)


@pytest.mark.parametrize(
    ("stage", "outcome", "contradicts"),
    [
        ("Closed Lost", DealOutcome.OPEN, True),
        ("closedwon", DealOutcome.OPEN, True),
        ("Closed Won", DealOutcome.LOST, True),
        ("Closed Lost", DealOutcome.WON, True),
        ("Negotiation", DealOutcome.OPEN, False),
        ("Closed Won", DealOutcome.WON, False),
        ("Closed", DealOutcome.LOST, False),
        ("Wonderful demo", DealOutcome.OPEN, False),
    ],
)
def test_a_stage_contradicts_only_the_outcome_it_does_not_name(
    stage: str, outcome: DealOutcome, contradicts: bool
) -> None:
    assert stage_contradicts(stage, outcome) is contradicts


def test_cycle_time_counts_calendar_days_whatever_the_hours(engine: Engine) -> None:
    """As CRMs report it: created 10:00 on 13 January and closed on 12 February (a date, read
    as midnight) took 30 days, not 29.58; closed the day it was created at 15:00 took 0 days
    and is in order; only a close on an earlier day is "closed before it was created"."""
    at = datetime(2026, 1, 13, 10, tzinfo=UTC)
    deals = [
        ("JAN", at, datetime(2026, 2, 12, tzinfo=UTC)),
        ("SAMEDAY", at.replace(month=3, day=1, hour=15), datetime(2026, 3, 1, tzinfo=UTC)),
        ("LATE", at.replace(hour=23), datetime(2026, 1, 14, 0, 30, tzinfo=UTC)),
        ("EARLIER", at.replace(month=3, day=5), datetime(2026, 3, 4, 23, tzinfo=UTC)),
    ]
    with write_session(engine) as session:
        for external_id, created, closed in deals:
            repository.add(
                session,
                Deal(source="crm", external_id=external_id, name=external_id,
                     outcome=DealOutcome.WON, stage="Closed Won", created_at=created,
                     closed_at=closed),
            )  # fmt: skip
    picture = sales_picture(engine)
    days = sorted((c.date() - o.date()).days for _, o, c in deals if c.date() >= o.date())
    assert days == [0, 1, 30]
    assert (picture.cycle_won.deals, picture.cycle_won.median_days) == (3, 1.0)
    assert notes_of(picture)["closed_before_created"][0][2] == ("EARLIER",)
