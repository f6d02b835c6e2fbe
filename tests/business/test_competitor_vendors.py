"""One vendor, however sales wrote it: a brand and its product lines, an acronym of the
words, each deal counted once per alternative — and nothing proposed across kinds.

From a QA tester's HR/payroll corpus: "ADP", "ADP Workforce Now", "ADP WFN" and "ADP Run"
stayed four rows ranked 8, 10, 14 and 16 (the real #3 rival), a deal whose field said
"In-house system" and whose loss reason said "in-house tool" counted under two homegrown
rows, and the scan proposed merging Deel (payroll) into Excel (a spreadsheet).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, text

from tests.importers.exports import make_ledgerly
from tradeoff.analysis.business.competitor_alikes import SAME_VENDOR_AT, alike_to, look_alikes
from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.analysis.business.competitors import competitor_profile, competitor_ranking
from tradeoff.domain.competitor_names import (
    CAMEL_ACRONYM,
    PROPOSE_AT,
    SAME_AT,
    same_competitor,
    similarity,
)
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind, CompetitorRelation
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.storage import repository
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import (
    CompetitorRow,
    DealCompetitorNotedRow,
    DealCompetitorRow,
    DealRow,
)

DIRECT, SPREADSHEET = CompetitorKind.DIRECT, CompetitorKind.SPREADSHEET
HOMEGROWN = CompetitorKind.HOMEGROWN

#: The tester's report export, as Salesforce writes a tabular report.
HEADER = (
    '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
    '"Created Date","Loss Reason","Competitor"'
)


def deal(number: int, competitor: str, reason: str = "") -> str:
    return (
        f'"Deal {number}","0065g000000000{number}","Firm {number} Inc.","Closed Lost","1000",'
        f'"3/1/2026","2/1/2026","{reason}","{competitor}"'
    )


def export(folder: Path, *rows: str, name: str = "report") -> Path:
    path = folder / f"{name}.csv"
    path.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    return path


def rows(engine: Engine) -> list[tuple[str, str, tuple[str, ...], int]]:
    """The ranking as (name, kind, aliases, deals met), by name."""
    return sorted(
        (s.name, s.kind.value, s.aliases, s.deals_met) for s in competitor_ranking(engine)
    )


def links(engine: Engine) -> set[tuple[str, str, str]]:
    query = text(
        "SELECT d.name, c.name, dc.relation FROM deal_competitors dc "
        "JOIN deals d ON d.id = dc.deal_id JOIN competitors c ON c.id = dc.competitor_id"
    )
    with engine.connect() as connection:
        return {(a, b, c) for a, b, c in connection.execute(query)}


def known(*names: tuple[str, CompetitorKind]) -> list[Competitor]:
    return [Competitor(id=n, name=name, kind=kind) for n, (name, kind) in enumerate(names, 1)]


@pytest.mark.parametrize(
    ("written", "brand"),
    [
        ("ADP Workforce Now", "ADP"),  # a three-letter brand, then its product line
        ("ADP WFN", "ADP"),
        ("ADP Run", "ADP"),
        ("SAP SuccessFactors", "SAP"),
        ("GE Digital", "GE"),  # two capitals are a brand too
        ("UKG Ready", "UKG"),
    ],
)
def test_a_brand_followed_by_its_product_line_is_the_brand(written: str, brand: str) -> None:
    match = same_competitor(written, known((brand, DIRECT), ("Zoho", DIRECT)))
    assert match is not None
    assert (match.competitor.name, match.score) == (brand, 0.9)


@pytest.mark.parametrize(
    ("written", "pool"),
    [
        # Two product lines of one maker, the maker alone never named: proposed at most.
        ("ADP Run", [("ADP Workforce Now", DIRECT)]),
        ("Microsoft Dynamics", [("Microsoft Excel", SPREADSHEET)]),
        # A name that says it is a spreadsheet never joins a product by likeness.
        ("Microsoft Excel", [("Microsoft", DIRECT), ("Microsoft Dynamics", DIRECT)]),
        ("Google Sheets", [("Google", DIRECT)]),
        # A short word elsewhere than first is no brand: "BI" is not "Power BI".
        ("BI", [("Power BI", DIRECT)]),
        ("ge digital", [("ge", DIRECT)]),  # two lower-case letters: no acronym, no brand
    ],
)
def test_product_lines_of_one_maker_and_other_kinds_are_not_filed(
    written: str, pool: list[tuple[str, CompetitorKind]]
) -> None:
    kind = SPREADSHEET if written.endswith(("Excel", "Sheets")) else DIRECT
    assert same_competitor(written, known(*pool), kind=kind) is None


def test_an_acronym_stands_for_the_words_it_spells() -> None:
    # Initials exactly: the same name.
    assert similarity("Dynamics GP", "Dynamics Great Plains") == 1.0
    assert similarity("ADP", "Automatic Data Processing") == 1.0
    # "WFN" takes its F from inside "Workforce": proposed with a high score, never filed.
    assert PROPOSE_AT < similarity("ADP WFN", "ADP Workforce Now") == 0.8 < SAME_AT
    assert similarity("adp wfn", "ADP Workforce Now") < PROPOSE_AT  # no capitals, no acronym
    # What was handled before stays.
    assert similarity("MSFT Dynamics", "Dynamics 365") == 0.9
    assert similarity("Microsoft Dynamics CRM", "MSFT Dynamics") == 1.0


def test_short_names_that_begin_differently_are_not_proposed() -> None:
    assert similarity("Deel", "Excel") < PROPOSE_AT
    assert PROPOSE_AT <= similarity("Zoho", "Zohar") < SAME_AT  # a typo keeps its first letter
    assert similarity("Exel", "Excel") >= SAME_AT


def test_proposals_never_cross_kinds() -> None:
    pool = known(
        ("Excel", SPREADSHEET),
        ("Microsoft Dynamics", DIRECT),
        ("Microsoft Excel", SPREADSHEET),
        ("ADP", DIRECT),
        ("Acme Agency", CompetitorKind.AGENCY),
        ("Acme", DIRECT),
        ("ADP Workforce Now", DIRECT),
        ("ADP WFN", DIRECT),
    )
    assert [(p.name, p.closest, round(p.score, 2)) for p in look_alikes(pool)] == [
        ("ADP WFN", "ADP", 0.9),
        ("ADP Workforce Now", "ADP", 0.9),
        ("Microsoft Excel", "Excel", 0.9),
    ]
    adp = pool[3]
    assert [(p.name, round(p.score, 2)) for p in alike_to(adp, pool)] == [
        ("ADP WFN", 0.9),
        ("ADP Workforce Now", 0.9),
    ]
    assert alike_to(adp, pool, chosen={7, 8}) == ()  # a person named them: settled


def test_the_report_s_brand_and_product_lines_import_as_one_competitor(
    engine: Engine, tmp_path: Path
) -> None:
    """The tester's minimal reproduction, and the other two spellings of ADP."""
    make_ledgerly(engine)
    run(
        engine,
        SalesforceImporter(),
        export(
            tmp_path,
            deal(1, "ADP"),
            deal(2, "ADP Workforce Now"),
            deal(3, "ADP WFN"),
            deal(4, "ADP Run"),
            deal(5, "Microsoft Excel"),
            deal(6, "Microsoft Dynamics"),
        ),
    )
    assert rows(engine) == [
        ("ADP", "direct", ("ADP Run", "ADP WFN", "ADP Workforce Now"), 4),
        ("Microsoft Dynamics", "direct", (), 1),
        ("Microsoft Excel", "spreadsheet", (), 1),
    ]


def test_rows_made_apart_are_proposed_and_named_on_each_other_s_page(
    engine: Engine, tmp_path: Path
) -> None:
    """A workspace imported before brands were read holds four ADP rows: the scan proposes
    them with a high score, and ADP's page names the others."""
    make_ledgerly(engine)
    with write_session(engine) as session:
        for name in ("ADP", "ADP Workforce Now", "ADP WFN", "Deel", "Excel"):
            kind = SPREADSHEET if name == "Excel" else DIRECT
            repository.add(session, Competitor(name=name, kind=kind))
    run(engine, SalesforceImporter(), export(tmp_path, deal(1, "ADP"), deal(2, "Deel")))
    proposals = [(p.name, p.closest, p.score) for p in scan_competitors(engine).proposals]
    assert proposals == [("ADP WFN", "ADP", 0.9), ("ADP Workforce Now", "ADP", 0.9)]
    alike = competitor_profile(engine, "ADP").to_json()["looks_like"]
    assert alike == [
        {"name": name, "score": 0.9, "as_kind": None, "merge_into": "ADP"}
        for name in ("ADP WFN", "ADP Workforce Now")
    ]


def test_a_deal_counts_once_per_alternative_after_a_scan(engine: Engine, tmp_path: Path) -> None:
    """A field naming one in-house tool, spreadsheet or ADP product line and words naming
    another of the same add no second link; words naming a new alternative still do."""
    make_ledgerly(engine)
    with write_session(engine) as session:  # rows an earlier import and scan made
        for name, kind in (
            ("in-house tool", HOMEGROWN),
            ("spreadsheets", SPREADSHEET),
            ("ADP WFN", DIRECT),
            ("Gusto", DIRECT),
        ):
            repository.add(session, Competitor(name=name, kind=kind))
    run(
        engine,
        SalesforceImporter(),
        export(
            tmp_path,
            deal(1, "In-house system", "Kept using their in-house tool built by their IT team."),
            deal(2, "Excel", "Decided to stay with spreadsheets for another year."),
            deal(3, "ADP Workforce Now", "Lost on relationships: they knew the ADP WFN rep."),
            deal(4, "Excel", "Went with Gusto, and built their own tool in-house."),
        ),
    )
    assert ("ADP Workforce Now", "direct", (), 1) in rows(engine)  # proposed, not filed (0.8)
    report = scan_competitors(engine)
    assert links(engine) == {
        ("Deal 1", "In-house system", "lost_to"),
        ("Deal 2", "Excel", "lost_to"),
        ("Deal 3", "ADP Workforce Now", "lost_to"),
        ("Deal 4", "Excel", "lost_to"),
        ("Deal 4", "Gusto", "evaluated"),
        ("Deal 4", "in-house tool", "evaluated"),
    }
    assert (report.deal_links_added, report.deal_links_removed) == (2, 0)
    again = scan_competitors(engine)
    assert (again.deal_links_added, again.deal_links_removed) == (0, 0)


def test_a_scan_takes_back_a_second_link_an_earlier_scan_made(
    engine: Engine, tmp_path: Path
) -> None:
    """Workspaces scanned before the rule hold the double link: the next scan removes it."""
    make_ledgerly(engine)
    with write_session(engine) as session:
        repository.add(session, Competitor(name="in-house tool", kind=HOMEGROWN))
    path = export(tmp_path, deal(1, "In-house system", "Kept using their in-house tool."))
    run(engine, SalesforceImporter(), path)
    with write_session(engine) as session:  # what a scan wrote before the rule
        deal_id = session.scalars(select(DealRow.id)).one()
        tool = select(CompetitorRow.id).where(CompetitorRow.name == "in-house tool")
        pair = {"deal_id": deal_id, "competitor_id": session.scalars(tool).one()}
        session.execute(
            insert(DealCompetitorRow),
            [{**pair, "relation": CompetitorRelation.EVALUATED, "mentioned_as": "in-house tool"}],
        )
        session.execute(insert(DealCompetitorNotedRow), [pair])
    assert scan_competitors(engine).deal_links_removed == 1
    assert links(engine) == {("Deal 1", "In-house system", "lost_to")}


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("NS", "NetSuite"),
        ("NS", "Oracle NetSuite"),  # the run of words it spells, the maker beside it
        ("QB", "QuickBooks"),
        ("QBO", "QuickBooks Online"),
        ("HS", "HubSpot"),
    ],
)
def test_an_acronym_of_a_camelcase_name_s_parts_is_proposed_never_filed(
    acronym: str, name: str
) -> None:
    """A QA round's "NS" (NetSuite, Net + Suite) was never proposed: its letters are the
    initials of the word's CamelCase parts. Two letters are weak evidence: proposed, never
    filed by an import."""
    assert PROPOSE_AT < similarity(acronym, name) == CAMEL_ACRONYM < SAME_VENDOR_AT < SAME_AT
    assert same_competitor(acronym, known((name, DIRECT)), kind=DIRECT) is None
    assert [(p.name, p.closest) for p in look_alikes(known((name, DIRECT), (acronym, DIRECT)))] == [
        (acronym, name)
    ]


@pytest.mark.parametrize(
    ("written", "other"),
    [
        ("ns", "NetSuite"),  # no capitals, no acronym
        ("SN", "NetSuite"),  # not in the parts' order
        ("NS", "Netsuite"),  # one word, one part
        ("NS", "Cin7"),
        ("DEAR Inventory", "Cin7 Core"),  # a former name: only a person knows
    ],
)
def test_letters_that_spell_no_parts_are_not_proposed(written: str, other: str) -> None:
    assert similarity(written, other) < PROPOSE_AT


def test_the_scan_proposes_the_acronym_and_names_it_on_the_page(
    engine: Engine, tmp_path: Path
) -> None:
    """Spacing and a maker's name join without asking ("cin 7" is Cin7, "Oracle NetSuite"
    NetSuite); "NS" gets a row of its own that the scan proposes and NetSuite's page names."""
    make_ledgerly(engine)
    rows_written = [
        deal(1, "NetSuite"),
        deal(2, "Oracle NetSuite"),
        deal(3, "NS", "Lost to NS, their CFO wanted one vendor"),
        deal(4, "Cin7"),
        deal(5, "cin 7"),
    ]
    run(engine, SalesforceImporter(), export(tmp_path, *rows_written))
    assert rows(engine) == [
        ("Cin7", "direct", ("cin 7",), 2),
        ("NS", "direct", (), 1),
        ("NetSuite", "direct", ("Oracle NetSuite",), 2),
    ]
    proposals = [(p.name, p.closest, p.score) for p in scan_competitors(engine).proposals]
    assert proposals == [("NS", "NetSuite", CAMEL_ACRONYM)]
    alike = competitor_profile(engine, "NetSuite").to_json()["looks_like"]
    assert [(a["name"], a["merge_into"]) for a in alike] == [("NS", "NetSuite")]
