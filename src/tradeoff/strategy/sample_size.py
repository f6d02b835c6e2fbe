"""The arithmetic of an experiment: how many per arm, and what a result means by its rule.

Both are the textbook two-sided two-proportion z-test, with ``statistics.NormalDist`` for
the normal quantiles (no statistics package needed):

- **Sample size per arm** to detect a change from ``p1`` (the baseline rate) to ``p2``
  (the baseline moved by the minimum effect worth acting on) with significance ``alpha``
  and the chosen ``power``::

      n = (z₁₋α/₂ · √(2·p̄(1−p̄)) + z₁₋β · √(p1(1−p1) + p2(1−p2)))² / (p2 − p1)²,
      p̄ = (p1 + p2) / 2, rounded up.

  p1 = 0.10, p2 = 0.12, α = 0.05, power 0.8 gives 3,841 per arm.
- **The test** pools the two arms under the null hypothesis of no difference:
  ``z = (pt − pc) / √(p(1−p)(1/nc + 1/nt))`` with ``p`` the pooled rate, and the two-sided
  p-value ``2·(1 − Φ(|z|))``.
- **The decision rules** (``judge_arms``, ``judge_threshold``): pure functions of the figures,
  defined in ``tradeoff.strategy.experiments``' docstring; that module stores and links.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from tradeoff.domain.enums import ExperimentResult
from tradeoff.errors import InputError

STANDARD_NORMAL = NormalDist()


def z_quantile(probability: float) -> float:
    """The standard normal quantile: ``z_quantile(0.975)`` is 1.95996…"""
    return STANDARD_NORMAL.inv_cdf(probability)


def sample_size_per_arm(
    baseline: float, effect: float, *, alpha: float = 0.05, power: float = 0.8, up: bool = True
) -> int:
    """The smallest n per arm for a two-sided two-proportion z-test to detect ``effect``.

    ``up`` says which way the hypothesis moves the rate (p2 = baseline ± effect).

    >>> sample_size_per_arm(0.10, 0.02, alpha=0.05, power=0.8)
    3841
    """
    if not 0 < baseline < 1:
        raise InputError(f"the baseline rate must lie strictly between 0 and 1, got {baseline:g}")
    if effect <= 0:
        raise InputError(f"the minimum effect must be above 0, got {effect:g}")
    if not 0 < alpha < 1 or not 0 < power < 1:
        raise InputError(f"alpha and power must lie strictly between 0 and 1 ({alpha}, {power})")
    p1 = baseline
    p2 = baseline + effect if up else baseline - effect
    if not 0 < p2 < 1:
        shown = "above 1" if up else "below 0"
        raise InputError(f"the baseline {p1:g} moved by the effect {effect:g} goes {shown}")
    pooled = (p1 + p2) / 2
    spread = z_quantile(1 - alpha / 2) * math.sqrt(2 * pooled * (1 - pooled))
    spread += z_quantile(power) * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    # The tiny tolerance keeps an exact whole number (in real arithmetic) from rounding up
    # because of float noise in the last bit.
    return math.ceil(spread**2 / (p2 - p1) ** 2 - 1e-9)


@dataclass(frozen=True)
class Arm:
    """One arm's count and successes (conversions, activations, …)."""

    n: int
    successes: int

    @property
    def rate(self) -> float:
        return self.successes / self.n


@dataclass(frozen=True)
class TestResult:
    """The treatment's lift over control (an absolute difference in rates), its z and the
    two-sided p-value."""

    lift: float
    z: float
    p_value: float


def two_proportion_test(control: Arm, treatment: Arm) -> TestResult:
    """The two-sided pooled two-proportion z-test of treatment against control.

    >>> round(two_proportion_test(Arm(1000, 100), Arm(1000, 130)).p_value, 4)
    0.0355
    """
    if control.n <= 0 or treatment.n <= 0:
        raise InputError("each arm needs at least one participant")
    pooled = (control.successes + treatment.successes) / (control.n + treatment.n)
    lift = treatment.rate - control.rate
    variance = pooled * (1 - pooled) * (1 / control.n + 1 / treatment.n)
    if variance == 0:
        # Every participant converted, or none did: the arms cannot differ.
        return TestResult(lift, 0.0, 1.0)
    z = lift / math.sqrt(variance)
    return TestResult(lift, z, 2 * (1 - STANDARD_NORMAL.cdf(abs(z))))


@dataclass(frozen=True)
class Verdict:
    """What the rule says about a result, with the sentence that explains it."""

    result: ExperimentResult
    observed: float
    reasons: tuple[str, ...]
    underpowered: bool = False
    test: TestResult | None = None


def points(value: float) -> str:
    """A difference in rates as percentage points: ``+3.0 points``."""
    return f"{value * 100:+.1f} points"


def judge_arms(
    control: Arm,
    treatment: Arm,
    *,
    alpha: float,
    minimum_effect: float | None,
    up: bool,
    required_n: int | None,
) -> Verdict:
    """The pre-registered rule applied to two arms (module docstring).

    >>> judge_arms(Arm(1000, 100), Arm(1000, 130), alpha=0.05, minimum_effect=0.02,
    ...            up=True, required_n=3841).result
    <ExperimentResult.PASSED: 'passed'>
    """
    test = two_proportion_test(control, treatment)
    lift = test.lift if up else -test.lift
    figures = (
        f"treatment {treatment.rate:.1%} ({treatment.successes:,}/{treatment.n:,}) against "
        f"control {control.rate:.1%} ({control.successes:,}/{control.n:,}): "
        f"{points(test.lift)}, p = {test.p_value:.4f}"
    )
    significant = test.p_value < alpha
    wanted = "higher" if up else "lower"
    if significant and lift > 0 and (minimum_effect is None or lift >= minimum_effect - 1e-12):
        result = ExperimentResult.PASSED
        why = f"p < alpha {alpha:g} with the rate {wanted} as hypothesised"
        if minimum_effect is not None:
            why += f", by at least the minimum effect ({minimum_effect * 100:.1f} points)"
    elif significant and lift < 0:
        result = ExperimentResult.FAILED
        why = f"p < alpha {alpha:g}, but the rate moved the other way from the hypothesis"
    elif significant:
        result = ExperimentResult.INCONCLUSIVE
        why = (
            f"p < alpha {alpha:g}, but the change is smaller than the minimum effect worth "
            f"acting on ({(minimum_effect or 0) * 100:.1f} points)"
        )
    else:
        result = ExperimentResult.INCONCLUSIVE
        why = f"p is not below alpha {alpha:g}: no difference can be claimed"
    reasons = [f"{result.value}: {figures}; {why}"]
    smallest = min(control.n, treatment.n)
    underpowered = required_n is not None and smallest < required_n
    if underpowered:
        assert required_n is not None
        consequence = (
            "a real effect of the minimum size would likely have gone unseen"
            if result is ExperimentResult.INCONCLUSIVE
            else "a significant result on a small sample tends to overstate the effect"
        )
        reasons.append(
            f"under-powered: {smallest:,} in the smaller arm, below the {required_n:,} per "
            f"arm computed in advance; {consequence}"
        )
    elif required_n is None:
        reasons.append("no sample size was planned (no baseline and effect were given)")
    return Verdict(result, test.lift, tuple(reasons), underpowered, test)


def judge_threshold(mean: float, count: int, *, threshold: float, up: bool, unit: str) -> Verdict:
    """A metric's mean over the window against the threshold, on its good side.

    >>> judge_threshold(46.5, 13, threshold=48, up=False, unit="hours").result
    <ExperimentResult.PASSED: 'passed'>
    """
    met = mean >= threshold if up else mean <= threshold
    side = "at or above" if up else "at or below"
    result = ExperimentResult.PASSED if met else ExperimentResult.FAILED
    shown = f"{mean:,.4g}{unit}"
    return Verdict(
        result,
        mean,
        (
            f"{result.value}: the mean over the window is {shown} ({count} values); the rule "
            f"needs it {side} {threshold:,g}{unit}",
        ),
    )


def parse_arm(text: str, name: str) -> Arm:
    """``1000/130``: participants, then successes."""
    parts = text.replace(",", "").replace("_", "").split("/")
    try:
        n, successes = (int(p) for p in parts)
    except ValueError:
        raise InputError(f"--{name} is N/SUCCESSES, like 1000/130; got {text!r}") from None
    if n <= 0 or not 0 <= successes <= n:
        raise InputError(f"--{name} {text}: successes must lie between 0 and N, N above 0")
    return Arm(n, successes)
