"""Quotes chosen for coverage: one per sub-theme first, no repeated words, then centrality."""

from __future__ import annotations

from tradeoff.analysis.label.quotes import Candidate, representative_quotes


def test_quotes_go_round_the_sub_themes_before_taking_a_second_from_one() -> None:
    delivery = [
        Candidate(1, "When will my card arrive?", 0.95),
        Candidate(2, "My card still hasn't arrived", 0.93),
        Candidate(3, "How long does card delivery take?", 0.90),
    ]
    tracking = [
        Candidate(4, "Can I track my card?", 0.91),
        Candidate(5, "Is there a tracking number for the card?", 0.85),
    ]
    wrong_address = [Candidate(6, "I moved, the card went to my old address", 0.70)]
    chosen = representative_quotes([delivery, tracking, wrong_address], limit=5)
    assert [c.evidence_id for c in chosen] == [1, 4, 6, 2, 5]
    # Centrality alone would have taken the three delivery quotes and missed the address.
    by_score = sorted(delivery + tracking + wrong_address, key=lambda c: -c.score)[:3]
    assert 6 not in {c.evidence_id for c in by_score}


def test_a_quote_that_repeats_another_in_other_case_or_punctuation_is_skipped() -> None:
    group = [
        Candidate(1, "Card declined!", 0.99),
        Candidate(2, "card   declined", 0.98),
        Candidate(3, "Declined at the shop", 0.50),
    ]
    assert [c.evidence_id for c in representative_quotes([group], limit=3)] == [1, 3]


def test_ties_in_closeness_go_to_the_lower_id_and_empty_groups_are_fine() -> None:
    group = [Candidate(9, "b", 0.5), Candidate(4, "a", 0.5)]
    assert [c.evidence_id for c in representative_quotes([[], group], limit=1)] == [4]
    assert representative_quotes([], limit=3) == []


def test_a_quote_whose_sentences_were_all_quoted_already_is_skipped() -> None:
    board = [
        Candidate(
            663, "Swimlanes on a large board make the page crawl. Also, the tab freezes.", 0.86
        ),
        Candidate(101, "The tab freezes!", 0.85),
        Candidate(37, "Board performance has degraded. Also, the tab freezes.", 0.84),
        Candidate(5, "Swimlanes on a large board make the page crawl.\nThe tab freezes.", 0.80),
    ]
    chosen = representative_quotes([board], limit=4)
    # #101 says one sentence of #663; #37 adds one of its own, so it stays; #5 is #663 again.
    assert [c.evidence_id for c in chosen] == [663, 37]


def test_a_quote_is_kept_when_one_sentence_is_its_own_or_words_only_partly_match() -> None:
    group = [
        Candidate(1, "Export to CSV times out on big projects.", 0.9),
        Candidate(2, "Export to CSV times out. Excel export too.", 0.8),
        Candidate(3, "CSV times out on big", 0.7),
        Candidate(4, "to CSV times", 0.6),
        Candidate(5, "SV times out", 0.5),
    ]
    chosen = [c.evidence_id for c in representative_quotes([group], limit=5)]
    # #2 adds a sentence; #3 and #4 are runs of #1's words; "SV" is not a word of #1.
    assert chosen == [1, 2, 5]


def test_a_quote_of_no_words_is_taken_once_as_before() -> None:
    group = [Candidate(1, "...", 0.9), Candidate(2, "?!", 0.8), Candidate(3, "Slow", 0.5)]
    # A theme of marks alone still shows one of them; it has no sentence to have said.
    assert [c.evidence_id for c in representative_quotes([group], limit=3)] == [1, 3]


def test_the_same_complaint_wrapped_in_other_words_is_quoted_once() -> None:
    """A QA tester's identity-check theme quoted one sentence five times, prefixed "So",
    "overall ok but", "Just FYI:" or misspelled, while the liveness check went unquoted."""
    group = [
        Candidate(618, "So onboarding stuck at verify your identity, selfie check fails.", 0.87),
        Candidate(
            626, "overall ok but onboarding stuck at verify your identity, selfie check fails", 0.86
        ),
        Candidate(
            356, "Just FYI: onboarding stuck at verify your identity, selfie check fails", 0.85
        ),
        Candidate(358, "Onboarding stuck at verify your identity, selfie check falis", 0.81),
        Candidate(
            226,
            "Onboarding stuck at verify your identity! Everything was submitted on day one",
            0.80,
        ),
        Candidate(122, "The selfie liveness check never passes in normal indoor light!", 0.71),
    ]
    chosen = [c.evidence_id for c in representative_quotes([group], limit=5)]
    # #226 brings "everything was submitted on day one": four new words of seven.
    assert chosen == [618, 226, 122]


def test_two_complaints_quoted_apart_are_not_quoted_again_together() -> None:
    group = [
        Candidate(1, "Bank transfers take 3 to 5 business days to arrive.", 0.9),
        Candidate(2, "My payment has been pending for four days and nobody can tell me why.", 0.9),
        Candidate(
            3, "Payment pending for four days! Also bank transfers take 5 business days.", 0.8
        ),
        Candidate(4, "Transfers to my landlord take days; I run a cafe and need cash.", 0.7),
    ]
    assert [c.evidence_id for c in representative_quotes([group], limit=4)] == [1, 2, 4]
