"""A rival named like a person ("Jane") is a person where the words around it say so."""

from __future__ import annotations

import pytest

from tradeoff.analysis.business.competitor_person_names import read_as_person
from tradeoff.analysis.business.competitor_scan import MentionFinder
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind

RIVALS = [
    Competitor(id=1, name="Jane", aliases=["Jane App"]),
    Competitor(id=2, name="Cliniko"),
    Competitor(id=3, name="Doctolib"),
    Competitor(id=4, name="Otto", kind=CompetitorKind.DIRECT),
]


def _named(texts: list[str]) -> list[set[int]]:
    finder = MentionFinder(RIVALS, lambda kind: None)
    for text in texts:
        finder.learn(text)
    return [set(finder.mentions(text)) for text in texts]


@pytest.mark.parametrize(
    "text",
    [
        "Reminders went out twice. Our receptionist Jane spent the whole morning phoning patients.",
        "Patients were charged a no-show fee twice. Jane at the front desk noticed it first.",
        "Die Terminerinnerungen kommen zu spät. Jane aus der Anmeldung hat es bemerkt.",
        "Le rappel arrive trop tard. Jane de l'accueil l'a remarqué ce matin.",
        "The invoice export is broken. Jane Smith from our Leeds clinic reported it.",
        "Hi Jane, the calendar sync is off by an hour again.",
        "Our practice owner Otto noticed the double bookings.",
        "The reminders failed again. Jane is off sick today, so nobody rang the patients.",
        "Reports are blank for March. Jane in our support team noticed it on Monday.",
        "Jane from Northside Physio called about moving our patient records.",
        "The export is broken. Jane Smith and Tom reported it twice.",
    ],
)
def test_a_person_is_no_mention(text: str) -> None:
    assert _named([text]) == [set()]


@pytest.mark.parametrize(
    "text",
    [
        "We are thinking of switching to Jane because of the physio notes.",
        "Jane's booking widget is far nicer than yours.",
        "Honestly Jane is cheaper for a three-room practice.",
        "We moved from Jane last spring and miss the waitlist.",
        "We looked at Cliniko, Jane and Semble before choosing you.",
        "Face ID login stopped working. Jane App handles this fine, just saying.",
        "Chose Jane, better physio notes",
        "Jane is off the shortlist after the demo, too pricey",
        "Jane Healthcare is cheaper",
        "Compared them: Jane Cliniko and Semble",
        "Jane on billing is much simpler than yours",
        "Jane from Australia has better pricing",
    ],
)
def test_the_product_is_still_a_mention(text: str) -> None:
    assert 1 in _named([text])[0]


def test_other_rivals_are_read_as_before() -> None:
    texts = [
        "Doctolib said the fix ships on Monday, and Cliniko noticed nothing.",
        "Our receptionist Jane prefers Doctolib's calendar.",
    ]
    assert _named(texts) == [{2, 3}, {3}]


def test_a_rival_is_no_surname() -> None:
    text = "Honestly, Jane Cliniko looked dated to us."
    start = text.index("Jane")
    assert read_as_person(text, start, start + 4, ["en"])  # "Cliniko" could be a surname
    assert not read_as_person(text, start, start + 4, ["en"], rivals={"jane", "cliniko"})
