"""A language's themes are cut at the smallest theme size of the run that found them, not at
discovery's defaults (``analysis.language_apart``: ``min_size``).

``by_topic`` and ``by_language`` read ``DiscoverySettings().min_size``, so a run with another
smallest theme split its language themes by a size its other themes were not held to. The
tickets here are written for these tests."""

from __future__ import annotations

from tests.analysis.test_language_themes import discovery_of
from tradeoff.analysis.discover import DiscoverySettings
from tradeoff.analysis.language_apart import by_language, by_topic, language_apart, languages

LOGIN = [
    "Seit dem letzten Update kann ich mich in der App nicht mehr anmelden.",
    "Die App meldet mich ab, sobald ich sie im Hintergrund habe.",
    "Der SMS-Code für die Anmeldung kommt erst nach fünf Minuten an.",
    "Face ID funktioniert seit dem Update nicht mehr, ich muss mich jedes Mal anmelden.",
    "Nach dem Passwort-Reset komme ich trotzdem nicht in die App.",
]
DATEV = [
    "Der DATEV-Export enthält die Kostenstellen nicht, unser Steuerberater braucht sie.",
    "Im DATEV-Stapel fehlen die Buchungen für die Sonderzahlungen.",
    "Der Export nach DATEV bricht bei mehr als 200 Mitarbeitern ab.",
    "Die Lohnarten werden im DATEV-Export mit falschen Konten ausgegeben.",
]
PAYSLIPS = [
    "Die Mitarbeiter haben ihre Gehaltsabrechnung diesen Monat nicht per E-Mail bekommen.",
    "In der Gehaltsabrechnung ist unser Logo verzerrt.",
]
CFDI = [
    "El timbrado del CFDI de nómina falla desde el lunes con error 301.",
    "No se puede cancelar un CFDI de nómina timbrado por error.",
    "Los recibos timbrados no muestran el UUID del CFDI.",
]


def test_a_language_theme_is_split_at_the_runs_smallest_theme() -> None:
    """German tickets in three sub-themes (5 login, 4 DATEV, 2 payslips)."""
    texts = [*LOGIN, *DATEV, *PAYSLIPS]
    found = discovery_of([0] * 11, [0] * 5 + [1] * 4 + [2] * 2)
    spoken = languages(texts)
    # The defaults (3): DATEV is a theme; the two payslip tickets stay with login.
    default = language_apart(found, spoken, texts)
    assert default.themes.tolist() == [0] * 5 + [1] * 4 + [0] * 2
    assert default.themes.tolist() == by_topic(found, spoken).themes.tolist()
    # A run whose smallest theme is 5: DATEV's four tickets are no theme of their own.
    assert language_apart(found, spoken, texts, min_size=5).themes.tolist() == [0] * 11
    assert by_topic(found, spoken, min_size=5).themes.tolist() == [0] * 11
    # A run whose smallest theme is 2: the payslips are one.
    assert language_apart(found, spoken, texts, min_size=2).themes.tolist() == (
        [0] * 5 + [1] * 4 + [2] * 2
    )


def test_a_second_language_is_a_theme_only_at_the_runs_smallest_theme() -> None:
    """A theme of 9 German and 3 Spanish tickets: the Spanish ones are a theme of their own
    at the defaults (3), and unsorted in a run whose smallest theme is 4."""
    texts = [*LOGIN, *DATEV, *CFDI]
    found = discovery_of([0] * 12, [0] * 5 + [1] * 4 + [2] * 3)
    spoken = languages(texts)
    assert spoken[-3:] == ["es"] * 3
    default = by_language(found, spoken, texts)
    assert default.themes.tolist() == [0] * 9 + [1] * 3
    smaller = by_language(found, spoken, texts, min_size=DiscoverySettings().min_size)
    assert smaller.themes.tolist() == default.themes.tolist()
    larger = by_language(found, spoken, texts, min_size=4)
    assert larger.themes.tolist() == [0] * 9 + [-1] * 3
    assert larger.subthemes.tolist() == [0] * 5 + [1] * 4 + [-1] * 3
