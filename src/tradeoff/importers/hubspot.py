"""HubSpot: the deals and companies exports (CSV, with the UI's human column headers).

Reads, told apart by the header:

- **Deals** (CRM → Deals → Export): ``Record ID, Deal Name, Pipeline, Deal Stage, Amount,
  Currency, Close Date, Create Date, Deal owner, Deal Type, Deal Description, Closed Lost
  Reason, Closed Won Reason`` and, when associations are included, ``Associated Company IDs
  (Primary)`` / ``Associated Company (Primary)`` (older exports: ``Associated Company IDs`` /
  ``Associated Company``, several values separated by ``;``, the first is used). Dates are
  ``2026-03-04`` or ``2026-03-04 10:22``. A portal with several currencies exports each
  ``Amount`` in its deal's currency: without a ``Currency`` column, ``Amount in company
  currency`` is read instead, in ``--currency``. An export with internal values has ``dealname``,
  ``dealstage``, ``closedate``, ... which are read too.
  The outcome comes from ``Is Closed Won`` / ``Is Deal Closed?`` when exported, else from the
  stage: "Closed won" / ``closedwon`` → won, "Closed lost" / ``closedlost`` → lost, anything
  else open (custom pipelines: "Closed Won & Paid" is won). ``Is Closed Won`` without
  ``Is Deal Closed?``: true is won whatever the stage; false is lost when the stage says
  lost, else open (HubSpot computes the flag from the stage's type, so a stage named "won"
  it does not count as closed won, "Verbal won", is still pipeline). ``Close Date`` is the
  closing time of closed deals only. HubSpot has no standard competitor property: a custom
  one labelled ``Competitor``, ``Competitors`` or ``Primary Competitor`` is read, any other
  is mapped with ``--map competitor=COLUMN`` (``A;B`` for several). Each competitor is
  lost_to on a lost deal, won_against on a won one, evaluated on an open one. The deal
  description and the closed lost reason also become ``deal_note`` evidence
  (``<Record ID>:description``, ``<Record ID>:loss_reason``) about the associated company,
  relayed by the deal owner, who is one of our sellers: a proxy (principle 6).
- **Companies** (CRM → Companies → Export): ``Record ID, Company name, Company Domain Name,
  Annual Revenue, Number of Employees, Country/Region, Industry, Lifecycle Stage, ...``.
  Lifecycle Stage Customer / Evangelist → customer; Subscriber, Lead, MQL, SQL, Opportunity →
  prospect; a custom stage naming churn or a former customer → churned. ``Annual Revenue`` is
  the company's own revenue, not ours, so it stays an attribute with every other unmapped
  column; ARR, plan, segment, renewal and churn dates have no standard property: custom
  properties labelled ``ARR``, ``Plan``, ``Segment``, ``Renewal Date`` or ``Churn Date`` are
  read as such, any other label only when mapped (``--map arr=Customer ARR``).

Every column is overridable with ``--map FIELD=COLUMN``; headers match ignoring case. A
deals export with no column for the amount, the company, the close or create date or the
closed lost reason has the columns nothing read named in the summary (``unread_columns``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tradeoff.domain.enums import AccountLifecycle, EvidenceKind, EvidenceMode, PersonRole
from tradeoff.domain.names import fold
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
    owner_ref,
    read_rows,
    split_values,
)
from tradeoff.importers.currency_columns import with_currency_column
from tradeoff.importers.drafts import AccountRef, PersonRef, Record, Where
from tradeoff.importers.locales import LOCALE_OPTIONS
from tradeoff.importers.read_notes import NotedRecords
from tradeoff.importers.textfile import FileFacts, read_csv
from tradeoff.importers.unread_columns import unread_columns_notes

SOURCE = "hubspot"

#: Field → the names a HubSpot export gives its column: UI labels, then internal names.
DEAL: Columns = {
    "external_id": ("Record ID", "Deal ID", "hs_object_id"),
    "name": ("Deal Name", "dealname"),
    "stage": ("Deal Stage", "dealstage"),
    "amount": ("Amount", "amount"),
    "amount_in_company_currency": ("Amount in company currency", "amount_in_home_currency"),
    "currency": ("Currency", "Deal currency code", "deal_currency_code"),
    "closed_at": ("Close Date", "closedate"),
    "created_at": ("Create Date", "createdate"),
    "is_won": ("Is Closed Won", "hs_is_closed_won"),
    "is_closed": ("Is Deal Closed?", "Is Closed", "hs_is_closed"),
    "owner": ("Deal owner", "hubspot_owner_id"),
    "deal_type": ("Deal Type", "dealtype"),
    "lead_source": ("Lead Source", "Original Traffic Source", "Original Source Type"),
    "account_id": (
        "Associated Company IDs (Primary)",
        "Associated Company IDs",
        "Associated Company ID",
    ),
    "account": (
        "Associated Company (Primary)",
        "Associated Company Names (Primary)",
        "Associated Company",
        "Company name",
    ),
    "notes": ("Deal Description", "description"),
    "loss_reason": ("Closed Lost Reason", "closed_lost_reason"),
    "win_reason": ("Closed Won Reason", "closed_won_reason"),
    # No standard property: the labels portals usually give their own; else --map.
    "competitor": ("Competitor", "Competitors", "Primary Competitor"),
}
COMPANY: Columns = {
    "external_id": ("Record ID", "Company ID", "hs_object_id"),
    "name": ("Company name", "name"),
    "domain": ("Company Domain Name", "Website URL", "domain", "website"),
    "employees": ("Number of Employees", "numberofemployees"),
    "region": ("Country/Region", "Country", "country"),
    "lifecycle": ("Lifecycle Stage", "lifecyclestage"),
    # No standard properties: these are the labels portals most often give their own, and a
    # custom property is exported under its label. Other labels are named with --map.
    "arr": ("ARR", "Annual Recurring Revenue"),
    "currency": (),
    "plan": ("Plan",),
    "segment": ("Segment", "Customer Segment"),
    "renewal_on": ("Renewal Date",),
    "churned_at": ("Churn Date", "Churned Date"),
}
#: The fields the sales figures are built from: without a column for one, the summary names
#: the columns no field read (``unread_columns``).
DEAL_WANTED = (
    ("amount", "amount_in_company_currency"),
    ("account", "account_id"),
    ("closed_at",),
    ("created_at",),
    ("loss_reason",),
)
CUSTOMER_STAGES = frozenset({"customer", "evangelist"})
PROSPECT_STAGES = frozenset(
    {
        *("subscriber", "lead", "marketing qualified lead", "marketingqualifiedlead"),
        *("sales qualified lead", "salesqualifiedlead", "opportunity"),
    }
)


class HubspotImporter:
    name = "hubspot"
    source = SOURCE
    summary = "HubSpot CSV exports: deals (with their associated company) or companies."
    example = (
        "tradeoff import hubspot hubspot-crm-exports-all-deals.csv --map competitor=Competitor"
    )
    kind: EvidenceKind | None = EvidenceKind.DEAL_NOTE
    default_mode: EvidenceMode | None = EvidenceMode.STATED
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (
        CURRENCY_OPTION,
        *LOCALE_OPTIONS,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        check_fields(context, frozenset({*DEAL, *COMPANY}), "HubSpot")
        settings = CrmSettings.of(context)
        header, rows = read_csv(facts, context.on_progress)
        if _is_deals(header, context):
            layout = Layout.of(header, DEAL, context.columns, facts.path)
            layout.require("external_id", "name")
            layout, rows = with_currency_column(layout, rows, "amount", context.columns)
            notes = unread_columns_notes(layout, DEAL_WANTED)
            return NotedRecords(read_rows(layout, rows, DealReader(layout, settings)), notes)
        if find_column(header, _names(COMPANY, "name", context)) is not None:
            layout = Layout.of(header, COMPANY, context.columns, facts.path)
            layout.require("external_id")
            layout, rows = with_currency_column(layout, rows, "arr", context.columns)
            return read_rows(layout, rows, CompanyReader(layout, settings))
        raise InputError(
            "not a HubSpot deals or companies export: expected a Deal Stage or Company name "
            "column; the file has: " + ", ".join(repr(h) for h in header[:20]),
            path=facts.path,
            line=1,
        )


def _names(table: Columns, field: str, context: ReadContext) -> tuple[str, ...]:
    mapped = context.columns.get(field)
    return (mapped,) if mapped else table[field]


def _is_deals(header: list[str], context: ReadContext) -> bool:
    return any(
        find_column(header, _names(DEAL, field, context)) is not None
        for field in ("stage", "is_won")
    )


def _owner(owner: str) -> PersonRef:
    """The deal owner's name (UI export) or numeric owner id (internal values export)."""
    if owner.isdigit():
        name = f"HubSpot owner {owner}"
        return PersonRef(source=SOURCE, external_id=owner, name=name, role=PersonRole.SALES)
    return owner_ref(owner)


def _first(text: str) -> str:
    """The first of several associated records (``123;456``); HubSpot lists primary first."""
    values = split_values(text)
    return values[0] if values else ""


@dataclass(frozen=True)
class DealReader:
    layout: Layout
    settings: CrmSettings

    def __call__(self, cells: dict[str, str], raw: dict[str, str], where: Where) -> list[Record]:
        deal_id = cells.get("external_id", "")
        if not deal_id:
            raise RuleViolation("external_id", "the deal has no Record ID")
        company_id = _first(cells.get("account_id", ""))
        amount_field = "amount"
        if not self.layout.has("currency") and self.layout.has("amount_in_company_currency"):
            # Without the Currency column, "Amount" is in each deal's own currency, unnamed;
            # the company-currency amount is the one whose currency (--currency) is known.
            amount_field = "amount_in_company_currency"
        return crm_deal(
            cells,
            raw,
            where,
            self.layout,
            self.settings,
            external_id=deal_id,
            account=AccountRef(
                source=SOURCE if company_id else None,
                external_id=company_id or None,
                name=_first(cells.get("account", "")) or None,
            ),
            owner=_owner(cells.get("owner", "")),
            competitors=split_values(cells.get("competitor", "")),
            amount_field=amount_field,
        )


@dataclass(frozen=True)
class CompanyReader:
    layout: Layout
    settings: CrmSettings

    def __call__(self, cells: dict[str, str], raw: dict[str, str], where: Where) -> list[Record]:
        company_id = cells.get("external_id", "")
        if not company_id:
            raise RuleViolation("external_id", "the company has no Record ID")
        lifecycle = company_lifecycle(cells.get("lifecycle", ""))
        return [crm_account(cells, raw, where, self.layout, self.settings, company_id, lifecycle)]


def company_lifecycle(text: str) -> AccountLifecycle | None:
    """HubSpot's Lifecycle Stage, as a label or an internal value; "Other" says nothing."""
    value = fold(text)
    if re.search(r"churn|former|cancel", value):
        return AccountLifecycle.CHURNED
    if value in CUSTOMER_STAGES:
        return AccountLifecycle.CUSTOMER
    if value in PROSPECT_STAGES:
        return AccountLifecycle.PROSPECT
    return None
