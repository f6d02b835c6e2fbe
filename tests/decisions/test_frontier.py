"""The Pareto frontier: hand-computed cases, the "most" rule, uncertain dominance, and
properties that must hold for any set of opportunities."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.decisions.estimates import Assessed, Dimension, DimensionName, Estimate, Origin
from tradeoff.decisions.frontier import dominance, frontier

Score = float | tuple[float, float, float]  # a value, or (value, low, high)


def dimension(name: DimensionName, score: Score, *, known: bool = True) -> Dimension:
    value, low, high = score if isinstance(score, tuple) else (score, score, score)
    return Dimension(name, Estimate(value, low, high, 0.8, Origin.COMPUTED, "test"), known=known)


def opportunity(
    id_: int, user_value: Score, viability: Score, feasibility: Score, *, unknown: str = ""
) -> Assessed:
    return Assessed(
        id_,
        f"Opportunity {id_}",
        dimension(DimensionName.USER_VALUE, user_value, known="user_value" not in unknown),
        dimension(DimensionName.VIABILITY, viability, known="viability" not in unknown),
        dimension(DimensionName.FEASIBILITY, feasibility, known="feasibility" not in unknown),
    )


UV, VI, FE = DimensionName.USER_VALUE, DimensionName.VIABILITY, DimensionName.FEASIBILITY


def test_frontier_by_hand() -> None:
    # A (8,6,5) ≥ B (6,6,5), better on user value: A dominates B by a margin of 2.
    # D (5,5,5) is dominated by A (better on 2, margin 3+1+0 = 4) and B (2, margin 1+1 = 2).
    # C and E are equal (5,9,2): neither dominates the other. F (4,4,6) has the best
    # feasibility: nothing dominates it.
    items = [
        opportunity(1, 8, 6, 5),
        opportunity(2, 6, 6, 5),
        opportunity(3, 5, 9, 2),
        opportunity(4, 5, 5, 5),
        opportunity(5, 5, 9, 2),
        opportunity(6, 4, 4, 6),
    ]
    result = frontier(items)
    assert [s.id for s in result.on_frontier] == [1, 3, 5, 6]
    assert [(s.id, s.dominated_by) for s in result.dominated] == [(2, (1,)), (4, (1, 2))]
    assert result.standing(2).strongest == dominance(items[0], items[1])
    strongest = result.standing(4).strongest
    assert strongest is not None
    assert (strongest.dominator, strongest.better_on, strongest.margin) == (1, (UV, VI), 4.0)
    assert [s.id for s in result.standings] == [1, 2, 3, 4, 5, 6]  # the order given
    assert all(s.certain for s in result.dominated)  # no ranges: every verdict is certain


def test_most_dimensions_outweigh_a_larger_margin() -> None:
    # X (9,2,2) is better than T (2,2,2) on one dimension by 7; Y (3,3,3) on all three by 1.
    items = [opportunity(1, 9, 2, 2), opportunity(2, 3, 3, 3), opportunity(3, 2, 2, 2)]
    strongest = frontier(items).standing(3).strongest
    assert strongest is not None
    assert (strongest.dominator, strongest.better_on, strongest.margin) == (2, (UV, VI, FE), 3.0)
    # every dominator is listed, highest total first: X (13) before Y (9)
    assert frontier(items).standing(3).dominated_by == (1, 2)


def test_dominance_that_depends_on_the_ranges_is_uncertain() -> None:
    # A leads on user value 6 vs 5, but B's range reaches 6.5 and A's starts at 5.
    a, b = opportunity(1, (6, 5, 7), 5, 5), opportunity(2, (5, 4, 6.5), 5, 5)
    found = dominance(a, b)
    assert found is not None
    assert (found.better_on, found.uncertain_on) == ((UV,), (UV,))
    standing = frontier([a, b]).standing(2)
    assert (standing.on_frontier, standing.uncertain, standing.certain) == (False, True, False)


def test_ranges_clear_of_each_other_make_a_certain_verdict() -> None:
    a, b = opportunity(1, (7, 6, 8), 5, 5), opportunity(2, (5, 4, 5.5), 5, 5)
    found = dominance(a, b)
    assert found is not None
    assert found.uncertain_on == ()
    assert frontier([a, b]).standing(2).certain


def test_a_lead_that_could_vanish_is_uncertain() -> None:
    # B can at best draw level with A on user value (its high 6 = A's low 6): not a proof.
    a, b = opportunity(1, 6, 5, 5), opportunity(2, (5, 5, 6), 5, 5)
    found = dominance(a, b)
    assert found is not None
    assert found.uncertain_on == (UV,)


def test_equal_on_all_three_neither_dominates() -> None:
    a, b = opportunity(1, 5, 5, 5), opportunity(2, 5, 5, 5)
    assert dominance(a, b) is None
    assert dominance(b, a) is None
    assert len(frontier([a, b]).on_frontier) == 2


def test_unknown_dimensions_take_part_and_are_flagged() -> None:
    items = [opportunity(1, 5, 5, 5, unknown="feasibility"), opportunity(2, 4, 4, 4)]
    result = frontier(items)
    assert result.standing(1).unknown == (FE,)
    assert result.standing(2).dominated_by == (1,)
    assert result.standing(2).unknown == ()


def test_no_opportunities() -> None:
    assert frontier([]).standings == ()


def test_five_thousand_opportunities_match_a_brute_force_frontier() -> None:
    """The vectorised frontier equals the plain definition (no other at least as good on all
    three and better on one), computed here with numpy broadcasting over every pair."""
    rng = np.random.default_rng(7)
    scores = rng.uniform(0, 10, (5000, 3))
    items = [opportunity(i, *(float(x) for x in row)) for i, row in enumerate(scores)]
    result = frontier(items)
    at_least = (scores[:, None, :] >= scores[None, :, :]).all(axis=2)
    better = (scores[:, None, :] > scores[None, :, :]).any(axis=2)
    dominated = (at_least & better).any(axis=0)
    expected = {i for i in range(len(items)) if not dominated[i]}
    assert {s.id for s in result.on_frontier} == expected
    assert 0 < len(expected) < 200


# --- properties --------------------------------------------------------------------------

# half points: ties stay frequent, and a comparison off by less than a point still shows
ranged = st.tuples(st.integers(0, 20), st.integers(0, 3), st.integers(0, 3)).map(
    lambda t: (t[0] / 2, max(0, t[0] - t[1]) / 2, min(20, t[0] + t[2]) / 2)
)
opportunities = st.lists(st.tuples(ranged, ranged, ranged), max_size=25).map(
    lambda rows: [opportunity(i, *row) for i, row in enumerate(rows, 1)]
)


def dominates(a: Assessed, b: Assessed) -> bool:
    x = [d.score.value for d in a.dimensions]
    y = [d.score.value for d in b.dimensions]
    return all(p >= q for p, q in zip(x, y, strict=True)) and x != y


@settings(max_examples=150, deadline=None)
@given(opportunities)
def test_dominated_never_on_the_frontier_and_frontier_undominated(items: list[Assessed]) -> None:
    result = frontier(items)
    for b in items:
        dominators = {a.id for a in items if dominates(a, b)}
        standing = result.standing(b.id)
        assert set(standing.dominated_by) == dominators
        assert standing.on_frontier == (not dominators)


@settings(max_examples=150, deadline=None)
@given(opportunities)
def test_strongest_and_certain_follow_their_rules(items: list[Assessed]) -> None:
    by_id = {item.id: item for item in items}
    for standing in frontier(items).standings:
        found = [dominance(by_id[i], by_id[standing.id]) for i in standing.dominated_by]
        ways = [f for f in found if f is not None]
        assert len(ways) == len(found)
        if not ways:
            assert standing.strongest is None
            continue
        best = max((len(f.better_on), f.margin) for f in ways)
        assert standing.strongest is not None
        assert (len(standing.strongest.better_on), standing.strongest.margin) == best
        assert standing.certain == any(not f.uncertain for f in ways)


@settings(max_examples=150, deadline=None)
@given(opportunities, st.tuples(ranged, ranged, ranged))
def test_adding_an_opportunity_never_removes_a_dominator(
    items: list[Assessed], row: tuple[Score, Score, Score]
) -> None:
    newcomer = opportunity(len(items) + 1, *row)
    before, after = frontier(items), frontier([*items, newcomer])
    for standing in before.standings:
        now = after.standing(standing.id)
        assert set(standing.dominated_by) <= set(now.dominated_by)
        if standing.on_frontier and not now.on_frontier:
            assert now.dominated_by == (newcomer.id,)
