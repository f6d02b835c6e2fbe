"""An "On … wrote:" line cuts the quoted thread only when it reads like a mail client's
attribution (a date, a time, an address), never when the customer says it."""

from __future__ import annotations

import pytest

from tradeoff.analysis.text.message import message_body

#: Customers' own sentences that open like an attribution and end in "wrote:".
CUSTOMER_SENTENCES = [
    (
        "The audit log is useless for our compliance review.\n"
        "On Monday the export wrote:\n"
        "nothing at all, an empty file with only the header row.\n"
        "We need every change with who made it."
    ),
    (
        "Our integration keeps failing silently.\n"
        "On the settings page the sync job\n"
        "wrote:\n"
        "'partial success' and then stopped.\n"
    ),
    (
        "Bonjour,\n"
        "Le connecteur Shopify a écrit :\n"
        "« erreur inconnue » dans le journal, puis plus rien.\n"
    ),
]

#: Real attributions as Gmail, Apple Mail, Outlook for Mac and localised clients write them.
ATTRIBUTIONS = [
    "On Tue, 3 Mar 2026 at 10:22, Ledgerly Support <support@ledgerly.io> wrote:",
    "On Mar 3, 2026, at 10:22 AM, Dana Whitfield <dana@okafor.example> wrote:",
    "On Tuesday, Ledgerly Support <support@ledgerly.io> wrote:",
    "Am 03.03.2026 um 10:22 schrieb Ledgerly Support:",
    "Le mar. 3 mars 2026 à 10:22, Ledgerly Support a écrit :",
    "El mar, 3 mar 2026 a las 10:22, soporte@ledgerly.io escribió:",
    "Op di 3 mrt. 2026 om 10:22 schreef Ledgerly Support:",
    "Em ter., 3 de mar. de 2026 às 10:22, Ledgerly Support escreveu:",
]


@pytest.mark.parametrize("said", CUSTOMER_SENTENCES)
def test_a_customer_sentence_ending_in_wrote_is_kept(said: str) -> None:
    body = message_body(said)
    # Every line of the customer's words survives (a greeting line aside).
    for line in said.splitlines():
        if line.strip() and line.strip() != "Bonjour,":
            assert line.strip() in body


@pytest.mark.parametrize("attribution", ATTRIBUTIONS)
def test_a_mail_clients_attribution_cuts_the_quoted_thread(attribution: str) -> None:
    email = (
        "The CSV export of our invoices times out after 30 seconds.\n\n"
        f"{attribution}\n"
        "> Could you tell us how many invoices you export at once?\n"
        "Our support team will get back to you within one business day.\n"
    )
    assert message_body(email) == "The CSV export of our invoices times out after 30 seconds."


def test_an_attribution_wrapped_over_two_lines_still_cuts() -> None:
    email = (
        "Payouts in EUR arrive two days late every month.\n\n"
        "On Mon, Mar 2, 2026 at 9:00 AM Jane Roe\n"
        "<jane.roe@example.com> wrote:\n"
        "Could you send us the payout ids?\n"
    )
    assert message_body(email) == "Payouts in EUR arrive two days late every month."
