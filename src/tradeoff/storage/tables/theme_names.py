"""What a theme held when a person last vouched for its name (migration 0032): the baseline
every rebuild compares a kept name with (``storage.theme_name_baselines``), so a theme that
drifts a little at each rebuild is caught once it is another theme than the one named."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from tradeoff.storage.tables.base import Base
from tradeoff.storage.types import UTCDateTime


class ThemeNameBaselineRow(Base):
    """A theme whose name a person gave or pinned, and when they last vouched for it."""

    __tablename__ = "theme_name_baselines"

    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True
    )
    #: When a person renamed or pinned it; null when the baseline was taken from its items
    #: at the upgrade to 0032 or at a rebuild that found none (the day is not known).
    named_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ThemeNameBaselineMemberRow(Base):
    """One item of a baseline (a copy is stored as its original): ``named`` when the theme
    held it when its name was vouched for (or a person filed it there since); not ``named``
    when a rebuild brought it in since, so the next rebuild still counts it as come in."""

    __tablename__ = "theme_name_baseline_members"

    theme_id: Mapped[int] = mapped_column(
        ForeignKey("theme_name_baselines.theme_id", ondelete="CASCADE"), primary_key=True
    )
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    named: Mapped[bool]
