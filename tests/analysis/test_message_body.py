"""The message inside an email-shaped ticket: what is cut, and what must never be."""

from __future__ import annotations

import pytest

from tradeoff.analysis.text.message import message_body

GMAIL_REPLY = """Hi Ledgerly team,

Since yesterday the CSV export of our invoices times out after 30 seconds.
We have about 4,000 invoices this quarter.

Could you look into it?

Best regards,
Dana Whitfield
Head of Finance | Okafor Ltd
+44 20 7946 0123

Sent from my iPhone

On Tue, 3 Mar 2026 at 10:22, Ledgerly Support <support@ledgerly.io> wrote:
> Thanks for reaching out! Could you tell us how many invoices
> you export at once?
"""

OUTLOOK_REPLY = """Hello,

The bank feed for our Barclays account stopped syncing on Friday.

Thanks
Priya

________________________________
From: Ledgerly Support <support@ledgerly.io>
Sent: Monday, March 2, 2026 9:14 AM
To: Priya Novak <priya@novak.example>
Subject: RE: Bank feed

Hi Priya, is the feed still failing?
"""

WRAPPED_HEADER = """Payouts in EUR arrive two days late every month.

On Mon, Mar 2, 2026 at 9:00 AM Jane Roe <jane.roe@example.com>
wrote:
> Could you send us the payout ids?
"""

# The RFC 3676 separator is dash, dash, space.
SIGNATURE_DASHES = (
    "Dear Support Team,\n"
    "Please cancel our subscription at the end of this billing period.\n"
    "-- \n"
    "Tom Garcia\n"
    "CEO, Garcia Partners\n"
)

DISCLAIMER = """The nightly sync fails with error 502 since the last update.

This email and any attachments are confidential and intended solely for the addressee.
If you have received it in error please notify the sender.
"""

GERMAN = """Hallo,

der Export nach DATEV bricht seit dem Update ab.

Mit freundlichen Grüßen
Lukas Müller
Müller GmbH

Am 02.03.2026 um 09:00 schrieb Ledgerly Support <support@ledgerly.io>:
> Können Sie uns einen Screenshot schicken?
"""


@pytest.mark.parametrize(
    ("email", "message"),
    [
        (
            GMAIL_REPLY,
            "Since yesterday the CSV export of our invoices times out after 30 seconds.\n"
            "We have about 4,000 invoices this quarter.\n\nCould you look into it?",
        ),
        (OUTLOOK_REPLY, "The bank feed for our Barclays account stopped syncing on Friday."),
        (WRAPPED_HEADER, "Payouts in EUR arrive two days late every month."),
        (SIGNATURE_DASHES, "Please cancel our subscription at the end of this billing period."),
        (DISCLAIMER, "The nightly sync fails with error 502 since the last update."),
        (GERMAN, "der Export nach DATEV bricht seit dem Update ab."),
        ("Hi, my card has not arrived yet", "my card has not arrived yet"),
        ("Hi there, the app crashes on login.\r\nThanks,\r\nSam", "the app crashes on login."),
    ],
)
def test_keeps_only_the_message(email: str, message: str) -> None:
    assert message_body(email) == message


@pytest.mark.parametrize(
    "text",
    [
        # A plain query with no wrapping.
        "I am still waiting on my card?",
        # A greeting word that opens the request itself, with no comma to end a greeting.
        "Hey I lost my card",
        # "Thanks" mid-message, followed by more message than a signature holds.
        "We love the product. Thanks\n\nBut the reporting page is slow when we filter by more "
        "than three tags, and the export of the filtered view drops the last column, which our "
        "finance team needs every month for the board pack. Please fix.",
        "I was charged twice for the same order. Thanks in advance for checking this.",
        # A thank-you sentence that is the content, not a sign-off.
        "Thank you for adding the Xero import, it saved our accountant a day each month",
    ],
)
def test_leaves_plain_text_alone(text: str) -> None:
    assert message_body(text) == text


def test_never_empties_a_ticket() -> None:
    """A ticket that is only a courtesy, or only a forward, is kept whole: still evidence."""
    forward = "---------- Forwarded message ---------\nFrom: Noor <noor@x.example>\nDate: 2 Mar"
    assert message_body("Thanks!") == "Thanks!"
    assert message_body("Hi,\nThanks!") == "Hi,\nThanks!"
    assert message_body(forward) == forward


def test_a_sign_off_is_cut_only_when_message_comes_before_it() -> None:
    """'Thanks' as the first line is not a sign-off: nothing has been said yet."""
    text = "Thanks for the quick fix last week\nThe export works again"
    assert message_body(text) == text


def test_quoted_lines_inside_a_reply_are_dropped() -> None:
    """Inline replies quote the agent with '>' between the customer's own lines."""
    text = "> Which browser do you use?\nChrome 131 on Windows 11.\n> And the error?\nError 502."
    assert message_body(text) == "Chrome 131 on Windows 11.\nError 502."


@pytest.mark.parametrize(
    "html",
    [
        # An Intercom body whose reply lines are plain newlines inside one paragraph.
        "<p>Our payroll run failed again with error PR-4012.</p><p>On Tue, Mar 6, 2025 at "
        "10:28 AM Paydeck Support &lt;support@paydeck.example&gt; wrote:\n&gt; Could you "
        "confirm which pay schedule this affects?\n&gt;\n&gt; Kind regards,\n&gt; The Paydeck "
        "team</p>",
        # The whole message one paragraph: the customer's words, then the reply.
        "<p>Our payroll run failed again with error PR-4012. On 6 Mar 2025, Paydeck Support "
        "wrote:\n&gt; Could you confirm which pay schedule this affects?</p>",
    ],
)
def test_a_reply_run_into_one_line_by_html_is_cut(html: str) -> None:
    assert message_body(html) == "Our payroll run failed again with error PR-4012."


def test_a_sentence_with_wrote_and_a_quote_mark_is_the_customer_speaking() -> None:
    """No date, time or address between "On" and "wrote:", or no quote after it: kept."""
    for text in (
        "On Monday the export wrote: > 5 rows into the wrong file",
        "The sync wrote: garbage On 3 Mar into the ledger",
        "I wrote: > this is my quote",
    ):
        assert message_body(text) == text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Payroll is stuck on processing since 9am.\n\nHana",
            "Payroll is stuck on processing since 9am.",
        ),
        ("Box 12 shows the wrong code.\n\n- Ivan", "Box 12 shows the wrong code."),
        ("Box 12 shows the wrong code.\n\nJules M.", "Box 12 shows the wrong code."),
        # Not after a blank line, not a name, or nothing said before it: kept.
        ("Box 12 shows the wrong code.\nHana", "Box 12 shows the wrong code.\nHana"),
        ("Box 12 shows the wrong code.\n\nHelp!", "Box 12 shows the wrong code.\n\nHelp!"),
        ("Hana", "Hana"),
    ],
)
def test_a_bare_name_signed_below_the_message_is_cut(text: str, said: str) -> None:
    assert message_body(text) == said
