"""Polish and Swedish items are told as their languages and set apart in themes named
"in Polish", "in Swedish" (``text.language``, ``text.nordic_slavic``), and English naming a
Polish or Swedish person stays English.

A QA corpus of a clinic-booking SaaS held 58 Polish and 73 Swedish items; every one read as
English and sat in English themes by language. These tickets are written for these tests
(a physiotherapy practice and a dental clinic), not taken from that corpus."""

from __future__ import annotations

import numpy as np
import pytest

from tradeoff.analysis.discover import Discovery
from tradeoff.analysis.label.keywords import theme_keywords
from tradeoff.analysis.language_apart import language_apart, language_name, languages
from tradeoff.analysis.text.language import guess_language, in_languages, leaning

POLISH = [
    "Od wczoraj nie mogę wysłać faktury do pacjenta, system pokazuje błąd.",
    "Kalendarz nie synchronizuje się z Outlookiem i mamy podwójne wizyty.",
    "Pacjenci skarżą się, że link do wideokonsultacji nie działa na telefonie.",
    "Czy można dodać drugi gabinet do tego samego konta?",
    "Raport miesięczny jest pusty, chociaż mieliśmy ponad sto wizyt.",
]
SWEDISH = [
    "Sedan uppdateringen kan vi inte skicka kallelser till patienterna.",
    "Kalendern synkas inte med Outlook och vi får dubbelbokningar.",
    "Patienterna klagar på att länken till videomötet inte fungerar i mobilen.",
    "Går det att lägga till en andra mottagning på samma konto?",
    "Månadsrapporten är tom trots att vi hade över hundra besök.",
]
#: A few words, no function word of two: told by the words and letters support texts use.
SHORT = {"Tack!": "sv", "Dziękuję bardzo": "pl", "Appen fungerar inte": "sv"}
#: English naming Polish and Swedish people, places and products.
ENGLISH = [
    "Paweł Dąbrowski from the Kraków clinic cannot log in since Monday",
    "Please merge the duplicate records for Åsa Öberg and Åsa Oberg",
    "Invoice for Łódź Dental Centre shows the wrong VAT number",
    "The Malmö team wants reminders sent at 8 am, not midnight",
]


@pytest.mark.parametrize(
    ("text", "code"), [*((t, "pl") for t in POLISH), *((t, "sv") for t in SWEDISH)]
)
def test_polish_and_swedish_are_told_by_their_words_and_letters(text: str, code: str) -> None:
    assert guess_language(text) == code
    assert leaning(text) == code


@pytest.mark.parametrize(("text", "code"), SHORT.items())
def test_short_polish_and_swedish_are_told(text: str, code: str) -> None:
    assert guess_language(text) == code


@pytest.mark.parametrize("text", ENGLISH)
def test_english_naming_polish_and_swedish_people_stays_english(text: str) -> None:
    assert guess_language(text) is None


def test_polish_and_swedish_items_make_themes_named_in_their_language() -> None:
    """Theme 0: calendar sync in English, with a Polish and a Swedish sub-theme discovery
    hung under it; each language's items become a theme of their own, named for it."""
    english = [
        "Outlook calendar sync creates double bookings",
        "Appointments moved in Google Calendar do not update",
        "Calendar sync stopped after the update",
        "Double bookings again because sync lags",
    ]
    texts = [*english, *POLISH[:4], *SWEDISH[:4]]
    found = Discovery(
        themes=np.zeros(12, dtype=np.int64),
        subthemes=np.array([0] * 4 + [1] * 4 + [2] * 4, dtype=np.int64),
        closeness=np.full(12, 0.8, dtype=np.float32),
    )
    spoken = languages(texts)
    assert spoken == [None] * 4 + ["pl"] * 4 + ["sv"] * 4
    apart = language_apart(found, spoken, texts)
    assert len(set(apart.themes[4:8].tolist())) == 1
    assert len(set(apart.themes[8:].tolist())) == 1
    assert len({apart.themes[0], apart.themes[4], apart.themes[8]}) == 3
    assert in_languages(["pl"]) == "in Polish"
    assert language_name(spoken[8:], ["kalendern synkas", "och", "inte"])[0] == "in Swedish"


def test_polish_and_swedish_function_words_never_name_a_theme() -> None:
    labels = theme_keywords([*POLISH, *SWEDISH], [0] * 5 + [1] * 5)
    words = {w for terms in labels.values() for t in terms for w in t.split()}
    assert not {"nie", "się", "że", "och", "inte", "att", "vi", "är"} & words
    name, kept = language_name(["sv"] * 3, ["länken till videomötet", "med", "mobilen"])
    assert (name, kept) == ("in Swedish", ["länken videomötet", "mobilen"])
