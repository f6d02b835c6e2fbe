"""Sample sizes, the z-test and the pre-registered decision rule against figures computed by
hand here, with the normal quantiles typed in as constants (not taken from the code)."""

from __future__ import annotations

import math

import pytest

from tradeoff.domain.enums import ExperimentResult
from tradeoff.errors import InputError
from tradeoff.strategy.sample_size import (
    Arm,
    judge_arms,
    judge_threshold,
    parse_arm,
    sample_size_per_arm,
    two_proportion_test,
)

# Standard normal quantiles from a table, to 16 digits.
Z_0_95 = 1.6448536269514722  # one-sided 5%: two-sided alpha 0.10
Z_0_975 = 1.959963984540054  # two-sided alpha 0.05
Z_0_995 = 2.5758293035489004  # two-sided alpha 0.01
Z_0_80 = 0.8416212335729143  # power 0.8
Z_0_90 = 1.2815515655446004  # power 0.9


def by_hand(p1: float, p2: float, z_alpha: float, z_power: float) -> float:
    """The formula written out once more, in plain Python, before rounding up."""
    mean = (p1 + p2) / 2
    top = z_alpha * math.sqrt(2 * mean * (1 - mean))
    top += z_power * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return top**2 / (p2 - p1) ** 2


@pytest.mark.parametrize(
    ("baseline", "effect", "alpha", "power", "up", "z_alpha", "z_power", "expected"),
    [
        # 10 % → 12 %: (1.95996·√(2·.11·.89) + 0.84162·√(.09 + .1056))² / .02² = 3840.9
        (0.10, 0.02, 0.05, 0.8, True, Z_0_975, Z_0_80, 3841),
        # 20 % → 25 % at power 0.9: 1463.7
        (0.20, 0.05, 0.05, 0.9, True, Z_0_975, Z_0_90, 1464),
        # a rate that should fall, 5 % → 4 % at alpha 0.01: 10036.6
        (0.05, 0.01, 0.01, 0.8, False, Z_0_995, Z_0_80, 10037),
        # 30 % → 35 % at alpha 0.10: 1083.99
        (0.30, 0.05, 0.10, 0.8, True, Z_0_95, Z_0_80, 1084),
    ],
)
def test_sample_size_per_arm_matches_the_formula_by_hand(
    baseline: float,
    effect: float,
    alpha: float,
    power: float,
    up: bool,
    z_alpha: float,
    z_power: float,
    expected: int,
) -> None:
    p2 = baseline + effect if up else baseline - effect
    assert math.ceil(by_hand(baseline, p2, z_alpha, z_power)) == expected
    assert sample_size_per_arm(baseline, effect, alpha=alpha, power=power, up=up) == expected


def test_a_design_that_cannot_be_computed_is_refused() -> None:
    with pytest.raises(InputError, match="strictly between 0 and 1"):
        sample_size_per_arm(0.0, 0.02)
    with pytest.raises(InputError, match="above 0"):
        sample_size_per_arm(0.10, 0.0)
    with pytest.raises(InputError, match="goes above 1"):
        sample_size_per_arm(0.95, 0.10)
    with pytest.raises(InputError, match="goes below 0"):
        sample_size_per_arm(0.05, 0.10, up=False)


def test_the_pooled_z_test_matches_a_hand_computation() -> None:
    # pooled (100 + 130) / 2000 = 0.115; SE = √(0.115 · 0.885 · (1/1000 + 1/1000))
    se = math.sqrt(0.115 * 0.885 * 0.002)
    z = 0.03 / se  # 2.1027
    p_value = math.erfc(z / math.sqrt(2))  # two-sided: 2·(1 − Φ(z)) = erfc(z/√2)
    result = two_proportion_test(Arm(1000, 100), Arm(1000, 130))
    assert result.lift == pytest.approx(0.03)
    assert result.z == pytest.approx(z, rel=1e-12)
    assert result.p_value == pytest.approx(p_value, rel=1e-9)
    assert round(result.p_value, 4) == 0.0355


def test_arms_that_cannot_differ_give_p_one() -> None:
    assert two_proportion_test(Arm(50, 0), Arm(60, 0)).p_value == 1.0
    assert two_proportion_test(Arm(50, 50), Arm(60, 60)).p_value == 1.0


def p_two_sided(control: Arm, treatment: Arm) -> float:
    pooled = (control.successes + treatment.successes) / (control.n + treatment.n)
    se = math.sqrt(pooled * (1 - pooled) * (1 / control.n + 1 / treatment.n))
    z = (treatment.successes / treatment.n - control.successes / control.n) / se
    return math.erfc(abs(z) / math.sqrt(2))


def test_passed_when_significant_in_the_hypothesised_direction_and_large_enough() -> None:
    control, treatment = Arm(4000, 400), Arm(4000, 520)  # 10 % → 13 %
    assert p_two_sided(control, treatment) < 0.05
    verdict = judge_arms(
        control, treatment, alpha=0.05, minimum_effect=0.02, up=True, required_n=3841
    )
    assert verdict.result is ExperimentResult.PASSED
    assert verdict.observed == pytest.approx(0.03)
    assert not verdict.underpowered
    assert len(verdict.reasons) == 1
    assert verdict.reasons[0].startswith(
        "passed: treatment 13.0% (520/4,000) against control 10.0% (400/4,000): +3.0 points, p = "
    )


def test_failed_when_significant_the_other_way() -> None:
    control, treatment = Arm(1000, 100), Arm(1000, 70)
    assert p_two_sided(control, treatment) == pytest.approx(0.016155, abs=1e-6)
    verdict = judge_arms(
        control, treatment, alpha=0.05, minimum_effect=0.02, up=True, required_n=None
    )
    assert verdict.result is ExperimentResult.FAILED
    assert "the rate moved the other way" in verdict.reasons[0]
    assert verdict.reasons[1] == "no sample size was planned (no baseline and effect were given)"


def test_a_fall_is_a_pass_when_the_metric_should_go_down() -> None:
    verdict = judge_arms(
        Arm(1000, 100), Arm(1000, 70), alpha=0.05, minimum_effect=0.02, up=False, required_n=None
    )
    assert verdict.result is ExperimentResult.PASSED


def test_inconclusive_when_not_significant_and_the_sample_is_too_small() -> None:
    control, treatment = Arm(1000, 100), Arm(1000, 110)
    assert p_two_sided(control, treatment) == pytest.approx(0.465744, abs=1e-6)
    verdict = judge_arms(
        control, treatment, alpha=0.05, minimum_effect=0.02, up=True, required_n=3841
    )
    assert verdict.result is ExperimentResult.INCONCLUSIVE
    assert verdict.underpowered
    assert verdict.reasons[1] == (
        "under-powered: 1,000 in the smaller arm, below the 3,841 per arm computed in "
        "advance; a real effect of the minimum size would likely have gone unseen"
    )


def test_inconclusive_when_significant_but_smaller_than_the_minimum_effect() -> None:
    control, treatment = Arm(20000, 2000), Arm(20000, 2150)  # +0.75 points
    assert p_two_sided(control, treatment) == pytest.approx(0.013912, abs=1e-6)
    verdict = judge_arms(
        control, treatment, alpha=0.05, minimum_effect=0.02, up=True, required_n=3841
    )
    assert verdict.result is ExperimentResult.INCONCLUSIVE
    assert "smaller than the minimum effect worth acting on (2.0 points)" in verdict.reasons[0]
    # Without a minimum effect the same figures pass.
    plain = judge_arms(
        control, treatment, alpha=0.05, minimum_effect=None, up=True, required_n=None
    )
    assert plain.result is ExperimentResult.PASSED


def test_a_pass_on_a_small_sample_says_so() -> None:
    verdict = judge_arms(
        Arm(1000, 100), Arm(1000, 130), alpha=0.05, minimum_effect=0.02, up=True, required_n=3841
    )
    assert verdict.result is ExperimentResult.PASSED
    assert verdict.underpowered
    assert verdict.reasons[1].endswith(
        "a significant result on a small sample tends to overstate the effect"
    )


def test_a_stricter_alpha_turns_the_same_arms_inconclusive() -> None:
    # p = 0.0355 passes at 0.05 and not at 0.01.
    verdict = judge_arms(
        Arm(1000, 100), Arm(1000, 130), alpha=0.01, minimum_effect=0.02, up=True, required_n=None
    )
    assert verdict.result is ExperimentResult.INCONCLUSIVE


def test_threshold_rule_is_direction_aware() -> None:
    down = judge_threshold(46.5, 13, threshold=48, up=False, unit=" hours")
    assert down.result is ExperimentResult.PASSED
    assert down.reasons == (
        "passed: the mean over the window is 46.5 hours (13 values); the rule needs it at or "
        "below 48 hours",
    )
    assert judge_threshold(48.0, 1, threshold=48, up=False, unit="").result.value == "passed"
    assert judge_threshold(48.1, 1, threshold=48, up=False, unit="").result.value == "failed"
    assert judge_threshold(1290, 4, threshold=1300, up=True, unit="").result.value == "failed"


def test_arms_are_read_as_n_slash_successes() -> None:
    assert parse_arm("1,000/130", "treatment") == Arm(1000, 130)
    for bad in ("1000", "130/1000", "0/0", "a/b", "10/-1"):
        with pytest.raises(InputError):
            parse_arm(bad, "control")
