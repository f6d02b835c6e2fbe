"""Which column of a CRM export holds the currency of its amounts.

Shared by the CRM importers (Salesforce, HubSpot), so every export finds it one way, in
this order (the user's ``--map currency=COLUMN`` decides before any of them):

1. The column a report pairs with the amount: a report exports each currency field as
   two columns, "Amount Currency" and "Amount" (Salesforce also "Amount (converted)
   Currency", "Amount (converted)"), so the currency of amount column X is "X Currency".
2. A converted amount without such a column is in the import's currency (``--currency``,
   default the workspace's base currency), never in the record's own currency column.
3. The column the importer knows by name ("CurrencyIsoCode", "Opportunity Currency",
   "Currency", HubSpot's "Currency"...).
4. The one column, among those no field reads and no other amount is paired with, whose
   values are all ISO 4217 codes (``currencies.CODES``): two codes or more, or one under a
   header that says currency in some language ("Deal Currency", "Moneda", "Währung",
   "CCY"). A QA report whose "Opportunity Currency" was headed "Currency" had its deals
   read in the base currency, BRL 243,600 stored as EUR 243,600, with no warning: no
   column of currency codes is left unread now. Two such columns are refused in one line
   naming them (``AmbiguousCurrency``): which one the amounts are in is the user's call.

Once a column is chosen, any other column of codes that names another currency on some row
("Billing Currency" beside "Currency") is named in the import summary with the ``--map``
that would read the amounts in it (``unread_currency_columns``).

A column of three-letter values that are not all currency codes ("SMB", "ENT"), or one
code on every row under a header that names no currency (a tier "TOP", also Tonga's
code), is not a currency column.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from tradeoff.errors import InputError
from tradeoff.importers.crm import Layout
from tradeoff.importers.currencies import CODES
from tradeoff.importers.textfile import CsvRow

#: Enough rows to tell a currency column by its values without reading the whole file.
SAMPLE_ROWS = 200
#: Header words that say a column holds a currency, so one that holds a single code on
#: every row ("USD") is read as such too; a column of two codes or more needs none.
_CURRENCY_HEADER = re.compile(
    r"currenc|\bccy\b|\bcurr\b|\biso\b|moneda|divisa|moeda|devise|monnaie|w(?:ä|ae)hrung|valuta",
    re.IGNORECASE,
)
_CONVERTED = re.compile(r"\(\s*converted\s*\)", re.IGNORECASE)


def paired_column(header: Sequence[str], amount_column: str) -> int | None:
    """The column a report pairs with an amount column: "X Currency" beside "X"."""
    wanted = f"{amount_column} currency".casefold()
    return next((i for i, h in enumerate(header) if h.strip().casefold() == wanted), None)


def is_converted(amount_column: str) -> bool:
    """A report's amount converted to the corporate or the user's currency."""
    return _CONVERTED.search(amount_column) is not None


def code_columns(
    header: Sequence[str], rows: Iterable[Sequence[str]], used: Iterable[int] = ()
) -> list[int]:
    """The columns, other than ``used``, whose filled cells are all ISO 4217 codes: two
    codes or more, or one under a header that says currency (module docstring)."""
    skip = set(used)
    seen: dict[int, set[str]] = {i: set() for i in range(len(header)) if i not in skip}
    for cells in rows:
        for index in list(seen):
            value = cells[index].strip().upper() if index < len(cells) else ""
            if not value:
                continue
            if value in CODES:
                seen[index].add(value)
            else:
                del seen[index]
    return [
        index
        for index, codes in seen.items()
        if len(codes) >= 2 or (codes and _CURRENCY_HEADER.search(header[index]))
    ]


class AmbiguousCurrency(ValueError):
    """Two columns or more hold currency codes and none is known to be the amounts'."""

    def __init__(self, columns: Sequence[str]) -> None:
        names = " and ".join(repr(c) for c in columns)
        super().__init__(
            f"columns {names} both hold currency codes: name the one the amounts are in "
            "with --map currency=COLUMN"
        )
        self.columns = tuple(columns)


def currency_column(
    header: Sequence[str],
    known: int | None,
    used: Iterable[int],
    money_column: str,
    sample: Iterable[Sequence[str]],
) -> int | None:
    """Where the currency of the amounts in ``money_column`` is: the column paired with it,
    else (unless the amount is a converted one) the ``known`` currency column, else the one
    column of currency codes among those not ``used``; None: the amounts name their own or
    are in the import's currency. Raises ``AmbiguousCurrency`` (module docstring)."""
    paired = paired_column(header, money_column)
    if paired is not None:
        return paired
    if is_converted(money_column):
        return None
    if known is not None:
        return known
    found = code_columns(header, sample, {*used, *_pair_columns(header)})
    if len(found) > 1:
        raise AmbiguousCurrency([header[i] for i in found])
    return found[0] if found else None


def _pair_columns(header: Sequence[str]) -> set[int]:
    """Other amounts' pairs ("Amount (converted) Currency"): each is its amount's currency."""
    folded = {h.strip().casefold() for h in header}
    return {
        i
        for i, h in enumerate(header)
        if h.strip().casefold().endswith(" currency")
        and h.strip().casefold()[: -len(" currency")] in folded
    }


def unread_currency_columns(
    header: Sequence[str], read: int, used: Iterable[int], sample: Sequence[Sequence[str]]
) -> list[str]:
    """The other columns of currency codes that name another currency than column ``read``
    on some row: an export with "Currency" and "Billing Currency" has its amounts read in the
    known one, and the user is told of the other rather than left to find the difference in
    the figures. A copy of the read column (the same code on every row) is not named."""

    def cell(cells: Sequence[str], index: int) -> str:
        return cells[index].strip().upper() if index < len(cells) else ""

    others = code_columns(header, sample, {*used, read, *_pair_columns(header)})
    return [
        header[i]
        for i in others
        if any(cell(cells, i) and cell(cells, i) != cell(cells, read) for cells in sample)
    ]


def with_currency_column(
    layout: Layout, rows: Iterator[CsvRow], money_field: str, mapped: Mapping[str, str]
) -> tuple[Layout, Iterator[CsvRow]]:
    """The layout with the column that holds ``money_field``'s currency
    (``currency_column``: the one paired with the amount, a known one, or the one
    whose values are currency codes), unless the user named it with ``--map``; the
    rows, of which the first ``SAMPLE_ROWS`` were looked at, all still to read."""
    if mapped.get("currency") or not layout.has(money_field):
        return layout, rows
    sample = list(itertools.islice(rows, SAMPLE_ROWS))
    others = [i for f, i in layout.positions.items() if f != "currency"]
    try:
        found = currency_column(
            layout.header,
            layout.positions.get("currency"),
            others,
            layout.column(money_field),
            [row.cells for row in sample],
        )
    except AmbiguousCurrency as exc:
        raise InputError(str(exc), path=layout.path, line=1, column=exc.columns[0]) from None
    positions = {f: i for f, i in layout.positions.items() if f != "currency"}
    unread: list[str] = []
    if found is not None:
        positions["currency"] = found
        unread = unread_currency_columns(layout.header, found, others, [r.cells for r in sample])
    chosen = dataclasses.replace(layout, positions=positions, unread_currencies=tuple(unread))
    return chosen, itertools.chain(sample, rows)
