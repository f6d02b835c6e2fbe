"""French is never read as Spanish for the words both write ("le", "que", "en").

A QA corpus's themes named "in Spanish" held only French items: "Le formulaire d'accueil
envoyé par e-mail expire avant que le patient l'ouvre" weighed "le", "que", "le" alike for
both and a tie went to Spanish. A tie now goes to the language with more words only it
writes (the elided "l'", "d'", "notre"; "nuestra"). These sentences are written for these
tests (a physiotherapy practice's tickets), not taken from that corpus."""

from __future__ import annotations

import pytest

from tradeoff.analysis.text.language import guess_language, leaning

FRENCH = [
    "Le formulaire d'inscription envoyé au patient expire avant que le lien s'ouvre.",
    "Le module de paiement en ligne sur notre site n'accepte plus les cartes.",
    "Le rappel par SMS part en retard, après le rendez-vous.",
    "Que faire quand le patient annule en dernière minute ?",
    "Cherche un logiciel de rendez-vous en ligne",
    "Nos kinés ne voient pas leurs plannings de la semaine prochaine.",
]
SPANISH = [
    "El formulario de registro que enviamos al paciente caduca antes de abrirlo.",
    "Le escribimos porque el pago en línea de nuestra web no acepta tarjetas.",
    "Los recordatorios por SMS llegan tarde, después de la cita.",
    "El widget de reservas de nuestra web no muestra huecos libres.",
    "Necesitamos que los fisioterapeutas vean su agenda de la semana que viene.",
]


@pytest.mark.parametrize("text", FRENCH)
def test_french_is_read_as_french(text: str) -> None:
    assert guess_language(text) == "fr"
    assert leaning(text) == "fr"


@pytest.mark.parametrize("text", SPANISH)
def test_spanish_is_still_read_as_spanish(text: str) -> None:
    assert guess_language(text) == "es"
    assert leaning(text) == "es"


def test_english_with_an_apostrophe_or_a_loan_stays_english() -> None:
    """An English contraction or "o'clock" is no French elision, "à la carte" no French."""
    for text in [
        "À la carte pricing unclear",
        "I'd like the reminder at 9 o'clock, it's sent at 10",
        "Can't open L'Oréal Clinic's calendar, it's blank",
        "Patient d'Souza's booking shows twice",
    ]:
        assert guess_language(text) is None
