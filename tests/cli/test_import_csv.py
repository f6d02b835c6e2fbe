"""``tradeoff import csv`` as a user runs it: real exports in, the workspace read back out.

Every failure must be one line on stderr, a non-zero exit status and no traceback, and must
leave the workspace exactly as it was: no evidence, no import batch, no accounts, no people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import CliResult, run_cli
from tests.importers.exports import (
    CP1252_CSV,
    EUROPEAN_CSV,
    EUROPEAN_MAP,
    GOOGLE_PLAY_CSV,
    GOOGLE_PLAY_MAP,
    HELPDESK_CSV,
    HELPDESK_MAP,
    HELPDESK_NEXT_WEEK_CSV,
    INTERVIEWS_CSV,
    INTERVIEWS_MAP,
    snapshot,
    utc,
    write_export,
)
from tradeoff.domain.enums import EvidenceKind, EvidenceMode
from tradeoff.importers.mapping import EVIDENCE_FIELDS
from tradeoff.importers.registry import reader_fingerprint

KINDS = ", ".join(k.value for k in EvidenceKind)
HELPDESK_HEADER = ", ".join(repr(h) for h in HELPDESK_CSV.splitlines()[0].split(","))


@pytest.fixture
def ledgerly(capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    """A workspace set up as a user would: ``tradeoff init`` with our company and domain."""
    result = run_cli(
        capsys,
        "--db",
        workspace_url,
        "init",
        "--company",
        "Ledgerly",
        "--email-domain",
        "ledgerly.example",
    )
    assert result.exit_code == 0, result.stderr
    return workspace_url


def import_csv(
    capsys: pytest.CaptureFixture[str], url: str, path: Path, *options: str
) -> CliResult:
    return run_cli(capsys, "--db", url, "import", "csv", str(path), *options)


def said(result: CliResult) -> str:
    """stdout with Rich's line wrapping undone."""
    return " ".join(result.stdout.split())


REPORT = re.compile(
    r"Imported (?P<file>.+?) as (?P<source>\S+) \(batch (?P<batch>\d+), (?P<found>[^)]*)\): "
    r"(?P<inserted>\d+) inserted, (?P<updated>\d+) updated, (?P<unchanged>\d+) unchanged, "
    r"(?P<rejected>\d+) rejected\."
)


def reported(result: CliResult) -> tuple[str, str, int, str, tuple[int, ...]]:
    """The report line: file, source, batch, encoding (the first detail), outcome counts."""
    match = REPORT.search(said(result))
    assert match is not None, result.stdout
    counts = tuple(int(match[name]) for name in ("inserted", "updated", "unchanged", "rejected"))
    encoding = match["found"].split(",")[0]
    return match["file"], match["source"], int(match["batch"]), encoding, counts


def assert_one_line_error(result: CliResult, expected: str, exit_code: int = 2) -> None:
    assert result.stderr == f"error: {expected}\n"
    assert result.exit_code == exit_code
    assert "Traceback" not in result.stderr + result.stdout


# --- importing --------------------------------------------------------------------------------


def test_first_import_reports_and_stores_every_field(
    capsys: pytest.CaptureFixture[str], ledgerly: str, engine: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV)

    result = import_csv(capsys, ledgerly, path, "--map", HELPDESK_MAP, "--source", "helpdesk")

    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert reported(result) == ("helpdesk.csv", "helpdesk", 1, "utf-8", (5, 0, 0, 0))
    assert "New accounts: 3; new people: 6." in said(result)
    stored = snapshot(engine)
    assert stored.counts == (5, 3, 6, 1)
    accounts = {a.id: a.name for a in stored.accounts}
    people = {p.id: p.name or p.email for p in stored.people}
    assert [
        (
            e.external_id,
            e.kind,
            e.mode,
            e.text,
            e.created_at,
            e.tags,
            e.rating,
            accounts.get(e.account_id),
            people.get(e.person_id),
            people.get(e.relayed_by_id),
        )
        for e in stored.evidence
    ] == [
        (
            "1001",
            EvidenceKind.TICKET,
            EvidenceMode.OBSERVED,
            'Hi team,\nthe CSV export turns "Zoë" into "Zo?".\nThanks, Zoë',
            utc(2026, 3, 4, 10, 22, 31),
            ["billing", "export"],
            2.0,
            "Acme, Inc.",
            "Zoë O'Brien",
            "sam.rivera@ledgerly.example",
        ),
        (
            "1002",
            EvidenceKind.TICKET,
            EvidenceMode.OBSERVED,
            "<script>alert(1)</script>",
            utc(2026, 3, 4, 16, 5),
            [],
            None,
            "Globex",
            "Ops Team",
            None,
        ),
        (
            "1003",
            EvidenceKind.TICKET,
            EvidenceMode.OBSERVED,
            '=HYPERLINK("http://x")',
            utc(2026, 3, 5, 11, 0),
            ["reporting"],
            4.0,
            "Acme, Inc.",
            "Zoë O'Brien",
            "Priya Natarajan",
        ),
        (
            "1004",
            EvidenceKind.TICKET,
            EvidenceMode.OBSERVED,
            "Reporting is fine, but I rebuild the same spreadsheet every week",
            utc(2026, 3, 6, 8, 30),
            ["reporting", "spreadsheets"],
            4.5,
            "Initech",
            "Kenji Watanabe",
            None,
        ),
        (
            "1005",
            EvidenceKind.TICKET,
            EvidenceMode.OBSERVED,
            "Dashboards time out when the range is a year",
            utc(2025, 7, 14, 15, 42),
            [],
            3.0,
            "Acme, Inc.",
            "Bea Schmidt",
            None,
        ),
    ]
    assert stored.item("1001").raw["Labels"] == ["csv", "urgent"]
    assert stored.item("1002").raw["Body"] == "<script>alert(1)</script>"
    sam = next(p for p in stored.people if p.email == "sam.rivera@ledgerly.example")
    assert sam.account_id is None
    (batch,) = stored.batches
    assert (batch.source, batch.file_name, batch.inserted) == ("helpdesk", "helpdesk.csv", 5)

    status = run_cli(capsys, "--db", ledgerly, "status")
    assert status.exit_code == 0, status.stderr
    for entity, number in [("accounts", 3), ("people", 6), ("evidence items", 5), ("imports", 1)]:
        assert re.search(rf"^{entity}\s+│\s+{number}\s*$", status.stdout, re.MULTILINE), entity


def test_reimporting_the_same_file_changes_nothing(
    capsys: pytest.CaptureFixture[str], ledgerly: str, engine: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV)
    assert import_csv(capsys, ledgerly, path, "--map", HELPDESK_MAP).exit_code == 0
    before = snapshot(engine)

    again = import_csv(capsys, ledgerly, path, "--map", HELPDESK_MAP)

    assert again.exit_code == 0, again.stderr
    assert said(again) == (
        "helpdesk.csv: already imported as batch 1 with the same content and mapping; "
        "nothing changed (5 records)."
    )
    after = snapshot(engine)
    assert after.counts == (5, 3, 6, 1)
    assert (after.accounts, after.people) == (before.accounts, before.people)
    assert [(e.id, e.external_id, e.text, e.raw) for e in after.evidence] == [
        (e.id, e.external_id, e.text, e.raw) for e in before.evidence
    ]


def test_next_weeks_overlapping_export_updates_one_and_inserts_one(
    capsys: pytest.CaptureFixture[str], ledgerly: str, engine: Engine, tmp_path: Path
) -> None:
    week1 = write_export(tmp_path / "week1.csv", HELPDESK_CSV)
    week2 = write_export(tmp_path / "week2.csv", HELPDESK_NEXT_WEEK_CSV)
    assert import_csv(capsys, ledgerly, week1, "--map", HELPDESK_MAP).exit_code == 0

    result = import_csv(capsys, ledgerly, week2, "--map", HELPDESK_MAP)

    assert result.exit_code == 0, result.stderr
    assert reported(result) == ("week2.csv", "csv", 2, "utf-8", (1, 1, 2, 0))
    stored = snapshot(engine)
    assert stored.counts == (6, 3, 6, 2)
    assert stored.item("1004").text.endswith("spreadsheet EVERY week")
    assert stored.item("1006").created_at == utc(2026, 3, 7, 8, 0)
    assert [e.external_id for e in stored.evidence] == [
        "1001",
        "1002",
        "1003",
        "1004",
        "1005",
        "1006",
    ]


def test_interviews_without_ids_are_stated_and_reimport_idempotently(
    capsys: pytest.CaptureFixture[str], ledgerly: str, engine: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "interviews.csv", INTERVIEWS_CSV)
    args = ("--map", INTERVIEWS_MAP, "--kind", "interview", "--source", "research")

    first = import_csv(capsys, ledgerly, path, *args)
    again = import_csv(capsys, ledgerly, path, *args)

    assert first.exit_code == 0, first.stderr
    assert reported(first)[4] == (2, 0, 0, 0)
    assert "already imported as batch 1" in said(again)
    stored = snapshot(engine)
    assert stored.counts == (2, 1, 2, 1)
    assert {(e.kind, e.mode) for e in stored.evidence} == {
        (EvidenceKind.INTERVIEW, EvidenceMode.STATED)
    }
    assert [e.created_at for e in stored.evidence] == [utc(2026, 2, 10), utc(2026, 2, 11, 14, 30)]
    assert stored.evidence[1].text == 'Wants a "close the month" checklist.'
    assert [p.name for p in stored.people] == ["Marta Ruiz", "Tomás Ortega"]


def test_mode_option_overrides_the_kinds_default(
    capsys: pytest.CaptureFixture[str], ledgerly: str, engine: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV)
    result = import_csv(capsys, ledgerly, path, "--map", HELPDESK_MAP, "--mode", "stated")
    assert result.exit_code == 0, result.stderr
    assert {e.mode for e in snapshot(engine).evidence} == {EvidenceMode.STATED}


def test_mapping_file_with_map_overrides(
    capsys: pytest.CaptureFixture[str], ledgerly: str, engine: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV)
    mapping = tmp_path / "helpdesk.toml"
    mapping.write_text(
        '[map]\ntext = "Body"\ncreated_at = "Date"\nexternal_id = "Id"\ntitle = "Body"\n',
        encoding="utf-8",
    )

    result = import_csv(capsys, ledgerly, path, "--mapping", str(mapping), "--map", "title=Subject")

    assert result.exit_code == 0, result.stderr
    stored = snapshot(engine)
    assert stored.item("1001").title == "Export drops accents"
    assert stored.batches[0].mapping == {
        "text": "Body",
        "created_at": "Date",
        "external_id": "Id",
        "title": "Subject",
        "reader": reader_fingerprint(),
    }


@dataclass(frozen=True)
class Export:
    text: str
    encoding: str
    map: str
    reported: str
    texts: list[str]
    ratings: list[float | None]
    options: tuple[str, ...] = ()


EXPORTS = {
    "cp1252": Export(
        CP1252_CSV,
        "cp1252",
        "text=Body,created_at=Date,external_id=Id",
        "cp1252",
        ["Le café est froid — merci"],
        [None],
    ),
    "semicolon": Export(
        EUROPEAN_CSV,
        "utf-8",
        EUROPEAN_MAP,
        "utf-8",
        [
            "Export nach Excel, bitte mit Umlauten (ä, ö, ü)",
            "Rechnung: 1.234,56 EUR falsch gerundet",
        ],
        [4.5, 1234.56],
        ("--decimal", "comma"),
    ),
    "utf8-bom": Export(
        "Id,Body,Date\n1,Zoë O'Brien wants SSO,2026-03-05\n",
        "utf-8-sig",
        "text=Body,created_at=Date,external_id=Id",
        "utf-8-sig",
        ["Zoë O'Brien wants SSO"],
        [None],
    ),
    "google-play-utf16": Export(
        GOOGLE_PLAY_CSV,
        "utf-16",
        GOOGLE_PLAY_MAP,
        "utf-16",
        ["Sync hängt seit dem Update 👎", 'Love it, but "export" is hidden'],
        [2.0, 5.0],
    ),
}


@pytest.mark.parametrize("name", list(EXPORTS))
def test_exports_in_every_encoding_and_delimiter(
    capsys: pytest.CaptureFixture[str], ledgerly: str, engine: Engine, tmp_path: Path, name: str
) -> None:
    export = EXPORTS[name]
    path = write_export(tmp_path / f"{name}.csv", export.text, export.encoding)

    result = import_csv(capsys, ledgerly, path, "--map", export.map, *export.options)

    assert result.exit_code == 0, result.stderr
    assert reported(result)[2:] == (1, export.reported, (len(export.texts), 0, 0, 0))
    stored = snapshot(engine)
    assert [e.text for e in stored.evidence] == export.texts
    assert [e.rating for e in stored.evidence] == export.ratings


def test_report_shows_the_file_name_as_it_is(
    capsys: pytest.CaptureFixture[str], ledgerly: str, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "tickets [export].csv", "Id,Body,Date\n1,x,2026-03-05\n")
    result = import_csv(capsys, ledgerly, path, "--map", "text=Body,created_at=Date")
    assert result.exit_code == 0, result.stderr
    assert reported(result)[:2] == ("tickets [export].csv", "csv")


# --- failures ---------------------------------------------------------------------------------

TWO_ROWS = "Id,Body,Date\n1,ok,2026-03-05\n"
MAP = "text=Body,created_at=Date,external_id=Id"


@dataclass(frozen=True)
class Failure:
    """A bad import: the file (None: none at all), the options, and the exact error line."""

    content: str | None
    options: tuple[str, ...]
    error: str
    exit_code: int = 2


FAILURES = {
    "missing-file": Failure(None, ("--map", MAP), "{file}: file not found"),
    "missing-column": Failure(
        HELPDESK_CSV,
        ("--map", HELPDESK_MAP + ",account_domain=Domain"),
        "{file}, line 1, column 'Domain': no column 'Domain' (mapped to account_domain); "
        f"the file has: {HELPDESK_HEADER}",
    ),
    "bad-date-after-a-multi-line-cell": Failure(
        HELPDESK_CSV.replace("1772640300", "yesterday"),
        ("--map", HELPDESK_MAP),
        "{file}, line 5, column 'Date': not a date or time: 'yesterday'",
    ),
    "bad-date-after-a-blank-line": Failure(
        HELPDESK_CSV.replace("14/Jul/25 3:42 PM", "31/31/2025"),
        ("--map", HELPDESK_MAP),
        "{file}, line 9, column 'Date': not a date or time: '31/31/2025'",
    ),
    "bad-kind-in-a-column": Failure(
        'Id,Body,Date,Type\n1,"Call notes:\nwants SSO",2026-03-05,call\n'
        "2,Asked twice,2026-03-05,phone call\n",
        ("--map", MAP + ",kind=Type"),
        f"{{file}}, line 4, column 'Type': 'phone call' is not one of: {KINDS}",
    ),
    "too-many-cells": Failure(
        TWO_ROWS + "2,Export, please,2026-03-05\n",
        ("--map", MAP),
        "{file}, line 3: row has 4 cells but the header has 3",
    ),
    "too-few-cells": Failure(
        TWO_ROWS + "2,2026-03-05\n",
        ("--map", MAP),
        "{file}, line 3: row has 2 cells but the header has 3",
    ),
    "unmatched-quote": Failure(
        TWO_ROWS + '2,"never closed,2026-03-05\n3,x,2026-03-05\n',
        ("--map", MAP),
        "{file}, line 3: not a readable CSV: a quoted cell in the row that starts here is "
        "never closed (a missing '\"')",
    ),
    "text-after-a-closing-quote": Failure(
        TWO_ROWS + '2,"quoted"tail,2026-03-05\n',
        ("--map", MAP),
        "{file}, line 3: not a readable CSV: ',' expected after '\"'",
    ),
    "empty-file": Failure("", ("--map", MAP), "{file}: the file is empty: expected a header row"),
    "duplicate-id": Failure(
        HELPDESK_CSV + "1002,Again,Same id twice,2026-03-08,,,,,,,,\n",
        ("--map", HELPDESK_MAP),
        "{file}, line 10: external id '1002' appears twice in this file",
    ),
    "blank-text": Failure(
        TWO_ROWS + '2," \n ",2026-03-05\n',
        ("--map", MAP),
        "{file}, line 3, column 'Body': the text is empty",
    ),
    "bad-rating": Failure(
        HELPDESK_CSV.replace(",4.5,", ",N/A,"),
        ("--map", HELPDESK_MAP),
        "{file}, line 7, column 'Score': not a number: 'N/A'",
    ),
    "day-first-date": Failure(
        "Id;Body;Date\n1;Überweisung hängt;24/11/2026 15:04\n",
        ("--map", MAP),
        "{file}, line 2, column 'Date': not a date or time: '24/11/2026 15:04': "
        "not month-first; it looks day-first: use --dates dmy",
    ),
    "month-first-date-read-day-first": Failure(
        "Id,Body,Date\n1,Card declined,11/24/2026 3:04 PM\n",
        ("--map", MAP, "--dates", "dmy"),
        "{file}, line 2, column 'Date': not a date or time: '11/24/2026 3:04 PM': "
        "not day-first; it looks month-first: use --dates mdy",
    ),
    "decimal-comma-rating": Failure(
        "Id;Body;Date;Note\n1;Export fehlt;24.11.2026;4,5\n",
        ("--map", MAP + ",rating=Note"),
        "{file}, line 2, column 'Note': '4,5' has a decimal comma: use --decimal comma",
    ),
    "decimal-point-rating-read-with-comma": Failure(
        TWO_ROWS.replace("Date\n", "Date,Score\n").replace("05\n", "05,4.5\n"),
        ("--map", MAP + ",rating=Score", "--decimal", "comma"),
        "{file}, line 2, column 'Score': '4.5' has a decimal point: use --decimal point",
    ),
    "bad-dates-option": Failure(
        TWO_ROWS,
        ("--map", MAP, "--dates", "european"),
        "--dates must be mdy or dmy or ymd, not 'european'",
    ),
    "bad-decimal-option": Failure(
        TWO_ROWS, ("--map", MAP, "--decimal", ","), "--decimal must be point or comma, not ','"
    ),
    "bad-map-syntax": Failure(
        TWO_ROWS,
        ("--map", "text"),
        "--map entry 'text' is not FIELD=COLUMN (a column name with a comma goes in double "
        'quotes: text="Anything else, if anything?")',
    ),
    "unknown-mapping-field": Failure(
        TWO_ROWS,
        ("--map", MAP + ",priority=Prio"),
        "unknown field 'priority' in the mapping; fields are: " + ", ".join(EVIDENCE_FIELDS),
    ),
    "required-field-not-mapped": Failure(
        TWO_ROWS, ("--map", "text=Body"), "the mapping must name a column for created_at"
    ),
    "no-mapping-and-no-header-names-a-field": Failure(
        "Ref,Words,When\n1,ok,2026-03-05\n",
        (),
        "{file}, line 1: no column for text in the header (looked for text, body, "
        "description, message, content, …): name it with --map text=COLUMN",
    ),
    "no-date-column-and-no-date-option": Failure(
        "text,label\nmy card is late,card_arrival\n",
        (),
        "{file}, line 1: no column for created_at in the header (looked for created_at, "
        "created, created date, creation date, date created, …): name it with --map "
        "created_at=COLUMN or date every row with --date YYYY-MM-DD",
    ),
    "bad-date-option": Failure(
        "text,label\nmy card is late,card_arrival\n",
        ("--date", "24/11/2026"),
        "--date '24/11/2026' is not a day: use YYYY-MM-DD",
    ),
    "missing-mapping-file": Failure(
        TWO_ROWS, ("--mapping", "{dir}/nope.toml"), "{dir}/nope.toml: mapping file not found"
    ),
    "bad-kind-option": Failure(
        TWO_ROWS, ("--map", MAP, "--kind", "meeting"), f"kind: 'meeting' is not one of: {KINDS}"
    ),
    "bad-mode-option": Failure(
        TWO_ROWS,
        ("--map", MAP, "--mode", "guessed"),
        "mode: 'guessed' is not one of: observed, stated",
    ),
}


@pytest.mark.parametrize("name", list(FAILURES))
def test_bad_input_is_one_clear_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], ledgerly: str, engine: Engine, tmp_path: Path, name: str
) -> None:
    case = FAILURES[name]
    path = tmp_path / "export.csv"
    if case.content is not None:
        write_export(path, case.content)
    options = [option.format(dir=tmp_path, file=path) for option in case.options]

    result = import_csv(capsys, ledgerly, path, *options)

    assert_one_line_error(result, case.error.format(dir=tmp_path, file=path), case.exit_code)
    assert result.stdout == ""
    assert snapshot(engine).counts == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("content", "located"),
    [
        (b"Id,Body,Date\n1,caf\x81,2026-03-05\n", "{file}"),
        (b"Id,Body,Date\n1,x,0001-01-01T00:00:00+01:00\n", "{file}, line 2, column 'Date'"),
    ],
    ids=["undecodable-byte", "date-out-of-range"],
)
def test_unreadable_values_are_input_errors_not_internal_errors(
    capsys: pytest.CaptureFixture[str],
    ledgerly: str,
    engine: Engine,
    tmp_path: Path,
    content: bytes,
    located: str,
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    result = import_csv(capsys, ledgerly, path, "--map", MAP)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"error: {located.format(file=path)}")
    assert result.stderr.count("\n") == 1
    assert snapshot(engine).counts == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("date", "score"),
    [("2026-03-05 3:42 PM", "4"), ("2026-03-05 15:42", "4/5")],
    ids=["12-hour-time", "rating-out-of-5"],
)
def test_a_value_is_read_right_or_refused_never_guessed(
    capsys: pytest.CaptureFixture[str],
    ledgerly: str,
    engine: Engine,
    tmp_path: Path,
    date: str,
    score: str,
) -> None:
    path = write_export(tmp_path / "e.csv", f"Id,Body,Date,Score\n1,Slow export,{date},{score}\n")
    result = import_csv(capsys, ledgerly, path, "--map", MAP + ",rating=Score")
    if result.exit_code == 2:
        assert snapshot(engine).counts == (0, 0, 0, 0)
        return
    (item,) = snapshot(engine).evidence
    assert item.created_at == utc(2026, 3, 5, 15, 42)
    assert item.rating in (4.0, 0.8)


def test_a_failed_import_keeps_the_previous_one_intact(
    capsys: pytest.CaptureFixture[str], ledgerly: str, engine: Engine, tmp_path: Path
) -> None:
    assert (
        import_csv(
            capsys, ledgerly, write_export(tmp_path / "w1.csv", HELPDESK_CSV), "--map", HELPDESK_MAP
        ).exit_code
        == 0
    )
    before = snapshot(engine)
    # 1004's edit and the new 1006 precede the bad date; neither may land.
    broken = write_export(tmp_path / "w2.csv", HELPDESK_NEXT_WEEK_CSV + "1007,x,y,soon,,,,,,,,\n")

    result = import_csv(capsys, ledgerly, broken, "--map", HELPDESK_MAP)

    assert_one_line_error(result, f"{broken}, line 6, column 'Date': not a date or time: 'soon'")
    assert snapshot(engine) == before


def test_a_folder_is_not_a_file(
    capsys: pytest.CaptureFixture[str], ledgerly: str, engine: Engine, tmp_path: Path
) -> None:
    result = import_csv(capsys, ledgerly, tmp_path, "--map", MAP)
    assert_one_line_error(result, f"{tmp_path}: not a regular file")
    assert snapshot(engine).counts == (0, 0, 0, 0)


def test_wrong_database_url_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV)
    result = run_cli(
        capsys, "--db", "nosuch://x", "import", "csv", str(path), "--map", HELPDESK_MAP
    )
    assert_one_line_error(
        result,
        "unsupported database 'nosuch' in nosuch://x: use a SQLite path or a "
        "postgresql+psycopg:// URL",
    )


def test_missing_workspace_file_is_one_clear_line_and_is_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV)
    missing = tmp_path / "typo.db"
    result = run_cli(
        capsys, "--db", str(missing), "import", "csv", str(path), "--map", HELPDESK_MAP
    )
    assert_one_line_error(
        result,
        f"no workspace at {missing}: run 'tradeoff init {missing}' first, or pass --db",
        exit_code=1,
    )
    assert not missing.exists()
