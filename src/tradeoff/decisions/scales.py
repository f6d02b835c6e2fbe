"""The few scales every assessment is built from, so a PM can redo any score by hand.

- ``relative(part, whole)``: a share on a log scale, ``ln(1 + 100·s) / ln(101)`` with
  ``s = min(part / whole, 1)``: 1% → 0.15, 5% → 0.39, 10% → 0.52, 20% → 0.66, 50% → 0.85,
  100% → 1. Small shares still register and the tenth account adds more than the hundredth.
- ``goodness``: an entered 0..10 factor turned into 0..1 where 1 is good for the
  opportunity (``v / 10`` when higher is better, ``1 - v / 10`` when higher is worse).
- ``weighted_mean``: the parts of a dimension that are known, each with its weight; parts
  nobody entered are left out rather than guessed.
- Confidence words: ``low`` 0.5, ``medium`` 0.8, ``high`` 1.0 — the RICE scale, so the
  ``confidence`` field of RICE and an estimate's own confidence read the same. An entry
  with no confidence counts as ``DEFAULT_CONFIDENCE`` (0.5, "low": nobody vouched for it).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tradeoff.decisions.estimates import Estimate, Origin
from tradeoff.domain.problems import OpportunityEstimate
from tradeoff.errors import InputError

SCALE_STEPS = 100
CONFIDENCE_WORDS = {"low": 0.5, "medium": 0.8, "high": 1.0}
DEFAULT_CONFIDENCE = 0.5
TOP = 10.0


def relative(part: float, whole: float) -> float:
    """``part`` as a share of ``whole`` on the log scale above (0 when either is 0)."""
    if part <= 0 or whole <= 0:
        return 0.0
    share = min(part / whole, 1.0)
    return math.log1p(SCALE_STEPS * share) / math.log1p(SCALE_STEPS)


def clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def goodness(value: float, *, higher_is_better: bool) -> float:
    """A 0..10 entry as 0..1, 1 being good for the opportunity."""
    share = clamp(value / TOP)
    return share if higher_is_better else 1.0 - share


@dataclass(frozen=True)
class Part:
    """One known part of a dimension: its 0..1 goodness with bounds, weight and confidence."""

    name: str
    weight: float
    value: float
    low: float
    high: float
    confidence: float


def weighted_mean(parts: Sequence[Part], possible_weight: float) -> Estimate:
    """The parts' weighted mean on 0..10, bounds from each part's bounds; confidence is the
    weighted mean of the parts' confidences times ``0.5 + 0.5 × coverage``, coverage being
    the share of ``possible_weight`` that is known."""
    total = sum(p.weight for p in parts)
    value = TOP * sum(p.weight * p.value for p in parts) / total
    low = TOP * sum(p.weight * p.low for p in parts) / total
    high = TOP * sum(p.weight * p.high for p in parts) / total
    coverage = min(total / possible_weight, 1.0)
    confidence = sum(p.weight * p.confidence for p in parts) / total * (0.5 + 0.5 * coverage)
    return Estimate(
        round(value, 2),
        round(min(low, value), 2),
        round(max(high, value), 2),
        round(clamp(confidence), 2),
        Origin.COMPUTED,
        "",
    )


def parse_confidence(value: str | float | None) -> float | None:
    """``low``/``medium``/``high``, a figure in 0..1, or a percentage (``70%``); None stays
    None. The one place confidence is read, for the CLI and the demo alike."""
    if value is None:
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = value.strip().lower()
        if text in CONFIDENCE_WORDS:
            return CONFIDENCE_WORDS[text]
        try:
            number = float(text.removesuffix("%")) / (100 if text.endswith("%") else 1)
        except ValueError:
            raise InputError(
                f"confidence {value!r} is not low, medium, high or a figure from 0 to 1"
            ) from None
    if not 0.0 <= number <= 1.0 or math.isnan(number):
        raise InputError(f"confidence must be from 0 to 1 (or low/medium/high), got {value!r}")
    return number


def parse_range(text: str) -> tuple[float, float]:
    """``4..8`` (or ``4-8``) as (4.0, 8.0); a single number is a range of one."""
    cleaned = text.strip().replace("–", "..")
    low_text, separator, high_text = cleaned.partition("..")
    if not separator and cleaned.count("-") == 1 and not cleaned.startswith("-"):
        low_text, _, high_text = cleaned.partition("-")
        separator = "-"
    try:
        low = float(low_text)
        high = float(high_text) if separator else low
    except ValueError:
        raise InputError(f"a range is written like 4..8, got {text!r}") from None
    if not (math.isfinite(low) and math.isfinite(high)):
        raise InputError(f"a range needs finite numbers, got {text!r}")
    if low > high:
        raise InputError(f"a range goes from low to high, got {text!r}")
    return low, high


def entered(estimate: OpportunityEstimate) -> Estimate:
    """A stored entry as the shared Estimate: its range (or the value alone) and its
    confidence (or the default), with who entered it and why as the basis."""
    low = estimate.low if estimate.low is not None else estimate.value
    high = estimate.high if estimate.high is not None else estimate.value
    confidence = estimate.confidence if estimate.confidence is not None else DEFAULT_CONFIDENCE
    return Estimate(estimate.value, low, high, confidence, Origin.ENTERED, entry_basis(estimate))


def entry_basis(estimate: OpportunityEstimate) -> str:
    """``entered by ana@x on 2026-10-02: "reason"`` — the line shown beside the figure."""
    who = f" by {estimate.entered_by}" if estimate.entered_by else ""
    why = f": {estimate.reason}" if estimate.reason else ""
    confidence = "" if estimate.confidence is not None else " (confidence not given: 0.5)"
    return f"entered{who} on {estimate.entered_at.date().isoformat()}{why}{confidence}"


def figure(value: float) -> str:
    """A number as a PM writes it: 12, 3.5, 0.25."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def span(estimate: Estimate) -> str:
    """``6`` or ``6 (4..8)``."""
    if estimate.low == estimate.high:
        return figure(estimate.value)
    return f"{figure(estimate.value)} ({figure(estimate.low)}..{figure(estimate.high)})"


def factor_parts(
    entries: Mapping[str, Estimate], factors: Mapping[str, tuple[float, bool]]
) -> tuple[list[Part], list[str]]:
    """The entered 0..10 factors (name → weight, higher-is-better) as weighted parts, each
    with the basis line that shows it; factors nobody entered are left out."""
    parts: list[Part] = []
    basis: list[str] = []
    for name, (weight, better) in factors.items():
        entry = entries.get(name)
        if entry is None:
            continue
        value = goodness(entry.value, higher_is_better=better)
        ends = sorted(
            (goodness(entry.low, higher_is_better=better),
             goodness(entry.high, higher_is_better=better))
        )  # fmt: skip
        parts.append(Part(name, weight, value, ends[0], ends[1], entry.confidence))
        direction = "higher is better" if better else "higher is worse"
        basis.append(
            f"{name} {span(entry)} of 10 ({direction}) → {value:.2f} (weight {weight:g}, "
            f"confidence {entry.confidence:.2f})"
        )
    return parts, basis
