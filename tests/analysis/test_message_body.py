"""The message inside an email-shaped ticket: what is cut, and what must never be."""

from __future__ import annotations

import pytest

from tradeoff.analysis.text.message import message_body, thread_text

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


# A carrier's corporate block: ten lines after the sign-off, over ``SIGNATURE_LINES``.
CORPORATE_BLOCK = """Settlement statements for owner-operators show last week's fuel advances twice.

Respectfully,
RAMONA VEGA
Settlements Lead | Cobalt Ridge Transport
4410 Commerce Blvd, Suite 18
Amarillo, TX 79118
Office: (806) 555-0147
Cell: 806.555.0199
Fax: (806) 555-0100
www.cobaltridgetransport.com
USDOT 3120457 | MC 1088234
[cid:image002.jpg@01DB11AA.42C0FE10]
"""

# Signed with no sign-off word at all, in a German mailbox with a social line.
NO_SIGN_OFF = """Die Fahrerliste lädt seit dem Update nicht mehr.

Jonas Albrecht
Disposition | Albrecht Logistik GmbH
jonas.albrecht@albrecht-logistik.example
+49 511 4477 210
Folgen Sie uns auf LinkedIn | Xing
"""

# A name, a company and a phone, with the company's motto in quotes below.
WITH_MOTTO = (
    "Trailer temperature alerts arrive an hour late.\n\n"
    "Oksana Lytvyn\nNorthern Reach Cold Freight\nDirect: (218) 555-0176\n"
    '"Cold chain, unbroken."'
)


@pytest.mark.parametrize(
    "email",
    [CORPORATE_BLOCK, NO_SIGN_OFF, WITH_MOTTO],
    ids=["ten-line block after a sign-off", "no sign-off", "motto under the block"],
)
def test_a_signature_block_is_told_by_what_its_lines_are(email: str) -> None:
    assert message_body(email) == email.split("\n\n")[0].strip()


@pytest.mark.parametrize(
    "email",
    [
        # Details the customer gives below the complaint read as sentences or "Label:" lines.
        "The ELD shows a power diagnostic on tractor 3481.\n\nTruck: 3481\nDriver: Sam Ortiz\n"
        "Call me on (602) 555-0110 if you need the logs.",
        # A line that ends with a colon announces what follows: the customer's own data.
        "The webhook for this account fails, see:\n\nhttps://hooks.example.com\n"
        "ops@carrier.example",
        # A short complaint after the message, not a name.
        "Dispatch board froze again.\n\nStill broken.",
        # A deep link is evidence the customer pasted, not a signature's website.
        "This page never loads:\n\nhttps://app.example.com/routes/4410?day=2026-03-02",
    ],
)
def test_what_the_customer_wrote_below_the_message_is_not_a_signature(email: str) -> None:
    assert message_body(email) == email


@pytest.mark.parametrize(
    "notice",
    [
        "IMPORTANT: The contents of this email and any attachments are confidential and "
        "intended for the named recipient only.",
        "This e-mail and any files transmitted with it are confidential and intended solely "
        "for the addressee.",
        "If you have received this message in error, please notify the sender and delete it.",
        "CONFIDENTIALITY NOTICE: this message may contain privileged information.",
        "Ce courriel et ses pièces jointes sont confidentiels et destinés exclusivement à "
        "leurs destinataires.",
        "Diese E-Mail enthält vertrauliche Informationen und ist nur für den Empfänger bestimmt.",
        "Este mensaje y sus anexos son confidenciales y dirigidos exclusivamente a su "
        "destinatario.",
        "Please consider the environment before printing this e-mail.",
    ],
)
def test_a_disclaimer_below_the_message_is_cut(notice: str) -> None:
    complaint = "Fuel card purchases in Oklahoma are missing from the weekly report."
    assert message_body(f"{complaint}\n\nThanks,\nLee\n\n{notice}") == complaint
    assert message_body(f"{complaint}\n\n{notice}") == complaint


def test_a_banner_above_the_message_is_dropped_not_cut_with_it() -> None:
    banner = (
        "CAUTION: This email originated from outside of the organization. Do not click links "
        "unless you recognise the sender."
    )
    complaint = "The driver app logs everyone out at midnight."
    assert message_body(f"{banner}\n\n{complaint}") == complaint


def test_a_sentence_that_opens_like_a_disclaimer_stays() -> None:
    text = "Our drivers see an error.\n\nThis message appears whenever they open a load."
    assert message_body(text) == text


@pytest.mark.parametrize(
    "thread",
    [
        # An agent's answer pasted below the sign-off, with no quote mark.
        "Best,\nRK\n\nMateo (Trackly Support)\nApril 9, 2026, 14:05 CST\n\n"
        "Hi Rachel, could you send us a screenshot of the error?",
        # A help desk's plain-text thread, dated the other way round.
        "Kind regards\nRachel\n\nPriya | Customer Success\n9 Apr 2026 14:05\n\n"
        "Thanks Rachel, we are looking into it.",
        # No sign-off: the author and date line alone.
        "Jonah (Support)\n2026-04-09 14:05\n\nHello, is this still happening?",
    ],
)
def test_a_reply_pasted_without_quote_marks_is_cut(thread: str) -> None:
    complaint = "Geofence arrivals fire twenty minutes after the truck is at the dock."
    assert message_body(f"{complaint}\n\n{thread}") == complaint


def test_a_date_under_a_name_in_the_message_is_kept() -> None:
    """Without a team after the name and without a time, a date under a name is content."""
    text = "Two invoices were raised for one load:\n\nDana Brooks\nMarch 3, 2026\n\nPlease merge."
    assert message_body(text) == text


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("Happy Friday!\n\nThe ETA text goes to the shipper.", "The ETA text goes to the shipper."),
        ("Morning all,\nThe ETA text goes to the shipper.", "The ETA text goes to the shipper."),
        (
            "Hope your week is off to a better start than ours. The ETA text goes to the "
            "shipper.\n\nLooking forward to hearing from you.",
            "The ETA text goes to the shipper.",
        ),
        (
            "To whom it may concern:\n\nSorry to bother you again.\nI hope this email finds you "
            "well.\n\nThe ETA text goes to the shipper.\n\nThanks in advance for looking into "
            "this.\n\nRespectfully,",
            "The ETA text goes to the shipper.",
        ),
        ("Dear Haulwise Customer Support Team,\n\nStill broken.", "Still broken."),
        ("The ETA text goes to the shipper.\n\nCheers", "The ETA text goes to the shipper."),
        (
            "The ETA text goes to the shipper.\n\nHope all is well on your end!\n\nGrüße\nJonas",
            "The ETA text goes to the shipper.",
        ),
    ],
)
def test_greetings_pleasantries_and_dangling_sign_offs_are_not_the_message(
    email: str, message: str
) -> None:
    assert message_body(email) == message


@pytest.mark.parametrize(
    "text",
    [
        # A wish that names the product is the message.
        "Hope you can fix the ETA texts before Monday.",
        "Please help me! The ETA text goes to the shipper.",
        # "Morning" that opens a complaint is no greeting.
        "Morning reports are empty\nThe ETA text goes to the shipper.",
        # Thanks in the middle stay: only the edges are trimmed.
        "The ETA text goes to the shipper. Thanks for your patience. It also goes twice.",
        # A two-line ticket.
        "ETA texts broken\nThey go to the shipper.",
        "Hope it works on your end: the ETA text goes to the shipper.",
    ],
)
def test_what_the_customer_asks_stays_verbatim(text: str) -> None:
    assert message_body(text) == text


#: An Intercom chat's customer messages as ``import intercom`` stores them: the opening
#: message signed "Thanks, Anna", a short reply (our teammate's question between them is
#: not the customer's), a later message with its own greeting, sign-off and signature, a
#: reply that quotes our answer, and a closing "ok thanks!".
CHAT = [
    "Hi team,\nStock transfers between our two warehouses get stuck in transit.\nThanks,\nAnna",
    "Also the freezer barcode scanner loses every scan when the wifi drops offline.",
    "Hi again,\nThe stock counts are off by a dozen after each scan run.\n\nBest regards,\n"
    "Anna Smith\nOperations Lead | Northwind Pets\nTel: +1 (503) 555-0142",
    "It happens on both Zebra TC52 units.\n\n"
    "On Tue, 6 Jan 2026 at 10:22, Priya <priya@stockroom.example> wrote:\n"
    "> Which scanner model do you use?",
    "ok thanks!",
]


def test_each_message_of_a_conversation_is_read_on_its_own() -> None:
    """Joined by a blank line only, "Thanks,\\nAnna" cut everything below it: the short
    reply passed for her signature and was never read."""
    assert message_body(thread_text(CHAT)) == (
        "Stock transfers between our two warehouses get stuck in transit.\n\n"
        "Also the freezer barcode scanner loses every scan when the wifi drops offline.\n\n"
        "The stock counts are off by a dozen after each scan run.\n\n"
        "It happens on both Zebra TC52 units."
    )


@pytest.mark.parametrize(
    ("messages", "said"),
    [
        # A message of thanks says nothing, wherever it comes.
        (["The scanner drops scans.", "Thanks so much for the quick help!",
          "It also happens on the second unit."],
         "The scanner drops scans.\n\nIt also happens on the second unit."),
        # Nor does a closing "Thank you!" signed with a name.
        (["The scanner drops scans.", "Thank you!\nAnna"], "The scanner drops scans."),
        # A conversation of courtesy only is kept as it was, not emptied.
        (["Hi", "Thanks!"], "Hi\n\nThanks!"),
        # One message: read as any email.
        (["Hi team,\nThe scanner drops scans.\n\nThanks,\nAnna"], "The scanner drops scans."),
    ],
)  # fmt: skip
def test_a_conversation_is_never_emptied_and_its_thanks_are_not_the_message(
    messages: list[str], said: str
) -> None:
    assert message_body(thread_text(messages)) == said
