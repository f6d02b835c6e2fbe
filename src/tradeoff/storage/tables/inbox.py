"""Tables kept by database triggers (migration 0008): the inbox's word index, and the
workspace's data version, which the home page's snapshot is keyed on."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.storage.tables.base import Base


class EvidenceWordRow(Base):
    """One indexed word of one item (see ``storage.evidence_words``)."""

    __tablename__ = "evidence_words"

    word: Mapped[str] = mapped_column(String(64), primary_key=True)
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class DataVersionRow(Base):
    """A single row (id = 1) whose counter every write to the analysed tables bumps."""

    __tablename__ = "data_version"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Random, set once: a workspace made again at the same URL starts a new series.
    instance: Mapped[str] = mapped_column(String(32))
    version: Mapped[int]
