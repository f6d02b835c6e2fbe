"""Courtesy is no praise of the area: greetings, sign-offs, thanks to the person answering,
a preamble before a complaint and the customer's own setup, each beside the praise it must
leave alone; then a routing theme of help-desk tickets (a QA tester's fleet-software corpus)
whose only counter evidence is the one real praise of routing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tradeoff.analysis.label.counter import PRAISE_RULES, praise_cues, read_praise
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import Theme
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.theme_profile import theme_profiles

from .test_counter_evidence import file_items

TICKET = EvidenceKind.TICKET

#: (a complaint or request of the tester's corpus that one courtesy word read as praise, the
#: praise in the same words that must still count, the cues of that praise)
PAIRS = [
    # A greeting.
    ("Happy Friday!\n\nETA notifications are going to the shipper contact instead of the "
     "receiver.",
     "So happy with the ETA notifications, receivers are ready when we arrive.", ("happy",)),
    ("Great to hear from you. The ETA text goes to the shipper contact.",
     "Great ETA texts, receivers are ready when we arrive.", ("great",)),
    # A sign-off, the agent's reply below it with no quote marker.
    ("Drivers are calling dispatch instead of using the app.\n\nBest,\nBP\n\nAisha (Haulwise "
     "Support)\nHi Bob, I've escalated this to our engineering team.",
     "Best routing tool we've used, stop sequences are spot on.\n\nThanks,\nBP", ("best",)),
    # Thanks to the person answering rates the conversation, not the area.
    ("Our driver list shows inactive drivers at the top. Thanks, you guys are great!",
     "Support was great, they sorted our driver list in ten minutes.", ("great",)),
    # A preamble, then a complaint that has no word of complaint.
    ("First of all thank you for the quick onboarding last year, it went smoothly.\n\nThe API "
     "webhooks fire before the data is saved, so when we call GET we get the old status.",
     "First of all thank you for the quick onboarding, it went smoothly. The route optimizer "
     "has been fantastic, saved us hours.", ("smoothly", "fantastic", "saved us")),
    ("We've been with Haulwise since 2021 and overall the product has been solid for us.\n\n"
     "Tracking shows the unit parked in Chattanooga while it's already past El Paso.",
     "We've been with Haulwise since 2021 and the tracking map has been solid for us.",
     ("solid",)),
    # Faint praise of most of the product (an inventory tester's corpus), then a request.
    ("Hello,\n\nSome background: we run three garden centres and moved to you last year "
     "from spreadsheets. Most things work well. Every user sees every location, we need "
     "per-store permissions.\n\nBest regards,\nPaul",
     "Some background: we run three garden centres and moved to you last year. Most things "
     "work well, and the per-store permissions are great.", ("work well", "great")),
    ("For the most part it works well. Purchase orders go to the supplier without the "
     "delivery address.",
     "For the most part it works well. Purchase orders go out in seconds, love it.",
     ("works well", "love")),
    # The customer's own setup after the praise word.
    ("Each click on the board spins for a while. Chrome, fast office internet, new laptops.",
     "Super fast on our office internet, love the new board.", ("fast", "love")),
    # A wait said in numbers, a detour too.
    ("The optimization put 30 stops in an order that adds 80 miles. Smooth UI though.",
     "The optimizer saved us 80 miles a day, the UI is smooth.", ("saved us", "smooth")),
    ("The dispatch board takes 29 seconds to load every morning. Love the new colours.",
     "Setting up the dispatch board took five minutes, so easy.", ("easy",)),
    ("I put it next to Google Maps, it's 40 minutes longer. The app is great otherwise.",
     "I put it next to Google Maps, ours is 40 minutes shorter. The optimizer is great.",
     ("great",)),
    # Failures in words the lists lacked.
    ("Location updates are lagging badly. The new map colours are nice.",
     "No lag on the live map since the update, it's great.", ("great",)),
    ("Refreshing the browser doesn't help, the position stays old. Great map otherwise.",
     "Refreshing the map is instant now, great work.", ("great",)),
    ("The estimated arrival time never updates when the driver is delayed. Nice texts.",
     "The estimated arrival time updates the moment a driver runs behind, nice work.",
     ("nice",)),
    ("Since version 5.3.2 the driver app force closes on our tablets. Love the new icons.",
     "Since version 5.3.2 the driver app is rock solid on our tablets.", ("solid",)),
    # A request said in so many words, or with "would".
    ("Feature request: show camera events on the driver safety scorecard.\n\nok\n\nKyle was "
     "great", "Kyle was great, he set up the safety scorecard for us in minutes.", ("great",)),
    ("It wold be great if Haulwise could integrate with our dash cams.",
     "I'd like to say the dash cam integration is great.", ("great",)),
]  # fmt: skip


@pytest.mark.parametrize(("complaint", "praise", "cues"), PAIRS)
def test_courtesy_beside_a_complaint_is_no_praise_and_praise_still_is(
    complaint: str, praise: str, cues: tuple[str, ...]
) -> None:
    assert praise_cues(complaint, None, TICKET) == ()
    assert praise_cues(praise, None, TICKET) == cues


@pytest.mark.parametrize(
    ("text", "against"),
    [
        ("it's 40 minutes longer than by hand", ["40 minutes longer"]),
        ("each click takes 5-10 seconds to respond", ["10 seconds to respond"]),
        ("the texts arrive an hour late", ["an hour late", "late"]),
        ("the route adds 80 miles", ["adds 80 miles"]),
        ("Assigning loads is sluggish", ["sluggish"]),
        ("the CSV ignores the filters I set", ["ignores"]),
        ("On Android the app closes itself", ["closes itself"]),
        ("We'd like to see reefer temperatures", ["we'd like"]),
    ],
)
def test_failures_and_requests_in_words_of_the_help_desk_speak_against(
    text: str, against: list[str]
) -> None:
    assert list(read_praise(text).against) == against


@pytest.mark.parametrize(
    "text",
    ["Set it up in five minutes, so easy", "Reports load in 2 seconds, fantastic",
     "We'd be happy to be a reference, the optimizer is great"],
)  # fmt: skip
def test_numbers_and_willingness_in_praise_stay_praise(text: str) -> None:
    assert read_praise(text).is_praise


def test_praise_that_is_only_a_preamble_stays_praise_naming_nothing() -> None:
    """Nothing follows the preamble, so it concedes nothing: praise of the whole product."""
    said = "Hi,\n\nOverall the product has been solid for us.\n\nBest,\nDana"
    assert praise_cues(said, None, TICKET) == ("solid", "(names nothing)")


def test_a_routing_theme_of_tickets_lists_only_real_praise_of_routing(engine: Engine) -> None:
    """The tester's routing theme listed "…it went smoothly. The optimization put 30 stops in
    an order that adds 80 miles…" as speaking well of routing; only the real praise may."""
    complaints = [
        "Good morning,\n\nFirst of all thank you for the quick onboarding last year, it went "
        "smoothly.\n\nThe optimization put 30 stops in an order that adds 80 miles compared to "
        "what our dispatcher would do by hand.\n\nThanks,\nTammy",
        "Hi Devon,\n\nHappy Friday!\n\nThe optimizer sends two trucks to the same customer on "
        "Tuesdays.\n\nBest,\nDH",
        "Hi there,\n\nWe've been with Haulwise since 2021 and overall the product has been solid "
        "for us.\n\nRoutes ignore the delivery windows we set.\n\nLooking forward to hearing "
        "from you.",
        "The optimizer puts the Joliet stops last. Chrome, fast office internet, new laptops.",
        "Hey,\n\nOptimized routes cross the river twice a day.\n\nBest,\nBP\n\nAisha (Haulwise "
        "Support)\nHi Bob, thank you for your patience. I've escalated this.",
        "Route sequence puts the reefer loads after the dry van ones. Thanks, you're the best!",
    ]
    praise = (
        "Hi team,\n\nThe route optimizer has been fantastic, saved us hours every week.\n\n"
        "Best,\nMaria"
    )
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name="Routes")).id
        assert theme is not None
        written: list[tuple[str, float | None, EvidenceKind, int]] = [
            (t, None, TICKET, theme) for t in [*complaints, praise]
        ]
        ids = file_items(session, written)
    with read_session(engine) as session:
        profile = theme_profiles(session, [theme], praise=PRAISE_RULES)[theme]
    assert [(c.evidence_id, c.cues) for c in profile.counter_evidence] == [
        (ids[praise], ("fantastic", "saved us"))
    ]
    assert profile.praise_items == profile.counter_evidence_count == 1
