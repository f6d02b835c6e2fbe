"""Property: any file csv.writer can write is imported exactly, or refused with nothing written.

Cells mix quotes, delimiters, line breaks, NUL, BOMs, formula prefixes and any Unicode; files
are written in each encoding the importer sniffs and with each delimiter. The importer
documents that mapped cells are ``.strip()``-ed; the raw record keeps them as exported.
Runs on SQLite only, with a fresh workspace per example (a file copy of the migrated
template); NUL on both engines is checked in test_import_evidence.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

from hypothesis import event, given, settings
from hypothesis import strategies as st

from tests.importers.exports import Quoting, csv_text, holds, import_csv, snapshot
from tradeoff.config import sqlite_url_for
from tradeoff.errors import InputError
from tradeoff.storage.engine import open_engine

HOSTILE = [
    '"',
    ",",
    ";",
    "\t",
    "\n",
    "\r",
    " ",
    "\x00",
    "\ufeff",
    "=",
    "+",
    "-",
    "@",
    "é",
    "Zoë O'Brien",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "\u2028",
    "\x85",
    "👍",
]
CELL = st.lists(st.one_of(st.sampled_from(HOSTILE), st.characters(codec="utf-8")), max_size=15).map(
    "".join
)
VISIBLE = st.one_of(
    st.sampled_from(["x", "\x00", "\ufeff", "=", '"', "<script>alert(1)</script>"]),
    st.characters(codec="utf-8").filter(lambda c: not c.isspace()),
)
#: Mostly texts with something in them, sometimes blank ones (which must be refused).
BODY = st.one_of(CELL, *[st.tuples(CELL, VISIBLE, CELL).map("".join)] * 3)
ROW = st.tuples(BODY, CELL, CELL)
MAP = "external_id=Id,text=Body,title=Subject,created_at=Date"


@settings(max_examples=50, deadline=None)
@given(
    rows=st.lists(ROW, max_size=5),
    delimiter=st.sampled_from([",", ";", "\t"]),
    lineterminator=st.sampled_from(["\r\n", "\n"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_import_is_exact_or_refused_with_nothing_written(
    sqlite_template: Path,
    rows: list[tuple[str, str, str]],
    delimiter: str,
    lineterminator: str,
    quoting: Quoting,
    encoding: str,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder) / "workspace.db"
        shutil.copyfile(sqlite_template, workspace)
        path = Path(folder) / "export.csv"
        records = [
            ["Id", "Body", "Subject", "Notes", "Date"],
            *(
                [f"T-{n}", body, subject, notes, "2026-03-05 11:00"]
                for n, (body, subject, notes) in enumerate(rows, start=1)
            ),
        ]
        text, starts = csv_text(records, delimiter, lineterminator, quoting)
        path.write_bytes(text.encode(encoding))
        engine = open_engine(sqlite_url_for(workspace))
        try:
            refused: InputError | None = None
            try:
                batch = import_csv(engine, path, "--map", MAP, "--source", "prop")
            except InputError as error:
                refused = error
            stored = snapshot(engine)
        finally:
            engine.dispose()

    if not holds(text, delimiter, records):
        event("the file holds other records: refused")
        assert refused is not None, "imported a file whose records are not the rows written"
        assert stored.counts == (0, 0, 0, 0)
        return
    blank = {line for line, (body, _, _) in zip(starts, rows, strict=True) if not body.strip()}
    nul = {line for line, row in zip(starts, rows, strict=True) if "\x00" in row[0] + row[1]}
    if refused is not None:
        # A refusal points at a row that is really wrong: a blank text, or a NUL (which
        # PostgreSQL cannot store, so it may be refused by name rather than stored).
        assert refused.line in blank | nul, f"refused a valid row: {refused}"
        if refused.line in blank and refused.message == "the text is empty":
            event("blank text: refused")
            assert refused.column == "Body"
        else:
            event("NUL: refused")
            assert refused.line in nul
            assert "NUL" in refused.message
        assert stored.counts == (0, 0, 0, 0)
        return
    assert not blank, "a row with blank text was imported"
    event(f"imported {len(rows)} rows")
    if not rows:
        assert batch is None, "an export with no rows changed nothing and keeps no batch"
        return
    assert batch is not None
    assert (batch.inserted, batch.updated, batch.unchanged, batch.rejected) == (
        len(rows),
        0,
        0,
        0,
    )
    assert [
        (e.external_id, e.text, e.title, e.raw["Body"], e.raw["Subject"], e.raw["Notes"])
        for e in stored.evidence
    ] == [
        (f"T-{n}", body.strip(), subject.strip() or None, body, subject, notes)
        for n, (body, subject, notes) in enumerate(rows, start=1)
    ]
    assert len(stored.batches) == 1
