"""Saying "not yet" well: the reply a requester gets says why, what we chose instead, what
we are not optimising for, and what would change it, in words, without our jargon."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

from tradeoff.decisions.not_yet import Wording, reply_text
from tradeoff.decisions.plain_words import amount_words, count_words, in_plain_words, long_date
from tradeoff.decisions.signals import Subject, parse_signal
from tradeoff.domain.decisions import Decision
from tradeoff.domain.enums import DecisionStatus

PAYOUTS = Decision(
    title="Not yet: multi-currency payouts",
    context="Sales report lost deals citing multi-currency payouts; we have no first-hand "
    "evidence from the people who would use it.",
    options=["Build multi-currency payouts in H2", "Not yet: gather direct evidence first"],
    chosen_option="Not yet: gather direct evidence first",
    tradeoffs_accepted="Some deals that need it will be lost in the meantime.",
    not_optimising_for="Winning the largest prospects this half",
    revisit_signals=[
        "problem 4 direct_items >= 5 -- five end users describe it",
        "opportunity 2 pipeline >= 250000",
        "metric card_decline_tickets > 18 for 2 periods",
        "date 2027-03-01",
        "note: a regulator requires local-currency payouts",
    ],
    owner="Maya Okafor",
    decided_at=datetime(2026, 4, 20, tzinfo=UTC),
    status=DecisionStatus.NOT_YET,
    requested_by="Rachel Stein (sales)",
)
WORDING = Wording(
    subjects={
        (Subject.PROBLEM, 4): "paying suppliers abroad in their currency",
        (Subject.OPPORTUNITY, 2): "Multi-currency payouts",
    },
    metrics={"card_decline_tickets": "Card-decline tickets"},
    currency="USD",
)


def test_the_reply_reads_as_a_letter_a_requester_can_respect() -> None:
    reason = "Please introduce us to the people who make these payments."
    assert reply_text(PAYOUTS, reason=reason, wording=WORDING) == (
        "Thank you for raising this with us, Rachel Stein (sales): multi-currency payouts.\n"
        "\n"
        "Our answer for now is not yet. Here is why.\n"
        "\n"
        "What we are doing instead: gather direct evidence first.\n"
        "\n"
        "Why: Sales report lost deals citing multi-currency payouts; we have no first-hand "
        "evidence from the people who would use it.\n"
        "\n"
        "What we accept by doing this: Some deals that need it will be lost in the meantime.\n"
        "\n"
        "What we are not optimising for now: Winning the largest prospects this half.\n"
        "\n"
        "Please introduce us to the people who make these payments.\n"
        "\n"
        "What would change this:\n"
        "- if five or more customers describe “paying suppliers abroad in their currency” to "
        "us directly, not relayed by someone else;\n"
        "- if the open pipeline of deals that need “Multi-currency payouts” reaches USD 250,000;\n"
        "- if “Card-decline tickets” is above 18 for two periods in a row;\n"
        "- on 1 March 2027 we look again;\n"
        "- a regulator requires local-currency payouts.\n"
        "\n"
        "Maya Okafor, 20 April 2026\n"
    )


def test_the_reply_carries_no_internal_jargon() -> None:
    text = reply_text(PAYOUTS, wording=WORDING)
    for jargon in ("direct_items", ">=", "> 18", "not_yet", "pipeline >=", "note:", "--", "#"):
        assert jargon not in text
    assert not re.search(r"\b(problem|opportunity|metric) \d", text)


def test_without_names_the_need_is_still_said_plainly() -> None:
    text = reply_text(PAYOUTS)
    assert "if five or more customers describe this need to us directly" in text
    assert "if “card decline tickets” is above 18" in text
    assert "reaches 250,000;" in text


def test_a_reply_without_signals_says_how_to_change_it() -> None:
    bare = Decision(
        title="Dark mode",
        status=DecisionStatus.NOT_YET,
        requested_by="Daniel",
        decided_at=datetime(2026, 5, 5, tzinfo=UTC),
    )
    text = reply_text(bare)
    assert "tell us and we will look again" in text
    assert text.endswith("The product team, 5 May 2026\n")


def test_plain_words_for_each_kind_of_signal() -> None:
    def words(text: str) -> str:
        return in_plain_words(parse_signal(text), currency="EUR")

    assert words("theme 3 accounts >= 30") == "if 30 or more customer businesses raise this need"
    assert words("theme 3 end_users > 10") == (
        "if more than ten people at our customers raise this need"
    )
    assert words("problem 3 lost >= 1500.5") == (
        "if revenue lost in deals that cited this need reaches EUR 1,500.5"
    )
    assert words("opportunity 3 arr < 10000") == (
        "if the annual revenue of the customers asking for this need falls below EUR 10,000"
    )
    assert words("metric nps <= 20") == "if “nps” is 20 or less"
    assert words("date 2026-12-31") == "on 31 December 2026 we look again"


def test_numbers_and_dates_read_aloud() -> None:
    spoken = [count_words(n) for n in (0, 5, 12, 13, 1200)]
    assert spoken == ["zero", "five", "twelve", "13", "1,200"]
    assert count_words(Decimal("2.5")) == "2.5"
    assert amount_words(Decimal("-1234567.25")) == "-1,234,567.25"
    assert long_date(date(2027, 3, 1)) == "1 March 2027"
