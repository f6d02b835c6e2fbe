"""Telling names apart: fuzzy matching of competitor names, and fields naming several."""

from __future__ import annotations

import pytest

from tradeoff.analysis.business.competitor_scan import MentionFinder
from tradeoff.domain.competitor_names import (
    PROPOSE_AT,
    SAME_AT,
    close_names,
    same_competitor,
    similarity,
)
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.importers.competitors import classify_competitor, split_competitor_names

KNOWN = [
    Competitor(id=1, name="Dynamics 365", aliases=["MSFT Dynamics", "Microsoft Dynamics"]),
    Competitor(id=2, name="Zoho", aliases=["Zoho CRM"]),
    Competitor(
        id=3,
        name="Spreadsheets",
        aliases=["Excel", "Google Sheets"],
        kind=CompetitorKind.SPREADSHEET,
    ),
    Competitor(id=4, name="Acme Agency", kind=CompetitorKind.AGENCY),
    Competitor(id=7, name="Power BI"),
]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("MSFT Dynamics", "Dynamics 365"),
        ("Microsoft Dynamics CRM", "Dynamics 365"),
        ("dynamics 365", "Dynamics 365"),
        ("ZOHO crm", "Zoho"),
        ("Zoho Inc.", "Zoho"),
        ("excel", "Spreadsheets"),
        ("Google  Sheets", "Spreadsheets"),
        # One word or two, with or without its maker (a QA tester's three Power BIs).
        ("PowerBI", "Power BI"),
        ("Microsoft Power BI", "Power BI"),
        ("MSFT Power BI", "Power BI"),
    ],
)
def test_ways_of_writing_a_known_competitor_are_that_competitor(written: str, meant: str) -> None:
    match = same_competitor(written, KNOWN)
    assert match is not None
    assert match.competitor.name == meant


@pytest.mark.parametrize(
    "written", ["Zohar", "Zendesk", "Google Docs", "Acme Freight", "Sage", "BI", "Power Automate"]
)
def test_other_names_are_not_filed_under_a_known_competitor(written: str) -> None:
    assert same_competitor(written, KNOWN) is None


def test_a_name_run_together_finds_the_maker_s_spelling_whichever_came_first() -> None:
    """A QA tester's file named "PowerBI" first: "Microsoft Power BI" then made a second
    competitor, as Power BI alone would not have."""
    first = [Competitor(id=8, name="PowerBI")]
    match = same_competitor("Microsoft Power BI", first)
    assert match is not None
    assert match.competitor.name == "PowerBI"
    assert same_competitor("Power Automate", first) is None


def test_the_scale_between_proposing_and_filing() -> None:
    assert similarity("Zoho", "Zohar") == pytest.approx(2 * 3 / 9)
    assert PROPOSE_AT <= similarity("Zoho", "Zohar") < SAME_AT
    assert similarity("Pipedrive", "Pipedrvie") >= SAME_AT
    assert similarity("MSFT Dynamics", "Dynamics 365") == 0.9
    assert similarity("Fernbank", "Pennyworth") < PROPOSE_AT
    assert close_names("dynamcs", ["Dynamics 365", "Zoho", "Acme Agency"]) == ["Dynamics 365"]


@pytest.mark.parametrize(
    ("field", "names"),
    [
        ("Zoho; Excel", ["Zoho", "Excel"]),
        ("Dynamics 365, Zoho", ["Dynamics 365", "Zoho"]),
        ("Dynamics 365, Zoho; Acme, Inc.", ["Dynamics 365", "Zoho", "Acme, Inc."]),
        ("Acme, Inc., Zoho", ["Acme, Inc.", "Zoho"]),
        ("Zoho;zoho ; ,", ["Zoho"]),
        # A QA tester's "Vault / Doppler" lost Vault to Doppler's fuzzy match.
        ("Vault / Doppler", ["Vault", "Doppler"]),
        ("A/B Tasty, Optimizely", ["A/B Tasty", "Optimizely"]),
        ("", []),
    ],
)
def test_a_competitor_field_naming_several_gives_each(field: str, names: list[str]) -> None:
    assert split_competitor_names(field) == names


def finder() -> MentionFinder:
    extra = {CompetitorKind.HOMEGROWN: 5, CompetitorKind.STATUS_QUO: 6}
    owners = {c.kind: c.id for c in KNOWN if c.id} | extra

    def owner(kind: CompetitorKind) -> int:
        found = owners[kind]
        assert found is not None
        return found

    return MentionFinder(KNOWN, owner)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Bulk export please, like Zoho has.", {2: "Zoho"}),
        ("Zohar from finance asked again.", {}),
        ("The new dashboard is excellent.", {}),
        # Exporting to a spreadsheet is a step of the work, not doing it there instead.
        ("We export to EXCEL every Monday", {}),
        ("Invoices are exported to Excel for the CFO every month.", {}),
        ("They track every job in Excel today", {3: "Excel"}),
        ("They chose Microsoft\nDynamics over us", {1: "Microsoft Dynamics"}),
        ("msft dynamics, then Dynamics 365", {1: "msft dynamics"}),
        ("rebuilding the same spreadsheet weekly", {3: "spreadsheet"}),
        ("They built their own tool in the end", {5: "built their own tool"}),
        ("an in-house tool does it", {5: "in-house tool"}),
        ("They will stick with what they have.", {6: "stick with what they have"}),
        ("No decision this quarter", {6: "No decision"}),
        ("Went with a dev agency", {4: "dev agency"}),
        ("our agency partner", {}),
        ("Zoho and Excel, said the Zoho fan", {2: "Zoho", 3: "Excel"}),
        # A system to connect to, not a rival (a QA tester's "No native Salesforce integration"
        # counted 4 deals and USD 195,300 as lost to Salesforce).
        ("No native Zoho integration", {}),
        ("Needs a Zoho CRM connector and sync with Dynamics 365", {}),
        ("They wanted to integrate with their MSFT Dynamics", {}),
        ("Lost to Zoho: the Zoho integration with Dynamics 365 was enough", {2: "Zoho"}),
        ("Zoho's integrations were better", {2: "Zoho"}),
        # A sentence of connecting with no word of competing (a QA tester's 17 HubSpot deals).
        ("Marketing team runs on Zoho and wants the contact sync to keep working.", {}),
        ("Lost to Zoho, whose Gmail sync was better.", {2: "Zoho"}),
        ("Zoho sync broke. Also evaluating Zoho for the field team.", {2: "Zoho"}),
        # A deal's description above its loss reason: each line is its own sentence.
        (
            "Wants Zoho live connection\nStayed with their current vendor",
            {6: "Stayed with their current vendor"},
        ),
        ("Needs an integration\nZoho was better", {2: "Zoho"}),
        ("Decided to build their own in-house", {5: "build their own in-house"}),
        ("They will keep it in-house for now", {5: "keep it in-house"}),
        ("Our in-house legal team reviewed the contract", {}),
    ],
)
def test_competitors_named_in_text_are_found_as_whole_words(
    text: str, found: dict[int, str]
) -> None:
    assert finder().find(text) == found


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        ("nobody", CompetitorKind.STATUS_QUO),  # a QA tester's CRM: was a direct competitor
        ("No one", CompetitorKind.STATUS_QUO),
        ("No decision", CompetitorKind.STATUS_QUO),
        ("Stayed with their current process", CompetitorKind.STATUS_QUO),  # the scan's words
        ("Stick with what we have", CompetitorKind.STATUS_QUO),
        ("Excel", CompetitorKind.SPREADSHEET),
        ("In-house tool", CompetitorKind.HOMEGROWN),
        ("Nobelium CRM", CompetitorKind.DIRECT),
    ],
)
def test_a_competitor_field_names_its_kind(field: str, kind: CompetitorKind) -> None:
    assert classify_competitor(field) is kind
