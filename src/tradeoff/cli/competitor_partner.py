"""``tradeoff competitor-partner NAME [--off]``: mark a competitor as one of our
integrations, and say how its figures changed.

One call to ``analysis.business.competitor_edits.partner_competitor``
(docs/competitors.md#integration-partners); this module only lays the answer out.
Registered with the other competitor commands (``cli.competitors.register``).
"""

from __future__ import annotations

from typing import Annotated

import typer

from tradeoff.analysis.business.competitor_edits import partner_competitor
from tradeoff.analysis.business.competitor_partners import PARTNER_MEANS, PartnerChange, Rescan
from tradeoff.cli.context import console, open_workspace
from tradeoff.wording import named_command, plural


def partner(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The competitor (name or alias).")],
    off: Annotated[
        bool, typer.Option("--off", help="Clear the mark: count it as a rival again.")
    ] = False,
) -> None:
    """Mark a competitor as an integration partner: a product customers connect to us
    (PagerDuty for an alerting tool), named in tickets far more often as part of their
    stack than as a rival. Its mentions then count only where the words near its name
    compete with it ("Lost to PagerDuty", "evaluating PagerDuty's status pages instead",
    "moving to PagerDuty"), not "PagerDuty pages arrive instantly". Deals whose CRM
    competitor field names it still count as met. The evidence and deals that may name it
    are read again at once; the output says how its mentions changed. --off clears the
    mark. The mark stays through renames, merges, splits, imports and scans.

    Example: tradeoff competitor-partner PagerDuty
    """
    change = partner_competitor(open_workspace(ctx), name, partner=not off)
    console.print(_partner_said(change), soft_wrap=True)
    r = change.rescan
    console.print(
        f"read again {plural(r.evidence_read, 'evidence item')} and "
        f"{plural(r.deals_read, 'deal')} that may name it: "
        f"{_went(r.mentions_before, r.mentions_after)}; {_deals_went(r)}",
        soft_wrap=True,
    )
    if change.partner and change.changed:
        undo = named_command("tradeoff competitor-partner", change.name, "--off")
        console.print(f"to undo: {undo}", soft_wrap=True)


def _partner_said(change: PartnerChange) -> str:
    if change.partner:
        lead = "is now" if change.changed else "was already"
        return f"{change.name} {lead} an integration partner: {PARTNER_MEANS}"
    if change.changed:
        return (
            f"{change.name} is no longer an integration partner: free text names it as a "
            "rival wherever it is not named as a system to connect to"
        )
    return f"{change.name} was no integration partner"


def _went(before: int, after: int) -> str:
    """``mentions 44 → 8 (36 dropped, 8 kept)``, ``mentions 8 → 44 (36 added)`` or
    ``mentions 8 (unchanged)``."""
    if before == after:
        return f"mentions {after:,} (unchanged)"
    if after < before:
        return f"mentions {before:,} → {after:,} ({before - after:,} dropped, {after:,} kept)"
    return f"mentions {before:,} → {after:,} ({after - before:,} added)"


def _deals_went(r: Rescan) -> str:
    """Deals met change only by the links deals' notes made: a CRM field's stay."""
    before, after = r.deals_met_before, r.deals_met_after
    if before == after:
        return f"deals met {after:,} (unchanged)"
    links = plural(abs(before - after), "link")
    moved = f"{links} from deals' notes {'dropped' if after < before else 'added'}"
    return f"deals met {before:,} → {after:,} ({moved}; a CRM competitor field's links stay)"
