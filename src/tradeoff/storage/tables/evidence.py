"""Evidence items, the imports they came from, and the themes they are filed under."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, validates

from tradeoff.domain.enums import (
    AssignedBy,
    EvidenceKind,
    EvidenceMode,
    ImportStatus,
    ThemeStatus,
)
from tradeoff.domain.names import text_fingerprint
from tradeoff.storage.tables.base import Base
from tradeoff.storage.types import UTCDateTime, enum_column


def fingerprint_of(text: str) -> str:
    return hashlib.sha256(text_fingerprint(text).encode("utf-8")).hexdigest()


class ImportBatchRow(Base):
    __tablename__ = "import_batches"
    __table_args__ = (
        CheckConstraint(
            "inserted >= 0 AND updated >= 0 AND unchanged >= 0 AND rejected >= 0",
            name="counts_not_negative",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    mapping: Mapped[dict[str, str]]
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status: Mapped[ImportStatus] = mapped_column(enum_column(ImportStatus, "import_status"))
    encoding: Mapped[str | None] = mapped_column(String(32))
    delimiter: Mapped[str | None] = mapped_column(String(4))
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    inserted: Mapped[int]
    updated: Mapped[int]
    unchanged: Mapped[int]
    rejected: Mapped[int]
    #: References to accounts not known yet: the same file must run again once they are.
    unresolved: Mapped[int] = mapped_column(default=0)


class EvidenceItemRow(Base):
    __tablename__ = "evidence_items"
    __table_args__ = (
        UniqueConstraint("source", "external_id"),
        CheckConstraint(
            "relayed_by_id IS NULL OR person_id IS NULL OR relayed_by_id <> person_id",
            name="not_relayed_by_self",
        ),
        Index("ix_evidence_items_created_at", "created_at"),
        # The inbox's filters, each walking newest (highest id) first.
        Index("ix_evidence_items_kind_id", "kind", "id"),
        Index("ix_evidence_items_source_id", "source", "id"),
        Index("ix_evidence_items_account_id_id", "account_id", "id"),
        # Demand's churn window: a churned account's items of a few weeks (migration 0009).
        Index("ix_evidence_items_account_id_created_at", "account_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str] = mapped_column(String(255))
    kind: Mapped[EvidenceKind] = mapped_column(enum_column(EvidenceKind, "evidence_kind"))
    mode: Mapped[EvidenceMode] = mapped_column(enum_column(EvidenceMode, "evidence_mode"))
    title: Mapped[str | None] = mapped_column(String(1000))
    text: Mapped[str] = mapped_column(Text)
    #: Folded words, for finding the same words arriving through two channels: the raw
    #: text's by default; an import stores the words said (``importers.copies``).
    fingerprint: Mapped[str] = mapped_column(
        String(64),
        index=True,
        default=lambda ctx: fingerprint_of(ctx.get_current_parameters()["text"]),
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    relayed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    rating: Mapped[float | None]
    tags: Mapped[list[str]]
    url: Mapped[str | None] = mapped_column(String(2000))
    raw: Mapped[dict[str, Any]]
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )
    duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="SET NULL"), index=True
    )

    @validates("text")
    def _keep_fingerprint(self, _key: str, text: str) -> str:
        self.fingerprint = fingerprint_of(text)
        return text


class ThemeRow(Base):
    __tablename__ = "themes"
    __table_args__ = (
        CheckConstraint(
            "(status = 'merged') = (merged_into_id IS NOT NULL)", name="merged_names_target"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[ThemeStatus] = mapped_column(enum_column(ThemeStatus, "theme_status"))
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: A person named the theme (or kept the model's name): re-analysis never renames it.
    name_pinned: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: A person made the theme (by splitting one): re-analysis never archives it.
    made_by: Mapped[AssignedBy] = mapped_column(
        enum_column(AssignedBy, "theme_made_by"), default=AssignedBy.MODEL, server_default="model"
    )


class EvidenceThemeRow(Base):
    __tablename__ = "evidence_themes"
    __table_args__ = (CheckConstraint("score >= 0 AND score <= 1", name="score_in_unit_interval"),)

    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    score: Mapped[float]
    assigned_by: Mapped[AssignedBy] = mapped_column(enum_column(AssignedBy, "assigned_by"))


class RetiredThemeMemberRow(Base):
    """What a theme a rebuild retired held when it retired: a later rebuild whose cluster
    holds them again brings the theme (and its id) back — a seed tried and undone leaves
    ids as they were —, and a retired id names the theme most of its evidence went to."""

    __tablename__ = "retired_theme_members"

    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True
    )
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ThemeNameCheckRow(Base):
    """A theme whose name a person gave (renamed or pinned) and a rebuild kept while moving
    most of its items: the name is to check until a person renames or pins it again, or a
    rebuild gives the items back (``storage.theme_name_checks``). The figures compare the
    items of ``theme_name_check_members`` with those after the last rebuild."""

    __tablename__ = "theme_name_checks"

    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True
    )
    #: Items the theme held when its name was last accepted (copies folded).
    items_named: Mapped[int]
    #: Of those, the items still in it after the last rebuild.
    items_kept: Mapped[int]
    #: Items in it after the last rebuild that were not among them.
    items_new: Mapped[int]
    #: When a rebuild last found the name to check.
    flagged_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ThemeNameCheckMemberRow(Base):
    """The items a flagged theme held when its name was last accepted: later rebuilds
    compare with them (not with the last rebuild's), so a rebuild that gives them back
    clears the mark and one that moves them further keeps it."""

    __tablename__ = "theme_name_check_members"

    theme_id: Mapped[int] = mapped_column(
        ForeignKey("theme_name_checks.theme_id", ondelete="CASCADE"), primary_key=True
    )
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ImportChangeRow(Base):
    """What one import did to one record: enough to undo it exactly."""

    __tablename__ = "import_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(64))
    record_key: Mapped[dict[str, Any]]
    action: Mapped[str] = mapped_column(String(16))
    #: Column values before an update or a deletion (None for an insert).
    previous: Mapped[dict[str, Any] | None]

    __table_args__ = (
        CheckConstraint("action IN ('inserted', 'updated', 'deleted')", name="known_action"),
        Index("ix_import_changes_table_record", "table_name", "batch_id"),
    )
