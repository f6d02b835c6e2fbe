"""What a win looks like: an account's lifecycle attribute is a result of winning."""

from __future__ import annotations

from tradeoff.analysis.business.sales_wins import win_signals
from tradeoff.storage.sales import AccountOutcome


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


def test_a_numeric_attribute_is_compared_in_bands_not_value_by_value() -> None:
    """Salesforce exports AnnualRevenue per company: each exact revenue was a "value" won
    with one account only. Twelve revenues, one deal each, fall in four bands of three."""
    revenues = [1_200_000 * (n + 1) for n in range(12)]
    accounts = [
        AccountOutcome({"AnnualRevenue": f"{r}", "Industry": "Retail"}, won=n % 2, lost=1 - n % 2)
        for n, r in enumerate(revenues)
    ]
    won = sum(a.won for a in accounts)
    signals = win_signals({}, [], accounts, (won, len(accounts) - won))
    bands = {s.value: (s.won_with, s.lost_with) for s in signals if "Revenue" in s.attribute}
    assert bands == {
        "1.2M–3.6M": (1, 2),
        "4.8M–7.2M": (2, 1),
        "8.4M–10.8M": (1, 2),
        "12M–14.4M": (2, 1),
    }
    # Eight values or fewer stay categories, and a key with any word is never banded.
    few = [AccountOutcome({"Employees": f"{n}"}, won=1, lost=0) for n in (10, 50, 200)]
    assert {s.value for s in win_signals({}, [], few, (3, 0))} == {"10", "50", "200"}
