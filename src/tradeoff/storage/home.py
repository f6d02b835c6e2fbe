"""The home page's own reads: the workspace's data version, themes born this week, the
deals lost this week and the count of unsorted items. Everything else on the page comes from
the analysis APIs."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import DealOutcome, ThemeStatus
from tradeoff.storage.currency import base_currency, rates
from tradeoff.storage.loss_reasons import counted_deal
from tradeoff.storage.sales import in_base
from tradeoff.storage.tables import (
    AccountRow,
    DataVersionRow,
    DealRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    ThemeRow,
)

#: "This week": the seven days up to now.
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class NewTheme:
    id: int
    name: str
    parent_id: int | None
    created_at: datetime


@dataclass(frozen=True)
class LostDeal:
    id: int
    name: str
    account: str | None
    closed_at: datetime
    amount: Decimal | None
    currency: str | None
    #: The amount in the base currency; None without an amount or a rate for its currency.
    in_base: Decimal | None
    loss_reason: str | None


def data_version(session: Session) -> str:
    """The workspace's data version: its random instance and the counter migration 0008's
    triggers bump on every write to an analysed table."""
    query = select(DataVersionRow.instance, DataVersionRow.version).where(DataVersionRow.id == 1)
    found = session.execute(query).first()
    if found is None:  # the row was deleted: no version to trust, so never the same one
        return f"missing-{time.monotonic_ns()}.0"
    return f"{found[0]}.{found[1]}"


def new_themes(session: Session, now: datetime) -> list[NewTheme]:
    """Active themes created in the seven days up to ``now``, newest first."""
    query = (
        select(ThemeRow.id, ThemeRow.name, ThemeRow.parent_id, ThemeRow.created_at)
        .where(
            ThemeRow.status == ThemeStatus.ACTIVE,
            ThemeRow.created_at > now - WEEK,
            ThemeRow.created_at <= now,
        )
        .order_by(ThemeRow.created_at.desc(), ThemeRow.id)
    )
    return [NewTheme(*row) for row in session.execute(query)]


def lost_deals(session: Session, now: datetime) -> tuple[str, list[LostDeal]]:
    """The base currency, and deals closed lost in the seven days up to ``now``: the most
    money (in the base currency) first, deals without a comparable amount last. A deal
    stored as disqualified (a duplicate, spam, a test) was never a loss and is left out."""
    base = base_currency(session)
    money = in_base(rates(session), base)
    query = (
        select(
            DealRow.id,
            DealRow.name,
            AccountRow.name,
            DealRow.closed_at,
            DealRow.amount,
            DealRow.currency,
            money,
            DealRow.loss_reason,
        )
        .outerjoin(AccountRow, AccountRow.id == DealRow.account_id)
        .where(
            DealRow.outcome == DealOutcome.LOST,
            counted_deal(),
            DealRow.closed_at > now - WEEK,
            DealRow.closed_at <= now,
        )
    )
    deals = [LostDeal(*row) for row in session.execute(query)]
    deals.sort(key=lambda d: (d.in_base is None, -(d.in_base or 0), d.id))
    return base, deals


def unsorted_items(session: Session) -> int:
    """Items in no active top-level theme, copies included: ``storage.themes.unsorted_count``'s
    figure, counted as every item less the distinct items filed. Grouping the links by item
    walks their primary key once (0.3 s at a million items) where asking each item whether it
    is filed probes it a million times (1.9 s). ``theme_id + 0`` keeps SQLite from reading the
    links through the ``theme_id`` index instead, which would need a sort to group them."""
    filed_themes = select(ThemeRow.id).where(
        ThemeRow.status == ThemeStatus.ACTIVE, ThemeRow.parent_id.is_(None)
    )
    filed = (
        select(EvidenceThemeRow.evidence_id)
        .where((EvidenceThemeRow.theme_id + 0).in_(filed_themes))
        .group_by(EvidenceThemeRow.evidence_id)
        .subquery()
    )
    every = select(func.count()).select_from(EvidenceItemRow).scalar_subquery()
    query = select(every - select(func.count()).select_from(filed).scalar_subquery())
    return session.scalar(query) or 0
