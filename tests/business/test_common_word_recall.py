"""Recall of a rival whose name is a common word (session 25, mend of issue 6).

The rules that read "Avocado Toast", "40 square metres" and "the Toast was cold" as the
words also dropped the rivals where the name opened a sentence or stood after "the": in
the restaurant workspace of ``test_common_word_compounds`` (Toast named 18 times
capitalised, "toast" a few times in lower case) each line below named its rival before
those rules and none after. A capitalised name with a word of a product's range after it,
in a list of other names, in a comparison, or with its price, the buyer's choice, a fault
in service or the buyer's sites in its clause is the product wherever it stands; the
words' own uses stay the words.
"""

from __future__ import annotations

import pytest

from tests.business.test_common_word_compounds import NAMES, finder
from tradeoff.analysis.business.competitor_openers import named_as_product

#: (a line, the rivals it names), read by hand.
RECALL = (
    ("Toast is too expensive for them.", {"Toast"}),
    ("Toast was their first choice.", {"Toast"}),
    ("Toast POS crashed twice during service.", {"Toast"}),
    ("Square Register is on the counter already.", {"Square"}),
    ("Square for Restaurants came up again.", {"Square"}),
    ("Toast? They said no, too pricey.", {"Toast"}),
    ("Toast, Square, Lightspeed are the shortlist.", {"Toast", "Square", "Lightspeed"}),
    ("We're comparing you with the Toast at our other site.", {"Toast"}),
    ("Honestly the Square is more reliable for us.", {"Square"}),
    ("They already have the Toast in two sites.", {"Toast"}),
)
#: The words, which must stay the words.
PRECISION = (
    "Our 'Avocado Toast' item won't sync to Uber Eats.",
    "The toast station printer is the one that fails most.",
    "Our site on Market Square is the worst affected.",
    "The kitchen is only 40 square metres so we can't add another screen.",
    "Once again the Toast was cold by the time the ticket printed.",
    "Toast was cold again by the time it reached the pass.",
    "Ook de tosti's en toast-gerechten raken kwijt bij drukte.",
    "Sorry to be a pain, but we need a square answer on the refund.",
    "Square one again with the delivery sync.",
    "Our sites on Market Square, Times Square and Union Square all lost payments.",
    "The Square Feet figure on the lease is wrong.",
)


@pytest.mark.parametrize(("said", "rivals"), RECALL)
def test_a_capitalised_name_the_words_around_show_is_the_rival(said: str, rivals: set[str]) -> None:
    found = finder().find(said)
    assert {NAMES[i - 1] for i in found} == rivals


@pytest.mark.parametrize("said", PRECISION)
def test_the_words_own_uses_stay_the_word(said: str) -> None:
    assert finder().find(said) == {}


def test_a_product_said_after_the_article_is_no_vote_for_the_word() -> None:
    """ "have the Toast in two sites" names the rival: the workspace's usage does not count
    it as a use of the word "toast" (it would count "the Toast was cold")."""
    found = finder()
    before = found.usage.votes()[("toast", "en")]
    found.learn("They already have the Toast in two sites.")
    assert found.usage.votes()[("toast", "en")] == before
    found.learn("The Toast was cold again today.")
    assert found.usage.votes()[("toast", "en")] == (before[0] + 1, before[1])


@pytest.mark.parametrize(
    ("said", "name", "product"),
    [
        ("Toast POS crashed twice.", "Toast", True),
        ("Square for Restaurants came up.", "Square", True),
        ("Square vs Lightspeed, again.", "Square", True),
        ("Toast was cold again.", "Toast", False),
        ("Toast and eggs were late.", "Toast", False),  # a list of dishes in lower case
        ("Square one again.", "Square", False),
        ("the toast station is too expensive", "toast", False),  # lower case: the word's
    ],
)
def test_named_as_product(said: str, name: str, product: bool) -> None:
    start = said.index(name)
    assert named_as_product(said, start, start + len(name)) is product
