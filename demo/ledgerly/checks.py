"""Proof that the planted patterns came out of the generated data as demo/README.md says.

Each check returns the figures the README quotes and raises ``PlantedPatternError`` when a
pattern is missing or too weak to be found by analysis, so a change to the generator cannot
silently break the demo's story.
"""

from __future__ import annotations

import operator
from collections import Counter
from datetime import date, timedelta
from typing import Any

from ledgerly.banking77 import CURRENCY_INTENT, TRANSFER_INTENTS
from ledgerly.common import PlantedPatternError
from ledgerly.crm import Deal
from ledgerly.metrics import Row
from ledgerly.tickets import Ticket
from ledgerly.world import World

CONFIDENCE_WORDS = (
    "trust", "established", "relationship", "safer", "track record", "brand", "reassurance",
    "banker", "know who to call", "confidence", "board", "branch", "procurement uneasy",
    "recommended",
)  # fmt: skip
OPERATORS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PlantedPatternError(message)


def stated_vs_observed(narrative: dict[str, Any], tickets: list[Ticket]) -> dict[str, Any]:
    """People who say transfers are fine filed transfer tickets shortly before saying so."""
    per_person = {}
    for note in (n for n in narrative["interviews"] if n["transfers_fine"]):
        said_on = date.fromisoformat(note["date"])
        filed = [
            t
            for t in tickets
            if t.requester.name == note["person"]
            and t.intent in TRANSFER_INTENTS
            and t.created_at.date() < said_on
        ]
        per_person[note["person"]] = len(filed)
        _require(len(filed) >= 2, f"{note['person']} filed too few transfer tickets")
    share = sum(t.intent in TRANSFER_INTENTS for t in tickets) / len(tickets)
    _require(share > 0.25, "transfer tickets are not a large theme")
    return {"transfer_share": round(share, 3), "interviewees": per_person}


def proxy_only(
    narrative: dict[str, Any], tickets: list[Ticket], deals: list[Deal]
) -> dict[str, Any]:
    """Multi-currency evidence exists only second-hand: agents, CSMs, account executives."""
    currency = [t for t in tickets if t.intent == CURRENCY_INTENT]
    _require(all(t.submitter is not None for t in currency), "a currency ticket is first-hand")
    direct_texts = [n["body"] for n in narrative["interviews"]]
    direct_texts += [c for pool in narrative["nps"].values() for c in pool]
    for topic in narrative["reviews"]["topics"].values():
        direct_texts += topic["bodies"] + topic["titles"]
    _require(
        not any("currenc" in text.lower() for text in direct_texts),
        "a first-hand source mentions currencies",
    )
    lost = [d for d in deals if "multi-currency" in d.loss_reason.lower()]
    pipeline = [d for d in deals if not d.is_closed and "multi-currency" in d.description.lower()]
    _require(len(lost) >= 5 and len(pipeline) >= 3, "too few deals cite multi-currency payouts")
    return {
        "agent_logged_tickets": len(currency),
        "lost_deals": len(lost),
        "open_deals": len(pipeline),
        "jira_requests": narrative["jira"]["themes"]["multi_currency"]["count"],
    }


def fernbank(deals: list[Deal]) -> dict[str, Any]:
    """Fernbank wins on confidence and relationships, not features."""
    against = [d for d in deals if "Fernbank" in d.competitors and d.is_closed]
    lost = [d for d in against if not d.is_won]
    won = [d for d in against if d.is_won]
    confidence = [d for d in lost if any(w in d.loss_reason.lower() for w in CONFIDENCE_WORDS)]
    _require(len(confidence) >= 0.7 * len(lost), "Fernbank losses are not about confidence")
    _require(len(won) < len(lost) / 2, "Ledgerly wins too often against Fernbank")
    return {"lost": len(lost), "won": len(won), "lost_on_confidence": len(confidence)}


def churn_signal(world: World, tickets: list[Ticket]) -> dict[str, Any]:
    """The churned account's tickets on its painful theme rose through the last 90 days."""
    found = {}
    for account in (a for a in world.accounts if "signal" in a.churn):
        assert account.churn_date is not None
        intents = set(account.churn["signal"]["intents"])
        windows = []
        last_90 = [
            t
            for t in tickets
            if t.account is account
            and account.churn_date - timedelta(days=90) <= t.created_at.date() <= account.churn_date
        ]
        for k in range(3):
            first = account.churn_date - timedelta(days=90 - 30 * k)
            in_window = [t for t in last_90 if first <= t.created_at.date() < first + timedelta(30)]
            windows.append(sum(t.intent in intents for t in in_window))
        _require(windows[0] < windows[1] < windows[2], f"{account.name}: signal is not rising")
        on_theme = sum(t.intent in intents for t in last_90) / len(last_90)
        _require(on_theme > 0.6, f"{account.name}: signal drowned by other tickets")
        found[account.name] = {"per_30_days": windows, "on_theme_share": round(on_theme, 2)}
    return found


def signal_fired(workspace: dict[str, Any], rows: list[Row]) -> dict[str, Any]:
    """Exactly the decision the README names has a metric signal that has fired."""
    fired = {}
    for decision in workspace["decisions"]:
        signal = decision["revisit_signal"]
        if signal["kind"] != "metric":
            continue
        series = sorted(
            (r[1], r[2])
            for r in rows
            if r[0] == signal["metric"] and r[3] == "all" and r[1] > decision["decided_on"]
        )
        test = OPERATORS[signal["operator"]]
        run, when = 0, ""
        for period, value in series:
            run = run + 1 if test(value, signal["threshold"]) else 0
            if run >= signal["consecutive_periods"] and not when:
                when = period
        fired[decision["key"]] = when
    _require(bool(fired.get("D-001")), "D-001's revisit signal did not fire")
    _require(not any(v for k, v in fired.items() if k != "D-001"), "another signal fired")
    return {"D-001_fired_for_period": fired["D-001"]}


def unlinked_roadmap(workspace: dict[str, Any]) -> list[str]:
    items = [r["key"] for r in workspace["roadmap"] if "goal" not in r]
    _require(len(items) == 1, "exactly one roadmap item should have no goal")
    return items


def check_all(
    world: World,
    narrative: dict[str, Any],
    deals: list[Deal],
    tickets: list[Ticket],
    workspace: dict[str, Any],
    rows: list[Row],
) -> dict[str, Any]:
    return {
        "stated_vs_observed": stated_vs_observed(narrative, tickets),
        "proxy_only_multi_currency": proxy_only(narrative, tickets, deals),
        "fernbank_head_to_head": fernbank(deals),
        "churn_signal": churn_signal(world, tickets),
        "decision_signal": signal_fired(workspace, rows),
        "roadmap_without_goal": unlinked_roadmap(workspace),
        "tickets_by_account_top5": Counter(
            t.account.name for t in tickets if t.account
        ).most_common(5),
    }
