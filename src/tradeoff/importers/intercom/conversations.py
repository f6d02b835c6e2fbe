"""Intercom conversations as the REST API returns them (list, array or JSON Lines)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from tradeoff.analysis.text.message import thread_text
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.rules import RuleViolation
from tradeoff.importers.base import ReadContext
from tradeoff.importers.drafts import (
    EvidenceDraft,
    Record,
    Rejected,
    Where,
)
from tradeoff.importers.html_text import html_to_text
from tradeoff.importers.intercom.contacts import ContactBook, person_and_account
from tradeoff.importers.intercom.fields import CUSTOMER_AUTHORS, OUTBOUND, listed
from tradeoff.importers.jsonfile import iter_records, text_of
from tradeoff.importers.textfile import FileFacts
from tradeoff.importers.values import parse_timestamp


def read_conversations_json(
    facts: FileFacts, context: ReadContext, contacts: ContactBook
) -> Iterator[Record]:
    for json_path, line, conversation in iter_records(facts, "conversations", context.on_progress):
        where = Where(line=line, json_path=json_path)
        if not isinstance(conversation, dict):
            yield Rejected(where, "a conversation must be a JSON object")
            continue
        try:
            draft = _conversation(conversation, where, contacts)
        except RuleViolation as exc:
            yield Rejected(where, exc.message, column=exc.field, raw=conversation)
            continue
        if draft is not None:
            yield draft


def _is_customer(author: Any) -> bool:
    return isinstance(author, dict) and str(author.get("type") or "").lower() in CUSTOMER_AUTHORS


def _conversation(
    conversation: dict[str, Any], where: Where, contacts: ContactBook
) -> EvidenceDraft | None:
    conversation_id = text_of(conversation.get("id"))
    if conversation_id is None:
        raise RuleViolation("id", "a conversation needs an id")
    source = conversation.get("source") or {}
    if str(source.get("delivered_as") or "").lower() in OUTBOUND:
        return None
    customer: dict[str, Any] = {}
    said: list[str] = []
    if _is_customer(source.get("author")):
        customer = source["author"]
        said.append(html_to_text(str(source.get("body") or "")))
    for part in listed(conversation.get("conversation_parts"), "conversation_parts"):
        if isinstance(part, dict) and _is_customer(part.get("author")):
            customer = customer or part["author"]
            said.append(html_to_text(str(part.get("body") or "")))
    rating = conversation.get("conversation_rating") or {}
    if _remark_is_evidence(rating):
        said.append(str(rating.get("remark") or "").strip())
    text = thread_text(said)
    if not text:
        return None
    created = text_of(conversation.get("created_at"))
    if created is None:
        raise RuleViolation("created_at", "missing")
    contact_list = [
        c for c in listed(conversation.get("contacts"), "contacts") if isinstance(c, dict)
    ]
    contact_id = text_of(contact_list[0].get("id")) if contact_list else text_of(customer.get("id"))
    person, account = person_and_account(contact_id, customer, contacts)
    score = rating.get("rating")
    return EvidenceDraft(
        where=where,
        line=where.line,
        external_id=conversation_id,
        kind=EvidenceKind.CHAT,
        title=text_of(conversation.get("title"))
        or html_to_text(str(source.get("subject") or ""))
        or None,
        text=text,
        created_at=_json_time(created),
        account=account,
        person=person,
        rating=float(score) if isinstance(score, int | float) else None,
        tags=[
            str(tag["name"])
            for tag in listed(conversation.get("tags"), "tags")
            if isinstance(tag, dict) and tag.get("name")
        ],
        raw=conversation,
    )


#: The highest rating (of 5) whose remark is read as the customer's words.
REMARK_AT_MOST = 3


def _remark_is_evidence(rating: dict[str, Any]) -> bool:
    """A remark left with a rating of 3 or less says what is still wrong ("Still broken
    after a week"); one left with 4 or 5 thanks the teammate for the conversation ("Quick
    and helpful", "Sam was great"). Read into every happy conversation, those words made a
    theme of their own out of unrelated requests and named others "quick helpful", so they
    stay in the raw record only. A remark with no rating is read."""
    score = rating.get("rating")
    return not isinstance(score, int | float) or score <= REMARK_AT_MOST


def _json_time(value: str) -> datetime:
    try:
        return parse_timestamp(value)
    except ValueError as exc:
        raise RuleViolation("created_at", str(exc)) from None


# --- message CSV ------------------------------------------------------------------------------
