"""Opening exports as they really come: encodings, delimiters, multi-line cells, broken files."""

from __future__ import annotations

import codecs
import csv
import gc
import hashlib
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.importers.exports import (
    CP1252_CSV,
    EUROPEAN_CSV,
    GOOGLE_PLAY_CSV,
    HELPDESK_CSV,
    Quoting,
    csv_text,
    holds,
    write_export,
)
from tradeoff.errors import InputError
from tradeoff.importers.textfile import (
    CSV_FIELD_LIMIT,
    CsvRow,
    inspect_file,
    read_csv,
    sniff_delimiter,
)


def read_all(path: Path) -> tuple[list[str], list[CsvRow]]:
    header, rows = read_csv(inspect_file(path))
    return header, list(rows)


# --- inspect_file -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "written_as"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),  # little-endian with BOM, as Google Play writes it
        ("utf-16", "utf-16-be-with-bom"),
        ("cp1252", "cp1252"),
    ],
)
def test_inspect_file_names_the_encoding_and_hashes_the_bytes(
    tmp_path: Path, encoding: str, written_as: str
) -> None:
    text = "Id,Body,Date\n1,Zoë O'Brien: le café — déjà vu,2026-03-05\n"
    if written_as == "utf-16-be-with-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(written_as)
    path = tmp_path / "export.csv"
    path.write_bytes(data)

    facts = inspect_file(path)

    assert facts.encoding == encoding
    assert facts.size == len(data)
    assert facts.sha256 == hashlib.sha256(data).hexdigest()
    assert facts.path == path
    header, rows = read_all(path)
    assert header == ["Id", "Body", "Date"]
    assert [r.cells for r in rows] == [["1", "Zoë O'Brien: le café — déjà vu", "2026-03-05"]]


def test_utf8_split_across_read_chunks_is_still_utf8(tmp_path: Path) -> None:
    # A two-byte character straddling the 1 MiB chunk boundary must not look like cp1252.
    filler = "x" * ((1 << 20) - len("Id,Body\n1,") - 1)
    path = write_export(tmp_path / "big.csv", f"Id,Body\n1,{filler}é\n")
    assert inspect_file(path).encoding == "utf-8"


def test_inspect_file_refuses_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found") as missing:
        inspect_file(tmp_path / "nope.csv")
    assert missing.value.path == str(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="not a regular file"):
        inspect_file(tmp_path)


# --- sniff_delimiter --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("Id,Body,Date\n1,a;b;c;d,x", ","),
        ("Nr;Kommentar;Datum\n77;Export, bitte;05.03.2026", ";"),
        ("Id\tBody\tDate\n1\ta,b\tx", "\t"),
        ("Id;Body,Date", ","),  # a tie goes to ','
        ("Body", ","),
        ("", ","),
    ],
)
def test_sniff_delimiter_reads_the_header_line(sample: str, expected: str) -> None:
    assert sniff_delimiter(sample) == expected


# --- read_csv: real exports -------------------------------------------------------------------


def test_helpdesk_export_rows_carry_the_line_they_start_on(tmp_path: Path) -> None:
    header, rows = read_all(write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV))

    assert header[:4] == ["Id", "Subject", "Body", "Date"]
    assert header[-2:] == ["Labels", "Labels"]
    # 1001 spans lines 2-4; line 8 is blank and skipped.
    assert [(r.line, r.cells[0]) for r in rows] == [
        (2, "1001"),
        (5, "1002"),
        (6, "1003"),
        (7, "1004"),
        (9, "1005"),
    ]
    assert rows[0].cells[2] == 'Hi team,\nthe CSV export turns "Zoë" into "Zo?".\nThanks, Zoë'
    assert rows[1].cells[2] == "<script>alert(1)</script>"
    assert rows[2].cells[2] == '=HYPERLINK("http://x")'
    assert all(len(r.cells) == len(header) for r in rows)


def test_crlf_lone_cr_and_blank_rows_count_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "windows.csv"
    path.write_bytes(b'Id,Body,Date\r\n1,"a\r\nb\rc\nd",x\r\n\r\n2,"q",y\r\n,,\r\n  , ,\r\n3,z,w')

    header, rows = read_all(path)

    assert header == ["Id", "Body", "Date"]
    # Row 1 spans lines 2-5 (\r\n, \r and \n each end a line); 6 is blank; 8 and 9 are
    # rows of empty cells, skipped; the last row has no line ending.
    assert [(r.line, r.cells) for r in rows] == [
        (2, ["1", "a\r\nb\rc\nd", "x"]),
        (7, ["2", "q", "y"]),
        (10, ["3", "z", "w"]),
    ]


def test_european_export_is_read_with_semicolons(tmp_path: Path) -> None:
    header, rows = read_all(write_export(tmp_path / "eu.csv", EUROPEAN_CSV))
    assert header == ["Nr", "Kommentar", "Datum", "Firma", "Bewertung"]
    assert rows[0].cells == [
        "77",
        "Export nach Excel, bitte mit Umlauten (ä, ö, ü)",
        "05.03.2026 11:00",
        "Müller GmbH",
        "4,5",
    ]


def test_tab_separated_export(tmp_path: Path) -> None:
    header, rows = read_all(write_export(tmp_path / "t.tsv", "Id\tBody\n1\ta, b; c\n"))
    assert header == ["Id", "Body"]
    assert rows[0].cells == ["1", "a, b; c"]


def test_bom_is_not_part_of_the_first_column_name(tmp_path: Path) -> None:
    header, rows = read_all(write_export(tmp_path / "bom.csv", "Id,Body\n1,x\n", "utf-8-sig"))
    assert header == ["Id", "Body"]
    assert rows[0].cells == ["1", "x"]


def test_google_play_utf16_export(tmp_path: Path) -> None:
    header, rows = read_all(write_export(tmp_path / "reviews.csv", GOOGLE_PLAY_CSV, "utf-16"))
    assert header[0] == "Package Name"
    assert header[11] == "Review Text"
    assert [r.cells[11] for r in rows] == [
        "Sync hängt seit dem Update 👎",
        'Love it, but "export" is hidden',
    ]


def test_cp1252_export_reads_accents(tmp_path: Path) -> None:
    _, rows = read_all(write_export(tmp_path / "win.csv", CP1252_CSV, "cp1252"))
    assert rows[0].cells[1] == "Le café est froid — merci"


def test_header_cells_are_stripped(tmp_path: Path) -> None:
    header, _ = read_all(write_export(tmp_path / "h.csv", " Id , Body\t,Date \n"))
    assert header == ["Id", "Body", "Date"]


def test_progress_reports_every_byte(tmp_path: Path) -> None:
    path = write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV)
    calls: list[tuple[int, int]] = []
    _, rows = read_csv(inspect_file(path), lambda done, total: calls.append((done, total)))
    list(rows)
    size = path.stat().st_size
    assert calls
    assert calls[-1] == (size, size)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


# --- read_csv: broken files -------------------------------------------------------------------


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = write_export(tmp_path / "empty.csv", "")
    with pytest.raises(InputError, match="the file is empty: expected a header row") as caught:
        read_csv(inspect_file(path))
    assert caught.value.path == str(path)


def test_header_only_file_has_no_rows(tmp_path: Path) -> None:
    header, rows = read_all(write_export(tmp_path / "h.csv", "Id,Body,Date\n"))
    assert header == ["Id", "Body", "Date"]
    assert rows == []


def test_unmatched_quote_names_the_line_the_row_starts_on(tmp_path: Path) -> None:
    path = write_export(
        tmp_path / "broken.csv", 'Id,Body\n1,"fine\nstill fine"\n2,"never closed\n3,x\n4,y\n'
    )
    _, rows = read_csv(inspect_file(path))
    with pytest.raises(
        InputError,
        match="not a readable CSV: a quoted cell in the row that starts here is never closed",
    ) as caught:
        list(rows)
    assert caught.value.line == 4
    assert caught.value.path == str(path)


def test_text_after_a_closing_quote_is_malformed(tmp_path: Path) -> None:
    path = write_export(tmp_path / "broken.csv", 'Id,Body\n1,ok\n2,"quoted"tail\n')
    _, rows = read_csv(inspect_file(path))
    with pytest.raises(InputError, match="not a readable CSV: ',' expected after '\"'") as caught:
        list(rows)
    assert caught.value.line == 3


def test_malformed_header_is_line_1(tmp_path: Path) -> None:
    path = write_export(tmp_path / "broken.csv", 'Id,"Body"x\n1,2\n')
    with pytest.raises(InputError, match="not a readable CSV") as caught:
        read_csv(inspect_file(path))
    assert caught.value.line == 1


def test_a_field_over_the_limit_is_refused_not_swallowed(tmp_path: Path) -> None:
    # An unmatched quote early in a large file is what the field limit is for.
    body = "y" * (CSV_FIELD_LIMIT + 10)
    path = write_export(tmp_path / "huge.csv", f'Id,Body\n1,ok\n2,"{body}\n3,z\n')
    _, rows = read_csv(inspect_file(path))
    with pytest.raises(InputError, match="field larger than field limit") as caught:
        list(rows)
    assert caught.value.line == 3


def test_a_field_just_under_the_limit_is_read(tmp_path: Path) -> None:
    body = "y" * (CSV_FIELD_LIMIT - 1)
    _, rows = read_all(write_export(tmp_path / "big.csv", f'Id,Body\n1,"{body}"\n'))
    assert len(rows[0].cells[1]) == CSV_FIELD_LIMIT - 1


@pytest.mark.parametrize(
    "data",
    [
        b"Id,Body\n1,caf\x81\n",  # invalid UTF-8, and 0x81 is unassigned in cp1252
        "Id,Body\n1,x\n".encode("utf-16") + b"A",  # odd byte count
        codecs.BOM_UTF8 + b"Id,Body\n1,caf\xe9\n",  # a BOM, then Latin-1
    ],
    ids=["cp1252-undefined-byte", "utf16-odd-length", "bom-then-latin1"],
)
def test_undecodable_bytes_are_an_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(InputError):
        read_all(path)


def test_reading_a_file_closes_it(tmp_path: Path) -> None:
    path = write_export(tmp_path / "h.csv", HELPDESK_CSV)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        read_all(path)
        gc.collect()
    assert [str(w.message) for w in caught if str(path) in str(w.message)] == []


# --- read_csv: a property ---------------------------------------------------------------------

CELL_CHARACTERS = st.one_of(
    st.sampled_from(['"', ",", ";", "\t", "\n", "\r", " ", "=", "\x00", "\ufeff", "é"]),
    st.characters(codec="utf-8"),
)
CELLS = st.text(CELL_CHARACTERS, max_size=12)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.tuples(CELLS, CELLS), max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    lineterminator=st.sampled_from(["\r\n", "\n"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
)
def test_read_csv_returns_what_csv_writer_wrote_with_start_lines(
    tmp_path: Path,
    rows: list[tuple[str, str]],
    delimiter: str,
    lineterminator: str,
    quoting: Quoting,
) -> None:
    records = [["Id", "Body", "Notes"], *([str(n), *row] for n, row in enumerate(rows, start=1))]
    text, starts = csv_text(records, delimiter, lineterminator, quoting)
    path = tmp_path / "p.csv"
    path.write_bytes(text.encode("utf-8"))

    try:
        header, read = read_all(path)
    except InputError:
        # Only a file that holds other records than were written may be refused.
        assert not holds(text, delimiter, records)
        return
    if holds(text, delimiter, records):
        assert header == records[0]
        assert [(r.line, r.cells) for r in read] == list(zip(starts, records[1:], strict=True))
    else:
        # Whatever a broken file yields, it is never the rows that were meant.
        assert [r.cells for r in read] != records[1:]
