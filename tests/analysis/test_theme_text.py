"""What the theme engine reads of an item: subject and message for tickets, whole notes."""

from __future__ import annotations

import pytest

from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.text.theme_text import says_something, subject_line, theme_text
from tradeoff.domain.enums import EvidenceKind

EMAIL = "Hello,\nThe refund for order 1182 never arrived.\n\nKind regards,\nDana\nOkafor Ltd"


def test_a_ticket_reads_as_its_subject_then_its_message() -> None:
    assert theme_text(EvidenceKind.TICKET, "Fwd: RE: Refund missing", EMAIL) == (
        "Refund missing\nThe refund for order 1182 never arrived."
    )


def test_a_subject_the_body_already_says_is_read_once() -> None:
    """A CSV view export has no body: the importer makes the subject the text."""
    subject = "Bank feed stopped syncing!"
    assert theme_text(EvidenceKind.TICKET, subject, subject) == subject
    assert theme_text(EvidenceKind.TICKET, "bank feed", "Our bank  feed, again.") == (
        "Our bank  feed, again."
    )


@pytest.mark.parametrize(
    "kind", [EvidenceKind.INTERVIEW, EvidenceKind.CALL, EvidenceKind.SURVEY, EvidenceKind.REVIEW]
)
def test_notes_and_answers_are_read_whole(kind: EvidenceKind) -> None:
    """In an interview or a review a 'Thanks' line, a greeting or a quote is content."""
    note = "Hi,\nWe reconcile by hand every Friday.\nThanks,\nMaria\nOps lead at Brown Inc"
    assert theme_text(kind, None, note) == note


def test_only_summaries_by_the_author_are_read_as_subjects() -> None:
    """A deal note's title names the deal, an interview's the session: they would group
    items by where they came from; a review's is most often a verdict."""
    assert theme_text(EvidenceKind.DEAL_NOTE, "Acme: loss reason", "Price too high") == (
        "Price too high"
    )
    assert theme_text(EvidenceKind.INTERVIEW, "Call with Acme", "We export weekly.") == (
        "We export weekly."
    )
    assert theme_text(EvidenceKind.REVIEW, "Love it!", "Invoicing is quick.") == (
        "Invoicing is quick."
    )
    assert theme_text("internal_request", "SSO for Okta", "Sales asks for Okta SSO.") == (
        "SSO for Okta\nSales asks for Okta SSO."
    )


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("RE: FW: Export fails", "Export fails"),
        ("AW: [EXTERNAL] Export fails", "Export fails"),
        ("Re[2]: Export fails", "Export fails"),
        ("(no subject)", ""),
        ("No Subject", ""),
        ("Refund: still waiting", "Refund: still waiting"),
        ("Re: Your request", ""),
        ("Your request #4411", ""),
        ("Follow up on case 12345", ""),
        ("Your invoice is wrong", "Your invoice is wrong"),
    ],
)
def test_subject_line(title: str, subject: str) -> None:
    assert subject_line(title) == subject


def test_a_subject_made_from_the_first_words_is_not_read_twice() -> None:
    """Help desks make a subject from the message's first words when it has none."""
    text = "Hi, I have been transferring money to my friends since morning, but all failed."
    assert theme_text(EvidenceKind.TICKET, "Hi, I have been transferring money to my...", text) == (
        "I have been transferring money to my friends since morning, but all failed."
    )
    assert theme_text(EvidenceKind.TICKET, "Hi, I have been transferr…", text) == (
        "I have been transferring money to my friends since morning, but all failed."
    )


def test_a_chat_tools_title_names_the_person_not_the_problem() -> None:
    assert theme_text(EvidenceKind.CHAT, "Chat with Dana Whitfield", "My card was declined.") == (
        "My card was declined."
    )


def test_a_sentence_typed_in_capitals_is_read_in_lower_case_an_acronym_is_not() -> None:
    """A QA corpus left 30 % of shouted reviews unsorted: the fast embedder tells cases apart."""
    shouted = "I GET AN AD BEFORE I CAN EVEN START TRACKING, RIDICULOUS. SSO fails on iOS."
    assert theme_text("review", None, shouted) == (
        "i get an ad before i can even start tracking, ridiculous. SSO fails on iOS."
    )
    assert theme_text("review", None, "GPS drift on my Garmin") == "GPS drift on my Garmin"


def test_a_shouted_item_is_embedded_as_its_lower_case_is() -> None:
    embedder = StaticEmbedder()
    said = "I get an ad before I can even start tracking, ridiculous."
    shouted, quiet = embedder.embed(
        [theme_text("review", None, said.upper()), theme_text("review", None, said)]
    )
    assert float(shouted @ quiet) > 0.95


@pytest.mark.parametrize(
    "title", ["Re: Your request", "Re: Invoice totals off by a cent", "RE: [EXT] SMS opt-out"]
)
@pytest.mark.parametrize("body", ["Thanks!", "Thank you so much, all good now.", "ok thanks"])
def test_a_reply_that_only_thanks_says_nothing_whatever_its_subject(title: str, body: str) -> None:
    """A QA corpus's "Thanks!" under "Re: Your request" was read with its subject and MiniLM
    filed four such replies in an invoicing theme: a reply's subject is the thread's, and a
    reply saying nothing adds nothing to its topic."""
    assert not says_something(theme_text(EvidenceKind.TICKET, title, body))


def test_a_reply_that_says_something_keeps_its_subject() -> None:
    read = theme_text(EvidenceKind.TICKET, "Re: Invoice totals off by a cent", "Still wrong today.")
    assert read == "Invoice totals off by a cent\nStill wrong today."
    assert says_something(read)
    # Not a reply: a subject naming a topic is the item's own words, even over a thanks.
    assert says_something(theme_text(EvidenceKind.TICKET, "Invoice totals off", "Thanks!"))
