"""Which account attributes can describe a group of deals: the rules on a HubSpot companies
export, whose columns differ from Salesforce's but carry the same kinds of value."""

from __future__ import annotations

import pytest

from tradeoff.analysis.business.compared_attributes import (
    SHAPES,
    compared_attributes,
    left_out_attributes_line,
)
from tradeoff.storage.sales import AccountOutcome

OWNERS = ("Maya Lin", "Tom Okafor", "Ines Duarte")
INDUSTRIES = ("COMPUTER_SOFTWARE", "CONSTRUCTION", "Construction", "RETAIL")


def hubspot_company(n: int) -> dict[str, str]:
    """One row of a HubSpot companies export (Export > All properties), as read."""
    return {
        "Record ID": str(8_812_345_001 + n * 7_919),
        "Company Domain Name": f"company{n}.example",
        "Website URL": f"https://www.company{n}.example",
        "Phone Number": f"+1 {200 + n} 555 {1000 + n:04d}",
        "Create Date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d} 15:{n % 60:02d}",
        "Company owner": OWNERS[n % 3],
        "Industry": INDUSTRIES[n % 4],
        "Postal Code": f"{10_000 + n * 613:05d}",
        "Number of Employees": str(5 + n * 11),
        "Billing contact": f"billing@company{n}.example",
        "About Us": f"Company {n} fits pipes and fixtures across {n % 5 + 1} counties.",
        "Partner program": "Gold" if n < 2 else "Silver" if n % 2 else "None",
    }


def companies(count: int = 30) -> list[AccountOutcome]:
    """Accounts 0-29: account n won n % 3 == 0 deals' worth, one closed deal each."""
    return [
        AccountOutcome(hubspot_company(n), won=int(n % 3 == 0), lost=int(n % 3 != 0))
        for n in range(count)
    ]


def test_a_hubspot_export_keeps_what_describes_groups_and_says_why_the_rest_is_left_out() -> None:
    found = compared_attributes(companies())
    assert {a.key: a.reason for a in found.left_out} == {
        "Record ID": "identifier",  # numbers, but named an id: not banded as a measure
        "Company Domain Name": "unique",
        "Website URL": "web address",
        "Phone Number": "phone",
        "Create Date": "date",
        "Postal Code": "unique",  # five-digit codes: read as text, one per company
        "Billing contact": "e-mail",
        "About Us": "unique",
    }
    # Recounted by hand: owner n % 3, partner tier, industry n % 4 with "Construction"
    # folded into "CONSTRUCTION" (8 accounts write it so, 7 the other way); a deal won when
    # n % 3 == 0, lost otherwise.
    expected: dict[tuple[str, str], list[int]] = {}
    for n in range(30):
        row = hubspot_company(n)
        industry = "CONSTRUCTION" if row["Industry"] == "Construction" else row["Industry"]
        for key in ("Company owner", "Industry", "Partner program"):
            tally = expected.setdefault((key, industry if key == "Industry" else row[key]), [0, 0])
            tally[n % 3 != 0] += 1
    measure = "Number of Employees"
    assert {k: v for k, v in found.tallies.items() if k[0] != measure} == expected
    assert expected[("Industry", "CONSTRUCTION")] == [4, 11]  # n = 6, 9, 18, 21 won
    employees = [v for k, v in found.tallies.items() if k[0] == measure]
    assert len(employees) == 4  # a measure: four bands, every company in one
    assert [sum(t) for t in zip(*employees, strict=True)] == [10, 20]


def test_the_left_out_line_names_each_attribute_under_its_reason() -> None:
    line = left_out_attributes_line(compared_attributes(companies()).left_out)
    assert line == (
        "Account attributes not compared: Record ID (identifiers); About Us, Company Domain "
        "Name, Postal Code (about one value per account: addresses, names, free text); Create "
        "Date (dates of the record, often the deal's own doing); Phone Number (phone numbers); "
        "Billing contact (e-mail addresses); Website URL (web addresses)."
    )
    assert left_out_attributes_line([]) is None


def test_a_value_one_account_holds_is_left_out_and_counted() -> None:
    """Two partner tiers held by several companies are groups; "Platinum", one company's, is
    not: its deals tell of that customer."""
    accounts = [
        AccountOutcome({"Partner program": "Gold"}, 3, 1, accounts=3),
        AccountOutcome({"Partner program": "Silver"}, 1, 4, accounts=4),
        AccountOutcome({"Partner program": "Platinum"}, 6, 0, accounts=1),
    ]
    found = compared_attributes(accounts)
    assert found.tallies == {
        ("Partner program", "Gold"): [3, 1],
        ("Partner program", "Silver"): [1, 4],
    }
    (alone,) = found.left_out
    assert (alone.key, alone.reason, alone.values) == ("Partner program", "one account", 1)
    assert left_out_attributes_line(found.left_out) == (
        "Account attributes not compared: 1 value of Partner program (held by a single account: "
        "no group)."
    )


@pytest.mark.parametrize(
    ("value", "shape"),
    [
        ("2024-03-13T15:04:11.000Z", "date"),
        ("2024-03-13", "date"),
        ("3/13/2024 9:12 AM", "date"),
        ("13.03.2024", "date"),
        ("Mar 13, 2024", "date"),
        ("(555) 187-8196", "phone"),
        ("+44 20 7946 0958", "phone"),
        ("555.187.8196 ext. 12", "phone"),
        ("ops@acme.example", "e-mail"),
        ("http://acme.example/about", "web address"),
        ("0055g00000AbCdEAAZ", "identifier"),
        ("3f2a9c1e-1b2c-4d5e-8f90-123456789abc", "identifier"),
        # Categories that look a little like them stay categories.
        ("1000-5000", None),
        ("50-199", None),
        ("1.000.000", None),  # revenue grouped in thousands, not a phone
        ("12 500 000", None),
        ("marketing 2024", None),  # "mar" starts no month here
        ("decision 2023", None),
        ("enterprise-2024-annual", None),  # a tier: its parts are words
        ("iso27001-certified", None),
        ("Q3 2024", None),
        ("ISO27001", None),
        ("Consumer Services", None),
        ("1710 Main St", None),  # an address: left out by how many share it, not its shape
    ],
)
def test_shapes(value: str, shape: str | None) -> None:
    found = [name for name, pattern in SHAPES.items() if pattern.fullmatch(value.casefold())]
    assert found[:1] == ([shape] if shape else [])
