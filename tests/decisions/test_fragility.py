"""Fragility: swap margins computed by hand and checked by re-ranking, Monte Carlo shares
computed from the triangular distribution, and determinism for a seed."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.decisions.estimates import Assessed, Dimension, DimensionName, Estimate, Origin
from tradeoff.decisions.fragility import Swap, fragility, monte_carlo
from tradeoff.decisions.rankings import DIMENSIONS, Ranking, RankingRule, rank, ranking_rule
from tradeoff.errors import InputError

Figure = float | tuple[float, float, float]  # a value, or (value, low, high)


def estimate(figure: Figure, confidence: float = 0.8) -> Estimate:
    value, low, high = figure if isinstance(figure, tuple) else (figure, figure, figure)
    return Estimate(value, low, high, confidence, Origin.ENTERED, "test")


def opportunity(
    id_: int, title: str, scores: tuple[Figure, Figure, Figure] = (5, 5, 5), **fields: Figure
) -> Assessed:
    dims = [Dimension(n, estimate(s)) for n, s in zip(DimensionName, scores, strict=True)]
    return Assessed(id_, title, *dims, fields={k: estimate(v) for k, v in fields.items()})


def with_figure(item: Assessed, name: str, value: float) -> Assessed:
    """``item`` with one figure set, where the ranking reads it from."""
    if name in DIMENSIONS and name not in item.fields:
        dimension = dataclasses.replace(getattr(item, name), score=estimate(value))
        return dataclasses.replace(item, **{name: dimension})
    return dataclasses.replace(item, fields={**item.fields, name: estimate(value)})


def swapped_after(items: list[Assessed], rule: RankingRule, swap: Swap, share: float) -> bool:
    """Re-rank with ``share`` of the reported change applied: is the lower one now above?"""
    changed = swap.changed.item
    value = swap.value + share * swap.change
    again = rank([with_figure(i, swap.field, value) if i is changed else i for i in items], rule)
    position = {r.item.id: r.position for r in again.ranked}
    return position[swap.lower.item.id] < position[swap.upper.item.id]


BULK = opportunity(1, "Bulk payments", reach=10, effort_weeks=2)  # 2·10 − 2 = 18
RECEIPTS = opportunity(2, "Receipts", reach=9, effort_weeks=3)  # 2·9 − 3 = 15


def test_swap_margins_by_hand() -> None:
    rule = ranking_rule("2 * reach - effort_weeks")
    items = [BULK, RECEIPTS]
    report = fragility(rank(items, rule))
    (pair,) = report.pairs
    # Bulk's reach: 2r − 2 < 15 → r < 8.5. Receipts' reach: 2r − 3 > 18 → r > 10.5.
    # Bulk's effort: 20 − e < 15 → e > 5. Receipts' effort: 18 − e > 18 needs e < 0: none.
    found = [(s.changed.item.title, s.field, s.value, round(s.to, 6)) for s in pair.swaps]
    assert found == [
        ("Bulk payments", "reach", 10, 8.5),
        ("Receipts", "reach", 9, 10.5),
        ("Bulk payments", "effort_weeks", 2, 5.0),
    ]
    assert pair.smallest is not None
    assert pair.smallest.sentence == (
        "Receipts overtakes Bulk payments if Bulk payments' reach falls from 10 to 8.5 (-15%)"
    )
    assert pair.smallest.short == "#1 reach 10→8.5 (-15%)"
    assert [s.sentence.split(" if ")[1] for s in pair.swaps[1:]] == [
        "Receipts' reach rises from 9 to 10.5 (+17%)",
        "Bulk payments' effort_weeks rises from 2 to 5 (+150%)",
    ]
    for swap in pair.swaps:
        assert swapped_after(items, rule, swap, 1.0)
        assert not swapped_after(items, rule, swap, 0.9)


def test_a_tied_pair_says_so() -> None:
    rule = ranking_rule("reach")
    report = fragility(rank([BULK, opportunity(3, "Cards", reach=10)], rule))
    smallest = report.pairs[0].smallest
    assert report.pairs[0].tied
    assert smallest is not None
    assert smallest.sentence == (
        "Cards and Bulk payments are tied: Bulk payments is first only as listed first"
    )
    assert smallest.short == "tied with #3"


def test_a_derived_figure_is_named_and_kept_within_its_range() -> None:
    # RICE: Bulk 40·2·0.8/4 = 16; Receipts r·2·c/4 where c is derived: the lowest of its
    # figures' confidences (0.8, 0.5, 0.8) = 0.5. With r = 40 it scores 10 and its
    # confidence must pass 16·4/80 = 0.8 (+60%).
    bulk = opportunity(1, "Bulk payments", reach=40, impact=2, confidence=0.8, effort_weeks=4)

    def receipts(reach: float) -> Assessed:
        return Assessed(2, "Receipts", *BULK.dimensions, fields={
            "reach": estimate(reach), "impact": estimate(2, confidence=0.5),
            "effort_weeks": estimate(4)})  # fmt: skip

    def confidence_swaps(ranking: Ranking) -> list[Swap]:
        (pair,) = fragility(ranking).pairs
        return [s for s in pair.swaps if s.field == "confidence" and s.changed.item.id == 2]

    (derived,) = confidence_swaps(rank([bulk, receipts(40)], ranking_rule("rice")))
    assert derived.sentence == (
        "Receipts overtakes Bulk payments if Receipts' confidence (derived) rises from 0.5 "
        "to 0.8 (+60%)"
    )
    # with r = 30 it would need 16·4/60 = 1.07, outside 0–1: no such swap is offered
    assert confidence_swaps(rank([bulk, receipts(30)], ranking_rule("rice"))) == []


def test_monte_carlo_share_matches_the_triangular_distribution() -> None:
    # Receipts' impact is triangular on [3, 6] with mode 4: P(X > 5) = (6−5)² / (3·2) = 1/6.
    items = [
        opportunity(1, "Bulk payments", impact=5),
        opportunity(2, "Receipts", impact=(4, 3, 6)),
    ]
    report = fragility(rank(items, ranking_rule("impact")), draws=20_000, seed=0)
    (pair,) = report.pairs
    assert pair.flip_share == pytest.approx(1 / 6, abs=0.01)
    assert [s.holds for s in report.items] == pytest.approx([5 / 6, 5 / 6], abs=0.01)
    assert [(s.rank_low, s.rank_high) for s in report.items] == [(1, 2), (1, 2)]
    assert report.flipping == (pair,)


def test_a_rare_flip_is_below_the_threshold() -> None:
    # On [3, 5.2] with mode 4: P(X > 5) = 0.2² / (2.2 · 1.2) = 0.0152 < 5%.
    items = [
        opportunity(1, "Bulk payments", impact=5),
        opportunity(2, "Receipts", impact=(4, 3, 5.2)),
    ]
    report = fragility(rank(items, ranking_rule("impact")), draws=20_000)
    assert report.pairs[0].flip_share == pytest.approx(0.0152, abs=0.004)
    assert report.flipping == ()
    assert [(s.rank_low, s.rank_high) for s in report.items] == [(1, 1), (2, 2)]


def test_figures_without_ranges_never_move() -> None:
    items = [BULK, RECEIPTS, opportunity(3, "Cards", reach=1, effort_weeks=1)]
    report = fragility(rank(items, ranking_rule("2 * reach - effort_weeks")), draws=50)
    assert [p.flip_share for p in report.pairs] == [0.0, 0.0]
    assert [(s.holds, s.rank_low, s.rank_high) for s in report.items] == [
        (1.0, 1, 1), (1.0, 2, 2), (1.0, 3, 3)
    ]  # fmt: skip


def test_an_empty_or_single_ranking_has_no_pairs() -> None:
    assert fragility(rank([], ranking_rule("rice"))).pairs == ()
    report = fragility(rank([BULK], ranking_rule("reach")))
    assert (report.pairs, report.items[0].holds) == ((), 1.0)


@pytest.mark.parametrize("draws", [0, -5, 100_001])
def test_draws_must_be_sensible(draws: int) -> None:
    with pytest.raises(InputError, match="--draws must be between 1 and 100,000"):
        fragility(rank([BULK], ranking_rule("reach")), draws=draws)


# --- properties ----------------------------------------------------------------------------

ranged = st.tuples(st.integers(1, 9), st.integers(0, 3), st.integers(0, 3)).map(
    lambda t: (float(t[0]), float(max(0, t[0] - t[1])), float(min(10, t[0] + t[2])))
)
rows = st.lists(
    st.fixed_dictionaries(
        {
            "scores": st.tuples(ranged, ranged, ranged),
            "reach": st.integers(1, 500).map(float),
            "impact": st.sampled_from([0.25, 0.5, 1.0, 2.0, 3.0]),
            "confidence": st.sampled_from([0.5, 0.8, 1.0]),
            "effort_weeks": ranged,
            "business_value": st.integers(1, 10).map(float),
            "time_criticality": st.integers(1, 10).map(float),
            "risk_reduction": st.integers(1, 10).map(float),
        }
    ),
    min_size=2,
    max_size=6,
)
rules = st.sampled_from(["weighted", "rice", "wsjf", "user_value * 2 + feasibility"])


def build(data: list[dict[str, object]]) -> list[Assessed]:
    items = []
    for i, row in enumerate(data, 1):
        scores = row.pop("scores")
        assert isinstance(scores, tuple)
        items.append(opportunity(i, f"Opportunity {i}", scores, **row))  # type: ignore[arg-type]
    return items


@settings(max_examples=60, deadline=None)
@given(rows, rules)
def test_every_reported_swap_happens_at_the_change_and_not_at_90_percent(
    data: list[dict[str, object]], by: str
) -> None:
    items = build(data)
    rule = ranking_rule(by)
    report = fragility(rank(items, rule), draws=20)
    for pair in report.pairs:
        for swap in pair.swaps:
            assert swapped_after(items, rule, swap, 1.0), swap.sentence
            if not pair.tied:
                assert not swapped_after(items, rule, swap, 0.9), swap.sentence


@settings(max_examples=40, deadline=None)
@given(rows, rules, st.integers(0, 2**32 - 1))
def test_monte_carlo_is_deterministic_for_a_seed(
    data: list[dict[str, object]], by: str, seed: int
) -> None:
    ranking: Ranking = rank(build(data), ranking_rule(by))
    first = monte_carlo(ranking, draws=200, seed=seed)
    second = monte_carlo(ranking, draws=200, seed=seed)
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a, b)


def test_another_seed_gives_other_draws() -> None:
    items = [
        opportunity(1, "Bulk payments", impact=5),
        opportunity(2, "Receipts", impact=(4, 3, 6)),
    ]
    ranking = rank(items, ranking_rule("impact"))
    shares = {fragility(ranking, draws=500, seed=s).pairs[0].flip_share for s in range(5)}
    assert len(shares) > 1
