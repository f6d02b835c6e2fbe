"""A reason with no keyword that still says why, in English and in the other languages the
taxonomy reads. From QA round 24: "No CFDI 4.0 payroll stamping" (three deals, "stamping" is
no feature word) and "Sin timbrado de nómina CFDI 4.0" were unclassified, and "Pilot did not
show time savings" too. A clause that opens by saying a thing is absent names a gap when the
thing shows it is a feature (a feature word, an acronym, a product's name), and never when it
is a person, a reply, a need or a problem. The wordings are written for this test;
each expected category is what docs/sales.md says the wording means."""

from __future__ import annotations

import pytest

from tradeoff.analysis.business.loss_reasons import CompetitorField, LossVerdict, classify_loss
from tradeoff.analysis.business.loss_sayings import saying_verdict
from tradeoff.analysis.business.loss_taxonomy import loss_verdict
from tradeoff.domain.enums import LossCategory

P = LossCategory.PRODUCT_GAP
B = LossCategory.PRICE_BUDGET
V = LossCategory.VALUE_NOT_PROVEN
R = LossCategory.RELATIONSHIP
T = LossCategory.TIMING_NO_DECISION
S = LossCategory.STATUS_QUO
U = LossCategory.UNCLASSIFIED

ABSENT = [
    ("No garnishment handling for Quebec", P, ("no garnishment",)),
    ("Lost to Paylocity - no union dues calculation", P, ("calculation",)),
    ("Without the overtime rules for Ontario", P, ("without the overtime",)),
    ("Sin cálculo de aguinaldo", P, ("cálculo",)),
    ("Sem folha de pagamento para domésticas", P, ("folha",)),
    ("Pas de DSN mensuelle", P, ("pas de dsn",)),
    ("Keine Lohnabrechnung für Minijobber", P, ("keine lohnabrechnung",)),
    ("Ohne Reisekostenabrechnung", P, ("ohne reisekostenabrechnung",)),
    # Sayings of keeping what they have, in each language.
    ("Siguen usando su sistema de siempre", S, ("siguen usando",)),
    ("Preferiram continuar com o escritório atual", S, ("preferiram continuar",)),
    ("Ils gardent leur logiciel maison", S, ("gardent leur",)),
    ("Bleiben beim alten Anbieter", S, ("bleiben beim",)),
    ("No lo ofrecemos todavía", P, ("no lo ofrecemos",)),
    ("Não temos folha para o setor público", P, ("não temos",)),
]
NOTHING_ABSENT = [
    # The thing is a keyword of its own category, or names no feature.
    ("No budget", B, ("no budget",)),
    ("No decision", T, ("no decision",)),
    ("No response", T, ("no response",)),
    ("No champion", R, ("champion",)),
    ("No urgency", U, ()),
    ("No one replied to the last two emails", U, ()),
    ("No longer hiring in Canada", U, ()),
    ("No complaints about the product, just timing", T, ("timing",)),
    ("Sin respuesta desde marzo", T, ("sin respuesta",)),
    ("Sem retorno do cliente", T, ("sem retorno",)),
    ("Keine Entscheidung getroffen", T, ("keine entscheidung",)),
    ("No quieren cambiar de proveedor", U, ()),
    # "No" inside a clause is no opener: the buyer's lack, not ours.
    ("They said no to the renewal", U, ()),
]


@pytest.mark.parametrize(("reason", "category", "cues"), ABSENT + NOTHING_ABSENT)
def test_a_thing_said_absent_is_a_gap_unless_it_names_none(
    reason: str, category: LossCategory, cues: tuple[str, ...]
) -> None:
    verdict = loss_verdict(reason, None)
    assert (verdict.category, verdict.cues) == (category, cues)


def test_an_absent_thing_is_read_only_where_the_reason_has_no_keyword() -> None:
    assert saying_verdict("No garnishment handling, and too expensive") is None
    assert loss_verdict("No garnishment handling, and too expensive", None).category is B


def test_the_absent_saying_decides_before_the_competitor_field() -> None:
    kept = CompetitorField(product=False, kept="Spreadsheets")
    assert loss_verdict("No garnishment handling for Quebec", None, None, kept).category is P


@pytest.mark.parametrize(
    ("reason", "cues"),
    [
        ("Trial showed no time saved on approvals", ("time saved",)),
        ("The pilot never proved the cost savings", ("cost savings",)),
        ("Payback period too long for a 12-person firm", ("payback",)),
    ],
)
def test_a_saving_not_shown_is_value_not_proven(reason: str, cues: tuple[str, ...]) -> None:
    """A pilot that did not show the pay-off it was run to prove: no capability is named
    (a gap), no price (``cost saving*`` is one phrase)."""
    assert classify_loss(reason) == LossVerdict(V, cues)
