"""Competitor names that are common words of the item's language (QA round 24).

A payroll product's QA corpus counted 61 of its rival Gusto's 76 mentions from Spanish
courtesies: "Mucho gusto", "Un gusto saludarles", "Con gusto espero su respuesta". Dutch
"een deel van" (part of) is the rival Deel, and English "remote employees" the EOR vendor
Remote, the same way. A name that the workspace's items in a language write in lower case
is a common word of that language; there, a bare occurrence is the product only where the
words around it show one.

Run as a user would: a Salesforce report, a help desk's CSV of tickets in five languages,
``scan-competitors``; each ticket's expected reading is written beside it, by hand.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import imported_and_scanned, run_cli
from tradeoff.analysis.business.competitor_common_words import NameUsage, languages_of
from tradeoff.analysis.business.competitor_scan import MentionFinder
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind

HEADER = (
    '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
    '"Created Date","Loss Reason","Description","Competitor"'
)


def deal(number: int, competitor: str, reason: str = "") -> str:
    return (
        f'"Deal {number}","0065g00000001{number:02d}","Empresa {number} S.L.","Closed Lost",'
        f'"12000","3/1/2026","2/1/2026","{reason}","","{competitor}"'
    )


DEALS = (
    deal(1, "Gusto", "Too expensive compared to Gusto"),
    deal(2, "Personio", "Lost to Personio, who bundled time tracking"),
    deal(3, "Deel", "Went with Deel for the contractors abroad"),
    deal(4, "Remote", "Chose Remote for the EOR in Portugal"),
    deal(5, "Gestoría", "Seguirán con su gestoría"),
)

#: (ticket, the competitors it names), read by hand.
TICKETS: tuple[tuple[str, frozenset[str]], ...] = (
    # Spanish courtesies: "gusto" is a word of Spanish.
    ("Mucho gusto. La nómina de marzo no calculó las horas extra del turno de noche.", frozenset()),
    ("Un gusto saludarles. ¿Pueden poner el recibo de nómina en inglés?", frozenset()),
    (
        "Con gusto les envío el archivo. El finiquito de Laura sale con dos días de más.",
        frozenset(),
    ),
    ("Hola, les escribo con gusto: el timbrado de los recibos ya funciona.", frozenset()),
    # ... and the rival, where the words show it.
    (
        "Estamos pensando en cambiarnos a Gusto si el aguinaldo sigue saliendo mal.",
        frozenset({"Gusto"}),
    ),
    ("Gusto nos ofreció un precio más bajo por empleado.", frozenset({"Gusto"})),
    ("Nuestra filial de Miami usa gusto.com y no tiene este problema.", frozenset({"Gusto"})),
    # Not a word of Spanish: read in any case.
    ("Antes el portal de personio mostraba las vacaciones pendientes.", frozenset({"Personio"})),
    # The gestoría the customer works with, not one they chose over us.
    ("El IRPF de abril no cuadra con lo que dice nuestra gestoría.", frozenset()),
    ("La gestoría nos pide el resumen de costes cada mes y no sale bien.", frozenset()),
    # Dutch: "deel" is part, share.
    ("Een deel van de medewerkers ziet de loonstrook van maart niet in de app.", frozenset()),
    ("Voor een deel klopt het, maar de reiskostenvergoeding ontbreekt.", frozenset()),
    ("Deel van de uren is dubbel geteld en de export klopt ook niet.", frozenset()),
    ("We overwegen over te stappen naar Deel voor onze freelancers.", frozenset({"Deel"})),
    # English: "remote" is a word of English, "Deel" and "Gusto" are not.
    (
        "We hired two remote employees in Lisbon and their payslips show the wrong tax code.",
        frozenset(),
    ),
    (
        "Most of our team works remote, so the mobile app matters more than the web one.",
        frozenset(),
    ),
    ("Can remote staff clock in from the app without a VPN?", frozenset()),
    ("We went with Remote for the Portugal hires last year.", frozenset({"Remote"})),
    ("Remote is cheaper for EOR, but your payroll reports are better.", frozenset({"Remote"})),
    (
        "Our sister company pays its contractors through Deel without this problem.",
        frozenset({"Deel"}),
    ),
    ("we moved from gusto to you in spring and onboarding was painless", frozenset({"Gusto"})),
    ("Gusto's payroll runs were faster, honestly.", frozenset({"Gusto"})),
    # German.
    (
        "Wir haben uns fast für Personio entschieden, weil die DATEV-Schnittstelle fehlte.",
        frozenset({"Personio"}),
    ),
)


@pytest.fixture
def scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    deals = tmp_path / "deals.csv"
    deals.write_text("\r\n".join([HEADER, *DEALS]) + "\r\n", encoding="utf-8")
    tickets = tmp_path / "tickets.csv"
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        for number, (said, _) in enumerate(TICKETS, 1):
            writer.writerow([f"T{number}", said, f"2026-10-{number:02d}", f"Empresa {number} S.L."])
    imported_and_scanned(capsys, workspace_url, deals, tickets)
    return workspace_url


def _mentions(engine: Engine, *, sellers: bool = False) -> dict[str, set[str]]:
    """Item text → the competitors the scan stored a mention of, by plain SQL: in the
    tickets, or in the sellers' deal notes."""
    query = text(
        "SELECT e.text, c.name, e.kind FROM competitor_mentions m "
        "JOIN evidence_items e ON e.id = m.evidence_id "
        "JOIN competitors c ON c.id = m.competitor_id"
    )
    found: dict[str, set[str]] = {}
    with engine.connect() as connection:
        for said, name, kind in connection.execute(query):
            if (kind == "deal_note") is sellers:
                found.setdefault(said, set()).add(name)
    return found


def test_tickets_name_rivals_as_read_by_hand(scanned: str, engine: Engine) -> None:
    assert _mentions(engine) == {said: set(names) for said, names in TICKETS if names}


def test_sellers_notes_keep_the_rival_in_any_language(scanned: str, engine: Engine) -> None:
    """ "Seguirán con su gestoría": keeping their gestoría, though "gestoría" is a word."""
    assert _mentions(engine, sellers=True) == {
        "Too expensive compared to Gusto": {"Gusto"},
        "Lost to Personio, who bundled time tracking": {"Personio"},
        "Went with Deel for the contractors abroad": {"Deel"},
        "Chose Remote for the EOR in Portugal": {"Remote"},
        "Seguirán con su gestoría": {"Gestoría"},
    }


def test_the_rival_s_page_counts_no_courtesy(
    capsys: pytest.CaptureFixture[str], scanned: str
) -> None:
    shown = run_cli(capsys, "--db", scanned, "competitor", "Gusto", "--format", "json")
    profile = json.loads(shown.stdout)
    named = sum("Gusto" in names for _, names in TICKETS) + 1  # and the deal's note
    assert profile["mentions"] == named
    assert not any("gusto saludarles" in q["text"].lower() for q in profile["quotes"])


def test_reading_one_rival_again_reads_the_workspace_s_usage(
    capsys: pytest.CaptureFixture[str], scanned: str, engine: Engine
) -> None:
    """Marking a partner and clearing it reads Gusto's items again with a new finder: the
    courtesies stay words."""
    before = _mentions(engine, sellers=True) | _mentions(engine)
    for flags in ((), ("--off",)):
        marked = run_cli(capsys, "--db", scanned, "competitor-partner", "Gusto", *flags)
        assert marked.exit_code == 0
    assert _mentions(engine, sellers=True) | _mentions(engine) == before


def _finder(*names: str) -> MentionFinder:
    known = [Competitor(id=i, name=n) for i, n in enumerate(names, 1)]
    spreadsheet = Competitor(id=99, name="Spreadsheets", kind=CompetitorKind.SPREADSHEET)
    return MentionFinder([*known, spreadsheet], lambda kind: 99)


def test_english_common_words_need_a_product_s_words() -> None:
    """A CRM vendor's rivals Close and Monday: "the close date", "every Monday"."""
    finder = _finder("Close", "Monday", "Pipedrive")
    for said in (
        "The close date on the renewal moves every time I edit the deal.",
        "We close the books on the last day of the month.",
        "Reps want to close deals from the phone.",
    ):
        finder.learn(said)
    assert finder.find("The close date moved again after the import.") == {}
    assert finder.find("Close is cheaper per seat, and the dialer is built in.") == {1: "Close"}
    assert finder.find("We switched from Close because the reporting was thin.") == {1: "Close"}
    assert finder.find("Our SDRs still like Close's power dialer.") == {1: "Close"}
    # A day that dates something is the day; as a subject or an object, the product.
    assert finder.find("The sync fails every Monday morning.") == {}
    assert finder.find("Half the team prefers Monday.") == {2: "Monday"}
    assert finder.find("Half the team moved their boards to monday.com last quarter.") == {
        2: "monday"
    }
    assert finder.find("They evaluated Monday and HubSpot before choosing us.") == {2: "Monday"}
    # No word of English: in any case, anywhere.
    assert finder.find("a pipedrive rep called our CFO again") == {3: "pipedrive"}


def test_a_single_lower_case_use_makes_no_common_word() -> None:
    """A writer who forgets a capital once does not turn a product into a word."""
    finder = _finder("Personio")
    finder.learn("We looked at personio for the Berlin office.")
    assert finder.find("The Berlin office looked at personio first.") == {1: "personio"}


def test_a_text_without_capitals_teaches_nothing() -> None:
    usage = NameUsage()
    for said in ("mucho gusto, la nómina falla", "un gusto, el recibo no llega"):
        usage.read(said, [("gusto", said.index("gusto"), said.index("gusto") + 5)])
    assert not usage.common("gusto", ["es"])


def test_german_nouns_are_capitalised() -> None:
    """German writes every noun with a capital: after an article the name is the noun."""
    finder = _finder("Sage", "Personio")
    for said in (
        "Die Sage vom einfachen Lohnlauf glaubt hier niemand mehr.",
        "Das ist eine alte Sage aus der Buchhaltung, sagt der Steuerberater.",
    ):
        finder.learn(said)
    assert finder.find("Die Sage vom schnellen Support hält sich hartnäckig.") == {}
    assert finder.find("Wir wechseln zu Sage, wenn der Export nicht bald geht.") == {1: "Sage"}
    assert finder.find("Wir nutzen Personio für die Urlaubsplanung.") == {2: "Personio"}


def test_the_language_of_a_short_item() -> None:
    assert languages_of("Un gusto saludarles.") == ("es", "it")
    assert languages_of("Het deel van de uren dat ontbreekt") == ("nl",)
    assert languages_of("The close date is wrong") == ("en",)
