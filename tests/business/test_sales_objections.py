"""Objections grouped by the theme engine: paraphrases together, unrelated reasons apart,
the same groups for the same seed, and each group's lost revenue recounted deal by deal.

The reasons are the kind a CRM holds after a year of lost deals: picklist values, short
free text, several ways of saying "price", a few one-offs, and notes where no reason was
given. Amounts come in USD, EUR and GBP (with rates) and JPY (without one)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from tests.business.world import RATES, TODAY, World
from tests.cli.helpers import run_cli
from tradeoff.analysis.business.sales import sales_picture
from tradeoff.analysis.business.sales_objections import (
    BY_ENGINE,
    BY_TEXT,
    Objection,
    objection_key,
    objections,
)
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import DealOutcome
from tradeoff.storage import repository
from tradeoff.storage.sales import ReasonTotal
from tradeoff.storage.session import write_session

PRICE = ("too expensive", "price too high for our budget", "pricing was over budget")
REASONS = (
    *PRICE,
    "Too expensive for their budget this year",
    "No budget",
    "Budget cut",
    "Budget frozen until Q3",
    "Missing SSO",
    "Price was not the issue, missing SSO",
    "Missing Salesforce integration",
    "Missing bulk export",
    "No decision - project postponed",
    "no decision: project postponed.",
    "Project postponed to next year",
    "Decision delayed indefinitely",
    "Decided to keep using spreadsheets",
    "Kept their spreadsheets",
    "Did not trust a vendor this young",
    "Too small a vendor",
    "Failed security review",
    "Security team rejected us",
    "Champion left",
    "Our champion left the company",
    "Could not justify the ROI",
    "Could not show ROI",
    "Went with the incumbent",
    "Procurement",
    "<b>Other</b>",
)
UNRELATED = ("Missing SSO", "Champion left", "No decision - project postponed")
CURRENCIES = ("USD", "EUR", "GBP", "JPY")


def totals(reasons: tuple[str, ...]) -> list[ReasonTotal]:
    return [
        ReasonTotal(r, False, "USD", n + 1, n + 1, Decimal(1000 * (n + 1)))
        for n, r in enumerate(reasons)
    ]


def group_of(found: list[Objection], wording: str) -> Objection:
    return next(o for o in found if wording in o.wordings)


def test_paraphrases_land_together_and_unrelated_reasons_apart() -> None:
    found = objections(totals(REASONS), {}, "USD")
    assert {o.grouped_by for o in found} == {BY_ENGINE}
    price = group_of(found, PRICE[0])
    assert set(PRICE) <= set(price.wordings)
    for other in UNRELATED:
        assert other not in price.wordings
    apart = {group_of(found, w).text for w in UNRELATED}
    assert len(apart) == len(UNRELATED)
    assert "· " in price.text or price.text in price.wordings  # a label from its own words
    assert 1 <= len(price.quotes) <= 3
    assert set(price.quotes) <= set(price.wordings)
    # Wordings that fold to the same words are one phrase before the engine sees them.
    postponed = group_of(found, "no decision: project postponed.")
    assert "No decision - project postponed" in postponed.wordings
    # Every wording is in exactly one group.
    assert sorted(w for o in found for w in o.wordings) == sorted(REASONS)


def test_groups_are_stable_for_a_seed() -> None:
    first = objections(totals(REASONS), {}, "USD", seed=3)
    again = objections(list(reversed(totals(REASONS))), {}, "USD", seed=3)
    assert first == again


def test_few_reasons_are_grouped_by_normalised_text() -> None:
    few = ("Price", "price.", "Missing SSO", "No decision")
    found = objections(totals(few), {}, "USD")
    assert {o.grouped_by for o in found} == {BY_TEXT}
    assert sorted(o.wordings for o in found) == [
        ("Missing SSO",), ("No decision",), ("price.", "Price")
    ]  # fmt: skip


@pytest.fixture
def lost(engine: Engine, world: World) -> list[Deal]:
    """The world's lost deals and one more per reason and currency, some without an amount,
    some speaking only through notes."""
    added = []
    with write_session(engine) as session:
        for n, reason in enumerate(REASONS):
            for c, currency in enumerate(CURRENCIES):
                amount = None if (n + c) % 7 == 0 else Decimal(1_000 * (n + 1) + 10 * c)
                notes_only = (n + c) % 11 == 0
                added.append(
                    repository.add(
                        session,
                        Deal(
                            source="test",
                            external_id=f"L{n}-{c}",
                            name=f"Lost {n}-{c}",
                            amount=amount,
                            currency=currency if amount is not None else None,
                            outcome=DealOutcome.LOST,
                            created_at=TODAY - timedelta(days=90),
                            closed_at=TODAY - timedelta(days=10),
                            loss_reason=None if notes_only else reason,
                            notes=reason if notes_only else None,
                        ),
                    )
                )
    return [d for d in world.deals if d.outcome is DealOutcome.LOST] + added


def test_each_groups_lost_revenue_is_recounted(engine: Engine, lost: list[Deal]) -> None:
    picture = sales_picture(engine)
    found = picture.objections
    assert {o.grouped_by for o in found} == {BY_ENGINE}
    said = [d for d in lost if d.loss_reason or d.notes]
    for objection in found:
        keys = {objection_key(w) for w in objection.wordings}
        deals = [d for d in said if objection_key(d.loss_reason or d.notes or "") in keys]
        assert objection.deals == len(deals), objection.text
        assert objection.with_amount == sum(d.amount is not None for d in deals)
        converted = sum(
            (
                d.amount * (Decimal(1) if d.currency == "USD" else RATES[d.currency or ""])
                for d in deals
                if d.amount is not None and d.currency != "JPY"
            ),
            Decimal(0),
        )
        assert objection.lost_revenue.amount.quantize(Decimal("0.01")) == converted.quantize(
            Decimal("0.01")
        )
        yen = sum((d.amount or 0 for d in deals if d.currency == "JPY"), Decimal(0))
        assert objection.lost_revenue.unconverted.get("JPY", Decimal(0)) == yen
        assert objection.from_notes == any(d.loss_reason is None for d in deals)
    # Money once per deal: the groups add up to every lost deal that said something.
    assert sum(o.deals for o in found) == len(said)
    amounts = [o.lost_revenue.amount for o in found]
    assert amounts == sorted(amounts, reverse=True)


def test_the_sales_table_quotes_each_group_as_they_said_it(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, lost: list[Deal]
) -> None:
    out = run_cli(capsys, "--db", workspace_url, "sales").stdout
    assert "(grouped by theme engine)" in out
    assert "as they said it" in out
    price = group_of(sales_picture(engine).objections, PRICE[0])
    assert price.quotes
    assert any(f"“{q}”" in out for q in price.quotes if q != price.text)


def test_a_group_never_crosses_a_loss_category() -> None:
    """A QA tester's page showed "budget · year · expensive": 19 deals of price and of
    "Budget freeze, revisit next year", which the taxonomy on the same page files as
    timing. Each phrase is grouped within the category most of its deals are filed in."""
    timing = ("Budget freeze, revisit next year", "Budget frozen until Q3")
    categories = {r: "price_budget" for r in REASONS} | {r: "timing_no_decision" for r in timing}
    reasons = (*REASONS, *timing)
    filed = [
        ReasonTotal(r, False, "USD", n + 1, n + 1, Decimal(1000 * (n + 1)), categories[r])
        for n, r in enumerate(reasons)
    ]
    found = objections(filed, {}, "USD")
    assert {o.grouped_by for o in found} == {BY_ENGINE}
    for objection in found:
        assert len({categories[w] for w in objection.wordings}) == 1, objection.wordings
    freeze = group_of(found, timing[0])
    assert "too expensive" not in freeze.wordings
    unfiled = objections(totals(reasons), {}, "USD")  # no category: grouped by words alone
    assert any(len({categories[w] for w in o.wordings}) > 1 for o in unfiled)
