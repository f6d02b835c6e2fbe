"""Exporting to a spreadsheet connects, whatever the distance in the clause (QA round 24).

"Exporting the payroll journal report to Excel loses the number formatting" was counted as
the spreadsheet alternative in 11 tickets of a QA corpus: the word of connecting had to
stand right before "Excel". Where the data goes is a step of the work; a spreadsheet the
buyer keeps the work in ("we track it in Excel instead") is still the alternative. So is
one they save, copy or paste the work into (a review of the fix: "We save all timesheets in
Excel because your time tracking is unusable" had become an export): saving or copying
exports only where the copy takes the name's format ("save the register as Excel").
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import run_cli
from tradeoff.analysis.business.competitor_scan import MentionFinder
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind

SPREADSHEETS = Competitor(id=1, name="Excel", kind=CompetitorKind.SPREADSHEET)


def finder() -> MentionFinder:
    return MentionFinder([SPREADSHEETS, Competitor(id=2, name="Personio")], lambda kind: 1)


@pytest.mark.parametrize(
    "said",
    [
        "Exporting the payroll journal report to Excel loses the number formatting.",
        "exporting the monthly headcount summary to excel drops the leading zeros",
        "When I download the cost centre report to Excel the totals are text.",
        "The net pay column is wrong when I open it in Excel.",
        "Can you export the payslip register as Excel instead of PDF?",
        "Can I export the report in Excel format?",
        "The CSV/Excel file has the columns shifted by one.",
        "We need the journal as Excel or CSV, whichever is quicker.",
        "The Excel export drops the cost centre column.",
        # Other languages the product reads.
        "Al exportar el informe de nómina a Excel se pierden los decimales.",
        "Ao exportar a folha para o Excel o relatório perde a formatação.",
        "Quand j'exporte le journal de paie vers Excel, les montants deviennent du texte.",
        "Wenn ich das Lohnjournal nach Excel exportiere, fehlen die Kostenstellen.",
        "Als ik de loonjournaal naar Excel exporteer, zijn de bedragen tekst.",
        "Esportando il libro unico in Excel i numeri diventano testo.",
        # Saving or copying as the name's format.
        "Can I save the payslip register as Excel instead of PDF?",
        "Please let me copy the journal as Excel without the totals row.",
        "Guardé el informe de nómina como Excel y los importes salen como texto.",
        "J'ai enregistré le journal sous Excel et les montants sont du texte.",
        "Wenn ich das Lohnjournal als Excel speichere, fehlen die Kostenstellen.",
        "Lo guardo en formato Excel y se pierden los decimales.",
    ],
)
def test_where_the_data_goes_is_no_rival(said: str) -> None:
    assert finder().find(said) == {}


@pytest.mark.parametrize(
    "said",
    [
        "We track overtime in Excel instead.",
        "Staying with spreadsheets until the overtime rules work.",
        "Exporting is broken, so we do the whole payroll in Excel now.",
        "We export it, then check every payslip in Excel.",
        "We export the data and do the payroll in Excel.",
        "We stopped exporting and moved back to Excel for the bonus run.",
        "We keep the payroll in Excel and export it to the bank.",
        "Por ahora lo hacemos a mano en Excel.",
        "Die Überstunden führen wir in Excel und exportieren sie danach.",
        # Saving, copying or pasting into it keeps the work there.
        "We save all timesheets in Excel because your time tracking is unusable.",
        "Honestly we copy everything into Excel and run payroll from there.",
        "We paste the hours into Excel every Friday to work out overtime.",
        "Guardamos todas las horas en Excel porque el control horario no sirve.",
        "Nous copions tout dans Excel pour calculer les heures sup.",
        "Wir müssen die Stunden jede Woche in Excel speichern.",
        "Salviamo tutte le ore in Excel perché il vostro modulo non funziona.",
    ],
)
def test_the_spreadsheet_kept_instead_is_still_the_alternative(said: str) -> None:
    assert set(finder().find(said)) == {1}


def test_a_product_after_an_export_stays_a_rival() -> None:
    """Only the name where data goes connects: a rival named in the same clause is not."""
    said = "We export everything to Excel because Personio was cheaper for us"
    assert finder().find(said) == {2: "Personio"}


def test_a_scan_counts_no_export_ticket_as_the_spreadsheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    tickets = tmp_path / "freshdesk_tickets.csv"
    exported = "Exporting the payroll journal report to Excel loses the number formatting."
    kept = "Until the overtime is fixed we track it in Excel instead."
    saved = "We save all timesheets in Excel because your time tracking is unusable."
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        writer.writerow(["8008", exported, "2026-10-01", "Lumen Logistics AG"])
        writer.writerow(["8009", kept, "2026-10-02", "Koala Retail Ltd"])
        writer.writerow(["8010", saved, "2026-10-03", "Nordlicht Pflege GmbH"])
    assert run_cli(capsys, "--db", workspace_url, "import", "csv", str(tickets)).exit_code == 0
    assert run_cli(capsys, "--db", workspace_url, "scan-competitors").exit_code == 0
    query = text(
        "SELECT e.text, c.name, c.kind FROM competitor_mentions m "
        "JOIN evidence_items e ON e.id = m.evidence_id "
        "JOIN competitors c ON c.id = m.competitor_id"
    )
    with engine.connect() as connection:
        found = {tuple(row) for row in connection.execute(query)}
    assert found == {(kept, "Spreadsheets", "spreadsheet"), (saved, "Spreadsheets", "spreadsheet")}
