"""Trade-off pairs: the sentences written from the figures, compared whole."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.decisions.estimates import Assessed, Dimension, DimensionName, Estimate, Origin
from tradeoff.decisions.pairs import compare, money, times

Figure = float | tuple[float, float, float]  # a value, or (value, low, high)


def estimate(figure: Figure, confidence: float = 0.8) -> Estimate:
    value, low, high = figure if isinstance(figure, tuple) else (figure, figure, figure)
    return Estimate(value, low, high, confidence, Origin.COMPUTED, "test")


def opportunity(
    id_: int,
    title: str,
    scores: tuple[Figure, Figure, Figure] = (5, 5, 5),
    dimensions: dict[str, Dimension] | None = None,
    **fields: Figure,
) -> Assessed:
    dims = {n.value: Dimension(n, estimate(s)) for n, s in zip(DimensionName, scores, strict=True)}
    dims.update(dimensions or {})
    return Assessed(id_, title, **dims, fields={k: estimate(v) for k, v in fields.items()})


BULK = opportunity(
    1, "Bulk payments", (7, 5, 4), accounts=45, pipeline=300_000, arr=0,
    effort_weeks=(8, 6, 12), strategic_fit=8, delivery_risk=3,
)  # fmt: skip
CARDS = opportunity(
    2, "Card controls", (4, 8, 7.5), accounts=15, pipeline=1_250_000, arr=80_000,
    effort_weeks=4, strategic_fit=7.5, delivery_risk=7,
)  # fmt: skip


def test_what_each_gives_up_by_hand() -> None:
    # viability 8 vs 5 and feasibility 7.5 vs 4 (≥ 1 point); ARR 80k vs 0; pipeline
    # 1.25M / 300k = 4.17×; effort 8 / 4 = 2×. User value 7 vs 4; accounts 45 / 15 = 3×;
    # delivery risk 7 vs 3. Strategic fit 8 vs 7.5 is under a point apart: not said.
    comparison = compare(BULK, CARDS, "USD")
    assert comparison.a_gives_up == (
        "Card controls scores higher on business viability: 8.0 vs 5.0 out of 10",
        "Card controls scores higher on technical feasibility: 7.5 vs 4.0 out of 10",
        "Card controls protects $80k of ARR from the accounts asking that Bulk payments "
        "does not touch",
        "Card controls protects 4.2× the open pipeline ($1.2M vs $300k)",
        "Bulk payments costs twice the effort of Card controls (8 vs 4 person-weeks; "
        "ranges 6–12 and 4)",
    )
    assert comparison.b_gives_up == (
        "Bulk payments scores higher on user value: 7.0 vs 4.0 out of 10",
        "Bulk payments reaches 3× the accounts Card controls reaches (45 vs 15)",
        "Card controls carries more delivery risk (7 vs 3 out of 10)",
    )
    assert comparison.summary == "Neither dominates: each is ahead on at least one dimension"
    assert comparison.caveats == ()
    document = json.loads(json.dumps(comparison.to_json()))
    assert document["a"] == {"id": 1, "title": "Bulk payments"}
    assert document["a_gives_up"] == list(comparison.a_gives_up)
    assert {c["favours"] for c in document["contrasts"]} == {1, 2}


def test_zero_and_absent_figures_are_told_apart() -> None:
    a = opportunity(1, "A", accounts=45, items=10, pipeline=0)
    b = opportunity(2, "B", accounts=0, end_users=12, items=9, effort_weeks=3)
    comparison = compare(a, b, "USD")
    # 10 evidence items against 9 is 1.11×, under the 1.25× rule; pipeline 0 on one side
    # and absent on the other says nothing.
    assert comparison.b_gives_up == ("A reaches 45 accounts; B reaches none yet",)
    assert comparison.a_gives_up == ()
    assert comparison.caveats == (
        "A has no evidence from end users yet",
        "A has no effort estimate yet",
    )


@pytest.mark.parametrize(
    ("effort_a", "effort_b", "sentence"),
    [
        (3, 0, "A costs 3 person-weeks; B is entered as no effort"),
        (5, 4, "A costs 1.3× the effort of B (5 vs 4 person-weeks)"),  # exactly 1.25×
        (4.96, 4, None),  # 1.24×: not a difference that matters
        (4, 4, None),
        (30, 2, "A costs 15× the effort of B (30 vs 2 person-weeks)"),
    ],
)
def test_effort_threshold(effort_a: float, effort_b: float, sentence: str | None) -> None:
    a = opportunity(1, "A", effort_weeks=effort_a)
    comparison = compare(a, opportunity(2, "B", effort_weeks=effort_b), "USD")
    assert comparison.a_gives_up == ((sentence,) if sentence else ())


def test_caveats_say_what_is_a_guess() -> None:
    unknown = Dimension(DimensionName.FEASIBILITY, estimate(5, confidence=0.0), known=False)
    overridden = Dimension(
        DimensionName.VIABILITY, estimate(9), override_reason="the bank partnership needs it"
    )
    shaky = Dimension(DimensionName.USER_VALUE, estimate((6, 5, 7), confidence=0.5))
    a = opportunity(1, "A", dimensions={"user_value": shaky, "viability": overridden})
    b = opportunity(2, "B", (5, 5, 5), dimensions={"feasibility": unknown})
    b = Assessed(b.id, b.title, b.user_value, b.viability, b.feasibility,
                 {"effort_weeks": estimate(2, confidence=0.5)})  # fmt: skip
    assert compare(a, b, "USD").caveats == (
        "A's user value is a low-confidence guess (confidence 0.50)",
        "A's business viability was overridden by hand: the bank partnership needs it",
        "B's technical feasibility is not known: nothing was computed or entered",
        "A has no effort estimate yet",
        "B's effort is a low-confidence guess (confidence 0.50)",
    )


def test_summary_names_a_dominance_that_depends_on_the_ranges() -> None:
    a = opportunity(1, "A", ((6, 5, 7), 5, 5))
    b = opportunity(2, "B", ((5, 4, 6.5), 5, 5))
    comparison = compare(b, a, "USD")
    assert comparison.summary == (
        "A dominates B: at least as good on all three dimensions, better on user value "
        "(uncertain within the stated ranges: user value)"
    )
    assert comparison.a_gives_up == ("A scores higher on user value: 6.0 vs 5.0 out of 10",)
    same = compare(opportunity(1, "A"), opportunity(2, "B"), "USD")
    assert same.summary == "A and B score the same on all three dimensions"


def test_money_in_the_currency_given() -> None:
    a = opportunity(1, "A", lost=2_400_000, churned=50_000, renewals_90=10_000)
    b = opportunity(2, "B", lost=600_000, churned=0, renewals_90=9_000)
    assert compare(a, b, "EUR").b_gives_up == (
        "A answers 4× the revenue lost citing it (€2.4M vs €600k)",
        "A answers €50k of churned ARR citing it that B does not touch",
    )
    assert compare(a, b, "chf").b_gives_up[0] == (
        "A answers 4× the revenue lost citing it (CHF 2.4M vs CHF 600k)"
    )


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (0, "USD", "$0"),
        (950, "GBP", "£950"),
        (12_345, "USD", "$12k"),
        (9_960, "USD", "$10k"),
        (999_950, "USD", "$1M"),
        (1_250_000, "USD", "$1.2M"),
        (2_500_000_000, "EUR", "€2.5B"),
        (-300_000, "USD", "-$300k"),
        (45_000, "JPY", "JPY 45k"),
    ],
)
def test_compact_money(amount: float, currency: str, shown: str) -> None:
    assert money(amount, currency) == shown


@pytest.mark.parametrize(
    ("ratio", "shown"),
    [(2.0, "twice"), (1.96, "twice"), (3.0, "3×"), (1.25, "1.3×"), (4.17, "4.2×"),
     (12.4, "12×")],
)  # fmt: skip
def test_ratios_in_words(ratio: float, shown: str) -> None:
    assert times(ratio) == shown


def test_open_ended_scales_and_signs() -> None:
    a = opportunity(1, "A", impact=2, time_criticality=-1, ease=0)
    b = opportunity(2, "B", impact=0.5, time_criticality=3, ease=0)
    comparison = compare(a, b, "USD")
    assert comparison.b_gives_up == ("A's impact is 4× B's (2 vs 0.5)",)
    assert comparison.a_gives_up == ("B's time_criticality is 3; A's is -1",)


figures = st.one_of(st.none(), st.sampled_from([0.0, -2.0, 0.5, 1.0, 4.0, 1e6, 3e9]))
names = ["accounts", "end_users", "items", "arr", "pipeline", "lost", "churned",
         "renewals_90", "renewals_180", "effort_weeks", "impact", "ease", "reach",
         "strategic_fit", "delivery_risk", "cost_to_serve"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(figures, min_size=len(names), max_size=len(names)),
       st.lists(figures, min_size=len(names), max_size=len(names)))  # fmt: skip
def test_any_figures_compare_without_error(
    first: list[float | None], second: list[float | None]
) -> None:
    a = opportunity(1, "A", **{n: v for n, v in zip(names, first, strict=True) if v is not None})
    b = opportunity(2, "B", **{n: v for n, v in zip(names, second, strict=True) if v is not None})
    comparison = compare(a, b, "USD")
    assert len(comparison.a_gives_up) + len(comparison.b_gives_up) == len(comparison.contrasts)
    for sentence in (*comparison.a_gives_up, *comparison.b_gives_up, *comparison.caveats):
        assert "inf" not in sentence
        assert "nan" not in sentence
