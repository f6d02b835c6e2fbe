"""The one-row-per-message CSV that third-party Intercom exporters produce."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from tradeoff.analysis.text.message import thread_text
from tradeoff.domain.enums import EvidenceKind
from tradeoff.errors import InputError
from tradeoff.importers.base import ReadContext
from tradeoff.importers.columns import header_index, rows_that_fit
from tradeoff.importers.drafts import (
    EvidenceDraft,
    Record,
    Rejected,
    Where,
)
from tradeoff.importers.intercom.contacts import ContactBook, first_company, person_and_account
from tradeoff.importers.intercom.fields import (
    CONVERSATION_FIELDS,
    CSV_COLUMNS,
    CUSTOMER_AUTHORS,
    MAX_OPEN_CONVERSATIONS,
    cells_of,
    column_positions,
    has_column,
)
from tradeoff.importers.locales import Locale
from tradeoff.importers.textfile import FileFacts, read_csv


@dataclass
class _Thread:
    """A conversation being assembled from its rows."""

    conversation_id: str
    line: int
    conversation: dict[str, str]
    opened_by_us: bool = False
    #: The customer's messages: (when, file order, cells, the row as exported).
    messages: list[tuple[datetime | None, int, dict[str, str], dict[str, str]]] = field(
        default_factory=list
    )


def read_messages_csv(
    facts: FileFacts, context: ReadContext, contacts: ContactBook, locale: Locale
) -> Iterator[Record]:
    """One row per message, grouped into one item per conversation; times as ``locale``
    reads them."""
    header, rows = read_csv(facts, context.on_progress)
    index = header_index(header)
    columns = {f: context.column(f, d) for f, d in CSV_COLUMNS.items()}
    for required in ("external_id", "text", "author_type"):
        if not has_column(index, columns[required]):
            raise InputError(
                f"no column {columns[required]!r}: is this a per-message Intercom export?",
                path=facts.path,
                line=1,
                column=columns[required],
            )
    if not (
        has_column(index, columns["created_at"]) or has_column(index, columns["message_created_at"])
    ):
        raise InputError(
            f"no column {columns['created_at']!r} or {columns['message_created_at']!r}",
            path=facts.path,
            line=1,
            column=columns["created_at"],
        )
    where_columns = tuple(columns.items())
    positions = column_positions(columns, index)
    open_threads: OrderedDict[str, _Thread] = OrderedDict()
    finished: set[str] = set()
    for fit in rows_that_fit(header, rows, where_columns):
        if isinstance(fit, Rejected):
            yield fit
            continue
        where, row = fit
        cell = cells_of(positions, row.cells)
        conversation_id = cell["external_id"]
        if not conversation_id:
            yield Rejected(
                where, "no conversation id", column=columns["external_id"], raw=row.cells
            )
            continue
        if conversation_id in finished:
            yield Rejected(
                where,
                f"conversation {conversation_id} continues far from its other rows: "
                f"sort the file by {columns['external_id']}",
                column=columns["external_id"],
                raw=row.cells,
            )
            continue
        thread = open_threads.get(conversation_id)
        if thread is None:
            conversation = {
                columns[f]: cell[f] for f in CONVERSATION_FIELDS if has_column(index, columns[f])
            }
            thread = _Thread(conversation_id, row.line, conversation)
            open_threads[conversation_id] = thread
        open_threads.move_to_end(conversation_id)
        author = cell["author_type"].lower()
        if cell["message_type"].lower() == "conversation_message" and author == "admin":
            thread.opened_by_us = True
        if author in CUSTOMER_AUTHORS and cell["text"].strip():
            at = None
            if cell["message_created_at"]:
                try:
                    at = locale.timestamp(cell["message_created_at"])
                except ValueError as exc:
                    yield Rejected(
                        where, str(exc), column=columns["message_created_at"], raw=row.cells
                    )
                    continue
            exported = dict(zip(header, row.cells, strict=True))
            thread.messages.append((at, row.line, cell, exported))
        if len(open_threads) > MAX_OPEN_CONVERSATIONS:
            _, oldest = open_threads.popitem(last=False)
            finished.add(oldest.conversation_id)
            yield from _finish(oldest, where_columns, contacts, locale)
    for thread in open_threads.values():
        yield from _finish(thread, where_columns, contacts, locale)


def _finish(
    thread: _Thread, columns: tuple[tuple[str, str], ...], contacts: ContactBook, locale: Locale
) -> Iterator[Record]:
    if thread.opened_by_us or not thread.messages:
        return
    where = Where(line=thread.line, columns=columns)
    messages = thread.messages
    if all(at is not None for at, *_ in messages):
        messages = sorted(messages, key=lambda m: (m[0], m[1]))
    created_text = thread.conversation.get(dict(columns)["created_at"], "")
    try:
        created_at = locale.timestamp(created_text) if created_text else messages[0][0]
    except ValueError as exc:
        yield Rejected(where, str(exc), column=dict(columns)["created_at"], raw=thread.conversation)
        return
    if created_at is None:
        yield Rejected(where, "no conversation or message time", raw=thread.conversation)
        return
    first = messages[0][2]
    author = {"name": first["person"], "email": first["email"]}
    person, account = person_and_account(
        first["author_id"] or None, author, contacts, first_company(first["account"])
    )
    tags = thread.conversation.get(dict(columns)["tags"], "")
    yield EvidenceDraft(
        where=where,
        line=thread.line,
        external_id=thread.conversation_id,
        kind=EvidenceKind.CHAT,
        text=thread_text(cell["text"] for _, _, cell, _ in messages),
        created_at=created_at,
        account=account,
        person=person,
        tags=[t.strip() for t in tags.split(",") if t.strip()],
        raw={"conversation": thread.conversation, "messages": [m[3] for m in messages]},
    )
