"""Product areas, their owners and the team: is every area that matters owned, how loaded is
each PM, and does each PM still talk to customers (principle 12: leaders build the conditions)?

Per **area**: its owner; the evidence, accounts and revenue at stake behind its problems,
each account, deal and piece of evidence counted once per area however many of its problems
cite it (the demand definitions of ``storage.demand``: revenue at stake = ARR of citing
customers + open pipeline citing it, converted with the workspace's rates); its live roadmap
items. An area is *material* from ``Thresholds.material_evidence`` pieces of evidence or
revenue at stake above ``Thresholds.material_revenue``; a material area with no owner is
*flagged*.

Per **PM** (team members with role ``pm``, and anyone who owns an area): the areas owned,
the live roadmap items they own in now / next, the open problems of their areas (no shipped
opportunity addresses them), and their direct customer contact — interviews and calls they
took in the last 30 and 90 days ending on the as-of day (``storage.team`` defines a contact).

>>> coverage(engine, as_of=date(2026, 10, 31)).areas[0].flagged  # doctest: +SKIP
False
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.analysis.business.demand_model import add_money
from tradeoff.analysis.business.money import Money, convert
from tradeoff.domain.strategy import ProductArea, TeamMember
from tradeoff.errors import InputError
from tradeoff.storage import repository
from tradeoff.storage import team as store
from tradeoff.storage.currency import base_currency, rates
from tradeoff.storage.demand import DemandQuery, Figure, SubjectKind
from tradeoff.storage.demand_money import figure_members
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.team import Contact, RoadmapLine
from tradeoff.storage.workspace import load_workspace_settings
from tradeoff.strategy.practice.thresholds import DEFAULT_THRESHOLDS, Thresholds

PM_ROLE = "pm"
ROLE = re.compile(r"[a-z][a-z_]{1,30}")
#: How far back the last contact is looked for.
LAST_CONTACT_DAYS = 365


@dataclass(frozen=True)
class AreaCoverage:
    area: ProductArea
    problems: tuple[tuple[int, str], ...]
    open_problems: tuple[int, ...]
    evidence: int
    accounts: int
    arr: Money
    pipeline: Money
    roadmap: tuple[RoadmapLine, ...]
    material: bool

    @property
    def revenue_at_stake(self) -> Money:
        return add_money(self.arr, self.pipeline)

    @property
    def flagged(self) -> bool:
        """Material and owned by nobody: a coverage gap."""
        return self.material and self.area.owner_email is None

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.area.key,
            "name": self.area.name,
            "owner": self.area.owner_email,
            "problems": [{"id": i, "statement": s} for i, s in self.problems],
            "open_problems": list(self.open_problems),
            "evidence": self.evidence,
            "accounts": self.accounts,
            "arr": self.arr.to_json(),
            "pipeline": self.pipeline.to_json(),
            "revenue_at_stake": self.revenue_at_stake.to_json(),
            "roadmap": [_line_json(r) for r in self.roadmap],
            "material": self.material,
            "flagged": self.flagged,
        }


@dataclass(frozen=True)
class PmLoad:
    email: str
    name: str | None
    title: str | None
    areas: tuple[str, ...]
    current_items: tuple[RoadmapLine, ...]
    open_problems: tuple[int, ...]
    contacts_recent: int
    contacts_window: int
    last_contact: date | None

    def to_json(self) -> dict[str, Any]:
        return {
            "email": self.email,
            "name": self.name,
            "title": self.title,
            "areas": list(self.areas),
            "current_items": [_line_json(r) for r in self.current_items],
            "open_problems": list(self.open_problems),
            "contacts_recent": self.contacts_recent,
            "contacts_window": self.contacts_window,
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
        }


@dataclass(frozen=True)
class Coverage:
    as_of: date
    base: str
    recent_days: int
    window_days: int
    areas: tuple[AreaCoverage, ...]
    pms: tuple[PmLoad, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "base_currency": self.base,
            "contact_days": [self.recent_days, self.window_days],
            "areas": [a.to_json() for a in self.areas],
            "pms": [p.to_json() for p in self.pms],
        }


def coverage(
    engine: Engine, *, as_of: date | None = None, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> Coverage:
    """Every area with its owner, evidence, money and roadmap; every PM's load and contact."""
    day = as_of or datetime.now(UTC).date()
    with read_session(engine) as session:
        settings = load_workspace_settings(session)
        base, known_rates = base_currency(session), rates(session)
        query = DemandQuery(
            kind=SubjectKind.PROBLEM, as_of=day, churn_window_days=settings.churn_window_days
        )
        areas = store.list_areas(session)
        problems = store.problems_by_area(session)
        reach = store.area_reach(session, query)
        roadmap = store.live_roadmap(session)
        every_problem = [p for found in problems.values() for p, _ in found]
        still_open = store.open_problem_ids(session, every_problem)
        covered = []
        for area in areas:
            assert area.id is not None
            own = tuple(problems.get(area.id, []))
            ids = tuple(p for p, _ in own)
            arr, pipeline = (
                _money(session, query, ids, figure, base, known_rates)
                for figure in (Figure.ARR, Figure.PIPELINE)
            )
            found = reach.get(area.id, store.AreaReach(0, 0))
            stake = add_money(arr, pipeline)
            covered.append(
                AreaCoverage(
                    area=area,
                    problems=own,
                    open_problems=tuple(p for p in ids if p in still_open),
                    evidence=found.pieces,
                    accounts=found.accounts,
                    arr=arr,
                    pipeline=pipeline,
                    roadmap=tuple(r for r in roadmap if r.area_id == area.id),
                    material=found.pieces >= thresholds.material_evidence
                    or stake.amount > thresholds.material_revenue
                    or bool(stake.unconverted),
                )
            )
        members = store.list_members(session)
        cutoff = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
        taken = store.contacts(session, cutoff - timedelta(days=LAST_CONTACT_DAYS), cutoff)
    pms = _pm_loads(covered, members, roadmap, taken, cutoff, thresholds)
    return Coverage(
        as_of=day,
        base=base,
        recent_days=thresholds.contact_recent_days,
        window_days=thresholds.contact_window_days,
        areas=tuple(covered),
        pms=pms,
    )


def _money(
    session: Session,
    query: DemandQuery,
    problem_ids: tuple[int, ...],
    figure: Figure,
    base: str,
    known_rates: dict[str, Decimal],
) -> Money:
    """One money figure of a set of problems, each account or deal once (the members are
    distinct records, so a customer cited by two problems of the area is not added twice)."""
    if not problem_ids:
        return Money(Decimal(0), base)
    members = figure_members(session, replace(query, subject_ids=problem_ids), figure)
    by_currency: dict[str | None, Decimal] = defaultdict(Decimal)
    for record in {m.id: m for m in members}.values():
        if record.amount is not None:
            by_currency[record.currency] += record.amount
    return convert(by_currency, known_rates, base)


def _pm_loads(
    areas: Sequence[AreaCoverage],
    members: Sequence[TeamMember],
    roadmap: Sequence[RoadmapLine],
    taken: Sequence[Contact],
    cutoff: datetime,
    thresholds: Thresholds,
) -> tuple[PmLoad, ...]:
    people = {m.email: m for m in members}
    owners = {a.area.owner_email for a in areas if a.area.owner_email}
    emails = sorted({m.email for m in members if m.role == PM_ROLE} | owners)
    recent = cutoff - timedelta(days=thresholds.contact_recent_days)
    window = cutoff - timedelta(days=thresholds.contact_window_days)
    loads = []
    for email in emails:
        member = people.get(email)
        owned = [a for a in areas if a.area.owner_email == email]
        mine = [c for c in taken if email in c.takers]
        loads.append(
            PmLoad(
                email=email,
                name=member.name if member else None,
                title=member.title if member else None,
                areas=tuple(a.area.key for a in owned),
                current_items=tuple(
                    r for r in roadmap if r.owner == email and r.horizon in store.CURRENT_HORIZONS
                ),
                open_problems=tuple(p for a in owned for p in a.open_problems),
                contacts_recent=sum(1 for c in mine if c.created_at >= recent),
                contacts_window=sum(1 for c in mine if c.created_at >= window),
                last_contact=mine[-1].created_at.date() if mine else None,
            )
        )
    return tuple(loads)


def _line_json(line: RoadmapLine) -> dict[str, Any]:
    return {
        "id": line.id,
        "title": line.title,
        "horizon": line.horizon.value,
        "status": line.status.value,
        "owner": line.owner,
    }


# Areas and the team: the records coverage reads, written by ``tradeoff area`` / ``team``.


def new_area(engine: Engine, key: str, name: str, owner: str | None = None) -> ProductArea:
    with write_session(engine) as session:
        return store.add_area(session, ProductArea(key=key, name=name, owner_email=_lower(owner)))


def assign_area(engine: Engine, key: str, owner: str | None) -> ProductArea:
    """Give the area an owner (``None`` leaves it unowned)."""
    with write_session(engine) as session:
        area = store.get_area(session, key)
        area.owner_email = _lower(owner)
        return repository.update(session, area)


def list_areas(engine: Engine) -> list[tuple[ProductArea, int]]:
    """Every area with how many problems it holds, by key."""
    with read_session(engine) as session:
        problems = store.problems_by_area(session)
        return [(a, len(problems.get(a.id or 0, []))) for a in store.list_areas(session)]


def area_problems(
    engine: Engine, key: str, add: Sequence[int] = ()
) -> tuple[ProductArea, list[tuple[int, str]]]:
    """Put the problems ``add`` in the area (moving them from any other), then list the
    area's problems."""
    with write_session(engine) as session:
        area = store.get_area(session, key)
        for problem_id in add:
            store.set_problem_area(session, problem_id, area.id)
        return area, store.problems_by_area(session).get(area.id or 0, [])


def add_team_member(
    engine: Engine, email: str, *, name: str, role: str, title: str | None = None
) -> tuple[TeamMember, bool]:
    """Add a team member, or update the one with this email; True when new."""
    with write_session(engine) as session:
        if not ROLE.fullmatch(role.strip().lower()):
            raise InputError(f"role {role!r}: one word like pm, ae, csm, eng, design, support")
        member = TeamMember(email=_lower(email) or "", name=name, title=title, role=role)
        return store.add_or_update_member(session, member)


def team(engine: Engine) -> list[TeamMember]:
    with read_session(engine) as session:
        return store.list_members(session)


def _lower(email: str | None) -> str | None:
    """An owner's email, lower-cased; text that is not an email is refused."""
    text = (email or "").strip().lower()
    if text and ("@" not in text or " " in text):
        raise InputError(f"{email!r} is not an email address like tom@example.com")
    return text or None
