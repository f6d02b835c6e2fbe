"""Demand per theme, recounted here in plain Python over the World's own lists.

Each figure is computed twice: by ``theme_demand`` in SQL, and by ``recount`` below from the
objects the fixture wrote, following the definitions in ``tradeoff.storage.demand``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.business.world import RATES, TODAY, World
from tradeoff.analysis.business.demand import demand_behind, theme_demand
from tradeoff.analysis.business.demand_model import Demand, SubjectDemand
from tradeoff.analysis.business.money import convert
from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.domain.accounts import Account
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import (
    AccountLifecycle,
    DealOutcome,
    EvidenceKind,
    EvidenceMode,
    PersonRole,
)
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme
from tradeoff.errors import InputError
from tradeoff.storage import repository
from tradeoff.storage.demand import Breakdown, Figure, SubjectKind
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.theme_profile import theme_profiles

AS_OF = TODAY.date()
HALF_LIFE = 180
CHURN_WINDOW = 90
LOST_AFTER_CLOSE = 30
NO_GROUP = "<all>"


@dataclass
class Recount:
    """The objects a recount reads, with the evidence of each subject by id."""

    accounts: list[Account]
    deals: list[Deal]
    evidence: list[EvidenceItem]
    proxies: set[int]


def world_recount(world: World, **extra: list[Any]) -> Recount:
    csm = {p.id for p in world.people if p.role is not PersonRole.END_USER and p.id}
    return Recount(
        accounts=world.accounts + extra.get("accounts", []),
        deals=world.deals + extra.get("deals", []),
        evidence=world.evidence + extra.get("evidence", []),
        proxies=csm,
    )


def theme_evidence(
    world: World, theme_name: str, extra: Iterable[tuple[int, int]] = ()
) -> set[int]:
    theme_id = world.theme(theme_name).id
    links = [(link.evidence_id, link.theme_id) for link in world.links] + list(extra)
    return {e for e, t in links if t == theme_id}


def recount(
    data: Recount,
    evidence_ids: set[int],
    group_of: Callable[[Account | None], str | None] = lambda _: NO_GROUP,
    as_of: date = AS_OF,
) -> dict[str | None, dict[str, Any]]:
    """Every figure per group, from the definitions in ``tradeoff.storage.demand``."""
    by_id = {e.id: e for e in data.evidence}
    account_of = {a.id: a for a in data.accounts}
    linked = [by_id[i] for i in sorted(evidence_ids) if by_id[i].created_at.date() <= as_of]
    linked_ids = {e.id for e in linked}
    figures: dict[str | None, dict[str, Any]] = defaultdict(lambda: defaultdict(list))
    for item in linked:
        group = group_of(account_of.get(item.account_id))
        copy_of = item.duplicate_of_id
        representative = copy_of is None or (
            copy_of not in linked_ids
            and min(e.id for e in linked if e.duplicate_of_id == copy_of) == item.id  # type: ignore[type-var]
        )
        if representative:
            figures[group]["days"].append(item.created_at.date())
            figures[group]["observed"].append(item.mode is EvidenceMode.OBSERVED)
            figures[group]["proxy"].append(
                item.relayed_by_id is not None or item.person_id in data.proxies
            )
        figures[group]["links"].append(item.id)
        if item.person_id is not None and item.person_id not in data.proxies:
            figures[group]["users"].append(item.person_id)
    citations: dict[int, list[date]] = defaultdict(list)
    moments: dict[int, list[Any]] = defaultdict(list)
    for item in linked:
        if item.account_id is not None:
            citations[item.account_id].append(item.created_at)
            moments[item.account_id].append(item.created_at)
    for account_id, cited_at in moments.items():
        account = account_of[account_id]
        group = figures[group_of(account)]
        group["accounts"].append(account_id)
        # Paying on the day: a customer now, or one that churned only after it.
        churned_later = account.churned_at is not None and account.churned_at.date() > as_of
        customer = account.lifecycle is AccountLifecycle.CUSTOMER or churned_later
        if customer:
            group["arr"].append(account)
            for horizon in (90, 180):
                renewal = account.renewal_on
                if renewal is not None and as_of <= renewal <= as_of + timedelta(days=horizon):
                    group[f"renewals_{horizon}"].append(account)
        churned = account.churned_at
        if (
            churned is not None
            and churned.date() <= as_of
            and any(0 <= (churned.date() - c.date()).days <= CHURN_WINDOW for c in cited_at)
        ):
            group["churned"].append(account)
        for deal in data.deals:
            if deal.account_id != account_id:
                continue
            # A deal created (open) or closed (lost) after as_of was not known yet.
            if deal.outcome is DealOutcome.OPEN and _by(deal.created_at, as_of):
                group["pipeline"].append(deal)
            if (
                deal.outcome is DealOutcome.LOST
                and _by(deal.closed_at, as_of)
                and (
                    deal.closed_at is None
                    or (min(cited_at).date() - deal.closed_at.date()).days <= LOST_AFTER_CLOSE
                )
            ):
                group["lost"].append(deal)
    return {group: _summarise(values, as_of) for group, values in figures.items()}


def _by(moment: datetime | None, as_of: date) -> bool:
    return moment is None or moment.date() <= as_of


def _summarise(values: dict[str, list[Any]], as_of: date) -> dict[str, Any]:
    days = values["days"]
    summary: dict[str, Any] = {
        "items": len(days),
        "links": len(values["links"]),
        "accounts": len(set(values["accounts"])),
        "end_users": len(set(values["users"])),
        "observed": sum(values["observed"]),
        "proxy": sum(values["proxy"]),
        "weighted_items": round(sum(0.5 ** ((as_of - d).days / HALF_LIFE) for d in days), 6),
        "stale": bool(days) and (as_of - max(days)).days > HALF_LIFE,
        "months": dict(Counter(f"{d.year:04d}-{d.month:02d}" for d in days)),
    }
    for name in ("arr", "churned", "renewals_90", "renewals_180"):
        accounts = values[name]
        summary[name] = _money([(a.currency, a.arr) for a in accounts], len(accounts))
    for name in ("pipeline", "lost"):
        deals = values[name]
        summary[name] = _money([(d.currency, d.amount) for d in deals], len(deals))
    return summary


def _money(amounts: list[tuple[str | None, Decimal | None]], records: int) -> tuple[Any, ...]:
    per_currency: dict[str | None, Decimal] = defaultdict(Decimal)
    for currency, amount in amounts:
        if amount is not None:
            per_currency[currency] += amount
    total = convert(per_currency, RATES, "USD")
    unpriced = sum(1 for _, a in amounts if a is None)
    return (total.amount, dict(total.unconverted), records, unpriced)


def figures_of(demand: Demand) -> dict[str, Any]:
    reach = demand.reach
    figures: dict[str, Any] = {
        "items": reach.items,
        "links": reach.links,
        "accounts": reach.accounts,
        "end_users": reach.end_users,
        "observed": reach.observed,
        "proxy": reach.proxy,
        "weighted_items": round(reach.weighted_items, 6),
        "stale": demand.stale,
        "months": {m.period: m.items for m in demand.months if m.items},
    }
    for figure in (Figure.ARR, Figure.PIPELINE, Figure.LOST, Figure.CHURNED):
        money = demand.money(figure)
        figures[figure.value] = (
            money.total.amount,
            dict(money.total.unconverted),
            money.records,
            money.unpriced,
        )
    for figure in (Figure.RENEWALS_90, Figure.RENEWALS_180):
        money = demand.money(figure)
        figures[figure.value] = (
            money.total.amount,
            dict(money.total.unconverted),
            money.records,
            money.unpriced,
        )
    return figures


def by_name(results: list[SubjectDemand]) -> dict[str, SubjectDemand]:
    return {r.name: r for r in results}


def test_every_theme_figure_matches_a_recount(engine: Engine, world: World) -> None:
    results = by_name(theme_demand(engine, as_of=AS_OF))
    data = world_recount(world)
    assert set(results) == {t.name for t in world.themes}
    for theme in world.themes:
        expected = recount(data, theme_evidence(world, theme.name))[NO_GROUP]
        assert figures_of(results[theme.name].total) == expected, theme.name


def test_the_recount_is_not_trivial(engine: Engine, world: World) -> None:
    """The world exercises each rule: a JPY ARR with no rate, a churn inside the window, a
    lost deal cited before its close and one cited only long after it."""
    results = by_name(theme_demand(engine, as_of=AS_OF))
    sso = results["Single sign-on"].total
    assert sso.arr.total.unconverted == {"JPY": Decimal("30000000")}
    assert "JPY" in str(sso.revenue_at_stake)
    bulk = results["Bulk export"].total
    assert bulk.churned.records == 1  # Dunmore Legal: cited 30 days before churning
    assert [
        m.label
        for m in demand_behind(
            engine, SubjectKind.THEME, world.theme("Bulk export").id or 0, Figure.LOST, as_of=AS_OF
        )
    ] == [
        "Cobalt Retail — Closed Lost"
    ]  # Dunmore's loss closed 110 days before its first citation: not counted
    assert results["Audit logs"].total.reach.proxy == 2


def test_figures_agree_with_the_theme_profile(engine: Engine, world: World) -> None:
    """Reach is theme_profile's reach: one definition of items, accounts and users."""
    results = by_name(theme_demand(engine, as_of=AS_OF))
    with read_session(engine) as session:
        profiles = theme_profiles(session, praise=PRAISE_RULES)
    for result in results.values():
        profile = profiles[result.id]
        reach = result.total.reach
        assert (reach.items, reach.accounts, reach.end_users) == (
            profile.items,
            profile.accounts,
            profile.end_users,
        )
        assert (reach.observed, reach.proxy) == (profile.observed_items, profile.proxy_items)


@pytest.mark.parametrize("dimension", ["segment", "plan", "region"])
def test_every_figure_breaks_down_by_account_columns(
    engine: Engine, world: World, dimension: str
) -> None:
    results = by_name(theme_demand(engine, as_of=AS_OF, by=dimension))
    data = world_recount(world)
    for theme in world.themes:
        result = results[theme.name]
        assert result.by == dimension
        expected = recount(
            data,
            theme_evidence(world, theme.name),
            lambda a: getattr(a, dimension) if a else None,
        )
        assert {g.group: figures_of(g.demand) for g in result.groups} == expected
        # and the total is still the total
        assert (
            figures_of(result.total) == recount(data, theme_evidence(world, theme.name))[NO_GROUP]
        )


def test_figures_break_down_by_an_account_attribute(engine: Engine, world: World) -> None:
    tiers = {"Acme Freight": "gold", "Brightwater Health": "gold", "Cobalt Retail": "silver"}
    with write_session(engine) as session:
        for name, tier in tiers.items():
            account = world.account(name)
            account.attributes = {"tier": tier, "=cmd": "x"}
            repository.update(session, account)
    results = by_name(theme_demand(engine, as_of=AS_OF, by="attribute:tier"))
    data = world_recount(world)
    for theme in world.themes:
        expected = recount(
            data, theme_evidence(world, theme.name), lambda a: tiers.get(a.name) if a else None
        )
        groups = {g.group: figures_of(g.demand) for g in results[theme.name].groups}
        assert groups == expected


def test_groups_of_a_numeric_attribute_run_by_number(engine: Engine, world: World) -> None:
    """A QA tester's "Seats" groups came out as text sorts them: 130, 151, 401, 837, 93."""
    counts = ("93", "837", "130", "1200")
    seats = {a.name: n for a, n in zip(world.accounts[: len(counts)], counts, strict=True)}
    with write_session(engine) as session:
        for name, count in seats.items():
            account = world.account(name)
            account.attributes = {"seats": count}
            repository.update(session, account)
    for result in theme_demand(engine, as_of=AS_OF, by="attribute:seats"):
        shown = [g.group for g in result.groups]
        numbered = [g for g in shown if g is not None]
        assert numbered == sorted(numbered, key=float)
        assert None not in shown[: len(numbered)]  # "(none)" comes last
    every = {
        g.group for r in theme_demand(engine, as_of=AS_OF, by="attribute:seats") for g in r.groups
    }
    assert {"93", "837"} <= every


def test_an_unknown_breakdown_is_refused_in_one_line(engine: Engine) -> None:
    with pytest.raises(InputError, match=r"cannot break down by 'colour'.*attribute:KEY$"):
        theme_demand(engine, by="colour")
    with pytest.raises(InputError):
        Breakdown.parse("attribute:")


def test_each_figure_opens_to_the_records_behind_it(engine: Engine, world: World) -> None:
    data = world_recount(world)
    for theme in world.themes:
        evidence = theme_evidence(world, theme.name)
        assert theme.id is not None

        def behind(figure: Figure, theme_id: int = theme.id) -> list[int]:
            return [
                m.id
                for m in demand_behind(engine, SubjectKind.THEME, theme_id, figure, as_of=AS_OF)
            ]

        account_of = {a.id: a for a in data.accounts}
        citing = sorted({e.account_id for e in data.evidence if e.id in evidence and e.account_id})
        assert behind(Figure.EVIDENCE) == sorted(evidence)
        assert behind(Figure.ACCOUNTS) == citing
        customers = [a for a in citing if account_of[a].lifecycle is AccountLifecycle.CUSTOMER]
        assert behind(Figure.ARR) == customers
        open_deals = [
            d.id for d in data.deals if d.account_id in citing and d.outcome is DealOutcome.OPEN
        ]
        assert behind(Figure.PIPELINE) == sorted(open_deals)  # type: ignore[type-var]
        total = next(r for r in theme_demand(engine, as_of=AS_OF) if r.id == theme.id).total
        for figure in (
            Figure.ARR,
            Figure.PIPELINE,
            Figure.LOST,
            Figure.CHURNED,
            Figure.RENEWALS_90,
        ):
            assert len(behind(figure)) == total.money(figure).records


def test_a_missing_subject_is_not_found(engine: Engine, world: World) -> None:
    from tradeoff.errors import NotFound

    with pytest.raises(NotFound, match="no active theme with id 999"):
        demand_behind(engine, SubjectKind.THEME, 999, Figure.ARR)


def test_windows_count_calendar_days_whatever_the_hour(engine: Engine, world: World) -> None:
    """A close or churn date is a date (stored at midnight): a first citation at 10:00 on
    the 30th day after the close counts for lost, one on the 31st does not; a complaint at
    15:00 on the day an account left counts for churned, one 91 days before does not."""
    theme = world.theme("Bulk export")
    midnight = datetime.combine(AS_OF - timedelta(days=60), datetime.min.time(), TODAY.tzinfo)
    added: dict[str, list[Any]] = {"accounts": [], "deals": [], "evidence": []}
    links = []
    with write_session(engine) as session:
        for name, churned, cited in (
            ("Day Thirty Ltd", None, midnight + timedelta(days=30, hours=10)),
            ("Day Thirty-One Ltd", None, midnight + timedelta(days=31, hours=1)),
            ("Churn Day Ltd", midnight, midnight + timedelta(hours=15)),
            ("Too Early Ltd", midnight, midnight - timedelta(days=91, hours=-9)),
        ):
            account = repository.add(
                session,
                Account(
                    name=name,
                    arr=Decimal(7000),
                    currency="USD",
                    lifecycle=AccountLifecycle.CHURNED if churned else AccountLifecycle.CUSTOMER,
                    churned_at=churned,
                ),
            )
            added["accounts"].append(account)
            if churned is None:
                lost = Deal(
                    source="crm",
                    external_id=name,
                    name=f"{name} — lost",
                    account_id=account.id,
                    amount=Decimal(9000),
                    currency="USD",
                    outcome=DealOutcome.LOST,
                    created_at=midnight - timedelta(days=40),
                    closed_at=midnight,
                )
                added["deals"].append(repository.add(session, lost))
            said = EvidenceItem(
                source="zendesk",
                external_id=name,
                kind=EvidenceKind.TICKET,
                text=f"Bulk export of {name}",
                created_at=cited,
                account_id=account.id,
            )
            item = repository.add(session, said)
            added["evidence"].append(item)
            assert item.id is not None
            assert theme.id is not None
            repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme.id))
            links.append((item.id, theme.id))
    bulk = by_name(theme_demand(engine, as_of=AS_OF))["Bulk export"].total
    lost = demand_behind(engine, SubjectKind.THEME, theme.id, Figure.LOST, as_of=AS_OF)
    churned = demand_behind(engine, SubjectKind.THEME, theme.id, Figure.CHURNED, as_of=AS_OF)
    assert "Day Thirty Ltd — lost" in {m.label for m in lost}
    assert "Day Thirty-One Ltd — lost" not in {m.label for m in lost}
    assert "Churn Day Ltd" in {m.label for m in churned}
    assert "Too Early Ltd" not in {m.label for m in churned}
    expected = recount(world_recount(world, **added), theme_evidence(world, theme.name, links))
    assert figures_of(bulk) == expected[NO_GROUP]


def test_a_deal_without_an_amount_is_counted_but_not_summed(engine: Engine, world: World) -> None:
    acme = world.account("Acme Freight")
    with write_session(engine) as session:
        unpriced = repository.add(
            session,
            Deal(source="salesforce", external_id="006X", account_id=acme.id, name="Acme — upsell"),
        )
    results = by_name(theme_demand(engine, as_of=AS_OF))
    pipeline = results["Bulk export"].total.pipeline
    assert (pipeline.records, pipeline.unpriced) == (2, 1)
    assert pipeline.total.amount == Decimal("80000")
    data = world_recount(world, deals=[unpriced])
    expected = recount(data, theme_evidence(world, "Bulk export"))[NO_GROUP]
    assert figures_of(results["Bulk export"].total) == expected


def test_as_of_moves_renewals_ages_and_leaves_later_evidence_out(
    engine: Engine, world: World
) -> None:
    earlier = AS_OF - timedelta(days=30)
    results = by_name(theme_demand(engine, as_of=earlier))
    bulk = results["Bulk export"].total
    # Evidence from the last 30 days (Acme's ticket, Evergreen's review) was not known yet.
    assert bulk.reach.items == 4
    assert bulk.reach.last_seen == (TODAY - timedelta(days=35)).date()
    assert (
        bulk.renewals_90.records == 1
    )  # Acme renews in 45 + 30 days; Evergreen had no citation yet


def test_deals_and_churns_after_as_of_are_left_out_like_later_evidence(
    engine: Engine, world: World
) -> None:
    """As of the day before each deal's creation or close and each churn (and the day
    itself), every theme's figures equal a recount that knows only what had happened by
    then: a deal lost later was not lost yet, one created later not in the pipeline."""
    moments = [d.created_at for d in world.deals] + [d.closed_at for d in world.deals]
    moments += [a.churned_at for a in world.accounts]
    days = sorted(
        {m.date() - timedelta(days=shift) for m in moments if m is not None for shift in (0, 1)}
    )
    days = [d for d in days if d <= AS_OF]
    data = world_recount(world)
    left_out = 0
    for day in days:
        results = by_name(theme_demand(engine, as_of=day))
        for theme in world.themes:
            counted = recount(data, theme_evidence(world, theme.name), as_of=day)
            if NO_GROUP not in counted:  # nothing filed yet: nothing cited
                assert results[theme.name].total.revenue_at_stake.amount == 0
                continue
            expected = counted[NO_GROUP]
            assert figures_of(results[theme.name].total) == expected, (day, theme.name)
            today = recount(data, theme_evidence(world, theme.name), as_of=AS_OF)[NO_GROUP]
            left_out += expected["lost"][2] < today["lost"][2]
    assert left_out > 0  # some day leaves a deal lost later out
