"""What importers produce: records that name accounts and people by the keys exports carry.

Importers parse; they never touch the database. The loader resolves names, emails and source
ids to records, so every source gets the same matching, proxy detection and provenance.
A row an importer cannot read becomes a ``Rejected`` record rather than an exception, so the
user chooses between stopping (the default) and ``--skip-bad-rows``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from tradeoff.domain.enums import (
    AccountLifecycle,
    CompetitorRelation,
    DealOutcome,
    EvidenceKind,
    EvidenceMode,
    PersonRole,
)


@dataclass(frozen=True)
class Where:
    """Where a record was read: a line of a file, or a path inside a JSON document."""

    line: int | None = None
    json_path: str | None = None
    file: str | None = None
    #: Which column of the file fed each field, so a refused value names the user's column.
    columns: tuple[tuple[str, str], ...] = ()

    def column_for(self, field_name: str) -> str:
        return dict(self.columns).get(field_name, field_name)

    def describe(self) -> str:
        parts = [self.file] if self.file else []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.json_path:
            parts.append(self.json_path)
        return ", ".join(parts)


@dataclass(frozen=True)
class AccountRef:
    """How a record names its account: a source id, a domain, or a name (tried in that order)."""

    name: str | None = None
    domain: str | None = None
    source: str | None = None
    external_id: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.domain or self.external_id)


@dataclass(frozen=True)
class PersonRef:
    email: str | None = None
    name: str | None = None
    role: PersonRole | None = None
    source: str | None = None
    external_id: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.email or self.name or self.external_id)


@dataclass(frozen=True)
class AccountDraft:
    where: Where
    external_id: str
    name: str
    domain: str | None = None
    segment: str | None = None
    plan: str | None = None
    arr: Decimal | None = None
    currency: str | None = None
    employees: int | None = None
    region: str | None = None
    lifecycle: AccountLifecycle | None = None
    churned_at: datetime | None = None
    renewal_on: date | None = None
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PersonDraft:
    where: Where
    external_id: str
    name: str | None = None
    email: str | None = None
    role: PersonRole | None = None
    account: AccountRef = field(default_factory=AccountRef)


@dataclass(frozen=True)
class CompetitorMention:
    name: str
    relation: CompetitorRelation = CompetitorRelation.EVALUATED


@dataclass(frozen=True)
class DealDraft:
    where: Where
    external_id: str
    name: str
    account: AccountRef = field(default_factory=AccountRef)
    amount: Decimal | None = None
    currency: str | None = None
    stage: str | None = None
    outcome: DealOutcome = DealOutcome.OPEN
    #: The outcome came from the export's Closed / Won columns, not read from the stage.
    outcome_flagged: bool = False
    created_at: datetime | None = None
    closed_at: datetime | None = None
    loss_reason: str | None = None
    win_reason: str | None = None
    notes: str | None = None
    owner: str | None = None
    deal_type: str | None = None
    lead_source: str | None = None
    competitors: tuple[CompetitorMention, ...] = ()


@dataclass(frozen=True)
class EvidenceDraft:
    """One piece of evidence as read from a file."""

    external_id: str
    kind: EvidenceKind
    text: str
    created_at: datetime
    line: int | None = None
    where: Where | None = None
    mode: EvidenceMode | None = None
    title: str | None = None
    account: AccountRef = field(default_factory=AccountRef)
    person: PersonRef = field(default_factory=PersonRef)
    relayed_by: PersonRef = field(default_factory=PersonRef)
    rating: float | None = None
    tags: list[str] = field(default_factory=list)
    url: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)
    #: The export carries less than a full record (Zendesk's CSV view has no ticket body):
    #: it fills gaps in an item already here and never overwrites it.
    partial: bool = False

    @property
    def location(self) -> Where:
        return self.where or Where(line=self.line)


@dataclass(frozen=True)
class MetricValueDraft:
    """One value of a metric's time series; ``metric`` names a registry metric by name or
    slug, and the loader refuses a metric the registry does not hold."""

    where: Where
    metric: str
    observed_on: date
    value: float
    segment: str = ""


@dataclass(frozen=True)
class Rejected:
    """A record the importer could not read, with why and what it was."""

    where: Where
    reason: str
    column: str | None = None
    raw: dict[str, Any] | list[str] = field(default_factory=dict)


Draft = AccountDraft | PersonDraft | DealDraft | EvidenceDraft | MetricValueDraft
Record = Draft | Rejected
