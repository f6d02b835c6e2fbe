"""A CRM's deal notes are each one deal's: two deals of one account with the same canned
loss reason are two lost deals, never a note and its copy; and a lost deal's class is read
from its reason, then its competitor field, then its notes (docs/sales.md)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from tests.importers.test_crm_classifies_losses import stored
from tests.importers.test_hubspot import DEAL_MAP, companies, deals_file, run_hubspot
from tradeoff.domain.enums import EvidenceKind, LossCategory
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.session import read_session

__all__ = ["companies"]  # the fixture, used by name


def deal(number: str, stage: str, description: str, reason: str, competitor: str) -> str:
    """One HubSpot deal row of Brightwater Logistics, closed 27 February."""
    return (
        f'"{number}","Brightwater - Site {number[-1]}","Sales Pipeline","{stage}","24000","GBP",'
        f'"2026-02-27 00:00","2025-12-02 10:15","Oliver Grant","New Business","{description}",'
        f'"{reason}","","9871234501","Brightwater Logistics Ltd","{competitor}"'
    )


CANNED = "Went with Fernbank, they had the multi-entity payouts module"
PAYOUTS = "Needs multi-entity payouts for their three subsidiaries"


def test_two_deals_with_the_same_canned_notes_are_two_deals_not_copies(
    companies: Engine, tmp_path: Path
) -> None:
    rows = [deal(f"1823456710{n}", "Closed lost", PAYOUTS, CANNED, "Fernbank") for n in (1, 2)]
    run_hubspot(companies, deals_file(tmp_path / "deals.csv", *rows), DEAL_MAP)
    with read_session(companies) as session:
        notes = [
            i
            for i in repository.list_all(session, EvidenceItem)
            if i.kind is EvidenceKind.DEAL_NOTE
        ]
    assert sorted(n.external_id for n in notes) == [
        "18234567101:description",
        "18234567101:loss_reason",
        "18234567102:description",
        "18234567102:loss_reason",
    ]
    assert [n.external_id for n in notes if n.duplicate_of_id is not None] == []
    # A workspace an older import had linked them in: the next export unlinks them.
    first, second = sorted(n.id for n in notes if n.external_id.endswith(":loss_reason"))
    with companies.begin() as connection:
        connection.execute(
            text("UPDATE evidence_items SET duplicate_of_id = :a WHERE id = :b"),
            {"a": first, "b": second},
        )
    later = [*rows, deal("18234567103", "Closed lost", PAYOUTS, CANNED, "Fernbank")]
    run_hubspot(companies, deals_file(tmp_path / "later.csv", *later), DEAL_MAP)
    with read_session(companies) as session:
        again = [
            i
            for i in repository.list_all(session, EvidenceItem)
            if i.kind is EvidenceKind.DEAL_NOTE
        ]
    assert len(again) == 6
    assert [n.external_id for n in again if n.duplicate_of_id is not None] == []


def test_the_competitor_field_outweighs_the_description(companies: Engine, tmp_path: Path) -> None:
    rows = [
        # Lost to a product rival: "Replacing spreadsheets" says what the prospect used.
        deal(
            "18234567201",
            "Closed lost",
            "Replacing spreadsheets for 2 entities",
            "Chose Pennyworth - better approvals",
            "Pennyworth",
        ),
        # No reason; the field says they kept their spreadsheet: not the need described.
        deal("18234567202", "Closed lost", PAYOUTS, "", "Excel"),
        # No reason, no field: the description is all there is.
        deal("18234567203", "Closed lost", "Staying with spreadsheets for now", "", ""),
    ]
    run_hubspot(companies, deals_file(tmp_path / "deals.csv", *rows), DEAL_MAP)
    got = stored(companies)
    assert got["18234567201"][0] != LossCategory.STATUS_QUO.value
    assert got["18234567202"] == (LossCategory.STATUS_QUO.value, "model")
    assert got["18234567203"] == (LossCategory.STATUS_QUO.value, "model")
    with companies.connect() as connection:
        cues = connection.execute(
            text(
                "SELECT c.cues FROM loss_classifications c JOIN deals d ON d.id = c.deal_id "
                "WHERE d.external_id = '18234567202'"
            )
        ).scalar_one()
    assert "competitor: excel" in str(cues)
