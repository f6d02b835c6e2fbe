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
from dataclasses import dataclass

from tradeoff.analysis.label.praise_lexicons import LEXICONS, compiled
from tradeoff.analysis.text.language import (
    ENGLISH,
    FUNCTION_WORDS,
    NEGATIONS,
    STOP_WORDS,
    guess_language,
)

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
    conditional's ending ("Sería genial poder exportar"). Where it tells one of the
    languages with a lexicon, two function words may be all it had, and those the
    languages share ("il", "un" are Italian and French): the lexicons' words then say
    which of them it is ("Il manque un mode sombre" is French by "manque").

    >>> read_language("Excelente servicio, muy rápido."), read_language("Super fast, love it")
    ('es', None)
    >>> read_language("De support is geweldig."), read_language("Il manque un mode sombre")
    ('nl', 'fr')
    """
    code = guess_language(text)
    if code is None:
        return lexical_language(text)
    if code not in LEXICONS:
        return None
    return _Tally.of(text).best() or code


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
    via week weekend wifi fare come red son ai ah just bis absolute minutes urgent""".split()  # noqa: SIM905
)


def lexical_language(text: str) -> str | None:
    """The language of a text ``guess_language`` cannot tell: the one whose words
    (``_told_by``; a conditional by its ending when that is no ASCII, "sería") it holds
    most of (``_Tally.best``), when it holds more of them than English function words that
    are not its own too: "is" is Dutch as well, so "De support is geweldig." is Dutch, and
    "me" Spanish, so "Me encanta" is Spanish, while "Super fast, love it" stays English.
    None when no language has a word there."""
    tally = _Tally.of(text)
    best = tally.best()
    if best is None:
        return None
    own = _own_words(best)
    return best if tally.hits[best] > sum(word not in own for word in tally.english) else None


_ORDER = {code: rank for rank, code in enumerate(LEXICONS)}


@dataclass(frozen=True)
class _Tally:
    """The words of a text that tell each language, and its English function words."""

    #: Per language: its words in the text, a word of several languages counting as a
    #: share of one for each ("excelente" half Spanish, half Portuguese).
    shares: dict[str, float]
    #: Per language: how many of the text's words are its words.
    hits: dict[str, int]
    english: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> _Tally:
        shares: dict[str, float] = {}
        hits: dict[str, int] = {}
        english: list[str] = []
        for token in TOKEN.findall(fold(text)):
            if token in ENGLISH:
                english.append(token)
            told = _told_by().get(token, ()) or _elided_in(token)
            if not told and not token.isascii():
                told = tuple(c for c in LEXICONS if _conditional_in(token, c))
            for code in told:
                shares[code] = shares.get(code, 0.0) + 1 / len(told)
                hits[code] = hits.get(code, 0) + 1
            if not told:
                shared = _shared_with_english().get(token, ())
                for code in shared:
                    shares[code] = shares.get(code, 0.0) + 1 / len(shared)
        return cls(shares, hits, tuple(english))

    def best(self) -> str | None:
        """The language of the largest share, so a word only one language writes decides
        between languages that share the others ("il" and "manque": French); a tie goes to
        the first in ``praise_lexicons.LEXICONS``. None when no language has a word."""
        if not self.hits:
            return None
        return max(self.hits, key=lambda code: (self.shares[code], -_ORDER[code]))


def _elided_in(token: str) -> tuple[str, ...]:
    """The languages that elide a word as ``token`` is elided ("j'" is French, "l'" French
    and Italian, by ``Lexicon.elisions``): "J'adore" tells French though "adore" is an
    English word too."""
    if not token.endswith("'"):
        return ()
    return tuple(
        code for code, lexicon in LEXICONS.items() if token[:-1] in (lexicon.elisions or {})
    )


def _own_words(code: str) -> frozenset[str]:
    """The function, stop and negation words of ``code``, English ones among them ("is",
    "in", "was" of Dutch; "me", "no" of Spanish)."""
    return (
        STOP_WORDS.get(code, frozenset())
        | FUNCTION_WORDS.get(code, frozenset())
        | NEGATIONS.get(code, frozenset())
    )


def _conditional_in(word: str, code: str) -> bool:
    words = compiled(code)
    return words is not None and words.conditional(word)


_TOLD_BY: dict[str, tuple[str, ...]] = {}
_SHARED_WITH_ENGLISH: dict[str, tuple[str, ...]] = {}


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
                # A number ("10 de 10") or an ASCII letter ("t" of "que se passe-t-il", or
                # of "isn't") tells no language; "è", "é", "à" do.
                if (len(word) > 1 or not word.isascii()) and not word.isdigit():
                    _TOLD_BY[word] = (*_TOLD_BY.get(word, ()), code)
            for word in _own_words(code) & (ENGLISH_HOMOGRAPHS | ENGLISH):
                _SHARED_WITH_ENGLISH[word] = (*_SHARED_WITH_ENGLISH.get(word, ()), code)
    return _TOLD_BY


def _shared_with_english() -> dict[str, tuple[str, ...]]:
    """Each function word of the languages that is an English word too ("de", "la", "is",
    "die") → the languages it is one of: no sign that a text is not English, but in one
    that is not, a sign of which language it is in ("De beste app" is Dutch, not German)."""
    _told_by()
    return _SHARED_WITH_ENGLISH
