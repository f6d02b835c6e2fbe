"""Initials taken from inside a compound word: a QA round's "HCP" (twelve deals, USD 673k lost,
ranked #4 as a rival of its own) was never proposed as Housecall Pro. The rule proposes, never
files, and must not propose junk among real rivals' names and their usual abbreviations."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from sqlalchemy import Engine

from tests.business.test_competitor_vendors import deal, export, known, rows
from tests.importers.exports import make_ledgerly
from tradeoff.analysis.business.competitor_alikes import (
    SAME_VENDOR_AT,
    alike_to,
    look_alikes,
)
from tradeoff.analysis.business.competitor_initials import COMPOUND_INITIALS, spells_compound
from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.domain.competitor_names import CAMEL_ACRONYM, PROPOSE_AT, SAME_AT, similarity
from tradeoff.domain.enums import CompetitorKind
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter

DIRECT = CompetitorKind.DIRECT

#: Rivals as CRM fields name them, in CRM, ERP and accounting, payroll and HR, help desk,
#: field service, marketing, project tools and cloud.
RIVALS = """Salesforce, HubSpot, Zoho CRM, Pipedrive, Freshsales, Monday.com, Copper, Insightly,
Nutshell, Close, Agile CRM, Bitrix24, Keap, NetSuite, Oracle NetSuite, QuickBooks, QuickBooks
Online, Xero, Sage Intacct, Sage 300, Sage X3, Dynamics 365, Microsoft Dynamics, Dynamics GP,
Great Plains, SAP, SAP SuccessFactors, Odoo, Epicor, Infor, Acumatica, FreshBooks, Zoho Books,
Wave, Workday, BambooHR, Gusto, Rippling, Paychex, Paychex Flex, ADP, ADP Workforce Now, UKG
Ready, Deel, Zendesk, Freshdesk, Intercom, Help Scout, Front, ServiceNow, Freshservice,
ConnectWise, Autotask, Kaseya, ServiceTitan, Housecall Pro, Jobber, GetJobber, FieldEdge,
Service Fusion, Kickserv, WorkWave, Procore, Buildertrend, Marketo, Pardot, Mailchimp,
Constant Contact, Salesloft, Outreach, Gong, Asana, Trello, Jira, Airtable, Smartsheet, Wrike,
ClickUp, Basecamp, Notion, Confluence, Slack, Microsoft Teams, Google Cloud Platform, Amazon
Web Services, Microsoft Azure, Excel, Google Sheets, Coupa, Ariba"""
#: How sales abbreviates them, and capitals that mean something else.
ABBREVIATIONS = """SF, SFDC, HS, QB, QBO, QBD, NS, MS Dynamics, MSD, ST, HCP, GJ, FE, ZC, SI,
ADP, WFN, UKG, GCP, AWS, SAP, CRM, ERP, HR, IT, API, SSO, BHR, SFA, MSFT, PD, FD, CW, SN, SNOW,
OCI, GWS, DYN, MAS, BT, SFM, ZB, WW, MC, CC, HP, GP, PO, SLA, ROI"""

#: Every pair the rule proposes among them, each right.
EXPECTED = {
    frozenset({"HCP", "Housecall Pro"}),
    frozenset({"MSD", "Microsoft Dynamics"}),
    frozenset({"GCP", "Google Cloud Platform"}),
    frozenset({"AWS", "Amazon Web Services"}),
}


def names(listed: str) -> list[str]:
    return [" ".join(n.split()) for n in listed.split(",")]


def test_only_real_abbreviations_are_read_among_real_rivals() -> None:
    pool = names(RIVALS) + names(ABBREVIATIONS)
    found = {
        frozenset({a, b})
        for a, b in combinations(pool, 2)
        if spells_compound(a, b) or spells_compound(b, a)
    }
    assert found == EXPECTED


def test_the_score_proposes_and_never_files() -> None:
    assert PROPOSE_AT < COMPOUND_INITIALS < CAMEL_ACRONYM < SAME_AT
    assert COMPOUND_INITIALS < SAME_VENDOR_AT  # a deal naming both keeps both links
    assert similarity("HCP", "Housecall Pro") < PROPOSE_AT  # the name rules alone: nothing


def test_what_the_rule_does_not_read() -> None:
    assert not spells_compound("HP", "Housecall Pro")  # two letters: "HP" is a maker
    assert not spells_compound("hcp", "Housecall Pro")  # no capitals, no abbreviation
    assert not spells_compound("SFC", "Salesforce Cloud")  # "f" after "s": no syllable
    assert not spells_compound("HCP", "Housecall")  # "Pro" gives no letter here
    assert not spells_compound("HCPX", "Housecall Pro")  # a letter left over
    assert not spells_compound("ADP", "Adobe Pro")  # "a" is too short a part


def test_the_scan_proposes_folding_the_initials_into_the_name(
    engine: Engine, tmp_path: Path
) -> None:
    """HCP was met first; a merge keeps the target's name, so the proposal keeps the name
    that says who the rival is."""
    make_ledgerly(engine)
    path = export(tmp_path, deal(1, "HCP"), deal(2, "Housecall Pro"), deal(3, "HCP"))
    run(engine, SalesforceImporter(), path)
    assert rows(engine) == [("HCP", "direct", (), 2), ("Housecall Pro", "direct", (), 1)]
    proposals = scan_competitors(engine).proposals
    assert [(p.name, p.keep, p.score) for p in proposals] == [
        ("HCP", "Housecall Pro", COMPOUND_INITIALS)
    ]
    assert len(rows(engine)) == 2  # proposed, not merged


def test_either_row_s_page_names_the_other_with_the_same_merge() -> None:
    hcp, housecall = known(("HCP", DIRECT), ("Housecall Pro", DIRECT))
    assert [(p.name, p.into) for p in alike_to(hcp, [hcp, housecall])] == [
        ("Housecall Pro", "Housecall Pro")
    ]
    assert [(p.name, p.into) for p in alike_to(housecall, [hcp, housecall])] == [
        ("HCP", "Housecall Pro")
    ]
    # Met the other way round, the newer initials fold into the older name as usual.
    housecall, hcp = known(("Housecall Pro", DIRECT), ("HCP", DIRECT))
    assert [(p.name, p.keep) for p in look_alikes([housecall, hcp])] == [("HCP", "Housecall Pro")]
    # A name a person chose is never proposed to go.
    assert look_alikes([housecall, hcp], chosen={housecall.id or 0, hcp.id or 0}) == ()
