"""A small HR and payroll workspace: help-desk tickets on six topics and a Salesforce export of
deals whose notes name product gaps in the shapes a QA round found (short, full of product
names), beside commercial and vendor-trust reasons.

Tickets are built from templates, every slot drawn by a seeded generator, so a topic is said
many ways and shares the product's common words ("payroll", "sync", "report") with the
others; nothing in them is tuned to one deal note.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine

from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

_PEOPLE = ["our hourly staff", "part-time employees", "the warehouse crew", "new hires",
           "salaried managers", "two of our nurses", "the night shift",
           "seasonal workers"]  # fmt: skip
_WHEN = ["since the last update", "this pay period", "after the January rollover",
         "since Monday", "again this month", "after we changed the policy"]  # fmt: skip
_SYSTEMS = ["NetSuite", "QuickBooks Online", "Sage Intacct", "Xero", "NetSuite OneWorld"]
_STATES = ["Ohio", "Pennsylvania", "California", "New York", "Oregon", "Illinois", "Texas"]
_IDPS = ["Okta", "Azure AD", "Google Workspace", "OneLogin", "JumpCloud"]
_CARRIERS = ["Aetna", "Blue Shield", "Guardian", "MetLife", "Kaiser"]

#: Each topic: templates filled from the slot lists above.
TOPICS: dict[str, list[str]] = {
    "pto": [
        "PTO accrual is not calculating for {people} {when}.",
        "The PTO balance for {people} shows negative hours {when}.",
        "How do we set a PTO accrual cap so balances stop growing past 120 hours?",
        "Carryover moved the wrong PTO balance into the new year for {people}.",
        "Accrual rate for {people} should change after five years of tenure but PTO stays flat.",
        "Employees see a different PTO balance in the app than on their pay stub.",
        "Sick leave and vacation accrue into one PTO bucket; we need separate balances.",
        "PTO requests approved by managers are not deducted from the balance {when}.",
        "Our PTO accrual policy is per hour worked and {people} accrue nothing {when}.",
        "Can PTO accrual be prorated for {people} who start mid-month?",
    ],
    "gl_sync": [
        "Journal entries for payroll failed to sync to {system} {when}.",
        "The GL export to {system} maps wages to the wrong account.",
        "Our {system} sync posts the payroll journal twice {when}.",
        "General ledger sync to {system} drops the department and class mapping.",
        "How do we map payroll expense accounts to our {system} chart of accounts?",
        "The G/L journal from the last payroll never reached {system}.",
        "Accountant asks why the {system} journal entry does not balance {when}.",
        "Payroll liabilities post to one GL account in {system} instead of by location.",
        "Sync to {system} fails with an account mapping error {when}.",
    ],
    "state_tax": [
        "State withholding for employees living in {state} is wrong {when}.",
        "How do we register a new {state} unemployment account for payroll taxes?",
        "Local income tax for {state} was not withheld for {people}.",
        "Employee moved to {state} and the state tax setup still uses the old state.",
        "SUI rate for {state} did not update {when}.",
        "We have remote workers in {state}; which state taxes does payroll file for us?",
        "Quarterly state tax filing for {state} was rejected {when}.",
        "Reciprocity between {state} and a neighbouring state is not applied to withholding.",
    ],
    "sso": [
        "SAML login with {idp} loops back to the sign-in page {when}.",
        "Users cannot log in through {idp} SSO after we rotated the certificate.",
        "How do we enforce SSO for admins with {idp}?",
        "New employees provisioned in {idp} do not get an account here.",
        "SSO sign-in fails with an invalid assertion error from {idp}.",
        "Deprovisioned users in {idp} can still sign in with a password.",
        "Our {idp} user sync stopped creating accounts {when}.",
        "Can we map {idp} groups to admin roles over SAML?",
        "Our security team requires SSO with {idp} for every vendor before the annual review.",
        "Security review flagged that SSO is optional for admins; can we enforce it?",
        "Our security team requires SSO with {idp} for every vendor before the annual review.",
        "Security review flagged that SSO is optional for admins; can we enforce it?",
    ],
    "benefits": [
        "Open enrollment shows the wrong plans for {people}.",
        "The {carrier} carrier feed did not include our new dependents {when}.",
        "Benefit deductions for {people} did not stop after they waived coverage.",
        "Employees cannot add a spouse as a dependent during enrollment.",
        "Our {carrier} enrollment file is missing the life insurance election.",
        "Open enrollment window closed early for {people}.",
        "Health plan deductions doubled on the last payroll for {people}.",
        "{carrier} says they never received the enrollment changes {when}.",
    ],
    "pay_stubs": [
        "Pay stubs for {people} are not showing overtime hours {when}.",
        "Employees cannot download their pay stub PDF from the portal.",
        "Direct deposit for {people} arrived a day late {when}.",
        "The pay stub shows the wrong year-to-date totals {when}.",
        "How do employees split direct deposit between two bank accounts?",
        "Net pay on the stub does not match what landed in the bank account.",
        "Pay stub email notifications stopped going out {when}.",
    ],
}
#: Sentences around the problem, from any topic's ticket: real tickets say who is asking and
#: why it matters, in the product's common words.
_OPENERS = ["Hi team,", "Hello,", "Good morning.", "Hi support,", ""]
_CONTEXT = [
    "We run payroll every two weeks for about {size} employees.",
    "Our payroll admin noticed this while preparing the monthly report.",
    "We switched to you last year and most of it works well.",
    "This is blocking our payroll run on Friday.",
    "I checked the help center but the article did not cover our setup.",
    "Our finance team needs this fixed before the quarter closes.",
    "We have {size} people across three locations.",
    "Our controller flagged it in the weekly report.",
    "It worked fine until a few weeks ago.",
    "I am the only admin on our account.",
    "Happy to jump on a call if that helps.",
    "Screenshots attached.",
]
_CLOSERS = ["Thanks!", "Please advise.", "Any help is appreciated.", "Thank you, Maria",
            "Regards, Tom from HR", ""]  # fmt: skip
TICKETS_PER_TOPIC = 30


def ticket_texts(seed: int = 7) -> list[tuple[str, str]]:
    """(topic, text) for every ticket, in a fixed order."""
    draw = random.Random(seed)
    tickets: list[tuple[str, str]] = []
    for topic, templates in TOPICS.items():
        for number in range(TICKETS_PER_TOPIC):
            problem = templates[number % len(templates)].format(
                people=draw.choice(_PEOPLE),
                when=draw.choice(_WHEN),
                system=draw.choice(_SYSTEMS),
                state=draw.choice(_STATES),
                idp=draw.choice(_IDPS),
                carrier=draw.choice(_CARRIERS),
            )
            context = draw.choice(_CONTEXT) if draw.random() < 0.4 else ""
            context = context.format(size=draw.randrange(20, 900))
            parts = [draw.choice(_OPENERS), context, problem, draw.choice(_CLOSERS)]
            if draw.random() < 0.5:  # the problem first, the context after
                parts[1], parts[2] = parts[2], parts[1]
            tickets.append((topic, " ".join(part for part in parts if part)))
    return tickets


def add_hr_tickets(engine: Engine) -> dict[int, str]:
    """Every ticket as a Zendesk ticket; returns evidence id → topic."""
    topics: dict[int, str] = {}
    with write_session(engine) as session:
        for number, (topic, text) in enumerate(ticket_texts(), start=1):
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=str(number),
                    kind=EvidenceKind.TICKET,
                    text=text,
                    created_at=datetime(2026, 2, 1 + number % 27, tzinfo=UTC),
                ),
            )
            assert item.id is not None
            topics[item.id] = topic
    return topics


@dataclass(frozen=True)
class HrDeal:
    description: str
    loss_reason: str
    amount: Decimal
    #: The topic whose theme the deal's notes reach (by likeness or by words), or None.
    topic: str | None
    #: Whether the description, not the loss reason, is the note that names the topic.
    by_description: bool = False

    @property
    def note(self) -> str:
        """The note that names the topic: the loss reason, unless the description does."""
        return self.description if self.by_description or not self.loss_reason else self.loss_reason


#: Lost deals: gap reasons as sellers type them (short, product names, abbreviations),
#: commercial ones, vendor trust, gaps that share only a common word with any theme, and a
#: choice of one vendor that names a theme's area (0.42 like it: above ``FLOOR``, below the
#: cut discovery leaves items unsorted at).
DEALS = [
    HrDeal("New business, 180 employees", "No PTO accrual rules for union contracts",
           Decimal("48000"), "pto"),
    HrDeal("New business, 95 employees", "PTO balances would be tracked manually",
           Decimal("22500.50"), "pto"),
    HrDeal("Replacing their payroll provider", "Accrual caps by tenure missing",
           Decimal("61250"), "pto"),
    HrDeal("Expansion to the Denver office", "Lacked tenure-based PTO accrual tiers",
           Decimal("17800"), "pto"),
    HrDeal("New business, 60 employees", "Couldn't sync GL to NetSuite", Decimal("39000"),
           "gl_sync"),
    HrDeal("New business, 240 employees", "no Sage Intacct integration", Decimal("84000"),
           "gl_sync"),
    HrDeal("Replacing ADP", "Sage Intacct dimensions unsupported", Decimal("52000"), "gl_sync"),
    HrDeal("New business, 130 employees", "G/L export to Netsuite lacks department mapping",
           Decimal("36400"), "gl_sync"),
    HrDeal("New business, 85 employees", "Journal entries into QuickBooks would be manual",
           Decimal("14900"), "gl_sync"),
    HrDeal("Needs multi-state tax filing for 6 states", "Went with ADP", Decimal("31000"),
           "state_tax", by_description=True),
    HrDeal("Evaluating us for payroll in 3 states", "Lost on price", Decimal("12000"), None),
    HrDeal("New business, 40 employees", "Budget freeze, revisit next year", Decimal("9500"),
           None),
    HrDeal("New business, 300 employees", "Security review: did not trust a vendor our size",
           Decimal("120000"), None),
    HrDeal("New business, 150 employees", "Security review: did not trust a vendor our size",
           Decimal("75000"), None),
    HrDeal("Expansion to the Austin office", "Failed security review: no SAML SSO",
           Decimal("28000"), "sso"),
    HrDeal("New business, 210 employees", "Chose Rippling: one vendor for HR, IT and SSO",
           Decimal("57000"), "sso"),
    HrDeal("New business, 70 employees", "Reporting too limited for the board",
           Decimal("15000"), None),
    HrDeal("New business, 55 employees", "No sync with Outlook calendar", Decimal("8800"),
           None),
]  # fmt: skip
#: Open deals whose descriptions state a need, or only say what the deal is.
OPEN = [
    HrDeal("Needs Sage Intacct GL sync by location", "", Decimal("44000"), "gl_sync"),
    HrDeal("Wants PTO accrual by union contract", "", Decimal("26000"), "pto"),
    HrDeal("Evaluating us for PTO and payroll", "", Decimal("18000"), None),
]


def salesforce_export(folder: Path, lost: Sequence[HrDeal] = DEALS) -> Path:
    """``lost`` (``DEALS`` unless told) and ``OPEN`` as a Salesforce Data Loader export of
    opportunities, each deal on a prospect account of its own (no tickets), so only its
    notes can cite a theme."""
    header = (
        '"Id","Name","AccountId","StageName","Amount","CurrencyIsoCode","CloseDate",'
        '"CreatedDate","IsClosed","IsWon","Type","OwnerId","Description","Loss_Reason__c"'
    )
    rows = [header]
    for number, deal in enumerate([*lost, *OPEN], start=1):
        closed = deal not in OPEN
        stage = "Closed Lost" if closed else "Proposal/Price Quote"
        rows.append(
            ",".join(
                f'"{cell}"'
                for cell in (
                    f"0065g00000HR{number:04d}AQ",
                    f"Prospect {number} - New Business",
                    f"0015g00000HR{number:04d}AQ",
                    stage,
                    str(deal.amount),
                    "USD",
                    "2026-03-20",
                    "2026-01-10T09:00:00.000Z",
                    "true" if closed else "false",
                    "false",
                    "New Business",
                    "0055g0000SIY76SAQT",
                    deal.description,
                    deal.loss_reason,
                )
            )
        )
    path = folder / "opportunities.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
