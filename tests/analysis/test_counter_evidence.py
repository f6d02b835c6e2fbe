"""Reading praise without a sentiment model: each rule on the words that trigger it, then a
theme of real Banking77 tickets where only the planted praise may come out as counter
evidence."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tradeoff.analysis.label.counter import PRAISE_RULES, praise_cues, read_praise
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
        # Negation, three words back within the clause; curly and missing apostrophes too.
        ("Ordering cards is not easy.", [], ["not easy"]),
        ("The export isn't as fast as it used to be.", [], ["isn't as fast"]),
        ("Honestly, not very intuitive", [], ["not very intuitive"]),
        ("dont love the new card design", [], ["dont love"]),
        ("It doesn’t work well on Android", [], ["doesn't work well"]),
        ("Face ID is not working since the update", [], ["not working"]),
        # Wishes, requests and let-down expectations are demand, not praise.
        ("It would be great if exports were faster", [], []),
        ("I'd love a dark mode", [], []),
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
        assert praise_cues(text, None, TICKET) == (reading.cues if reading.is_praise else ())


def test_a_theme_of_real_tickets_lists_only_the_planted_praise(engine: Engine) -> None:
    with SUBSET.open(encoding="utf-8", newline="") as handle:
        tickets = [r["text"] for r in csv.DictReader(handle) if r["category"] == "card_arrival"]
    reviews = [
        ("Card arrived in two days, activation was easy.", 5.0),
        ("Tracking is not easy to find in the app.", 4.0),
        ("Ordered a card for a new employee and it took almost three weeks.", 2.0),
        ("The delivery updates are brilliant, love the new tracking page.", 4.0),
    ]
    start = datetime(2026, 3, 1, 8, tzinfo=UTC)
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name="Card arrival")).id
        assert theme is not None
        ids: dict[str, int] = {}
        written = [(t, None, TICKET) for t in tickets] + [(t, r, REVIEW) for t, r in reviews]
        for number, (text, rating, kind) in enumerate(written):
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
            ids[text] = item.id
            repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme))
    with read_session(engine) as session:
        profile = theme_profiles(session, [theme], praise=PRAISE_RULES)[theme]
    assert profile.items == len(tickets) + len(reviews)
    assert [(c.evidence_id, c.cues) for c in profile.counter_evidence] == [
        (ids[reviews[3][0]], ("brilliant", "love", "rated 4 of 5")),
        (ids[reviews[0][0]], ("easy", "rated 5 of 5")),
    ]
    assert profile.praise_items == profile.counter_evidence_count == 2
