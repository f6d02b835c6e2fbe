"""The typed results of demand: what the CLI prints and the web app will show.

Each figure is defined in ``tradeoff.storage.demand``'s docstring; these objects only carry
them, converted to the base currency, with plain-JSON forms for scripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from tradeoff.analysis.business.demand_time import PeriodCount
from tradeoff.analysis.business.money import Money
from tradeoff.storage.demand import Figure, SubjectKind


@dataclass(frozen=True)
class MoneyFigure:
    """A converted total, how many accounts or deals are behind it, and how many of those
    had no amount (counted, never summed as zero)."""

    total: Money
    records: int
    unpriced: int

    def to_json(self) -> dict[str, Any]:
        return {**self.total.to_json(), "records": self.records, "unpriced": self.unpriced}


@dataclass(frozen=True)
class Reach:
    """Who and how much: ``items`` are pieces of evidence (copies once), ``links`` every
    filed row; ``weighted_items`` decays each piece by its age (see ``demand_time``)."""

    items: int
    links: int
    accounts: int
    end_users: int
    observed: int
    proxy: int
    weighted_items: float
    first_seen: date | None
    last_seen: date | None

    @property
    def stated(self) -> int:
        return self.items - self.observed

    @property
    def direct(self) -> int:
        return self.items - self.proxy

    @property
    def proxy_only(self) -> bool:
        """Backed only by what our own people relayed (principle 6)."""
        return self.items > 0 and self.proxy == self.items

    def to_json(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "copies": self.links - self.items,
            "accounts": self.accounts,
            "end_users": self.end_users,
            "observed": self.observed,
            "stated": self.stated,
            "direct": self.direct,
            "proxy": self.proxy,
            "proxy_only": self.proxy_only,
            "weighted_items": round(self.weighted_items, 4),
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
        }


@dataclass(frozen=True)
class Demand:
    """Every figure for one subject, or for one group of its accounts."""

    reach: Reach
    arr: MoneyFigure
    pipeline: MoneyFigure
    lost: MoneyFigure
    churned: MoneyFigure
    renewals_90: MoneyFigure
    renewals_180: MoneyFigure
    stale: bool
    months: tuple[PeriodCount, ...]
    quarters: tuple[PeriodCount, ...]

    def money(self, figure: Figure) -> MoneyFigure:
        found: MoneyFigure = getattr(self, figure.value)
        return found

    @property
    def revenue_at_stake(self) -> Money:
        """ARR of the customers citing it plus the open pipeline citing it: the money that
        depends on it now (lost and churned revenue are history, shown apart)."""
        return add_money(self.arr.total, self.pipeline.total)

    def to_json(self) -> dict[str, Any]:
        return {
            **self.reach.to_json(),
            "stale": self.stale,
            "revenue_at_stake": self.revenue_at_stake.to_json(),
            **{f.value: self.money(f).to_json() for f in MONEY_ORDER},
            "months": [_period(p) for p in self.months],
            "quarters": [_period(p) for p in self.quarters],
        }


@dataclass(frozen=True)
class GroupDemand:
    """Demand from the accounts whose segment (plan, region, attribute) is ``group``;
    None gathers accounts without one, and evidence from no account."""

    group: str | None
    demand: Demand


@dataclass(frozen=True)
class SubjectDemand:
    kind: SubjectKind
    id: int
    name: str
    total: Demand
    by: str | None = None
    groups: tuple[GroupDemand, ...] = ()
    #: A praise theme (``demand.praise_themes``): what customers value, not a problem.
    praise: bool = False

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "kind": self.kind.value,
            "id": self.id,
            "name": self.name,
            "praise": self.praise,
            **self.total.to_json(),
        }
        if self.by is not None:
            document["by"] = self.by
            document["groups"] = [{"group": g.group, **g.demand.to_json()} for g in self.groups]
        return document


MONEY_ORDER = (
    Figure.ARR,
    Figure.PIPELINE,
    Figure.LOST,
    Figure.CHURNED,
    Figure.RENEWALS_90,
    Figure.RENEWALS_180,
)


def add_money(*totals: Money) -> Money:
    """Sum of totals in one base; what one could not convert stays apart, per currency."""
    base = totals[0].base
    unconverted: dict[str, Decimal] = {}
    for total in totals:
        for code, amount in total.unconverted.items():
            unconverted[code] = unconverted.get(code, Decimal(0)) + amount
    return Money(sum((t.amount for t in totals), Decimal(0)), base, unconverted)


def _period(count: PeriodCount) -> dict[str, Any]:
    return {"period": count.period, "items": count.items, "change": count.change}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
