"""The columns of a CRM deals export that no field read, named when the export lacks one that
the figures need.

A deals export whose columns were renamed ("Deal Value", "Why We Lost", "Competitors Met")
imports every deal, with no amount, account, reason or competitor, and exits 0: nothing
says why ``demand`` and ``sales`` show no money. So each CRM importer names the fields its
figures are built from (``wanted``), and when one of them has no column the summary says
which, with the columns that nothing read:

    note: columns not read: 'Company', 'Deal Value', 'Why We Lost'; no column for amount,
          account, loss_reason: name a field's column with --map FIELD=COLUMN

Every real export has columns no field reads (HubSpot's Pipeline and Deal probability,
Salesforce's Probability and ForecastCategory, Pipedrive's Expected close date), so they are
named only then: an export that has a column for each wanted field adds no note, however
many others it has. A field the CRM has no standard field for is not wanted: competitors
anywhere, the loss reason in Salesforce; an account that does not track it would be told
so on every import. The amount, the account, the close and created dates are wanted
everywhere, and the loss reason where the CRM has a field for it (HubSpot's Closed Lost
Reason, Pipedrive's Lost reason).
An accounts export names nothing, since its other columns are kept as the account's
attributes. A column of currency codes the amounts were not read in has its own note
(``currency_columns``) and is not named again here.
"""

from __future__ import annotations

from collections.abc import Sequence

from tradeoff.importers.crm import Layout

#: Columns named in the note; the rest are counted ("and 40 more").
COLUMNS_SHOWN = 12
#: A field the figures need, as the fields any one of which gives it: an account by id or
#: by name.
Wanted = Sequence[Sequence[str]]


def unread_columns(layout: Layout) -> list[str]:
    """The header's columns that no field read, in the export's order; blank headers (an
    Excel sheet's empty trailing columns) and other currency-code columns left out."""
    read = set(layout.positions.values())
    named_elsewhere = {c.casefold() for c in layout.unread_currencies}
    return [
        name
        for index, name in enumerate(layout.header)
        if index not in read and name.strip() and name.casefold() not in named_elsewhere
    ]


def unread_columns_notes(layout: Layout, wanted: Wanted) -> list[str]:
    """The summary's line naming the unread columns, when a wanted field has no column and
    some column was not read; else no line. A list, to start a read's ``NotedRecords``."""
    missing = [group[0] for group in wanted if not any(layout.has(f) for f in group)]
    unread = unread_columns(layout)
    if not missing or not unread:
        return []
    shown = ", ".join(repr(name) for name in unread[:COLUMNS_SHOWN])
    more = len(unread) - COLUMNS_SHOWN
    return [
        f"columns not read: {shown}"
        + (f" and {more:,} more" if more > 0 else "")
        + f"; no column for {', '.join(missing)}: name a field's column with --map FIELD=COLUMN"
    ]
