"""Salesforce exports as Data Loader writes them: API-name headers, every value quoted, LF
line ends, dates as ``2026-03-04``, datetimes as ``2026-03-04T10:22:31.000Z``, booleans as
``true``/``false`` and numbers as the SOAP API returns them (``24000.0``).

Objects: Account (with the custom ARR__c, Plan__c, Segment__c, Renewal_Date__c, Churn_Date__c),
Opportunity (with Loss_Reason__c, Win_Reason__c and the multi-select Competitor__c),
OpportunityCompetitor, and User (so OwnerId resolves to a person).
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path
from typing import Any

from ledgerly.common import COUNTRY_NAMES, END, salesforce_id, sf_datetime, sf_number, write_csv
from ledgerly.crm import Deal, anniversaries
from ledgerly.world import Account, World

ACCOUNT_HEADER = (
    "Id", "Name", "Type", "Industry", "AnnualRevenue", "NumberOfEmployees", "BillingCountry",
    "OwnerId", "Website", "Description", "ARR__c", "Plan__c", "Segment__c", "CurrencyIsoCode",
    "Renewal_Date__c", "Churn_Date__c",
)  # fmt: skip
OPPORTUNITY_HEADER = (
    "Id", "Name", "AccountId", "StageName", "Amount", "CurrencyIsoCode", "CloseDate",
    "CreatedDate", "IsClosed", "IsWon", "Type", "LeadSource", "OwnerId", "Description",
    "Loss_Reason__c", "Win_Reason__c", "Competitor__c",
)  # fmt: skip
COMPETITOR_HEADER = ("Id", "OpportunityId", "CompetitorName", "Strengths", "Weaknesses")
USER_HEADER = (
    "Id", "Username", "FirstName", "LastName", "Name", "Email", "Title", "Department", "IsActive"
)  # fmt: skip


def renewal_date(account: Account) -> str:
    """Renewal_Date__c: the anniversary currently up for renewal, or the next one."""
    if account.customer_since is None or account.churn_date is not None:
        return ""
    floor = END.date() - timedelta(days=45)
    upcoming = anniversaries(account.customer_since, floor, floor + timedelta(days=366))
    return upcoming[0].isoformat() if upcoming else ""


def account_rows(world: World) -> list[list[object]]:
    types = {"customer": "Customer", "new": "Customer", "former": "Former Customer"}
    rows: list[list[object]] = []
    for a in world.accounts:
        rows.append(
            [
                a.salesforce_id,
                a.name,
                types.get(a.lifecycle, "Prospect"),
                a.industry,
                sf_number(a.annual_revenue),
                a.employees,
                COUNTRY_NAMES[a.country],
                a.owner.salesforce_id,
                a.website,
                "Synthetic demo account (Ledgerly demo); the company is fictional.",
                sf_number(a.arr) if a.is_customer else "",
                a.plan,
                a.segment,
                a.currency,
                renewal_date(a),
                a.churn_date.isoformat() if a.churn_date else "",
            ]
        )
    return rows


def opportunity_rows(deals: list[Deal]) -> list[list[object]]:
    return [
        [
            d.salesforce_id,
            d.name,
            d.account.salesforce_id,
            d.stage,
            sf_number(d.amount),
            d.account.currency,
            d.close_date.isoformat(),
            sf_datetime(d.created_at),
            str(d.is_closed).lower(),
            str(d.is_won).lower(),
            d.kind,
            d.lead_source,
            d.owner.salesforce_id,
            d.description,
            d.loss_reason,
            d.win_reason,
            ";".join(d.competitors),
        ]
        for d in deals
    ]


def competitor_rows(
    deals: list[Deal], narrative: dict[str, Any], rng: random.Random
) -> list[list[object]]:
    """OpportunityCompetitor: one row per competitor named on a deal; reps skip the
    weaknesses field now and then."""
    notes = narrative["deals"]["competitor_notes"]
    rows: list[list[object]] = []
    for deal in deals:
        for name in deal.competitors:
            weaknesses = notes[name]["weaknesses"] if rng.random() < 0.7 else ""
            row_id = salesforce_id("00J", len(rows) + 1)
            rows.append([row_id, deal.salesforce_id, name, notes[name]["strengths"], weaknesses])
    return rows


def user_rows(world: World) -> list[list[object]]:
    department = {"ae": "Sales", "sales_lead": "Sales", "csm": "Customer Success"}
    return [
        [
            m.salesforce_id,
            m.email,
            m.name.split()[0],
            " ".join(m.name.split()[1:]),
            m.name,
            m.email,
            m.title,
            department[m.role],
            "true",
        ]
        for m in world.team
        if m.salesforce_id
    ]


def write_salesforce(
    folder: Path, world: World, deals: list[Deal], narrative: dict[str, Any], rng: random.Random
) -> dict[str, int]:
    """Data Loader exports: API-name headers, every value quoted, LF line ends."""
    options: dict[str, Any] = {"quote_all": True, "line_end": "\n"}
    return {
        "salesforce/accounts.csv": write_csv(
            folder / "accounts.csv", ACCOUNT_HEADER, account_rows(world), **options
        ),
        "salesforce/opportunities.csv": write_csv(
            folder / "opportunities.csv", OPPORTUNITY_HEADER, opportunity_rows(deals), **options
        ),
        "salesforce/opportunity_competitors.csv": write_csv(
            folder / "opportunity_competitors.csv",
            COMPETITOR_HEADER,
            competitor_rows(deals, narrative, rng),
            **options,
        ),
        "salesforce/users.csv": write_csv(
            folder / "users.csv", USER_HEADER, user_rows(world), **options
        ),
    }
