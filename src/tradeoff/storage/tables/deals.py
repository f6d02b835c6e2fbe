"""Deals, competitors, and which competitors each deal met."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.domain.enums import (
    AssignedBy,
    CompetitorKind,
    CompetitorRelation,
    DealOutcome,
    LossCategory,
    MentionStance,
)
from tradeoff.storage.tables.base import Base
from tradeoff.storage.types import MONEY, UTCDateTime, enum_column


class DealRow(Base):
    __tablename__ = "deals"
    __table_args__ = (
        UniqueConstraint("source", "external_id"),
        CheckConstraint("amount IS NULL OR amount >= 0", name="amount_not_negative"),
        CheckConstraint("amount IS NULL OR currency IS NOT NULL", name="amount_has_currency"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str] = mapped_column(String(255))
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(500))
    amount: Mapped[Decimal | None] = mapped_column(MONEY)
    currency: Mapped[str | None] = mapped_column(String(3))
    stage: Mapped[str | None] = mapped_column(String(200))
    outcome: Mapped[DealOutcome] = mapped_column(enum_column(DealOutcome, "deal_outcome"))
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    loss_reason: Mapped[str | None] = mapped_column(Text)
    win_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(300))
    deal_type: Mapped[str | None] = mapped_column(String(200))
    lead_source: Mapped[str | None] = mapped_column(String(200))
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )


class CompetitorRow(Base):
    __tablename__ = "competitors"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list[str]]
    kind: Mapped[CompetitorKind] = mapped_column(enum_column(CompetitorKind, "competitor_kind"))


class DealCompetitorRow(Base):
    __tablename__ = "deal_competitors"

    deal_id: Mapped[int] = mapped_column(
        ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True
    )
    competitor_id: Mapped[int] = mapped_column(
        ForeignKey("competitors.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[CompetitorRelation] = mapped_column(
        enum_column(CompetitorRelation, "competitor_relation")
    )
    mentioned_as: Mapped[str | None] = mapped_column(String(300))


class CompetitorMentionRow(Base):
    """A competitor named in an evidence item (a ticket, an interview, a deal note)."""

    __tablename__ = "competitor_mentions"

    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True
    )
    competitor_id: Mapped[int] = mapped_column(
        ForeignKey("competitors.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    mentioned_as: Mapped[str] = mapped_column(String(300))


class CompetitorMentionStanceRow(Base):
    """How a mention stands towards the competitor, where it says more than the name: the
    tool the customer left for us, or one they weigh leaving for (``mention_stance``). A
    table of its own, keyed by the mention, so a merge or split that moves the mention
    carries its stance (ON UPDATE CASCADE) and code at an older revision still writes
    mentions."""

    __tablename__ = "competitor_mention_stances"
    __table_args__ = (
        ForeignKeyConstraint(
            ["evidence_id", "competitor_id"],
            ["competitor_mentions.evidence_id", "competitor_mentions.competitor_id"],
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
    )

    evidence_id: Mapped[int] = mapped_column(primary_key=True)
    competitor_id: Mapped[int] = mapped_column(primary_key=True, index=True)
    stance: Mapped[MentionStance] = mapped_column(enum_column(MentionStance, "mention_stance"))


class DealCompetitorNotedRow(Base):
    """A deal's link to a competitor that ``scan-competitors`` made from the deal's own
    words (notes, loss and win reasons), not from a CRM field: the scan keeps it only while
    the words still name the competitor."""

    __tablename__ = "deal_competitor_notes"

    deal_id: Mapped[int] = mapped_column(
        ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True
    )
    competitor_id: Mapped[int] = mapped_column(
        ForeignKey("competitors.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class CompetitorNameChosenRow(Base):
    """A competitor whose name a person chose: imports and scans never respell it."""

    __tablename__ = "competitor_names_chosen"

    competitor_id: Mapped[int] = mapped_column(
        ForeignKey("competitors.id", ondelete="CASCADE"), primary_key=True
    )


class CompetitorPartnerRow(Base):
    """A competitor that is also one of our integrations (``tradeoff competitor-partner``):
    free text names it as a rival only in words that compete with it. Its own table, not a
    column of ``competitors``, so that code writing competitors at an older revision still
    works; it follows its competitor through a rename (same row) and goes with it."""

    __tablename__ = "competitor_partners"

    competitor_id: Mapped[int] = mapped_column(
        ForeignKey("competitors.id", ondelete="CASCADE", onupdate="CASCADE"), primary_key=True
    )
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LossClassificationRow(Base):
    """A lost deal's category; rows a person wrote are never replaced by the classifier."""

    __tablename__ = "loss_classifications"

    deal_id: Mapped[int] = mapped_column(
        ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[LossCategory] = mapped_column(enum_column(LossCategory, "loss_category"))
    assigned_by: Mapped[AssignedBy] = mapped_column(enum_column(AssignedBy, "loss_assigned_by"))
    cues: Mapped[list[str]]
    classified_at: Mapped[datetime] = mapped_column(UTCDateTime())
