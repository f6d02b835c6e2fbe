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


def test_a_whole_capacity_phrase_weighs_one_in_every_language() -> None:
    """The other languages' capacity keywords weigh one too (issue 6); a timing keyword
    that names no capacity, and the product's resources, do not."""
    assert is_capacity("not have the resources")
    assert is_capacity("keine kapazität")
    assert is_capacity("Geen capaciteit")
    assert not is_capacity("keine entscheidung")
    assert not is_capacity("no resources in the product")


CAPACITY_ABROAD = [
    # One capacity keyword against one price keyword: the price wins the tie.
    ("Keine Kapazität, zu teuer", LossCategory.PRICE_BUDGET),
    ("Sin capacidad, demasiado caro", LossCategory.PRICE_BUDGET),
    ("Pas de bande passante, trop cher", LossCategory.PRICE_BUDGET),
    ("Nessuna capacità interna, troppo costoso", LossCategory.PRICE_BUDGET),
    ("Geen capaciteit, te duur", LossCategory.PRICE_BUDGET),
    ("Sem capacidade, muito caro", LossCategory.PRICE_BUDGET),
    ("Geen tijd, en de licentiekosten zijn te hoog", LossCategory.PRICE_BUDGET),
    ("Keine Kapazitäten, und die Schnittstelle zu DATEV fehlt", LossCategory.PRODUCT_GAP),
    # Alone, or with the task it was missing for, it is timing.
    ("Keine Kapazität für die Einführung dieses Quartal", LossCategory.TIMING_NO_DECISION),
    ("Keine Zeit für ein Pilotprojekt", LossCategory.TIMING_NO_DECISION),
    ("Keine Zeit für die Integration mit SAP", LossCategory.TIMING_NO_DECISION),
    ("Sin tiempo para la integración con SAP", LossCategory.TIMING_NO_DECISION),
    ("Geen tijd voor de koppeling met Exact", LossCategory.TIMING_NO_DECISION),
    # A capability, not the buyer's capacity: still a gap.
    ("Falta de capacidad para integrar con SAP", LossCategory.PRODUCT_GAP),
]


@pytest.mark.parametrize(("reason", "category"), CAPACITY_ABROAD)
def test_capacity_in_other_languages_weighs_one_cue(reason: str, category: LossCategory) -> None:
    assert loss_verdict(reason, None).category is category
