"""What a competitor field says the buyer chose instead, from a QA round on a field-service
CRM export: "built our own" and "paper work orders" were read as direct rivals, so the scan
made a second row, "Homegrown tool", for "Built their own in-house", and "Decided to keep
paper work orders" stayed unclassified; "Sticking with their current process" was filed
status_quo by the taxonomy but linked to no status-quo competitor by the scan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.business.test_competitor_vendors import deal, export, links
from tests.importers.exports import make_ledgerly
from tradeoff.analysis.business.competitor_alikes import look_alikes
from tradeoff.analysis.business.competitor_scan import CUES, scan_competitors
from tradeoff.analysis.business.competitors import competitor_ranking
from tradeoff.analysis.business.loss_taxonomy import deals_in_category
from tradeoff.domain.enums import CompetitorKind, LossCategory
from tradeoff.importers.competitors import classify_competitor
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.storage import competitors
from tradeoff.storage.session import read_session

HOMEGROWN, DIRECT = CompetitorKind.HOMEGROWN, CompetitorKind.DIRECT
SPREADSHEET, STATUS_QUO = CompetitorKind.SPREADSHEET, CompetitorKind.STATUS_QUO


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        # A tool the buyer built: "our own" in a competitor field is what they made.
        ("built our own", HOMEGROWN),
        ("in-house", HOMEGROWN),
        ("Homegrown", HOMEGROWN),
        ("our own tool", HOMEGROWN),
        ("Their own system", HOMEGROWN),
        ("Built it ourselves", HOMEGROWN),
        ("Custom-built app", HOMEGROWN),
        # Work done by hand: kept instead of buying, done in-house.
        ("paper work orders", HOMEGROWN),
        ("Pen & paper", HOMEGROWN),
        ("paper forms", HOMEGROWN),
        ("Paper-based", HOMEGROWN),
        ("Whiteboard", HOMEGROWN),
        ("Clipboards", HOMEGROWN),
        ("Manual", HOMEGROWN),
        # A spreadsheet named beside it decides; doing nothing stays the status quo.
        ("whiteboard + spreadsheets", SPREADSHEET),
        ("Sticking with their current process", STATUS_QUO),
        ("Kept existing system", STATUS_QUO),
        # Products whose names hold those words.
        ("Dropbox Paper", DIRECT),
        ("PaperCut", DIRECT),
        ("OwnBackup", DIRECT),
        ("Custom Ink", DIRECT),
        ("Keeper Security", DIRECT),
    ],
)
def test_a_field_names_what_the_buyer_kept(field: str, kind: CompetitorKind) -> None:
    assert classify_competitor(field) is kind


def _qa_export(tmp_path: Path) -> Path:
    """The tester's alternatives, "paper work orders" met first so its row is the older."""
    return export(
        tmp_path,
        deal(1, "paper work orders", "Decided to keep paper work orders"),
        deal(2, "built our own", "Built their own in-house in FileMaker"),
        deal(3, "", "Built it in-house with a contractor"),
        deal(4, "No decision", "No decision"),
        deal(5, "", "Sticking with their current process"),
        deal(6, "paper work orders", "$$$"),
        deal(7, "In-house system", "Went quiet"),
        deal(8, "built our own", "Decided to keep paper work orders"),
    )


def test_the_scan_files_alternatives_under_the_rows_the_fields_made(
    engine: Engine, tmp_path: Path
) -> None:
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), _qa_export(tmp_path))
    report = scan_competitors(engine)
    assert report.competitors_created == ()  # no second "Homegrown tool"
    assert links(engine) == {
        ("Deal 1", "paper work orders", "lost_to"),
        ("Deal 2", "built our own", "lost_to"),
        ("Deal 3", "built our own", "evaluated"),  # not the older paper row
        ("Deal 4", "No decision", "lost_to"),
        ("Deal 5", "No decision", "evaluated"),  # as the taxonomy files it
        ("Deal 6", "paper work orders", "lost_to"),
        ("Deal 7", "In-house system", "lost_to"),
        ("Deal 8", "built our own", "lost_to"),
        ("Deal 8", "paper work orders", "evaluated"),  # by hand and built: two alternatives
    }
    kinds = {s.name: s.kind for s in competitor_ranking(engine)}
    assert kinds == {
        "paper work orders": HOMEGROWN,
        "built our own": HOMEGROWN,
        "No decision": STATUS_QUO,
        "In-house system": HOMEGROWN,
    }
    # Two wordings of one in-house tool are proposed as one; work by hand is not a tool.
    proposed = {(p.name, p.keep, p.as_kind) for p in report.proposals}
    assert proposed == {("In-house system", "built our own", HOMEGROWN)}


def test_the_taxonomy_files_what_they_kept_as_the_status_quo(
    engine: Engine, tmp_path: Path
) -> None:
    make_ledgerly(engine)
    run(engine, SalesforceImporter(), _qa_export(tmp_path))
    kept = {d.name: d.cues for d in deals_in_category(engine, LossCategory.STATUS_QUO)}
    assert kept == {
        "Deal 1": ("decided to keep",),
        "Deal 2": ("built their own", "in house"),
        "Deal 3": ("built it", "in house"),
        "Deal 5": ("current process",),
        "Deal 6": ("competitor: paper work orders",),  # the reason says nothing
        "Deal 7": ("competitor: in house",),
        "Deal 8": ("decided to keep",),
    }


def test_work_by_hand_is_neither_the_tools_row_nor_proposed_beside_it(
    engine: Engine, tmp_path: Path
) -> None:
    make_ledgerly(engine)
    path = export(tmp_path, deal(1, "Whiteboard"), deal(2, "", "Built it in-house"))
    run(engine, SalesforceImporter(), path)
    report = scan_competitors(engine)
    assert report.competitors_created == ("Homegrown tool",)
    assert {s.name: s.kind for s in competitor_ranking(engine)} == {
        "Whiteboard": HOMEGROWN,
        "Homegrown tool": HOMEGROWN,
    }
    assert links(engine) == {
        ("Deal 1", "Whiteboard", "lost_to"),
        ("Deal 2", "Homegrown tool", "evaluated"),
    }
    assert report.proposals == ()
    with read_session(engine) as session:
        assert look_alikes(competitors.competitors(session)) == ()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Decided to keep paper work orders", True),
        ("Stayed on paper", True),
        ("Chose to remain on pen and paper", True),
        # A ticket's complaint about working by hand is no rival of ours.
        ("Since the update I still manually re-enter every job", False),
        ("Half my crew is still on paper because the app crashes", False),
        ("We keep doing it manually until the export is fixed", False),
    ],
)
def test_work_by_hand_is_the_status_quo_only_as_a_decision(text: str, kept: bool) -> None:
    """The scan reads tickets too: "still on paper because the app crashes" made a status
    quo mention, and a "Status quo" row where the workspace had none."""
    cue = re.compile(CUES[CompetitorKind.STATUS_QUO], re.IGNORECASE)
    assert (cue.search(text) is not None) is kept
