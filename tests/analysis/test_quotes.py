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
