"""Intercom: conversations as the REST API returns them, or a one-row-per-message CSV.

Reads:
- Conversations JSON (``.json`` / ``.jsonl``): ``{"type": "conversation.list",
  "conversations": [...]}``, a bare array, or JSON Lines (one conversation per line), each in
  Intercom's conversation model: ``id, created_at`` (Unix seconds), ``title``, ``state``,
  ``source{type, delivered_as, subject, body (HTML), author{id, type, name, email}}``,
  ``contacts{contacts: [{id, external_id}]}`` (or a bare ``contacts`` list),
  ``tags{tags: [{name}]}``, ``conversation_rating{rating, remark}`` and
  ``conversation_parts{conversation_parts: [{part_type, body, author{id, type, name, email},
  created_at}]}`` (present when each conversation was retrieved by id; the list endpoint
  leaves parts out, so only the opening message is read).
- Message CSV (``.csv``), as third-party exporters write it (IntercomExport by Prodsight):
  one row per message with ``message_id, message_body`` (plain text), ``message_type,
  message_created_at, message_author_type, message_author_id, message_author_name,
  message_author_email, message_author_companies, conversation_tags, conversation_id,
  conversation_state, conversation_created_at`` (UTC, ``2017-11-14 21:45:08``). Every column
  name can be overridden with ``--map FIELD=COLUMN`` (fields: ``CSV_COLUMNS``).
- ``--contacts FILE``: a contacts export, JSON (``{"type": "list", "data": [...]}`` from
  ``GET /contacts``, an array, or JSON Lines: ``id, email, name, companies{data: [{id,
  name}]}``) or CSV (columns ``id, email, name, company``, overridable as ``contact_id,
  contact_email, contact_name, contact_company``). It names the person and their company.

Mapping: a conversation is one ``chat`` item, observed by default. Its text is what the
customer wrote, in order: the opening message when a user or lead wrote it, every part
authored by a user, lead or contact, and the remark left with a rating of 3 or less (a 4 or
5 rating's remark thanks the teammate, "Quick and helpful", and stays in the raw record);
HTML becomes text (the HTML stays in the raw record), and the messages are joined by
``message.thread_text`` (a ``MESSAGE_BREAK`` line between two) so the engine reads each on
its own. Bot parts are dropped and teammate (admin) parts are our side of the conversation,
not the customer's words. A conversation we started (``delivered_as`` ``admin_initiated``,
``automated`` or ``campaigns_initiated``, or in the CSV an opening ``conversation_message``
by an admin) is outreach, not a customer request: it is skipped and counted nowhere, as is
a conversation in which the customer wrote no text. The person is the conversation's contact
(Intercom id, email, name); their company, from the contacts file or the CSV's
``message_author_companies``, is the account.

The CSV's rows of one conversation need not be adjacent: conversations stay open in memory
until ``MAX_OPEN_CONVERSATIONS`` are open, then the least recently seen is finished. A row
arriving for a conversation already finished is refused with its line ("sort the file by
conversation_id"), so memory stays bounded and no conversation is silently split in two.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tradeoff.domain.enums import EvidenceKind, EvidenceMode
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.drafts import Record
from tradeoff.importers.intercom.contacts import ContactBook, first_company, load_contacts
from tradeoff.importers.intercom.conversations import read_conversations_json
from tradeoff.importers.intercom.fields import CONTACT_COLUMNS, CSV_COLUMNS, SOURCE
from tradeoff.importers.intercom.messages import read_messages_csv
from tradeoff.importers.locales import DATES_OPTION, Locale
from tradeoff.importers.repeats import newest_copies
from tradeoff.importers.textfile import FileFacts

__all__ = ["IntercomImporter", "first_company"]


class IntercomImporter:
    name = "intercom"
    source = SOURCE
    summary = (
        "Intercom conversations: the REST API's conversations JSON, or a one-row-per-message "
        "CSV export; the customer's own messages are the text."
    )
    example = "tradeoff import intercom export/conversations.json --contacts export/contacts.json"
    kind: EvidenceKind | None = EvidenceKind.CHAT
    default_mode: EvidenceMode | None = EvidenceMode.OBSERVED
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (
        ImporterOption(
            "contacts",
            "Contacts export (JSON or CSV: id, email, name, company) naming people and "
            "their companies.",
            is_path=True,
        ),
        DATES_OPTION,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        unknown = sorted(set(context.columns) - set(CSV_COLUMNS) - set(CONTACT_COLUMNS))
        if unknown:
            raise InputError(
                f"unknown field {unknown[0]!r} in --map; Intercom fields are: "
                + ", ".join([*CSV_COLUMNS, *CONTACT_COLUMNS])
            )
        locale = Locale.of(context)
        given = context.options.get("contacts")
        contacts = load_contacts(Path(given), context) if given else ContactBook()
        if facts.path.suffix.lower() == ".csv":
            return read_messages_csv(facts, context, contacts, locale)
        return newest_copies(read_conversations_json(facts, context, contacts), "conversation")
