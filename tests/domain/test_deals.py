"""Deals and competitors: the sales picture, in several currencies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from tradeoff.domain.deals import Competitor, Deal, DealCompetitor
from tradeoff.domain.enums import CompetitorKind, CompetitorRelation, DealOutcome
from tradeoff.domain.rules import RuleViolation


def deal(**overrides: object) -> Deal:
    values: dict[str, object] = {
        "source": "salesforce",
        "external_id": "006Dn00000AbCdE",
        "name": "Hafen Logistik — fleet rollout",
        "amount": Decimal("86500.00"),
        "currency": "EUR",
    }
    values.update(overrides)
    return Deal(**values)  # type: ignore[arg-type]


def test_a_lost_deal_from_a_crm_export_is_normalised() -> None:
    tokyo = timezone(timedelta(hours=9))
    lost = deal(
        source=" Salesforce ",
        amount=1250000,
        currency="jpy",
        outcome="Lost",
        stage=" Closed Lost ",
        created_at=datetime(2026, 1, 5, 9, 0),
        closed_at=datetime(2026, 3, 1, 8, 0, tzinfo=tokyo),
        loss_reason='Went with =HYPERLINK("http://evil.test","Rival")',
        win_reason="  ",
        owner="Marcus Oyelaran",
    )
    assert lost == Deal(
        source="salesforce",
        external_id="006Dn00000AbCdE",
        name="Hafen Logistik — fleet rollout",
        amount=Decimal(1250000),
        currency="JPY",
        outcome=DealOutcome.LOST,
        stage="Closed Lost",
        created_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
        closed_at=datetime(2026, 2, 28, 23, 0, tzinfo=UTC),
        loss_reason='Went with =HYPERLINK("http://evil.test","Rival")',
        win_reason=None,
        owner="Marcus Oyelaran",
    )


def test_an_open_deal_has_no_dates_by_default() -> None:
    open_deal = deal()
    assert open_deal.outcome is DealOutcome.OPEN
    assert (open_deal.created_at, open_deal.closed_at) == (None, None)


@pytest.mark.parametrize("amount", [Decimal("-0.01"), -86500])
def test_an_amount_must_not_be_negative(amount: Decimal | int) -> None:
    with pytest.raises(RuleViolation, match="amount: must not be negative"):
        deal(amount=amount)


def test_an_amount_needs_its_currency() -> None:
    with pytest.raises(RuleViolation, match="currency: an amount needs its currency"):
        deal(currency=None)


def test_a_deal_without_amount_needs_no_currency() -> None:
    assert deal(amount=None, currency=None).amount is None


def test_an_unknown_outcome_lists_the_allowed_ones() -> None:
    with pytest.raises(RuleViolation, match="'stalled' is not one of: open, won, lost"):
        deal(outcome="stalled")


def test_an_open_deal_has_no_loss_reason() -> None:
    with pytest.raises(RuleViolation, match="loss_reason: an open deal has no loss reason"):
        deal(loss_reason="Price")


@pytest.mark.parametrize("field", ["source", "external_id", "name"])
def test_required_text(field: str) -> None:
    with pytest.raises(RuleViolation, match=f"{field}: must not be empty"):
        deal(**{field: ""})


def test_competitor_aliases_are_cleaned_and_exclude_the_name() -> None:
    rival = Competitor(
        name=" Freightly ",
        aliases=["freightly.io", "Freightly", " Freightly Inc ", "", "freightly.io"],
        kind="Direct",  # type: ignore[arg-type]
    )
    assert rival == Competitor(
        name="Freightly", aliases=["Freightly Inc", "freightly.io"], kind=CompetitorKind.DIRECT
    )


@pytest.mark.parametrize("said", ["Freightly", "FREIGHTLY.IO", "  freightly inc "])
def test_a_competitor_matches_its_name_and_aliases_case_insensitively(said: str) -> None:
    rival = Competitor(name="Freightly", aliases=["freightly.io", "Freightly Inc"])
    assert rival.matches(said)


@pytest.mark.parametrize("said", ["Freight", "Freightly Incorporated", ""])
def test_a_competitor_does_not_match_partial_names(said: str) -> None:
    assert not Competitor(name="Freightly", aliases=["freightly.io"]).matches(said)


def test_a_competitor_matches_unicode_names_by_casefold() -> None:
    assert Competitor(name="Straße Software").matches("STRASSE SOFTWARE")


def test_doing_nothing_is_a_competitor_too() -> None:
    spreadsheet = Competitor(name="Excel spreadsheet", kind="status quo")  # type: ignore[arg-type]
    assert spreadsheet.kind is CompetitorKind.STATUS_QUO
    with pytest.raises(RuleViolation, match="'analyst pick' is not one of: direct"):
        Competitor(name="Gartner MQ leader", kind="analyst pick")  # type: ignore[arg-type]


def test_a_deal_competitor_relation() -> None:
    assert DealCompetitor(deal_id=1, competitor_id=2).relation is CompetitorRelation.EVALUATED
    lost_to = DealCompetitor(deal_id=1, competitor_id=2, relation="Lost To")  # type: ignore[arg-type]
    assert lost_to.relation is CompetitorRelation.LOST_TO
    with pytest.raises(
        RuleViolation, match="'beat' is not one of: evaluated, lost_to, won_against"
    ):
        DealCompetitor(deal_id=1, competitor_id=2, relation="beat")  # type: ignore[arg-type]
