"""Every figure of the sales picture against a recount in plain Python over ``World``."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from tests.business.world import RATES, World
from tradeoff.analysis.business.sales import SIZE_BANDS, sales_picture, win_rates_by
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import DealOutcome
from tradeoff.errors import InputError
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

BASE = "USD"
CENT = Decimal("0.01")


def in_base(deal: Deal) -> Decimal | None:
    if deal.amount is None:
        return None
    if deal.currency == BASE:
        return deal.amount
    rate = RATES.get(deal.currency or "")
    return None if rate is None else deal.amount * rate


def band(deal: Deal) -> str:
    value = in_base(deal)
    if deal.amount is None:
        return "no amount"
    if value is None:
        return "no rate"
    return next(b.label for b in SIZE_BANDS if b.below is None or value < b.below)


def key_of(world: World, by: str) -> Callable[[Deal], str | None]:
    def account_field(name: str) -> Callable[[Deal], str | None]:
        def read(deal: Deal) -> str | None:
            account = next((a for a in world.accounts if a.id == deal.account_id), None)
            return None if account is None else getattr(account, name)

        return read

    def quarter(deal: Deal) -> str | None:
        closed = deal.closed_at
        return None if closed is None else f"{closed.year}-Q{(closed.month - 1) // 3 + 1}"

    return {
        "segment": account_field("segment"),
        "plan": account_field("plan"),
        "region": account_field("region"),
        "owner": lambda d: d.owner,
        "source": lambda d: d.lead_source,
        "quarter": quarter,
        "size": band,
    }[by]


def revenue(deals: list[Deal]) -> Decimal:
    return sum((in_base(d) or Decimal(0) for d in deals), Decimal(0)).quantize(CENT)


def test_overall_win_rate_cycle_time_size_and_pipeline(engine: Engine, world: World) -> None:
    picture = sales_picture(engine)
    won = [d for d in world.deals if d.outcome is DealOutcome.WON]
    lost = [d for d in world.deals if d.outcome is DealOutcome.LOST]
    still_open = [d for d in world.deals if d.outcome is DealOutcome.OPEN]
    o = picture.overall
    assert (o.won, o.lost, o.open) == (len(won), len(lost), len(still_open))
    assert o.win_rate == pytest.approx(len(won) / (len(won) + len(lost)))
    assert o.won_revenue.amount.quantize(CENT) == revenue(won)
    for deals, cycle in ((won, picture.cycle_won), (lost, picture.cycle_lost)):
        days = [
            (d.closed_at.date() - d.created_at.date()).days
            for d in deals
            if d.closed_at and d.created_at and d.closed_at.date() >= d.created_at.date()
        ]
        assert cycle.deals == len(days)
        assert cycle.median_days == pytest.approx(statistics.median(days))
    sized = [in_base(d) for d in won if in_base(d) is not None]
    assert picture.average_won.deals == len(sized)
    assert picture.average_won.amount is not None
    assert picture.average_won.amount.quantize(CENT) == (
        sum(sized, Decimal(0)) / len(sized)
    ).quantize(CENT)  # type: ignore[arg-type]
    pipeline = picture.open_pipeline
    assert pipeline.amount.quantize(CENT) == revenue(still_open)
    assert dict(pipeline.unconverted) == {"JPY": Decimal(12_000_000)}
    stages = {s.stage: s.deals for s in picture.pipeline_by_stage}
    assert stages == {d.stage: 1 for d in still_open}


@pytest.mark.parametrize("by", ["segment", "quarter", "owner", "source", "size", "plan", "region"])
def test_each_breakdown_matches_a_recount(engine: Engine, world: World, by: str) -> None:
    rows = {r.key: r for r in sales_picture(engine, by, classify=False).breakdown}
    key = key_of(world, by)
    expected: dict[str, list[Deal]] = {}
    for deal in world.deals:
        value = key(deal)
        if by == "quarter" and deal.outcome is DealOutcome.OPEN:
            continue
        shown = value if value is not None else next(iter(k for k in rows if k.startswith("(")))
        expected.setdefault(shown, []).append(deal)
    assert set(rows) == set(expected)
    for shown, deals in expected.items():
        row = rows[shown]
        outcomes = [d.outcome for d in deals]
        assert (row.won, row.lost, row.open) == (
            outcomes.count(DealOutcome.WON),
            outcomes.count(DealOutcome.LOST),
            outcomes.count(DealOutcome.OPEN),
        ), shown
        won = [d for d in deals if d.outcome is DealOutcome.WON]
        assert row.won_revenue.amount.quantize(CENT) == revenue(won), shown
    assert win_rates_by(engine, by) == sales_picture(engine, by, classify=False).breakdown


def test_a_closed_deal_without_a_close_date_has_a_quarter_row_of_its_own_and_no_open_deals(
    engine: Engine, world: World
) -> None:
    """Open deals have no quarter: a QA tester's "(no close date)" row listed 69 open deals
    next to the one won deal without a close date."""
    with write_session(engine) as session:
        repository.add(
            session,
            Deal(
                source="salesforce",
                external_id="006-undated",
                name="Won, never dated",
                amount=Decimal(5000),
                currency=BASE,
                outcome=DealOutcome.WON,
                created_at=world.deals[0].created_at,
            ),
        )
    rows = {r.key: r for r in win_rates_by(engine, "quarter")}
    undated = rows["(no close date)"]
    assert (undated.won, undated.lost, undated.open) == (1, 0, 0)
    assert sum(r.open for r in rows.values()) == 0


def test_quarters_run_in_order_and_sizes_in_band_order(engine: Engine, world: World) -> None:
    quarters = [r.key for r in win_rates_by(engine, "quarter")]
    assert quarters == sorted(quarters)
    sizes = [r.key for r in win_rates_by(engine, "size")]
    order = [b.label for b in SIZE_BANDS] + ["no amount", "no rate"]
    assert sizes == sorted(sizes, key=order.index)


def test_what_a_win_looks_like_recounts_attributes_and_themes(engine: Engine, world: World) -> None:
    signals = {(s.attribute, s.value): s for s in sales_picture(engine).win_signals}
    closed = [d for d in world.deals if d.outcome is not DealOutcome.OPEN]
    won_total = sum(d.outcome is DealOutcome.WON for d in closed)
    lost_total = len(closed) - won_total

    def check(attribute: str, value: str, has: Callable[[Deal], bool]) -> None:
        s = signals[(attribute, value)]
        won_with = sum(has(d) and d.outcome is DealOutcome.WON for d in closed)
        lost_with = sum(has(d) and d.outcome is DealOutcome.LOST for d in closed)
        assert (s.won_with, s.won_without, s.lost_with, s.lost_without) == (
            won_with,
            won_total - won_with,
            lost_with,
            lost_total - lost_with,
        ), (attribute, value)

    for by in ("segment", "plan", "region", "source", "size"):
        key = key_of(world, by)
        for value in {key(d) for d in closed} - {None, "no amount", "no rate"}:
            assert value is not None
            check(by, value, lambda d, k=key, v=value: k(d) == v)  # type: ignore[misc]
    for theme in world.themes:
        cited = {
            e.account_id
            for e in world.evidence
            for link in world.links
            if link.evidence_id == e.id and link.theme_id == theme.id
        }
        check("theme", theme.name, lambda d, c=cited: d.account_id in c)  # type: ignore[misc]
    scores = [s.score for s in signals.values()]
    assert list(scores) == sorted(scores, reverse=True)
    enterprise = signals[("segment", "Enterprise")]
    assert enterprise.lift is None
    assert enterprise.score > 0


def test_objections_group_wordings_and_rank_by_lost_revenue(engine: Engine, world: World) -> None:
    found = sales_picture(engine).objections
    lost = [d for d in world.deals if d.outcome is DealOutcome.LOST]
    assert sorted(o.text for o in found) == sorted(d.loss_reason or "" for d in lost)
    for objection in found:
        deals = [d for d in lost if d.loss_reason == objection.text]
        assert objection.deals == len(deals)
        assert objection.lost_revenue.amount.quantize(CENT) == revenue(deals)
    amounts = [o.lost_revenue.amount for o in found]
    assert amounts == sorted(amounts, reverse=True)


def test_an_unknown_by_is_refused(engine: Engine) -> None:
    with pytest.raises(InputError, match="--by must be one of"):
        sales_picture(engine, "colour")
