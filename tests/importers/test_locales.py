"""European exports: day-first dates and decimal commas, read only when the import says so.

The fixtures are written as the tools write them for a German workspace: ``;`` delimiters,
Windows-1252 bytes, ``24/11/2026 15:04`` and ``1.234,56``. Each is refused without
``--dates`` / ``--decimal`` (one error naming file, line, column and the option to pass, and
nothing written) and read exactly with them; the expected values are written out by hand.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.importers.crm_snapshot import crm
from tests.importers.exports import snapshot, utc, write_export
from tradeoff.domain.enums import DealOutcome
from tradeoff.domain.strategy import MetricDefinition
from tradeoff.errors import InputError
from tradeoff.importers.base import Importer
from tradeoff.importers.batch import ImportReport, rejects_path
from tradeoff.importers.freshdesk import FreshdeskImporter
from tradeoff.importers.generic_csv import GenericCsvImporter
from tradeoff.importers.locales import DATES_OPTION, DECIMAL_OPTION
from tradeoff.importers.registry import ALL_IMPORTERS, importer, run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.importers.surveys import SurveyImporter
from tradeoff.storage import metrics
from tradeoff.storage.session import write_session

NOTHING = (0, 0, 0, 0)

#: A German helpdesk's ticket export: cp1252 (ä is 0xE4, € 0x80, – 0x96), ';', day-first
#: slashed dates, ratings with a decimal comma. 03/12/2026 is 3 December, as the rest are.
HELPDESK = """\
Ticket-Nr.;Betreff;Nachricht;Erstellt am;Kunde;Bewertung\r
4711;Export;"Der Export nach Excel verliert die Umlaute (ä, ö, ü) – bitte prüfen";\
24/11/2026 15:04;Müller GmbH;4,5\r
4712;Rechnung;Rechnung über 1.234,56 € falsch gerundet;03/12/2026 09:30;Brandt & Söhne KG;2\r
4713;Login;"Anmeldung schlägt fehl; Passwort zurückgesetzt";05/12/2026 08:00;Müller GmbH;3,75\r
"""
HELPDESK_MAP = {
    "external_id": "Ticket-Nr.",
    "title": "Betreff",
    "text": "Nachricht",
    "created_at": "Erstellt am",
    "account": "Kunde",
    "rating": "Bewertung",
}
EUROPEAN = {"dates": "dmy", "decimal": "comma"}

#: Freshdesk's ticket CSV from a helpdesk set to dd/mm/yyyy, exported by an agent in Berlin.
FRESHDESK = """\
Ticket ID;Subject;Description;Status;Priority;Source;Type;Agent;Created time;Full name;\
Email;Company Name\r
901;Rückerstattung;Die Rückerstattung fehlt seit März;Open;High;Email;Question;\
Priya Natarajan;24/11/2026 15:04;Jürgen Weiß;juergen@brandt-soehne.example;Brandt & Söhne KG\r
902;Kartenlimit;Kartenlimit pro Mitarbeiter gewünscht;Pending;Low;Portal;Feature Request;\
Priya Natarajan;03/12/2026 09:30;Katrin Köhler;katrin@koehler-zahntechnik.example;\
Köhler Zahntechnik\r
"""

#: A Typeform results CSV re-saved by Excel on a German PC: ';', cp1252, day-first dates.
TYPEFORM = """\
#;Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?;Was können wir verbessern?;\
email;company;Response Type;Start Date (UTC);Stage Date (UTC);Submit Date (UTC);Network ID;Tags\r
a1b2c3;9;Schnellere Überweisungen ins Ausland;tobias@gruenwald.example;Grünwald Logistik;\
completed;24/11/2026 10:20;;24/11/2026 10:22;n1;\r
d4e5f6;4;Die App stürzt beim Hochladen von Belegen ab;katrin@koehler-zahntechnik.example;\
Köhler Zahntechnik;completed;02/12/2026 08:01;;02/12/2026 08:03;n2;\r
"""
TYPEFORM_MAP = {
    "text": "Was können wir verbessern?",
    "rating": "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
}

#: A Salesforce opportunity report from a user with the German locale (English labels):
#: amounts with thousands dots and decimal commas, dotted (day-first) dates.
SALESFORCE = """\
"Opportunity Name";"Account Name";"Stage";"Amount";"Close Date";"Created Date"\r
"Müller GmbH - Erweiterung";"Müller GmbH";"Closed Won";"12.500,00 €";"24.11.2026";"03.10.2026"\r
"Brandt & Söhne - Neukunde";"Brandt & Söhne KG";"Closed Lost";"EUR 1.234,56";"01.12.2026";\
"05.11.2026"\r
"Köhler - Lizenz";"Köhler Zahntechnik";"Prospecting";"8.000";"15.01.2027";"20.11.2026"\r
"""


def load(
    engine: Engine,
    source: Importer,
    path: Path,
    columns: dict[str, str] | None = None,
    *,
    skip_bad_rows: bool = False,
    **options: str,
) -> ImportReport:
    return run(engine, source, path, columns=columns, options=options, skip_bad_rows=skip_bad_rows)


def refusal(
    engine: Engine,
    source: Importer,
    path: Path,
    columns: dict[str, str] | None = None,
    **options: str,
) -> InputError:
    """The error an import stops with; it must have written nothing, not even a batch."""
    with pytest.raises(InputError) as caught:
        load(engine, source, path, columns, **options)
    assert snapshot(engine).counts == NOTHING
    return caught.value


def test_a_german_helpdesk_export_is_refused_until_its_locale_is_named(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "tickets.csv", HELPDESK, "cp1252")

    dates = refusal(ledgerly, GenericCsvImporter(), path, HELPDESK_MAP)
    assert str(dates) == (
        f"{path}, line 2, column 'Erstellt am': not a date or time: '24/11/2026 15:04': "
        "not month-first; it looks day-first: use --dates dmy"
    )
    decimals = refusal(ledgerly, GenericCsvImporter(), path, HELPDESK_MAP, dates="dmy")
    assert str(decimals) == (
        f"{path}, line 2, column 'Bewertung': '4,5' has a decimal comma: use --decimal comma"
    )

    report = load(ledgerly, GenericCsvImporter(), path, HELPDESK_MAP, **EUROPEAN)

    assert (report.encoding, report.delimiter) == ("cp1252", ";")
    assert (report.inserted, report.rejected) == (3, 0)
    items = {e.external_id: e for e in snapshot(ledgerly).evidence}
    assert {k: (e.created_at, e.rating) for k, e in items.items()} == {
        "4711": (datetime(2026, 11, 24, 15, 4, tzinfo=UTC), 4.5),
        "4712": (datetime(2026, 12, 3, 9, 30, tzinfo=UTC), 2.0),
        "4713": (datetime(2026, 12, 5, 8, 0, tzinfo=UTC), 3.75),
    }
    assert (
        items["4711"].text == "Der Export nach Excel verliert die Umlaute (ä, ö, ü) – bitte prüfen"
    )
    assert items["4712"].text == "Rechnung über 1.234,56 € falsch gerundet"


def test_re_importing_with_the_same_locale_changes_nothing(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "tickets.csv", HELPDESK, "cp1252")
    first = load(ledgerly, GenericCsvImporter(), path, HELPDESK_MAP, **EUROPEAN)
    before = {e.external_id: (e.created_at, e.rating) for e in snapshot(ledgerly).evidence}

    again = load(ledgerly, GenericCsvImporter(), path, HELPDESK_MAP, **EUROPEAN)
    assert (again.already_imported, again.batch_id) == (True, first.batch_id)
    # The same locale spelt otherwise reads every row the same: all unchanged, no new batch.
    respelt = load(ledgerly, GenericCsvImporter(), path, HELPDESK_MAP, dates="DMY", decimal="Comma")
    assert (respelt.inserted, respelt.updated, respelt.unchanged) == (0, 0, 3)

    after = snapshot(ledgerly)
    assert {e.external_id: (e.created_at, e.rating) for e in after.evidence} == before
    assert after.counts[0] == 3
    with ledgerly.connect() as connection:
        assert connection.execute(text("select count(*) from import_batches")).scalar() == 1


def test_skipping_bad_rows_lists_each_row_with_the_option_that_reads_it(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "tickets.csv", HELPDESK, "cp1252")
    report = load(
        ledgerly, GenericCsvImporter(), path, HELPDESK_MAP, skip_bad_rows=True, dates="dmy"
    )
    assert (report.inserted, report.rejected) == (1, 2)
    (kept,) = snapshot(ledgerly).evidence
    assert (kept.external_id, kept.rating) == ("4712", 2.0)
    with rejects_path(path).open(encoding="utf-8", newline="") as handle:
        _, *rows = list(csv.reader(handle))
    assert [row[:4] for row in rows] == [
        ["2", "", "Bewertung", "'4,5' has a decimal comma: use --decimal comma"],
        ["4", "", "Bewertung", "'3,75' has a decimal comma: use --decimal comma"],
    ]


def test_a_freshdesk_export_with_day_first_dates_in_the_agents_zone(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "tickets.csv", FRESHDESK, "cp1252")
    error = refusal(ledgerly, FreshdeskImporter(), path, timezone="Europe/Berlin")
    assert (error.line, error.column) == (2, "Created time")
    assert "it looks day-first: use --dates dmy" in str(error)

    load(ledgerly, FreshdeskImporter(), path, timezone="Europe/Berlin", dates="dmy")

    items = {e.external_id: e for e in snapshot(ledgerly).evidence}
    # Berlin is UTC+1 in November and December.
    berlin = timedelta(hours=1)
    assert items["901"].created_at == datetime(2026, 11, 24, 15, 4, tzinfo=UTC) - berlin
    assert items["902"].created_at == datetime(2026, 12, 3, 9, 30, tzinfo=UTC) - berlin
    assert items["902"].text == "Kartenlimit pro Mitarbeiter gewünscht"


def test_a_typeform_export_saved_by_a_german_excel(ledgerly: Engine, tmp_path: Path) -> None:
    path = write_export(tmp_path / "responses.csv", TYPEFORM, "cp1252")
    error = refusal(ledgerly, SurveyImporter(), path, TYPEFORM_MAP)
    assert (error.line, error.column) == (2, "Submit Date (UTC)")
    assert str(error).endswith(
        "'24/11/2026 10:22': not month-first; it looks day-first: use --dates dmy"
    )

    load(ledgerly, SurveyImporter(), path, TYPEFORM_MAP, dates="dmy")

    items = {e.external_id: e for e in snapshot(ledgerly).evidence}
    assert {k: (e.created_at, e.rating) for k, e in items.items()} == {
        "a1b2c3": (utc(2026, 11, 24, 10, 22), 9.0),
        "d4e5f6": (utc(2026, 12, 2, 8, 3), 4.0),
    }
    assert items["d4e5f6"].text == "Die App stürzt beim Hochladen von Belegen ab"


def test_a_survey_score_with_a_decimal_comma_says_which_option_reads_it(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(
        tmp_path / "csat.csv",
        "Response ID;Score;Comment;Created At (UTC);Survey Type\r\n"
        "r1;4,5;Schnell und freundlich;2026-11-24 10:22:31;csat\r\n",
        "cp1252",
    )
    error = refusal(ledgerly, SurveyImporter(), path)
    assert str(error) == (
        f"{path}, line 2, column 'Score': the score '4,5' has a decimal comma: use --decimal comma"
    )
    load(ledgerly, SurveyImporter(), path, decimal="comma")
    (item,) = snapshot(ledgerly).evidence
    assert item.rating == 4.5


def test_a_german_salesforce_report_reads_amounts_with_decimal_comma(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "opportunities.csv", SALESFORCE, "cp1252")
    error = refusal(ledgerly, SalesforceImporter(), path)
    assert (error.line, error.column) == (2, "Amount")
    assert "'12.500,00 €' has a decimal comma: use --decimal comma" in str(error)

    load(ledgerly, SalesforceImporter(), path, decimal="comma", currency="EUR")

    deals = {d.name: d for d in crm(ledgerly).deals}
    assert {n: (d.amount, d.currency, d.outcome) for n, d in deals.items()} == {
        "Müller GmbH - Erweiterung": (Decimal("12500.00"), "EUR", DealOutcome.WON),
        "Brandt & Söhne - Neukunde": (Decimal("1234.56"), "EUR", DealOutcome.LOST),
        "Köhler - Lizenz": (Decimal("8000"), "EUR", DealOutcome.OPEN),
    }
    # Dotted dates are day first without any option.
    won = deals["Müller GmbH - Erweiterung"]
    assert (won.created_at, won.closed_at) == (utc(2026, 10, 3), utc(2026, 11, 24))


def test_a_bare_thousands_dot_is_refused_as_ambiguous_without_the_option(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(
        tmp_path / "opportunities.csv",
        "Opportunity Name,Account Name,Stage,Amount,Close Date\r\n"
        "Köhler - Lizenz,Köhler Zahntechnik,Prospecting,8.000,15.01.2027\r\n",
        "cp1252",
    )
    error = refusal(ledgerly, SalesforceImporter(), path)
    assert str(error) == (
        f"{path}, line 2, column 'Amount': '8.000' could be 8.000 or 8000: "
        "say which with --decimal point or --decimal comma"
    )
    load(ledgerly, SalesforceImporter(), path, decimal="point", currency="EUR")
    (deal,) = crm(ledgerly).deals
    assert (deal.amount, deal.currency) == (Decimal("8.000"), "EUR")


def test_metric_values_from_a_german_looker_export(engine: Engine, tmp_path: Path) -> None:
    with write_session(engine) as session:
        metrics.define_metric(session, MetricDefinition(name="Weekly active businesses"))
    path = write_export(
        tmp_path / "looker.csv",
        "metric;date;value\r\n"
        "Weekly active businesses;23.11.2026;1.234\r\n"
        "Weekly active businesses;30/11/2026;1.250,5\r\n",
        "cp1252",
    )
    error = refusal(engine, importer("metrics"), path)
    assert str(error) == (
        f"{path}, line 2, column 'value': '1.234' could be 1.234 or 1234: "
        "say which with --decimal point or --decimal comma"
    )
    load(engine, importer("metrics"), path, dates="dmy", decimal="comma")
    with engine.connect() as connection:
        rows = connection.execute(
            text("select observed_on, value from metric_values order by observed_on")
        ).all()
    assert [(str(day), value) for day, value in rows] == [
        ("2026-11-23", 1234.0),
        ("2026-11-30", 1250.5),
    ]


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"dates": "dym"}, "--dates must be mdy or dmy or ymd, not 'dym'"),
        ({"decimal": "komma"}, "--decimal must be point or comma, not 'komma'"),
    ],
)
def test_a_misspelt_locale_stops_the_import_before_any_row(
    ledgerly: Engine, tmp_path: Path, options: dict[str, str], says: str
) -> None:
    path = write_export(tmp_path / "tickets.csv", HELPDESK, "cp1252")
    error = refusal(ledgerly, GenericCsvImporter(), path, HELPDESK_MAP, **options)
    assert str(error) == says


def test_every_importer_takes_the_one_dates_option_and_numeric_ones_the_decimal() -> None:
    """One definition shared by all, so the CLI, manifests and docs say the same thing."""
    numeric = {"csv", "jsonl", "salesforce", "hubspot", "pipedrive", "survey", "reviews", "metrics"}
    for source in ALL_IMPORTERS:
        assert DATES_OPTION in source.options, source.name
        assert (DECIMAL_OPTION in source.options) == (source.name in numeric), source.name
