"""A phone's or mail app's footer is cut only when its line ends at the device or app: a
reviewer found "Inviato da iPhone ma anche da Android il login fallisce sempre." removed
whole, the footer pattern taking up to 40 characters after the device's name, and the same
in Spanish, French and English ("Sent from my iPhone but the iPad app also crashes when I
open the rota")."""

from __future__ import annotations

import pytest

from tradeoff.analysis.text.message import message_body
from tradeoff.analysis.text.sign_offs import DEVICE_FOOTER

#: What a customer wrote below a first line, starting like a footer and going on to say
#: what is wrong, in seven languages.
COMPLAINTS = [
    "Inviato da iPhone ma anche da Android il login fallisce sempre.",
    "Inviato dal mio iPhone: la cassa non stampa lo scontrino.",
    "Enviado desde mi iPhone, y en Android tampoco funciona el pago.",
    "Enviado do meu iPhone mas no Android o app também trava.",
    "Envoyé de mon iPhone mais sur Android la caisse plante aussi.",
    "Sent from my iPhone but the iPad app also crashes when I open the rota",
    "Sent from my iPhone. Same on Android.",
    "Sent via the web, same on iPhone",
    "Von meinem iPhone gesendet, aber auf dem iPad stürzt die App auch ab.",
    "Gesendet von meinem iPhone, die Kasse stürzt beim Abschluss ab.",
    "Verzonden vanaf mijn iPhone maar op Android werkt het inloggen ook niet.",
    "Get Outlook for iOS but the calendar sync still fails",
    "Scarica Outlook per iOS ma la sincronizzazione del calendario non va.",
]

#: Footers as phones and mail apps write them, each alone on its line.
FOOTERS = [
    "Inviato da iPhone",
    "Inviato dal mio smartphone Samsung Galaxy.",
    "Inviato da Yahoo Mail su Android",
    "Scarica Outlook per iOS",
    "Enviado desde mi iPhone",
    "Enviado desde mi iPhone, disculpa los errores",
    "Enviado desde Correo para Windows 10",
    "Enviado do meu iPhone",
    "Baixe o Outlook para Android",
    "Envoyé de mon iPad",
    "Envoyé à partir de Courrier pour Windows 10",
    "Von meinem iPhone gesendet",
    "Von meinem Samsung Galaxy Smartphone gesendet.",
    "Gesendet mit der GMX Mail App",
    "Outlook für Android herunterladen",
    "Verzonden vanaf mijn iPhone",
    "Verstuurd vanaf mijn Samsung Galaxy-smartphone.",
    "Sent from my iPhone",
    "Sent from my iPhone 15 Pro Max - Vodafone",
    "Sent from my Huawei P30",
    "Sent from my iPhone. Please excuse brevity.",
    "Sent from my BlackBerry 10 smartphone on the Rogers network.",
    "Sent via the Samsung Galaxy S7, an AT&T 4G LTE smartphone",
    "Sent from Yahoo Mail for iPhone",
    "Get Outlook for Android",
    "Get Outlook for iOS<https://aka.ms/o0ukef>",
]


@pytest.mark.parametrize("line", COMPLAINTS)
def test_a_clause_after_the_device_is_the_message(line: str) -> None:
    assert not DEVICE_FOOTER.match(line)
    email = f"Il problema persiste da lunedì.\n{line}"
    assert message_body(email) == email


@pytest.mark.parametrize("line", FOOTERS)
def test_a_footer_that_ends_at_the_device_or_app_is_cut(line: str) -> None:
    assert DEVICE_FOOTER.match(line)
    assert message_body(f"La cassa non stampa lo scontrino.\n\n{line}") == (
        "La cassa non stampa lo scontrino."
    )


def test_a_complaint_below_a_sign_off_and_footer_is_kept_whole() -> None:
    """The reviewer's Italian ticket: the footer line that goes on is what the customer says,
    the signature below "Grazie" is still cut."""
    email = (
        "Buongiorno,\nInviato da iPhone ma anche da Android il login fallisce sempre.\n\n"
        "Grazie,\nMarco Bianchi\nTrattoria Al Duomo\n\nInviato da iPhone"
    )
    assert message_body(email) == (
        "Inviato da iPhone ma anche da Android il login fallisce sempre."
    )


def test_a_long_line_of_footer_words_that_ends_in_a_message_is_no_footer() -> None:
    """Each line of every ticket is tried: footer words repeated, then a verb, are kept."""
    line = "Sent from my " + " ".join(["the iPhone Samsung"] * 40) + " crashes"
    assert not DEVICE_FOOTER.match(line)
