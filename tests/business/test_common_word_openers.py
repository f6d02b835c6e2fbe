"""A common-word name that opens a sentence is the product where a company's verb follows it
(session 25).

"Remote already runs their EOR" named no rival in a workspace whose tickets write "remote
employees": at a sentence's start the capital says nothing, and no word of competing was
near. What follows the name now tells: a company's verb ("runs", "charges", "handles",
"has an entity"; "gestiona", "cotizó"; "verwaltet", "hat eine Niederlassung") is the
product, while the noun a word qualifies, a preposition or a verb no company does ("Remote
work", "Square footage", "Toast was cold", "Gusto en saludarles", "Sage und schreibe")
leaves the word.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import imported_and_scanned
from tradeoff.analysis.business.competitor_openers import acts_after
from tradeoff.analysis.business.competitor_scan import MentionFinder
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind

#: Tickets that make "remote", "square", "toast" and "close" words of English, "gusto" one of
#: Spanish, "sage" one of German and "deel" one of Dutch.
COMMON_WORDS = (
    "We hired two remote employees in Lisbon and their payslips are wrong.",
    "Most of our team works remote, so the app matters more.",
    "The square footage of the new site is missing from the location report.",
    "Staff want a square layout for the table plan, not the grid.",
    "The kitchen ticket for the toast order printed twice.",
    "Guests complain the toast arrives after the eggs every morning.",
    "The close date on the renewal moves every time I edit the deal.",
    "We close the books on the last day of the month.",
    "Mucho gusto. La nómina de marzo no calculó las horas extra.",
    "Un gusto saludarles, el recibo de nómina no llega.",
    "Die Sage vom einfachen Lohnlauf glaubt hier niemand mehr.",
    "Das ist eine alte Sage aus der Buchhaltung, sagt der Steuerberater.",
    "Een deel van de medewerkers ziet de loonstrook van maart niet.",
    "Voor een deel klopt het, maar de reiskostenvergoeding ontbreekt.",
)
NAMES = ("Remote", "Square", "Toast", "Gusto", "Sage", "Deel", "Close")


def finder() -> MentionFinder:
    known = [Competitor(id=i, name=n) for i, n in enumerate(NAMES, 1)]
    spreadsheet = Competitor(id=99, name="Spreadsheets", kind=CompetitorKind.SPREADSHEET)
    found = MentionFinder([*known, spreadsheet], lambda kind: 99)
    for said in COMMON_WORDS:
        found.learn(said)
    return found


#: (a sentence opening with the name, the rival it names or None for the word), by hand.
OPENERS = (
    # English.
    ("Remote already runs their EOR in Portugal, so they will not move.", "Remote"),
    ("Remote has an entity in Brazil and we would need a partner there.", "Remote"),
    ("Square charges 2.6% per tap and the terminal is free.", "Square"),
    ("Toast handles the kitchen display for two of our locations.", "Toast"),
    ("Remote work is fine for us, the mobile app is the problem.", None),
    ("Remote offers are rare in our region, so we hire locally.", None),
    ("Remote has its drawbacks, but the payroll export is ours to fix.", None),
    ("Square footage is missing from the location report.", None),
    ("Toast was cold when the order reached the table.", None),
    ("Close runs late every month because the bank feed stalls.", None),
    ("Close runs the dialer inside the CRM, so reps never leave it.", "Close"),
    # Spanish.
    ("Gusto ya gestiona la nómina de nuestra filial en Miami.", "Gusto"),
    ("Gusto nos cotizó 6 dólares por empleado para la filial.", "Gusto"),
    ("Gusto en saludarles. El recibo de marzo sigue sin llegar.", None),
    ("Gusto de conocerles ayer; les envío el archivo de la nómina.", None),
    # German.
    ("Sage verwaltet bereits die Lohnabrechnung unserer Tochterfirma.", "Sage"),
    ("Sage hat eine Niederlassung in Wien und bietet dort Support an.", "Sage"),
    ("Sage und schreibe drei Tage hat der Export der Lohnjournale gedauert.", None),
    ("Sage aus der alten Zeit: der Lohnlauf war damals in einer Stunde fertig.", None),
    # Dutch.
    ("Deel regelt de contracten van onze freelancers in Spanje.", "Deel"),
    ("Deel van de uren is dubbel geteld en de export klopt ook niet.", None),
)


@pytest.mark.parametrize(("said", "rival"), OPENERS)
def test_a_sentence_that_opens_with_the_name_reads_by_what_follows(
    said: str, rival: str | None
) -> None:
    found = finder().find(said)
    assert found == ({NAMES.index(rival) + 1: rival} if rival else {})


def test_the_name_opens_any_sentence_of_the_item() -> None:
    """After a full stop, a line break or a bullet, as at the text's start."""
    reading = finder()
    assert reading.find("Thanks for the call.\n- Remote already runs their EOR.") == {1: "Remote"}
    assert reading.find("Our view: Remote work is fine for us.") == {}


def test_inside_a_sentence_the_verb_alone_is_no_product() -> None:
    """In lower case inside a sentence the name is the word whatever follows: the writer
    wrote it as one ("our remote runs fail at night")."""
    assert finder().find("Since March our remote runs fail at night.") == {}


def test_verbs_that_are_plural_nouns() -> None:
    assert acts_after(" charges 2.6% per tap", ["en"])
    assert not acts_after(" charges were refunded twice", ["en"])
    assert not acts_after(" runs of the import fail", ["en"])
    assert not acts_after(" ran smoothly until March", ["en"])
    assert acts_after(" processes the payroll for our contractors", ["en"])


@pytest.fixture
def scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    """A Salesforce report of deals lost to Remote and Gusto, and the tickets above with two
    that open with Remote."""
    deals = tmp_path / "deals.csv"
    deals.write_text(
        '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
        '"Created Date","Loss Reason","Description","Competitor"\r\n'
        '"Deal 1","0065g0000000101","Lisboa Tech Lda","Closed Lost","9000","3/4/2026",'
        '"2/2/2026","","","Remote"\r\n'
        '"Deal 2","0065g0000000102","Empresa 2 S.L.","Closed Lost","12000","3/1/2026",'
        '"2/1/2026","","","Gusto"\r\n',
        encoding="utf-8",
    )
    tickets = tmp_path / "tickets.csv"
    said = (
        *(words for words in COMMON_WORDS if "remote" in words or "gusto" in words),
        "Remote already runs their EOR in Portugal, so they will not move.",
        "Remote work is fine for us, the mobile app is the problem.",
        "Gusto ya gestiona la nómina de nuestra filial en Miami.",
    )
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        for number, ticket in enumerate(said, 1):
            writer.writerow([f"T{number}", ticket, f"2026-10-{number:02d}", f"Empresa {number}"])
    imported_and_scanned(capsys, workspace_url, deals, tickets)
    return workspace_url


def test_the_scan_stores_the_openers_that_name_the_rival(scanned: str, engine: Engine) -> None:
    query = text(
        "SELECT e.text, c.name FROM competitor_mentions m "
        "JOIN evidence_items e ON e.id = m.evidence_id "
        "JOIN competitors c ON c.id = m.competitor_id"
    )
    with engine.connect() as connection:
        found = sorted((said, name) for said, name in connection.execute(query))
    assert found == [
        ("Gusto ya gestiona la nómina de nuestra filial en Miami.", "Gusto"),
        ("Remote already runs their EOR in Portugal, so they will not move.", "Remote"),
    ]
