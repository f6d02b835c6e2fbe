"""Jira Cloud CSV export (all fields) of the "Feature Requests" project: requests typed by
account executives and CSMs on customers' behalf, so every row is relayed evidence.

Jira repeats a header once per value (``Labels``, ``Watchers``, ``Comment``), writes dates in
the exporter's profile format (``04/Mar/26 3:42 PM``), people as display name plus an
``… Id`` column with the Atlassian account id, and descriptions in wiki markup.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ledgerly.common import END, START, at_time, jira_time, write_csv
from ledgerly.world import Account, TeamMember, World

HEADER = (
    "Summary", "Issue key", "Issue id", "Issue Type", "Status", "Project key", "Project name",
    "Project type", "Project lead", "Project lead id", "Priority", "Resolution", "Assignee",
    "Assignee Id", "Reporter", "Reporter Id", "Creator", "Creator Id", "Created", "Updated",
    "Last Viewed", "Resolved", "Due date", "Votes", "Labels", "Labels", "Labels", "Description",
    "Environment", "Watchers", "Watchers", "Watchers Id", "Watchers Id",
    "Custom field (Customer)", "Custom field (Request source)", "Comment", "Comment",
    "Status Category", "Status Category Changed",
)  # fmt: skip
STATUSES = {
    "Open": "To Do",
    "Backlog": "To Do",
    "Under Review": "In Progress",
    "Won't Do": "Done",
    "Done": "Done",
}
THEME_STATUS = {
    "multi_currency": ("Open", "Open", "Under Review", "Backlog"),
    "accounting_sync": ("Under Review", "Open", "Done"),
    "sso": ("Backlog", "Open"),
}
THEME_OWNER = {"card_controls": "Aisha Rahman", "sso": "Maya Okafor"}
ENVIRONMENT = "Synthetic demo data (Tradeoff demo); Ledgerly and its customers are fictional."
PRODUCT_REPLIES = (
    "Thanks, linked to the discovery notes. Can we talk to the customer directly?",
    "Added to the next prioritisation review.",
    "Which user at the customer would use this day to day? Happy to join a call.",
)
REPORTER_CHASERS = (
    "+1, another customer asked for the same on a call this week.",
    "Customer chased again today.",
    "Any update? This came up again in the renewal conversation.",
)


@dataclass
class Request:
    theme: str
    label: str
    summary: str
    description: str
    account: Account
    reporter: TeamMember
    created_at: datetime
    priority: str
    status: str = "Open"
    assignee: TeamMember | None = None
    comments: list[tuple[datetime, TeamMember, str]] = field(default_factory=list)
    key: int = 0


def _account_for(theme: str, world: World, rng: random.Random) -> Account:
    """Multi-currency asks come from larger accounts and prospects (the deals sales chase)."""
    accounts = [a for a in world.accounts if a.lifecycle != "former"]
    if theme == "multi_currency":
        accounts = [a for a in accounts if a.segment != "SMB"]
    else:
        accounts = [a for a in accounts if a.is_customer] * 3 + accounts
    return rng.choice(accounts)


def _created(theme: str, rng: random.Random) -> datetime:
    first = date(2026, 1, 5) if theme == "multi_currency" else START.date()
    span = (END.date() - first).days - 5
    return at_time(first + timedelta(days=int(span * rng.random() ** 0.8)), rng)


def requests(world: World, narrative: dict[str, Any], rng: random.Random) -> list[Request]:
    found = []
    for theme, spec in narrative["jira"]["themes"].items():
        for i in range(spec["count"]):
            account = _account_for(theme, world, rng)
            reporter = (
                account.owner if not account.is_customer or rng.random() < 0.4 else account.csm
            )
            name = account.short_name
            found.append(
                Request(
                    theme=theme,
                    label=spec["label"],
                    summary=spec["summaries"][i % len(spec["summaries"])].replace(
                        "{customer}", name
                    ),
                    description=rng.choice(spec["descriptions"]).replace("{customer}", name),
                    account=account,
                    reporter=reporter,
                    created_at=_created(theme, rng),
                    priority=rng.choice(spec["priority"]),
                )
            )
    for item in narrative["jira"]["hostile"]:
        account = _account_for(item["theme"], world, rng)
        spec = narrative["jira"]["themes"][item["theme"]]
        found.append(
            Request(
                item["theme"],
                spec["label"],
                item["summary"],
                item["description"],
                account,
                account.csm,
                _created(item["theme"], rng),
                "Medium",
            )
        )
    _triage(found, world, rng)
    return found


def _triage(found: list[Request], world: World, rng: random.Random) -> None:
    """Keys in creation order; statuses, owners and a few comment threads."""
    found.sort(key=lambda r: (r.created_at, r.summary))
    for n, request in enumerate(found, start=1):
        request.key = n
        request.status = rng.choice(
            THEME_STATUS.get(request.theme, ("Open", "Backlog", "Won't Do"))
        )
        if rng.random() < 0.5:
            request.assignee = world.member(THEME_OWNER.get(request.theme, "Tom Lindqvist"))
        for _ in range(rng.choice((0, 0, 1, 2))):
            moment = min(request.created_at + timedelta(days=rng.randint(1, 40)), END)
            if request.assignee is not None and rng.random() < 0.5:
                reply = (moment, request.assignee, rng.choice(PRODUCT_REPLIES))
            else:
                reply = (moment, request.reporter, rng.choice(REPORTER_CHASERS))
            request.comments.append(reply)
        request.comments.sort(key=lambda c: c[0])


def _row(request: Request, lead: TeamMember, rng: random.Random) -> list[object]:
    updated = max([request.created_at] + [c[0] for c in request.comments])
    resolved = request.status in {"Done", "Won't Do"}
    if resolved:
        updated = min(updated + timedelta(days=rng.randint(3, 30)), END)
    source = "Sales" if request.reporter.role == "ae" else "Customer Success"
    watchers: list[TeamMember | None] = [request.reporter, request.assignee]
    comments = [f"{jira_time(at)};{who.jira_id};{text}" for at, who, text in request.comments]
    comments += [""] * (2 - len(comments))
    assignee = request.assignee
    return [
        request.summary, f"FR-{request.key}", 10_400 + 3 * request.key, "Feature Request",
        request.status, "FR", "Feature Requests", "software", lead.name, lead.jira_id,
        request.priority, request.status if resolved else "",
        assignee.name if assignee else "", assignee.jira_id if assignee else "",
        request.reporter.name, request.reporter.jira_id, request.reporter.name,
        request.reporter.jira_id, jira_time(request.created_at), jira_time(updated), "",
        jira_time(updated) if resolved else "", "", rng.randint(0, 5),
        request.label, "customer-request", "from-sales" if source == "Sales" else "from-cs",
        request.description, ENVIRONMENT,
        *[w.name if w else "" for w in watchers], *[w.jira_id if w else "" for w in watchers],
        request.account.name, source, *comments, STATUSES[request.status], jira_time(updated),
    ]  # fmt: skip


def write_jira(path: Path, world: World, narrative: dict[str, Any], rng: random.Random) -> int:
    """Newest first, as Jira's default ``ORDER BY created DESC`` exports them."""
    found = requests(world, narrative, rng)
    lead = world.member("Maya Okafor")
    rows = [_row(r, lead, rng) for r in sorted(found, key=lambda r: -r.key)]
    return write_csv(path, HEADER, rows)
