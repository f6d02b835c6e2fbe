"""A competitor is named by the spelling its deals use most, not the first one an import met,
unless a person chose the name."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.importers.exports import make_ledgerly
from tradeoff.analysis.business.competitor_edits import (
    merge_competitors,
    rename_competitor,
    split_competitor,
)
from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.domain.deals import Competitor
from tradeoff.errors import Conflict
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.storage.changelog import undo_batch
from tradeoff.storage.competitor_spelling import commonest
from tradeoff.storage.session import write_session

HEADER = (
    '"Id","Name","StageName","Amount","CurrencyIsoCode","CloseDate","CreatedDate","IsClosed",'
    '"IsWon","Description","Competitor__c"'
)


def row(deal: str, competitor: str, notes: str = "") -> str:
    return (
        f'"{deal}","Deal {deal}","Closed Lost","1000.0","USD","2026-01-10",'
        f'"2025-12-01T10:00:00.000Z","true","false","{notes}","{competitor}"'
    )


FIRST = [
    row("0071", "Pipedrvie"),
    row("0072", "Pipedrive"),
    row("0073", "pipedrive"),
    row("0074", "salesforce"),
    row("0075", "salesforce"),
    row("0076", "Salesforce"),
    row("0077", "SFDC"),
]


def export(folder: Path, rows: list[str]) -> Path:
    path = folder / f"opportunities-{len(rows)}.csv"
    path.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    return path


def names(engine: Engine) -> dict[str, list[str]]:
    """Competitor name → its aliases, read by plain SQL."""
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT name, aliases FROM competitors")).all()
    return {
        name: json.loads(aliases) if isinstance(aliases, str) else aliases for name, aliases in rows
    }


@pytest.fixture
def imported(engine: Engine, tmp_path: Path) -> Engine:
    make_ledgerly(engine)
    report = run(engine, SalesforceImporter(), export(tmp_path, FIRST))
    assert any("'Pipedrive' (was 'Pipedrvie')" in line for line in report.deal_notes)
    return engine


def test_the_commonest_spelling_names_the_competitor_and_the_first_one_stays_an_alias(
    imported: Engine,
) -> None:
    """ "Pipedrvie" came first, but two deals write Pipedrive (one in lower case); the lower
    case "salesforce" is commoner than "Salesforce", but a capital is the brand; "SFDC", an
    alias by ``competitor_names``, is written less."""
    assert names(imported) == {"Pipedrive": ["Pipedrvie"], "Salesforce": ["SFDC"]}


def test_a_later_import_respells_and_undoing_it_takes_the_spelling_back(
    engine: Engine, imported: Engine, tmp_path: Path
) -> None:
    later = [*FIRST, *(row(f"008{n}", "Pipedrvie") for n in range(3))]
    report = run(imported, SalesforceImporter(), export(tmp_path, later))
    assert names(imported)["Pipedrvie"] == ["Pipedrive"]
    assert any("'Pipedrvie' (was 'Pipedrive')" in line for line in report.deal_notes)
    with write_session(engine) as session:
        undo_batch(session, report.batch_id)
    assert names(imported) == {"Pipedrive": ["Pipedrvie"], "Salesforce": ["SFDC"]}


def test_a_name_a_person_chose_survives_imports_and_scans(imported: Engine, tmp_path: Path) -> None:
    renamed = rename_competitor(imported, "pipedrvie", to="Pipedrive CRM")
    assert (renamed.name, renamed.aliases) == ("Pipedrive CRM", ["Pipedrive", "Pipedrvie"])
    more = [row(f"02{n:02}", "Pipedrive") for n in range(4)]
    run(imported, SalesforceImporter(), export(tmp_path, [*FIRST, *more]))
    scan_competitors(imported)
    assert names(imported)["Pipedrive CRM"] == ["Pipedrive", "Pipedrvie"]
    deals = Counter(
        name
        for (name,) in imported.connect().execute(
            text(
                "SELECT c.name FROM deal_competitors dc JOIN competitors c "
                "ON c.id = dc.competitor_id"
            )
        )
    )
    assert deals["Pipedrive CRM"] == 7


def test_a_split_names_the_new_competitor_for_good(imported: Engine, tmp_path: Path) -> None:
    split_competitor(imported, "Pipedrive", ["Pipedrvie"], "Pipedrvie Ltd")
    run(imported, SalesforceImporter(), export(tmp_path, [*FIRST, row("0090", "Pipedrvie")]))
    assert names(imported)["Pipedrvie Ltd"] == ["Pipedrvie"]


def test_the_competitor_a_merge_keeps_keeps_its_name(imported: Engine, tmp_path: Path) -> None:
    merge_competitors(imported, "Salesforce", into="Pipedrive")
    more = [row(f"03{n:02}", "Salesforce") for n in range(4)]
    report = run(imported, SalesforceImporter(), export(tmp_path, [*FIRST, *more]))
    assert names(imported) == {"Pipedrive": ["Pipedrvie", "SFDC", "Salesforce"]}
    assert not any("was" in line for line in report.deal_notes)


def test_renaming_to_another_competitors_name_says_to_merge(imported: Engine) -> None:
    with pytest.raises(Conflict, match=r"is a name of competitor 'Pipedrive'.*competitor-merge"):
        rename_competitor(imported, "SFDC", to="pipedrvie")
    assert names(imported)["Salesforce"] == ["SFDC"]


@pytest.mark.parametrize(
    ("used", "expected"),
    [
        ({"Pipedrvie": 2, "Pipedrive": 2}, None),  # a tie keeps the name
        ({"Pipedrvie": 1, "Pipedrive": 1, "PIPEDRIVE": 1}, "Pipedrive"),  # as stored
        ({"Pipedrvie": 1, "pipedrive": 2}, "pipedrive"),  # no capital written: as written
        ({"pipedrvie": 3, "Pipedrvie": 1}, None),  # case aside, the name is the commonest
        ({"somebody else": 9}, None),  # not one of its names
        ({}, None),
    ],
)
def test_the_commonest_of_its_names(used: dict[str, int], expected: str | None) -> None:
    competitor = Competitor(name="Pipedrvie", aliases=["Pipedrive"])
    assert commonest(competitor, Counter(used)) == expected
