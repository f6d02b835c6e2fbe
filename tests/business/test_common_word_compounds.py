"""A rival's name that is a common word, read as the word in the shapes only a word takes
(session 25).

A restaurant product's QA round counted 28 of its rival Toast's 62 mentions from food
("Avocado Toast", "the toast station", Dutch "toast-gerechten") and 21 of Square's 49 from
units, places and idioms ("40 square metres", "Market Square", "a square answer", "het
Square in Zwolle"): its tickets named the rivals so often that the capitalised uses
outnumbered the lower-case ones, so "toast" and "square" were no words of English, and a
capital inside a dish's or a place's name counted as the rival's. Now a name is a word of
a language when a fifth of the items that write it inside a sentence write it in lower
case, and a unit after it, the last word of another proper name, a noun after an article
and a compound in lower case read as the word — while "we moved to Square", "Square's
fees", "Toast POS" and "switched from Toast" stay the rivals.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.cli.helpers import imported_and_scanned, run_cli
from tradeoff.analysis.business.competitor_common_words import NameUsage
from tradeoff.analysis.business.competitor_scan import MentionFinder
from tradeoff.analysis.business.competitor_word_shapes import WordShape, word_shape
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind

NAMES = ("Toast", "Square", "Lightspeed", "NetSuite")

#: A restaurant group's tickets and sellers' notes: the rivals named far more often than the
#: words (each twice as often as the food or the unit), as in the QA round.
WORKSPACE = (
    *(
        "Evaluating us against Toast and Square for the three sites.",
        "Honestly we're looking at Toast because the printer keeps dropping.",
        "A friend's restaurant moved to Toast and says it never goes offline.",
        "We're seriously thinking about switching to Square for Restaurants.",
        "Our old Square setup never lost an order like this.",
        "Compared with Lightspeed your reports are slow.",
    )
    * 3,
    "The toast station printer is the one that fails most.",
    "Cheese toasties and toast orders get lost the most, funnily enough.",
    "Brunch orders with extra toast print twice on the pass.",
    "We're back to square one with the delivery sync.",
    "Sorry to be a pain, but we need a square answer on the refund.",
    "The patio heaters are square and block the card reader signal.",
    "Anche i toast e le bruschette vengono persi dalla stampante.",
    "Anche oggi i toast della colazione non sono arrivati in cucina.",
    "Ook de tosti's en toast-gerechten raken kwijt bij drukte.",
    "De toast met avocado staat twee keer op de bon.",
    "Our group accounts moved to netsuite last year.",
)


def finder() -> MentionFinder:
    known = [Competitor(id=i, name=n) for i, n in enumerate(NAMES, 1)]
    spreadsheet = Competitor(id=99, name="Spreadsheets", kind=CompetitorKind.SPREADSHEET)
    found = MentionFinder([*known, spreadsheet], lambda kind: 99)
    for said in WORKSPACE:
        found.learn(said)
    return found


#: (a sentence, the rival it names or None for the word), read by hand.
SENTENCES = (
    # Dishes and places: the last word of a proper name of their own.
    ("Our 'Avocado Toast' item won't sync to Uber Eats, every other brunch item is fine.", None),
    ("Our 'Avocado Toast' and 'French Toast' items are affected too.", None),
    ("Our site on Market Square is the worst affected by the till going offline.", None),
    ("The pop-up near Times Square lost every card payment on Friday.", None),
    ("Der Avocado-Toast fehlt seit dem Update auf dem Küchenbon.", None),
    # A unit after a number, or after the word alone.
    ("The kitchen is only 40 square metres so we can't add another screen.", None),
    ("Rent went up to £32 per square foot, so the back office stays tiny.", None),
    ("The terrace is 1,200 Square Feet and the Wi-Fi does not reach it.", None),
    # A noun after an article, a function word after it.
    ("Onze zaak aan het Square in Zwolle heeft het meeste last.", None),
    ("Once again the Toast was cold by the time the ticket printed.", None),
    # Compounds in lower case; idioms.
    ("Ook de tosti's en toast-gerechten raken kwijt.", None),
    ("The avocado-toast modifier group never reaches the kitchen screen.", None),
    ("We're back to square one with this.", None),
    ("The toast station printer is the one that fails most.", None),
    ("Anche i toast e le bruschette vengono persi.", None),
    # The rivals, in the words around them.
    ("We moved to Square last spring and the card fees were lower.", "Square"),
    ("Square's fees are lower for contactless, our accountant says.", "Square"),
    ("Our second site still runs Toast POS on two terminals.", "Toast"),
    ("We switched from Toast because the kitchen screens kept freezing.", "Toast"),
    ("Honestly we're looking at Square for the bar.", "Square"),
    ("Toast quoted us a cheaper hardware bundle last week.", "Toast"),
    ("Stiamo valutando di passare a Toast per questo motivo.", "Toast"),
    ("We overwegen over te stappen naar Square voor de bar.", "Square"),
    ("Our Zwolle site switched to the Square terminals in May.", "Square"),
    ("Switching To Square Next Month", "Square"),  # a subject line in title case
    # A maker before a product whose name is no word: still the product.
    ("The group accounts moved to Oracle NetSuite in March.", "NetSuite"),
    # A rival the workspace never writes in lower case is the rival in any case.
    ("A guest told us the place next door moved to lightspeed.", "Lightspeed"),
)


@pytest.mark.parametrize(("said", "rival"), SENTENCES)
def test_a_common_word_in_a_word_s_shape_is_the_word(said: str, rival: str | None) -> None:
    assert set(finder().find(said)) == ({NAMES.index(rival) + 1} if rival else set())


def test_a_fifth_of_the_items_in_lower_case_makes_a_word() -> None:
    """The workspace writes "Toast" and "Square" capitalised more often than in lower case:
    still words of English, and "toast" of Italian and Dutch. "netsuite" in lower case once
    is no word."""
    usage = finder().usage
    words = {
        (name, language): usage.common(name, [language])
        for name, language in (("toast", "en"), ("square", "en"), ("toast", "it"), ("toast", "nl"))
    }
    assert all(words.values()), words
    assert not usage.common("lightspeed", ["en"])
    assert not usage.common_somewhere("netsuite")


@pytest.mark.parametrize(("lower", "capitalised", "word"), [(2, 12, False), (3, 12, True)])
def test_the_share_of_lower_case_items(lower: int, capitalised: int, word: bool) -> None:
    """A CRM vendor's rival Close: two tickets in fourteen that write "close" in lower case
    are writers who forgot a capital; three in fifteen (a fifth) make it a word."""
    usage = NameUsage()
    said = ["Reps can't close the deal from the phone app."] * lower
    said += ["We compared you with Close before signing."] * capitalised
    for text in said:
        start = text.casefold().index("close")
        usage.read(text, [("close", start, start + len("close"))])
    assert usage.common("close", ["en"]) is word


def test_a_unit_or_a_title_in_quotes_shows_the_word_alone() -> None:
    """In a workspace too small to learn from, the shape alone still reads the word: the
    name's usage is not asked."""
    rivals = [Competitor(id=1, name="Square"), Competitor(id=2, name="Toast")]
    reading = MentionFinder(rivals, lambda kind: None)
    for said in ("Only 40 square metres behind the bar.", "Our 'Avocado Toast' is missing."):
        reading.learn(said)
    assert reading.find("The kitchen is only 40 square metres.") == {}
    assert reading.find("Our 'Avocado Toast' item won't sync.") == {}
    assert reading.find("We're seriously thinking about switching to Square.") == {1: "Square"}


@pytest.mark.parametrize(
    ("said", "name", "shape"),
    [
        ("Our site on Market Square is the worst", "Square", WordShape(12, False)),
        ("Our 'Avocado Toast' item", "Toast", WordShape(5, True)),
        ("only 40 square metres", "square", WordShape(8, True)),
        ("aan het Square in Zwolle", "Square", WordShape(8, False, noun=True)),
        ("de toast-gerechten", "toast", WordShape(3, False)),
        ("Honestly Toast is better", "Toast", None),  # a sentence's first word joins nothing
        ("SAP Concur handles our expenses", "Concur", None),  # a maker in capitals
        ("We met Toast at the fair", "Toast", None),
        ("the Toast and Square quotes", "Toast", None),  # a list of vendors may follow
    ],
)
def test_the_shapes(said: str, name: str, shape: WordShape | None) -> None:
    start = said.index(name)
    assert word_shape(said, start, start + len(name), ["en", "nl"]) == shape


@pytest.fixture
def scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    """The QA round's minimal repro: one deal lost to Toast and Square, six tickets of
    which two name a rival."""
    deals = tmp_path / "deals.csv"
    deals.write_text(
        '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
        '"Created Date","Loss Reason","Description","Competitor"\r\n'
        '"Copper Kettle POS","0065g0000000201","The Copper Kettle","Closed Lost","3000",'
        '"9/1/2026","8/1/2026","","","Toast; Square"\r\n',
        encoding="utf-8",
    )
    tickets = tmp_path / "tickets.csv"
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        for number, said in enumerate(
            (
                "Our 'Avocado Toast' item won't sync to Uber Eats, every other brunch item is "
                "fine.",
                "The toast station printer is the one that fails most.",
                "The kitchen is only 40 square metres so we can't add another screen.",
                "Our site on Market Square is the worst affected by the till going offline.",
                "Honestly we're looking at Toast because of this.",
                "We're seriously thinking about switching to Square for Restaurants.",
            ),
            1,
        ):
            writer.writerow([f"T{number}", said, f"2026-10-{number:02d}", "The Copper Kettle"])
    imported_and_scanned(capsys, workspace_url, deals, tickets)
    return workspace_url


def test_the_rivals_pages_quote_only_the_rivals(
    capsys: pytest.CaptureFixture[str], scanned: str
) -> None:
    """Six mentions (Toast 3, Square 3) before, two of them right; now the two."""
    quoted = {}
    for rival in ("Toast", "Square"):
        shown = run_cli(capsys, "--db", scanned, "competitor", rival, "--format", "json")
        profile = json.loads(shown.stdout)
        quoted[rival] = (profile["mentions"], [q["text"] for q in profile["quotes"]])
    assert quoted == {
        "Toast": (1, ["Honestly we're looking at Toast because of this."]),
        "Square": (1, ["We're seriously thinking about switching to Square for Restaurants."]),
    }
