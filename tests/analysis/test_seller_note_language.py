"""A seller's note joins a theme of its own language or a language-neutral one, never a theme
written in another language (QA round 26, D8: the Polish loss reason "Brak integracji z
Kalendarzem Google" sat in a Swedish catch-all theme)."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest
from sqlalchemy import Engine

from tests.analysis.test_seller_notes import add_notes, filed_themes
from tests.analysis.themed import add_tickets, intent_rows
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.language_filing import theme_languages
from tradeoff.analysis.run import _abroad, analyze
from tradeoff.analysis.seller_notes import foreign_filings
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session


def test_note_in_another_languages_theme_is_foreign() -> None:
    themes = np.array([6, 6, 6, 6, 2, 2, 2])
    notes = np.array([False, False, False, True, False, False, True])
    spoken = ["sv", "sv", None, "pl", None, None, "pl"]
    # Theme 6 is Swedish: a Polish note there is foreign; theme 2 is English: neutral.
    assert foreign_filings(themes, notes, spoken).tolist() == [
        False, False, False, True, False, False, False,
    ]  # fmt: skip


def test_note_of_the_themes_language_or_untold_keeps_its_place() -> None:
    themes = np.array([9, 9, 9, 9, -1])
    notes = np.array([False, False, True, True, True])
    spoken = ["fr", "fr", "fr", None, "de"]
    assert not foreign_filings(themes, notes, spoken).any()


def test_language_of_a_theme_is_read_from_customers_words_not_notes() -> None:
    # Three Polish notes in a theme of two Swedish tickets do not make it Polish.
    themes = np.array([4, 4, 4, 4, 4])
    notes = np.array([False, False, True, True, True])
    spoken = ["sv", "sv", "pl", "pl", "pl"]
    assert foreign_filings(themes, notes, spoken).tolist() == [False, False, True, True, True]


SWEDISH_TICKETS = [
    "Synkroniseringen med Google Kalender fungerar inte sedan i går",
    "Kalendern synkar inte med Google, bokningarna syns inte",
    "Bokningar från Google Kalender dyker inte upp i schemat",
    "Varför synkas inte mina möten till Google Kalender längre?",
    "Google Kalender visar gamla tider, synkroniseringen hänger sig",
    "Vi har kopplat Google Kalender men inga bokningar kommer över",
    "Kunderna får dubbla bokningar eftersom kalendern inte synkar med Google",
    "Synkningen mot Google Kalender slutade fungera efter uppdateringen",
]
FRENCH_TICKETS = [
    "La synchronisation avec Google Agenda ne marche plus depuis hier",
    "Les rendez-vous n'apparaissent pas dans Google Agenda",
    "Pourquoi mes rendez-vous ne se synchronisent plus avec Google Agenda ?",
    "Google Agenda affiche les anciens horaires, la synchronisation est bloquée",
    "Nous avons connecté Google Agenda mais aucun rendez-vous n'est transféré",
    "Doubles réservations car l'agenda ne se synchronise pas avec Google",
    "La synchronisation Google Agenda ne fonctionne plus après la mise à jour",
    "Les créneaux de Google Agenda ne remontent pas dans le planning",
]
POLISH_NOTE = "Brak integracji z Kalendarzem Google"
FRENCH_NOTE = "Pas de synchronisation avec Google Agenda"


def add_tickets_in(engine: Engine, texts: list[str], first: int) -> dict[int, str]:
    ids: dict[int, str] = {}
    with write_session(engine) as session:
        for offset, text in enumerate(texts):
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=str(first + offset),
                    kind=EvidenceKind.TICKET,
                    text=text,
                    created_at=datetime(2026, 3, 1, tzinfo=UTC),
                ),
            )
            assert item.id is not None
            ids[item.id] = text
    return ids


@pytest.mark.parametrize("later", [False, True], ids=["rebuild", "incremental"])
def test_a_polish_note_is_not_filed_into_a_swedish_theme(engine: Engine, later: bool) -> None:
    add_tickets(engine, intent_rows(), 1)
    swedish = add_tickets_in(engine, SWEDISH_TICKETS, 7000)
    french = add_tickets_in(engine, FRENCH_TICKETS, 8000)
    if later:
        analyze(engine, StaticEmbedder())
    notes = {text: i for i, text in add_notes(engine, [POLISH_NOTE, FRENCH_NOTE], 1).items()}
    analyze(engine, StaticEmbedder())
    filed = filed_themes(engine)
    swedish_themes = {t for i in swedish for t in filed.get(i, ())}
    french_themes = {t for i in french for t in filed.get(i, ())}
    assert swedish_themes
    assert not swedish_themes & french_themes
    assert not filed.get(notes[POLISH_NOTE], set()) & swedish_themes
    # A note of the theme's own language is still filed there.
    assert filed.get(notes[FRENCH_NOTE], set()) & french_themes


GERMAN_TICKETS = [
    "Die Synchronisierung mit dem Google Kalender funktioniert seit gestern nicht mehr",
    "Termine aus dem Google Kalender werden nicht im Dienstplan angezeigt",
    "Warum werden meine Termine nicht mehr mit Google Kalender synchronisiert?",
    "Der Google Kalender zeigt alte Zeiten, die Synchronisierung hängt",
    "Wir haben den Google Kalender verbunden, aber es kommen keine Termine an",
]


def add_theme_of(engine: Engine, texts: list[str], first: int) -> int:
    """A theme, as a rebuild stores one, of tickets ``texts``."""
    ids = add_tickets_in(engine, texts, first)
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name="Google Kalender / Agenda"))
        assert theme.id is not None
        for item_id in ids:
            repository.add(session, EvidenceTheme(evidence_id=item_id, theme_id=theme.id))
        return theme.id


def test_an_incremental_run_keeps_a_note_in_any_of_its_themes_languages(engine: Engine) -> None:
    """As a rebuild's ``foreign_filings`` reads it: a French note in a German and French
    theme stays there; a Polish one does not; an English theme takes either."""
    mixed = add_theme_of(engine, GERMAN_TICKETS + FRENCH_TICKETS[:4], 9000)
    english = add_theme_of(engine, [row["text"] for row in intent_rows()[:6]], 9100)
    with read_session(engine) as session:
        assert theme_languages(session)[mixed] == ["de", "fr"]
    notes = [FRENCH_NOTE, "Keine Synchronisierung mit dem Google Kalender", POLISH_NOTE]
    tops = np.array([mixed, mixed, mixed, english, -1])
    out = _abroad(engine, [*notes, POLISH_NOTE, POLISH_NOTE], tops)
    assert out.tolist() == [False, False, True, False, False]
