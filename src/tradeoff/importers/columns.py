"""Finding a CSV export's columns: the user's ``--map`` first, else the export's own names.

Shared by the importers that read a header: where each field's column is, the cells of a
row by field, and the rows whose cell count does not fit the header.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from tradeoff.errors import InputError
from tradeoff.importers.drafts import Rejected, Where
from tradeoff.importers.textfile import CsvRow
from tradeoff.wording import plural

#: The message for a missing column: (column, field, header) → text.
MissingMessage = Callable[[str, str, Sequence[str]], str]


def find_column(header: Sequence[str], names: Sequence[str]) -> int | None:
    """The first column with one of these names, matched exactly, else ignoring case."""
    for name in names:
        if name in header:
            return header.index(name)
    folded = [h.casefold() for h in header]
    for name in names:
        if name.casefold() in folded:
            return folded.index(name.casefold())
    return None


def header_index(header: Sequence[str]) -> dict[str, int]:
    """Column positions by case-folded name; the first of repeated headers wins."""
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        index.setdefault(name.casefold(), position)
    return index


def no_column_for(column: str, field: str, header: Sequence[str]) -> str:
    return f"no column {column!r} for {field}; the file has: " + ", ".join(
        repr(h) for h in header[:20]
    )


def no_mapped_column(column: str, field: str, header: Sequence[str]) -> str:
    return f"no column {column!r} (mapped to {field}); the file has: " + ", ".join(
        repr(h) for h in header[:20]
    )


def locate_columns(
    header: Sequence[str],
    defaults: Mapping[str, str | Sequence[str]],
    *,
    path: Path,
    required: Iterable[str] = (),
    given: Mapping[str, str] | None = None,
    missing: MissingMessage = no_column_for,
) -> dict[str, int]:
    """Where each field's column is: the ``given`` (user's) column, else the first of its
    default names present. A required or given column must exist; others may be absent.

    Fields are the defaults' in order, then any given field they lack.
    """
    given = given or {}
    required = frozenset(required)
    positions: dict[str, int] = {}
    for field in {**defaults, **given}:
        default = defaults.get(field, ())
        if field in given:
            names: Sequence[str] = (given[field],)
        else:
            names = (default,) if isinstance(default, str) else default
        found = find_column(header, names)
        if found is not None:
            positions[field] = found
        elif field in given or field in required:
            column = names[0] if names else field
            raise InputError(missing(column, field, header), path=path, line=1, column=column)
    return positions


def cells_at(positions: Mapping[str, int], cells: Sequence[str]) -> dict[str, str]:
    """A row's cells by field, stripped; "" where the row is too short."""
    return {f: cells[i].strip() if i < len(cells) else "" for f, i in positions.items()}


def rows_that_fit(
    header: Sequence[str], rows: Iterable[CsvRow], columns: tuple[tuple[str, str], ...]
) -> Iterator[tuple[Where, CsvRow] | Rejected]:
    """Each row with where it is; a row whose cell count differs from the header's is
    ``Rejected`` instead (a stray delimiter or quote shifted its cells)."""
    for row in rows:
        where = Where(line=row.line, columns=columns)
        if len(row.cells) != len(header):
            yield Rejected(
                where,
                f"row has {plural(len(row.cells), 'cell')} but the header has {len(header)}",
                raw=row.cells,
            )
            continue
        yield where, row
