"""Which language an item's praise is read in: its own, when it is one with a lexicon.

``text.language`` tells a language by two or more of its function words. A short answer
has fewer ("¡Excelente servicio!", "Top Support, sehr schnell!", "Parfait, merci !"), and
short answers are much of what surveys and reviews hold, so where it tells none the words
of the lexicons decide (``lexical_language``). Words that are English too ("super", "top",
"simple", "app", "crash": ``ENGLISH_HOMOGRAPHS``) tell none, so a short English answer
("Super fast, love it", "Top notch") stays English.
"""

from __future__ import annotations

import re

from tradeoff.analysis.label.praise_lexicons import LEXICONS, compiled
from tradeoff.analysis.text.language import ENGLISH, FUNCTION_WORDS, STOP_WORDS, guess_language

#: A word (letters and digits of any script), an elided word with its apostrophe ("l'",
#: "qu'"), or a mark that ends a clause.
TOKEN = re.compile(r"[^\W\d_]{1,6}'(?=[^\W_])|[^\W_]+|[,;:()\u2013\u2014]")


def fold(text: str) -> str:
    """Lower case, typographic apostrophes as ASCII ones."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def read_language(text: str) -> str | None:
    """The code of the language ``text`` is read in here, or None when it is English or a
    language without a lexicon (``counter`` reads it by the English rules).

    ``text.language`` tells a language by two or more of its function words; a short
    answer has fewer ("¡Excelente servicio!", "Top Support, sehr schnell!"), so where it
    tells none, the words of the lexicons decide (``lexical_language``), and so does a
    conditional's ending ("Sería genial poder exportar").

    >>> read_language("Excelente servicio, muy rápido."), read_language("Super fast, love it")
    ('es', None)
    """
    code = guess_language(text)
    if code is not None:
        return code if code in LEXICONS else None
    return lexical_language(text)


#: Words of the lexicons that are English words too, so they tell no language: "Super
#: fast!", "Top notch", "Excellent support", "App crash", "Simple and clean" are English.
#: (The lexicons' ASCII words checked against Banking77's and QA testers' English texts,
#: then by hand.)
ENGLISH_HOMOGRAPHS = frozenset(
    """super top simple simples perfect excellent genial formidable impeccable prompt direct
    content adore bravo chapeau nickel total gentile gentil continue toll beau bon mille
    zero fine den die hut am in im all on un a as o os em com na de la le lo al el en me no
    i it is was so van door heel dank erg ga het pas nota sin mil gran grand correction
    solution resolver von app apps application applications arrive best bug bugs charge
    computer crash end error fast feature half hand help horrible ideal images important
    impossible incorrect internet laptop legal man note ok okay over pc per personal
    platform possible print problem product programme question re request resolve rest
    screenshot software start system team terrible time tool tools update updates version
    via week weekend wifi fare come red son ai ah just bis""".split()  # noqa: SIM905
)


def lexical_language(text: str) -> str | None:
    """The language of a text ``guess_language`` cannot tell: the one more of whose words
    (``_told_by``; a conditional by its ending when that is no ASCII, "sería") it holds
    than it holds English function words; ties go to the first in
    ``praise_lexicons.LEXICONS``. None when no language has one."""
    hits: dict[str, int] = {}
    english = 0
    for token in TOKEN.findall(fold(text)):
        if token in ENGLISH:
            english += 1
        told = _told_by().get(token, ())
        if not told and not token.isascii():
            told = tuple(c for c in LEXICONS if _conditional_in(token, c))
        for code in told:
            hits[code] = hits.get(code, 0) + 1
    if not hits:
        return None
    best = max(LEXICONS, key=lambda code: hits.get(code, 0))
    return best if hits.get(best, 0) > english else None


def _conditional_in(word: str, code: str) -> bool:
    words = compiled(code)
    return words is not None and words.conditional(word)


_TOLD_BY: dict[str, tuple[str, ...]] = {}


def _told_by() -> dict[str, tuple[str, ...]]:
    """Each word that tells a language in ``lexical_language`` → the languages it tells:
    every word of its lexicon and its function words, ``ENGLISH_HOMOGRAPHS``, English
    function words and numbers aside. Built once; one look-up per word, not one per
    language."""
    if not _TOLD_BY:
        for code, lexicon in LEXICONS.items():
            told = set(STOP_WORDS.get(code, ())) | set(FUNCTION_WORDS.get(code, ()))
            for value in vars(lexicon).values():
                if isinstance(value, str):
                    told.update(value.replace(",", " ").split())
            for word in told - ENGLISH_HOMOGRAPHS - ENGLISH:
                # A number ("10 de 10") or a letter ("t" of "que se passe-t-il", or of
                # "isn't") tells no language.
                if len(word) > 1 and not word.isdigit():
                    _TOLD_BY[word] = (*_TOLD_BY.get(word, ()), code)
    return _TOLD_BY
