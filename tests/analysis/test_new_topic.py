"""Items one run could not file that say the same thing: a topic that arrived since the
last rebuild, reported so the PM knows to rebuild."""

from __future__ import annotations

import numpy as np

from tradeoff.analysis.discover import DiscoverySettings
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.new_topic import NEW_TOPIC_ITEMS, new_topic_size

BENEFITS = [
    "Open enrollment won't let employees pick a dental plan",
    "Employees cannot choose a dental plan during open enrollment",
    "Open enrollment page fails when picking the dental plan",
    "Dental plan selection broken in open enrollment",
    "Can't pick a dental plan, open enrollment errors out",
    "Open enrollment: the dental plan option does nothing",
    "Our staff can't enroll in the dental plan this year",
    "Dental plan enrollment keeps failing for new hires",
]
STRAYS = [
    "Where do I change my company logo on payslips?",
    "Is there a Slack integration?",
    "Can I print a blank W-4?",
    "What is your uptime SLA?",
    "Do you support Spanish?",
    "How do I export all employees to CSV?",
]
CUT = 0.45


def size_of(texts: list[str]) -> int:
    return new_topic_size(StaticEmbedder().embed(texts), DiscoverySettings(), CUT)


def test_new_items_saying_the_same_thing_are_a_new_topic() -> None:
    assert size_of(BENEFITS + STRAYS) >= NEW_TOPIC_ITEMS


def test_unrelated_leftovers_are_no_topic() -> None:
    assert size_of(STRAYS) == 0
    assert size_of(BENEFITS[: NEW_TOPIC_ITEMS - 1]) == 0  # too few to rebuild for


def test_no_vectors_is_no_topic() -> None:
    assert new_topic_size(np.zeros((0, 256), dtype=np.float32), DiscoverySettings(), CUT) == 0
