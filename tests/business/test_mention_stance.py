"""Reading how a customer's words stand towards a competitor they name."""

from __future__ import annotations

import pytest

from tradeoff.analysis.business.mention_stance import mention_split, stance_of
from tradeoff.domain.enums import MentionStance

CAME, LEAVING, NAMED = MentionStance.CAME_FROM, MentionStance.LEAVING_FOR, MentionStance.NAMED


@pytest.mark.parametrize(
    ("said", "name", "stance"),
    [
        # The tool they left for us.
        ("Before Tracewell we used Pingdom and it was noisy.", "Pingdom", CAME),
        ("We switched from Pingdom last spring.", "Pingdom", CAME),
        ("We moved off our old Pingdom setup", "Pingdom", CAME),
        ("We used Pingdom before switching, it missed outages.", "Pingdom", CAME),
        ("Coming from Datadog, the alert rules feel limited.", "Datadog", CAME),
        ("We ditched New Relic because of the price.", "New Relic", CAME),
        ("Ex-Pingdom customer here.", "Pingdom", CAME),
        ("We moved from Pingdom to Datadog last year.", "Pingdom", CAME),
        # One they may leave for.
        ("We are evaluating Datadog for next year.", "Datadog", LEAVING),
        ("If this keeps happening we'll move to Better Uptime.", "Better Uptime", LEAVING),
        ("Thinking about switching to Datadog.", "Datadog", LEAVING),
        ("We moved from Pingdom to Datadog last year.", "Datadog", LEAVING),
        ("Honestly we might go with Datadog next quarter.", "Datadog", LEAVING),
        # Neither: denied, compared, connected, or a move that is no move.
        ("We are not moving to Datadog, relax.", "Datadog", NAMED),
        ("We would never go back to Pingdom.", "Pingdom", NAMED),
        ("Datadog does this better.", "Datadog", NAMED),
        ("Compared to Pingdom your checks are slower.", "Pingdom", NAMED),
        ("Can you integrate with PagerDuty?", "PagerDuty", NAMED),
        ("We use PagerDuty for on-call and you for checks.", "PagerDuty", NAMED),
        ("Our team went to Datadog's conference.", "Datadog", NAMED),
        # Things that come from a partner, and a look at its dashboard, are no move.
        ("Alerts coming from PagerDuty have no title.", "PagerDuty", NAMED),
        ("The incidents that come from Datadog are duplicated.", "Datadog", NAMED),
        ("I was looking at the Datadog dashboard and saw a spike.", "Datadog", NAMED),
        ("We came over from Pingdom in May.", "Pingdom", CAME),
        # Denials in any apostrophe, and only right before the verb.
        ("We won\u2019t switch to Datadog.", "Datadog", NAMED),
        ("We can't move to Datadog, the contract runs.", "Datadog", NAMED),
        ("We cannot switch to Datadog.", "Datadog", NAMED),
        ("We have no plans to move to Datadog.", "Datadog", NAMED),
        ("Not thrilled with the pricing, so we are evaluating Datadog.", "Datadog", LEAVING),
        ("We don't love the UI, but we switched from Pingdom in May.", "Pingdom", CAME),
        ("It's not clear: we switched from Pingdom", "Pingdom", CAME),
        # The look stays in the name's own sentence.
        ("We switched from email alerts. Pingdom never had this.", "Pingdom", NAMED),
    ],
)
def test_a_naming_reads_as_said(said: str, name: str, stance: MentionStance) -> None:
    start = said.index(name)
    assert stance_of(said, start, start + len(name)) is stance


def test_the_split_says_only_what_is_there() -> None:
    assert mention_split(3, 1) == "3 came from them, 1 may leave for them"
    assert mention_split(0, 2) == "2 may leave for them"
    assert mention_split(0, 0) == ""
