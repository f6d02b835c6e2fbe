"""Pipedrive: the deals and organizations exports (CSV).

Reads, told apart by the header:

- **Deals** (Deals → list view → ... → *Export filter results*, or Settings → *Export data*).
  Pipedrive names each column after its object, ``Deal - Title``, ``Deal - Value``, ...; an
  export without those prefixes (``Title``, ``Value``) is read alike. Columns read:
  ``Deal - ID, Deal - Title, Deal - Value, Deal - Currency`` (also ``Deal - Currency of
  Value``), ``Deal - Organization`` (also ``Organization - Name``; ``Deal - Organization ID``
  / ``Organization - ID`` when exported), ``Deal - Status, Deal - Stage, Deal - Owner,
  Deal - Deal created, Deal - Won time, Deal - Lost time, Deal - Deal closed on,
  Deal - Lost reason, Deal - Source channel``. The outcome is the deal's **status**, not its
  stage (a won deal keeps the stage it was in, "Negotiation"): open, won or lost; a deleted
  deal is skipped, and counted in the import summary. The close date is ``Won time`` for a
  won deal and ``Lost time`` for a lost one (else ``Deal closed on``); an open deal has
  none (``Expected close date`` is a forecast, not read). Pipedrive has no standard
  competitor field: a custom one labelled ``Competitor`` or ``Competitors`` is read (``A;B``
  for several), and a custom ``Description`` or ``Notes`` text is the deal's description;
  any other label is named with ``--map FIELD=COLUMN``. Each competitor is lost_to on a lost
  deal, won_against on a won one, evaluated on an open one. The description and the lost
  reason also become ``deal_note`` evidence (``<ID>:description``, ``<ID>:loss_reason``)
  about the deal's organization, relayed by the deal owner, one of our sellers: a proxy
  (principle 6).
- **Organizations** (Contacts → Organizations → *Export*): ``Organization - ID,
  Organization - Name, Organization - Website, Organization - Labels, ...``. The label
  Customer → customer; Hot, Warm or Cold lead → prospect; a custom label naming churn or a
  former customer → churned. ARR, plan, segment, renewal and churn dates have no standard
  field: custom fields labelled ``ARR``, ``Plan``, ``Segment``, ``Renewal Date`` or
  ``Churn Date`` are read as such; every other column stays an attribute.

Import the organizations first: deals then find their organization by ID, or by name.
Every column is overridable with ``--map FIELD=COLUMN``; headers match ignoring case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from tradeoff.domain.enums import AccountLifecycle, DealOutcome, EvidenceKind, EvidenceMode
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
from tradeoff.importers.drafts import AccountRef, Record, Where
from tradeoff.importers.locales import LOCALE_OPTIONS
from tradeoff.importers.read_notes import NotedRecords
from tradeoff.importers.textfile import CsvRow, FileFacts, read_csv
from tradeoff.importers.unread_columns import unread_columns_notes
from tradeoff.wording import plural

SOURCE = "pipedrive"


def _labels(entity: str, *names: str) -> tuple[str, ...]:
    """Each name as a list-view export writes it ("Deal - Title"), then bare ("Title")."""
    return (*(f"{entity} - {n}" for n in names), *names)


#: Field → the names a Pipedrive export gives its column, with and without the prefix.
DEAL: Columns = {
    "external_id": _labels("Deal", "ID"),
    "name": _labels("Deal", "Title"),
    "amount": _labels("Deal", "Value"),
    "currency": _labels("Deal", "Currency", "Currency of Value"),
    "status": _labels("Deal", "Status"),
    "stage": _labels("Deal", "Stage"),
    "owner": _labels("Deal", "Owner"),
    "created_at": _labels("Deal", "Deal created", "Deal created on", "Add time"),
    "won_time": _labels("Deal", "Won time"),
    "lost_time": _labels("Deal", "Lost time"),
    "closed_at": _labels("Deal", "Deal closed on", "Closed on"),
    "loss_reason": _labels("Deal", "Lost reason"),
    "lead_source": _labels("Deal", "Source channel"),
    "account_id": ("Deal - Organization ID", "Organization - ID", "Organization ID"),
    "account": ("Deal - Organization", "Organization - Name", "Organization"),
    # No standard fields: the labels accounts usually give their own; else --map.
    "competitor": _labels("Deal", "Competitor", "Competitors"),
    "notes": ("Deal - Description", "Deal - Notes", "Description"),
    "win_reason": (),
    "deal_type": (),
}
ORGANIZATION: Columns = {
    "external_id": _labels("Organization", "ID"),
    "name": _labels("Organization", "Name"),
    "domain": _labels("Organization", "Website"),
    "employees": _labels("Organization", "Number of employees", "Employee count"),
    "region": _labels("Organization", "Country of Address"),
    "lifecycle": _labels("Organization", "Labels", "Label"),
    # No standard fields: the labels accounts most often give their own; else --map.
    "arr": _labels("Organization", "ARR", "Annual Recurring Revenue"),
    "currency": (),
    "plan": _labels("Organization", "Plan"),
    "segment": _labels("Organization", "Segment"),
    "renewal_on": _labels("Organization", "Renewal Date"),
    "churned_at": _labels("Organization", "Churn Date"),
}
#: The fields the sales figures are built from: without a column for one, the summary names
#: the columns no field read (``unread_columns``).
DEAL_WANTED = (
    ("amount",),
    ("account", "account_id"),
    ("won_time", "closed_at"),
    ("lost_time", "closed_at"),
    ("created_at",),
    ("loss_reason",),
)
STATUSES = {"open": DealOutcome.OPEN, "won": DealOutcome.WON, "lost": DealOutcome.LOST}
DELETED = "deleted"
#: Deleted deals named by ID in the summary; the rest are counted.
DEALS_SHOWN = 5
#: Where each outcome's close date is: its own time column, else the closing date.
CLOSE_FIELDS = {
    DealOutcome.WON: ("won_time", "closed_at"),
    DealOutcome.LOST: ("lost_time", "closed_at"),
    DealOutcome.OPEN: (),
}


class PipedriveImporter:
    name = "pipedrive"
    source = SOURCE
    summary = "Pipedrive CSV exports: deals (won, lost, open by their status) or organizations."
    example = "tradeoff import pipedrive deals-export.csv --map competitor='Deal - Rival'"
    kind: EvidenceKind | None = EvidenceKind.DEAL_NOTE
    default_mode: EvidenceMode | None = EvidenceMode.STATED
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (CURRENCY_OPTION, *LOCALE_OPTIONS)

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        check_fields(context, frozenset({*DEAL, *ORGANIZATION}), "Pipedrive")
        settings = CrmSettings.of(context)
        header, rows = read_csv(facts, context.on_progress)
        if _has(header, DEAL, "status", context) or _has(header, DEAL, "name", context):
            layout = Layout.of(header, DEAL, context.columns, facts.path)
            layout.require("external_id", "name", "status")
            layout, rows = with_currency_column(layout, rows, "amount", context.columns)
            notes = unread_columns_notes(layout, DEAL_WANTED)
            return NotedRecords(_deals(layout, rows, DealReader(layout, settings), notes), notes)
        if _has(header, ORGANIZATION, "name", context):
            layout = Layout.of(header, ORGANIZATION, context.columns, facts.path)
            layout.require("external_id")
            layout, rows = with_currency_column(layout, rows, "arr", context.columns)
            return read_rows(layout, rows, OrganizationReader(layout, settings))
        raise InputError(
            "not a Pipedrive deals or organizations export: expected a 'Deal - Status' or "
            "'Deal - Title' column (deals) or 'Organization - Name' (organizations); the file "
            "has: " + ", ".join(repr(h) for h in header[:20]),
            path=facts.path,
            line=1,
        )


def _has(header: list[str], table: Columns, name: str, context: ReadContext) -> bool:
    mapped = context.columns.get(name)
    return find_column(header, (mapped,) if mapped else table[name]) is not None


def _deals(
    layout: Layout, rows: Iterator[CsvRow], reader: DealReader, notes: list[str]
) -> Iterator[Record]:
    """The deals, then the summary's line on the deleted ones, once they are all counted."""
    yield from read_rows(layout, rows, reader)
    deleted = reader.deleted
    if deleted:
        more = len(deleted) - DEALS_SHOWN
        notes.append(
            f"{plural(len(deleted), 'deleted deal')} skipped (status 'deleted': not "
            "imported; one imported before is left as it was): "
            + ", ".join(deleted[:DEALS_SHOWN])
            + (f" and {more:,} more" if more > 0 else "")
        )


def deal_status(text: str) -> DealOutcome | None:
    """Pipedrive's status, as exported ("won", "Won"): the outcome, or None for a deleted
    deal. Anything else is refused: the outcome is never guessed from the stage."""
    value = fold(text)
    if value == DELETED:
        return None
    if value in STATUSES:
        return STATUSES[value]
    if not value:
        raise RuleViolation("status", "the deal has no status: expected open, won, lost or deleted")
    raise RuleViolation(
        "status", f"not a Pipedrive deal status: {text!r}; expected open, won, lost or deleted"
    )


@dataclass(frozen=True)
class DealReader:
    layout: Layout
    settings: CrmSettings
    #: The IDs (else the lines) of the deleted deals skipped, for the summary.
    deleted: list[str] = field(default_factory=list)

    def __call__(self, cells: dict[str, str], raw: dict[str, str], where: Where) -> list[Record]:
        deal_id = cells.get("external_id", "")
        outcome = deal_status(cells.get("status", ""))
        if outcome is None:
            self.deleted.append(deal_id or f"line {where.line}")
            return []
        if not deal_id:
            raise RuleViolation("external_id", "the deal has no ID")
        organization_id = cells.get("account_id", "")
        return crm_deal(
            cells,
            raw,
            where,
            self.layout,
            self.settings,
            external_id=deal_id,
            account=AccountRef(
                source=SOURCE if organization_id else None,
                external_id=organization_id or None,
                name=cells.get("account") or None,
            ),
            owner=owner_ref(cells.get("owner", "")),
            competitors=split_values(cells.get("competitor", "")),
            outcome=outcome,
            close_fields=CLOSE_FIELDS[outcome],
        )


@dataclass(frozen=True)
class OrganizationReader:
    layout: Layout
    settings: CrmSettings

    def __call__(self, cells: dict[str, str], raw: dict[str, str], where: Where) -> list[Record]:
        organization_id = cells.get("external_id", "")
        if not organization_id:
            raise RuleViolation("external_id", "the organization has no ID")
        lifecycle = organization_lifecycle(cells.get("lifecycle", ""))
        return [
            crm_account(cells, raw, where, self.layout, self.settings, organization_id, lifecycle)
        ]


def organization_lifecycle(labels: str) -> AccountLifecycle | None:
    """Pipedrive's organization labels (Customer, Hot lead, Warm lead, Cold lead, or the
    account's own; several separated by commas): churn or a former customer first, since
    "Former customer" names a customer too."""
    value = fold(labels)
    if re.search(r"churn|former|cancel", value):
        return AccountLifecycle.CHURNED
    if re.search(r"\bcustomers?\b", value):
        return AccountLifecycle.CUSTOMER
    if re.search(r"\bleads?\b|\bprospects?\b", value):
        return AccountLifecycle.PROSPECT
    return None
