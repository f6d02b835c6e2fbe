"""The buyer's capacity as a loss reason: "No bandwidth to implement SSO" was a product gap
("no" framed the feature "SSO" four words on), "Lacked bandwidth" too (``lack*``), and "No
capacity this quarter" unclassified. No bandwidth, capacity, resources or time to do
something is the buyer's, so ``timing_no_decision``, in every language the taxonomy reads;
and what English names by putting a noun before another ("No time tracking", "No capacity
planning") stays a feature. Each expected class is what docs/sales.md says the wording
means; the wordings are written for this test."""

from __future__ import annotations

import pytest

from tradeoff.analysis.business.loss_capacity import capacity_spans
from tradeoff.analysis.business.loss_reasons import fold
from tradeoff.analysis.business.loss_taxonomy import loss_verdict
from tradeoff.domain.enums import LossCategory

P = LossCategory.PRODUCT_GAP
V = LossCategory.VALUE_NOT_PROVEN
T = LossCategory.TIMING_NO_DECISION

CAPACITY = [
    ("No bandwidth to implement SSO", ("no bandwidth",)),
    ("No capacity to roll out SSO this year", ("no capacity",)),
    ("Lacked bandwidth to implement SSO", ("lacked bandwidth",)),
    ("Did not have the resources for the rollout", ("not have the resources",)),
    ("No dev bandwidth, revisit in Q3", ("no dev bandwidth",)),
    ("No time to set up the integration", ("no time",)),
    ("Not enough internal resources to migrate payroll", ("not enough internal resources",)),
    ("Understaffed IT team, SSO would wait", ("understaffed",)),
    ("No bandwith this quarter", ("no bandwith",)),  # typed so
    ("No capacity this quarter", ("no capacity",)),
    ("Keine Kapazität", ("keine kapazität",)),
    ("Sin tiempo para implementar SSO", ("sin tiempo",)),
    ("No tienen recursos para la integración con SAP", ("no tienen recursos",)),
    ("Sem tempo para implantar o SSO agora", ("sem tempo",)),
    ("Falta de braços para implantar o módulo de ponto", ("falta de braços",)),
    ("Pas de ressources pour déployer le SSO", ("pas de ressources",)),
    ("Manque de bande passante côté IT", ("manque de bande passante",)),
    ("Keine Kapazität für die SSO-Einführung", ("keine kapazität",)),
    ("Keine freien Kapazitäten für die Schnittstelle", ("keine freien kapazitäten",)),
    ("Non hanno tempo per implementare l'SSO", ("non hanno tempo",)),
    ("Mancanza di risorse per l'integrazione", ("mancanza di risorse",)),
    ("Geen capaciteit om SSO uit te rollen", ("geen capaciteit",)),
    ("Geen tijd voor de koppeling met AFAS", ("geen tijd",)),
]


@pytest.mark.parametrize(("reason", "cues"), CAPACITY)
def test_no_capacity_to_do_something_is_the_buyers_timing(
    reason: str, cues: tuple[str, ...]
) -> None:
    verdict = loss_verdict(reason, None)
    assert (verdict.category, verdict.cues) == (T, cues)


NOT_CAPACITY = [
    # A noun before another names a feature: the capacity words are not the buyer's.
    ("No time tracking", P, ("tracking",)),
    ("Lost to Gusto - no time tracking", P, ("tracking",)),
    ("No time and attendance module", P, ("module",)),
    ("No capacity planning", P, ("planning",)),
    ("No bandwidth monitoring", P, ("no bandwidth",)),
    ("No real-time sync", P, ("sync",)),
    # A saving not shown, and a capability (Spanish "capacidad" is both).
    ("Not enough time saved in the pilot", V, ("time saved",)),
    ("Falta de capacidad para integrar con SAP", P, ("falta",)),
]


@pytest.mark.parametrize(("reason", "category", "cues"), NOT_CAPACITY)
def test_a_capacity_word_naming_a_feature_stays_a_gap(
    reason: str, category: LossCategory, cues: tuple[str, ...]
) -> None:
    verdict = loss_verdict(reason, None)
    assert (verdict.category, verdict.cues) == (category, cues)


def test_a_capacity_phrase_stays_in_its_clause() -> None:
    """ "No time; tracking was the ask": the clause ends after "time", so it is capacity,
    and "No time tracking" is not."""
    assert capacity_spans(
        "No time; tracking was the ask", fold("No time; tracking was the ask")
    ) == [(0, 2)]
    assert capacity_spans("No time tracking", fold("No time tracking")) == []
