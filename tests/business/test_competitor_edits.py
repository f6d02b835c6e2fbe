"""Competitors as the CRM names them, and a person's merges and splits surviving every later
import and scan."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.business.world import World
from tests.importers.exports import make_ledgerly
from tradeoff.analysis.business.competitor_edits import merge_competitors, split_competitor
from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.errors import Conflict, InputError, NotFound
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session

HEADER = (
    '"Id","Name","StageName","Amount","CurrencyIsoCode","CloseDate","CreatedDate","IsClosed",'
    '"IsWon","Description","Competitor__c"'
)
ROWS = [
    '"0061","Acme - New","Closed Lost","1000.0","USD","2026-01-10","2025-12-01T10:00:00.000Z",'
    '"true","false","Lost on price; they export to Excel anyway","Zoho; Excel"',
    '"0062","Beta - New","Closed Won","2000.0","EUR","2026-02-10","2025-12-02T10:00:00.000Z",'
    '"true","true","","Dynamics 365, Zoho"',
    '"0063","Gamma - New","Prospecting","3000.0","USD","","2026-01-02T10:00:00.000Z","false",'
    '"false","Trial going well","Microsoft Dynamics CRM; Acme, Inc."',
]


def opportunities(folder: Path, *extra: str) -> Path:
    """The export; ``extra`` rows make a later export whose bytes differ (a new file)."""
    path = folder / f"opportunities-{len(extra)}.csv"
    path.write_text("\r\n".join([HEADER, *ROWS, *extra]) + "\r\n", encoding="utf-8")
    return path


def links(engine: Engine) -> set[tuple[str, str, str, str | None]]:
    """(deal, competitor, relation, as written), by plain SQL."""
    query = text(
        "SELECT d.external_id, c.name, dc.relation, dc.mentioned_as FROM deal_competitors dc "
        "JOIN deals d ON d.id = dc.deal_id JOIN competitors c ON c.id = dc.competitor_id"
    )
    with engine.connect() as connection:
        return {(a, b, c, d) for a, b, c, d in connection.execute(query)}


def competitors(engine: Engine) -> dict[str, tuple[CompetitorKind, list[str]]]:
    with read_session(engine) as session:
        return {c.name: (c.kind, c.aliases) for c in repository.list_all(session, Competitor)}


@pytest.fixture
def imported(engine: Engine, tmp_path: Path) -> Engine:
    make_ledgerly(engine)
    with write_session(engine) as session:
        repository.add(session, Competitor(name="Dynamics 365", aliases=["MSFT Dynamics"]))
        repository.add(session, Competitor(name="Spreadsheets", kind=CompetitorKind.SPREADSHEET))
    run(engine, SalesforceImporter(), opportunities(tmp_path))
    return engine


def test_fields_naming_several_competitors_link_each_as_written(imported: Engine) -> None:
    assert links(imported) == {
        ("0061", "Zoho", "lost_to", "Zoho"),
        ("0061", "Excel", "lost_to", "Excel"),
        ("0062", "Dynamics 365", "won_against", "Dynamics 365"),
        ("0062", "Zoho", "won_against", "Zoho"),
        ("0063", "Dynamics 365", "evaluated", "Microsoft Dynamics CRM"),
        ("0063", "Acme, Inc.", "evaluated", "Acme, Inc."),
    }
    assert competitors(imported)["Dynamics 365"][1] == ["MSFT Dynamics", "Microsoft Dynamics CRM"]


def test_a_merge_sticks_across_imports_and_scans(imported: Engine, tmp_path: Path) -> None:
    scan_competitors(imported)
    target, moved = merge_competitors(imported, "excel", into="Spreadsheets")
    assert (target.name, target.aliases, moved.deals) == ("Spreadsheets", ["Excel"], 1)
    after_merge = links(imported)
    assert ("0061", "Spreadsheets", "lost_to", "Excel") in after_merge
    run(imported, SalesforceImporter(), opportunities(tmp_path, ROWS[0].replace("0061", "0064")))
    report = scan_competitors(imported)
    assert "Excel" not in competitors(imported)
    assert links(imported) - after_merge == {
        ("0064", "Spreadsheets", "lost_to", "Excel"),
        ("0064", "Zoho", "lost_to", "Zoho"),
    }
    assert report.competitors_created == ()


def test_a_split_sticks_across_imports_and_scans(imported: Engine, tmp_path: Path) -> None:
    target, moved = split_competitor(
        imported, "Dynamics 365", ["microsoft dynamics crm"], "Dynamics CRM"
    )
    assert (target.name, target.kind, target.aliases) == (
        "Dynamics CRM",
        CompetitorKind.DIRECT,
        ["Microsoft Dynamics CRM"],
    )
    assert moved.deals == 1
    assert competitors(imported)["Dynamics 365"][1] == ["MSFT Dynamics"]
    before = links(imported)
    assert ("0063", "Dynamics CRM", "evaluated", "Microsoft Dynamics CRM") in before
    run(imported, SalesforceImporter(), opportunities(tmp_path, ROWS[2].replace("0063", "0065")))
    scan_competitors(imported)
    assert links(imported) - before == {
        ("0065", "Dynamics CRM", "evaluated", "Microsoft Dynamics CRM"),
        ("0065", "Acme, Inc.", "evaluated", "Acme, Inc."),
    }


def test_splitting_wrongly_says_why(imported: Engine) -> None:
    with pytest.raises(NotFound, match="'Dynamics 365' is never called 'Dynamics GP'"):
        split_competitor(imported, "Dynamics 365", ["Dynamics GP"], "Dynamics GP")
    with pytest.raises(InputError, match="own name"):
        split_competitor(imported, "Dynamics 365", ["Dynamics 365"], "Other")
    with pytest.raises(Conflict, match="choose a new name"):
        split_competitor(imported, "Dynamics 365", ["Microsoft Dynamics CRM"], "MSFT Dynamics")
    with pytest.raises(Conflict, match="already one competitor"):
        merge_competitors(imported, "MSFT Dynamics", into="Dynamics 365")


def test_a_scan_finds_names_and_alternatives_and_a_second_scan_changes_nothing(
    engine: Engine, world: World
) -> None:
    first = scan_competitors(engine)
    query = text("SELECT evidence_id, competitor_id, mentioned_as FROM competitor_mentions")
    with engine.connect() as connection:
        mentions = sorted(connection.execute(query).all())
    zoho = next(c for c in world.competitors if c.name == "Zoho")
    ticket = next(e for e in world.evidence if "like Zoho has" in e.text)
    assert [tuple(m) for m in mentions] == [(ticket.id, zoho.id, "Zoho")]
    assert first.competitors_created == ("Status quo",)
    assert (first.deal_links_added, first.mentions_added) == (1, 1)
    before = links(engine)
    second = scan_competitors(engine)
    assert (second.mentions_added, second.mentions_removed, second.deal_links_added) == (0, 0, 0)
    assert links(engine) == before
    assert ("Fjord Analytics — Closed Lost", "Status quo") in {
        (d.name, c) for d in world.deals for e, c, _, _ in before if e == d.external_id
    }


def secrets_row(deal: str, competitor: str, stage: str = "Closed Lost") -> str:
    closed = "true" if stage.startswith("Closed") else "false"
    return (
        f'"{deal}","Deal {deal}","{stage}","10000.0","USD","2026-03-01",'
        f'"2026-01-05T10:00:00.000Z","{closed}","false","","{competitor}"'
    )


def test_a_scan_never_proposes_to_merge_back_what_a_person_split(
    engine: Engine, tmp_path: Path
) -> None:
    """ "1Password" was filed under "1Password Secrets Automation" (0.90); a person split it
    off. The two names still score 0.90, but proposing the merge would undo the person's
    decision: only look-alikes no person has named are proposed."""
    make_ledgerly(engine)
    rows = [
        secrets_row("0081", "1Password Secrets Automation"),
        secrets_row("0082", "1Password Secrets Automation"),
        secrets_row("0083", "1Password", stage="Qualification"),
        secrets_row("0084", "Zoho"),
        secrets_row("0085", "Zohar"),
    ]
    path = tmp_path / "secrets.csv"
    path.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    run(engine, SalesforceImporter(), path)
    assert competitors(engine)["1Password Secrets Automation"][1] == ["1Password"]
    split_competitor(engine, "1Password Secrets Automation", ["1Password"], "1Password")
    zohar = [("Zohar", "Zoho")]
    assert [(p.name, p.closest) for p in scan_competitors(engine).proposals] == zohar
    later = tmp_path / "secrets-later.csv"
    later.write_text(path.read_text() + secrets_row("0086", "1Password") + "\r\n")
    run(engine, SalesforceImporter(), later)
    assert [(p.name, p.closest) for p in scan_competitors(engine).proposals] == zohar
    assert ("0086", "1Password", "lost_to", "1Password") in links(engine)
