"""What is filed in each theme, summarised, so demand, sales and theme pages need not read
every link at a million items. Derived data only: ``storage.theme_summary`` rewrites a
theme's rows from its links whenever triggers have marked it dirty (migration 0009).

No foreign keys: a theme or account that goes away is a dirty mark (its links cascade),
and the refresh deletes its rows; checking parents would only slow the rewrite.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.storage.tables.base import Base
from tradeoff.storage.types import UTCDateTime


class ThemeSummaryDirtyRow(Base):
    """A theme whose links, or the evidence behind them, changed since its summary was written."""

    __tablename__ = "theme_summary_dirty"

    theme_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)


class ThemeDaySummaryRow(Base):
    """One theme's evidence on one UTC day: links, and pieces counted through their
    representative (copies once, as ``storage.theme_profile`` defines them)."""

    __tablename__ = "theme_day_summary"

    theme_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    #: ``YYYY-MM-DD`` (UTC), the same text on both engines.
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    links: Mapped[int]
    items: Mapped[int]
    observed: Mapped[int]
    proxy: Mapped[int]
    #: Earliest and latest ``created_at`` of the day's representatives (None: copies only).
    first_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ThemeAccountSummaryRow(Base):
    """An account citing a theme: its links there (copies included) and its first citation."""

    __tablename__ = "theme_account_summary"
    # An account's segment, plan or region changing marks the themes it cites.
    __table_args__ = (Index("ix_theme_account_summary_account_id", "account_id"),)

    theme_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    account_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    links: Mapped[int]
    first_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ThemeReachSummaryRow(Base):
    """One theme's links, distinct citing accounts and distinct end users (speakers who are
    not our own people), over every link."""

    __tablename__ = "theme_reach_summary"

    theme_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    links: Mapped[int]
    accounts: Mapped[int]
    end_users: Mapped[int]


#: A breakdown's label in the group summaries: ``segment``, ``plan``, ``region`` or
#: ``attribute:KEY`` (migration 0016 widened it from 16 characters for attribute keys).
DIMENSION_LENGTH = 200
#: The longest group value the group summaries hold (an attribute with a longer value is
#: counted from the links).
GROUP_LENGTH = 100


class ThemeGroupDaySummaryRow(Base):
    """``theme_day_summary``'s pieces split by a column of the citing account (segment, plan,
    region, or an attribute key of ``theme_summary_attributes``; ``grp`` None: no account,
    or none recorded), for demand's breakdowns."""

    __tablename__ = "theme_group_day_summary"
    __table_args__ = (Index("ix_theme_group_day_summary_theme_id", "theme_id", "dimension"),)

    #: A group may be None, which a primary key cannot hold.
    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int]
    dimension: Mapped[str] = mapped_column(String(DIMENSION_LENGTH))
    grp: Mapped[str | None] = mapped_column(String(GROUP_LENGTH))
    day: Mapped[str] = mapped_column(String(10))
    items: Mapped[int]
    observed: Mapped[int]
    proxy: Mapped[int]


class ThemeGroupReachSummaryRow(Base):
    """``theme_reach_summary`` split by a column of the citing account."""

    __tablename__ = "theme_group_reach_summary"
    __table_args__ = (Index("ix_theme_group_reach_summary_theme_id", "theme_id", "dimension"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int]
    dimension: Mapped[str] = mapped_column(String(DIMENSION_LENGTH))
    grp: Mapped[str | None] = mapped_column(String(GROUP_LENGTH))
    links: Mapped[int]
    accounts: Mapped[int]
    end_users: Mapped[int]


class ThemePersonSummaryRow(Base):
    """An end user (a speaker who is not one of our own people) in a theme, with their
    links there: a problem's end users are the distinct ones over its themes (migration
    0011)."""

    __tablename__ = "theme_person_summary"

    theme_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    person_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    links: Mapped[int]


class ThemePersonAccountSummaryRow(Base):
    """An end user in a theme with the account of their items there (None: no account),
    and those links (migration 0020): a problem's end users per group of a breakdown are
    the distinct ones over its themes whose citing account is in the group, which
    ``theme_group_reach_summary``'s per-theme counts cannot add up to."""

    __tablename__ = "theme_person_account_summary"
    __table_args__ = (Index("ix_theme_person_account_summary_theme_id", "theme_id"),)

    #: The account may be None, which a primary key cannot hold.
    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int]
    person_id: Mapped[int]
    account_id: Mapped[int | None]
    links: Mapped[int]


class ThemeOverlapSummaryRow(Base):
    """Two themes sharing filed items (``theme_id`` < ``other_id``), and how many: the
    figures of a problem linked to both cannot be added up from theme to theme (0011).

    Exact while both themes are clean: a link that makes them share an item marks the
    theme it was added to, whose refresh reads the other's links."""

    __tablename__ = "theme_overlap_summary"
    __table_args__ = (Index("ix_theme_overlap_summary_other_id", "other_id"),)

    theme_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    other_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    links: Mapped[int]


class ThemeSummaryAttributeRow(Base):
    """An account attribute key the group summaries are split by, for every clean theme
    (migration 0016): a key with few distinct text values (``storage.theme_summary``
    chooses them at each refresh), so ``--by attribute:KEY`` reads narrow rows too."""

    __tablename__ = "theme_summary_attributes"

    key: Mapped[str] = mapped_column(String(DIMENSION_LENGTH), primary_key=True)
