"""Long tickets are read for the problem they state, not the background around it."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.analysis.test_email_tickets import add_emails
from tests.analysis.themed import intent_rows, links, themes
from tradeoff.analysis.discover import discover
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.metrics import normalized_mutual_information
from tradeoff.analysis.run import analyze
from tradeoff.analysis.text.problem_statement import (
    LONG_WORDS,
    problem_excerpt,
    problem_statement,
)
from tradeoff.analysis.text.theme_text import as_quoted, as_said, theme_text
from tradeoff.analysis.theme_page import theme_page
from tradeoff.domain.enums import EvidenceKind
from tradeoff.reports.report import build_report

#: Who a fleet operator is, as their tickets tell it before getting to the point.
FLEET = (
    "We are a 140-truck regional carrier based in Columbus, Ohio, and we have been on your "
    "platform since 2019, when we moved off paper logs. Our dispatch team is six people "
    "across two shifts, and our safety manager, Renee, handles the ELD audits every quarter. "
    "Last year we added 30 trucks from an acquisition in Indiana, and the onboarding went "
    "smoothly. We set up the fuel card integration with WEX around the same time without "
    "any trouble, and the IFTA reports have been reliable since. Most of our drivers run "
    "the Android driver app on Samsung tablets mounted in the cab, and a few older units "
    "still use phones. We also use your maintenance module for oil changes and DOT "
    "inspections, which our shop foreman Luis keeps up to date."
)
TRIED = (
    "So far Renee has logged out and back in on two tablets, and we reinstalled the driver "
    "app on one of them. Dispatch also tried from the web dashboard on a different laptop."
)


def words(text: str) -> int:
    return len(text.split())


def test_a_problem_stated_first_is_read_without_the_background() -> None:
    problem = "Since this morning's update our drivers can't see today's routes in the app."
    ticket = f"Hi team,\n\n{problem}\n\n{FLEET}\n\n{TRIED}\n\nThanks,\nMarcus Bell\nDispatch lead"
    assert words(as_said(EvidenceKind.TICKET, ticket)) > LONG_WORDS
    assert theme_text(EvidenceKind.TICKET, None, ticket) == problem


@pytest.mark.parametrize(
    "problem",
    [
        "Double booking: the schedule lets two trucks overlap on the same dock without warning.",
        "The dispatch board is very slow to load with more than 200 loads in a week.",
        "The driver app freezes when a driver opens the inspection checklist.",
    ],
)
def test_slowness_freezing_and_overlaps_state_a_problem(problem: str) -> None:
    """A QA corpus's long tickets stated their problem so, with no other cue: read whole,
    their quotes were 300 characters of background."""
    ticket = f"Hi team,\n\n{FLEET}\n\n{problem}\n\nThanks,\nMarcus Bell"
    assert theme_text(EvidenceKind.TICKET, None, ticket) == problem


def test_a_problem_in_the_middle_is_read_with_the_sentence_it_points_back_to() -> None:
    """A sentence opening "They stopped syncing" says what stopped only with the one
    before it."""
    problem = (
        "Our drivers' hours of service logs feed the roadside inspection screen. They "
        "stopped syncing on Tuesday and the dashboard shows an error for 14 trucks."
    )
    ticket = f"Hello,\n\n{FLEET}\n\n{problem}\n\n{TRIED}\n\nRegards,\nRenee"
    assert theme_text(EvidenceKind.TICKET, None, ticket) == problem.replace(". They", ".\nThey")


def test_a_problem_stated_last_is_read_and_what_went_well_is_not() -> None:
    """The background names fuel cards and IFTA reports going well; the problem is the
    maintenance reminders."""
    problem = (
        "Why are the preventive maintenance reminders firing at the wrong odometer reading "
        "for the new trucks?"
    )
    ticket = f"{FLEET}\n\n{TRIED}\n\n{problem}"
    read = theme_text(EvidenceKind.TICKET, "PM reminders", ticket)
    assert read == f"PM reminders\n{problem}"
    assert "fuel card" not in read
    assert "IFTA" not in read


def test_a_restated_problem_is_read_both_times() -> None:
    problem = "The IFTA report is missing all the miles driven in Texas for March."
    again = "So, in short: is there a way to get the Texas miles back into the report?"
    ticket = f"{problem}\n\n{FLEET}\n\n{again}"
    assert problem_statement(ticket) == f"{problem}\n{again}"


def test_a_long_message_with_no_cue_is_read_whole() -> None:
    """Nothing asks or names trouble ("had his wallet taken" only tells): read as before."""
    ticket = f"{FLEET}\n\nOne of our drivers had his wallet taken at a truck stop in Dayton."
    assert problem_statement(ticket) == ticket


def test_a_plea_that_names_nothing_is_not_read_alone() -> None:
    """Read alone, "Can you help?" would group long tickets by how people ask."""
    ticket = (
        f"{FLEET}\n\nSince Monday our invoices show last year's VAT rate for every customer."
        "\n\nCan you help? Please advise asap."
    )
    assert problem_statement(ticket) == ticket


def test_a_short_message_is_read_as_before() -> None:
    """At most ``LONG_WORDS`` words: the background is part of a short message's topic
    and Banking77's queries (84 words at most) read exactly as before."""
    message = (
        "We are a 40-truck carrier and have used your platform since 2021 without any "
        "trouble. Since Monday the driver app won't load today's routes. Can you help?"
    )
    assert words(message) <= LONG_WORDS
    assert problem_statement(message) == message
    assert theme_text(EvidenceKind.TICKET, None, message) == message


def test_curly_apostrophes_and_lower_case_sentences_are_read() -> None:
    """Phones type "can’t", and customers open sentences in lower case."""
    ticket = f"{FLEET} the dashcam clips can’t be downloaded from the portal anymore. thanks"
    assert problem_statement(ticket) == (
        "the dashcam clips can’t be downloaded from the portal anymore."
    )


@pytest.mark.parametrize(
    "kind",
    [
        EvidenceKind.INTERVIEW,
        EvidenceKind.CALL,
        EvidenceKind.REVIEW,
        EvidenceKind.SURVEY,
        EvidenceKind.DEAL_NOTE,
    ],
)
def test_only_messages_sent_for_help_are_read_for_their_problem(kind: EvidenceKind) -> None:
    """A note holds several problems and the interviewer's questions; a review or answer is
    a verdict whose praise is content; a deal note is the seller's account."""
    long = f"{FLEET}\n\nWhy does the driver app log everyone out every afternoon?"
    assert theme_text(kind, None, long) == as_said(kind, long)


@pytest.mark.parametrize(
    "kind", [EvidenceKind.TICKET, EvidenceKind.CHAT, EvidenceKind.INTERNAL_REQUEST]
)
def test_what_the_customer_said_stays_whole(kind: EvidenceKind) -> None:
    """Quotes, copies and keyword search read ``as_said``: the whole message."""
    ticket = f"{FLEET}\n\nWhy does the driver app log everyone out every afternoon?"
    assert as_said(kind, ticket) == ticket
    assert theme_text(kind, None, ticket) == (
        "Why does the driver app log everyone out every afternoon?"
    )


#: Five customers, each telling the same background on every ticket they send, whatever
#: it is about; some of it names the test's own topics in passing (cards that arrived,
#: transfers that went through).
BACKGROUNDS = [
    (
        "We are a 60-person catering company based in Leeds and have banked with you since "
        "2018. Our finance team is three people: Sarah does payroll, Marco handles supplier "
        "payments and I approve anything over £2,000. We ordered cards for the kitchen "
        "managers last spring and they all arrived within a week. Most of our staff are "
        "paid every fortnight from the main account, and we keep a separate pot for VAT. "
        "Back in 2021 we moved all our suppliers onto monthly invoicing, and our accountant "
        "reconciles everything in Xero at the end of each month. We run three sites, a "
        "central kitchen and two cafés, and the managers at each one send their receipts to "
        "Marco every Friday. Our busy season is December, when the office parties start."
    ),
    (
        "I'm the office manager at Greenway Cleaning, a family-run business with about 85 "
        "cleaners across Bristol. We switched to you from Barclays in 2019 because the fees "
        "were lower, and transfers to our suppliers have always gone through the same day. "
        "Each of our team leaders has a spending limit of £500 a month, which we top up "
        "every Monday. Over the summer we grew from 50 people to nearly twice that, and "
        "Helen took over the accounts from a colleague who retired. We export the "
        "statements every month into QuickBooks and our auditors visit in November. Most "
        "of our contracts are offices and schools, so our team works early mornings and "
        "evenings, and the team leaders do their banking on their phones between jobs."
    ),
    (
        "I work as a freelance translator and most of my clients are in Spain and Portugal, "
        "so I get paid in euros and spend in pounds. I moved to Manchester from Lisbon six "
        "years ago and opened my account with you shortly after. I mostly use the iPhone "
        "app, and the website when I'm at my desk doing invoices. Setting up Apple Pay was "
        "easy and my replacement card came quickly when the old one expired. I travel back "
        "to Portugal a few times a year for work, usually for a week or two, and I keep a "
        "separate savings pot for my tax bill. My clients are mostly law firms and a few "
        "publishers, and some of them pay late, so I watch the account closely at the end "
        "of each quarter when my invoices fall due."
    ),
    (
        "Some context: we are a 25-person design studio in Glasgow and have been customers "
        "for five years. Our studio manager Kofi handles the company cards and I look after "
        "the books in FreeAgent. Last year we opened a second office in Dublin and took on "
        "four new designers there. The identity checks for the new directors went smoothly "
        "and the direct debits for rent and software go out on time every month. Our busy "
        "season runs from September to December, when most of our client payments come in "
        "and we pay our freelancers. We work mostly for "
        "museums, festivals and a couple of whisky brands, and our freelancers invoice us "
        "at the end of each project, sometimes from abroad."
    ),
    (
        "My partner and I run a small removals business out of Cardiff with six vans and "
        "twelve staff. We joined in 2020 during your business launch offer, after a long "
        "time with a high-street bank. The drivers each have a card for fuel and tolls, and "
        "we top those up by bank transfer every week, which has been reliable. In March we "
        "went through an audit, which took most of our time, and we changed accountants "
        "afterwards. I do most of the banking from an Android phone between jobs, so the "
        "app is what I rely on. Most of our jobs are house "
        "moves around South Wales, with the odd trip to London or Bristol, and customers "
        "usually pay a deposit a week before the move and the rest on the day."
    ),
]


def long_tickets() -> list[tuple[str, str]]:
    """(ticket, intent): each of the fixture's Banking77 queries sent by one of the five
    customers, stated at the start, in the middle or at the end of their background."""
    tickets = []
    for number, row in enumerate(intent_rows()):
        background = BACKGROUNDS[number % len(BACKGROUNDS)]
        first, _, rest = background.partition(". ")
        query, place = row["text"], (number // len(BACKGROUNDS)) % 3
        body = [
            f"{query}\n\n{background}",
            f"{first}. {query}\n\n{rest}",
            f"{background}\n\n{query}",
        ][place]
        tickets.append((f"Hi,\n\n{body}\n\nThanks,\nJo", row["category"]))
    return tickets


def test_long_tickets_read_whole_group_by_customer_not_by_problem() -> None:
    """The fixture is hard: read whole, the static vectors group the tickets by the
    background each customer repeats (measured NMI 0.00 against 0.68 read for the problem)."""
    tickets = long_tickets()
    read = [as_said(EvidenceKind.TICKET, text) for text, _ in tickets]
    assert min(words(r) for r in read) > LONG_WORDS
    found = discover(StaticEmbedder().embed(read)).themes.tolist()
    assert normalized_mutual_information([i for _, i in tickets], found) < 0.3


def test_analysis_themes_long_tickets_by_the_problem_they_state(engine: Engine) -> None:
    intents = add_emails(engine, long_tickets())
    analyze(engine, StaticEmbedder())
    stored = {t.id: t for t in themes(engine)}
    top = {e.evidence_id: e.theme_id for e in links(engine) if stored[e.theme_id].parent_id is None}
    placed = sorted(top)
    assert len(placed) >= 0.9 * len(intents)
    # Measured 0.70 (the plain queries of these intents: 0.59, tests/analysis/test_run.py);
    # the tickets read whole, as before, 0.06: a theme per customer.
    truth, found = [intents[i] for i in placed], [top[i] for i in placed]
    assert normalized_mutual_information(truth, found) >= 0.5
    # The largest theme's quotes show the problems, not the backgrounds they open with.
    largest = max(set(found), key=found.count)
    quotes = theme_page(engine, largest).quotes
    assert quotes
    for quote in quotes:
        assert quote.text.startswith("… ") or quote.text.endswith(" …")
        assert words(quote.text) <= LONG_WORDS
    # The report quotes them the same way.
    entry = next(t for t in build_report(engine).themes if t.id == largest)
    assert entry.quotes
    assert all(q.text.startswith("… ") or q.text.endswith(" …") for q in entry.quotes)


def test_a_quote_of_a_long_message_is_its_problem_in_the_customers_words() -> None:
    """A quote is cut at 400 characters where it is shown: of a long ticket that was its
    background. It shows the problem sentences, verbatim, "…" where others were left out."""
    middle = (
        "Our drivers' hours of service logs feed the roadside inspection screen. They "
        "stopped syncing on Tuesday and the dashboard shows an error for 14 trucks."
    )
    first = "Since this morning's update our drivers can't see today's routes in the app."
    ticket = f"Hello,\n\n{FLEET}\n\n{middle}\n\n{TRIED}\n\nRegards,\nRenee"
    assert problem_excerpt(as_said(EvidenceKind.TICKET, ticket)) == f"… {middle} …"
    assert as_quoted(EvidenceKind.TICKET, ticket) == f"… {middle} …"
    ticket = f"Hi team,\n\n{first}\n\n{FLEET}\n\n{TRIED}\n\nThanks,\nMarcus Bell"
    assert as_quoted(EvidenceKind.CHAT, ticket) == f"{first} …"
    # Short messages, and kinds read whole, are quoted as said.
    assert as_quoted(EvidenceKind.TICKET, first) == first
    note = f"{FLEET}\n\n{middle}\n\n{TRIED}"
    assert as_quoted(EvidenceKind.INTERVIEW, note) == as_said(EvidenceKind.INTERVIEW, note)
