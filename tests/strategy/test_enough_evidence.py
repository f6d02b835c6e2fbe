""" "Enough evidence" on fixtures where the answer is known: theme saturation (SQLite and
PostgreSQL), an opportunity's frontier standing under its ranges, an assumption's state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from tradeoff.decisions.estimates import Assessed, Dimension, DimensionName, Estimate, Origin
from tradeoff.domain.enums import AssumptionStatus, EvidenceKind, Level, ThemeStatus
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.errors import InputError, NotFound
from tradeoff.storage import repository
from tradeoff.storage.experiments import theme_arrivals
from tradeoff.storage.session import read_session, write_session
from tradeoff.strategy.assumptions import assumption_view, new_assumption, set_status
from tradeoff.strategy.enough_evidence import (
    Saturation,
    assumption_settled,
    opportunity_settled,
    theme_saturation,
)
from tradeoff.strategy.experiments import new_experiment, start_experiment

DAY = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def themed(engine: Engine) -> Engine:
    """Theme 1, "Reconciliation", with sub-themes 2 (CSV exports), 3 (bank feeds) and
    4 (multi-entity, seen late), 5 (archived). Items arrive a day apart, in this order:

    day:       0   1   2   3   4   5   6   7   8   9
    sub-theme: 2   3   2   —   3   2   4   2   4   3      (— filed in no sub-theme)

    Item ids are not the arrival order: the item of day 0 is written last.
    Two more items are not counted: a copy of day 1's item, and one in theme 6 only.
    """
    plan = [2, 3, 2, None, 3, 2, 4, 2, 4, 3]
    with write_session(engine) as session:
        top = repository.add(session, Theme(name="Reconciliation"))
        for name in ("CSV exports", "Bank feeds", "Multi-entity"):
            repository.add(session, Theme(name=name, parent_id=top.id))
        repository.add(
            session, Theme(name="Old cut", parent_id=top.id, status=ThemeStatus.ARCHIVED)
        )
        repository.add(session, Theme(name="Cards"))
        ids = {}
        for day in [*range(1, 10), 0]:
            item = repository.add(session, _item(f"T-{day}", DAY + timedelta(days=day)))
            ids[day] = item.id
            repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=1))
            if plan[day] is not None:
                repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=plan[day]))
        # An archived sub-theme's links do not count.
        repository.add(session, EvidenceTheme(evidence_id=ids[3], theme_id=5))
        copy = _item("T-copy", DAY + timedelta(days=20), duplicate_of_id=ids[1])
        copy = repository.add(session, copy)
        repository.add(session, EvidenceTheme(evidence_id=copy.id, theme_id=1))
        repository.add(session, EvidenceTheme(evidence_id=copy.id, theme_id=4))
        other = repository.add(session, _item("T-cards", DAY + timedelta(days=30)))
        repository.add(session, EvidenceTheme(evidence_id=other.id, theme_id=6))
    return engine


def _item(
    external_id: str, created_at: datetime, duplicate_of_id: int | None = None
) -> EvidenceItem:
    return EvidenceItem(
        source="zendesk",
        external_id=external_id,
        kind=EvidenceKind.TICKET,
        text=f"Reconciling the month took two days again ({external_id})",
        created_at=created_at,
        duplicate_of_id=duplicate_of_id,
    )


def saturation(engine: Engine, theme_id: int, last: int) -> object:
    with read_session(engine) as session:
        return theme_saturation(theme_arrivals(session, theme_id), last)


def test_a_sub_theme_that_appears_late_keeps_the_theme_open(themed: Engine) -> None:
    with read_session(themed) as session:
        arrivals = theme_arrivals(session, 1)
    # Days 0..9 in arrival order; the copy and theme 6's item are not there.
    assert [sub for _, sub in arrivals.arrivals] == [2, 3, 2, None, 3, 2, 4, 2, 4, 3]
    # The last 4 (days 6-9): sub-theme 4 first appears on day 6, so it is late (2 items);
    # days 7 and 9 fall into 2 and 3, seen before the window.
    found = theme_saturation(arrivals, 4)
    assert found.verdict is Saturation.OPENING
    assert found.late == ((4, "Multi-entity", 2),)
    assert (found.items, found.last, found.in_known, found.in_none, found.known_before) == (
        10,
        4,
        2,
        0,
        2,
    )


def test_no_new_sub_theme_in_the_last_n_is_saturated(themed: Engine) -> None:
    with read_session(themed) as session:
        arrivals = theme_arrivals(session, 1)
    # The last 3 (days 7-9): 2, 4, 3 were all seen by day 6.
    found = theme_saturation(arrivals, 3)
    assert found.verdict is Saturation.SATURATED
    assert (found.late, found.in_known, found.known_before) == ((), 3, 3)
    # The last 7 (days 3-9) include day 3 (no sub-theme) and sub-theme 4's arrival.
    wide = theme_saturation(arrivals, 7)
    assert (wide.verdict, wide.in_none, wide.known_before) == (Saturation.OPENING, 1, 2)
    # Ten items cannot answer for the last ten.
    assert theme_saturation(arrivals, 10).verdict is Saturation.TOO_FEW
    with pytest.raises(InputError, match="at least 1"):
        theme_saturation(arrivals, 0)


def test_themes_that_cannot_be_judged(themed: Engine) -> None:
    with read_session(themed) as session:
        cards = theme_saturation(theme_arrivals(session, 6), 1)
        assert cards.verdict is Saturation.NO_SUB_THEMES
        with pytest.raises(InputError, match="sub-theme of 1"):
            theme_arrivals(session, 2)
        with pytest.raises(NotFound):
            theme_arrivals(session, 99)


def dimension(name: DimensionName, value: float, low: float, high: float) -> Dimension:
    return Dimension(name, Estimate(value, low, high, 0.8, Origin.ENTERED, "interviews"))


def opportunity(
    number: int, user_value: tuple[float, float, float], viability: float, feasibility: float
) -> Assessed:
    return Assessed(
        number,
        f"Opportunity {number}",
        dimension(DimensionName.USER_VALUE, *user_value),
        dimension(DimensionName.VIABILITY, viability, viability, viability),
        dimension(DimensionName.FEASIBILITY, feasibility, feasibility, feasibility),
    )


# 1 beats 2 for certain (2's best user value 6 is below 1's worst 7) and beats 4 only on
# the point values (4's range reaches 9, above 1's worst 7); 3 leads on viability alone.
# 4 beats 2 on the point values, but 2's high (6) passes 4's low (5): uncertain too.
ITEMS = [
    opportunity(1, (8, 7, 9), 6, 5),
    opportunity(2, (5, 4, 6), 6, 5),
    opportunity(3, (3, 3, 3), 9, 2),
    opportunity(4, (7, 5, 9), 6, 5),
]


def triangular_cdf(x: float, low: float, mode: float, high: float) -> float:
    if x <= low:
        return 0.0
    if x >= high:
        return 1.0
    if x <= mode:
        return (x - low) ** 2 / ((high - low) * (mode - low))
    return 1 - (high - x) ** 2 / ((high - low) * (high - mode))


def test_an_opportunity_no_range_can_move_is_settled() -> None:
    found = opportunity_settled(ITEMS, 3, draws=2000, seed=0)
    assert found.on_frontier
    assert found.uncertain == ()
    assert found.flip_share == 0.0  # nobody's viability can reach 9
    assert found.settled
    assert found.deciding == ()


def test_an_uncertain_dominance_names_the_ranges_that_decide_it() -> None:
    found = opportunity_settled(ITEMS, 4, draws=2000, seed=0)
    assert not found.on_frontier
    assert [(r.dominator, r.dominated) for r in found.uncertain] == [(1, 4), (4, 2)]
    assert not found.settled
    # Widest range first: 4's user value (5-9), then 1's (7-9), then 2's (4-6).
    assert [(d.opportunity_id, d.dimension.name.value, d.width) for d in found.deciding] == [
        (4, "user_value", 4.0),
        (1, "user_value", 2.0),
        (2, "user_value", 2.0),
    ]
    # 4 joins the frontier exactly when its user value passes 1's (2's never reaches 7):
    # P(X4 > X1) = ∫ f4(x) F1(x) dx for X4 ~ Tri(5, 7, 9), X1 ~ Tri(7, 8, 9), by midpoints.
    steps = 40_000
    width = 4 / steps
    exact = 0.0
    for k in range(steps):
        x = 5 + (k + 0.5) * width
        density = triangular_cdf(x + width / 2, 5, 7, 9) - triangular_cdf(x - width / 2, 5, 7, 9)
        exact += density * triangular_cdf(x, 7, 8, 9)
    assert exact == pytest.approx(0.1458, abs=0.001)
    # 2,000 seeded draws: the standard error is √(p(1 − p)/2000) ≈ 0.008.
    assert found.flip_share == pytest.approx(exact, abs=0.03)
    again = opportunity_settled(ITEMS, 4, draws=2000, seed=0)
    assert again.flip_share == found.flip_share  # seeded: the same answer every time


def test_a_certainly_dominated_opportunity_still_names_its_uncertain_relation() -> None:
    found = opportunity_settled(ITEMS, 2, draws=500, seed=1)
    assert found.flip_share == 0.0  # 1 always beats it
    assert [(r.dominator, r.dominated) for r in found.uncertain] == [(4, 2)]
    assert not found.settled
    with pytest.raises(NotFound):
        opportunity_settled(ITEMS, 9)


def test_an_assumption_is_settled_by_a_test_or_names_the_next_step(engine: Engine) -> None:
    made = new_assumption(engine, "Finance leads reconcile weekly", risk=Level.LOW, confidence=0.6)
    assert made.id is not None
    fresh = assumption_settled(assumption_view(engine, made.id), {})
    assert not fresh.settled
    assert fresh.lines == (
        "not settled: untested, confidence 60%",
        "next: plan the smallest experiment that would change the decision: tradeoff "
        f"experiment new --assumption {made.id} ...",
        "low risk: being wrong costs little, so decide now and watch the metric rather than "
        "research more",
    )
    small = new_experiment(
        engine, assumption_id=made.id, hypothesis="Big lift", rule="r", baseline=0.2, effect=0.05
    )
    large = new_experiment(
        engine, assumption_id=made.id, hypothesis="Small lift", rule="r", baseline=0.1, effect=0.02
    )
    sizes = {small.experiment.id or 0: small.required_n, large.experiment.id or 0: large.required_n}
    planned = assumption_settled(assumption_view(engine, made.id), sizes)
    assert small.required_n is not None
    assert planned.lines[1] == (
        f"next: start experiment {small.experiment.id} ({small.required_n:,} per arm): Big lift"
    )
    assert large.experiment.id is not None
    start_experiment(engine, large.experiment.id)
    running = assumption_settled(assumption_view(engine, made.id), sizes)
    assert running.lines[1].startswith(f"wait: experiment {large.experiment.id} is running")
    set_status(engine, made.id, AssumptionStatus.INVALIDATED, reason="Churn calls")
    done = assumption_settled(assumption_view(engine, made.id), sizes)
    assert done.settled
    assert done.lines == ("settled: invalidated by judgement, not by an experiment: Churn calls",)
