"""Theme names hold no connective, time adverb or filler verb, and never end in a preposition,
in any language: a QA tester's themes were named "shift · staff app shows · hours because",
"in Italian · abbonamento mese chiediamo", "arrivano cassa li" and "ieri sera servizio ·
successo nuovo"."""

from __future__ import annotations

import pytest

from tradeoff.analysis.label.keywords import theme_keywords
from tradeoff.analysis.label.name_filler import NAME_FILLER, NAME_STOP_WORDS, edged

ROTA = [
    "The staff app shows the wrong hours because the shift was moved after publishing.",
    "Staff app shows the wrong hours again because the shift swap was approved late.",
    "Since yesterday the staff app shows wrong hours for the late shift.",
    "Our staff app shows the wrong hours because of the shift swap.",
]
BILLING_IT = [
    "Ci avete addebitato due volte l'abbonamento, chiediamo il rimborso.",
    "Abbonamento addebitato due volte questo mese: chiediamo il rimborso subito.",
    "Chiediamo il rimborso dell'abbonamento, addebitato due volte.",
    "Vorremmo il rimborso, chiediamo una risposta: l'abbonamento è addebitato due volte.",
]
ORDERS_IT = [
    "Gli ordini di Deliveroo non arrivano alla cassa, li vediamo solo sul tablet.",
    "È successo di nuovo ieri sera. Gli ordini di Deliveroo non arrivano alla cassa, li "
    "vediamo solo sul tablet.",
    "Ordini Deliveroo: non arrivano alla cassa, li vediamo sul tablet.",
]
#: A sentence of context every ticket of the theme holds, about different topics.
CONTEXT_IT = [
    "È successo di nuovo ieri sera durante il servizio. La stampante non stampa le comande.",
    "È successo di nuovo ieri sera durante il servizio. Il wifi della cassa cade.",
    "È successo di nuovo ieri sera durante il servizio. I punti fedeltà non vengono accreditati.",
    "È successo di nuovo ieri sera durante il servizio. Il menu su Deliveroo è vecchio.",
]
RUSH_NL = [
    "Pinautomaat valt uit tijdens de drukte.",
    "Bonnen printen niet tijdens de drukte, gisteren weer gebeurd.",
    "Keukenscherm bevriest tijdens de drukte.",
    "Kassa hangt tijdens de drukte omdat de wifi wegvalt.",
]
SERVICE_EN = [
    "Printer jams during service.",
    "Card reader disconnects during service.",
    "Screen freezes during service on Fridays.",
    "Till crashes during service.",
]
CARD_EN = ["My card payment was declined at the supermarket"] * 4
THEMES = [ROTA, BILLING_IT, ORDERS_IT, CONTEXT_IT, RUSH_NL, SERVICE_EN, CARD_EN]


@pytest.fixture(scope="module")
def names() -> dict[int, list[str]]:
    texts = [text for theme in THEMES for text in theme]
    labels = [label for label, theme in enumerate(THEMES) for _ in theme]
    return theme_keywords(texts, labels)


def _words(terms: list[str]) -> set[str]:
    return {word for term in terms for word in term.split()}


def test_no_name_holds_a_connective_a_time_or_a_filler_verb(names: dict[int, list[str]]) -> None:
    said = {"because", "since", "yesterday", "shows", "chiediamo", "vorremmo", "li", "ieri"}
    said |= {"successo", "vediamo", "gisteren", "gebeurd", "omdat", "weer"}
    for label, terms in names.items():
        assert terms, label
        assert not _words(terms) & said, terms
        assert not _words(terms) & (NAME_FILLER | NAME_STOP_WORDS), terms


def test_the_topic_still_names_the_theme(names: dict[int, list[str]]) -> None:
    assert names[0][:2] == ["staff app", "wrong hours"]
    assert {"rimborso", "abbonamento"} <= _words(names[1])
    assert {"ordini deliveroo", "arrivano cassa"} <= set(names[2])
    # A name where no filler was is the same as ever.
    assert names[6] == ["card payment declined", "supermarket"]


def test_a_sentence_of_context_does_not_name_the_theme(names: dict[int, list[str]]) -> None:
    """ "È successo di nuovo ieri sera" ("it happened again last night") named the theme
    "ieri sera servizio · successo nuovo"; "nuovo" of "di nuovo" is never a name alone."""
    assert not _words(names[3]) & {"successo", "ieri", "nuovo"}


def test_a_name_never_starts_or_ends_with_a_preposition(names: dict[int, list[str]]) -> None:
    """ "tijdens drukte" and "during service" named the themes: "during" is no stop word in
    English, nor "tijdens" in Dutch."""
    for terms in names.values():
        assert not any(edged(term) for term in terms), terms
    assert "drukte" in names[4]
    assert "service" in names[5]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("tijdens drukte", True),
        ("hours during", True),
        ("via", True),
        ("nuovo", True),
        ("offline tijdens service", False),
        ("transfer between accounts", False),
        ("bestellingen via qr-code", False),
        ("card declined", False),
    ],
)
def test_edged(term: str, expected: bool) -> None:
    assert edged(term) is expected
