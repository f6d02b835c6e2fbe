"""A conversation transcript read as turns, in the shapes call recorders write, and what a
note's reading drops from one without knowing who is who."""

from __future__ import annotations

import pytest

from tradeoff.analysis.text.note import note_body
from tradeoff.analysis.text.theme_text import as_said
from tradeoff.analysis.text.transcript import Turn, read_transcript
from tradeoff.domain.enums import EvidenceKind

#: One conversation (a bookkeeper telling a bank's rep about card statements), written in
#: each shape a recorder or note-taker uses.
SHAPES = {
    "gong markdown": (
        "# Card statements — Fenwick & Daughters\n\n"
        "**Aisha Rahman (Ledgerly)** [00:00:04]  \n"
        "How do you reconcile the card spend today?\n\n"
        "**Priya Shah (Fenwick)** [00:00:11]  \n"
        "I export the statement every Friday and retype it into Xero.\n\n"
        "**Priya Shah (Fenwick)** [00:01:02]  \n"
        "Receipts never match the merchant names.\n"
    ),
    "otter": (
        "Aisha Rahman  0:04\nHow do you reconcile the card spend today?\n\n"
        "Priya Shah  0:11\nI export the statement every Friday and retype it into Xero.\n\n"
        "Priya Shah  1:02\nReceipts never match the merchant names.\n"
    ),
    "time first": (
        "00:00:04 Aisha Rahman\nHow do you reconcile the card spend today?\n"
        "00:00:11 Priya Shah\nI export the statement every Friday and retype it into Xero.\n"
        "00:01:02 Priya Shah\nReceipts never match the merchant names.\n"
    ),
    "inline with time": (
        "[00:00:04] Aisha Rahman: How do you reconcile the card spend today?\n"
        "[00:00:11] Priya Shah: I export the statement every Friday and retype it into Xero.\n"
        "[00:01:02] Priya Shah: Receipts never match the merchant names.\n"
    ),
    "zoom vtt": (
        "WEBVTT\n\n1\n00:00:04.120 --> 00:00:09.800\n"
        "Aisha Rahman: How do you reconcile the card spend today?\n\n"
        "2\n00:00:11.000 --> 00:00:16.450\n"
        "Priya Shah: I export the statement every Friday and retype it into Xero.\n\n"
        "3\n00:01:02.300 --> 00:01:05.000\n"
        "Priya Shah: Receipts never match the merchant names.\n"
    ),
    "teams vtt": (
        "WEBVTT\n\n00:00:04.120 --> 00:00:09.800\n"
        "<v Aisha Rahman>How do you reconcile the card spend today?</v>\n\n"
        "00:00:11.000 --> 00:00:16.450\n"
        "<v Priya Shah>I export the statement every Friday and retype it into Xero.</v>\n\n"
        "00:01:02.300 --> 00:01:05.000\n"
        "<v Priya Shah>Receipts never match the merchant names.</v>\n"
    ),
    "bare names": (
        "Aisha Rahman: How do you reconcile the card spend today?\n"
        "Priya Shah: I export the statement every Friday and retype it into Xero.\n"
        "Aisha Rahman: And the receipts?\n"
        "Priya Shah: Receipts never match the merchant names.\n"
    ),
}
SAID = [
    ("Aisha Rahman", "How do you reconcile the card spend today?"),
    ("Priya Shah", "I export the statement every Friday and retype it into Xero."),
    ("Priya Shah", "Receipts never match the merchant names."),
]


@pytest.mark.parametrize("shape", list(SHAPES))
def test_each_shape_is_read_as_its_speakers_turns(shape: str) -> None:
    transcript = read_transcript(SHAPES[shape])
    assert transcript is not None
    turns = [(t.speaker, t.said) for t in transcript.turns]
    if shape == "bare names":
        assert turns == [SAID[0], SAID[1], ("Aisha Rahman", "And the receipts?"), SAID[2]]
    else:
        assert turns == SAID


def test_a_company_in_parentheses_and_a_role_are_part_of_the_label() -> None:
    transcript = read_transcript(SHAPES["gong markdown"])
    assert transcript is not None
    assert transcript.parts[0] == "# Card statements — Fenwick & Daughters"
    assert [t.company for t in transcript.turns] == ["Ledgerly", "Fenwick", "Fenwick"]
    roles = read_transcript(
        "Entrevistador: ¿Cómo concilian los gastos con tarjeta?\n"
        "Cliente: Exportamos el extracto cada viernes y lo copiamos a mano.\n"
    )
    assert roles is not None
    assert [(t.speaker, t.role) for t in roles.turns] == [
        ("Entrevistador", "ours"),
        ("Cliente", "customer"),
    ]


def test_text_keeps_the_notes_and_the_chosen_turns_without_labels() -> None:
    transcript = read_transcript(SHAPES["gong markdown"])
    assert transcript is not None
    theirs = [t for t in transcript.turns if t.speaker == "Priya Shah"]
    assert transcript.text(keep=theirs) == (
        "# Card statements — Fenwick & Daughters\n\n"
        "I export the statement every Friday and retype it into Xero.\n\n"
        "Receipts never match the merchant names."
    )


@pytest.mark.parametrize(
    "note",
    [
        # A note-taker's template: fields, not people, however often they repeat.
        "Pain point: exports fail on Fridays\nImpact: two hours a week\n"
        "Pain point: receipts never match\nImpact: month end slips\n",
        # Sections and sentences that end with a colon.
        "Summary:\nThey retype statements.\n\nNext steps:\n- send the Xero guide\n",
        # One quote in a note is the note-taker's, not a conversation.
        '- Usage is up: 85 active cards.\n- Priya: "Receipts never match."\n- Wants Xero.\n',
        # A sentence that names someone is not a label.
        "Priya said: the export fails.\nThe bookkeeper agreed: every Friday.\n",
    ],
)
def test_notes_that_are_no_conversation_are_not_a_transcript(note: str) -> None:
    assert read_transcript(note, known=("Priya Shah", "Aisha Rahman")) is None


def test_a_list_item_turn_ends_at_the_next_item() -> None:
    """In bulleted notes, "- Aisha: ..." is one item: the bullets after it are the
    note-taker's again, not Aisha's words."""
    transcript = read_transcript(
        "- Aisha Rahman: Do you use the mobile app?\n"
        "- Priya Shah: Only to approve card top-ups.\n"
        "- Card top-ups need two approvals today.\n",
        known=("Priya Shah", "Aisha Rahman"),
    )
    assert transcript is not None
    assert transcript.parts == (
        Turn("Aisha Rahman", None, "Do you use the mobile app?"),
        Turn("Priya Shah", None, "Only to approve card top-ups."),
        "- Card top-ups need two approvals today.",
    )


def test_a_calls_reading_drops_speaker_lines_and_timestamps() -> None:
    """QA: 31 of 46 calls were grouped by "**Clara Nunes (Payroo)** [00:01:16]" lines; read
    without knowing who is who, the words stay and the lines that hold none go."""
    assert note_body(SHAPES["gong markdown"]) == (
        "How do you reconcile the card spend today?\n\n"
        "I export the statement every Friday and retype it into Xero.\n\n"
        "Receipts never match the merchant names."
    )
    assert as_said(EvidenceKind.CALL, SHAPES["inline with time"]) == (
        "Aisha Rahman: How do you reconcile the card spend today?\n"
        "Priya Shah: I export the statement every Friday and retype it into Xero.\n"
        "Priya Shah: Receipts never match the merchant names."
    )
    assert note_body(SHAPES["zoom vtt"]) == (
        "Aisha Rahman: How do you reconcile the card spend today?\n\n"
        "Priya Shah: I export the statement every Friday and retype it into Xero.\n\n"
        "Priya Shah: Receipts never match the merchant names."
    )


def test_a_notes_times_and_numbers_in_sentences_stay() -> None:
    text = "Payroll closes at 17:30 on Fridays.\nThey run 3 entities.\n12\nCards issued: 85"
    assert note_body(text) == text
