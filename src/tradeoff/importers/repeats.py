"""A record an API export returns more than once: keep its newest copy, and say so.

Helpdesk APIs page by time, and a record can come back on more than one page: Zendesk's
time-based incremental export documents duplicates, and a ticket updated while the pages
are fetched moves to a later page. Our docs tell users to append the pages into one file,
so a repeated id in a JSON export is the same record seen twice, not a broken file (a
repeat in a CSV still stops the import: a spreadsheet has no pages).

Which copy is kept: the newest by ``updated_at`` (ISO 8601 or Unix seconds; Zendesk's
``generated_timestamp`` breaks a tie), else the later one in the file. Two copies with the
same version but different content are not one newer than the other; the later one in the
file is kept (appended pages come in the order they were fetched) and the summary names
those ids apart, so a user who merged two exports by mistake sees it.

The file's items are held until the last is read, since a repeat may come at its very end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from tradeoff.importers.drafts import EvidenceDraft, Record
from tradeoff.importers.read_notes import NotedRecords
from tradeoff.importers.values import parse_timestamp
from tradeoff.wording import plural

#: Ids named in a summary line; the rest are counted.
SHOWN_IDS = 5

Version = tuple[datetime, int]


def newest_copies(records: Iterable[Record], noun: str) -> NotedRecords:
    """``records`` with each evidence item once: its newest copy (see the module's rule);
    the summary says how many ``noun`` ("ticket", "conversation") appeared more than once."""
    notes: list[str] = []
    return NotedRecords(_folded(records, noun, notes), notes)


def _folded(records: Iterable[Record], noun: str, notes: list[str]) -> Iterator[Record]:
    kept: list[Record | None] = []
    at: dict[str, int] = {}
    repeated: dict[str, None] = {}
    differing: dict[str, None] = {}
    for record in records:
        if not isinstance(record, EvidenceDraft):
            kept.append(record)
            continue
        earlier = at.get(record.external_id)
        if earlier is None:
            at[record.external_id] = len(kept)
            kept.append(record)
            continue
        previous = kept[earlier]
        assert isinstance(previous, EvidenceDraft)
        repeated[record.external_id] = None
        old, new = version_of(previous.raw), version_of(record.raw)
        if old is not None and new is not None and new < old:
            continue  # an older copy: the one kept is newer
        if (old == new or old is None or new is None) and previous.raw != record.raw:
            differing[record.external_id] = None
        kept[earlier] = None
        at[record.external_id] = len(kept)
        kept.append(record)
    yield from (record for record in kept if record is not None)
    notes.extend(summary_lines(noun, list(repeated), list(differing)))


def version_of(raw: dict[str, Any]) -> Version | None:
    """How new a copy is: its ``updated_at``, then Zendesk's ``generated_timestamp``."""
    updated = raw.get("updated_at")
    if updated is None or isinstance(updated, bool) or str(updated).strip() == "":
        return None
    try:
        when = parse_timestamp(str(updated))
    except ValueError:
        return None
    generated = raw.get("generated_timestamp")
    return when, generated if isinstance(generated, int) and not isinstance(generated, bool) else 0


def summary_lines(noun: str, repeated: list[str], differing: list[str]) -> list[str]:
    """The summary's lines: every repeat, then those whose copies disagree at one version."""
    if not repeated:
        return []
    lines = [
        f"{plural(len(repeated), noun)} appeared more than once: kept the newest copy of "
        f"{'it' if len(repeated) == 1 else 'each'} ({_ids(repeated)})"
    ]
    if differing:
        lines.append(
            f"{plural(len(differing), noun)} had copies with the same updated_at but other "
            f"content: kept the later copy in the file ({_ids(differing)})"
        )
    return lines


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:SHOWN_IDS])
    more = len(ids) - SHOWN_IDS
    return f"{'id' if len(ids) == 1 else 'ids'} {shown}" + (
        f" and {more:,} more" if more > 0 else ""
    )
