"""Deals and the competitors met in them: the sales picture the PM must know (principles 2, 3)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from tradeoff.domain.enums import (
    AssignedBy,
    CompetitorKind,
    CompetitorRelation,
    DealOutcome,
    LossCategory,
)
from tradeoff.domain.rules import (
    RuleViolation,
    currency_code,
    member,
    non_negative,
    now_utc,
    optional_text,
    required_text,
    utc,
)


@dataclass(kw_only=True)
class Deal:
    id: int | None = None
    source: str
    external_id: str
    account_id: int | None = None
    name: str
    amount: Decimal | None = None
    currency: str | None = None
    stage: str | None = None
    outcome: DealOutcome = DealOutcome.OPEN
    created_at: datetime | None = None
    closed_at: datetime | None = None
    loss_reason: str | None = None
    win_reason: str | None = None
    notes: str | None = None
    owner: str | None = None
    deal_type: str | None = None
    lead_source: str | None = None
    import_batch_id: int | None = None

    def __post_init__(self) -> None:
        self.source = required_text("source", self.source).lower()
        self.external_id = required_text("external_id", self.external_id)
        self.name = required_text("name", self.name)
        self.amount = non_negative("amount", self.amount)
        self.currency = currency_code("currency", self.currency)
        if self.amount is not None and self.currency is None:
            raise RuleViolation("currency", "an amount needs its currency")
        self.outcome = member("outcome", DealOutcome, self.outcome)
        self.created_at = utc("created_at", self.created_at)
        self.closed_at = utc("closed_at", self.closed_at)
        for name in ("stage", "loss_reason", "win_reason", "notes", "owner", "deal_type"):
            setattr(self, name, optional_text(getattr(self, name), name))
        self.lead_source = optional_text(self.lead_source, "lead_source")
        if self.outcome is DealOutcome.OPEN and self.loss_reason is not None:
            raise RuleViolation("loss_reason", "an open deal has no loss reason")


@dataclass(kw_only=True)
class Competitor:
    """Who we really meet in the field: a rival, another category, a spreadsheet, or nothing."""

    id: int | None = None
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: CompetitorKind = CompetitorKind.DIRECT

    def __post_init__(self) -> None:
        self.name = required_text("name", self.name)
        self.aliases = sorted({a.strip() for a in self.aliases if a.strip()} - {self.name})
        self.kind = member("kind", CompetitorKind, self.kind)

    def matches(self, text: str) -> bool:
        wanted = text.strip().casefold()
        return any(wanted == n.casefold() for n in (self.name, *self.aliases))


@dataclass(kw_only=True)
class DealCompetitor:
    deal_id: int
    competitor_id: int
    relation: CompetitorRelation = CompetitorRelation.EVALUATED
    #: The words the CRM or the notes used ("MSFT Dynamics"): what a split sorts by.
    mentioned_as: str | None = None

    def __post_init__(self) -> None:
        self.relation = member("relation", CompetitorRelation, self.relation)
        self.mentioned_as = optional_text(self.mentioned_as, "mentioned_as")


@dataclass(kw_only=True)
class CompetitorMention:
    """A competitor named in a ticket, interview or note, as it was written."""

    evidence_id: int
    competitor_id: int
    mentioned_as: str

    def __post_init__(self) -> None:
        self.mentioned_as = required_text("mentioned_as", self.mentioned_as)


@dataclass(kw_only=True)
class LossClassification:
    """A lost deal's reason in the loss taxonomy; a person's correction is never overwritten.

    The free-text reason stays on the deal; ``cues`` are the words that decided the category.
    """

    deal_id: int
    category: LossCategory
    assigned_by: AssignedBy = AssignedBy.MODEL
    cues: list[str] = field(default_factory=list)
    classified_at: datetime = field(default_factory=now_utc)

    def __post_init__(self) -> None:
        self.category = member("category", LossCategory, self.category)
        self.assigned_by = member("assigned_by", AssignedBy, self.assigned_by)
        self.classified_at = utc("classified_at", self.classified_at) or now_utc()


def stage_contradicts(stage: str, outcome: DealOutcome) -> bool:
    """A stage whose words say another outcome than the one recorded ("Closed Lost", open)."""
    words = set(re.findall(r"[a-z]+", stage.casefold()))
    squashed = re.sub(r"[^a-z]", "", stage.casefold())
    says_won = "won" in words or "closedwon" in squashed
    says_lost = "lost" in words or "closedlost" in squashed
    if outcome is DealOutcome.OPEN:
        return says_won or says_lost or "closed" in words or squashed.startswith("closed")
    return says_lost if outcome is DealOutcome.WON else says_won
