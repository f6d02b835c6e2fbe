"""Reading praise without a sentiment model: each rule on the words that trigger it, then a
theme of real Banking77 tickets where only the planted praise may come out as counter
evidence."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.analysis.label.counter import PRAISE_RULES, praise_cues, read_praise, speaking_well
from tradeoff.analysis.theme_page import theme_page
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.theme_profile import theme_profiles

SUBSET = Path(__file__).resolve().parents[2] / "demo" / "source" / "banking77_subset.csv"
REVIEW, TICKET, SURVEY = EvidenceKind.REVIEW, EvidenceKind.TICKET, EvidenceKind.SURVEY


@pytest.mark.parametrize(
    ("text", "cues", "against"),
    [
        ("Card arrived in two days and activation was easy.", ["easy"], []),
        ("Thanks, the new tracking page works great!", ["works great"], []),
        ("Exporting is so easy now, works like a charm", ["easy", "works like a charm"], []),
        ("Couldn’t be happier with same-day transfers.", ["couldn't be happier"], []),
        ("No complaints so far. Would recommend to any café owner.",
         ["no complaints", "would recommend"], []),
        ("Never crashes, super smooth.", ["smooth"], []),
        # Gratitude for what someone did (a QA tester's support praise, missed before);
        # "late" is their effort there, not a late delivery.
        ("Huge thanks to the support team for staying late to help us before our deadline!",
         ["huge thanks"], []),
        ("Walked us through everything patiently, thank you. Really appreciated.",
         ["really appreciated"], []),
        ("Fixed it on the first call. You made my week.", ["made my week"], []),
        ("I would really appreciate it if I could get a full refund back now.", [], []),
        ("Huge thanks, but the payroll run still fails.", ["huge thanks"], ["but", "fails"]),
        # Negation, three words back within the clause; curly and missing apostrophes too.
        ("Ordering cards is not easy.", [], ["not easy"]),
        ("The export isn't as fast as it used to be.", [], ["isn't as fast"]),
        ("Honestly, not very intuitive", [], ["not very intuitive"]),
        ("dont love the new card design", [], ["dont love"]),
        ("It doesn’t work well on Android", [], ["doesn't work well"]),
        ("Face ID is not working since the update", [], ["not working"]),
        # Wishes, requests and let-down expectations are demand, not praise; a wish said
        # with "would" speaks against the whole item.
        ("It would be great if exports were faster", [], ["would be great"]),
        ("I'd love a dark mode", [], ["i'd love"]),
        ("Customer asks for faster card delivery to Germany", [], []),
        ("I thought it was easy to add a second director", [], []),
        ("Top-ups used to be fast", [], []),
        # Questions ask about the area; they do not judge it.
        ("How fast can I get a replacement card", [], []),
        ("Is it easy to change my PIN?", [], []),
        # Politeness and urgency.
        ("Good morning, have a great day", [], []),
        ("Please send the card as fast as possible", [], []),
        ("Thanks for the quick reply.", [], []),
        # Mixed items are complaints about the other half.
        ("Love the app but the card took three weeks", ["love"], ["but"]),
        ("Money out is easy. Knowing what the money was for is hard.", ["easy"], ["hard"]),
        ("Great app, crashes on the cards tab though", ["great"], ["crashes", "though"]),
        # Manner words count only where they report how something went or is.
        ("Support fixed my sync issue quickly, great job", ["quickly", "great"], []),
        ("The bank feed has worked smoothly since the update", ["smoothly"], []),
        ("Setup was quick and painless", ["quick"], []),
        ("Super fast!", ["fast"], []),
        ("I need it fast", [], []),
        ("I have to quickly transfer something to China.", [], []),
        ("It's very important that I get my refund quickly.", [], []),
        ("Get this resolved quickly.", [], []),
        # A problem put right is no complaint; one not put right is.
        ("The bug was resolved in a day, very helpful", ["helpful"], []),
        ("The bug was never fixed", [], ["bug"]),
        # A habit framed in the past is the expectation a complaint is measured against.
        ("I normally have no issues making transfers", [], []),
        ("I have done this before with no issues.", [], []),
        ("The sync worked perfectly before the update", [], []),
        ("Much easier than before", ["easier"], []),
        ("Card arrived before the weekend, great", ["great"], []),
        # Turns for the worse and complaints asked speak against the whole item.
        ("My withdrawals were going smooth until I got declined today.", ["smooth"],
         ["until", "declined"]),
        ("I normally have no issues making transfers, so why am I suddenly being told it is "
         "not possible?", [], ["why", "suddenly", "not possible"]),
        ("Transfers were always quick, what happened?", [], ["what happened"]),
        ("That's why I love this app", ["love"], []),
        # A request after the cue; an expectation after it is praise; idioms keep their wish.
        ("I'm happy with Mastercard and want to stick with just that credit card.", [], []),
        ("Easier than I thought", ["easier"], []),
        ("Great tool and would recommend", ["great", "would recommend"], []),
        ("No issues since the last release, thanks!", ["no issues"], []),
        # Failures said without a problem word of old speak against too.
        ("Reminders don't fire on Android 14. Email reminders work great.", ["work great"],
         ["don't fire"]),
        ("Uploads time out and the page is unresponsive", [], ["time out", "unresponsive"]),
        ("We get HTTP 503 every night, whereas staging is fast", ["fast"], ["http 503", "whereas"]),
        ("Sales keeps asking for it, a timeline would be nice", [],
         ["keeps asking", "would be nice"]),
        ("please add subtasks, the board is nice", ["nice"], ["please add"]),
        # Willingness, "fine", a "would" after the cue and the customer's own setup: no cue.
        ("Happy to share logs", [], []),
        ("The web app works fine", [], []),
        ("A simple checklist would help", [], []),
        ("My wifi is fast", [], []),
    ],
)  # fmt: skip
def test_words_that_speak_for_and_against(text: str, cues: list[str], against: list[str]) -> None:
    reading = read_praise(text)
    assert (list(reading.cues), list(reading.against)) == (cues, against)
    assert reading.is_praise == (bool(cues) and not against)


@pytest.mark.parametrize(
    ("text", "rating", "kind", "cues"),
    [
        ("Finally a bank app that works", 5, REVIEW, ("rated 5 of 5",)),
        ("Card arrived fast", 4, REVIEW, ("fast", "rated 4 of 5")),
        ("Tracking is not easy to find in the app.", 4, REVIEW, ()),
        ("Loved it until the update", 1, REVIEW, ()),
        # NPS rates the whole product on 0-10; helpdesk satisfaction rates the agent.
        ("Statements section", 10, SURVEY, ()),
        ("Card still missing", 1, TICKET, ()),
        ("Transfers just go, I love it", 1, TICKET, ("love",)),
    ],
)
def test_only_review_stars_count_and_words_can_veto_them(
    text: str, rating: float, kind: EvidenceKind, cues: tuple[str, ...]
) -> None:
    assert praise_cues(text, rating, kind) == cues


#: Banking77 customer queries (train and test) that single cue words read as praise: a new
#: user's trial showed the first four as the only counter evidence of their themes.
BANKING77_COMPLAINTS = [
    "Hello, I recently ordered an item and I need help with cancelling and processing a refund "
    "as soon as possible. It's very important that I get my refund quickly.",
    "My withdrawals were going smooth until I got declined today. What is going on?",
    "I normally have no issues making transfers, so why am I suddenly being told it is not "
    "possible?",
    "I have to quickly transfer something to China. How long will it take to arrive there?",
    "The wait for this transfer seems to be taking a very long time.  It is very important "
    "that it goes through quickly. Can you please tell me how long it may take?",
    "Just received a message that my transfer is not possible??  What is going on.  I have "
    "done this before with no issues.",
    "Could you please explain why I received a message that my transfer is not possible? "
    "I've never had any problems making a transfer in the past.",
    "I'm happy with Mastercard and want to stick with just that credit card.",
    "I have to transfer something to China as fast as I can. How long will it take to arrive "
    "in China?",
    "Why isn't my transfer going through? I get a message saying it's not possible. I've had "
    "no issues in the past.",
    "I was just contacted by a seller that let me know they didn't get my money even though "
    "I'm very sure it was removed from my account. Now it's back in my account. Get this "
    "resolved quickly.",
]

#: Praise as reviews and NPS comments put it: precision must not cost these.
SAID_IN_PRAISE = [
    "Love the new invoicing flow, it saves me hours",
    "Support fixed my sync issue quickly, great job",
    "The bank feed has worked smoothly since the update",
    "No issues since the last release, thanks!",
    "Easiest expense tool we've used",
    "Card arrived fast",
    "Delivery was lightning fast",
    "Top-ups are quick now",
    "Refund was processed quickly",
    "Payroll ran smoothly this month",
    "Thanks for sorting my account so fast",
    "Thank you for fixing the export so quickly!",
    "Zero problems so far, everything syncs instantly",
    "Faster than I expected",
    "Everything just works",
    "Our accountant loves the reports",
    # Praise a QA tester's B2B corpus holds: the rules for failures, wishes and setup keep it.
    "Love the Jira sync, our developers never have to leave Jira. Keep it up!",
    "The Gantt view is great, we plan every launch with it",
    "Support answered in ten minutes, super helpful",
    # "rest" as the area, not the rest of something else.
    "The rest timer between intervals is great",
    "Exporting my runs to GPX is really easy, love it.",
    # Those failure words negated are praise still.
    "The free version is great and the ads are not intrusive at all",
    "Battery life is great, it never drains on long runs",
]


@pytest.mark.parametrize("text", BANKING77_COMPLAINTS)
def test_urgency_habits_and_complaints_are_not_praise(text: str) -> None:
    assert praise_cues(text, None, TICKET) == ()


def test_held_back_praise_is_no_cue_but_other_praise_in_the_item_counts() -> None:
    """A QA tester's "mostly love it. Love the theme editor!" lost its praise to the hedge."""
    said = (
        "We've been on Cartwell for about two years and mostly love it. Love the theme "
        "editor! I redesigned my whole homepage. Keep up the good work."
    )
    assert praise_cues(said, None, SURVEY)[:1] == ("love",)
    assert praise_cues("Mostly love it.", None, SURVEY) == ()


@pytest.mark.parametrize("text", SAID_IN_PRAISE)
def test_praise_as_customers_write_it_still_counts(text: str) -> None:
    assert praise_cues(text, None, SURVEY) != ()


#: Complaints and requests of a B2B SaaS corpus a QA tester built, each read as praise by
#: one word: praise of the customer's own setup or another platform beside a failure,
#: willingness, a wish with "would" (misspelled too) after or before the cue, a request.
QA_COMPLAINTS = [
    "The board page loads forever and sometimes shows 'page unresponsive'. Internet "
    "connection is fast, other apps are fine.",
    "Push alerts for due dates don't fire on iOS 17. Desktop notifications work fine.",
    "Our integration hits the API rate limit constantly, we get HTTP 429 Too Many Requests. "
    "We're happy to pay for a higher tier.",
    "dark mode pls!!! my eyes Even a simple high-contrast theme would help.",
    "wolud love to see timesheets per person per week. our finance team keeps asking for it.",
    "Time estimates vs actual hours logged wuold be super helpful for planning.",
    "Mobile push notifications arrive hours late, sometimes the next day. Desktop "
    "notifications work fine.",
    "Main thing holding back a 10: Dark mode wuold be amazing, the bright UI gives me headaches.",
    # Praise held back, then the complaint (a QA tester's NPS 1 and NPS 5 answers).
    "we've been on cartwell for about two years and mostly love it. Local delvery is charging "
    "the full shiping fee on every order",
    "Checkout is fairly easy to use. Shipping rates for Canada are calculated wrong though.",
    # Praise of the rest of the product after a complaint (a QA tester's fitness app).
    "There's no way to export my runs as GPX files. Otherwise love the app.",
    "The TCX export corrupts the heart rate data. The rest of the app is great.",
    "I get an ad before I can even start tracking, ridiculous. Apart from that, the app is great.",
    "Heart rate readings are way too high during easy runs. Thanks.",
    # A failure said in a word the lists lacked, then praise of the rest (a verifier's probe).
    "The TCX export corrupts the heart rate data. Great app otherwise, thanks!",
    "The TCX export corrupts the heart rate data. Other than this, 5 stars.",
    "The TCX export corrupts the heart rate data. Still the best running app out there.",
    "Kudos notifications are spammy",
]


@pytest.mark.parametrize("text", QA_COMPLAINTS)
def test_complaints_with_a_praise_word_beside_a_failure_or_wish_are_not_praise(
    text: str,
) -> None:
    assert praise_cues(text, None, TICKET) == ()


#: The same rules in other words, each beside praise they must leave alone: the first of a
#: pair is a complaint or a request, the second praise.
PAIRS = [
    # A failure anywhere outweighs praise of another part, platform or setup.
    ("The timeline spins forever. My laptop is fast, every other site loads.",
     "Forever grateful for the CSV importer, it saved us a week"),
    ("Comments from Slack never sync, whereas email is fast.",
     "We never have to open Excel anymore, reporting is so easy"),
    ("Guests keep seeing private boards. Everything else is great.",
     "The roadmap view keeps getting better, great work"),
    ("We get HTTP 502 every morning. Love the charts.",
     "We have 500 users and love it"),
    ("Our network is fast and other tools are quick.", "Works great even on hotel wifi"),
    # Willingness, wishes and requests are demand.
    ("Happy to test a fix for the export.", "So happy to see the new timeline view"),
    ("Woud love an offline mode for site visits.", "Love the offline mode for site visits"),
    ("A portfolio view would've been useful.", "Great tool and would recommend"),
    ("Subtasks pls. A simple checklist would be enough.", "Keep up the good work, so simple"),
    # How support answers is reported like how a thing works (an inventory tester's survey).
    ("Nobody replies quickly when the scanners are down.",
     "Support always answers quickly and kindly."),
    ("I need support to answer quickly on month end.", "They reply promptly, even on weekends."),
    # Praise of how it was, a year ago, is a let-down now.
    ("It was faster last year.", "It is faster than last year's version."),
    # "Outstanding" praises a service; of an invoice or a ticket it means unpaid or open.
    ("Three invoices are still outstanding and the ticket is outstanding too.",
     "Thank you support for the quick help with our setup, outstanding service."),
]  # fmt: skip


@pytest.mark.parametrize(("complaint", "praise"), PAIRS)
def test_failures_setup_willingness_and_wishes_beside_praise(complaint: str, praise: str) -> None:
    assert read_praise(complaint).is_praise is False
    assert read_praise(praise).is_praise is True


@pytest.mark.parametrize(
    "text",
    [
        "Big fan of the Jira connector, it keeps our engineering and product boards aligned.",
        "Support was super responsive and solved my issue in an hour, thank you!",
        "Jira integration is graet, setting it up took five minutes. Keep it up!",
    ],
)
def test_praise_said_as_a_fan_responsive_or_keep_it_up_counts(text: str) -> None:
    assert praise_cues(text, None, SURVEY) != ()


#: A QA tester's app-store reviews (stars as given) that read as praise on their stars alone,
#: or on a praise word beside a gripe or a wish: requests and complaints, all of them.
STARRED_REQUESTS = [
    ("We need an export of expenses to CSV for our accountant.", 4),
    ("i want to tag expenses by project", 5),
    ("Please respect the system dark mode on iOS.", 5),
    ("Bright white background at 11pm is brutal, give us a dark theme. Otherwise fine.", 5),
    ("So can you add a monthly spending breakdown chart.", 4),
    ("It should remember my last payee.", 4),
    ("Great overall, my only gripe is that transfers to other banks still take three days.", 5),
    ("Love the app. Wish transfers didn't take three days.", 5),
]


@pytest.mark.parametrize(("text", "stars"), STARRED_REQUESTS)
def test_stars_given_to_a_request_or_beside_a_gripe_are_not_praise(text: str, stars: int) -> None:
    assert praise_cues(text, stars, REVIEW) == ()


@pytest.mark.parametrize(
    ("text", "stars", "cues"),
    [
        ("Does what it says.", 5, ("rated 5 of 5",)),
        ("Support helped me, and I could finally pay my supplier.", 4, ("rated 4 of 5",)),
        ("Just wanted to say customer support was amazing", None, ("amazing",)),
        ("Wanted to thank the team, onboarding was so easy!", None, ("easy",)),
        ("The agent was friendly and sorted it out.", None, ("friendly",)),
        ("The refund arrived immediately.", None, ("immediately",)),
    ],
)
def test_plain_stars_saying_and_friendliness_still_count(
    text: str, stars: int | None, cues: tuple[str, ...]
) -> None:
    kind = REVIEW if stars else SURVEY
    assert praise_cues(text, stars, kind) == cues


@pytest.mark.parametrize(
    "text",
    ["I just wanted to transfer money quickly", "I need my card replaced immediately."],
)
def test_wanting_something_done_fast_is_still_no_praise(text: str) -> None:
    assert praise_cues(text, None, SURVEY) == ()


def test_the_count_of_praise_is_said_with_its_verb_agreeing() -> None:
    assert speaking_well(1) == "1 item speaks well of it"
    assert speaking_well(2) == "2 items speak well of it"
    assert speaking_well(1200, "the area") == "1,200 items speak well of the area"


def test_real_support_tickets_are_not_praise_and_the_fast_path_agrees() -> None:
    """Banking77's customer queries are questions and problems; "everything seems good"
    or "I have never had a problem before" inside one must not make it praise."""
    with SUBSET.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    assert len(texts) > 2000
    assert [t for t in texts if read_praise(t).is_praise] == []
    planted = ["Works great", "love it", "x_love", "works - great", "Couldn’t be happier"]
    for text in texts + planted:
        reading = read_praise(text)
        cues = praise_cues(text, None, TICKET)
        # Praise that names nothing ("Works great") carries the marker after its words.
        assert PRAISE_RULES.shown(cues) == (reading.cues if reading.is_praise else ())


def file_items(
    session: Session, written: list[tuple[str, float | None, EvidenceKind, int]]
) -> dict[str, int]:
    """Each (text, rating, kind, theme) as an item an hour after the one before, filed in
    its theme; text → the id of the first item with it."""
    start = datetime(2026, 3, 1, 8, tzinfo=UTC)
    ids: dict[str, int] = {}
    for number, (text, rating, kind, theme) in enumerate(written):
        item = repository.add(
            session,
            EvidenceItem(
                source="app_store" if kind is REVIEW else "zendesk",
                external_id=str(number),
                kind=kind,
                text=text,
                rating=rating,
                created_at=start + timedelta(hours=number),
            ),
        )
        assert item.id is not None
        ids.setdefault(text, item.id)
        repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme))
    return ids


def test_a_theme_of_real_tickets_lists_only_the_planted_praise(engine: Engine) -> None:
    with SUBSET.open(encoding="utf-8", newline="") as handle:
        tickets = [r["text"] for r in csv.DictReader(handle) if r["category"] == "card_arrival"]
    reviews = [
        ("Card arrived in two days, activation was easy.", 5.0),
        ("Tracking is not easy to find in the app.", 4.0),
        ("Ordered a card for a new employee and it took almost three weeks.", 2.0),
        ("The delivery updates are brilliant, love the new tracking page.", 4.0),
    ]
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name="Card arrival")).id
        assert theme is not None
        written = [(t, None, TICKET) for t in tickets] + [(t, r, REVIEW) for t, r in reviews]
        ids = file_items(session, [(text, rating, kind, theme) for text, rating, kind in written])
    with read_session(engine) as session:
        profile = theme_profiles(session, [theme], praise=PRAISE_RULES)[theme]
    assert profile.items == len(tickets) + len(reviews)
    assert [(c.evidence_id, c.cues) for c in profile.counter_evidence] == [
        (ids[reviews[3][0]], ("brilliant", "love", "rated 4 of 5")),
        (ids[reviews[0][0]], ("easy", "rated 5 of 5")),
    ]
    assert profile.praise_items == profile.counter_evidence_count == 2


def test_praise_naming_nothing_is_praise_but_no_counter_evidence(engine: Engine) -> None:
    """An NPS "No complaints :)" or a 5-star "Great app!" that discovery filed in a
    complaint theme says nothing about its area: no counter evidence, though still praise,
    so a theme of such comments stays a praise theme."""
    complaints = [
        f"Payroll export to {tool} fails with a timeout every Friday"
        for tool in ("Xero", "QuickBooks", "Sage", "DATEV", "FreeAgent", "Exact", "MYOB")
    ]
    generic = [("No complaints :)", None, SURVEY), ("Great app!", 5.0, REVIEW)]
    specific = ("The new payroll export is so fast now, love it", None, SURVEY)
    with write_session(engine) as session:
        export_id, praise_id = (
            repository.add(session, Theme(name=n)).id for n in ("Export", "Praise")
        )
        assert export_id is not None
        assert praise_id is not None
        written = [(t, None, TICKET) for t in complaints] + [*generic, specific]
        ids = file_items(
            session,
            [(*item, export_id) for item in written]
            + [(*item, praise_id) for item in [*generic, *generic]],
        )
    with read_session(engine) as session:
        profiles = theme_profiles(session, [export_id, praise_id], praise=PRAISE_RULES)
    export, praise = profiles[export_id], profiles[praise_id]
    assert export.praise_items == 3
    assert export.counter_evidence_count == 1
    assert [(c.evidence_id, c.cues) for c in export.counter_evidence] == [
        (ids[specific[0]], ("fast", "love"))
    ]
    assert (praise.items, praise.praise_items) == (4, 4)  # a praise theme: none is "counter"
    assert (praise.counter_evidence_count, praise.counter_evidence) == (0, ())


def test_counter_evidence_is_never_also_a_quote(engine: Engine) -> None:
    """The praise sits closest to the theme's centre, so closeness alone would quote it: the
    items listed as counter evidence, and one in the very words of one, give way to the next."""
    cities = "Leeds Porto Lyon Ghent Basel Turin Malmo Cork Graz Brno Split Kiel Bari Linz"
    waits = [
        "two weeks of waiting",
        "a courier strike",
        "three reminders",
        "an address change",
        "the bank holiday",
        "a lost parcel claim",
        "the replacement order",
        "my renewal email",
        "a second activation code",
        "the branch called twice",
        "a month abroad",
        "our office move",
        "the PIN letter came",
        "tracking said delivered",
    ]
    complaints = [
        f"My card for the {city} office still has not arrived after {wait}"
        for city, wait in zip(cities.split(), waits, strict=True)
    ]
    praise = [
        "Love the new tracking page, it works great.",  # not listed: the newest five are
        "Tracking updates were quick, brilliant.",
        "The courier page is so easy to use.",
        "Delivery was lightning fast, thank you.",
        "Activation was effortless.",
        "Love the new tracking page, it works great.",
    ]
    start = datetime(2026, 3, 1, 8, tzinfo=UTC)
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name="Card arrival")).id
        assert theme is not None
        ids: list[int] = []
        scored = [(t, 0.99 - n / 200) for n, t in enumerate(praise)]
        scored += [(t, 0.9 - n / 100) for n, t in enumerate(complaints)]
        for number, (text, score) in enumerate(scored):
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=str(number),
                    kind=TICKET,
                    text=text,
                    created_at=start + timedelta(hours=number),
                ),
            )
            assert item.id is not None
            ids.append(item.id)
            repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme, score=score))
    page = theme_page(engine, theme)
    counter = [c.evidence_id for c in page.profile.counter_evidence]
    assert counter == ids[5:0:-1]  # the newest five of the six
    assert page.profile.counter_evidence_count == 6
    quoted = [q.evidence_id for q in page.quotes]
    assert quoted == ids[6:11]  # the most central complaints, not the praise
    assert not set(quoted) & set(ids[:6])
