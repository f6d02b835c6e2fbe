"""The shape of one language's loss-reason word lists, and how a word is spelled for them.

Sellers in Madrid, São Paulo, Lyon, Munich, Milan or Utrecht write loss reasons in their own
language ("Muy caro para 40 empleados", "Projeto adiado, sem decisão", "Troppo caro x una PMI");
read with English lists alone, a QA corpus left 16 of 84 lost deals (EUR 1.6M) unclassified,
and their notes were filed into product themes as demand. Each language has its own module
(``loss_cues_es``, ``_pt``, ``_fr``, ``_de``, ``_it``, ``_nl``), one ``LanguageCues`` each,
and ``loss_cues_abroad`` joins them to the English lists of ``loss_cues``: the rules of
``loss_reasons`` read them all, on every text, with no guess of its language (a reason of
four words gives a guess nothing to go on, and "Sin SSO, too expensive" is both). A word of
one language that means something else in another is left out or written as a phrase (French
"reporté", postponed, is Spanish "reporte", a report).

Accents never matter: a word is compared without them (``plain``), so "orçamento",
"orcamento" and "ORÇAMENTO" are one word, and a German umlaut is also written with an "e"
after it, the way Germans type without one ("später", "spaeter" and "spater" all match a cue
written "später").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import product

from tradeoff.domain.enums import LossCategory

_DIAERESIS = "\u0308"
#: What ends a clause: a reason's separators ("Lost to Deel - no CFDI stamping").
CLAUSE_END = re.compile(r"[.,;:!?()\[\]/|+&]|\s[-\u2013\u2014]+\s|\u2014")
_UMLAUTED = frozenset("aou")


def typed(text: str) -> list[str]:
    """The words of a reason in the case typed ("CFDI" stays a name), "n't" and "cannot"
    spelled out: what the rules read, before folding (``loss_cue_index.written``)."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'")
    text = re.sub(r"cannot", "can not", re.sub(r"n't\b", " not", text, flags=re.I), flags=re.I)
    return re.sub(r"[\W_]+", " ", text).split()


def clause_starts(text: str) -> frozenset[int]:
    """Where, in the words of ``text`` (``typed``, as folding keeps them), each clause starts.

    >>> sorted(clause_starts("Lost to Deel - no CFDI stamping, too slow"))
    [0, 3, 6]
    """
    starts, at = set(), 0
    for clause in CLAUSE_END.split(text):
        starts.add(at)
        at += len(typed(clause))
    return frozenset(starts)


def plain(word: str, *, umlaut: str = "e") -> str:
    """``word`` without the accents of Latin letters (other scripts keep their marks); an
    umlauted a, o or u gains ``umlaut`` ("für" is "fuer").

    >>> plain("orçamento"), plain("später"), plain("später", umlaut="")
    ('orcamento', 'spaeter', 'spater')
    """
    if word.isascii():
        return word
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", word):
        base = kept[-1] if kept else ""
        if not unicodedata.combining(char) or not base.isascii() or not base.isalpha():
            kept.append(char)
        elif char == _DIAERESIS and base in _UMLAUTED:
            kept.append(umlaut)
    return unicodedata.normalize("NFC", "".join(kept))


def words(text: str) -> frozenset[str]:
    """The words of ``text``, split at spaces: a list of single words written as one string.

    >>> sorted(words("kein keine"))
    ['kein', 'keine']
    """
    return frozenset(text.split())


def spellings(phrase: str) -> Iterator[str]:
    """The ways a listed phrase is matched: accents dropped, and each umlaut written with
    and without its "e" ("kein budget" once; "später" as "spaeter" and "spater")."""
    options = [dict.fromkeys((plain(word), plain(word, umlaut=""))) for word in phrase.split()]
    for words in product(*options):
        yield " ".join(words)


@dataclass(frozen=True)
class LanguageCues:
    """One language's lists for the loss taxonomy; each plays the part of the English list
    of ``loss_cues`` named in its comment. Phrases are written as sellers spell them,
    accents and all; an apostrophe is a space ("d'intérêt" is "d intérêt")."""

    #: The language's name, as docs/sales.md heads its lists.
    name: str
    #: The keywords of each category (``loss_cues.CUES``).
    cues: Mapping[LossCategory, tuple[str, ...]]
    #: Things of a product holding a keyword, which count for no category (``NAMES``).
    names: tuple[str, ...] = ()
    #: Words that negate like "not" (``NEGATORS``).
    negators: frozenset[str] = frozenset()
    #: Negators that only carry on a negation or follow a copula ("n'est ni cher ni
    #: lent", "não é caro nem complexo"); before a thing with none before them they list
    #: what is missing ("ni budget ni sponsor", "Es gab weder Budget noch Sponsor"), as
    #: English "nor" does (``CARRIED_NEGATORS``).
    carried_negators: frozenset[str] = frozenset()
    #: A negator and the word after it that say a thing is absent, as "no" does: "pas de
    #: budget" is no budget, not "not budget" (``loss_reasons._negates``).
    absent_negations: tuple[str, ...] = ()
    #: Words after which ``copula_negator`` negates like "not": "no es caro", "non è
    #: caro" (Spanish "no" is also English "no", which names the missing thing: "no
    #: presupuesto" is no budget; Italian "non" is also English "non-": "non-compliant").
    no_before: frozenset[str] = frozenset()
    copula_negator: str = "no"
    #: Copulas (``LINKING``): "el precio era razonable", "Budget war zu knapp".
    linking: frozenset[str] = frozenset()
    #: Articles (``ARTICLES``), over which a negation reaches ("pas le prix").
    articles: frozenset[str] = frozenset()
    #: Words between a negation and a keyword saying the thing was not got or shown
    #: (``ABSENCE_FRAME``): "não viram valor", "pas assez de budget".
    absence_frame: tuple[str, ...] = ()
    #: Words, besides ``negators``, that deny a dismissal's subject: "sin problemas de
    #: precio", "kein Problem mit dem Preis".
    denials: frozenset[str] = frozenset()
    #: Gap keywords that only say something is absent (``ABSENCE_MARKERS``, ``SHORTFALL_
    #: MARKERS``): "falta de presupuesto" is price, "Budget fehlt" too.
    absence_markers: frozenset[str] = frozenset()
    #: Words between such a marker and the thing absent (``ABSENCE_FILLER``).
    absence_filler: frozenset[str] = frozenset()
    #: Keywords that only judge how the thing beside them fits ("passt nicht", "no
    #: encaja"), and the words between them and a thing after them: the thing, a keyword
    #: of another category, decides ("Preis passt nicht", "no encaja en su presupuesto":
    #: ``loss_described``).
    verdicts: frozenset[str] = frozenset()
    verdict_filler: frozenset[str] = frozenset()
    #: Dismissals (``DISMISSED``, ``DISMISSED_ALONE``): "el precio no fue el problema".
    dismissed: frozenset[str] = frozenset()
    dismissed_alone: frozenset[str] = frozenset()
    #: Feature frames and nouns (``FEATURE_FRAME``, ``FEATURE_NOUNS``, ``NEED_FRAME``).
    feature_frame: tuple[str, ...] = ()
    feature_nouns: tuple[str, ...] = ()
    need_frame: tuple[str, ...] = ()
    #: Qualities a product is asked for (``QUALITIES``): "necesita seguridad".
    qualities: frozenset[str] = frozenset()
    #: Stage keywords (``STAGES``): "prueba de concepto".
    stages: frozenset[str] = frozenset()
    #: Sayings read when a reason holds no keyword (``loss_sayings.SAYINGS``).
    sayings: Mapping[LossCategory, tuple[str, ...]] = field(default_factory=dict)
    #: Words that open a clause saying a thing is absent ("Sin timbrado de nómina"), and
    #: words that, as that thing, name no feature (``loss_sayings.NOT_A_FEATURE``).
    absent_openers: tuple[str, ...] = ()
    not_a_feature: frozenset[str] = frozenset()
    #: Words that make a ``timing_no_decision`` keyword the buyer's capacity ("keine
    #: Kapazität", "sin tiempo", "tijdgebrek": a keyword word starting so), which weighs
    #: one (``loss_capacity``); words after one that a task follows ("für", "para"),
    #: whose words count for nothing, up to the clause's end or a ``task_ends`` word.
    capacity_nouns: tuple[str, ...] = ()
    capacity_purposes: frozenset[str] = frozenset()
    task_ends: frozenset[str] = frozenset()
    #: Whether the language joins nouns into one word (German, Dutch): after its absent
    #: openers a feature word may end a word ("Keine Lohnabrechnung", "Geen
    #: urenregistratiemodule": ``loss_absent``).
    joins_nouns: bool = False
    #: Whether it capitalises every noun (German): after its absent openers a capital
    #: first names no product ("Keine Kapazität"); acronyms still do ("Ohne DATEV").
    capitalises_nouns: bool = False
