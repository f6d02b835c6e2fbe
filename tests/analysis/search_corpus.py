"""A small support inbox for search tests: several problems, each in several wordings.

Written for these tests (not sampled): the card-declined tickets share the problem but not
the words, so keyword and meaning search can be told apart; one ticket carries rich markup
and one is in German, because customer text is untrusted and not always English.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine

from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.session import write_session


@dataclass(frozen=True)
class Ticket:
    key: str
    text: str
    source: str = "zendesk"
    kind: EvidenceKind = EvidenceKind.TICKET
    month: int = 3
    title: str | None = None
    #: The key of the earlier item this one copies (same words through another channel).
    copy_of: str | None = None


C, R, INTERVIEW = EvidenceKind.CHAT, EvidenceKind.REVIEW, EvidenceKind.INTERVIEW

TICKETS = [
    # Card declined in a shop: the same problem, worded five ways.
    Ticket("declined-shop", "My card was declined at the shop this morning, I have money in it."),
    Ticket("refused-store", "Payment refused in store even though my balance is fine.", month=1),
    Ticket(
        "rejected-till", "The supermarket terminal rejected my debit card twice.", "intercom", C
    ),
    Ticket("contactless", "Contactless payment didn't go through at the checkout again.", month=2),
    Ticket("petrol", "Card got declined at the petrol station, very embarrassing.", month=4),
    Ticket(
        "declined-copy",
        "My card was declined at the shop this morning, I have money in it.",
        "intercom",
        C,
        copy_of="declined-shop",
    ),
    # Signing in.
    Ticket("cant-login", "I can't log in to the app since yesterday."),
    Ticket("password-loop", "The app keeps asking for my password and never lets me in."),
    Ticket("locked-out", "Locked out after the update, the sign in screen just spins.", month=4),
    Ticket("2fa", "The two-factor code never arrives by SMS so I cannot sign in.", "intercom", C),
    Ticket("face-id", "Face ID login stopped working on my new phone.", "appstore", R),
    # Transfers.
    Ticket("pending-landlord", "Transfer to my landlord is still pending after three days."),
    Ticket("transfer-missing", "I sent money to my sister on Monday and she hasn't received it."),
    Ticket("sepa-slow", "Why do SEPA transfers take so long? Other banks are instant.", month=2),
    Ticket("transfer-status", "How can I see the status of an outgoing transfer?", month=1),
    # Charged twice.
    Ticket("double-coffee", "I was charged twice for the same coffee."),
    Ticket("duplicate-charge", "There is a duplicate charge on my statement from the hotel."),
    Ticket("two-payments", "Two identical payments left my account for one order.", "intercom", C),
    # Exchange rates and fees abroad.
    Ticket("rate-worse", "The exchange rate you applied is worse than the one advertised."),
    Ticket("atm-fee", "Got a fee for taking cash out of an ATM in Spain, nobody told me."),
    Ticket("currency-hidden", "Hidden currency conversion costs on my holiday purchases.", month=2),
    # Exports and invoices.
    Ticket("csv-dates", "Export to CSV puts the dates in US format.", title="CSV export"),
    Ticket("e4012", "Error E-4012 when exporting invoices to Xero.", title="Invoice sync"),
    Ticket("e4012-again", "Still getting E-4012 on every invoice export, please fix.", month=4),
    Ticket("invoice-currency", "How do I change the currency on an invoice?", month=1),
    Ticket("export-pdf", "Statements export as a blank PDF in Safari.", "intercom", C),
    # Cards arriving.
    Ticket("card-arrival", "Where is my new debit card? I ordered it two weeks ago."),
    Ticket("card-tracking", "Is there a way to track the delivery of my replacement card?"),
    Ticket("card-activate", "My card arrived but I can't activate it in the app.", month=4),
    # Refunds.
    Ticket("refund-missing", "The shop says they refunded me but I see nothing yet."),
    Ticket("refund-time", "How long do refunds take to show on my account?", month=2),
    Ticket("refund-cancelled", "Cancelled my order a week ago and still no refund.", "intercom", C),
    # Interviews and reviews.
    Ticket(
        "interview-fx",
        "We pay suppliers in dollars every month and the conversion margin adds up.",
        "interviews",
        INTERVIEW,
        title="Call with Harbour Foods",
    ),
    Ticket(
        "interview-approvals",
        "Our finance lead wants two people to approve any payment above ten thousand.",
        "interviews",
        INTERVIEW,
    ),
    Ticket("praise", "Love the new spending insights, the charts are great.", "appstore", R),
    Ticket("praise-support", "Support sorted my issue in five minutes, brilliant.", "appstore", R),
    # Hostile and foreign text.
    Ticket("markup", "[bold red]URGENT[/] my card was declined [link=http://x]here[/link] [/]"),
    Ticket("german", "Meine Karte wurde im Geschäft abgelehnt, obwohl Geld drauf ist.", month=4),
    Ticket("emoji", "Top-up by Apple Pay failed 😡 three times today."),
    Ticket("top-up-card", "Topping up with my other bank's card keeps failing."),
]


def add_tickets(engine: Engine, tickets: list[Ticket] = TICKETS) -> dict[str, int]:
    """Store ``tickets`` (originals before their copies); returns evidence id per key."""
    ids: dict[str, int] = {}
    with write_session(engine) as session:
        for number, ticket in enumerate(tickets):
            item = repository.add(
                session,
                EvidenceItem(
                    source=ticket.source,
                    external_id=f"{ticket.source[:2].upper()}-{1000 + number}",
                    kind=ticket.kind,
                    title=ticket.title,
                    text=ticket.text,
                    created_at=datetime(2026, ticket.month, 1 + number % 27, 9, tzinfo=UTC),
                    duplicate_of_id=ids[ticket.copy_of] if ticket.copy_of else None,
                ),
            )
            assert item.id is not None
            ids[ticket.key] = item.id
    return ids
