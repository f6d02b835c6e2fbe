"""Salesforce: opportunities (new business, expansion, renewal), their competitors, and the
Account / Opportunity / OpportunityCompetitor / User exports as Data Loader writes them.

Deals are drawn from a fixed list of archetypes rather than at random, so the head-to-head
record is the story's: Fernbank beats Ledgerly on confidence and relationships, Pennyworth on
price, spreadsheets and "no decision" by inertia, and seven lost deals cite multi-currency
payouts that no end user has ever asked for directly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ledgerly.common import (
    END,
    RATES_TO_USD,
    START,
    TextPool,
    at_time,
    salesforce_id,
)
from ledgerly.world import Account, TeamMember, World

OPEN_STAGES = (
    "Qualification",
    "Needs Analysis",
    "Value Proposition",
    "Id. Decision Makers",
    "Proposal/Price Quote",
    "Negotiation/Review",
)
CYCLE_DAYS = {"SMB": (14, 45), "Mid-Market": (30, 90), "Enterprise": (60, 150)}
LEAD_SOURCES = (
    "Web",
    "Partner Referral",
    "Accountant Referral",
    "Outbound",
    "Event",
    "Phone Inquiry",
)
SPREADSHEET = "Excel spreadsheets"


@dataclass(frozen=True)
class Archetype:
    """One deal's outcome and who it was against; ``pool`` names the reason texts."""

    outcome: str  # won | lost | open
    pool: str
    competitors: tuple[str, ...] = ()


def _many(count: int, outcome: str, pool: str, *competitors: str) -> list[Archetype]:
    return [Archetype(outcome, pool, competitors)] * count


NEW_WON = (
    _many(3, "won", "fernbank", "Fernbank")
    + _many(3, "won", "pennyworth", "Pennyworth")
    + _many(1, "won", "brightpay", "Brightpay")
    + _many(2, "won", "spreadsheet", SPREADSHEET)
    + _many(1, "won", "inhouse", "In-house tool")
    + _many(2, "won", "plain")
)
NEW_LOST_MULTI_CURRENCY = (
    _many(2, "lost", "multi_currency")
    + _many(1, "lost", "multi_currency", "Fernbank")
    + _many(1, "lost", "multi_currency", "Brightpay")
)
NEW_LOST = (
    _many(11, "lost", "fernbank", "Fernbank")
    + _many(5, "lost", "pennyworth", "Pennyworth")
    + _many(2, "lost", "brightpay", "Brightpay")
    + _many(4, "lost", "spreadsheet", SPREADSHEET)
    + _many(1, "lost", "inhouse", "In-house tool")
    + _many(5, "lost", "no_decision", "No decision")
    + _many(2, "lost", "budget")
    + _many(2, "lost", "timing")
)
NEW_OPEN = (
    _many(4, "open", "new", "Fernbank")
    + _many(3, "open", "new", "Pennyworth")
    + _many(2, "open", "new", SPREADSHEET)
    + _many(3, "open", "new")
    + _many(2, "open", "multi_currency", "Fernbank")
)
# Upsells stop below the next segment's plan: a small business does not buy Scale, nor a
# mid-size one Enterprise, however many cards it adds.
CEILING_USD = {"SMB": 23_000, "Mid-Market": 85_000, "Enterprise": 300_000}


@dataclass
class Deal:
    account: Account
    kind: str  # New Business | Expansion | Renewal
    stage: str
    amount: float
    created_at: datetime
    close_date: date
    owner: TeamMember
    lead_source: str = ""
    description: str = ""
    loss_reason: str = ""
    win_reason: str = ""
    competitors: tuple[str, ...] = ()
    name: str = ""
    salesforce_id: str = ""

    @property
    def is_closed(self) -> bool:
        return self.stage in {"Closed Won", "Closed Lost"}

    @property
    def is_won(self) -> bool:
        return self.stage == "Closed Won"


def _day_between(first: date, last: date, rng: random.Random) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _opened(close: date, low: int, high: int, rng: random.Random) -> datetime:
    """Created ``low``-``high`` days before closing; deals closing early in the demo were
    opened on a day inside it (the CRM history starts with the demo)."""
    day = close - timedelta(days=rng.randint(low, high))
    if day < START.date():
        day = _day_between(START.date(), max(START.date(), close - timedelta(days=7)), rng)
    return at_time(day, rng)


def _contact(account: Account, narrative: dict[str, Any], rng: random.Random) -> str:
    if account.people:
        return rng.choice(account.people).name
    names = narrative["names"][account.country]
    return f"{rng.choice(names['first'])} {rng.choice(names['last'])}"


def _with_status_quo(archetype: Archetype, rng: random.Random) -> tuple[str, ...]:
    """A quarter of competitive deals also list the spreadsheet they would keep otherwise."""
    named = archetype.competitors
    if named and named[0] in {"Fernbank", "Pennyworth"} and rng.random() < 0.25:
        return (*named, SPREADSHEET)
    return named


def _new_business(
    account: Account,
    archetype: Archetype,
    close: date,
    narrative: dict[str, Any],
    pools: TextPool,
    rng: random.Random,
) -> Deal:
    deals_text = narrative["deals"]
    description_pool = "multi_currency" if archetype.pool == "multi_currency" else "new"
    description = rng.choice(deals_text["descriptions"][description_pool])
    deal = Deal(
        account=account,
        kind="New Business",
        stage={"won": "Closed Won", "lost": "Closed Lost"}.get(archetype.outcome, ""),
        amount=account.arr or _prospect_arr(account, rng),
        created_at=_opened(close, *CYCLE_DAYS[account.segment], rng),
        close_date=close,
        owner=account.owner,
        lead_source=rng.choice(LEAD_SOURCES),
        description=description,
        competitors=_with_status_quo(archetype, rng),
        name=f"{account.short_name} - New Business",
    )
    if archetype.outcome == "won":
        deal.win_reason = pools.take(f"win:{archetype.pool}")
    elif archetype.outcome == "lost":
        deal.loss_reason = pools.take(f"loss:{archetype.pool}")
    else:
        deal.stage = rng.choice(OPEN_STAGES)
        deal.created_at = at_time(END.date() - timedelta(days=rng.randint(10, 120)), rng)
        deal.close_date = END.date() + timedelta(days=rng.randint(10, 80))
    return deal


def _prospect_arr(account: Account, rng: random.Random) -> float:
    base = {"SMB": 6_000, "Mid-Market": 30_000, "Enterprise": 110_000}[account.segment]
    return round(base * rng.uniform(0.5, 1.8), -2)


def new_business(
    world: World, narrative: dict[str, Any], pools: TextPool, rng: random.Random
) -> list[Deal]:
    """Won deals make the "new" customers; lost and open ones sit on prospects."""
    interviews = {n["company"]: date.fromisoformat(n["date"]) for n in narrative["interviews"]}
    deals = []
    won = list(NEW_WON)
    rng.shuffle(won)
    for account, archetype in zip(
        [a for a in world.accounts if a.lifecycle == "new"], won, strict=True
    ):
        close = _day_between(date(2025, 10, 15), date(2026, 8, 31), rng)
        if account.name in interviews:
            close = min(close, interviews[account.name] - timedelta(days=rng.randint(5, 20)))
        account.customer_since = close
        deals.append(_new_business(account, archetype, close, narrative, pools, rng))
    prospects = [a for a in world.accounts if a.lifecycle == "prospect"]
    rng.shuffle(prospects)
    prospects.sort(key=lambda a: a.segment == "SMB")  # larger prospects take multi-currency
    lost = list(NEW_LOST)
    rng.shuffle(lost)
    lost = NEW_LOST_MULTI_CURRENCY + lost
    for account, archetype in zip(prospects, lost, strict=False):
        close = _day_between(date(2025, 10, 25), date(2026, 6, 30), rng)
        deals.append(_new_business(account, archetype, close, narrative, pools, rng))
    again = lost[len(prospects) :]  # second attempts, later in the year
    for account, archetype in zip(rng.sample(prospects, len(again)), again, strict=True):
        close = _day_between(date(2026, 7, 1), date(2026, 10, 20), rng)
        deals.append(_new_business(account, archetype, close, narrative, pools, rng))
    for account, archetype in zip(rng.sample(prospects, len(NEW_OPEN)), NEW_OPEN, strict=True):
        deals.append(_new_business(account, archetype, END.date(), narrative, pools, rng))
    return deals


def _expansion_window(account: Account) -> tuple[date, date] | None:
    since = account.customer_since or START.date()
    first = max(START.date(), since + timedelta(days=60))
    last = END.date() if account.churn_date is None else account.churn_date - timedelta(days=45)
    return (first, last) if (last - first).days >= 30 else None


def expansions(
    world: World, narrative: dict[str, Any], pools: TextPool, rng: random.Random
) -> list[Deal]:
    """Upsells at customers; won ones raise ARR (and the plan when a band is crossed)."""
    deals = []
    for account in (a for a in world.accounts if a.is_customer):
        window = _expansion_window(account)
        count = rng.choices((0, 1, 2), weights=(0.25, 0.5, 0.25))[0]
        if window is None or count == 0:
            continue
        opened = sorted(_day_between(*window, rng) for _ in range(count))
        for day in opened:
            plan_before = account.plan
            room = CEILING_USD[account.segment] / RATES_TO_USD[account.currency] - account.arr
            amount = min(round(account.arr * rng.uniform(0.1, 0.4), -2), round(room, -2))
            if amount < 300:
                continue
            close = day + timedelta(days=rng.randint(20, 60))
            if account.churn_date is not None:  # a churning account decides before it leaves
                close = min(close, account.churn_date - timedelta(days=rng.randint(10, 30)))
            deal = Deal(
                account=account,
                kind="Expansion",
                stage="",
                amount=amount,
                created_at=at_time(day, rng),
                close_date=close,
                owner=account.owner,
                description=rng.choice(narrative["deals"]["descriptions"]["expansion"]).replace(
                    "{n}", str(rng.randint(5, 60))
                ),
            )
            if close > END.date():
                deal.stage = rng.choice(OPEN_STAGES[2:])
            elif rng.random() < 0.72:
                deal.stage, deal.win_reason = "Closed Won", pools.take("win:plain")
                account.arr += amount
            else:
                deal.stage, deal.loss_reason = "Closed Lost", pools.take("loss:expansion")
            upgrade = account.plan if account.plan != plan_before else ""
            label = f"Upgrade to {upgrade}" if upgrade else "Expansion (more cards)"
            deal.name = f"{account.short_name} - {label}"
            deals.append(deal)
    _plant_multi_currency_expansions(deals, pools)
    return deals


def _plant_multi_currency_expansions(deals: list[Deal], pools: TextPool) -> None:
    """Three lost and three open upsells at larger accounts cite multi-currency payouts:
    sales keep relaying the ask, always second-hand."""
    larger = [d for d in deals if d.account.segment != "SMB"]
    for deal in [d for d in larger if d.stage == "Closed Lost"][:3]:
        deal.loss_reason = pools.take("loss:multi_currency")
    for deal in [d for d in larger if not d.is_closed][:3]:
        deal.description = pools.take("desc:multi_currency")


def anniversaries(since: date, first: date, last: date) -> list[date]:
    found = []
    for year in range(first.year, last.year + 1):
        day = since.replace(year=year, day=min(since.day, 28) if since.month == 2 else since.day)
        if first <= day <= last:
            found.append(day)
    return found


def renewals(
    world: World, narrative: dict[str, Any], earlier: list[Deal], rng: random.Random
) -> list[Deal]:
    """One renewal per contract anniversary inside the demo; a churn is a lost renewal."""
    deals = []
    for account in world.accounts:
        since = account.customer_since
        if since is None:
            continue
        first = max(START.date(), since + timedelta(days=1))
        for day in anniversaries(since, first, END.date()):
            deal = Deal(
                account=account,
                kind="Renewal",
                stage="Closed Won",
                amount=arr_on(account, earlier, day),
                created_at=_opened(day, 60, 90, rng),
                close_date=day,
                owner=account.csm,
                description=rng.choice(narrative["deals"]["descriptions"]["renewal"]),
                name=f"{account.short_name} - Renewal {day.year}",
            )
            if day == account.churn_date:
                deal.stage, deal.loss_reason = "Closed Lost", account.churn["reason"]
                deal.description = account.churn.get("renewal_note", deal.description)
                deal.competitors = tuple(filter(None, [account.churn.get("competitor", "")]))
            elif day > END.date() - timedelta(days=45):
                deal.stage = "Negotiation/Review"
            deals.append(deal)
    return deals


def arr_on(account: Account, deals: list[Deal], day: date) -> float:
    """ARR on ``day``: today's ARR less the expansions won on or after it."""
    later = sum(
        d.amount
        for d in deals
        if d.account is account and d.kind == "Expansion" and d.is_won and d.close_date >= day
    )
    return account.arr - later


def build_deals(world: World, narrative: dict[str, Any], rng: random.Random) -> list[Deal]:
    """All opportunities, with ids in creation order (Salesforce ids grow over time)."""
    texts = narrative["deals"]
    pools = TextPool(
        {f"loss:{k}": v for k, v in texts["loss_reasons"].items()}
        | {f"win:{k}": v for k, v in texts["win_reasons"].items()}
        | {"desc:multi_currency": texts["descriptions"]["multi_currency"]},
        rng,
    )
    deals = new_business(world, narrative, pools, rng)
    deals += expansions(world, narrative, pools, rng)
    deals += renewals(world, narrative, deals, rng)
    deals.sort(key=lambda d: (d.created_at, d.name))
    for n, deal in enumerate(deals, start=1):
        deal.salesforce_id = salesforce_id("006", n)
    return deals


def name_contacts(deals: list[Deal], narrative: dict[str, Any], rng: random.Random) -> None:
    """Fill ``{contact}`` in deal notes once people exist: someone at the account for
    customers, a made-up buyer for prospects (prospects have no support users)."""
    for deal in deals:
        if "{contact}" in deal.description:
            name = _contact(deal.account, narrative, rng)
            deal.description = deal.description.replace("{contact}", name)
