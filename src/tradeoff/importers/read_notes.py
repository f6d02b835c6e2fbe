"""What an importer says about how it read a file, for the import summary to print.

Some things only the reading knows: which of the export's columns no field read (a HubSpot
deals export whose amounts sit under "Deal Value" imports 155 deals with no amount, and the
summary must say why), or which rows were left out on purpose (Pipedrive's deleted deals).
The loader sees records, not columns or skipped rows, so an importer returns its records as
``NotedRecords``: the same stream, plus the lines it adds while reading. ``registry.run``
puts them at the head of the summary's notes, since they explain the lines after them
("155 deals with no amount").

    notes: list[str] = []
    records = NotedRecords(read_deals(layout, rows, notes), notes)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tradeoff.importers.drafts import Record


class NotedRecords(Iterator[Record]):
    """An importer's records, and the summary lines it adds while reading them: a line may
    be added as late as the last row (a count of skipped rows), so ``notes`` is read once
    the records are all loaded."""

    def __init__(self, records: Iterable[Record], notes: list[str]) -> None:
        self._records = iter(records)
        self._notes = notes

    def __iter__(self) -> NotedRecords:
        return self

    def __next__(self) -> Record:
        return next(self._records)

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(self._notes)
