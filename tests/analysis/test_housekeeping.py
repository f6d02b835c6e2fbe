"""Help-desk notices, bounces, pitches and replies that only manage the thread stay unsorted.

Found by a new user's pass over a fleet-software help desk: "This ticket was closed
automatically…" notices made a sub-theme of the GPS theme, a spam mail one of the webhooks
theme, and "Thanks, that fixed it!" replies joined product themes. The wording here is our
own, several styles per rule.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.analysis.themed import add_tickets, intent_rows, placed_row, placements
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.analysis.text.housekeeping import housekeeping
from tradeoff.analysis.text.theme_text import says_something, theme_text
from tradeoff.domain.enums import EvidenceKind

NOTICES = [
    "Your request (#48213) has been received. This is an automated response: a member of our "
    "support team will get back to you within 2 business days.",
    "We haven't heard back from you, so this conversation was automatically closed. Reply to "
    "this email and we will reopen it.",
    "Mail delivery failed: your message could not be delivered to dispatch@carrier.example.\n"
    "Remote server said: 550 5.1.1 user unknown",
    "Undeliverable: Fuel report\n\nDelivery has failed to these recipients or groups.",
    "Hi there! We are a web design agency helping logistics firms. Want more leads? We can get "
    "you to the first page of Google. Reply YES for a free consultation.",
]
MANAGING = [
    "Thanks, that fixed it! You can close this.",
    "Works now, thank you so much",
    "Got it, I'll try that tomorrow and get back to you.",
    "Hi, is there any update on this? It's been two weeks.",
    "Just following up on this, any news?",
    "Please close the ticket, all sorted.",
    "Please unsubscribe me from your mailing list",
    # The reader puts the subject first: a subject that names a topic, then the reply.
    "Driver app\nThanks, that fixed it, you can close this ticket.",
    "Can we move our call to Wednesday at 3pm? Monday is out for our controller.",
    "Could we reschedule the demo for next week?",
]
#: Each says something about the product, however much it sounds like the above.
COMPLAINTS = [
    "Thanks, but the export still fails",
    "Still broken.",
    "Any update on the duplicate invoices? We were charged twice again.",
    "Still broken\nAny update on this?",
    "Thanks, that fixed the login, but the map is still frozen.",
    "I got an automated message saying my ticket was closed, but the GPS is still lagging.",
    "Your ETA emails bounce for every receiver on the Dallas account.",
    "Can we book a call on Thursday to go through the broken HOS logs?",
    "Our SEO agency says the tracking page loads slowly on phones.",
    "It's been a week and the reefer alerts never arrived.",
    # A complaint about the product's own automated mail holds a notice's phrases.
    "Our receivers get an automated message saying delivery failed even though the driver "
    "delivered on time.",
    "My invoices come back as undeliverable: the automated email to AP fails for every "
    "customer on the Dallas account.",
    "Can we book a call Thursday at 2pm to go over why dashcam clips won't download?",
]


@pytest.mark.parametrize("text", NOTICES + MANAGING)
def test_a_message_that_keeps_the_mailbox_going_says_nothing(text: str) -> None:
    assert housekeeping(text)
    assert not says_something(text)


@pytest.mark.parametrize("text", COMPLAINTS)
def test_a_complaint_that_sounds_like_one_says_something(text: str) -> None:
    assert not housekeeping(text)
    assert says_something(text)


def test_an_in_app_forms_device_tag_is_not_what_was_said() -> None:
    assert not says_something("[Android 14 | v6.1.0] test ticket please ignore")
    assert not says_something("[iOS 17.4 | v6.1.0] Thanks, that fixed it!")
    assert says_something("[iOS 17.4 | v6.1.0] Login loops back to the start screen")


@pytest.mark.parametrize(
    "text",
    [
        "I'm currently out of the office and will return on Monday. If you need immediate "
        "assistance please contact Ana.",
        "I am away from my desk until Friday. For urgent help please call dispatch.",
    ],
)
def test_an_out_of_office_reply_without_a_date_of_answer_says_nothing(text: str) -> None:
    assert not says_something(text)


#: A greeting and a thanks, as a chat's first message holds them: a QA pass filed "Hi
#: Stockroom support,\n\nthanks!" in a reorder-points theme. The names greeted are our own.
GREETINGS = [
    "Hi Stockroom support,\n\nthanks!",
    "Hello Haulwise team, hope you are well. Thanks in advance!",
    "Dear Sir/Madam,\nthank you so much",
    "Good morning, thanks",
    "Morning all!",
    "Bonjour l'équipe Ledgerly, merci beaucoup !",
    "Hallo Support-Team,\n\nvielen Dank!",
    "Hola equipo, muchas gracias",
    "Olá equipe, muito obrigado!",
]
#: A greeting before words about the product, or one that runs on into them.
GREETED_COMPLAINTS = [
    "Hi Stockroom support,\nreorder points reset every season. Thanks!",
    "Hi reorder points are wrong",
    "Hi team, thanks, but the export still fails",
    "Good product, thanks",
    "Evening shifts, thanks",
    "Bonjour, merci de corriger la synchronisation des stocks",
]


@pytest.mark.parametrize("text", GREETINGS)
def test_a_greeting_and_a_thanks_say_nothing(text: str) -> None:
    assert not says_something(text)
    assert not says_something(theme_text(EvidenceKind.CHAT, None, text))


@pytest.mark.parametrize("text", GREETED_COMPLAINTS)
def test_a_greeted_complaint_says_something(text: str) -> None:
    assert says_something(text)
    assert says_something(theme_text(EvidenceKind.CHAT, None, text))


def test_a_notice_read_with_its_subject_says_nothing() -> None:
    read = theme_text(
        EvidenceKind.TICKET,
        "Re: Tracking question",
        "This ticket was closed automatically because we haven't heard from you in 7 days. "
        "If you still need help, reply to this email and we'll reopen it.",
    )
    assert not says_something(read)


def test_housekeeping_is_left_unsorted_by_a_rebuild_and_by_filing(engine: Engine) -> None:
    rows = intent_rows()
    worded = add_tickets(engine, rows, 10000)
    noise = [{"text": text, "category": "none"} for text in (NOTICES + MANAGING) * 3]
    quiet = add_tickets(engine, noise, 20000)
    analyze(engine, StaticEmbedder())
    placed = placements(engine)
    assert not set(quiet) & set(placed)
    assert len(set(worded) & set(placed)) >= 0.95 * len(worded)
    again = placed_row(rows, worded, placed)
    later = add_tickets(engine, [{"text": MANAGING[0], "category": "none"}, again], 30000)
    analyze(engine, StaticEmbedder())  # filed incrementally: the same rule
    reply, complaint = sorted(later)
    assert reply not in placements(engine)
    assert complaint in placements(engine)
