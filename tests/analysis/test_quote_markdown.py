"""Interview quotes show the words, not the note's Markdown; the stored note keeps it."""

from __future__ import annotations

from tradeoff.analysis.text.note import plain_line
from tradeoff.analysis.text.theme_text import as_quoted, as_said
from tradeoff.domain.enums import EvidenceKind

#: As ``import interviews`` stores a Markdown note: its front matter read into fields.
NOTE = """# Calendar sync / double booking — Harbour Dental

## Context

Harbour Dental, 50 staff.

## What they said

> We got a double booking again: the Google Calendar sync did not block the slot.

- Deleted appointments keep coming back after the **Google** sync runs.
1. Reception re-types _every_ booking by hand.
"""


def test_an_interview_quote_has_no_markdown_markers() -> None:
    quoted = as_quoted(EvidenceKind.INTERVIEW, NOTE)
    assert "We got a double booking again" in quoted
    assert "Deleted appointments keep coming back after the Google sync runs." in quoted
    assert "Reception re-types every booking by hand." in quoted
    assert not any(line.startswith((">", "-", "1.")) for line in quoted.splitlines())
    assert "**" not in quoted
    assert "_every_" not in quoted


def test_only_a_notes_reading_loses_its_markers() -> None:
    """A survey answer is read whole; the stored note is untouched (``as_quoted`` reads)."""
    answer = "- faster sync\n- **prices** in the widget"
    assert as_said(EvidenceKind.SURVEY, answer) == answer
    assert as_quoted(EvidenceKind.INTERVIEW, NOTE) != NOTE
    assert "> We got a double booking" in NOTE


def test_what_only_looks_like_markdown_stays() -> None:
    assert plain_line("5 * 3 * 2 patients") == "5 * 3 * 2 patients"
    assert plain_line("the user_id field is empty") == "the user_id field is empty"
    assert plain_line("-5 degrees in the waiting room") == "-5 degrees in the waiting room"
    assert plain_line("> > nested *quote*") == "nested quote"


def test_a_sign_or_comparison_before_a_figure_stays() -> None:
    """ ">", "-" and "+" before a figure say what it means ("more than 50", "minus 20%")."""
    assert plain_line("> 50 seats needs SSO") == "> 50 seats needs SSO"
    assert plain_line(">3 days to get a reply") == ">3 days to get a reply"
    assert plain_line("- 20% discount requested") == "- 20% discount requested"
    assert plain_line("+ 10% price rise is too much") == "+ 10% price rise is too much"
    assert plain_line("- $50 off per seat") == "- $50 off per seat"
    assert plain_line("+ 15 € per user") == "+ 15 € per user"


def test_markers_before_a_list_item_or_a_count_still_go() -> None:
    # A bullet before a bare count is a list item: a sign there is rare.
    assert plain_line("- 3 users complained") == "3 users complained"
    assert plain_line("- it times out") == "it times out"
    assert plain_line("> 1. Export fails") == "Export fails"
    assert plain_line("> the export fails") == "the export fails"
    assert plain_line("* 20% of them churned") == "20% of them churned"


def test_a_star_inside_a_word_is_no_emphasis() -> None:
    # Read as CommonMark does: "*nix" opens nothing that closes; "*BSD*" is emphasis.
    assert plain_line("the *nix build and *BSD*") == "the *nix build and BSD"
    assert plain_line("the *nix build and *BSD systems") == "the *nix build and *BSD systems"
    assert plain_line("it is *really* slow (*very*)") == "it is really slow (very)"
