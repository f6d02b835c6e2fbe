"""The words praise is read by in languages other than English, one module per language.

``label.counter`` reads English praise by its own lists; ``label.praise_languages`` reads
the other languages by the same rules, each from a ``Lexicon`` of its words. A language is
one module here and one line in ``LEXICONS``; a language without one (Polish, Japanese...)
is read by the English lists, which find nothing in it, so none of it reads as praise.

Each field is what the English list of the same role is (``counter``'s docstring has the
rules): phrases are separated by commas, a phrase's words by spaces; a field of single words
is separated by spaces. Words are lower-case, accents kept ("fácil"), as the text is folded
before it is read; a phrase is written as it is read, a French elision spelt out ("merci de
avoir résolu" for "merci d'avoir résolu", ``elisions``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from tradeoff.analysis.text.language import name_stop_words

from tradeoff.analysis.label.praise_lexicons.lexicon import Lexicon  # isort: skip
from tradeoff.analysis.label.praise_lexicons import de, es, fr, it, nl, pt

__all__ = ["LEXICONS", "Lexicon", "Words", "compiled", "key_words"]

#: Language code (``text.language``) → its lexicon.
LEXICONS: dict[str, Lexicon] = {
    "es": es.LEXICON,
    "pt": pt.LEXICON,
    "fr": fr.LEXICON,
    "de": de.LEXICON,
    "it": it.LEXICON,
    "nl": nl.LEXICON,
}

Phrase = tuple[str, ...]


def _phrases(text: str) -> tuple[Phrase, ...]:
    return tuple(tuple(part.split()) for part in text.split(",") if part.strip())


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _index(phrases: tuple[Phrase, ...]) -> dict[str, list[Phrase]]:
    """Phrases by their first word, longest first, so a lookup is one dict hit."""
    index: dict[str, list[Phrase]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        index.setdefault(phrase[0], []).append(phrase)
    return index


#: The fields of a ``Lexicon`` that are words, not phrases.
_WORD_FIELDS = (
    "manner_adjectives",
    "negators",
    "requests",
    "wishes",
    "not_conditional",
    "orders",
    "problems",
    "functions",
    "relief",
    "resolved",
    "before",
    "before_time",
    "changes",
    "hedges",
    "elsewhere",
    "places",
    "addressee",
    "reports",
    "not_reports",
    "intensifiers",
    "willing",
    "perceive",
    "general",
    "courtesy",
    "people",
    "attachments",
    "denies_verb",
    "conditionals",
)


@dataclass(frozen=True)
class Words:
    """A lexicon as the reader uses it: sets of words, and phrases indexed by first word."""

    code: str
    lexicon: Lexicon
    praise: dict[str, list[Phrase]] = field(init=False)
    manner: dict[str, list[Phrase]] = field(init=False)
    idioms: dict[str, list[Phrase]] = field(init=False)
    not_praise: dict[str, list[Phrase]] = field(init=False)
    against: dict[str, list[Phrase]] = field(init=False)
    habits: dict[str, list[Phrase]] = field(init=False)
    preambles: dict[str, list[Phrase]] = field(init=False)
    question_openers: dict[str, list[Phrase]] = field(init=False)
    wish_openers: tuple[Phrase, ...] = field(init=False)
    sets: dict[str, frozenset[str]] = field(init=False)
    #: Every word of a cue (praise, manner, idiom): what names nothing.
    judging: frozenset[str] = field(init=False)
    #: The first word of every cue: a text holding none cannot read as praise.
    cue_words: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        lex = self.lexicon
        put = object.__setattr__
        praise, manner = _phrases(lex.praise), _phrases(lex.manner)
        idioms = _phrases(lex.idioms)
        put(self, "praise", _index(praise))
        put(self, "manner", _index(manner))
        put(self, "idioms", _index(idioms))
        put(self, "not_praise", _index(_phrases(lex.not_praise)))
        requests = _phrases(lex.request_phrases) + tuple(
            (*please, verb)
            for please in _phrases(lex.please)
            for verb in (*_words(lex.making), *_words(lex.orders))
        )
        put(
            self,
            "against",
            _index(
                _phrases(lex.problem_phrases)
                + requests
                + _phrases(lex.complaint_asks)
                + _phrases(lex.contrasts)
                + _phrases(lex.turns)
            ),
        )
        put(self, "habits", _index(_phrases(lex.habits)))
        put(self, "preambles", _index(_phrases(lex.preambles)))
        put(self, "question_openers", _index(_phrases(lex.question_openers)))
        put(self, "wish_openers", _phrases(lex.wish_openers))
        put(
            self,
            "sets",
            {name: _words(getattr(lex, name)) for name in _WORD_FIELDS},
        )
        cues = praise + manner + idioms
        put(self, "judging", frozenset(w for phrase in cues for w in phrase))
        put(self, "cue_words", frozenset(phrase[0] for phrase in cues))

    def conditional(self, word: str) -> bool:
        """A verb in the conditional mood ("sería", "serait", "gostaria", "wäre"): a wish,
        told by the word where the lexicon lists it (``Lexicon.conditionals``), else by its
        ending after a stem of three letters or more that ends in no accented letter.

        The stem's length keeps out nouns ("fria", "cría", "trait"), so the forms of "be",
        "have", "go" and "do", whose stems are shorter ("se-ría", "se-rait", "sa-rebbe",
        "au-rait"), are listed. No conditional has an accented letter before its ending,
        while nouns and adjectives do ("bancária", "própria", "história")."""
        if word in self.sets["conditionals"]:
            return True
        if word in self.sets["not_conditional"]:
            return False
        for ending in self.lexicon.conditional_endings.split():
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) > 2 and not _accented(stem[-1]):
                return True
        return False


def _accented(letter: str) -> bool:
    """A letter with a diacritic ("á", "ó", "ê"), told by its decomposition."""
    return len(unicodedata.normalize("NFD", letter)) > 1


_COMPILED: dict[str, Words] = {}


def compiled(code: str) -> Words | None:
    """The lexicon of the language ``code`` ready to read with, built once; None for a
    language without one."""
    if code not in LEXICONS:
        return None
    if code not in _COMPILED:
        _COMPILED[code] = Words(code, LEXICONS[code])
    return _COMPILED[code]


def key_words() -> frozenset[str]:
    """One word of each cue of every language, one a text holding the cue holds: its
    longest word that is no function word of its language nor a number ("melhor" of "a
    melhor", "besten" of "am besten", "estrellas" of "5 estrellas"). A text without any
    cannot read as praise in these languages, so the readers skip it, as ``counter``
    skips an English text without a cue word."""
    keys: set[str] = set()
    for code in LEXICONS:
        words = compiled(code)
        assert words is not None
        lex = words.lexicon
        common = name_stop_words([code])
        for phrase in _phrases(lex.praise) + _phrases(lex.manner) + _phrases(lex.idioms):
            telling = [w for w in phrase if w not in common and not w.isdigit()] or list(phrase)
            keys.add(max(telling, key=len))
    return frozenset(keys)
