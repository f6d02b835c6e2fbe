"""Rules on the evidence behind the work (principles 5, 6 and 7): themes only proxies speak
for, themes where what people say and what they do disagree, and requests or solutions tied
to no problem."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from tradeoff.analysis.label.counter import PRAISE_RULES, speaking_well
from tradeoff.storage import problems as problem_store
from tradeoff.storage.opportunities import unanchored_opportunities
from tradeoff.storage.session import read_session
from tradeoff.storage.theme_profile import theme_profiles
from tradeoff.strategy.practice.model import CheckContext, Finding, RuleResult


def proxy_only_themes(ctx: CheckContext) -> RuleResult:
    """Active top-level themes whose every piece of evidence came through a proxy."""
    found = [
        Finding(
            t.id,
            t.name,
            f"{t.total.reach.items} items, every one relayed or said by our own people",
        )
        for t in ctx.themes
        if t.total.reach.proxy_only
    ]
    return RuleResult(
        key="proxy-only-themes",
        title="themes backed only by proxies",
        principle=6,
        passed=not found,
        count=len(found),
        findings=tuple(found),
        advice="Hear it from the end users: interview two or three of the accounts behind each "
        "theme before weighing it.",
    )


def stated_observed_disagree(ctx: CheckContext) -> RuleResult:
    """Themes with at least ``disagreement_min_stated`` stated pieces where what people say
    and what they do part ways:

    - *said, never seen*: no observed piece at all (a proxy-only theme is left to its own
      rule, so one theme is not flagged twice for the same gap);
    - *said fine, seen broken*: observed pieces outnumber stated ones while items that
      speak well of the very area (counter evidence, ``analysis.label.counter``) reach
      ``disagreement_praise_share`` of the stated pieces.
    """
    limits = ctx.thresholds
    candidates = [
        t
        for t in ctx.themes
        if t.total.reach.stated >= limits.disagreement_min_stated and not t.total.reach.proxy_only
    ]
    praised: dict[int, int] = {}
    if candidates:
        horizon = datetime.combine(ctx.as_of + timedelta(days=1), time(), tzinfo=UTC)
        with read_session(ctx.engine) as session:
            profiles = theme_profiles(
                session, [t.id for t in candidates], praise=PRAISE_RULES, as_of=horizon
            )
        praised = {i: p.counter_evidence_count for i, p in profiles.items()}
    found = []
    for theme in candidates:
        reach, praise = theme.total.reach, praised.get(theme.id, 0)
        counts = f"{reach.stated} stated, {reach.observed} observed"
        if reach.observed == 0:
            found.append(Finding(theme.id, theme.name, f"said, never seen: {counts}"))
        elif (
            reach.observed > reach.stated
            and praise >= limits.disagreement_praise_share * reach.stated
        ):
            detail = f"said fine, seen broken: {counts}, {speaking_well(praise, 'the area')}"
            found.append(Finding(theme.id, theme.name, detail))
    return RuleResult(
        key="stated-observed",
        title="themes where stated and observed evidence disagree",
        principle=5,
        passed=not found,
        count=len(found),
        findings=tuple(found),
        advice="Trust behaviour over words: look for tickets, usage or churn that confirm a "
        "theme nobody was seen struggling with; read the counter evidence of the others "
        "(tradeoff theme show ID).",
    )


def requests_without_problem(ctx: CheckContext) -> RuleResult:
    """Internal requests that are evidence of no problem (``tradeoff unanchored``)."""
    with read_session(ctx.engine) as session:
        lines, total = problem_store.unanchored_requests(session, limit=ctx.thresholds.listed_items)
    found = [
        Finding(r.id, " ".join(r.text.split())[:120], r.relayed_by or r.said_by) for r in lines
    ]
    return RuleResult(
        key="unanchored-requests",
        title="requests with no problem",
        principle=7,
        passed=total == 0,
        count=total,
        findings=tuple(found),
        advice="For each, find the problem behind the ask and link it (tradeoff problem link), "
        "or answer the requester: see tradeoff unanchored.",
    )


def opportunities_without_problem(ctx: CheckContext) -> RuleResult:
    """Opportunities that address no problem: solutions looking for one."""
    with read_session(ctx.engine) as session:
        lines, total = unanchored_opportunities(
            session, limit=ctx.thresholds.listed_items, offset=0
        )
    found = [Finding(o.id or 0, o.title, o.status.value) for o in lines]
    return RuleResult(
        key="unanchored-opportunities",
        title="opportunities with no problem",
        principle=7,
        passed=total == 0,
        count=total,
        findings=tuple(found),
        advice="Name the problem each one solves and link it, or park it: a solution with no "
        "problem is solutioneering.",
    )
