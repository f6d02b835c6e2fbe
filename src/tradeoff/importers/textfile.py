"""Opening exported text files the way they really come: any encoding, any delimiter.

Excel and vendors write UTF-8 with or without a BOM, UTF-16, or the PC's ANSI code page;
European locales use ';' as the delimiter. We sniff rather than guess wrong silently.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from tradeoff.errors import InputError

if TYPE_CHECKING:
    from _csv import Reader

#: An unmatched quote would otherwise swallow the rest of the file into one cell.
CSV_FIELD_LIMIT = 1024 * 1024
SNIFF_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t")
#: How many title lines (report name, "As of ...") may stand above a report's header.
PREAMBLE_LIMIT = 10
DELIMITED_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
ProgressCallback = Callable[[int, int], None]

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class FileFacts:
    path: Path
    size: int
    sha256: str
    encoding: str | None
    delimiter: str | None = None

    @property
    def text_encoding(self) -> str:
        return self.encoding or "utf-8"


def inspect_file(path: Path) -> FileFacts:
    """Size, content hash and encoding in one pass over the bytes."""
    if not path.exists():
        raise InputError("file not found", path=path)
    if not path.is_file():
        raise InputError("not a regular file", path=path)
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8_ok = True
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            handle.seek(0)
            _refuse_binary(head, path)
            bom_encoding = next((enc for bom, enc in BOMS if head.startswith(bom)), None)
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
                if utf8_ok and bom_encoding is None:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        utf8_ok = False
            if utf8_ok and bom_encoding is None:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    utf8_ok = False
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=path) from None
    encoding = bom_encoding or ("utf-8" if utf8_ok else "cp1252")
    delimiter = None
    if path.suffix.lower() in DELIMITED_SUFFIXES:
        with path.open("rb") as probe:
            sample = probe.read(SNIFF_BYTES).decode(encoding, errors="replace").lstrip("\ufeff")
        delimiter = sniff_delimiter(sample)
    return FileFacts(
        path=path,
        size=path.stat().st_size,
        sha256=digest.hexdigest(),
        encoding=encoding,
        delimiter=delimiter,
    )


#: What a wrong file starts with, and what to do instead: a new user's most common mistake
#: is to give the spreadsheet or the zip the tool offered instead of its CSV or JSON.
BINARY_FORMATS = (
    (b"PK\x03\x04", "a ZIP archive: an Excel .xlsx workbook or a zipped export"),
    (b"\xd0\xcf\x11\xe0", "an Excel 97-2003 workbook"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"%PDF", "a PDF document"),
)
MARKUP = ("<html", "<!doctype", "<table", "<?xml")


def _refuse_binary(head: bytes, path: Path) -> None:
    for magic, what in BINARY_FORMATS:
        if head.startswith(magic):
            raise InputError(
                f"this is {what}, not a CSV or JSON export: unzip it, or export (or save "
                "from Excel) as CSV UTF-8",
                path=path,
            )


def inspect_folder(path: Path, pattern: str = "*") -> FileFacts:
    """A folder of files (interview notes) hashed as one input: names and contents, sorted."""
    if not path.is_dir():
        raise InputError("not a folder", path=path)
    digest = hashlib.sha256()
    size = 0
    for file in sorted(p for p in path.rglob(pattern) if p.is_file()):
        data = file.read_bytes()
        digest.update(str(file.relative_to(path)).encode("utf-8") + b"\0" + data + b"\0")
        size += len(data)
    return FileFacts(path=path, size=size, sha256=digest.hexdigest(), encoding=None)


class _CountingReader(io.RawIOBase):
    """Counts bytes as the parser pulls them, so progress needs no second pass."""

    def __init__(self, inner: BinaryIO, on_progress: ProgressCallback | None, total: int) -> None:
        self._inner = inner
        self._on_progress = on_progress
        self._total = total
        self.done = 0

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._inner.close()
        super().close()

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        buffer[: len(data)] = data
        self.done += len(data)
        if self._on_progress is not None:
            self._on_progress(self.done, self._total)
        return len(data)


def sniff_delimiter(sample: str) -> str:
    """The delimiter is whichever of , ; tab the header line uses most (ties go to ',').

    The header is the first line with any of them: a report's title lines above it have none.
    """
    lines = sample.splitlines()[:PREAMBLE_LIMIT]
    header = next((line for line in lines if any(d in line for d in DELIMITERS)), "")
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


@dataclass(frozen=True)
class CsvRow:
    line: int
    cells: list[str]


def read_csv(
    facts: FileFacts, on_progress: ProgressCallback | None = None
) -> tuple[list[str], Iterator[CsvRow]]:
    """The header and a stream of rows, each with the line number where it starts.

    The header is read at once (so a missing column fails before anything is written); the
    rows open the file only when iterated, and close it when done or abandoned.
    """
    csv.field_size_limit(CSV_FIELD_LIMIT)
    delimiter = facts.delimiter
    if delimiter is None:
        with facts.path.open("rb") as probe:
            sample = probe.read(SNIFF_BYTES).decode(facts.text_encoding, errors="replace")
        delimiter = sniff_delimiter(sample.lstrip("\ufeff"))
    with _open_text(facts, None) as text:
        reader = csv.reader(text, delimiter=delimiter, strict=True)
        header, above = _header(reader, facts)
    if header is None:
        raise InputError("the file is empty: expected a header row", path=facts.path)
    header = [h.strip().lstrip("\ufeff") for h in header]
    if header and header[0].lower().startswith(MARKUP):
        raise InputError(
            "this is a web page or an Excel XML/HTML file (as some tools' .xls exports are), "
            "not CSV: export as CSV, or open it in Excel and save as CSV UTF-8",
            path=facts.path,
            line=1,
        )
    return header, _rows(facts, delimiter, on_progress, above)


def _header(reader: Reader, facts: FileFacts) -> tuple[list[str] | None, int]:
    """The header row and how many records stand above it.

    Usually the first record. A report saved from a spreadsheet may open with title lines
    (the report's name, "As of ...", blank lines), each one cell at most: when such lines are
    followed by a record of two or more cells, that record is the header.
    """
    first = _next_record(reader, facts, 1)
    if first is None or _filled(first) > 1:
        return first, 0
    for above in range(1, PREAMBLE_LIMIT + 1):
        record = _next_record(reader, facts, reader.line_num + 1)
        if record is None:
            break
        if _filled(record) > 1:
            return record, above
    return first, 0


def _filled(cells: list[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def _open_text(facts: FileFacts, on_progress: ProgressCallback | None) -> io.TextIOWrapper:
    counting = _CountingReader(facts.path.open("rb"), on_progress, facts.size)
    return io.TextIOWrapper(io.BufferedReader(counting), encoding=facts.text_encoding, newline="")


def _next_record(reader: Reader, facts: FileFacts, line: int) -> list[str] | None:
    try:
        return next(reader)
    except StopIteration:
        return None
    except csv.Error as exc:
        reason = str(exc)
        if reason == "unexpected end of data":
            reason = "a quoted cell in the row that starts here is never closed (a missing '\"')"
        raise InputError(f"not a readable CSV: {reason}", path=facts.path, line=line) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {facts.text_encoding} text ({exc.reason}); re-export as UTF-8",
            path=facts.path,
            line=line,
        ) from None


def _rows(
    facts: FileFacts, delimiter: str, on_progress: ProgressCallback | None, above: int = 0
) -> Iterator[CsvRow]:
    with _open_text(facts, on_progress) as text:
        reader = csv.reader(text, delimiter=delimiter, strict=True)
        for _ in range(above + 1):
            _next_record(reader, facts, reader.line_num + 1)
        while True:
            start = reader.line_num + 1
            cells = _next_record(reader, facts, start)
            if cells is None:
                return
            if not any(cell.strip() for cell in cells):
                continue
            yield CsvRow(line=start, cells=cells)


def raw_record(
    header: list[str], cells: list[str], *, skip: Collection[str] = ()
) -> dict[str, str | list[str]]:
    """The row as exported; a repeated header (Jira's Labels) keeps every value, in order.

    Columns named in ``skip`` are left out.
    """
    record: dict[str, str | list[str]] = {}
    for name, value in zip(header, cells, strict=False):
        if name in skip:
            continue
        previous = record.get(name)
        if previous is None:
            record[name] = value
        else:
            record[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
    return record


def open_binary(facts: FileFacts, on_progress: ProgressCallback | None = None) -> io.BufferedReader:
    """The file's bytes, reporting progress as they are read (for JSON and JSON Lines)."""
    return io.BufferedReader(_CountingReader(facts.path.open("rb"), on_progress, facts.size))
