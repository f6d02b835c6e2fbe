"""Rules on the team (principle 12): material areas nobody owns, and PMs who have not met a
customer lately. Both read ``strategy.coverage``."""

from __future__ import annotations

from tradeoff.strategy.practice.model import CheckContext, Finding, RuleResult


def areas_without_owner(ctx: CheckContext) -> RuleResult:
    found = [
        Finding(
            a.area.key,
            a.area.name,
            f"{a.evidence} evidence, {a.revenue_at_stake} at stake",
        )
        for a in ctx.coverage.areas
        if a.flagged
    ]
    return RuleResult(
        key="area-owner",
        title="areas with evidence or revenue and no owner",
        principle=12,
        passed=not found,
        count=len(found),
        findings=tuple(found),
        advice="Give each an owner: tradeoff area assign KEY --owner EMAIL.",
    )


def pms_without_contact(ctx: CheckContext) -> RuleResult:
    days, least = ctx.thresholds.contact_window_days, ctx.thresholds.min_contacts
    found = [
        Finding(
            p.email,
            p.name or p.email,
            f"{p.contacts_window} in {days} days; last "
            + (p.last_contact.isoformat() if p.last_contact else "none on record"),
        )
        for p in ctx.coverage.pms
        if p.contacts_window < least
    ]
    return RuleResult(
        key="pm-contact",
        title=f"PMs with no direct customer contact in {days} days",
        principle=12,
        passed=not found,
        count=len(found),
        findings=tuple(found),
        advice="Book interviews or join calls: time in the market, not only inside. Import the "
        "notes with their interviewer_email (tradeoff import interviews).",
    )
