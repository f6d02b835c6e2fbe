"""Rules on results and focus (principles 1 and 10): roadmap items serving no goal, key
results that are output, priority churn, and stale themes driving current work."""

from __future__ import annotations

from tradeoff.analysis.business.demand import theme_demand
from tradeoff.storage import opportunities as opportunity_store
from tradeoff.storage import problems as problem_store
from tradeoff.storage import roadmap as roadmap_store
from tradeoff.storage import team as team_store
from tradeoff.storage.session import read_session
from tradeoff.strategy.goals import goals_progress
from tradeoff.strategy.practice.model import CheckContext, Finding, RuleResult
from tradeoff.strategy.progress import output_flags, quarter_of


def roadmap_without_goal(ctx: CheckContext) -> RuleResult:
    """Planned or in-progress roadmap items linked to no goal."""
    with read_session(ctx.engine) as session:
        items = team_store.live_roadmap(session)
        served = roadmap_store.goal_links(session)
    loose = [Finding(i.id, i.title, i.horizon.value) for i in items if not served.get(i.id)]
    return RuleResult(
        key="roadmap-goal",
        title="roadmap items without a goal",
        principle=1,
        passed=not loose,
        count=len(loose),
        findings=tuple(loose),
        advice="Link each item to the goal it serves, or ask why it is on the roadmap: "
        "work tied to no goal is output, not results.",
    )


def output_key_results(ctx: CheckContext) -> RuleResult:
    """Key results of the as-of quarter's goals that are output or measure an activity metric
    (the flags of ``strategy.progress.output_flags``)."""
    flagged = []
    for goal in goals_progress(ctx.engine, as_of=ctx.as_of):
        for kr in goal.key_results:
            reasons = output_flags(kr.key_result.description, kr.metric)
            if reasons and kr.key_result.id is not None:
                flagged.append(
                    Finding(kr.key_result.id, kr.key_result.description, "; ".join(reasons))
                )
    return RuleResult(
        key="kr-output",
        title=f"key results that are output ({quarter_of(ctx.as_of)})",
        principle=1,
        passed=not flagged,
        count=len(flagged),
        findings=tuple(flagged),
        advice="Rewrite each as a change in an outcome metric (METRIC from BASELINE to TARGET); "
        "keep the launch as a roadmap item that serves it.",
    )


def priority_churn_rule(ctx: CheckContext) -> RuleResult:
    """The as-of quarter's churn report against the two churn thresholds."""
    from tradeoff.strategy.churn import priority_churn  # the roadmap's own module

    limits = ctx.thresholds
    period = quarter_of(ctx.as_of)
    with read_session(ctx.engine) as session:
        report = priority_churn(session, period, as_of=ctx.as_of)
    over = [
        report.moves_per_item_week > limits.churn_moves_per_item_week,
        report.now_share_changed > limits.churn_now_share_changed,
    ]
    bounced = tuple(
        Finding(b.item_id, b.title, f"bounced {b.bounces} times") for b in report.bounced
    )
    return RuleResult(
        key="priority-churn",
        title=f"priority churn ({period})",
        principle=10,
        passed=not any(over),
        count=report.moves,
        findings=bounced,
        item_total=len(bounced),
        measured=(
            f"{report.moves_per_item_week:.2f} moves per item-week "
            f"(limit {limits.churn_moves_per_item_week:.2f}); "
            f"{report.now_share_changed:.0%} of now items changed "
            f"(limit {limits.churn_now_share_changed:.0%})"
        ),
        advice="Shield the team: ask who requested the moves (tradeoff churn) and hold the "
        "quarter's plan unless the evidence changed.",
    )


def stale_themes_on_roadmap(ctx: CheckContext) -> RuleResult:
    """Now / next items whose opportunities' problems rest on a stale theme: one whose
    latest evidence is older than the demand half-life (demand's ``stale`` flag)."""
    with read_session(ctx.engine) as session:
        current = [
            i for i in team_store.live_roadmap(session) if i.horizon in team_store.CURRENT_HORIZONS
        ]
        pursued = roadmap_store.opportunity_links(session)
        opportunity_ids = sorted({o for i in current for o in pursued.get(i.id, [])})
        problems = opportunity_store.linked_problems(session, opportunity_ids)
        problem_ids = sorted({p.id for found in problems.values() for p in found})
        themes_of = {
            p: [t.id for t in problem_store.problem_links(session, p).themes] for p in problem_ids
        }
    theme_ids = sorted({t for found in themes_of.values() for t in found})
    stale = (
        {t.id: t for t in theme_demand(ctx.engine, as_of=ctx.as_of, ids=theme_ids) if t.total.stale}
        if theme_ids
        else {}
    )
    driven = []
    for item in current:
        behind = sorted(
            {
                t
                for o in pursued.get(item.id, [])
                for p in problems.get(o, [])
                for t in themes_of.get(p.id, [])
                if t in stale
            }
        )
        if behind:
            detail = "; ".join(
                f"theme {t} {stale[t].name!r}, last evidence {stale[t].total.reach.last_seen}"
                for t in behind
            )
            driven.append(Finding(item.id, item.title, detail))
    return RuleResult(
        key="stale-themes",
        title="current roadmap items driven by stale themes",
        principle=5,
        passed=not driven,
        count=len(driven),
        findings=tuple(driven),
        advice="Refresh the evidence before building: talk to the customers behind the theme, "
        "or check whether the problem still exists.",
    )
