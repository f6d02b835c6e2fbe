"""Salesforce: Opportunity, Account, OpportunityCompetitor and User CSV exports.

One command reads whichever export it is given, told apart by its header:

- **Opportunities**, from Data Loader / the API (API names: ``Id, Name, AccountId, StageName,
  Amount, CurrencyIsoCode, CloseDate, CreatedDate, IsClosed, IsWon, Type, LeadSource, OwnerId,
  Description, NextStep`` and the org's custom ``Loss_Reason__c, Win_Reason__c,
  Competitor__c``) or from a report's "Details only" CSV export (labels: ``Opportunity ID,
  Opportunity Name, Account Name, Stage, Amount, Close Date, Created Date, Opportunity Owner,
  Lead Source, Type``; locale dates such as ``1/31/2024`` or ``31.01.2024``; amounts such as
  ``USD 12,000.00``; a footer of one-cell lines after the rows, which is skipped).
  Each row is a deal. The outcome comes from ``IsWon`` / ``IsClosed`` (orgs rename stages),
  else from a stage containing "Closed Won" / "Closed Lost"; ``IsWon`` alone: true is won,
  false is lost when the stage says lost, else open. ``CloseDate`` is the closing time
  of closed deals only; the loss reason is kept for lost deals, the win reason for won ones.
  Competitors come from ``Competitor__c`` (a multi-select picklist, ``A;B``) and from the
  OpportunityCompetitor export (``Id, OpportunityId, CompetitorName, Strengths, Weaknesses``;
  ``--competitors``, default ``opportunity_competitors.csv`` or ``OpportunityCompetitor.csv``
  beside the file): lost_to on a lost deal, won_against on a won one, evaluated while open.
  ``Description`` and the loss reason also become ``deal_note`` evidence
  (``<Id>:description``, ``<Id>:loss_reason``) about the deal's account, relayed by the owner:
  sales notes are a proxy's account of what the customer said (principle 6).
- **Users** (``Id, Name, Email, Title, Department``; ``--users``, default ``users.csv`` or
  ``User.csv`` beside the opportunities, or imported on their own): each becomes a person,
  sales unless the title or department says executive, customer success or support; the
  owner's name becomes the deal's owner.
- **Accounts** (``Id, Name, Type, Industry, AnnualRevenue, NumberOfEmployees,
  BillingCountry, OwnerId, Website`` and custom ``ARR__c, Plan__c, Segment__c,
  CurrencyIsoCode, Renewal_Date__c, Churn_Date__c``): Type Customer → customer, Prospect →
  prospect, Former Customer / Churned → churned; Website → domain; BillingCountry → region.
  ``AnnualRevenue`` is the company's own revenue, not what it pays us, so it stays an
  attribute with every other unmapped column; ARR is ``ARR__c``.

Every column is overridable with ``--map FIELD=COLUMN`` (``loss_reason=Closed_Lost_Reason__c``);
headers match ignoring case, since Data Loader may write them in capitals. Amounts without a
currency take ``--currency`` (default: the workspace's base currency); slashed dates are
month first unless ``--dates dmy``, and ``--decimal comma`` reads ``1.234,56`` (see
``locales``). 15-character record ids (reports) are widened to the 18-character form (Data
Loader), so both exports of one org update the same records. An opportunities export with
no column for the amount, the account, the close or created date has the columns nothing
read named in the summary (``unread_columns``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from tradeoff.domain.crm_ids import salesforce_id
from tradeoff.domain.enums import (
    AccountLifecycle,
    EvidenceKind,
    EvidenceMode,
    PersonRole,
)
from tradeoff.domain.names import company_name_key, fold
from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.columns import find_column
from tradeoff.importers.crm import (
    CURRENCY_OPTION,
    Columns,
    CrmSettings,
    Layout,
    check_fields,
    crm_account,
    crm_deal,
    data_rows,
    owner_ref,
    read_rows,
    side_file,
    split_values,
)
from tradeoff.importers.currency_columns import with_currency_column
from tradeoff.importers.drafts import (
    AccountRef,
    PersonDraft,
    PersonRef,
    Record,
    Where,
)
from tradeoff.importers.locales import LOCALE_OPTIONS
from tradeoff.importers.read_notes import NotedRecords
from tradeoff.importers.textfile import CsvRow, FileFacts, read_csv
from tradeoff.importers.unread_columns import unread_columns_notes

SOURCE = "salesforce"

#: Field → the names an export gives its column: API name first, then report labels.
OPPORTUNITY: Columns = {
    "external_id": ("Id", "Opportunity ID"),
    "name": ("Name", "Opportunity Name"),
    "account_id": ("AccountId", "Account ID"),
    "account": ("Account.Name", "Account Name"),
    "stage": ("StageName", "Stage"),
    # A multi-currency org's report may show only the amount converted to the corporate
    # currency, beside its own currency column; the deal's own amount is read first, and
    # an amount's currency is first the column the report pairs with it ("Amount
    # Currency" beside "Amount": ``currencies.currency_column``).
    "amount": ("Amount", "Amount (converted)"),
    "currency": (
        *("CurrencyIsoCode", "Opportunity Currency", "Amount Currency"),
        *("Currency ISO Code", "Currency"),
    ),
    "closed_at": ("CloseDate", "Close Date"),
    "created_at": ("CreatedDate", "Created Date"),
    "is_closed": ("IsClosed", "Closed"),
    "is_won": ("IsWon", "Won"),
    "deal_type": ("Type",),
    "lead_source": ("LeadSource", "Lead Source"),
    "owner_id": ("OwnerId", "Owner ID"),
    "owner": ("Owner.Name", "Opportunity Owner"),
    "notes": ("Description",),
    "next_step": ("NextStep", "Next Step"),
    # Custom fields: no org names them alike. These are the usual API names and labels;
    # anything else is named with --map.
    "loss_reason": (
        *("Loss_Reason__c", "Loss Reason", "Closed_Lost_Reason__c", "Closed Lost Reason"),
        *("Lost_Reason__c", "Lost Reason", "Reason_Lost__c", "Reason Lost"),
    ),
    "win_reason": (
        *("Win_Reason__c", "Win Reason", "Closed_Won_Reason__c", "Closed Won Reason"),
        *("Won_Reason__c", "Won Reason"),
    ),
    "competitor": (
        *("Competitor__c", "Competitor", "Competitors__c", "Competitors"),
        *("Primary_Competitor__c", "Primary Competitor", "Main_Competitor__c", "Main Competitor"),
    ),
}
ACCOUNT: Columns = {
    "external_id": ("Id", "Account ID"),
    "name": ("Name", "Account Name"),
    "lifecycle": ("Type",),
    "employees": ("NumberOfEmployees", "Employees"),
    "region": ("BillingCountry", "Billing Country"),
    "domain": ("Website",),
    "arr": ("ARR__c", "ARR"),
    "plan": ("Plan__c", "Plan"),
    "segment": ("Segment__c", "Segment"),
    "currency": ("CurrencyIsoCode", "Account Currency", "Currency ISO Code", "Currency"),
    "renewal_on": ("Renewal_Date__c", "Renewal Date"),
    "churned_at": ("Churn_Date__c", "Churn Date"),
}
COMPETITOR: Columns = {
    "opportunity_id": ("OpportunityId", "Opportunity ID"),
    "competitor_name": ("CompetitorName", "Competitor Name"),
}
USER: Columns = {
    "user_id": ("Id", "User ID"),
    "user_name": ("Name", "Full Name"),
    "email": ("Email",),
    "title": ("Title",),
    "department": ("Department",),
}
#: The fields the sales figures are built from: without a column for one, the summary names
#: the columns no field read (``unread_columns``). Not the loss reason: Salesforce has no
#: standard field for it, and an org without one would be told so on every import.
OPPORTUNITY_WANTED = (
    ("amount",),
    ("account_id", "account"),
    ("closed_at",),
    ("created_at",),
)
COMPETITOR_FILES = ("opportunity_competitors.csv", "OpportunityCompetitor.csv")
ALL_FIELDS = frozenset({*OPPORTUNITY, *ACCOUNT, *COMPETITOR, *USER})
ACCOUNT_HINTS = (
    *("Type", "Industry", "AnnualRevenue", "Website", "BillingCountry", "ARR__c"),
    *("Annual Revenue", "Billing Country", "Account Owner"),
)

EXECUTIVE = re.compile(r"\b(chief|ceo|cro|cfo|coo|cto|president|founder|vp|svp|evp)\b")


class SalesforceImporter:
    name = "salesforce"
    source = SOURCE
    summary = (
        "Salesforce CSV exports: opportunities (Data Loader or report), accounts and users; "
        "competitors merged in from the OpportunityCompetitor export."
    )
    example = (
        "tradeoff import salesforce export/opportunities.csv --users export/users.csv "
        "--map loss_reason=Closed_Lost_Reason__c,competitor=Primary_Competitor__c"
    )
    kind: EvidenceKind | None = EvidenceKind.DEAL_NOTE
    default_mode: EvidenceMode | None = EvidenceMode.STATED
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (
        ImporterOption(
            "competitors",
            "OpportunityCompetitor export merged into the opportunities (default: "
            "opportunity_competitors.csv or OpportunityCompetitor.csv beside the file).",
            is_path=True,
            beside=COMPETITOR_FILES,
        ),
        ImporterOption(
            "users",
            "User export naming the opportunities' owners (default: users.csv or User.csv "
            "beside the file).",
            is_path=True,
            beside=("users.csv", "User.csv"),
        ),
        CURRENCY_OPTION,
        *LOCALE_OPTIONS,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        notes: list[str] = []
        return NotedRecords(self._records(facts, context, notes), notes)

    def _records(
        self, facts: FileFacts, context: ReadContext, notes: list[str]
    ) -> Iterator[Record]:
        check_fields(context, ALL_FIELDS, "Salesforce")
        settings = CrmSettings.of(context)
        header, rows = read_csv(facts, context.on_progress)
        kind = _export_kind(header, context, facts.path)
        table = {"opportunities": OPPORTUNITY, "accounts": ACCOUNT, "users": USER}[kind]
        layout = Layout.of(header, table, context.columns, facts.path)
        layout.require("user_id" if kind == "users" else "name")
        if kind != "users":
            money = "arr" if kind == "accounts" else "amount"
            layout, rows = with_currency_column(layout, rows, money, context.columns)
        if kind == "users":
            yield from (user.draft() for user in _users(layout, rows, side=False).values())
        elif kind == "accounts":
            yield from read_rows(layout, rows, AccountReader(layout, settings))
        else:
            users = _side_users(facts.path, context)
            competitors = _side_competitors(facts.path, context)
            yield from (user.draft() for user in users.values())
            reader = OpportunityReader(layout, settings, Staff(users), competitors)
            notes.extend(unread_columns_notes(layout, OPPORTUNITY_WANTED))
            yield from read_rows(layout, rows, reader)


def _export_kind(header: list[str], context: ReadContext, path: Path) -> str:
    def has(table: Columns, field: str) -> bool:
        mapped = context.columns.get(field)
        return find_column(header, (mapped,) if mapped else table[field]) is not None

    if has(COMPETITOR, "competitor_name") and has(COMPETITOR, "opportunity_id"):
        raise InputError(
            "this is an OpportunityCompetitor export: import the opportunities and name this "
            "file with --competitors",
            path=path,
            line=1,
        )
    if has(OPPORTUNITY, "stage") or has(OPPORTUNITY, "is_won"):
        return "opportunities"
    if find_column(header, ("Username",)) is not None or (
        has(USER, "email") and has(USER, "title")
    ):
        return "users"
    if has(ACCOUNT, "name") and find_column(header, ACCOUNT_HINTS) is not None:
        return "accounts"
    raise InputError(
        "not a Salesforce export this importer knows: expected StageName or Stage "
        "(opportunities), Name with Type, Industry or Website (accounts), or Email with Title "
        "(users); the file has: " + ", ".join(repr(h) for h in header[:20]),
        path=path,
        line=1,
    )


@dataclass(frozen=True)
class OpportunityReader:
    """One opportunity row → its deal, and deal notes for its description and loss reason."""

    layout: Layout
    settings: CrmSettings
    staff: Staff
    competitors: Mapping[str, list[str]]

    def __call__(self, cells: dict[str, str], raw: dict[str, str], where: Where) -> list[Record]:
        opportunity_id = salesforce_id(cells.get("external_id", ""))
        if not opportunity_id and self.layout.has("external_id"):
            raise RuleViolation("external_id", "the opportunity has no id")
        account_id = salesforce_id(cells.get("account_id", ""))
        next_step = cells.get("next_step", "")
        return crm_deal(
            cells,
            raw,
            where,
            self.layout,
            self.settings,
            external_id=opportunity_id or report_key(cells),
            account=AccountRef(
                source=SOURCE if account_id else None,
                external_id=account_id or None,
                name=cells.get("account") or None,
            ),
            owner=self.staff.ref(salesforce_id(cells.get("owner_id", "")), cells.get("owner", "")),
            competitors=split_values(cells.get("competitor", ""))
            + self.competitors.get(opportunity_id, []),
            extra_notes=f"Next step: {next_step}" if next_step else "",
        )


def report_key(cells: dict[str, str]) -> str:
    """A report exported without its Opportunity ID column: the account, name and created
    date identify the deal across exports (adding the ID column is safer)."""
    material = "\x1f".join(fold(cells.get(f, "")) for f in ("account", "name", "created_at"))
    return "report:" + hashlib.sha256(material.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class AccountReader:
    layout: Layout
    settings: CrmSettings

    def __call__(self, cells: dict[str, str], raw: dict[str, str], where: Where) -> list[Record]:
        account_id = salesforce_id(cells.get("external_id", ""))
        if not account_id and self.layout.has("external_id"):
            raise RuleViolation("external_id", "the account has no id")
        name = cells.get("name", "")
        key = account_id or "name:" + company_name_key(name)
        lifecycle = account_lifecycle(cells.get("lifecycle", ""))
        return [crm_account(cells, raw, where, self.layout, self.settings, key, lifecycle)]


def account_lifecycle(text: str) -> AccountLifecycle | None:
    """Salesforce's Type picklist: Customer (- Direct / - Channel), Prospect, and the
    values orgs add for customers who left; partner types say nothing about it."""
    value = fold(text)
    if any(word in value for word in ("former", "churn", "lost", "cancel")):
        return AccountLifecycle.CHURNED
    if value.startswith("customer"):
        return AccountLifecycle.CUSTOMER
    if "prospect" in value:
        return AccountLifecycle.PROSPECT
    return None


@dataclass(frozen=True)
class User:
    """A Salesforce user: one of ours, so a proxy for what customers said (principle 6)."""

    ref: PersonRef
    where: Where

    def draft(self) -> PersonDraft:
        ref = self.ref
        assert ref.external_id is not None
        return PersonDraft(
            where=self.where,
            external_id=ref.external_id,
            name=ref.name,
            email=ref.email,
            role=ref.role,
        )


def staff_role(title: str, department: str) -> PersonRole:
    """Sales unless the title or department says executive, customer success or support."""
    text = fold(f"{title} {department}")
    if EXECUTIVE.search(text):
        return PersonRole.EXECUTIVE
    if "success" in text or re.search(r"\bcsm\b", text):
        return PersonRole.CSM
    if "support" in text:
        return PersonRole.SUPPORT
    return PersonRole.SALES


class Staff:
    """Deal owners: by user id (Data Loader) or by full name (reports)."""

    def __init__(self, users: Mapping[str, User]) -> None:
        self.by_id = {key: user.ref for key, user in users.items()}
        self.by_name = {fold(u.ref.name or ""): u.ref for u in users.values()}

    def ref(self, owner_id: str, owner_name: str) -> PersonRef:
        user = self.by_id.get(owner_id) or self.by_name.get(fold(owner_name))
        if user is not None:
            return user
        if owner_id:
            name = owner_name or f"Salesforce user {owner_id}"
            return PersonRef(source=SOURCE, external_id=owner_id, name=name, role=PersonRole.SALES)
        return owner_ref(owner_name)


def _users(layout: Layout, rows: Iterator[CsvRow], *, side: bool) -> dict[str, User]:
    """Users by id. Read beside opportunities, a user's location names the users file,
    since the loader reports the main file's path."""
    users: dict[str, User] = {}
    for row in data_rows(rows, len(layout.header)):
        cells = layout.cells(row)
        user_id = salesforce_id(cells.get("user_id", ""))
        if not user_id:
            continue
        where = layout.where(row.line)
        if side:
            where = Where(json_path=f"{layout.path.name} line {row.line}", columns=where.columns)
        name = cells.get("user_name") or f"Salesforce user {user_id}"
        role = staff_role(cells.get("title", ""), cells.get("department", ""))
        email = cells.get("email") or None
        ref = PersonRef(source=SOURCE, external_id=user_id, name=name, email=email, role=role)
        users[user_id] = User(ref, where)
    return users


def _side_users(main: Path, context: ReadContext) -> dict[str, User]:
    facts = side_file(main, context.options.get("users"), "users.csv", "User.csv")
    if facts is None:
        return {}
    header, rows = read_csv(facts)
    layout = Layout.of(header, USER, context.columns, facts.path)
    layout.require("user_id")
    return _users(layout, rows, side=True)


def _side_competitors(main: Path, context: ReadContext) -> dict[str, list[str]]:
    """Competitor names per opportunity id, in the order the export lists them."""
    facts = side_file(main, context.options.get("competitors"), *COMPETITOR_FILES)
    if facts is None:
        return {}
    header, rows = read_csv(facts)
    layout = Layout.of(header, COMPETITOR, context.columns, facts.path)
    layout.require("opportunity_id", "competitor_name")
    found: dict[str, list[str]] = {}
    for row in data_rows(rows, len(layout.header)):
        cells = layout.cells(row)
        opportunity_id = salesforce_id(cells.get("opportunity_id", ""))
        if opportunity_id and cells.get("competitor_name"):
            found.setdefault(opportunity_id, []).append(cells["competitor_name"])
    return found
