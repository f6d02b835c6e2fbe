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
