"""The scan links a deal to what its words say the buyer kept, in the seven languages
(session 25): a QA round's "Staying with their old till", "Blijven bij hun oude kassa",
"Restano con il vecchio registratore di cassa" and "Nessuna decisione" linked no deal to
the status quo, and "Continuano con carta e penna" none to the row "Pen and paper"."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from tests.business.test_competitor_vendors import deal, export, links
from tests.importers.exports import make_ledgerly
from tradeoff.analysis.business.competitor_scan import MentionFinder, scan_competitors
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter


def test_the_words_of_keeping_link_the_status_quo_and_work_by_hand(
    engine: Engine, tmp_path: Path
) -> None:
    make_ledgerly(engine)
    path = export(
        tmp_path,
        deal(1, "Pen and paper"),
        deal(2, "Doing nothing", "Went dark after the demo"),
        deal(3, "", "Continuano con carta e penna"),
        deal(4, "", "Staying with their old till"),
        deal(5, "", "Blijven bij hun oude kassa"),
        deal(6, "", "Restano con il vecchio registratore di cassa"),
        deal(7, "", "Nessuna decisione, il cliente non risponde più"),
        deal(8, "Our old till"),
        deal(9, "", "Decided to keep pen and paper for now"),
    )
    run(engine, SalesforceImporter(), path)
    report = scan_competitors(engine)
    assert report.competitors_created == ()
    assert links(engine) == {
        ("Deal 1", "Pen and paper", "lost_to"),
        ("Deal 2", "Doing nothing", "lost_to"),
        ("Deal 3", "Pen and paper", "evaluated"),  # whatever words name the row
        ("Deal 4", "Doing nothing", "evaluated"),
        ("Deal 5", "Doing nothing", "evaluated"),
        ("Deal 6", "Doing nothing", "evaluated"),
        ("Deal 7", "Doing nothing", "evaluated"),
        ("Deal 8", "Doing nothing", "lost_to"),  # the field's "Our old till", an alias
        ("Deal 9", "Pen and paper", "evaluated"),
    }


def test_a_ticket_s_complaint_keeps_nothing() -> None:
    """Work by hand as a habit the customer complains of, in the first person, is no rival."""
    known = [
        Competitor(id=1, name="Pen and paper", kind=CompetitorKind.HOMEGROWN),
        Competitor(id=2, name="Doing nothing", kind=CompetitorKind.STATUS_QUO),
    ]
    finder = MentionFinder(known, lambda kind: 2 if kind is CompetitorKind.STATUS_QUO else None)
    assert finder.find("Continuiamo con carta e penna finché non risolvete la stampante.") == {}
    assert finder.find("Wir bleiben bei Zettel und Stift, bis ihr das repariert.") == {}
    assert finder.find("Sono rimasti su carta e penna, il cliente è perso.") == {
        1: "Sono rimasti su carta e penna"
    }
