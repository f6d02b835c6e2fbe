"""A field-service company's Salesforce Account export as Salesforce writes it, its deals,
and the help desk's organisations: the columns that made "what a win looks like" list
street addresses, phone numbers and timestamps (QA round 22, Dispatchly).

Every account has a unique street, phone, postal code, description and creation time, an
owner id, the export's modification time; a city (four), a state (one per city), an industry
(three, one of them once written in lower case, and a fourth held by one account), a revenue
and a plan. Customers have a Zendesk organisation whose ``plan`` and ``region`` fields
repeat the CRM's in lower case. ``Exported`` keeps the rows as written, so a test recounts
from them, not from the product.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from tests.importers.exports import make_ledgerly
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.importers.zendesk import ZendeskImporter

ACCOUNT_HEADER = (
    "Id", "IsDeleted", "Name", "Type", "BillingStreet", "BillingCity", "BillingState",
    "BillingPostalCode", "BillingCountry", "Phone", "Website", "Industry", "AnnualRevenue",
    "NumberOfEmployees", "OwnerId", "CreatedDate", "LastModifiedDate", "CurrencyIsoCode",
    "Description", "Plan__c", "Segment__c",
)  # fmt: skip
DEAL_HEADER = (
    "Id", "Name", "AccountId", "StageName", "Amount", "CurrencyIsoCode", "CloseDate",
    "CreatedDate", "IsClosed", "IsWon", "LeadSource", "OwnerId",
)  # fmt: skip
CITIES = {"Tampa": "FL", "Austin": "TX", "Columbus": "OH", "Denver": "CO"}
INDUSTRIES = ("Construction", "Consumer Services", "Facilities")
OWNERS = ("0055g00000AbCdEAAZ", "0055g00000QrStUAAX")
NAMES = [
    f"{first} {trade}"
    for first in ("Red Rock", "Blue Ridge", "Cascade", "Summit", "Harbor", "Prairie", "Granite")
    for trade in ("Plumbing", "HVAC", "Electric", "Pest Control", "Roofing", "Landscaping")
]
#: The account holding an industry no other account holds.
LONE_INDUSTRY = "Utilities"


@dataclass(frozen=True)
class Exported:
    """The rows as written: accounts by Id, deals, and the accounts with an organisation."""

    accounts: dict[str, dict[str, str]]
    deals: list[dict[str, str]]
    organisations: set[str]

    def closed(self) -> list[dict[str, str]]:
        return [d for d in self.deals if d["IsClosed"] == "true"]


def write_exports(folder: Path, seed: int = 2222) -> Exported:
    """Account.csv, Opportunity.csv and a Zendesk export (tickets, users, organizations)."""
    rng = random.Random(seed)
    accounts: dict[str, dict[str, str]] = {}
    deals: list[dict[str, str]] = []
    for n, name in enumerate(NAMES):
        account_id = f"0015g0000Ab{n:03d}xYAQH"
        city = rng.choice(list(CITIES))
        industry = INDUSTRIES[n % 3]
        if n == 4:
            industry = "construction"  # the same industry, typed by hand
        if n == 7:
            industry = LONE_INDUSTRY
        slug = name.lower().replace(" ", "")
        accounts[account_id] = {
            "Id": account_id, "IsDeleted": "false", "Name": name, "Type": "",
            "BillingStreet": f"{100 + 37 * n} {rng.choice(['Main St', 'Oak Ave', 'Harbor Blvd'])}",
            "BillingCity": city, "BillingState": CITIES[city],
            "BillingPostalCode": f"{rng.randint(1000, 9999)}{n % 10}",
            "BillingCountry": "United States",
            "Phone": f"({rng.randint(200, 999)}) {rng.randint(200, 999)}-{1000 + n * 17}",
            "Website": f"https://www.{slug}.example", "Industry": industry,
            "AnnualRevenue": f"{rng.randint(5, 400) * 100_000}.0",
            "NumberOfEmployees": str(rng.randint(3, 250)), "OwnerId": rng.choice(OWNERS),
            "CreatedDate": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}T15:{n:02d}:11.000Z",
            "LastModifiedDate": "2026-11-20T08:00:00.000Z", "CurrencyIsoCode": "USD",
            "Description": f"{name}: {rng.randint(2, 40)} trucks, came to us from a referral",
            "Plan__c": rng.choice(["Starter", "Pro", "Enterprise"]),
            "Segment__c": rng.choice(["SMB", "Mid-Market"]),
        }  # fmt: skip
        for k in range(rng.randint(1, 4)):
            roll = rng.random()
            stage = "Closed Won" if roll < 0.45 else "Closed Lost" if roll < 0.85 else "Proposal"
            closed = stage != "Proposal"
            deals.append(
                {
                    "Id": f"0065g0000Cd{n:03d}{k}xAQ",
                    "Name": f"{name} - deal {k + 1}",
                    "AccountId": account_id,
                    "StageName": stage,
                    "Amount": f"{rng.randint(2, 90) * 1000}.0",
                    "CurrencyIsoCode": "USD",
                    "CloseDate": f"2026-{1 + (n + k) % 10:02d}-15",
                    "CreatedDate": f"2025-{1 + (n + k) % 12:02d}-03T09:00:00.000Z",
                    "IsClosed": "true" if closed else "false",
                    "IsWon": "true" if stage == "Closed Won" else "false",
                    "LeadSource": rng.choice(["Web", "Partner", "Google Ads"]),
                    "OwnerId": accounts[account_id]["OwnerId"],
                }
            )
    won = {d["AccountId"] for d in deals if d["IsWon"] == "true"}
    for account_id, row in accounts.items():
        # A won deal makes the account a customer: the Type the lifecycle rule is about.
        row["Type"] = "Customer - Direct" if account_id in won else "Prospect"
    _write_csv(folder / "Account.csv", ACCOUNT_HEADER, accounts.values())
    _write_csv(folder / "Opportunity.csv", DEAL_HEADER, deals)
    _write_zendesk(folder / "zendesk", [accounts[a] for a in sorted(won)])
    return Exported(accounts, deals, won)


def import_exports(engine: Engine, folder: Path) -> None:
    """The CRM first (the system of record), then the help desk, as a user would."""
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), folder / "Account.csv")
    run(engine, SalesforceImporter(), folder / "Opportunity.csv")
    run(engine, ZendeskImporter(), folder / "zendesk" / "tickets.json")


def _write_csv(path: Path, header: tuple[str, ...], rows: object) -> None:
    """As Data Loader writes: every value quoted, CRLF line ends."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, header, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)  # type: ignore[arg-type]


def _write_zendesk(folder: Path, customers: list[dict[str, str]]) -> None:
    """One organisation per customer, its plan and region in lower case; one ticket each."""
    folder.mkdir(parents=True, exist_ok=True)
    organisations, users, tickets = [], [], []
    for n, account in enumerate(customers):
        domain = account["Website"].removeprefix("https://www.")
        organisations.append(
            {
                "id": 360000 + n,
                "name": account["Name"],
                "domain_names": [domain],
                "organization_fields": {
                    "plan": account["Plan__c"].lower(),
                    "region": account["BillingCountry"],
                },
            }
        )
        users.append(
            {
                "id": 900000 + n,
                "name": f"Dispatcher {n}",
                "email": f"ops@{domain}",
                "role": "end-user",
                "organization_id": 360000 + n,
            }
        )
        tickets.append(
            {
                "id": 48000 + n,
                "created_at": "2026-06-04T10:22:31Z",
                "updated_at": "2026-06-05T08:00:00Z",
                "type": "incident",
                "subject": "Board does not refresh",
                "description": "The dispatch board does not refresh when a tech finishes a job.",
                "status": "open",
                "requester_id": 900000 + n,
                "submitter_id": 900000 + n,
                "organization_id": 360000 + n,
                "via": {"channel": "web"},
                "tags": [],
            }
        )
    (folder / "organizations.json").write_text(
        json.dumps({"organizations": organisations}), encoding="utf-8"
    )
    (folder / "users.json").write_text(json.dumps({"users": users}), encoding="utf-8")
    (folder / "tickets.json").write_text(json.dumps({"tickets": tickets}), encoding="utf-8")
