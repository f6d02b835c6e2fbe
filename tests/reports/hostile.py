"""Hostile customer text planted in the shared company, for the report's safety tests.

Every place the report prints customer text gets some: the company name, an account name,
a theme name (which also lands in a chart), evidence text quoted on a theme card, an
evidence link, a competitor's name and a loss reason. Each payload sets ``window.__pwned``
or opens a dialog if it ever runs, so the browser test can tell.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import Engine

from tests.business.world import TODAY, World
from tradeoff.decisions.decision_draft import DecisionDraft
from tradeoff.decisions.log import record_decision
from tradeoff.decisions.opportunities import new_opportunity
from tradeoff.decisions.problems import link_problem, new_problem
from tradeoff.domain.accounts import Account
from tradeoff.domain.deals import Competitor, Deal, DealCompetitor
from tradeoff.domain.enums import (
    AccountLifecycle,
    AssignedBy,
    CompetitorRelation,
    DealOutcome,
    DecisionStatus,
    EvidenceKind,
    EvidenceMode,
)
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.domain.workspace import WorkspaceSettings
from tradeoff.storage import repository
from tradeoff.storage.session import write_session
from tradeoff.storage.workspace import save_workspace_settings

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
JAVASCRIPT_URL = "javascript:alert(1)"
PWNED_SCRIPT = "<script>window.__pwned = 1</script>"
PWNED_ATTRIBUTE = '\'><svg onload="window.__pwned=1">'
PAYLOADS = (SCRIPT, ATTRIBUTE, JAVASCRIPT_URL, PWNED_SCRIPT, PWNED_ATTRIBUTE)
#: The domain refuses a ``javascript:`` link outright; an http(s) one is kept, and the
#: report must still never make it something to fetch or follow.
TRACKER = "https://tracker.example/pixel.png"

COMPANY = f"Northwind {SCRIPT} Ledger"
ACCOUNT = f"Evil {ATTRIBUTE} Corp"
THEME = f"Export {ATTRIBUTE} {PWNED_SCRIPT}"
COMPETITOR = f"Rival {PWNED_ATTRIBUTE}"
LOSS_REASON = f"Went with a rival {SCRIPT}"
QUOTE = f"Export fails {SCRIPT} when I click {JAVASCRIPT_URL} {PWNED_ATTRIBUTE} {ATTRIBUTE}"


@dataclass(frozen=True)
class Planted:
    theme: Theme
    account: Account
    items: tuple[EvidenceItem, ...]


def plant_hostile_text(engine: Engine, world: World) -> Planted:
    """Add the payloads to ``world``'s workspace: a paying account whose evidence makes up
    the most central quotes of a new theme (so they are quoted), and a lost deal against a
    hostile competitor with a hostile loss reason."""
    with write_session(engine) as session:
        save_workspace_settings(
            session, WorkspaceSettings(company_name=COMPANY, internal_email_domains=["nwl.example"])
        )
        account = repository.add(
            session,
            Account(
                name=ACCOUNT,
                arr=Decimal(500_000),
                currency="USD",
                lifecycle=AccountLifecycle.CUSTOMER,
            ),
        )
        assert account.id is not None
        theme = repository.add(session, Theme(name=THEME))
        assert theme.id is not None
        items = []
        for number, text in enumerate((QUOTE, f"{PWNED_SCRIPT} {JAVASCRIPT_URL}")):
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=f"hostile-{number}",
                    kind=EvidenceKind.TICKET,
                    mode=EvidenceMode.OBSERVED,
                    title=SCRIPT,
                    text=text,
                    url=TRACKER,
                    created_at=TODAY - timedelta(days=3 + number),
                    account_id=account.id,
                ),
            )
            assert item.id is not None
            items.append(item)
            link = EvidenceTheme(
                evidence_id=item.id, theme_id=theme.id, score=0.99, assigned_by=AssignedBy.MODEL
            )
            world.links.append(repository.add(session, link))
        rival = repository.add(session, Competitor(name=COMPETITOR))
        deal = repository.add(
            session,
            Deal(
                source="salesforce",
                external_id="hostile-deal",
                account_id=account.id,
                name=f"Expansion {SCRIPT}",
                amount=Decimal(25_000),
                currency="USD",
                stage="Closed Lost",
                outcome=DealOutcome.LOST,
                created_at=TODAY - timedelta(days=90),
                closed_at=TODAY - timedelta(days=30),
                loss_reason=LOSS_REASON,
                notes=QUOTE,
            ),
        )
        assert deal.id is not None
        assert rival.id is not None
        met = DealCompetitor(
            deal_id=deal.id,
            competitor_id=rival.id,
            relation=CompetitorRelation.LOST_TO,
            mentioned_as=COMPETITOR,
        )
        world.deal_competitors.append(repository.add(session, met))
    world.competitors.append(rival)
    world.accounts.append(account)
    world.themes.append(theme)
    world.evidence.extend(items)
    world.deals.append(deal)
    return Planted(theme=theme, account=account, items=tuple(items))


PROBLEM = f"Finance {SCRIPT} cannot export"
OPPORTUNITY = f"Bulk export {PWNED_ATTRIBUTE}"
QUESTION = f"Build bulk export {PWNED_SCRIPT} now?"
REQUESTER = f"Dana {ATTRIBUTE} (sales)"


@dataclass(frozen=True)
class PlantedDecision:
    problem_id: int
    opportunity_id: int
    decision_id: int


def plant_hostile_decision(engine: Engine, theme_id: int) -> PlantedDecision:
    """A problem on ``theme_id``, an opportunity for it and a "not yet" whose generated
    reply repeats the hostile words, all through the decisions API."""
    problem = new_problem(
        engine, PROBLEM, who_has_it=ACCOUNT, trying_to=JAVASCRIPT_URL, goes_wrong=QUOTE
    )
    assert problem.id is not None
    link_problem(engine, problem.id, theme_ids=[theme_id])
    opportunity = new_opportunity(engine, OPPORTUNITY, problem_ids=[problem.id])
    assert opportunity.id is not None
    record = record_decision(
        engine,
        DecisionDraft(
            question=QUESTION,
            context=QUOTE,
            options=(f"Build it {SCRIPT}", "Not yet"),
            chosen="2",
            tradeoffs=ATTRIBUTE,
            not_optimising_for=PWNED_ATTRIBUTE,
            signals=(f"date 2026-10-01 -- {SCRIPT}",),
            owner=JAVASCRIPT_URL,
            decided_on=TODAY.date() - timedelta(days=60),
            status=DecisionStatus.NOT_YET,
            requested_by=REQUESTER,
            reason=PWNED_SCRIPT,
        ),
        today=TODAY.date(),
    )
    return PlantedDecision(problem.id, opportunity.id, record.id)
