"""What real help-desk exports wrap around a customer's words, read the way the engine reads.

Found by a new user's pass over Zendesk, Intercom and Freshdesk exports dressed around real
Banking77 queries: "Dear Sir/Madam," and "Hi there 👋" openings stayed in the text and made
a theme of their own; a chat's "ok thanks" and "yes" replies, and subjects such as "Urgent!!"
or "Question", were read as if they named a topic; a sign-off's "Best," and our agent's
reply quoted below a ticket read as praise of the area.
"""

from __future__ import annotations

import pytest

from tradeoff.analysis.label.counter import praise_cues
from tradeoff.analysis.text.message import message_body
from tradeoff.analysis.text.theme_text import subject_line, theme_text
from tradeoff.domain.enums import EvidenceKind

QUERY = "I did a transfer but the balance is the same."


@pytest.mark.parametrize(
    "opening",
    [
        "Dear Sir/Madam,",
        "Dear Sir / Madam,",
        "Hi there 👋",
        "Hello team 🙂!",
        "Good morning,",
    ],
)
def test_an_opening_greeting_line_is_not_the_message(opening: str) -> None:
    assert message_body(f"{opening}\n\n{QUERY}\n\nKind regards,\nMei Haddad\nLumen Legal LLP") == (
        QUERY
    )


def test_a_greeting_that_is_the_whole_text_is_kept() -> None:
    assert message_body("Dear Sir/Madam,") == "Dear Sir/Madam,"


def test_a_chats_acknowledging_replies_are_not_the_message() -> None:
    chat = f"Hi there 👋\n\n{QUERY}\n\nok thanks\n\nYes\n\nThank you!!\n\nPerfect 👍"
    assert message_body(chat) == QUERY


def test_a_reply_that_says_something_stays() -> None:
    chat = f"{QUERY}\n\nNo, it is still not working.\n\nIt's on the latest version."
    assert message_body(chat) == chat


def test_a_lone_acknowledgement_is_kept_rather_than_emptied() -> None:
    assert message_body("ok thanks") == "ok thanks"


@pytest.mark.parametrize(
    "subject", ["Urgent!!", "Question", "Help", "Need help please", "RE: Support request", "Query"]
)
def test_a_subject_that_names_no_topic_is_not_read(subject: str) -> None:
    assert subject_line(subject) == ""
    assert theme_text(EvidenceKind.TICKET, subject, f"Hello,\n\n{QUERY}") == QUERY


@pytest.mark.parametrize("subject", ["Card issue", "Problem with my top-up", "Refund not received"])
def test_a_subject_that_names_a_topic_is_read_first(subject: str) -> None:
    assert theme_text(EvidenceKind.TICKET, subject, QUERY) == f"{subject}\n{QUERY}"


ZENDESK_REPLY = """Dear Sir/Madam,

My top up is pending still

Best,
Mateo Petrov
Oakridge Farms
Mob: +44 7276 553369

Sent from my iPhone

On Wed, Feb 11, 2026 at 1:43 PM Northpay Support <support@northpay.zendesk.com> wrote:
> Thank you for contacting Northpay support. Great news: we have passed your request on.
>
> Best,
> The Northpay team"""


def test_a_sign_off_and_our_quoted_reply_are_not_praise_of_the_area() -> None:
    assert praise_cues(ZENDESK_REPLY, None, EvidenceKind.TICKET) == ()


def test_a_customers_own_praise_in_a_ticket_still_counts() -> None:
    ticket = "Hi,\n\nThe new top-up flow is so easy, love it.\n\nBest,\nMateo\nOakridge Farms"
    assert praise_cues(ticket, None, EvidenceKind.TICKET) == ("easy", "love")


def test_an_interview_note_is_read_whole() -> None:
    """Only email-shaped kinds lose their wrapping: after a "Thanks," a note goes on."""
    note = "Asked how month end goes.\n\nThanks,\nreconciliation is fast now."
    assert praise_cues(note, None, EvidenceKind.INTERVIEW) == ("fast",)


def test_a_greeting_clause_before_the_message_on_one_line_is_dropped() -> None:
    assert message_body(f"Dear Sir/Madam, {QUERY}") == QUERY
