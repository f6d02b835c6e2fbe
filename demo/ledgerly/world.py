"""Ledgerly's team, its customer and prospect accounts, and the people at those accounts.

Everything that more than one export refers to lives here, so the files agree: an account's
domain is its Zendesk organization's domain and its people's email domain; an interviewee is
a Zendesk user of the account they speak for; an account executive is a Salesforce user and
a Jira reporter.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ledgerly.common import (
    INTERNAL_DOMAIN,
    RATES_TO_USD,
    START,
    ascii_fold,
    at_time,
    currency_for,
    jira_account_id,
    salesforce_id,
    slug,
)

PLAN_BANDS_USD = (("Starter", 1_200), ("Growth", 4_800), ("Scale", 24_000), ("Enterprise", 90_000))
FIRST_PLANS = {
    "SMB": (("Starter", 0.45), ("Growth", 0.55)),
    "Mid-Market": (("Growth", 0.3), ("Scale", 0.7)),
    "Enterprise": (("Scale", 0.3), ("Enterprise", 0.7)),
}
EMPLOYEES = {"SMB": (4, 45), "Mid-Market": (50, 450), "Enterprise": (600, 2500)}
PEOPLE = {"SMB": (2, 5), "Mid-Market": (6, 14), "Enterprise": (14, 24)}
LEGAL_SUFFIXES = {
    "ltd", "llc", "llp", "inc", "co", "corp", "gmbh", "ag", "sarl", "sas", "selarl", "b", "v",
    "bv", "s", "l", "sl", "pllc", "pc",
}  # fmt: skip
AE_REGION = {"US": "US", "GB": "UKI", "IE": "UKI", "DE": "DACH"}
CSM_REGION = {"US": "US", "GB": "UKI", "IE": "UKI"}


@dataclass
class TeamMember:
    """Someone at Ledgerly. Internal: their evidence is relayed, never first-hand."""

    name: str
    title: str
    role: str
    region: str
    email: str
    zendesk_id: int | None = None
    salesforce_id: str | None = None
    jira_id: str | None = None


@dataclass
class Person:
    """A customer's person (a Zendesk end user); ``account`` is None for self-serve users."""

    name: str
    email: str
    title: str | None
    country: str
    created_at: datetime
    account: Account | None = None
    zendesk_id: int = 0


@dataclass
class Account:
    """A company in Salesforce; customers and former customers are also Zendesk organizations."""

    name: str
    country: str
    industry: str
    segment: str
    lifecycle: str  # customer | new | former | prospect
    domain: str
    salesforce_id: str
    currency: str
    employees: int
    annual_revenue: float
    owner: TeamMember
    csm: TeamMember
    website: str
    email_style: str
    arr: float = 0.0  # in the account's currency, grows with won expansions
    customer_since: date | None = None
    churn_date: date | None = None
    churn: dict[str, Any] = field(default_factory=dict)
    zendesk_id: int = 0
    people: list[Person] = field(default_factory=list)

    @property
    def short_name(self) -> str:
        words = self.name.split()
        while len(words) > 1 and slug(words[-1]) in LEGAL_SUFFIXES | {""}:
            words.pop()
        return " ".join(words)

    @property
    def is_customer(self) -> bool:
        return self.lifecycle != "prospect"

    @property
    def plan(self) -> str:
        return plan_for(self.arr * RATES_TO_USD[self.currency]) if self.is_customer else ""

    def active_on(self, day: date) -> bool:
        """Using Ledgerly (and so filing tickets) on ``day``: from a week after signing."""
        if self.customer_since is None:
            return False
        started = max(self.customer_since + timedelta(days=7), START.date())
        return started <= day and (self.churn_date is None or day <= self.churn_date)


@dataclass
class World:
    team: list[TeamMember]
    accounts: list[Account]
    self_serve: list[Person]

    def member(self, name: str) -> TeamMember:
        return next(m for m in self.team if m.name == name)

    def by_role(self, *roles: str) -> list[TeamMember]:
        return [m for m in self.team if m.role in roles]

    def account(self, name: str) -> Account:
        return next(a for a in self.accounts if a.name == name)

    @property
    def people(self) -> list[Person]:
        return [p for a in self.accounts for p in a.people] + self.self_serve


def plan_for(arr_usd: float) -> str:
    return [name for name, floor in PLAN_BANDS_USD if arr_usd >= floor][-1]


def email_local(name: str, style: str) -> str:
    first, *rest = ascii_fold(name).lower().replace("'", "").split()
    last = "".join(rest)
    return {"first.last": f"{first}.{last}", "flast": f"{first[0]}{last}", "first": first}[style]


def build_team(narrative: dict[str, Any], rng: random.Random) -> list[TeamMember]:
    team = []
    zendesk_id = 381_004_417_233
    for i, spec in enumerate(narrative["team"]):
        member = TeamMember(
            name=spec["name"],
            title=spec["title"],
            role=spec["role"],
            region=spec.get("region", ""),
            email=f"{email_local(spec['name'], 'first.last')}@{INTERNAL_DOMAIN}",
            jira_id=jira_account_id(rng),
        )
        if member.role in {"support", "support_lead", "csm"}:
            zendesk_id += rng.randrange(900, 40_000)
            member.zendesk_id = zendesk_id
        if member.role in {"ae", "csm", "sales_lead"}:
            member.salesforce_id = salesforce_id("005", i + 1)
        team.append(member)
    return team


def _region_member(
    team: list[TeamMember], role: str, country: str, regions: dict[str, str]
) -> TeamMember:
    default = "FBI" if role == "ae" else "EU"
    region = regions.get(country, default)
    return next(m for m in team if m.role == role and m.region == region)


def _since(spec: dict[str, Any], churn: dict[str, Any] | None, rng: random.Random) -> date | None:
    """Customer since: before the demo for customers (so renewals fall inside it), on the
    contract anniversary for churns, and set later from the won deal for new customers."""
    if churn is not None:
        churned = date.fromisoformat(churn["churn_date"])
        return churned.replace(year=churned.year - rng.choice((1, 2)))
    if spec["lifecycle"] == "customer":
        return date(2023, 1, 9) + timedelta(days=rng.randrange(0, 990))
    return None


def _first_arr(segment: str, plan: str, currency: str, rng: random.Random) -> float:
    """The first contract's ARR in the account's currency, inside a plan typical for the
    segment (or the plan the story fixes), low in the band so that upsells have room."""
    plans = FIRST_PLANS[segment]
    if not plan:
        plan = rng.choices([p for p, _ in plans], weights=[w for _, w in plans])[0]
    floors = dict(PLAN_BANDS_USD)
    ceiling = {"Starter": 4_800, "Growth": 24_000, "Scale": 90_000, "Enterprise": 300_000}[plan]
    usd = floors[plan] + (ceiling - floors[plan]) * rng.uniform(0.05, 0.7)
    return round(usd / RATES_TO_USD[currency], -2)


def build_accounts(
    narrative: dict[str, Any], team: list[TeamMember], rng: random.Random
) -> list[Account]:
    churns = {c["company"]: c for c in narrative["churns"]}
    accounts = []
    for i, spec in enumerate(narrative["companies"]):
        churn = churns.get(spec["name"])
        currency = currency_for(spec["country"])
        low, high = EMPLOYEES[spec["segment"]]
        employees = rng.randint(low, high)
        words = [w for w in slug(spec["name"], " ").split() if w not in LEGAL_SUFFIXES]
        domain = "-".join(words[:2]) + ".example"
        arr = _first_arr(spec["segment"], (churn or {}).get("plan", ""), currency, rng)
        account = Account(
            name=spec["name"],
            country=spec["country"],
            industry=spec["industry"],
            segment=spec["segment"],
            lifecycle=spec["lifecycle"],
            domain=domain,
            salesforce_id=salesforce_id("001", i + 1),
            currency=currency,
            employees=employees,
            annual_revenue=round(employees * rng.uniform(70_000, 180_000), -4),
            owner=_region_member(team, "ae", spec["country"], AE_REGION),
            csm=_region_member(team, "csm", spec["country"], CSM_REGION),
            website=rng.choice(("www.", "https://www.", "http://")) + domain,
            email_style="first" if spec["segment"] == "SMB" and rng.random() < 0.3 else "",
            churn=churn or {},
        )
        account.email_style = account.email_style or rng.choice(
            ("first.last", "first.last", "flast")
        )
        if spec["lifecycle"] != "prospect":
            account.arr = arr
            account.customer_since = _since(spec, churn, rng)
        if churn is not None:
            account.churn_date = date.fromisoformat(churn["churn_date"])
        accounts.append(account)
    if len({a.domain for a in accounts}) != len(accounts):
        raise ValueError("two companies share a domain; add a distinguishing word")
    return accounts


def _unique_email(local: str, domain: str, taken: set[str]) -> str:
    email, n = f"{local}@{domain}", 1
    while email in taken:
        n += 1
        email = f"{local}{n}@{domain}"
    taken.add(email)
    return email


def _joined(account: Account, rng: random.Random) -> datetime:
    """When the person appears in Zendesk: the day it was switched on for existing customers
    (the demo's first day), a few days after signing for new ones."""
    since = account.customer_since or START.date()
    day = max(since + timedelta(days=rng.randint(1, 10)), START.date())
    return at_time(day, rng)


def _titles(account: Account, narrative: dict[str, Any]) -> list[str]:
    titles = list(narrative["titles"][account.segment])
    if account.industry == "Transportation":
        titles += narrative["titles"]["Transportation"] * 2
    return titles


def add_people(world: World, narrative: dict[str, Any], rng: random.Random) -> None:
    """People at customer accounts (interviewees first, as written), then self-serve users.

    Runs after the deals, because a new customer's people join when its deal closes.
    """
    accounts = world.accounts
    taken: set[str] = set()
    pinned: dict[str, dict[str, tuple[str, date]]] = {}
    for note in narrative["interviews"]:
        spoke_on = date.fromisoformat(note["date"])
        pinned.setdefault(note["company"], {})[note["person"]] = (note["role"], spoke_on)
    for account in (a for a in accounts if a.is_customer):
        names = narrative["names"][account.country]
        for name, (role, spoke_on) in pinned.get(account.name, {}).items():
            local = email_local(name, account.email_style)
            email = _unique_email(local, account.domain, taken)
            joined = min(_joined(account, rng), at_time(spoke_on - timedelta(days=2), rng))
            account.people.append(Person(name, email, role, account.country, joined, account))
        low, high = PEOPLE[account.segment]
        target = account.churn.get("people") or rng.randint(low, high)
        titles = _titles(account, narrative)
        while len(account.people) < target:
            name = f"{rng.choice(names['first'])} {rng.choice(names['last'])}"
            if any(p.name == name for p in account.people):
                continue
            email = _unique_email(email_local(name, account.email_style), account.domain, taken)
            person = Person(name, email, rng.choice(titles), account.country, _joined(account, rng))
            person.account = account
            account.people.append(person)
    world.self_serve = _self_serve(narrative, taken, rng)
    assign_zendesk_ids(world, rng)


def _self_serve(narrative: dict[str, Any], taken: set[str], rng: random.Random) -> list[Person]:
    spec = narrative["self_serve"]
    countries = ["US"] * 5 + ["GB"] * 3 + ["IE", "DE", "DE", "FR", "NL", "ES"]
    span_days = 330
    people = []
    for _ in range(spec["count"]):
        country = rng.choice(countries)
        names = narrative["names"][country]
        name = f"{rng.choice(names['first'])} {rng.choice(names['last'])}"
        local = email_local(name, rng.choice(("first.last", "flast")))
        email = _unique_email(local, rng.choice(spec["domains"]), taken)
        day = START.date() + timedelta(days=int(span_days * rng.random() ** 1.3))
        people.append(Person(name, email, None, country, at_time(day, rng)))
    return people


def assign_zendesk_ids(world: World, rng: random.Random) -> None:
    """Zendesk ids grow with creation time, as they do in a real instance."""
    org_id = 360_112_845_571
    for account in (a for a in world.accounts if a.is_customer):
        org_id += rng.randrange(3_000, 90_000)
        account.zendesk_id = org_id
    user_id = 381_120_554_019
    for person in sorted(world.people, key=lambda p: (p.created_at, p.email)):
        user_id += rng.randrange(2_000, 60_000)
        person.zendesk_id = user_id


def build_world(narrative: dict[str, Any], rng: random.Random) -> World:
    """Team and accounts; people come later (``add_people``), once deals set start dates."""
    team = build_team(narrative, rng)
    return World(team, build_accounts(narrative, team, rng), [])
