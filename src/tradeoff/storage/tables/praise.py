"""Which items read as praise, written once per item so profiles need not read every text
(migration 0013). Derived data: ``storage.praise`` reads what is unread and writes here;
readers read anything unread themselves, so nothing is ever missing."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.storage.tables.base import Base


class PraiseMarkRow(Base):
    """A single row (id = 1): every item up to ``read_through`` was read by ``rules``."""

    __tablename__ = "praise_mark"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    #: The fingerprint of the rules that read them; other rules read everything again.
    rules: Mapped[str] = mapped_column(String(64))
    read_through: Mapped[int]


class EvidencePraiseRow(Base):
    """An item that reads as praise, with the words that say so. Items that do not are
    simply absent."""

    __tablename__ = "evidence_praise"

    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    cues: Mapped[list[str]]


class EvidencePraiseStaleRow(Base):
    """An item at or below the mark to read again: its text, rating or kind changed, or a
    new item took the id of a deleted one (SQLite reuses the highest id)."""

    __tablename__ = "evidence_praise_stale"

    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
