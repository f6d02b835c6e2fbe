"""Rankings by money never treat a sum in a currency without a rate as nothing.

A QA round's rival whose lost deals were all in AUD, with no AUD rate set, was listed below
rivals that had cost nothing, as if its money were 0. It cannot be compared with converted
money without guessing a rate, so it ranks after every converted figure above zero and
before the rows with no money at all."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine

from tradeoff.analysis.business.competitors import competitor_ranking
from tradeoff.analysis.business.money import Money
from tradeoff.analysis.business.sales import sales_picture
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter

HEADER = (
    '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Amount Currency",'
    '"Close Date","Created Date","Loss Reason","Competitor"'
)


def _deal(number: int, amount: str, currency: str, competitor: str, reason: str) -> str:
    return (
        f'"Deal {number}","0065g00000000{number:02d}","Firm {number} Inc.","Closed Lost",'
        f'"{amount}","{currency}","3/1/2026","2/1/2026","{reason}","{competitor}"'
    )


def test_a_rival_lost_to_only_in_an_unrated_currency_ranks_before_rivals_that_cost_nothing(
    engine: Engine, tmp_path: Path
) -> None:
    export = tmp_path / "report.csv"
    rows = [
        _deal(1, "1000", "USD", "Pingdom", "Price too high"),
        _deal(2, "50000", "CHF", "Datadog", "Missing SAML single sign-on"),  # CHF has no rate
        # More deals, no amount.
        *(_deal(n, "", "USD", "New Relic", "No Terraform provider") for n in (3, 4, 5)),
        _deal(6, "", "USD", "Nagios", "Needed on-premise hosting"),
    ]
    export.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    run(engine, SalesforceImporter(), export)

    ranking = competitor_ranking(engine)

    assert [(s.name, s.deals_met) for s in ranking] == [
        ("Pingdom", 1),
        ("Datadog", 1),
        ("New Relic", 3),
        ("Nagios", 1),
    ]
    assert [o.text for o in sales_picture(engine).objections] == [
        "Price too high",
        "Missing SAML single sign-on",
        "No Terraform provider",
        "Needed on-premise hosting",
    ]
    datadog = ranking[1].revenue_at_stake
    assert (datadog.amount, dict(datadog.unconverted)) == (Decimal(0), {"CHF": Decimal(50000)})


def test_the_sort_key_puts_converted_money_first_then_unconverted_then_none() -> None:
    none = Money(Decimal(0), "USD")
    unrated = Money(Decimal(0), "USD", {"CHF": Decimal(5)})
    some = Money(Decimal(1), "USD")
    both = Money(Decimal(1), "USD", {"CHF": Decimal(5)})
    assert sorted([none, unrated, some, both], key=lambda m: m.rank) == [both, some, unrated, none]
