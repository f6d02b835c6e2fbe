"""Praise written in Spanish, Portuguese, French, German, Italian and Dutch reads as praise by
the rules English praise is read by (``label.praise_languages``), and only praise does.

A QA tester's 38 Spanish survey answers praising support read as no praise, so their theme
was ranked as demand. The texts here are written for these tests: an HR and payroll help
desk's survey answers, reviews and tickets in each language, with the greetings, sign-offs
and requests such messages carry."""

from __future__ import annotations

import pytest

from tradeoff.analysis.label.counter import (
    NAMES_NOTHING,
    names_something,
    praise_cues,
    praised_as_read,
    read_praise,
)
from tradeoff.analysis.label.praise_language_of import read_language
from tradeoff.domain.enums import EvidenceKind

#: Praise that names the area it praises (support, payroll, time off, the payslip portal).
NAMED_PRAISE = [
    "Buenos días, el equipo de soporte es excelente, nos ayudaron a cerrar la nómina en una "
    "sola llamada. Saludos cordiales,",
    "La atención al cliente es rapidísima y muy amable. Gracias por resolver lo del finiquito.",
    "El portal de recibos de nómina funciona de maravilla, nuestros empleados lo usan sin "
    "problemas.",
    "Olá, o suporte é ótimo, resolveram a divergência do FGTS rapidamente. Abraços",
    "O cálculo das férias ficou perfeito depois do ajuste, muito obrigado pela solução!",
    "Bonjour, le support est très réactif, notre problème de virement SEPA a été réglé en dix "
    "minutes. Cordialement",
    "La gestion des congés est simple et intuitive, nos managers valident en deux clics.",
    "Hallo, der Support ist super und hat beim DATEV-Export schnell geantwortet. Viele Grüße",
    "Die Gehaltsabrechnung läuft seit Monaten reibungslos, großes Lob an das Team!",
    "Il supporto è stato velocissimo e molto gentile con la configurazione delle buste paga.",
    "De klantenservice is erg vriendelijk en de loonstroken kloppen eindelijk, top werk!",
    "Excelente servicio",
]
#: Praise of the product as a whole: praise, but naming no area.
NAMELESS_PRAISE = [
    "¡Excelente aplicación, muchas gracias!",
    "Muito bom, recomendo!",
    "Application géniale, merci !",
    "Top, weiter so!",
]
#: Complaints, requests and questions that hold a praise word, or the courtesy around one.
NOT_PRAISE = [
    # mixed: praise and a complaint
    "Excelente soporte pero la nómina de diciembre falla al calcular el aguinaldo.",
    "O aplicativo é ótimo, mas o cálculo das férias está errado.",
    "Interface agréable mais l'export comptable plante à chaque fois.",
    "Die App ist schön übersichtlich, aber die Lohnabrechnung kommt leider nicht per E-Mail.",
    "Nice design, however le solde de congés ne correspond pas au solde sur le web.",
    # negated praise, denied working verbs
    "No es fácil encontrar el botón para aprobar las vacaciones.",
    "A folha não está batendo com o eSocial desde ontem.",
    "Die App funktioniert leider nicht mehr seit dem Update.",
    "L'application ne fonctionne plus depuis la mise à jour.",
    "Il calcolo dei ratei non funziona, è tutto sbagliato.",
    "De app werkt niet meer na de update.",
    # wishes and requests: demand, not praise
    "Sería genial poder exportar los recibos a Excel.",
    "Seria ótimo ter integração com o banco.",
    "Ce serait top d'avoir un export vers Sage.",
    "Es wäre toll, wenn der Export auch CSV könnte.",
    "Necesitamos que el cálculo sea rápido, por favor.",
    "Bitte schnell beheben, die Mitarbeiter warten auf ihr Gehalt.",
    "Por favor agreguen un reporte de horas extra, el resto es excelente.",
    # courtesy that holds a praise word, around a complaint
    "Que tengan un excelente día. No puedo descargar los recibos de octubre.",
    "Bom dia, tenham um ótimo dia. O app trava ao abrir o holerite.",
    "Bonne journée, les bulletins de paie ne s'affichent pas dans l'espace salarié.",
    "Sehr geehrte Damen und Herren, die Zwei-Faktor-Anmeldung schlägt fehl. "
    "Mit freundlichen Grüßen",
    "Un gusto saludarles. El calendario no muestra quién está de vacaciones. Quedo atento.",
    # questions, habits, willingness
    "¿Es posible que el cálculo sea más rápido?",
    "Antes funcionaba perfecto, ahora no carga el calendario.",
    "Letzten Monat lief alles super, jetzt stürzt die App beim Start ab.",
    "Estaríamos encantados de probar la nueva versión de la app.",
]


@pytest.mark.parametrize("text", NAMED_PRAISE)
def test_praise_of_an_area_reads_as_praise_naming_it(text: str) -> None:
    cues = praise_cues(text, None, EvidenceKind.SURVEY)
    assert cues, text
    assert NAMES_NOTHING not in cues
    assert praised_as_read(text)


@pytest.mark.parametrize("text", NAMELESS_PRAISE)
def test_praise_of_the_whole_product_names_nothing(text: str) -> None:
    cues = praise_cues(text, None, EvidenceKind.SURVEY)
    assert cues, text
    assert cues[-1] == NAMES_NOTHING, text
    assert not names_something(text)


@pytest.mark.parametrize("text", NOT_PRAISE)
def test_complaints_requests_and_courtesy_do_not_read_as_praise(text: str) -> None:
    assert praise_cues(text, None, EvidenceKind.SURVEY) == (), read_praise(text)
    assert not praised_as_read(text)


def test_what_speaks_against_is_said_in_the_items_words() -> None:
    assert read_praise("Excelente soporte, pero la nómina falla.").against == ("pero", "falla")
    assert read_praise("Die App funktioniert leider nicht.").against[0] == (
        "funktioniert leider nicht"
    )
    assert read_praise("Sería genial poder exportar a Excel.").against == ("sería genial",)
    # A problem put right is no complaint: "support fixed my sync issue".
    reading = read_praise("Le support a réglé notre problème de virement en dix minutes.")
    assert "problème" not in reading.against


def test_a_review_whose_stars_are_its_only_cue_rates_what_it_asks_for_in_its_language() -> None:
    """Five stars on a request rate the app, not the thing asked for, in any language."""
    asking = "Por favor agreguen la exportación a Excel."
    assert praise_cues(asking, 5, EvidenceKind.REVIEW) == ()
    assert read_praise(asking, 5, EvidenceKind.REVIEW).against
    crash = "Good app overall. Guten Tag, die App stürzt beim Start ab. Mit freundlichen Grüßen"
    assert praise_cues(crash, 4, EvidenceKind.REVIEW) == ()
    assert praise_cues("Sehr übersichtlich.", 5, EvidenceKind.REVIEW) == ("rated 5 of 5",)


def test_a_short_answer_is_read_in_the_language_its_words_tell() -> None:
    """Two function words tell a language (``text.language``); a short answer has fewer, so
    its praise and problem words tell it, and English words that are cue words elsewhere
    ("super", "top", "simple") tell none."""
    assert read_language("Excelente servicio") == "es"
    assert read_language("Top Support, sehr schnell!") == "de"
    assert read_language("Parfait, merci !") == "fr"
    for english in ("Super fast, love it", "Top notch support", "Simple and clean", "10/10"):
        assert read_language(english) is None


def test_english_praise_is_read_as_before() -> None:
    """Negative control: English items keep the English rules and readings."""
    assert praise_cues("Love it, card arrived fast", 5, EvidenceKind.REVIEW) == (
        "love",
        "fast",
        "rated 5 of 5",
    )
    assert praise_cues("Super fast, love it", None, EvidenceKind.SURVEY)
    assert praise_cues("Top notch", None, EvidenceKind.SURVEY) == ()
    assert praise_cues("love the app but export is broken", None, EvidenceKind.SURVEY) == ()
