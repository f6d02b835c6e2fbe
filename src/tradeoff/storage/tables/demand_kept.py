"""Demand figures kept for one data version (``storage.demand_kept``). Derived data only:
rows are trusted while their state's version is the workspace's, and replaced after."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.storage.tables.base import Base
from tradeoff.storage.tables.theme_summary import DIMENSION_LENGTH, GROUP_LENGTH
from tradeoff.storage.types import MONEY


class DemandVersionRow(Base):
    """A single row (id = 1) whose counter migration 0018's triggers bump on every write
    that can change a demand figure (not on decisions, estimates or a theme's new name)."""

    __tablename__ = "demand_version"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int]


class DemandKeptStateRow(Base):
    """One kind of subject and breakdown ('' for none): the data version and settings its
    kept rows were computed for."""

    __tablename__ = "demand_kept_state"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(DIMENSION_LENGTH), primary_key=True)
    #: ``storage.demand_kept.demand_version`` when computed.
    version: Mapped[str] = mapped_column(String(100))
    churn_window_days: Mapped[int]
    lost_after_close_days: Mapped[int]


class DemandKeptAsOfRow(Base):
    """The day a kept set (one row of ``demand_kept_state``) was counted as of: it answers
    any day that sees the same records (nothing dated between the two days), so a deal
    closed on a future date does not stop it answering today (migration 0027)."""

    __tablename__ = "demand_kept_as_of"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(DIMENSION_LENGTH), primary_key=True)
    as_of: Mapped[date] = mapped_column(Date)


class DemandKeptMoneyRow(Base):
    """One money figure of one subject, group and currency; the renewal figure once per
    renewal day (``day``), summed over the window a reader asks for."""

    __tablename__ = "demand_kept_money"
    __table_args__ = (Index("ix_demand_kept_money_subject", "kind", "dimension", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    dimension: Mapped[str] = mapped_column(String(DIMENSION_LENGTH))
    subject_id: Mapped[int]
    grp: Mapped[str | None] = mapped_column(String(GROUP_LENGTH))
    figure: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str | None] = mapped_column(String(10))
    day: Mapped[date | None] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(MONEY)
    records: Mapped[int]
    priced: Mapped[int]


class DemandKeptDayRow(Base):
    """A problem's or opportunity's pieces per UTC day in one group of its set's breakdown
    (``dimension`` '' and a null group for none), packed as one array in day order
    (``storage.kept_days``: migration 0022; a row per day before)."""

    __tablename__ = "demand_kept_days"
    __table_args__ = (Index("ix_demand_kept_days_subject", "kind", "dimension", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    dimension: Mapped[str] = mapped_column(String(DIMENSION_LENGTH))
    subject_id: Mapped[int]
    grp: Mapped[str | None] = mapped_column(String(GROUP_LENGTH))
    #: int32 (day number, pieces, observed, proxy) per day with pieces.
    days: Mapped[bytes] = mapped_column(LargeBinary)


class DemandKeptReachRow(Base):
    """A problem's or opportunity's links, distinct accounts and distinct end users: in one
    group of its set's breakdown (``grouped``), or over all of them. End users are kept
    both ways because they do not add up over groups (one person may speak for two)."""

    __tablename__ = "demand_kept_reach"
    __table_args__ = (Index("ix_demand_kept_reach_subject", "kind", "dimension", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    dimension: Mapped[str] = mapped_column(String(DIMENSION_LENGTH))
    subject_id: Mapped[int]
    grp: Mapped[str | None] = mapped_column(String(GROUP_LENGTH))
    grouped: Mapped[bool]
    links: Mapped[int]
    accounts: Mapped[int]
    end_users: Mapped[int]
