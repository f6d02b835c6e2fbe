"""The practice check: every rule, in the order the product brief states the principles.

A rule is a function of a ``CheckContext`` returning a ``RuleResult``; adding one is one
function and one line in ``RULES``.

>>> run_check(engine, as_of=date(2026, 10, 31)).score  # doctest: +SKIP
'7/12'
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Engine

from tradeoff.strategy.practice import decisions, evidence, focus, team
from tradeoff.strategy.practice.model import CheckContext, CheckReport, Rule
from tradeoff.strategy.practice.thresholds import DEFAULT_THRESHOLDS, Thresholds

RULES: tuple[Rule, ...] = (
    focus.roadmap_without_goal,
    focus.output_key_results,
    evidence.stated_observed_disagree,
    evidence.proxy_only_themes,
    evidence.requests_without_problem,
    evidence.opportunities_without_problem,
    decisions.decisions_without_revisit_signal,
    decisions.decisions_without_options,
    focus.priority_churn_rule,
    team.areas_without_owner,
    team.pms_without_contact,
    focus.stale_themes_on_roadmap,
)


def run_check(
    engine: Engine, *, as_of: date | None = None, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> CheckReport:
    """Score the workspace against the principles at ``as_of`` (today by default)."""
    context = CheckContext(engine, as_of or datetime.now(UTC).date(), thresholds)
    return CheckReport(context.as_of, tuple(rule(context) for rule in RULES), thresholds)
