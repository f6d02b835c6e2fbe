"""Polish, Swedish, Danish and Norwegian emails read without greeting, sign-off, signature
and device footer; a sign-off with an emoji after it is still one."""

from __future__ import annotations

import pytest

from tradeoff.analysis.text.message import message_body
from tradeoff.analysis.text.sign_offs import DEVICE_FOOTER, sign_off
from tradeoff.analysis.text.signatures import name_line

POLISH = """Dzień dobry,

Przypomnienia SMS o wizytach nie zostały wysłane wczoraj, 4 pacjentów nie przyszło.

Z poważaniem,

Agnieszka Wiśniewska
Kierownik gabinetu | Gabinet Stomatologiczny Słoneczny
Tel: +48 22 555 0142
www.gabinet-sloneczny.example"""

SWEDISH = """Hej hej,

Fakturorna till försäkringsbolaget avvisas, försäkringsnumret saknas.

Med vänliga hälsningar,
Lars Berg
Klinikchef | Tandvård Norr AB
Tfn: +46 8 555 0199
www.tandvardnorr.example

Skickat från min iPhone"""


def test_a_polish_email_is_its_message() -> None:
    assert message_body(POLISH) == (
        "Przypomnienia SMS o wizytach nie zostały wysłane wczoraj, 4 pacjentów nie przyszło."
    )


def test_a_swedish_email_is_its_message() -> None:
    assert message_body(SWEDISH) == (
        "Fakturorna till försäkringsbolaget avvisas, försäkringsnumret saknas."
    )


def test_a_polish_html_email_with_a_quoted_reply_is_its_message() -> None:
    html = (
        "<div>Witam,</div><div>Synchronizacja z Kalendarzem Google nie blokuje terminu.</div>"
        "<div>Serdecznie pozdrawiam,</div><div>Piotr Zieliński<br>Recepcja | Fizjo Centrum"
        "<br>Tel: +48 12 555 0110</div><div>On Tue, 3 Mar 2026 at 09:12, Support "
        "&lt;support@example.com&gt; wrote:<br>&gt; Which practitioner is affected?</div>"
    )
    assert message_body(html) == "Synchronizacja z Kalendarzem Google nie blokuje terminu."


@pytest.mark.parametrize(
    "line",
    [
        "Pozdrawiam,",
        "Serdecznie pozdrawiam",
        "Z poważaniem",
        "Z wyrazami szacunku,",
        "Dziękuję i pozdrawiam",
        "Z góry dziękuję!",
        "Med vänliga hälsningar,",
        "Vänliga hälsningar",
        "MVH",
        "Hälsningar, Lars",
        "Tack på förhand!",
        "Med venlig hilsen",
        "Med vennlig hilsen",
        "Ystävällisin terveisin",
        "Best wishes, 😡",
        "Mit freundlichen Grüßen 😡",
        "Pozdrawiam 🙏🙏",
    ],
)
def test_sign_offs_are_read_in_these_languages_and_before_an_emoji(line: str) -> None:
    assert sign_off(line)


@pytest.mark.parametrize(
    "line",
    [
        "Tak, sprawdziliśmy ustawienia.",  # Polish "yes", not Danish thanks
        "Tack, men appen kraschar fortfarande varje morgon",
        "Dzięki aktualizacji kalendarz nie działa w ogóle na telefonie",
        "Thanks?",
        "Pozdrawiam: eksport nadal nie działa",
    ],
)
def test_a_sentence_opening_with_thanks_is_no_sign_off(line: str) -> None:
    assert not sign_off(line)


def test_an_emoji_after_a_sign_off_is_cut_with_it() -> None:
    text = "Can the invoice show treatment codes?\n\nBest wishes, 😡"
    assert message_body(text) == "Can the invoice show treatment codes?"
    german = "Die Erinnerungen kommen nicht an.\n\nMit freundlichen Grüßen 😡"
    assert message_body(german) == "Die Erinnerungen kommen nicht an."


@pytest.mark.parametrize(
    ("line", "footer"),
    [
        ("Skickat från min iPhone", True),
        ("Sendt fra min iPhone", True),
        ("Wysłane z iPhone'a", True),
        ("Wysłane z mojego smartfona", True),
        ("Skickat från min iPhone men appen kraschar på iPad också", False),
    ],
)
def test_device_footers_in_these_languages(line: str, footer: bool) -> None:
    assert bool(DEVICE_FOOTER.match(line)) is footer


def test_a_title_capitalised_only_at_its_first_word_reads_as_a_signature_line() -> None:
    assert name_line("Kierownik gabinetu | Gabinet Fizjo Zdrowie")
    assert not name_line("Calendar sync | double booking")


def test_a_signature_with_no_sign_off_is_cut_in_polish() -> None:
    text = (
        "Raport przychodów nie zgadza się z fakturami.\n\nAgnieszka Wiśniewska\n"
        "Kierownik gabinetu | Gabinet Słoneczny\nTel: +48 22 555 0142\nwww.sloneczny.example"
    )
    assert message_body(text) == "Raport przychodów nie zgadza się z fakturami."


def test_a_day_is_no_greeting() -> None:
    text = "Dzień po aktualizacji, aplikacja nie wysyła przypomnień."
    assert message_body(text) == text


@pytest.mark.parametrize(
    ("line", "signature"),
    [
        ("Kierownik gabinetu | Gabinet Fizjo Zdrowie", True),
        ("Responsable du cabinet · Cabinet Dupont", True),
        ("Leiterin der Praxis | Praxis Müller und Partner", True),
        ("Patient name | Booking date", False),
        ("Booking date · Patient name", False),
    ],
)
def test_only_a_title_may_capitalise_its_first_word_alone(line: str, signature: bool) -> None:
    assert name_line(line) is signature


def test_a_table_header_row_above_a_signature_is_kept() -> None:
    text = (
        "Since Monday the export swaps two columns\nPatient name | Booking date\n"
        "Dana Reed\nTel: +1 555 0100"
    )
    assert message_body(text) == (
        "Since Monday the export swaps two columns\nPatient name | Booking date"
    )
