"""Items in another language are told by their function words, set apart from English
topics, and their themes say the language in their names."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import Engine

from tests.analysis.themed import add_tickets, intent_rows, links
from tradeoff.analysis.discover import Discovery
from tradeoff.analysis.embed.minilm import MiniLMEmbedder
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.language_apart import (
    language_apart,
    language_name,
    languages,
    named_languages,
)
from tradeoff.analysis.run import analyze
from tradeoff.analysis.text.language import guess_language, in_languages, language_of_group
from tradeoff.domain.evidence import Theme
from tradeoff.storage import repository
from tradeoff.storage.session import read_session

#: Feedback of a fitness app as a QA tester's users wrote it, on several topics each.
SPANISH = [
    "El código de verificación nunca llega y no puedo iniciar sesión",
    "El GPS marca mal la distancia, siempre me da dos kilómetros de más",
    "Me cobraron dos veces la suscripción anual y nadie responde",
    "La app se cierra cuando abro el mapa de la ruta",
]
GERMAN = [
    "Das GPS ist total ungenau, die Strecke springt ständig hin und her",
    "Ich habe zweimal bezahlt und bekomme mein Geld nicht zurück",
    "Die Herzfrequenz ist beim Laufen immer viel zu hoch",
    "Die App stürzt ab, wenn ich das Training starte",
]
OTHERS = {
    "fr": "Je ne peux pas exporter mes données de course",
    "pt": "Não consigo sincronizar o relógio com a minha conta",
    "it": "L'app si blocca sempre quando apro la mappa",
    "nl": "De app crasht elke keer als ik mijn route open",
}
#: English that holds words of other languages: "die", "la", "con", "de".
ENGLISH = [
    "My battery will die in an hour when GPS is on",
    "La Jolla route shows the wrong elevation",
    "The con of the free tier is the ads before every run",
    "Sync with De Vries's club fails every morning",
    "Great app!",
]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        *((t, "es") for t in SPANISH),
        *((t, "de") for t in GERMAN),
        *((t, c) for c, t in OTHERS.items()),
    ],
)
def test_other_languages_are_told_by_their_function_words(text: str, code: str) -> None:
    assert guess_language(text) == code


@pytest.mark.parametrize("text", ENGLISH)
def test_english_with_foreign_looking_words_is_english(text: str) -> None:
    assert guess_language(text) is None


def test_banking77_is_english_throughout() -> None:
    rows = intent_rows()
    assert [r["text"] for r in rows if guess_language(r["text"]) is not None] == []


def test_a_group_is_named_by_its_languages_when_mostly_foreign() -> None:
    codes = [guess_language(t) for t in [*SPANISH, *GERMAN, "GPS drift again"]]
    assert language_of_group(codes) == ["de", "es"]
    assert in_languages(["de", "es"]) == "in German and Spanish"
    assert language_of_group([guess_language(t) for t in [*ENGLISH, SPANISH[0]]]) is None


def test_a_foreign_sub_theme_leaves_its_english_theme_and_a_foreign_theme_stays() -> None:
    """Theme 0: GPS in English (sub-theme 0) and the Spanish and German items discovery
    hung under it (sub-theme 1); theme 1: all Spanish, in two sub-themes. The items set
    apart make one theme per language; two Spanish items are fewer than discovery's smallest
    theme, so they are left unsorted, where a person sees them (and the next run may file
    them into the Spanish theme)."""
    english = [
        "GPS drift on long runs",
        "Distance is off by a mile",
        "Route map jumps around",
        "Pace is wrong under trees",
        "Elevation gain is doubled",
    ]
    texts = [*english, *SPANISH[:2], *GERMAN[:2], *SPANISH[2:]]
    found = Discovery(
        themes=np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]),
        subthemes=np.array([0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 3]),
        closeness=np.full(11, 0.8, dtype=np.float32),
    )
    apart = language_apart(found, languages(texts), texts)
    assert apart.themes.tolist() == [0, 0, 0, 0, 0, -1, -1, 2, 2, 1, 1]
    assert apart.subthemes.tolist() == [0, 0, 0, 0, 0, -1, -1, 1, 1, 2, 3]


#: A retailer's survey answers in Spanish and a German ticket, twice with its English
#: follow-up in the same chat: as a QA corpus had them in one theme named "in Spanish ·
#: berichte laden extrem · braucht zehn minuten".
SURVEY = [
    "Los puntos de pedido no tienen en cuenta la temporada y nos quedamos sin stock.",
    "Las transferencias entre almacenes se quedan en tránsito y nunca llegan.",
    "El equipo de soporte es excelente, siempre responden rápido.",
    "La app se cierra cuando abro el informe de inventario.",
]
REPORTS = [
    "Die Berichte laden extrem langsam, der Lagerbestandsbericht braucht zehn Minuten.",
    "Die Berichte laden extrem langsam, der Lagerbestandsbericht braucht zehn Minuten.\n\n"
    "We have around 40,000 SKUs.",
    "Die Berichte laden extrem langsam, der Lagerbestandsbericht braucht zehn Minuten.\n\n"
    "It was faster last year.",
    "Der Export der Berichte bricht immer nach fünf Minuten ab.",
]


def test_a_theme_in_two_languages_becomes_one_theme_per_language() -> None:
    """One theme, mostly Spanish: sub-theme 0 the survey, sub-theme 1 the German reports
    and one Spanish answer on reports. Each language gets its theme, the German chats read
    as English going with their German sub-theme, and no name says a language its items do
    not."""
    texts = [*SURVEY, *REPORTS, SURVEY[0], SURVEY[1]]
    found = Discovery(
        themes=np.array([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]),
        subthemes=np.array([0, 0, 0, 1, 1, 1, 1, 1, 0, 0]),
        closeness=np.full(10, 0.8, dtype=np.float32),
    )
    spoken = languages(texts)
    apart = language_apart(found, spoken, texts)
    assert apart.themes.tolist() == [4, 4, 4, 4, 5, 5, 5, 5, 4, 4]
    assert apart.subthemes.tolist() == [0, 0, 0, 1, 2, 2, 2, 2, 0, 0]
    for theme in (4, 5):
        codes = [code for code, t in zip(spoken, apart.themes.tolist(), strict=True) if t == theme]
        assert len({code for code in codes if code is not None}) == 1
    spanish = [code for code, t in zip(spoken, apart.themes.tolist(), strict=True) if t == 4]
    assert language_name(spanish, ["puntos pedido", "transferencias almacenes"])[0] == (
        "in Spanish"
    )


def test_a_german_chat_with_an_english_follow_up_stays_with_the_german_tickets() -> None:
    """As on the QA corpus, discovery made one sub-theme of it all: the chats read as English
    (as many English function words) still go with the German ticket, not the Spanish."""
    texts = [*SURVEY, *SURVEY[:3], *REPORTS[:3]]
    assert [guess_language(t) for t in REPORTS[1:3]] == [None, None]
    found = Discovery(
        themes=np.full(10, 12),
        subthemes=np.full(10, 30),
        closeness=np.full(10, 0.8, dtype=np.float32),
    )
    apart = language_apart(found, languages(texts), texts)
    assert apart.themes.tolist() == [12] * 7 + [13] * 3
    assert apart.subthemes.tolist() == [30] * 7 + [31] * 3


def test_a_theme_of_german_chats_with_english_follow_ups_is_named_in_german() -> None:
    """The QA corpus's German theme: two of its four chats read as English (an English
    follow-up in the thread), so by what each item is written in only one of three is German
    and the name said nothing; by what they lean to, all three are. An English theme
    beside it whose words hold a few foreign-looking ones ("van", "op") is read as it was."""
    english = [
        "Our van drivers can't see the route op the map after the update",
        "The van schedule shows the wrong technician for the morning jobs",
        "Dispatch board freezes when I drag a job to another van",
        "Route optimisation ignores the van capacity we set",
    ]
    texts = [*REPORTS[:3], *english]
    themes = np.array([3, 3, 3, 8, 8, 8, 8])
    spoken = languages(texts)
    assert spoken[:3] == ["de", None, None]
    assert language_name(spoken[:3], ["berichte laden"])[0] is None
    named = named_languages(spoken, texts, themes)
    assert named[:3] == ["de"] * 3
    assert language_name(named[:3], ["berichte laden"]) == ("in German", ["berichte laden"])
    assert named[3:] == [None] * 4
    assert language_name(named[3:], ["van drivers"]) == (None, ["van drivers"])
    # An English question in a Spanish theme leans Portuguese by its "do"s alone: it
    # names no language the theme is not written in.
    spanish = [*SURVEY, "How do I do a bulk edit? We do this per job"]
    named = named_languages(languages(spanish), spanish, np.zeros(5, dtype=np.int64))
    assert named == ["es", "es", "es", "es", None]
    assert language_name(named, ["puntos pedido"])[0] == "in Spanish"


#: Spanish customers of a bank on the intents' topics, as a QA tester's Spanish users wrote.
SPANISH_TICKETS = [
    "Mi tarjeta nueva todavía no ha llegado, la pedí hace tres semanas",
    "¿Cuándo llega la tarjeta? La estoy esperando desde hace días",
    "La transferencia sigue pendiente desde el lunes y no sé por qué",
    "Hice una transferencia y el dinero no ha llegado a la cuenta",
    "El tipo de cambio que me aplicaron es peor que el del banco",
    "Me cobraron una comisión por el cambio de divisa y no la esperaba",
    "Perdí mi tarjeta en el tren, ¿cómo la bloqueo?",
    "Me robaron la cartera con la tarjeta, necesito cancelarla ya",
    "La recarga con mi tarjeta falló otra vez y no sé por qué",
    "No puedo recargar la cuenta, la operación siempre es rechazada",
    "Gracias por la ayuda con la tarjeta, todo está bien ahora",
    "Hola, el pago con la tarjeta no funciona en el supermercado",
]


def top_themes(engine: Engine) -> tuple[dict[int, set[int]], dict[int, str]]:
    """Each theme's item ids, and the names of the top-level themes, by id."""
    by_theme: dict[int, set[int]] = {}
    for link in links(engine):
        by_theme.setdefault(link.theme_id, set()).add(link.evidence_id)
    with read_session(engine) as session:
        names = {t.id: t.name for t in repository.list_all(session, Theme) if t.parent_id is None}
    return by_theme, names


def test_spanish_tickets_form_a_theme_that_says_so(engine: Engine) -> None:
    """Twelve Spanish tickets on five topics among the English ones: the engine cannot read
    their topics, and so names their theme by the language instead of hiding them in one."""
    intents = add_tickets(engine, intent_rows(), 1)
    spanish = add_tickets(engine, [{"text": t, "category": "es"} for t in SPANISH_TICKETS], 900)
    analyze(engine, StaticEmbedder())
    by_theme, names = top_themes(engine)
    home = max(names, key=lambda t: len(by_theme.get(t, set()) & set(spanish)))
    assert names[home].startswith("in Spanish · "), names[home]
    assert len(by_theme[home] & set(spanish)) >= 9
    english_in_it = by_theme[home] & set(intents)
    assert 2 * len(english_in_it) < len(by_theme[home])
    for theme_id, name in names.items():
        if theme_id != home:
            assert not name.startswith("in "), name


#: Tickets arriving after the rebuild, on the intents' topics: in Spanish, which has its
#: theme, and in French, which has none.
LATER_SPANISH = [
    "La tarjeta que pedí la semana pasada todavía no ha llegado",
    "La transferencia está pending desde el lunes",
    "Mi exchange rate es malo, me cobraron de más en el cambio",
]
LATER_FRENCH = [
    "Le taux de change est très mauvais pour mon virement",
    "J'ai perdu ma carte, pouvez-vous la bloquer",
    "Ma carte n'est pas encore arrivée, je l'attends depuis deux semaines",
]


def test_items_in_another_language_filed_between_rebuilds_join_only_their_language(
    engine: Engine,
) -> None:
    """After a rebuild made "in Spanish", new Spanish tickets go there or stay unsorted, never
    into an English topic; French ones, with no French theme, stay unsorted until a rebuild
    gives French its theme. Without the rule MiniLM filed two of the French tickets in the
    Spanish theme, as the nearest centroid. English arrivals are filed as before."""
    add_tickets(engine, intent_rows(), 1)
    add_tickets(engine, [{"text": t, "category": "es"} for t in SPANISH_TICKETS], 900)
    embedder = MiniLMEmbedder()
    analyze(engine, embedder)
    english_later = add_tickets(engine, intent_rows()[:20], 2000)
    spanish = add_tickets(engine, [{"text": t, "category": "es"} for t in LATER_SPANISH], 3000)
    french = add_tickets(engine, [{"text": t, "category": "fr"} for t in LATER_FRENCH], 3100)
    report = analyze(engine, embedder)
    assert report.mode == "incremental"
    with read_session(engine) as session:
        tops = {
            t.id: t.name
            for t in repository.list_all(session, Theme)
            if t.parent_id is None and t.status.value == "active"
        }
    filed = {link.evidence_id: link.theme_id for link in links(engine) if link.theme_id in tops}
    spanish_homes = {tops[filed[i]] for i in spanish if i in filed}
    assert spanish_homes, "no new Spanish ticket was filed at all"
    assert all(name.startswith("in Spanish · ") for name in spanish_homes), spanish_homes
    assert not set(french) & set(filed), [tops[filed[i]] for i in french if i in filed]
    assert sum(1 for i in english_later if i in filed) >= 15
    assert not any(tops[filed[i]].startswith("in ") for i in english_later if i in filed)
