"""Money trends per theme against a recount in plain Python over ``World``: lost deals by
the period they closed, open deals by the period they were created, churned accounts by the
period they churned, each cited as ``tradeoff.storage.demand`` defines it, converted with
the world's rates (JPY has none and stays apart)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.business.test_demand import AS_OF, CHURN_WINDOW, LOST_AFTER_CLOSE
from tests.business.world import RATES, World
from tradeoff.analysis.business.demand import theme_demand
from tradeoff.analysis.business.money import convert
from tradeoff.analysis.business.money_trends import money_trends, trend_members
from tradeoff.domain.enums import DealOutcome
from tradeoff.errors import InputError, NotFound
from tradeoff.storage.demand import Figure, SubjectKind


def period_of(moment: date | datetime, quarterly: bool) -> str:
    if quarterly:
        return f"{moment.year:04d}-Q{(moment.month - 1) // 3 + 1}"
    return f"{moment.year:04d}-{moment.month:02d}"


def recount(world: World, theme_name: str, quarterly: bool) -> dict[str, dict[str, Any]]:
    """figure → period → (amount in USD, unconverted, records), and "undated" records."""
    theme_id = world.theme(theme_name).id
    cited: dict[int, list[datetime]] = defaultdict(list)
    filed = {link.evidence_id for link in world.links if link.theme_id == theme_id}
    for item in world.evidence:
        if item.id in filed and item.account_id and item.created_at.date() <= AS_OF:
            cited[item.account_id].append(item.created_at)
    placed: dict[str, dict[str, list[tuple[str | None, Decimal | None]]]] = {
        "lost": defaultdict(list), "pipeline": defaultdict(list), "churned": defaultdict(list)
    }  # fmt: skip
    undated = {"lost": 0, "pipeline": 0, "churned": 0}
    for account in world.accounts:
        moments = cited.get(account.id or 0)
        if not moments:
            continue
        churned = account.churned_at
        if churned is not None and any(
            timedelta(0) <= churned - m <= timedelta(days=CHURN_WINDOW) for m in moments
        ):
            placed["churned"][period_of(churned, quarterly)].append((account.currency, account.arr))
        for deal in world.deals:
            if deal.account_id != account.id:
                continue
            if deal.outcome is DealOutcome.OPEN:
                placed["pipeline"][period_of(deal.created_at, quarterly)].append(
                    (deal.currency, deal.amount)
                )
            closed = deal.closed_at
            if deal.outcome is DealOutcome.LOST:
                if closed is None:
                    undated["lost"] += 1
                elif min(moments) <= closed + timedelta(days=LOST_AFTER_CLOSE):
                    placed["lost"][period_of(closed, quarterly)].append(
                        (deal.currency, deal.amount)
                    )
    result: dict[str, dict[str, Any]] = {}
    for figure, periods in placed.items():
        result[figure] = {"undated": undated[figure]}
        for period, amounts in periods.items():
            sums: dict[str | None, Decimal] = defaultdict(Decimal)
            for currency, amount in amounts:
                if amount is not None:
                    sums[currency] += amount
            money = convert(sums, RATES, "USD")
            result[figure][period] = (money.amount, dict(money.unconverted), len(amounts))
    return result


@pytest.mark.parametrize("quarterly", [False, True])
def test_every_themes_money_trend_matches_a_recount(
    engine: Engine, world: World, quarterly: bool
) -> None:
    compared = 0
    for theme in world.themes:
        assert theme.id is not None
        found = money_trends(engine, SubjectKind.THEME, theme.id, quarterly=quarterly, as_of=AS_OF)
        expected = recount(world, theme.name, quarterly)
        for trend in found.trends:
            wanted = expected[trend.figure.value]
            assert trend.undated == wanted.pop("undated"), (theme.name, trend.figure)
            shown = {
                p.period: (p.amount.amount, dict(p.amount.unconverted), p.records)
                for p in trend.periods
                if p.records
            }
            assert shown == wanted, (theme.name, trend.figure)
            compared += len(shown)
            # Each period's change is against the one before, empty periods included.
            previous = Decimal(0)
            for period in trend.periods:
                assert period.change == period.amount.amount - previous
                previous = period.amount.amount
        labels = [p.period for p in found.trends[0].periods]
        assert labels == sorted(labels)
        assert all([p.period for p in t.periods] == labels for t in found.trends)
        assert labels[-1] == period_of(AS_OF, quarterly)
    assert compared >= 6  # the recount is not trivial: several periods hold money


def test_a_trend_adds_up_to_its_figure(engine: Engine, world: World) -> None:
    for result in theme_demand(engine, as_of=AS_OF):
        found = money_trends(engine, SubjectKind.THEME, result.id, as_of=AS_OF)
        for trend in found.trends:
            figure = result.total.money(trend.figure)
            dated = sum(p.records for p in trend.periods)
            assert dated + trend.undated == figure.records, (result.name, trend.figure)
            total = sum((p.amount.amount for p in trend.periods), trend.undated_amount.amount)
            assert total == figure.total.amount, (result.name, trend.figure)
    assert {t.figure for t in found.trends} == {Figure.LOST, Figure.PIPELINE, Figure.CHURNED}


@pytest.mark.parametrize("quarterly", [False, True])
def test_each_cell_opens_to_the_records_behind_it(
    engine: Engine, world: World, quarterly: bool
) -> None:
    opened = 0
    for theme in world.themes:
        assert theme.id is not None
        found = money_trends(engine, SubjectKind.THEME, theme.id, quarterly=quarterly, as_of=AS_OF)
        expected = recount(world, theme.name, quarterly)
        for trend in found.trends:
            for cell in (p for p in trend.periods if p.records):
                members = trend_members(
                    engine, SubjectKind.THEME, theme.id, trend.figure, cell.period, as_of=AS_OF
                )
                assert len(members) == cell.records == expected[trend.figure.value][cell.period][2]
                assert all(m.on is not None and period_of(m.on, quarterly) == cell.period
                           for m in members)  # fmt: skip
                sums: dict[str | None, Decimal] = defaultdict(Decimal)
                for m in members:
                    if m.amount is not None:
                        sums[m.currency] += m.amount
                assert convert(sums, RATES, "USD") == cell.amount
                opened += 1
    assert opened >= 6


def test_a_cell_is_a_trend_figure_and_a_period(engine: Engine, world: World) -> None:
    sso = world.theme("Single sign-on").id
    assert sso is not None
    with pytest.raises(InputError, match="a money trend has lost, pipeline, churned, not arr"):
        trend_members(engine, SubjectKind.THEME, sso, Figure.ARR, "2026-09")
    for wrong in ("2026-9", "2026-13", "2026-Q5", "Q3 2026"):
        with pytest.raises(InputError, match="a period is a month"):
            trend_members(engine, SubjectKind.THEME, sso, Figure.LOST, wrong)


def test_a_missing_subject_is_not_found(engine: Engine, world: World) -> None:
    with pytest.raises(NotFound, match="no active theme with id 999"):
        money_trends(engine, SubjectKind.THEME, 999)
