"""The status quo and work by hand, read whole and in the seven languages (session 25).

A restaurant product's QA round typed its CRM's "Our old till" a direct rival, and none of
its sellers' "Staying with their old till", "Blijven bij hun oude kassa", "Restano con il
vecchio registratore di cassa" or "Continuano con carta e penna" was read as keeping what
the buyer has. Now a competitor field naming the buyer's old or current system, or no
decision, in any of English, Spanish, Portuguese, French, German, Italian and Dutch is the
status quo and joins the workspace's one status quo; pen and paper in any of them is work
by hand; and the words of keeping them are read in each language, work by hand only as the
buyer's decision (``competitor_kept``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.business.test_competitor_vendors import deal, export
from tests.importers.exports import make_ledgerly
from tradeoff.analysis.business.competitor_alikes import by_hand
from tradeoff.analysis.business.competitor_kept import KEPT_PHRASES, keeps_work_by_hand
from tradeoff.analysis.business.competitors import competitor_ranking
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.importers.competitors import classify_competitor
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter

STATUS_QUO, HOMEGROWN = CompetitorKind.STATUS_QUO, CompetitorKind.HOMEGROWN
DIRECT, AGENCY = CompetitorKind.DIRECT, CompetitorKind.AGENCY


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        # The buyer's old or current system, in each language.
        ("Our old till", STATUS_QUO),
        ("Their old POS", STATUS_QUO),
        ("Legacy system", STATUS_QUO),
        ("Keep what they have", STATUS_QUO),
        ("Su sistema actual", STATUS_QUO),
        ("Lo que ya tienen", STATUS_QUO),
        ("O sistema antigo", STATUS_QUO),
        ("L'ancienne caisse", STATUS_QUO),
        ("Bisheriges Kassensystem", STATUS_QUO),
        ("Vecchio registratore di cassa", STATUS_QUO),
        ("Hun oude kassa", STATUS_QUO),
        # No decision, in each language.
        ("Sin decisión", STATUS_QUO),
        ("Nenhuma decisão", STATUS_QUO),
        ("Aucune décision", STATUS_QUO),
        ("Keine Entscheidung", STATUS_QUO),
        ("Nessuna decisione", STATUS_QUO),
        ("Geen beslissing", STATUS_QUO),
        ("Niets", STATUS_QUO),
        # Pen and paper and by hand, in each language: work by hand.
        ("Papel y lápiz", HOMEGROWN),
        ("Papel e caneta", HOMEGROWN),
        ("Papier et crayon", HOMEGROWN),
        ("Zettel und Stift", HOMEGROWN),
        ("Carta e penna", HOMEGROWN),
        ("Pen en papier", HOMEGROWN),
        ("Met de hand", HOMEGROWN),
        # What is no system of theirs: an agency they had, products with such words.
        ("Their old accountant", AGENCY),
        ("Current RMS", DIRECT),
        ("Old Navy", DIRECT),
        ("Papierkram", DIRECT),
    ],
)
def test_a_field_names_what_the_buyer_kept_in_any_language(
    field: str, kind: CompetitorKind
) -> None:
    assert classify_competitor(field) is kind


def test_work_by_hand_is_a_row_of_its_own_in_any_language() -> None:
    """A row of work by hand is what a phrase keeping pen and paper files under
    (``competitor_alikes.by_hand``), whatever language names it."""
    for name in ("Carta e penna", "Zettel und Stift", "Pen en papier", "Papel y lápiz"):
        assert by_hand(Competitor(id=1, name=name, kind=HOMEGROWN))
    assert not by_hand(Competitor(id=2, name="Homegrown tool", kind=HOMEGROWN))


#: (a seller's note or a ticket, the words that keep the status quo or None, whether they
#: keep work by hand), read by hand.
PHRASES = (
    # The QA round's notes.
    ("Staying with their old till", "Staying with their old till", False),
    ("Blijven bij hun oude kassa", "Blijven bij hun oude kassa", False),
    (
        "Restano con il vecchio registratore di cassa",
        "Restano con il vecchio registratore di cassa",
        False,
    ),
    ("Continuano con carta e penna", "Continuano con carta e penna", True),
    ("Nessuna decisione, il cliente non risponde più", "Nessuna decisione", False),
    # The other languages.
    ("Se quedan con su sistema actual por ahora", "Se quedan con su sistema actual", False),
    ("Siguen con papel y lápiz en la cocina", "Siguen con papel y lápiz", True),
    ("Ficaram com o sistema antigo", "Ficaram com o sistema antigo", False),
    ("Continuam com papel e caneta", "Continuam com papel e caneta", True),
    ("Ils gardent leur ancienne caisse", "gardent leur ancienne caisse", False),
    ("Ils restent avec ce qu'ils ont", "restent avec ce qu'ils ont", False),
    ("Bleiben bei ihrer alten Kasse", "Bleiben bei ihrer alten Kasse", False),
    ("Sie wollen bei ihrer alten Kasse bleiben", "bei ihrer alten Kasse bleiben", False),
    ("Bleiben bei Zettel und Stift", "Bleiben bei Zettel und Stift", True),
    ("Keine Entscheidung, Projekt liegt auf Eis", "Keine Entscheidung", False),
    ("Ze willen bij hun oude kassa blijven", "bij hun oude kassa blijven", False),
    ("Geen beslissing genomen", "Geen beslissing", False),
    # English, as before and wider.
    ("They want to stick with what they have", "stick with what they have", False),
    ("Sticking with their current process", "Sticking with their current process", False),
    ("Decided to keep pen and paper for now", "Decided to keep pen and paper", True),
    ("Lost on timing. Staying with pen and paper.", "Staying with pen and paper", True),
    # A complaint or a habit keeps no alternative; nor do words of our own product.
    ("Continuiamo con carta e penna finché non risolvete", None, False),
    ("Wir bleiben bei Zettel und Stift, bis ihr das repariert", None, False),
    ("We keep doing it manually until the export is fixed", None, False),
    ("Half my crew is still on paper because the app crashes", None, False),
    ("We kept the old layout, the new one hides the tips", None, False),
    ("Please keep the old version of the sales report", None, False),
    ("The current system crashes every night at close", None, False),
    ("Il pulsante non fa nulla quando lo premo", None, False),
    ("Restano con Lightspeed, più economico", None, False),
)


@pytest.mark.parametrize(("text", "kept", "by_hand_words"), PHRASES)
def test_the_words_of_keeping_in_each_language(
    text: str, kept: str | None, by_hand_words: bool
) -> None:
    found = re.compile(rf"(?<!\w)(?:{KEPT_PHRASES})(?!\w)", re.IGNORECASE).search(text)
    said = " ".join(found.group(0).split()) if found else None
    assert said == kept
    assert keeps_work_by_hand(said or "") is by_hand_words


def standings(engine: Engine) -> list[tuple[str, str, tuple[str, ...], int]]:
    """The ranking as (name, kind, aliases, deals met), by name."""
    return sorted(
        (s.name, s.kind.value, s.aliases, s.deals_met) for s in competitor_ranking(engine)
    )


def test_the_buyer_s_old_till_joins_the_one_status_quo(engine: Engine, tmp_path: Path) -> None:
    """The QA round's fields: "Doing nothing" first, then "Our old till" and Italian and
    Dutch words for no decision and the old till — one status quo; "Pen and paper" and
    "Carta e penna" work by hand, rows of their own."""
    make_ledgerly(engine)
    fields = (
        "Doing nothing",
        "Our old till",
        "Nessuna decisione",
        "Hun oude kassa",
        "Pen and paper",
        "Carta e penna",
    )
    path = export(tmp_path, *(deal(n, field) for n, field in enumerate(fields, 1)))
    run(engine, SalesforceImporter(), path)
    assert standings(engine) == [
        ("Carta e penna", "homegrown", (), 1),
        (
            "Doing nothing",
            "status_quo",
            ("Hun oude kassa", "Nessuna decisione", "Our old till"),
            4,
        ),
        ("Pen and paper", "homegrown", (), 1),
    ]
