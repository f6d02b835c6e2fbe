"""How the briefs say a key result's progress: the figures ``goals_progress`` computed,
written as claims, the standing as an inference and each output flag beside it."""

from __future__ import annotations

from tradeoff.reports.briefs.claims import Claim, fact, inference, share_text
from tradeoff.strategy.goals import KeyResultProgress
from tradeoff.strategy.progress import Standing

PACE_BASIS = "progress against a steady pace from the period's start to the key result's date"
FLAG_BASIS = "the key result's wording and its metric's kind (principle 1: results, not output)"


def number(value: float) -> str:
    """A value as people write it (the CLI's form): no trailing ``.0``, thousands separated,
    at most two decimals."""
    if value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def key_result_claims(kr: KeyResultProgress) -> list[Claim]:
    """One key result: where its metric stands (fact), whether that is on pace (inference),
    and why it is flagged, if it is (inference)."""
    p, text = kr.progress, kr.key_result.description
    claims: list[Claim] = []
    if kr.metric is None:
        claims.append(
            inference(f"{text}: progress cannot be computed (it names no metric)", FLAG_BASIS)
        )
    else:
        source = f"metric values of {kr.metric.name} (tradeoff goals)"
        unit = f" {kr.metric.unit}" if kr.metric.unit else ""
        if p.current is None or p.current_on is None:
            claims.append(fact(f"{text}: no values of {kr.metric.name} yet", source, 0))
        else:
            span = ""
            if p.baseline is not None and p.target is not None:
                span = f" (baseline {number(p.baseline)}, target {number(p.target)})"
            done = "" if p.ratio is None else f": {share_text(p.ratio)} of the way"
            claims.append(
                fact(
                    f"{text}: {kr.metric.name} at {number(p.current)}{unit} on "
                    f"{p.current_on.isoformat()}{span}{done}",
                    source,
                    1,
                )
            )
        if p.ratio is not None:
            claims.append(
                inference(
                    f"{_standing(p.standing)}: {share_text(p.expected)} of the time to the "
                    "key result's date has passed",
                    PACE_BASIS,
                )
            )
    claims += [inference(f"Flagged: {flag}", FLAG_BASIS) for flag in p.flags]
    return claims


def _standing(standing: Standing) -> str:
    return standing.value[0].upper() + standing.value[1:]
