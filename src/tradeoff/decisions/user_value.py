"""User value: does the opportunity matter to real people, judged from its problems' evidence.

    reach      = 0.6 × relative(accounts, workspace accounts)
               + 0.4 × relative(end users, workspace end users)
    frequency  = relative(fresh items, workspace fresh items)
    severity   = high 1.0, medium 0.8, low 0.6 (the most severe linked problem;
                 not set → 0.8, ranging 0.6..1.0)
    quality    = (0.7 + 0.3 × observed share) × (0.6 + 0.4 × direct share)
    user value = 10 × (0.7 × reach + 0.3 × frequency) × severity × quality

``relative`` is ``decisions.scales.relative`` (a share on a log scale). Workspace accounts
and end users are those with any evidence; fresh items are decayed by age exactly as
``tradeoff demand`` decays them. Quality discounts what people said (stated) against what
they did (observed), and what our own people relayed (proxy) against what users told us
directly (principles 5 and 6). The range comes from the unknown severity and from the
sampling error of the two shares (± 1/√items).

    confidence = min(1, log2(1 + accounts) / log2(17)) × (0.4 + 0.3 × observed + 0.3 × direct)

— one account gives 0.24 of the first factor, 16 or more give all of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tradeoff.decisions.estimates import Dimension, DimensionName, Estimate, Origin
from tradeoff.decisions.scales import TOP, clamp, relative
from tradeoff.domain.enums import Level

SEVERITY_FACTOR = {Level.LOW: 0.6, Level.MEDIUM: 0.8, Level.HIGH: 1.0}
UNKNOWN_SEVERITY = (0.8, 0.6, 1.0)  # value, low, high
REACH_WEIGHT, FREQUENCY_WEIGHT = 0.7, 0.3
ACCOUNTS_FOR_FULL_CONFIDENCE = 16


@dataclass(frozen=True)
class UserValueInputs:
    """The opportunity's evidence figures and the workspace's, all as of one day."""

    accounts: int
    end_users: int
    items: int
    observed: int
    proxy: int
    fresh_items: float
    severity: Level | None
    severity_source: str | None  # "problem 3" — which linked problem set the severity
    workspace_accounts: int
    workspace_end_users: int
    workspace_fresh_items: float


def quality(observed_share: float, direct_share: float) -> float:
    return (0.7 + 0.3 * clamp(observed_share)) * (0.6 + 0.4 * clamp(direct_share))


def evidence_confidence(accounts: int, observed_share: float, direct_share: float) -> float:
    spread = min(1.0, math.log2(1 + accounts) / math.log2(1 + ACCOUNTS_FOR_FULL_CONFIDENCE))
    return spread * (0.4 + 0.3 * clamp(observed_share) + 0.3 * clamp(direct_share))


def user_value(inputs: UserValueInputs) -> Dimension:
    """The computed dimension (an override is applied by ``assessment``)."""
    if inputs.items <= 0:
        return Dimension(
            DimensionName.USER_VALUE,
            Estimate(5.0, 0.0, 10.0, 0.0, Origin.COMPUTED, "no evidence yet"),
            (
                "no evidence: link a problem with evidence "
                "(tradeoff opportunity link ID --problem N) or override with a reason",
            ),
            known=False,
        )
    observed = inputs.observed / inputs.items
    direct = (inputs.items - inputs.proxy) / inputs.items
    error = 1 / math.sqrt(inputs.items)
    account_part = relative(inputs.accounts, inputs.workspace_accounts)
    user_part = relative(inputs.end_users, inputs.workspace_end_users)
    reach = 0.6 * account_part + 0.4 * user_part
    frequency = relative(inputs.fresh_items, inputs.workspace_fresh_items)
    evidence = REACH_WEIGHT * reach + FREQUENCY_WEIGHT * frequency
    if inputs.severity is not None:
        severity = low_severity = high_severity = SEVERITY_FACTOR[inputs.severity]
    else:
        severity, low_severity, high_severity = UNKNOWN_SEVERITY
    value = TOP * evidence * severity * quality(observed, direct)
    low = TOP * evidence * low_severity * quality(observed - error, direct - error)
    high = TOP * evidence * high_severity * quality(observed + error, direct + error)
    confidence = evidence_confidence(inputs.accounts, observed, direct)
    severity_words = (
        f"{inputs.severity.value} ({inputs.severity_source})"
        if inputs.severity is not None
        else "not set on any linked problem"
    )
    basis = (
        f"reach: {inputs.accounts:,} of {inputs.workspace_accounts:,} accounts → "
        f"{account_part:.2f}, {inputs.end_users:,} of {inputs.workspace_end_users:,} end users "
        f"→ {user_part:.2f}; reach = 0.6 × {account_part:.2f} + 0.4 × {user_part:.2f} = "
        f"{reach:.2f}",
        f"frequency: {inputs.fresh_items:,.1f} fresh items of {inputs.workspace_fresh_items:,.1f}"
        f" in the workspace → {frequency:.2f}",
        f"severity: {severity_words} → ×{severity:.1f}"
        + ("" if inputs.severity is not None else " (range ×0.6..×1.0)"),
        f"evidence quality: {observed:.0%} observed, {direct:.0%} direct → "
        f"×{quality(observed, direct):.2f} (stated and relayed evidence count less)",
        f"user value = 10 × ({REACH_WEIGHT} × {reach:.2f} + {FREQUENCY_WEIGHT} × "
        f"{frequency:.2f}) × {severity:.1f} × {quality(observed, direct):.2f} = {value:.1f}",
        f"confidence {confidence:.2f}: {inputs.accounts:,} accounts, evidence mix "
        f"{observed:.0%} observed / {direct:.0%} direct",
    )
    summary = (
        f"{inputs.accounts:,} accounts, {inputs.end_users:,} end users, "
        f"{inputs.fresh_items:,.1f} fresh items, severity "
        f"{inputs.severity.value if inputs.severity else 'not set'}, {observed:.0%} observed, "
        f"{direct:.0%} direct"
    )
    score = Estimate(
        round(value, 2),
        round(min(low, value), 2),
        round(max(high, value), 2),
        round(clamp(confidence), 2),
        Origin.COMPUTED,
        summary,
    )
    return Dimension(DimensionName.USER_VALUE, score, basis)
