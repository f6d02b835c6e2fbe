"""Writing CSV that is safe to open in a spreadsheet (OWASP ASVS 1.2.10).

Customer text can start with ``=``, ``+``, ``-`` or ``@``, which Excel and Sheets run as a
formula; every CSV Tradeoff writes goes through here, so every one has the same shape: CRLF
line ends (RFC 4180, what spreadsheets expect), quotes only where a cell needs them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from typing import IO, Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")

#: A cell a spreadsheet reads as a number, not a formula (``-5000.00``, ``+3``, ``-1e3``):
#: written as it is, or a negative change would reach the sheet as the text ``'-5000.00``.
#: Only this exact shape is exempt; ``-2+3`` or ``-1e3+cmd`` is still a formula.
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def neutralise(value: Any) -> str:
    """Text as written to a cell: a leading formula character gets a ``'`` in front, unless
    the whole cell is a plain number.

    Example: ``neutralise("=1+1") == "'=1+1"`` and ``neutralise("-5000.00") == "-5000.00"``.
    """
    text = "" if value is None else str(value)
    if not text.startswith(FORMULA_PREFIXES) or PLAIN_NUMBER.fullmatch(text):
        return text
    return "'" + text


def write_rows(handle: IO[str], header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
