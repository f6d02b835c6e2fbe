"""Sign-offs, signatures and device footers in Italian, Spanish, Portuguese, French, German and
Dutch are cut as English ones are: a QA corpus's Italian quotes kept "Cordiali saluti, /
Chiara Romano / Osteria La Pergola · www…" in 27 of 40 quotes."""

from __future__ import annotations

import pytest

from tradeoff.analysis.text.courtesy import only_greeting
from tradeoff.analysis.text.message import message_body

#: (email as a help desk exports it, the customer's message in it)
EMAILS = [
    (
        "<div>Abbiamo disdetto la licenza del secondo terminale ma continua a essere "
        "addebitata. Quando sarà risolto?</div><div>Cordiali saluti,<br>Chiara Colombo<br>"
        "Ristorante Da Gino · www.ristorantedagino.it</div>",
        "Abbiamo disdetto la licenza del secondo terminale ma continua a essere addebitata. "
        "Quando sarà risolto?",
    ),
    (
        "Buongiorno,\n\nLa stampante della pizzeria taglia l'ultima riga dello scontrino.\n\n"
        "Grazie e buon lavoro\nMarco Bianchi | General Manager\nTrattoria Al Duomo\n"
        "Via Roma 12, 20121 Milano (MI)\nP.IVA 01234567890\nCell. 333 123 4567\n"
        "info@trattoriaalduomo.it\nwww.trattoriaalduomo.it\n\nInviato da iPhone",
        "La stampante della pizzeria taglia l'ultima riga dello scontrino.",
    ),
    (
        "Salve,\nI punti fedeltà non vengono accreditati con la carta.\n\nGrazie mille, "
        "buona giornata\nSara",
        "I punti fedeltà non vengono accreditati con la carta.",
    ),
    (
        "Gli ordini di Deliveroo non arrivano alla cassa.\nUn saluto,\nLuca\n\n"
        "Questo messaggio e i suoi allegati sono riservati e destinati esclusivamente al "
        "destinatario indicato.",
        "Gli ordini di Deliveroo non arrivano alla cassa.",
    ),
    (
        "Estimado equipo:\nLa impresora de cocina no imprime los pedidos.\n\nSaludos cordiales,"
        "\nLucía Pérez\nBar Central\nCalle Mayor 10, 28013 Madrid\nEnviado desde mi iPhone",
        "La impresora de cocina no imprime los pedidos.",
    ),
    (
        "Bom dia,\nO terminal desconecta do caixa toda noite.\nAtenciosamente,\nAna Souza\n"
        "Restaurante Sabor\nTel.: +55 11 91234-5678\nEnviado do meu iPhone",
        "O terminal desconecta do caixa toda noite.",
    ),
    (
        "Bonjour,\nLa caisse plante pendant le service du soir.\n\nBien à vous,\nMarie Dupont"
        "\nLe Petit Zinc\n12 rue de la Paix, 75002 Paris\nEnvoyé de mon iPad",
        "La caisse plante pendant le service du soir.",
    ),
    (
        "Sehr geehrte Damen und Herren,\n\ndie Kasse stürzt beim Tagesabschluss ab.\n\n"
        "Mit freundlichen Grüßen\nJonas Weber\nCafé Linde GmbH\nHauptstraße 5\n10115 Berlin\n"
        "Von meinem iPhone gesendet",
        "die Kasse stürzt beim Tagesabschluss ab.",
    ),
    (
        "Hallo,\ndie Bons werden doppelt gedruckt.\nDanke und viele Grüße\nMia",
        "die Bons werden doppelt gedruckt.",
    ),
    (
        "Hoi,\nDe kassa valt uit tijdens de drukte.\n\nGroetjes,\nSanne\nCafé De Zon\n"
        "Keizersgracht 123\n1015 CJ Amsterdam\nVerzonden vanaf mijn iPhone",
        "De kassa valt uit tijdens de drukte.",
    ),
    (
        "La caisse n'imprime plus les tickets.\n\nVeuillez agréer, Madame, Monsieur, "
        "l'expression de mes salutations distinguées.\nPierre Martin\nBrasserie du Port",
        "La caisse n'imprime plus les tickets.",
    ),
    (
        "Lo scontrino di cortesia taglia l'ultima riga.\nIn attesa di un vostro cortese "
        "riscontro, porgo distinti saluti.\nGiulia Esposito",
        "Lo scontrino di cortesia taglia l'ultima riga.",
    ),
    (
        "De koppeling met Uber Eats stuurt bestellingen dubbel door.\nBedankt,\n-- \n"
        "Eva Visser\nSent from my iPhone",
        "De koppeling met Uber Eats stuurt bestellingen dubbel door.",
    ),
]


@pytest.mark.parametrize(("email", "message"), EMAILS)
def test_a_sign_off_and_signature_in_any_language_are_cut(email: str, message: str) -> None:
    assert message_body(email) == message


@pytest.mark.parametrize(
    "text",
    [
        # Thanks that go on to say something is the message: more than a name follows it.
        "Grazie, ma la cassa è ancora offline dopo l'aggiornamento di martedì",
        "Merci de corriger le bug rapidement, la caisse est bloquée.",
        "Danke, aber das Problem besteht seit gestern weiterhin.",
        "In attesa di una vostra risposta la cassa resta bloccata e perdiamo clienti ogni sera.",
    ],
)
def test_thanks_that_say_something_stay(text: str) -> None:
    assert message_body(f"Il problema persiste.\n{text}") == f"Il problema persiste.\n{text}"


def test_a_long_italian_block_below_grazie_stays_when_it_is_the_message() -> None:
    """A "Grazie" line above lines that read as sentences is no sign-off: what follows is
    more than a short signature and its lines are no signature's."""
    email = "La cassa va offline.\nGrazie\n" + "\n".join(
        f"Il terminale numero {n} si blocca e non accetta le carte dei clienti." for n in range(7)
    )
    assert message_body(email) == email


@pytest.mark.parametrize(
    "text",
    [
        "Grazie e buon lavoro!",
        "Buongiorno, grazie mille!",
        "Danke und viele Grüße",
        "Gracias y saludos",
    ],
)
def test_a_message_of_thanks_alone_says_nothing(text: str) -> None:
    assert only_greeting(text)
