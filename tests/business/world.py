"""A small but non-trivial company, for testing every business figure against a recount.

Northwind Ledger sells in USD with GBP and EUR rates given and JPY deliberately without one.
Accounts span three segments, plans and regions, with customers, prospects and churned
accounts (some renewing within 90 and 180 days of ``TODAY``); deals are open, won and lost
over five quarters in four currencies, some without an amount, some with several
competitors named in the CRM's own words; evidence comes from customers, relayed by a CSM,
or stated in interviews, and is filed in three themes. ``World`` keeps every object it wrote,
so a test can recount any figure in plain Python over these lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Engine

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.deals import Competitor, Deal, DealCompetitor
from tradeoff.domain.enums import (
    AccountLifecycle,
    AssignedBy,
    CompetitorKind,
    CompetitorRelation,
    DealOutcome,
    EvidenceKind,
    EvidenceMode,
    PersonRole,
)
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.domain.workspace import CurrencyRate, WorkspaceSettings
from tradeoff.storage import repository
from tradeoff.storage.currency import set_rate
from tradeoff.storage.session import write_session
from tradeoff.storage.workspace import save_workspace_settings

TODAY = datetime(2026, 10, 15, tzinfo=UTC)
RATES = {"GBP": Decimal("1.27"), "EUR": Decimal("1.08")}


@dataclass
class World:
    accounts: list[Account] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    deals: list[Deal] = field(default_factory=list)
    competitors: list[Competitor] = field(default_factory=list)
    deal_competitors: list[DealCompetitor] = field(default_factory=list)
    evidence: list[EvidenceItem] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    links: list[EvidenceTheme] = field(default_factory=list)

    def account(self, name: str) -> Account:
        return next(a for a in self.accounts if a.name == name)

    def theme(self, name: str) -> Theme:
        return next(t for t in self.themes if t.name == name)


#: name, segment, plan, region, ARR, currency, lifecycle, churned (days ago), renewal (days on)
ACCOUNTS = [
    ("Acme Freight", "Enterprise", "Scale", "NA", "240000", "USD", "customer", None, 45),
    ("Brightwater Health", "Enterprise", "Scale", "EMEA", "180000", "GBP", "customer", None, 150),
    ("Cobalt Retail", "Mid-Market", "Growth", "EMEA", "60000", "EUR", "customer", None, 300),
    ("Dunmore Legal", "Mid-Market", "Growth", "EMEA", "42000", "GBP", "churned", 40, None),
    ("Evergreen Schools", "SMB", "Starter", "NA", "9000", "USD", "customer", None, 20),
    ("Fjord Analytics", "SMB", "Starter", "EMEA", "7500", "EUR", "churned", 200, None),
    ("Granite Mining", "Enterprise", "Scale", "APAC", "30000000", "JPY", "customer", None, 80),
    ("Harbor Bikes", "SMB", "Starter", "NA", None, None, "prospect", None, None),
    ("Ironclad Security", "Mid-Market", "Growth", "NA", None, None, "prospect", None, None),
    ("Juniper Foods", "Mid-Market", "Growth", "APAC", "55000", "USD", "churned", 10, None),
]

#: account, amount, currency, outcome, stage, created (days ago), closed (days ago), owner,
#: source, loss reason, notes, competitors as the CRM wrote them
DEALS = [
    (
        "Acme Freight",
        "120000",
        "USD",
        "won",
        "Closed Won",
        400,
        330,
        "Ana",
        "Outbound",
        None,
        "Needed SSO and audit logs; chose us over Dynamics 365.",
        ["Dynamics 365"],
    ),
    (
        "Acme Freight",
        "80000",
        "USD",
        "open",
        "Negotiation",
        60,
        None,
        "Ana",
        "Expansion",
        None,
        "Expansion blocked until bulk export ships.",
        [],
    ),
    (
        "Brightwater Health",
        "90000",
        "GBP",
        "won",
        "Closed Won",
        380,
        300,
        "Ben",
        "Inbound",
        None,
        "Compliance team liked the audit trail.",
        ["MSFT Dynamics", "Spreadsheets"],
    ),
    (
        "Cobalt Retail",
        "40000",
        "EUR",
        "lost",
        "Closed Lost",
        250,
        200,
        "Ben",
        "Inbound",
        "Too expensive for their budget this year",
        "Price was the blocker.",
        ["Zoho"],
    ),
    (
        "Dunmore Legal",
        "35000",
        "GBP",
        "lost",
        "Closed Lost",
        230,
        180,
        "Cara",
        "Partner",
        "Went with Dynamics — missing bulk export",
        "They needed bulk export.",
        ["Dynamics 365"],
    ),
    (
        "Evergreen Schools",
        "9000",
        "USD",
        "won",
        "Closed Won",
        200,
        170,
        "Cara",
        "Inbound",
        None,
        "Small team, fast decision.",
        [],
    ),
    (
        "Fjord Analytics",
        "15000",
        "EUR",
        "lost",
        "Closed Lost",
        190,
        120,
        "Ana",
        "Outbound",
        "No decision - project postponed",
        "Champion left.",
        [],
    ),
    (
        "Granite Mining",
        "12000000",
        "JPY",
        "open",
        "Proposal",
        90,
        None,
        "Ben",
        "Partner",
        None,
        "Wants SSO before signing.",
        ["Excel"],
    ),
    (
        "Harbor Bikes",
        "6000",
        "USD",
        "lost",
        "Closed Lost",
        150,
        100,
        "Cara",
        "Inbound",
        "Decided to keep using spreadsheets",
        "Happy with Excel for now.",
        ["Excel"],
    ),
    (
        "Ironclad Security",
        "70000",
        "USD",
        "open",
        "Discovery",
        30,
        None,
        "Ana",
        "Outbound",
        None,
        "Security review asks for SSO and audit logs.",
        ["Zoho CRM", "Dynamics 365"],
    ),
    (
        "Ironclad Security",
        None,
        None,
        "lost",
        "Closed Lost",
        300,
        260,
        "Ana",
        "Outbound",
        "Did not trust a vendor this young",
        "Worried about our size.",
        [],
    ),
    (
        "Juniper Foods",
        "50000",
        "USD",
        "lost",
        "Closed Lost",
        140,
        60,
        "Ben",
        "Partner",
        "Lost to an agency that builds it for them",
        "Agency offered custom build.",
        ["Acme Agency"],
    ),
]

#: name, aliases, kind
COMPETITORS = [
    ("Dynamics 365", ["MSFT Dynamics", "Microsoft Dynamics"], CompetitorKind.DIRECT),
    ("Zoho", ["Zoho CRM"], CompetitorKind.DIRECT),
    ("Spreadsheets", ["Excel", "Google Sheets"], CompetitorKind.SPREADSHEET),
    ("Acme Agency", [], CompetitorKind.AGENCY),
]

THEMES = ("Bulk export", "Single sign-on", "Audit logs")

#: account, theme, text, kind, mode, days ago, relayed by the CSM
EVIDENCE = [
    (
        "Acme Freight",
        "Bulk export",
        "We need to export every invoice at once.",
        "ticket",
        "observed",
        20,
        False,
    ),
    (
        "Acme Freight",
        "Bulk export",
        "Exporting one by one takes our team a day.",
        "interview",
        "stated",
        35,
        False,
    ),
    (
        "Acme Freight",
        "Single sign-on",
        "SSO with Okta is a must for us.",
        "call",
        "stated",
        300,
        True,
    ),
    (
        "Brightwater Health",
        "Audit logs",
        "Auditors asked who changed the ledger.",
        "ticket",
        "observed",
        12,
        False,
    ),
    (
        "Brightwater Health",
        "Bulk export",
        "Need a bulk export for the year end.",
        "ticket",
        "observed",
        400,
        False,
    ),
    (
        "Cobalt Retail",
        "Bulk export",
        "Bulk export please, like Zoho has.",
        "ticket",
        "observed",
        220,
        False,
    ),
    (
        "Dunmore Legal",
        "Bulk export",
        "Without bulk export we cannot stay.",
        "ticket",
        "observed",
        70,
        False,
    ),
    (
        "Dunmore Legal",
        "Audit logs",
        "Audit trail is missing for deletions.",
        "ticket",
        "observed",
        300,
        True,
    ),
    (
        "Fjord Analytics",
        "Single sign-on",
        "Our IT wants SAML single sign-on.",
        "ticket",
        "observed",
        230,
        False,
    ),
    ("Granite Mining", "Single sign-on", "SSO before we sign.", "deal_note", "stated", 80, True),
    (
        "Ironclad Security",
        "Single sign-on",
        "Security review: SSO and audit logs.",
        "deal_note",
        "stated",
        25,
        True,
    ),
    (
        "Ironclad Security",
        "Audit logs",
        "They asked for immutable audit logs.",
        "deal_note",
        "stated",
        25,
        True,
    ),
    (
        "Juniper Foods",
        "Audit logs",
        "Audit export for our food-safety inspector.",
        "ticket",
        "observed",
        50,
        False,
    ),
    (
        "Evergreen Schools",
        "Bulk export",
        "Love the invoices; bulk export would help.",
        "review",
        "stated",
        5,
        False,
    ),
]


def build_world(engine: Engine) -> World:
    """Write the company into the workspace; returns everything written, with ids."""
    world = World()
    with write_session(engine) as session:
        save_workspace_settings(
            session,
            WorkspaceSettings(
                company_name="Northwind Ledger", internal_email_domains=["nwl.example"]
            ),
        )
        for currency, rate in RATES.items():
            set_rate(session, CurrencyRate(currency=currency, per_base=rate))
        for name, seg, plan, region, arr, cur, life, churned, renewal in ACCOUNTS:
            world.accounts.append(
                repository.add(
                    session,
                    Account(
                        name=name,
                        segment=seg,
                        plan=plan,
                        region=region,
                        arr=Decimal(arr) if arr else None,
                        currency=cur,
                        lifecycle=AccountLifecycle(life),
                        churned_at=TODAY - timedelta(days=churned) if churned else None,
                        renewal_on=(TODAY + timedelta(days=renewal)).date() if renewal else None,
                    ),
                )
            )
        csm = repository.add(
            session, Person(name="Casey CSM", email="casey@nwl.example", role=PersonRole.CSM)
        )
        world.people.append(csm)
        for account in world.accounts:
            world.people.append(
                repository.add(
                    session,
                    Person(
                        name=f"User at {account.name}",
                        email=f"user@{account.name.split()[0].lower()}.example",
                        account_id=account.id,
                        role=PersonRole.END_USER,
                    ),
                )
            )
        for name, aliases, kind in COMPETITORS:
            world.competitors.append(
                repository.add(session, Competitor(name=name, aliases=aliases, kind=kind))
            )
        for number, row in enumerate(DEALS):
            account, amount, cur, outcome, stage, created, closed, owner, source = row[:9]
            loss, notes, named = row[9], row[10], row[11]
            deal = repository.add(
                session,
                Deal(
                    source="salesforce",
                    external_id=f"006{number:04d}",
                    account_id=world.account(account).id,
                    name=f"{account} — {stage}",
                    amount=Decimal(amount) if amount else None,
                    currency=cur,
                    stage=stage,
                    outcome=DealOutcome(outcome),
                    created_at=TODAY - timedelta(days=created),
                    closed_at=TODAY - timedelta(days=closed) if closed else None,
                    loss_reason=loss,
                    notes=notes,
                    owner=owner,
                    lead_source=source,
                ),
            )
            world.deals.append(deal)
            for said in named:
                competitor = next(c for c in world.competitors if c.matches(said))
                relation = {
                    "won": CompetitorRelation.WON_AGAINST,
                    "lost": CompetitorRelation.LOST_TO,
                }.get(outcome, CompetitorRelation.EVALUATED)
                assert deal.id is not None
                assert competitor.id is not None
                world.deal_competitors.append(
                    repository.add(
                        session,
                        DealCompetitor(
                            deal_id=deal.id,
                            competitor_id=competitor.id,
                            relation=relation,
                            mentioned_as=said,
                        ),
                    )
                )
        for name in THEMES:
            world.themes.append(repository.add(session, Theme(name=name)))
        for number, (account, theme, text, kind, mode, days, relayed) in enumerate(EVIDENCE):
            owner_account = world.account(account)
            speaker = next(p for p in world.people if p.account_id == owner_account.id)
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk" if kind == "ticket" else kind,
                    external_id=f"e{number}",
                    kind=EvidenceKind(kind),
                    mode=EvidenceMode(mode),
                    text=text,
                    created_at=TODAY - timedelta(days=days),
                    account_id=owner_account.id,
                    person_id=speaker.id,
                    relayed_by_id=csm.id if relayed else None,
                    rating=5.0 if kind == "review" else None,
                ),
            )
            world.evidence.append(item)
            assert item.id is not None
            theme_id = world.theme(theme).id
            assert theme_id is not None
            world.links.append(
                repository.add(
                    session,
                    EvidenceTheme(
                        evidence_id=item.id,
                        theme_id=theme_id,
                        score=0.9,
                        assigned_by=AssignedBy.MODEL,
                    ),
                )
            )
    return world


def days_before(days: int) -> date:
    return (TODAY - timedelta(days=days)).date()
