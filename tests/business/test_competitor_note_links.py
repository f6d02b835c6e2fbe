"""Deal links made from a deal's words follow the words: a scan takes back a link its words
(or the rules) no longer support, never one from a CRM field, and a merge carries the mark."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from tests.importers.exports import make_ledgerly
from tradeoff.analysis.business.competitor_edits import merge_competitors
from tradeoff.analysis.business.competitor_scan import ScanReport, scan_competitors
from tradeoff.domain.deals import Competitor, Deal, DealCompetitor
from tradeoff.domain.enums import CompetitorRelation, DealOutcome
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.importers.undo import undo_import
from tradeoff.storage import repository
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade
from tradeoff.storage.session import write_session

HEADER = (
    '"Id","Name","StageName","Amount","CurrencyIsoCode","CloseDate","CreatedDate","IsClosed",'
    '"IsWon","Description","Competitor__c"'
)


def export(folder: Path, notes: str, version: int) -> Path:
    """Three lost deals: one whose notes name Zoho, one whose CRM field does, one neither."""
    rows = [
        f'"0061","Acme","Closed Lost","1000.0","USD","2026-01-10","2025-12-01T10:00:00.000Z",'
        f'"true","false","{notes}",""',
        '"0062","Beta","Closed Lost","2000.0","USD","2026-01-10","2025-12-01T10:00:00.000Z",'
        '"true","false","Went quiet","Zoho"',
        '"0063","Gamma","Closed Lost","3000.0","USD","2026-01-10","2025-12-01T10:00:00.000Z",'
        '"true","false","Also evaluating Pipedrive",""',
    ]
    path = folder / f"opportunities-{version}.csv"
    path.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    return path


def links(engine: Engine) -> set[tuple[str, str, str]]:
    query = text(
        "SELECT d.external_id, c.name, dc.relation FROM deal_competitors dc "
        "JOIN deals d ON d.id = dc.deal_id JOIN competitors c ON c.id = dc.competitor_id"
    )
    with engine.connect() as connection:
        return {(a, b, c) for a, b, c in connection.execute(query)}


def scanned(engine: Engine, opportunities: Path, *competitors: str) -> ScanReport:
    """A workspace knowing ``competitors``, the export imported, then scanned."""
    make_ledgerly(engine)
    with write_session(engine) as session:
        for name in competitors:
            repository.add(session, Competitor(name=name))
    run(engine, SalesforceImporter(), opportunities)
    return scan_competitors(engine)


def test_a_scan_takes_back_what_the_words_no_longer_say_and_never_a_crm_link(
    engine: Engine, tmp_path: Path
) -> None:
    first = scanned(engine, export(tmp_path, "Lost to Zoho on price", 1), "Pipedrive")
    assert (first.deal_links_added, first.deal_links_removed) == (2, 0)
    assert links(engine) == {
        ("0061", "Zoho", "evaluated"),
        ("0062", "Zoho", "lost_to"),
        ("0063", "Pipedrive", "evaluated"),
    }
    # The seller rewrites the note: Zoho was only a system to connect to.
    run(engine, SalesforceImporter(), export(tmp_path, "Needs a Zoho sync to keep working", 2))
    second = scan_competitors(engine)
    assert (second.deal_links_added, second.deal_links_removed) == (0, 1)
    assert links(engine) == {("0062", "Zoho", "lost_to"), ("0063", "Pipedrive", "evaluated")}
    assert scan_competitors(engine).deal_links_removed == 0  # a second scan changes nothing


def test_a_merge_carries_the_mark_so_a_later_scan_can_still_take_the_link_back(
    engine: Engine, tmp_path: Path
) -> None:
    scanned(engine, export(tmp_path, "Went quiet", 1), "Pipedrive", "Pipedrive CRM")
    merge_competitors(engine, "Pipedrive", into="Pipedrive CRM")
    assert ("0063", "Pipedrive CRM", "evaluated") in links(engine)
    path = export(tmp_path, "Went quiet", 2)
    path.write_text(path.read_text().replace("Also evaluating Pipedrive", "Chose us"))
    run(engine, SalesforceImporter(), path)
    assert scan_competitors(engine).deal_links_removed == 1
    assert not any(link[0] == "0063" for link in links(engine))


def test_upgrading_marks_the_evaluated_links_of_closed_deals(empty_database_url: str) -> None:
    """Before 0025 nothing said which links came from words; an "evaluated" link on a won
    or lost deal can only have (a CRM field files a closed deal as lost to or won against)."""
    engine = open_engine(empty_database_url)
    upgrade(engine, "0024")
    with write_session(engine) as session:
        zoho = repository.add(session, Competitor(name="Zoho"))
        assert zoho.id is not None
        for external_id, outcome, relation in (
            ("lost-noted", DealOutcome.LOST, CompetitorRelation.EVALUATED),
            ("lost-crm", DealOutcome.LOST, CompetitorRelation.LOST_TO),
            ("open", DealOutcome.OPEN, CompetitorRelation.EVALUATED),
        ):
            deal = repository.add(
                session, Deal(source="crm", external_id=external_id, name=external_id,
                              outcome=outcome)
            )  # fmt: skip
            assert deal.id is not None
            repository.add(
                session,
                DealCompetitor(deal_id=deal.id, competitor_id=zoho.id, relation=relation),
            )
    upgrade(engine)
    query = text(
        "SELECT d.external_id FROM deal_competitor_notes n JOIN deals d ON d.id = n.deal_id"
    )
    with engine.connect() as connection:
        assert [row[0] for row in connection.execute(query)] == ["lost-noted"]
    engine.dispose()


def test_undoing_the_import_that_vouched_for_a_link_hands_it_back_to_the_scan(
    engine: Engine, tmp_path: Path
) -> None:
    """The CRM's field took over a link the scan made; once that import is undone the link
    is the scan's again, so words that stop naming the rival take it away."""
    scanned(engine, export(tmp_path, "Lost to Zoho on price", 1), "Pipedrive")
    vouching = export(tmp_path, "Lost to Zoho on price", 2)
    field = '"Lost to Zoho on price",""'
    vouching.write_text(vouching.read_text().replace(field, '"Lost to Zoho on price","Zoho"'))
    batch = run(engine, SalesforceImporter(), vouching).batch_id
    assert ("0061", "Zoho", "lost_to") in links(engine)
    undo_import(engine, batch)
    assert ("0061", "Zoho", "evaluated") in links(engine)
    run(engine, SalesforceImporter(), export(tmp_path, "Went quiet", 3))
    assert scan_competitors(engine).deal_links_removed == 1
    assert not any(link[0] == "0061" for link in links(engine))
