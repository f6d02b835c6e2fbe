"""Support tickets: which Banking77 query, from whom, when, and how each ticket ended.

Most tickets are drawn at random (a day weighted by growth, weekday and the theme's own curve,
then a person at an account active that day). Two groups are planted on purpose:

* the churned account's people file rising card-decline tickets in the 90 days before churn;
* every interviewee who says "transfers are fine" filed transfer tickets in the weeks before.

Currency tickets are all logged by an agent or CSM on the customer's behalf (the proxy-only
theme); about 4 % of the rest are phone calls an agent logged.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ledgerly.banking77 import CURRENCY_INTENT, PLAN, TRANSFER_INTENTS
from ledgerly.common import END, START, at_time, clamp, days_between
from ledgerly.world import Account, Person, TeamMember, World

DAYS = days_between(START.date(), END.date())
RAILS_MIGRATION = date(2026, 4, 6)  # transfers moved to a new payment provider
CARRIER_FIX = date(2026, 1, 1)  # card delivery carrier changed
GROUPS = {
    "area_transfers": "Payments",
    "area_top_ups": "Payments",
    "area_statements": "Payments",
    "area_cards": "Cards",
    "area_security": "Cards",
    "area_onboarding": "Onboarding & KYC",
    "area_currencies": "Customer Success",
    "area_refunds": "Support",
    "area_account": "Support",
}
SEGMENT_ACTIVITY = {"SMB": 1.3, "Mid-Market": 1.0, "Enterprise": 0.6}
URGENT = {"lost_or_stolen_card": 0.5, "pin_blocked": 0.1}
HIGH = {"failed_transfer", "transfer_not_received_by_recipient", "declined_card_payment"}


@dataclass
class Ticket:
    intent: str
    text: str
    requester: Person
    created_at: datetime
    channel: str
    submitter: TeamMember | None = None  # None: the requester wrote it
    tags: list[str] = field(default_factory=list)
    planted: str = ""
    status: str = "new"
    priority: str = "normal"
    kind: str | None = None
    group: str = ""
    assignee: TeamMember | None = None
    updated_at: datetime = START
    solved_at: datetime | None = None
    satisfaction: str = "unoffered"  # unoffered | offered | good | bad
    replies: int = 0
    first_reply_minutes: int = 0
    id: int = 0

    @property
    def account(self) -> Account | None:
        return self.requester.account

    @property
    def area(self) -> str:
        return PLAN[self.intent].area


def _theme_factor(intent: str, day: date) -> float:
    if intent in TRANSFER_INTENTS:
        return 2.2 if day >= RAILS_MIGRATION else 1.0
    if intent in {"card_arrival", "activate_my_card"}:
        return 1.7 if day < CARRIER_FIX else 1.0
    if intent == CURRENCY_INTENT:
        return 1.6 if day >= date(2026, 3, 1) else 0.8
    return 1.0


def _day_weights(intent: str) -> list[float]:
    """Cumulative weights over the demo's days: more customers later, quiet weekends."""
    weights = []
    for i, day in enumerate(DAYS):
        growth = 0.7 + 0.6 * i / len(DAYS)
        weekday = (1.0, 1.0, 1.0, 1.0, 0.9, 0.35, 0.25)[day.weekday()]
        weights.append(growth * weekday * _theme_factor(intent, day))
    return list(itertools.accumulate(weights))


class RequesterPicker:
    """Who files a ticket on a given day: people at accounts active that day, by headcount."""

    def __init__(self, world: World, excluded: dict[str, set[str]]) -> None:
        self.world = world
        self.excluded = excluded  # intent -> account names that only file planted tickets

    def pick(self, intent: str, day: date, rng: random.Random) -> Person:
        pools: list[list[Person]] = []
        weights: list[float] = []
        for account in self.world.accounts:
            if not account.active_on(day) or account.name in self.excluded.get(intent, set()):
                continue
            if intent == CURRENCY_INTENT and account.segment == "SMB":
                continue
            people = [p for p in account.people if p.created_at.date() <= day]
            if people:
                pools.append(people)
                weights.append(len(people) * SEGMENT_ACTIVITY[account.segment])
        if intent != CURRENCY_INTENT:
            self_serve = [p for p in self.world.self_serve if p.created_at.date() <= day]
            if self_serve:
                pools.append(self_serve)
                weights.append(float(len(self_serve)))
        return rng.choice(rng.choices(pools, weights=weights)[0])


def _direct_channel(rng: random.Random) -> str:
    return rng.choices(("email", "web", "chat", "mobile_sdk"), weights=(50, 30, 12, 8))[0]


def _churn_tickets(account: Account, rng: random.Random) -> list[tuple[str, Person, datetime]]:
    """Rising tickets on one painful theme in the 90 days before the account churned."""
    signal = account.churn["signal"]
    assert account.churn_date is not None
    drivers = [p for p in account.people if p.title in {"Driver", "Fleet Coordinator"}]
    planted = []
    for window, count in enumerate(signal["per_window"]):
        first = account.churn_date - timedelta(days=90 - 30 * window)
        for _ in range(count):
            intent = signal["intents"][0] if rng.random() < 0.85 else signal["intents"][1]
            day = first + timedelta(days=rng.randrange(30))
            planted.append((intent, rng.choice(drivers or account.people), at_time(day, rng)))
    for _ in range(signal["closing"]):
        day = account.churn_date - timedelta(days=rng.randint(2, 9))
        finance = [p for p in account.people if p not in drivers]
        planted.append(("terminate_account", rng.choice(finance), at_time(day, rng)))
    return planted


def _interview_tickets(
    world: World, narrative: dict[str, Any], rng: random.Random
) -> list[tuple[str, Person, datetime]]:
    """Transfer tickets by each interviewee who later says transfers are fine."""
    planted = []
    for note in (n for n in narrative["interviews"] if n["transfers_fine"]):
        person = next(p for p in world.account(note["company"]).people if p.name == note["person"])
        said_on = date.fromisoformat(note["date"])
        earliest = max(said_on - timedelta(days=80), person.created_at.date() + timedelta(days=1))
        for _ in range(2 + (rng.random() < 0.5)):
            day = earliest + timedelta(days=rng.randint(0, (said_on - earliest).days - 3))
            planted.append((rng.choice(TRANSFER_INTENTS), person, at_time(day, rng)))
    return planted


def plan_tickets(
    world: World, narrative: dict[str, Any], texts: dict[str, list[str]], rng: random.Random
) -> list[Ticket]:
    """Every planned Banking77 text becomes exactly one ticket."""
    queues = {intent: rng.sample(pool, len(pool)) for intent, pool in texts.items()}
    tickets: list[Ticket] = []
    excluded: dict[str, set[str]] = {}
    for account in (a for a in world.accounts if "signal" in a.churn):
        for intent in account.churn["signal"]["intents"]:
            excluded.setdefault(intent, set()).add(account.name)
        for intent, person, moment in _churn_tickets(account, rng):
            ticket = Ticket(intent, queues[intent].pop(), person, moment, _direct_channel(rng))
            tickets.append(_planted(ticket, "churn_signal"))
    for intent, person, moment in _interview_tickets(world, narrative, rng):
        ticket = Ticket(intent, queues[intent].pop(), person, moment, rng.choice(("email", "web")))
        tickets.append(_planted(ticket, "stated_vs_observed"))
    picker = RequesterPicker(world, excluded)
    for intent, queue in queues.items():
        cumulative = _day_weights(intent)
        while queue:
            day = rng.choices(DAYS, cum_weights=cumulative)[0]
            person = picker.pick(intent, day, rng)
            moment = max(at_time(day, rng), person.created_at + timedelta(hours=2))
            tickets.append(Ticket(intent, queue.pop(), person, moment, _direct_channel(rng)))
    _relay_some(tickets, world, rng)
    return tickets


def _planted(ticket: Ticket, why: str) -> Ticket:
    ticket.planted = why
    return ticket


def _relay_some(tickets: list[Ticket], world: World, rng: random.Random) -> None:
    """Agents log tickets for customers: every currency question (CSMs mostly, from calls)
    and about 4 % of everything else (phone calls)."""
    agents = world.by_role("support")
    for ticket in tickets:
        if ticket.intent == CURRENCY_INTENT:
            account = ticket.account
            by_csm = account is not None and rng.random() < 0.7
            ticket.submitter = account.csm if by_csm and account else rng.choice(agents)
            ticket.tags.append("logged_by_csm" if by_csm else "phone_call")
        elif not ticket.planted and rng.random() < 0.04:
            ticket.submitter = rng.choice(agents)
            ticket.tags.append("phone_call")
        if ticket.submitter is not None:
            ticket.channel = "web"


# --- how tickets end -----------------------------------------------------------------------


def _group_members(world: World) -> dict[str, list[TeamMember]]:
    members: dict[str, list[TeamMember]] = {group: [] for group in set(GROUPS.values())}
    for m in world.team:
        if m.role == "csm":
            members["Customer Success"].append(m)
        elif m.role in {"support", "support_lead"}:
            area = m.title.partition(", ")[2]
            members[{"Onboarding": "Onboarding & KYC"}.get(area, area) or "Support"].append(m)
    return {group: sorted(found, key=lambda m: m.name) for group, found in sorted(members.items())}


def _status(age_days: float, rng: random.Random) -> str:
    if age_days > 30:
        return "closed"
    if age_days > 4:
        return rng.choices(("solved", "pending", "open", "hold"), weights=(70, 10, 15, 5))[0]
    return rng.choices(("new", "open", "pending", "solved"), weights=(25, 45, 15, 15))[0]


def _priority(intent: str, rng: random.Random) -> str:
    if rng.random() < URGENT.get(intent, 0.0):
        return "urgent"
    if intent in HIGH and rng.random() < 0.3:
        return "high"
    return "low" if intent == "edit_personal_details" else "normal"


def _satisfaction(ticket: Ticket, rng: random.Random) -> str:
    if ticket.status not in {"solved", "closed"} or rng.random() > 0.4:
        return "unoffered"
    if rng.random() > 0.6:
        return "offered"
    painful = ticket.area == "area_transfers" or ticket.planted == "churn_signal"
    return "good" if rng.random() < (0.55 if painful else 0.82) else "bad"


def settle(tickets: list[Ticket], world: World, rng: random.Random) -> None:
    """Status, priority, assignee, timings and CSAT; then ids in creation order, with the
    gaps real instances have (deleted and spam tickets)."""
    members = _group_members(world)
    tickets.sort(key=lambda t: (t.created_at, t.requester.email))
    next_id = 10_001
    for ticket in tickets:
        ticket.id = next_id
        next_id += 1 + (rng.random() < 0.08) * rng.randint(1, 3)
        age = (END - ticket.created_at).total_seconds() / 86_400
        ticket.status = _status(age, rng)
        ticket.priority = _priority(ticket.intent, rng)
        ticket.kind = PLAN[ticket.intent].kind if rng.random() < 0.85 else None
        if ticket.status != "new":
            ticket.group = GROUPS[ticket.area]
            ticket.assignee = rng.choice(members[ticket.group])
            ticket.replies = rng.randint(1, 4)
            ticket.first_reply_minutes = int(math.exp(rng.gauss(4.2, 1.0)))
        slow = 1.8 if ticket.area == "area_transfers" else 1.0
        hours = math.exp(rng.gauss(math.log(18 * slow), 0.9))
        if ticket.status in {"solved", "closed"}:
            ticket.solved_at = clamp(ticket.created_at + timedelta(hours=hours))
            closed_at = ticket.solved_at + timedelta(days=4)
            ticket.updated_at = clamp(closed_at if ticket.status == "closed" else ticket.solved_at)
        else:
            ticket.updated_at = clamp(ticket.created_at + timedelta(hours=hours / 3))
        ticket.satisfaction = _satisfaction(ticket, rng)
