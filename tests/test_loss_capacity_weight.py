"""A capacity phrase weighs as one cue. It weighed its words, so its qualifiers made it beat
the reason said beside it ("Champion left, no time to re-run evaluation" tied relationship
with timing), and it took words after the noun that make it the call's, the product's or a
thing's ("no time on the demo call", "No resources in the product"), and a measure ("No time
to value"). Each expected class is what docs/sales.md says the wording means; the wordings
are a reviewer's."""

from __future__ import annotations

import pytest

from tradeoff.analysis.business.loss_capacity import is_capacity
from tradeoff.analysis.business.loss_taxonomy import loss_verdict
from tradeoff.domain.enums import LossCategory

WORDINGS = [
    # "champion left" weighs two, "no time" one.
    ("Champion left, no time to re-run evaluation", LossCategory.RELATIONSHIP),
    # Time short on a call is no capacity of the buyer's.
    (
        "They had no time on the demo call and picked the cheaper vendor",
        LossCategory.PRICE_BUDGET,
    ),
    # One cue each: the one that is not the buyer's "no time" wins.
    ("Did not have the resources, also no SSO", LossCategory.PRODUCT_GAP),
    ("No time for a pilot, also pricing too high", LossCategory.PRICE_BUDGET),
    # "Time to value" is a measure, not a task.
    ("No time to value", LossCategory.VALUE_NOT_PROVEN),
    # Resources in the product are the product's: training content it lacks.
    ("No resources in the product for training", LossCategory.PRODUCT_GAP),
    # The restaurant's printers: neither the buyer's capacity nor a capability we lack
    # that the words name; a person decides.
    ("No spare capacity on the kitchen printers", LossCategory.UNCLASSIFIED),
]


@pytest.mark.parametrize(("reason", "category"), WORDINGS)
def test_a_capacity_phrase_weighs_one_cue(reason: str, category: LossCategory) -> None:
    assert loss_verdict(reason, None).category is category


STILL_TIMING = [
    # The task after "to"/"for" counts for nothing, so "integration" does not tie it.
    "No time to set up the integration",
    "No bandwidth at the moment",
    "No capacity in Q3",
    "No dev bandwidth until Q3",
    "No bandwidth due to the migration",
]


@pytest.mark.parametrize("reason", STILL_TIMING)
def test_the_buyers_capacity_alone_is_still_timing(reason: str) -> None:
    assert loss_verdict(reason, None).category is LossCategory.TIMING_NO_DECISION


def test_two_capacity_phrases_outweigh_one_keyword() -> None:
    """Each phrase is one cue: two of them are two."""
    verdict = loss_verdict("No bandwidth this quarter, no resources for the rollout; pricey", None)
    assert verdict.category is LossCategory.TIMING_NO_DECISION


def test_only_a_whole_english_phrase_weighs_one() -> None:
    """The other languages' capacity phrases are listed keywords, weighing their words."""
    assert is_capacity("not have the resources")
    assert not is_capacity("keine kapazität")
    assert not is_capacity("no resources in the product")
