"""An Intercom rating's remark is the customer's words when it says what is still wrong, and
thanks for the conversation when it comes with 4 or 5 stars.

Read into every happy conversation, "Quick and helpful" made a theme of its own out of
unrelated requests (a new user's Intercom export of 2,500 conversations: the chats' NMI
against their topics 0.63, 0.76 with those remarks left out) and named other themes
"quick helpful".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.importers.exports import snapshot, write_export
from tradeoff.analysis.text.message import MESSAGE_BREAK
from tradeoff.importers.intercom import IntercomImporter
from tradeoff.importers.registry import run

QUESTION = "How long does a transfer from the UK take to arrive?"
USER = {"type": "user", "id": "6650c1a2f1e3b4001f8e0a11", "name": "Zoë O'Brien"}
ADMIN = {"type": "admin", "id": "7301", "name": "Sam Rivera"}
#: Between a conversation's messages in the stored text (``thread_text``).
BREAK = f"\n\n{MESSAGE_BREAK}\n\n"


def rated(number: int, rating: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "type": "conversation",
        "id": str(215_470_390 + number),
        "created_at": 1_772_619_751 + number,
        "source": {
            "type": "conversation",
            "delivered_as": "customer_initiated",
            "body": f"<p>{QUESTION}</p>",
            "author": USER,
        },
        "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": USER["id"]}]},
        "conversation_parts": {
            "type": "conversation_part.list",
            "conversation_parts": [
                {"part_type": "comment", "body": "<p>Usually one day.</p>", "author": ADMIN}
            ],
        },
        "conversation_rating": rating,
    }


@pytest.mark.parametrize(
    ("rating", "text"),
    [
        ({"rating": 5, "remark": "Quick and helpful"}, QUESTION),
        ({"rating": 4, "remark": "Sam was great, thanks!"}, QUESTION),
        (
            {"rating": 3, "remark": "Fine, but it took three days"},
            f"{QUESTION}{BREAK}Fine, but it took three days",
        ),
        ({"rating": 1, "remark": "Still not arrived"}, f"{QUESTION}{BREAK}Still not arrived"),
        (
            {"remark": "The transfer page times out"},
            f"{QUESTION}{BREAK}The transfer page times out",
        ),
        ({"rating": 5}, QUESTION),
        (None, QUESTION),
    ],
)
def test_the_remark_is_read_unless_it_thanks_us(
    engine: Engine, tmp_path: Path, rating: dict[str, Any] | None, text: str
) -> None:
    conversation = rated(0, rating)
    path = write_export(tmp_path / "conversations.jsonl", json.dumps(conversation) + "\n")
    run(engine, IntercomImporter(), path)
    (item,) = snapshot(engine).evidence
    assert item.text == text
    assert item.raw == conversation  # a remark left out of the text is still kept
    assert item.rating == ((rating or {}).get("rating"))
