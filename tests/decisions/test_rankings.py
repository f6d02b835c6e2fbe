"""Named rankings and custom formulas, computed by hand; what is not ranked and why."""

from __future__ import annotations

import pytest

from tradeoff.decisions.estimates import Assessed, Dimension, DimensionName, Estimate, Origin
from tradeoff.decisions.rankings import Ranking, known_fields, rank, ranking_rule
from tradeoff.errors import InputError

Figure = float | tuple[float, float, float]  # a value, or (value, low, high)


def estimate(figure: Figure, confidence: float = 0.8) -> Estimate:
    value, low, high = figure if isinstance(figure, tuple) else (figure, figure, figure)
    return Estimate(value, low, high, confidence, Origin.ENTERED, "test")


def opportunity(
    id_: int, title: str, scores: tuple[float, float, float] = (5, 5, 5), **fields: Figure
) -> Assessed:
    dims = [
        Dimension(name, estimate(score)) for name, score in zip(DimensionName, scores, strict=True)
    ]
    return Assessed(id_, title, *dims, fields={k: estimate(v) for k, v in fields.items()})


def table(ranking: Ranking) -> list[tuple[int, str, float]]:
    return [(r.position, r.item.title, round(r.score, 6)) for r in ranking.ranked]


def reasons(ranking: Ranking) -> list[tuple[str, str]]:
    return [(n.item.title, n.reason) for n in ranking.not_ranked]


THREE = [
    opportunity(1, "Bulk payments", (9, 3, 6)),
    opportunity(2, "Card controls", (5, 5, 5)),
    opportunity(3, "Receipts", (2, 8, 8)),
]


def test_weighted_defaults_to_equal_weights_and_ties_keep_the_order_given() -> None:
    # (9+3+6)/3 = 6, (5+5+5)/3 = 5, (2+8+8)/3 = 6: Receipts ties Bulk payments, listed after
    ranking = rank(THREE, ranking_rule("weighted"))
    assert table(ranking) == [(1, "Bulk payments", 6.0), (2, "Receipts", 6.0),
                              (3, "Card controls", 5.0)]  # fmt: skip
    assert ranking.rule.shown == "0.33 × user_value + 0.33 × viability + 0.33 × feasibility"


def test_weighted_with_weights() -> None:
    # 0.5·9 + 0.3·3 + 0.2·6 = 6.6; 0.5·5 + 0.3·5 + 0.2·5 = 5; 0.5·2 + 0.3·8 + 0.2·8 = 5
    rule = ranking_rule("weighted", weights="user_value=0.5,viability=0.3,feasibility=0.2")
    assert table(rank(THREE, rule)) == [(1, "Bulk payments", 6.6), (2, "Card controls", 5.0),
                                        (3, "Receipts", 5.0)]  # fmt: skip


def test_weights_are_normalised_and_an_unnamed_dimension_gets_zero() -> None:
    # 2:1 → 2/3 and 1/3: Bulk 6 + 1 = 7, Card 10/3 + 5/3 = 5, Receipts 4/3 + 8/3 = 4
    rule = ranking_rule("weighted", weights="user_value=2, viability=1")
    assert rule.shown == "0.67 × user_value + 0.33 × viability"
    assert rule.formula.fields == ("user_value", "viability")
    assert table(rank(THREE, rule)) == [(1, "Bulk payments", 7.0), (2, "Card controls", 5.0),
                                        (3, "Receipts", 4.0)]  # fmt: skip


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ("value=1", "weights: 'value' is not a dimension; use user_value, viability, feasibility"),
        ("user_value=lots", "weights: 'lots' is not a number (user_value=lots)"),
        ("user_value=-1", "weights: must be a number of 0 or more (user_value=-1)"),
        ("user_value=0,viability=0", "weights: none may be negative and at least one must be "
         "above 0"),
        ("user_value=1,user_value=2", "weights: user_value is given twice"),
        ("user_value", "weights: write name=number, e.g. user_value=0.5,viability=0.3,"
         "feasibility=0.2 (got 'user_value')"),
        ("user_value=nan", "weights: must be a number of 0 or more (user_value=nan)"),
    ],
)  # fmt: skip
def test_bad_weights_are_one_line_errors(weights: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        ranking_rule("weighted", weights=weights)
    assert str(caught.value) == message


def test_weights_apply_to_weighted_only() -> None:
    with pytest.raises(InputError, match="--weights applies only to --by weighted"):
        ranking_rule("rice", weights="user_value=1")


def test_rice_by_hand_with_its_fallbacks() -> None:
    items = [
        # 40 × 2 × 0.8 / 4 = 16
        opportunity(1, "Bulk payments", reach=40, impact=2, confidence=0.8, effort_weeks=4),
        # no reach entered: accounts 100; no confidence: the lowest of reach, impact and
        # effort's own confidences (0.8, 0.5, 0.8) = 0.5; 100 × 1 × 0.5 / 8 = 6.25
        Assessed(
            2,
            "Receipts",
            *THREE[0].dimensions,
            fields={
                "accounts": estimate(100),
                "impact": estimate(1, confidence=0.5),
                "effort_weeks": estimate(8),
            },
        ),
        opportunity(3, "Card controls", reach=30, confidence=0.5, effort_weeks=2),
        opportunity(4, "Exports", impact=3, effort_weeks=2),
        opportunity(5, "Payroll", reach=10, impact=1, confidence=80, effort_weeks=2),
        opportunity(6, "Invoices", reach=10, impact=1, confidence=1, effort_weeks=0),
    ]
    ranking = rank(items, ranking_rule("RICE"))
    assert table(ranking) == [(1, "Bulk payments", 16.0), (2, "Receipts", 6.25)]
    assert ranking.ranked[1].derived == ("confidence",)
    assert ranking.ranked[1].inputs["reach"].value == 100
    assert reasons(ranking) == [
        ("Card controls", "needs impact"),
        ("Exports", "needs reach (or accounts)"),
        ("Payroll", "confidence 80 is outside 0–1 (RICE reads 80% as 0.8)"),
        ("Invoices", "not rankable: division by zero: effort_weeks is 0"),
    ]
    assert ranking.rule.shown == "reach × impact × confidence / effort_weeks"


def test_ice_and_wsjf_by_hand() -> None:
    items = [
        # ICE 2 × 7 × 5 = 70; WSJF (8 + 5 + 3) / 4 = 4
        opportunity(
            1,
            "Bulk payments",
            impact=2,
            confidence=7,
            ease=5,
            business_value=8,
            time_criticality=5,
            risk_reduction=3,
            effort_weeks=4,
        ),
        # ICE 3 × 8 × 4 = 96; WSJF (3 + 8 + 1) / 2 = 6
        opportunity(
            2,
            "Card controls",
            impact=3,
            confidence=8,
            ease=4,
            business_value=3,
            time_criticality=8,
            risk_reduction=1,
            effort_weeks=2,
        ),
        opportunity(3, "Receipts", impact=3, confidence=8),
    ]
    ice = rank(items, ranking_rule("ice"))
    assert table(ice) == [(1, "Card controls", 96.0), (2, "Bulk payments", 70.0)]
    assert reasons(ice) == [("Receipts", "needs ease")]
    wsjf = rank(items, ranking_rule("wsjf"))
    assert table(wsjf) == [(1, "Card controls", 6.0), (2, "Bulk payments", 4.0)]
    assert reasons(wsjf) == [
        ("Receipts", "needs business_value, time_criticality, risk_reduction, effort_weeks")
    ]


def test_custom_formula_reads_fields_and_dimension_scores() -> None:
    # user_value comes from the dimension when no field carries it: 9·2 − 6 = 12, 5·2 − 1 = 9
    items = [
        opportunity(1, "Bulk payments", (9, 3, 6), effort_weeks=6),
        opportunity(2, "Card controls", (5, 5, 5), effort_weeks=1),
        opportunity(3, "Receipts", (2, 8, 8), effort_weeks=0, reach=4),
    ]
    ranking = rank(items, ranking_rule("user_value * 2 - effort_weeks"))
    assert table(ranking) == [(1, "Bulk payments", 12.0), (2, "Card controls", 9.0),
                              (3, "Receipts", 4.0)]  # fmt: skip
    assert ranking.rule.name == "custom"
    assert ranking.rule.shown == "user_value * 2 - effort_weeks"
    loose = rank(items, ranking_rule("reach / effort_weeks", known=known_fields(items)))
    assert reasons(loose) == [
        ("Bulk payments", "needs reach"),
        ("Card controls", "needs reach"),
        ("Receipts", "not rankable: division by zero: effort_weeks is 0"),
    ]


def test_a_custom_formula_may_use_any_field_an_opportunity_has() -> None:
    items = [opportunity(1, "Bulk payments", partner_asks=3)]
    assert "partner_asks" in known_fields(items)
    assert table(rank(items, ranking_rule("partner_asks", known=known_fields(items)))) == [
        (1, "Bulk payments", 3.0)
    ]
    with pytest.raises(InputError, match="unknown field 'partner_asks'"):
        ranking_rule("partner_asks")


def test_a_dimension_nobody_assessed_is_not_ranked_on() -> None:
    # its 5 is a placeholder: ranking on it would be a silent default
    unknown = Dimension(DimensionName.FEASIBILITY, estimate((5, 0, 10), confidence=0), known=False)
    guess = Assessed(
        4, "Exports", *THREE[1].dimensions[:2], unknown, {"feasibility": unknown.score}
    )
    ranking = rank([*THREE, guess], ranking_rule("weighted"))
    assert [r.item.title for r in ranking.ranked] == ["Bulk payments", "Receipts", "Card controls"]
    assert reasons(ranking) == [("Exports", "needs feasibility (not assessed yet)")]
    only_value = rank([guess], ranking_rule("weighted", weights="user_value=1"))
    assert table(only_value) == [(1, "Exports", 5.0)]
