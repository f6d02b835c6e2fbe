"""An interview or call note read without the note-taker's template."""

from __future__ import annotations

from tradeoff.analysis.text.note import note_body
from tradeoff.analysis.text.theme_text import as_said
from tradeoff.domain.enums import EvidenceKind

NOTE = """# Jasper Veterinary call

Attendees: Anna Patel, Aisha (PM)

## Context
Jasper Veterinary runs payroll for ~128 people.

## What we heard
- I can't click Run Payroll, the button is greyed out and says 'pending approval'.
- Garnishments were not deducted on this cycle's paychecks.

> "Our payroll run has been stuck on 'processing' since yesterday."

## Next steps
- Follow up in two weeks
"""


def test_a_note_is_what_was_heard_without_its_template() -> None:
    assert note_body(NOTE) == (
        "I can't click Run Payroll, the button is greyed out and says 'pending approval'.\n"
        "Garnishments were not deducted on this cycle's paychecks.\n\n"
        "\"Our payroll run has been stuck on 'processing' since yesterday.\""
    )
    assert as_said(EvidenceKind.CALL, NOTE) == note_body(NOTE)
    assert as_said(EvidenceKind.SURVEY, NOTE) == NOTE  # a survey answer is read whole


def test_labels_in_bold_or_with_a_colon_open_sections_but_a_sentence_does_not() -> None:
    text = (
        "**Context**\nThey run 3 shops.\n**What we heard**\nExports fail daily.\n"
        "They listed three problems with the export run:\n- it times out\n"
        "Next steps:\n- send docs\nInterviewer: Sam"
    )
    assert note_body(text) == (
        "Exports fail daily.\nThey listed three problems with the export run:\nit times out"
    )


def test_a_note_of_nothing_but_template_is_kept_whole() -> None:
    text = "# Call with Acme\nAttendees: Kim\n## Next steps\n- send the contract"
    assert note_body(text) == text


def test_an_inline_context_label_goes_but_a_transcripts_speakers_stay() -> None:
    text = (
        "**Context:** Video call about the first month.\n"
        "Customer: the export to Xero fails every Friday.\n"
        "Interviewer: since when?\n"
        "Interviewee: since the update."
    )
    assert note_body(text) == (
        "Customer: the export to Xero fails every Friday.\nInterviewee: since the update."
    )
