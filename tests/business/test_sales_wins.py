"""What a win looks like: what is a result of winning, or says nothing of it, is left out."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from tradeoff.analysis.business.attribute_numbers import numbers_of
from tradeoff.analysis.business.sales_wins import (
    left_out_line,
    signal_themes,
    signals_left_out,
    win_signals,
)
from tradeoff.domain.enums import DealOutcome
from tradeoff.storage.sales import AccountOutcome, OutcomeTotal, ThemeOutcome


def test_an_attribute_that_says_customer_or_prospect_is_not_a_sign_of_a_win() -> None:
    """Salesforce's Account Type turns "Customer - Direct" when a deal is won: it would top
    every list. Industry, which was there before the deal, stays with its counts."""
    accounts = [
        AccountOutcome({"Type": "Customer - Direct", "Industry": "Retail"}, won=6, lost=1),
        AccountOutcome({"Type": "Prospect", "Industry": "Health"}, won=0, lost=5),
        AccountOutcome({"Type": "Partner", "Industry": "Retail"}, won=2, lost=0),
        AccountOutcome({"lifecyclestage": "customer", "Industry": "Health"}, won=1, lost=0),
    ]
    signals = {(s.attribute, s.value): s for s in win_signals({}, [], accounts, (9, 6))}
    assert set(signals) == {("account Industry", "Retail"), ("account Industry", "Health")}
    retail = signals[("account Industry", "Retail")]
    assert (retail.won_with, retail.won_without, retail.lost_with, retail.lost_without) == (
        8, 1, 1, 5,
    )  # fmt: skip
    assert retail.score > 0 > signals[("account Industry", "Health")].score


#: Twelve company revenues, one closed deal each (won, lost, won, ...), and the four bands
#: of three they fall in: (won, lost) per band.
REVENUES = [1_200_000 * (n + 1) for n in range(12)]
REVENUE_BANDS = {
    "1.2M–3.6M": (1, 2),
    "4.8M–7.2M": (2, 1),
    "8.4M–10.8M": (1, 2),
    "12M–14.4M": (2, 1),
}


def _revenue_bands(key: str, written: list[str]) -> dict[str, tuple[int, int]]:
    """The win signals of ``key``, one account per written revenue, as (won, lost) per band."""
    accounts = [
        AccountOutcome({key: w, "Industry": "Retail"}, won=n % 2, lost=1 - n % 2)
        for n, w in enumerate(written)
    ]
    won = sum(a.won for a in accounts)
    signals = win_signals({}, [], accounts, (won, len(accounts) - won))
    return {s.value: (s.won_with, s.lost_with) for s in signals if s.attribute == f"account {key}"}


def test_a_numeric_attribute_is_compared_in_bands_not_value_by_value() -> None:
    """Salesforce exports AnnualRevenue per company: each exact revenue was a "value" won
    with one account only. Twelve revenues, one deal each, fall in four bands of three."""
    assert _revenue_bands("AnnualRevenue", [f"{r}" for r in REVENUES]) == REVENUE_BANDS
    # Eight values or fewer stay categories, and a key with any word is never banded.
    few = [AccountOutcome({"Employees": f"{n}"}, 2, 0, accounts=2) for n in (10, 50, 200)]
    assert {s.value for s in win_signals({}, [], few, (6, 0))} == {"10", "50", "200"}


def test_a_european_export_s_revenue_is_banded_like_any_other() -> None:
    """A HubSpot export with decimal commas writes revenue "25.600.000" (and "1.200.000,50"):
    a QA tester saw one row per value, and the sales picture left the key out as unique.
    The same twelve revenues as above fall in the same four bands."""
    written = [f"{r:,}".replace(",", ".") for r in REVENUES]
    written[0] += ",50"  # cents, after a decimal comma
    assert _revenue_bands("Annual Revenue", written) == REVENUE_BANDS


@pytest.mark.parametrize(
    ("values", "read"),
    [
        # One value only a decimal comma reads decides for the key: "1.200" is 1,200 here.
        (["1.200", "25.600.000"], [1200.0, 25_600_000.0]),
        (["12,5", "3,25", "7"], [12.5, 3.25, 7.0]),
        (["€ 1.234,56", "980"], [1234.56, 980.0]),
        # Else a decimal point, as before: "1,200" is 1,200 and "1.200" is 1.2.
        (["1,200", "25,600,000"], [1200.0, 25_600_000.0]),
        (["1.200", "3.5"], [1.2, 3.5]),
        # A key written both ways is read with a point, and what cannot be read is None.
        (["1.200.000", "1,234.5"], [None, 1234.5]),
    ],
)
def test_a_key_is_read_with_one_decimal_mark(values: list[str], read: list[float | None]) -> None:
    assert list(numbers_of(values).values()) == read


def test_language_and_praise_themes_are_no_signs_of_a_win() -> None:
    """Payhaven's figures: the Spanish tickets on six topics won 27 of their 39 closed deals
    and topped the list at +3.56; the support praise came from customers who had bought.
    Both are left out and named; a theme about Spanish payroll is a topic and stays."""
    themes = [
        ThemeOutcome(13, "in Spanish · cierra cuando empleados · extra nómina mal", 27, 12),
        ThemeOutcome(14, "in Spanish and German · factura · rechnung", 6, 2),
        ThemeOutcome(11, "support · great customer service · team", 30, 20),
        ThemeOutcome(10, "sync · journal entries · sent quickbooks", 50, 42),
        ThemeOutcome(15, "spanish payroll · irpf · modelo 111", 9, 3),
    ]
    total = (115, 160)
    signals = win_signals({}, themes, [], total, praise_themes={11})
    assert [s.value for s in signals] == [
        "sync · journal entries · sent quickbooks",
        "spanish payroll · irpf · modelo 111",
    ]
    sync = signals[0]
    assert (sync.won_with, sync.won_without, sync.lost_with, sync.lost_without) == (50, 65, 42, 118)
    # The score the CLI showed for it, from the definition: (50.5·118.5)/(42.5·65.5) etc.
    a, b, c, d = 50.5, 42.5, 65.5, 118.5
    score = math.log(a * d / (b * c)) / math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    assert sync.score == pytest.approx(score)
    assert round(sync.score, 2) == 2.96
    kept, left_out = signal_themes(themes, {11})
    assert [t.theme_id for t in kept] == [10, 15]
    assert [(t.theme_id, t.reason) for t in left_out] == [
        (13, "language"), (14, "language"), (11, "praise"),
    ]  # fmt: skip
    assert left_out_line(left_out) == (
        'Themes not compared: 13 "in Spanish · cierra cuando empleados · extra nómina mal", '
        '14 "in Spanish and German · factura · rechnung" (language: their items share a '
        'language, not a topic); 11 "support · great customer service · team" (praise: said '
        "after buying, a result of winning, not a sign of it)."
    )
    assert left_out_line([]) is None


def test_an_attribute_repeating_the_accounts_own_field_is_left_out_as_a_copy() -> None:
    """A Zendesk organisation's ``plan`` ("premium") became an account attribute beside the
    CRM's plan ("Premium") on the accounts the help desk knows, its customers: it repeats the
    field on fewer accounts, and those are the ones a deal was won with. It is left out and
    named. Where the help desk disagrees with the CRM for one account, it is a second reading
    and both are shown, folded by case within the attribute."""
    by_plan = {
        "plan": [
            OutcomeTotal("Premium", DealOutcome.WON, "USD", 30, 30, Decimal("900000")),
            OutcomeTotal("Premium", DealOutcome.LOST, "USD", 30, 30, Decimal("700000")),
            OutcomeTotal("Core", DealOutcome.WON, "USD", 85, 85, Decimal("800000")),
            OutcomeTotal("Core", DealOutcome.LOST, "USD", 130, 130, Decimal("990000")),
        ]
    }
    same = [
        AccountOutcome(
            {"plan": "premium", "Industry": "Restaurants"}, 28, 3, 12, {"plan": "Premium"}
        ),
        AccountOutcome({"Industry": "Restaurants"}, 2, 27, 9, {"plan": "Premium"}),
        AccountOutcome({"plan": "core", "Industry": "Construction"}, 80, 20, 30, {"plan": "Core"}),
        AccountOutcome({"Industry": "Construction"}, 5, 110, 40, {"plan": "Core"}),
    ]
    shown = {(s.attribute, s.value) for s in win_signals(by_plan, [], same, (115, 160))}
    assert shown == {
        ("plan", "Premium"), ("plan", "Core"),
        ("account Industry", "Restaurants"), ("account Industry", "Construction"),
    }  # fmt: skip
    left_out = signals_left_out([], (), same)
    assert [a.to_json() for a in left_out] == [
        {"kind": "account attribute", "attribute": "account plan", "reason": "copy",
         "accounts": 42, "values": 2},
    ]  # fmt: skip
    assert left_out_line(left_out) == (
        "Account attributes not compared: plan (copies of the account's own field, value for "
        "value)."
    )
    differing = [
        AccountOutcome({"Plan": "premium"}, 26, 30, 11, {"plan": "Premium"}),
        AccountOutcome({"Plan": "Premium "}, 2, 0, 1, {"plan": "Core"}),
        AccountOutcome({"Plan": "core"}, 87, 130, 70, {"plan": "Core"}),
    ]
    signals = {(s.attribute, s.value): s for s in win_signals(by_plan, [], differing, (115, 160))}
    assert set(signals) == {
        ("plan", "Premium"), ("plan", "Core"),
        ("account Plan", "premium"), ("account Plan", "core"),
    }  # fmt: skip
    # "premium" (11 accounts) and "Premium " (1) are one value, in the spelling of most.
    assert signals[("account Plan", "premium")].won_with == 28
    assert signals_left_out([], (), differing) == []
