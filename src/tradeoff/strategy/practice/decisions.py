"""Rules on the decision log (principle 8): a decision taken without the signal that would
change it cannot be revisited honestly, and one with a single option weighed nothing."""

from __future__ import annotations

from tradeoff.domain.decisions import Decision
from tradeoff.domain.enums import DecisionStatus
from tradeoff.storage.decision_log import all_decisions
from tradeoff.storage.session import read_session
from tradeoff.strategy.practice.model import CheckContext, Finding, RuleResult

#: Decisions that stand: taken and neither superseded nor reversed (a proposal is a draft).
STANDING = (DecisionStatus.DECIDED, DecisionStatus.NOT_YET)


def _standing(ctx: CheckContext) -> list[Decision]:
    with read_session(ctx.engine) as session:
        return [d for d in all_decisions(session) if d.status in STANDING and d.id is not None]


def decisions_without_revisit_signal(ctx: CheckContext) -> RuleResult:
    found = [
        Finding(d.id or 0, d.title, d.status.value) for d in _standing(ctx) if not d.revisit_signals
    ]
    return RuleResult(
        key="decision-revisit",
        title="decisions without a revisit signal",
        principle=8,
        passed=not found,
        count=len(found),
        findings=tuple(found),
        advice="Write the signal that would change each decision (a metric crossing a line, a "
        "theme growing), so it is revisited on evidence, not on pressure.",
    )


def decisions_without_options(ctx: CheckContext) -> RuleResult:
    least = ctx.thresholds.min_options
    found = [
        Finding(d.id or 0, d.title, f"{len(d.options)} option(s)")
        for d in _standing(ctx)
        if len(d.options) < least
    ]
    return RuleResult(
        key="decision-options",
        title=f"decisions with fewer than {least} options",
        principle=8,
        passed=not found,
        count=len(found),
        findings=tuple(found),
        advice="Record the options that were weighed, including doing nothing, so the "
        "trade-off accepted is visible.",
    )
