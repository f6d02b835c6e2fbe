"""A rival named by what it has and we lack, in every language the product reads (review of
QA round 24).

"Gusto tiene integración con Xero y ustedes no." named no rival: "gusto" is a word of
Spanish, and a sentence that opens with it needed a word of competing, which no Spanish
word of integration or contrast was. In English "Gusto has an integration with Xero and
you don't" was lost too: a sentence of connecting that said nothing of competing made Gusto
a system the buyer connects to. An integration or a feature the name has, and a contrast
with us ("... and you don't", "... y ustedes no"), now mark the product; the system named
next to the integration (Xero) still connects.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import imported_and_scanned
from tradeoff.analysis.business.competitor_contrast import contrasts_with_us
from tradeoff.analysis.business.competitor_scan import MentionFinder
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind

#: Spanish courtesies and English tickets that make "gusto" a word of Spanish and "remote"
#: one of English.
COMMON_WORDS = (
    "Mucho gusto. La nómina de marzo no calculó las horas extra.",
    "Un gusto saludarles, el recibo de nómina no llega.",
    "Con gusto les envío el archivo del finiquito.",
    "We hired two remote employees in Lisbon and their payslips are wrong.",
    "Most of our team works remote, so the app matters more.",
)


def finder() -> MentionFinder:
    known = [
        Competitor(id=1, name="Gusto"),
        Competitor(id=2, name="Remote"),
        Competitor(id=3, name="Xero"),
        Competitor(id=99, name="Spreadsheets", kind=CompetitorKind.SPREADSHEET),
    ]
    found = MentionFinder(known, lambda kind: 99)
    for said in COMMON_WORDS:
        found.learn(said)
    return found


@pytest.mark.parametrize(
    "said",
    [
        "Gusto tiene integración con Xero y ustedes no.",
        "Gusto calcula el aguinaldo solo y ustedes no.",
        "Gusto ya tiene integración con Xero.",
        "Gusto tem integração com o Xero e vocês não.",
        "Gusto a une intégration avec Xero et vous non.",
        "Gusto hat eine Integration mit Xero und Sie nicht.",
        "Gusto ha l'integrazione con Xero e voi no.",
        "Gusto heeft een koppeling met Xero en jullie niet.",
        "Gusto has an integration with Xero and you don't.",
        "Gusto syncs with Xero and you don't have one yet.",
    ],
)
def test_the_rival_that_has_what_we_lack(said: str) -> None:
    """Gusto is the rival; Xero, next to the integration, is a system to connect to."""
    assert finder().find(said) == {1: "Gusto"}


@pytest.mark.parametrize(
    "said",
    [
        "Con gusto le explico la integración con Xero.",
        "Mucho gusto, ustedes no tienen la integración con Xero activada.",
        "Necesitamos la integración con Xero antes del cierre.",
        "Remote access works and you don't need a VPN.",
        "Our remote staff sync with Xero and you don't support their tax codes.",
    ],
)
def test_courtesies_integrations_and_other_negations_name_no_rival(said: str) -> None:
    assert finder().find(said) == {}


@pytest.mark.parametrize(
    ("said", "languages"),
    [
        (" doesn't have it and you don't either.", ["en"]),
        (" no lo tiene y ustedes tampoco.", ["es"]),
        (" n'a pas d'intégration et vous non plus.", ["fr"]),
        (" hat keine Schnittstelle und sie nicht.", ["de"]),
    ],
)
def test_neither_is_no_contrast(said: str, languages: list[str]) -> None:
    """ "You neither" says the name lacks it too; German lower-case "sie" is they."""
    assert not contrasts_with_us(said, languages)


def test_a_scan_counts_the_spanish_rival_and_no_courtesy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    rival = "Gusto tiene integración con Xero y ustedes no."
    tickets = tmp_path / "freshdesk_tickets.csv"
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        for number, said in enumerate((*COMMON_WORDS, rival), 1):
            writer.writerow([f"F{number}", said, f"2026-10-{number:02d}", f"Empresa {number}"])
    deals = tmp_path / "deals.csv"
    deals.write_text(
        '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
        '"Created Date","Loss Reason","Description","Competitor"\r\n'
        '"Empresa 1","0065g0000000201","Empresa 1 S.L.","Closed Lost","9000","3/1/2026",'
        '"2/1/2026","Precio","","Gusto"\r\n',
        encoding="utf-8",
    )
    imported_and_scanned(capsys, workspace_url, deals, tickets)
    query = text(
        "SELECT e.text, c.name FROM competitor_mentions m "
        "JOIN evidence_items e ON e.id = m.evidence_id "
        "JOIN competitors c ON c.id = m.competitor_id WHERE e.kind <> 'deal_note'"
    )
    with engine.connect() as connection:
        found = {tuple(row) for row in connection.execute(query)}
    assert found == {(rival, "Gusto")}
