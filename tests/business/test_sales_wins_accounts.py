"""What a win looks like, on a Salesforce Account export and a help desk's organisations
(tests/business/account_export.py): only attributes that describe a group of deals are
compared, each recounted here from the rows as written; the rest is named with its reason."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.business.account_export import LONE_INDUSTRY, Exported, import_exports, write_exports
from tradeoff.analysis.business.sales import SalesPicture, sales_picture
from tradeoff.analysis.business.sales_wins import left_out_line

#: The export's columns that describe groups of accounts, as the sales picture names them.
GROUPS = ("BillingCity", "BillingState", "Industry", "IsDeleted")


@pytest.fixture
def exported(engine: Engine, tmp_path: Path) -> Exported:
    found = write_exports(tmp_path)
    import_exports(engine, tmp_path)
    return found


@pytest.fixture
def picture(engine: Engine, exported: Exported) -> SalesPicture:
    return sales_picture(engine)


def recount(exported: Exported, key: str) -> dict[str, tuple[int, int, int]]:
    """Per value of ``key`` folded by case, in the spelling most accounts have: (won deals,
    lost deals, accounts with a closed deal), from the export's rows."""
    closed = exported.closed()
    holders: dict[str, set[str]] = {}
    won: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    for deal in closed:
        value = exported.accounts[deal["AccountId"]][key].casefold()
        holders.setdefault(value, set()).add(deal["AccountId"])
        (won if deal["IsWon"] == "true" else lost)[value] += 1
    found = {}
    for value, accounts in holders.items():
        spelled = Counter(exported.accounts[a][key] for a in accounts).most_common(1)[0][0]
        found[spelled] = (won[value], lost[value], len(accounts))
    return found


def test_only_attributes_that_describe_groups_are_compared_each_recounted(
    picture: SalesPicture, exported: Exported
) -> None:
    closed = exported.closed()
    total_won = sum(d["IsWon"] == "true" for d in closed)
    total_lost = len(closed) - total_won
    assert (picture.overall.won, picture.overall.lost) == (total_won, total_lost)
    shown = {
        (s.attribute, s.value): s
        for s in picture.win_signals
        if s.attribute.startswith("account ") and s.attribute != "account AnnualRevenue"
    }
    expected: dict[tuple[str, str], tuple[int, int]] = {}
    for key in GROUPS:
        for value, (won, lost, accounts) in recount(exported, key).items():
            if accounts > 1:  # a value one account holds is no group
                expected[(f"account {key}", value)] = (won, lost)
    assert {k: (s.won_with, s.lost_with) for k, s in shown.items()} == expected
    for s in shown.values():
        assert (s.won_without, s.lost_without) == (total_won - s.won_with, total_lost - s.lost_with)
    # "construction", typed by hand on one account, counts with "Construction".
    assert ("account Industry", "construction") not in shown
    # The company's revenue is a measure: four bands, each closed deal in one of them.
    revenue = [s for s in picture.win_signals if s.attribute == "account AnnualRevenue"]
    assert len(revenue) == 4
    assert sum(s.won_with for s in revenue) == total_won
    assert sum(s.lost_with for s in revenue) == total_lost


def test_what_is_left_out_is_named_with_its_reason(
    picture: SalesPicture, exported: Exported
) -> None:
    closed_accounts = {d["AccountId"] for d in exported.closed()}
    left_out = {
        (t["attribute"], t["reason"]): (t["accounts"], t["values"])
        for t in (a.to_json() for a in picture.signals_left_out)
        if t["kind"] == "account attribute"
    }

    def distinct(key: str) -> int:
        return len({exported.accounts[a][key].casefold() for a in closed_accounts})

    every = len(closed_accounts)
    customers = len(exported.organisations)  # every customer has a won, so closed, deal
    industries = recount(exported, "Industry")
    assert industries[LONE_INDUSTRY][2] == 1
    assert left_out == {
        ("account Type", "lifecycle"): (every, distinct("Type")),
        ("account plan", "copy"): (
            customers,
            len({exported.accounts[a]["Plan__c"] for a in exported.organisations}),
        ),
        ("account region", "copy"): (customers, 1),
        ("account OwnerId", "identifier"): (every, distinct("OwnerId")),
        ("account BillingStreet", "unique"): (every, every),
        ("account BillingPostalCode", "unique"): (every, distinct("BillingPostalCode")),
        ("account Description", "unique"): (every, every),
        ("account CreatedDate", "date"): (every, every),
        ("account LastModifiedDate", "date"): (every, 1),
        ("account Phone", "phone"): (every, every),
        ("account Industry", "one account"): (1, 1),
    }
    assert left_out_line(picture.signals_left_out) == (
        "Account attributes not compared: Type (the account's lifecycle: a won deal makes it a "
        "customer, a result of winning); plan, region (copies of the account's own field, value "
        "for value); OwnerId (identifiers); BillingPostalCode, BillingStreet, Description "
        "(about one value per account: addresses, names, free text); CreatedDate, "
        "LastModifiedDate (dates of the record, often the deal's own doing); Phone (phone "
        "numbers); 1 value of Industry (held by a single account: no group)."
    )


def test_the_crms_plan_is_shown_once(picture: SalesPicture, exported: Exported) -> None:
    """The help desk's "starter" repeats the CRM's "Starter" on the customers only: the
    CRM's field is the signal, over every account."""
    plans = {s.value: s for s in picture.win_signals if s.attribute in ("plan", "account plan")}
    assert set(plans) == {a["Plan__c"] for a in exported.accounts.values()}
    for plan, signal in plans.items():
        won = [d for d in exported.closed() if exported.accounts[d["AccountId"]]["Plan__c"] == plan]
        assert signal.attribute == "plan"
        assert (signal.won_with, signal.lost_with) == (
            sum(d["IsWon"] == "true" for d in won),
            sum(d["IsWon"] != "true" for d in won),
        )
