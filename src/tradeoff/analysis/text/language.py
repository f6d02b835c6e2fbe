"""Which language an item is written in, told by its function words.

Both embedders are English models: text in Spanish or German gathers by language, not by
topic (a QA corpus's 27 Spanish items on six topics made one theme named after login, and
with MiniLM all 62 Spanish and German items sat in the Apple Watch theme). The engine does
not translate; it tells such items apart so their themes say what they are ("in Spanish").

The guess reads only the commonest function words ("el", "und", "les"...), which carry no
topic and which every sentence of those languages uses: no model, no download, and every
verdict is the words that decided it. A language is named when at least ``MIN_HITS`` of
its words and a ``MIN_SHARE`` of the text's words are its function words, and they
outnumber English ones; else the item counts as English (or too short to tell).

>>> guess_language("El código de verificación nunca llega y no puedo iniciar sesión")
'es'
>>> guess_language("GPS drift on my long runs") is None
True
"""

from __future__ import annotations

import re

#: Function words of each language, left out where they are common English words too
#: ("a", "is", "in", "on", "to", "an", "de" aside, which English names hold: "De Vries").
_FUNCTION_WORDS = {
    "es": """el la los las lo del al que y en un una unos unas por para con mi mis su sus se
        es está están estoy esta este esto hay muy pero como porque ya cuando desde sin sobre
        también nunca siempre puedo tengo hola gracias más ni nos le les mí yo ella""",
    "de": """der die das den dem des ein eine einen einem einer und ist ich mich mir mein
        meine meinen meiner meinem sie wir ihr es zu von mit auf für im nicht kein keine
        bitte habe haben hat wurde wurden wie aber oder wenn dass noch schon kann möchte
        sehr auch nach bei immer nur seit jetzt wird sind war über""",
    "fr": """le la les des du une et je est pas pour dans sur avec ce cette il elle nous
        vous mais ou très qui que mon ma mes au aux ne sont suis été fait depuis""",
    "pt": """o os da do das dos em um uma meu minha não é e que para com por mas muito
        também eu ele ela está estou são foi tem""",
    "it": """il gli della di che non per mio mia sono ho è la le una un con ma anche molto
        io lui lei questo questa nel nella sempre""",
    "nl": """het een en ik mijn niet dat op te voor met geen van zijn er maar ook wel heb
        hebben wordt werd nog bij""",
}
FUNCTION_WORDS = {code: frozenset(words.split()) for code, words in _FUNCTION_WORDS.items()}
#: English function words, against which the others are weighed.
_ENGLISH_WORDS = """the a an and or but is are was were be been i my me we our you your it its
this that to of in on for with at by from not no have has had do does did can will would
there they them he she his her what when why how which who all any some just only very"""
ENGLISH = frozenset(_ENGLISH_WORDS.split())
#: Names of the languages told, for a theme's label.
NAMES = {
    "es": "Spanish",
    "de": "German",
    "fr": "French",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
}
MIN_HITS = 2
MIN_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")


#: Each function word → the languages it belongs to ("en" for English): one look-up per
#: word, where a pass per language read every text seven times (a million Banking77 texts
#: on busy cores: 10.4 s that way, 7.8 s this way).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in (*FUNCTION_WORDS.items(), ("en", ENGLISH)):
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _code)


def guess_language(text: str) -> str | None:
    """The code of the language ``text`` is written in (``FUNCTION_WORDS``), or None for
    English, or a text too short to tell."""
    words = _WORD.findall(text.casefold())
    hits = _hits(words)
    english = hits.pop("en", 0)
    best = _most(hits)
    if best is None:
        return None
    found = hits[best]
    if found < MIN_HITS or found < MIN_SHARE * len(words) or found <= english:
        return None
    return best


def leaning(text: str) -> str | None:
    """The language of at least ``MIN_HITS`` of ``text``'s function words, most first, whatever
    its English ones: "Die Berichte laden extrem langsam, der ... We have 40,000 SKUs" reads
    as English (``guess_language``: as many English words) but leans German."""
    hits = _hits(_WORD.findall(text.casefold()))
    hits.pop("en", None)
    best = _most(hits)
    return best if best is not None and hits[best] >= MIN_HITS else None


def _hits(words: list[str]) -> dict[str, int]:
    """Function words per language code ("en" for English) among ``words``."""
    hits: dict[str, int] = {}
    for word in words:
        for code in _LANGUAGES_OF.get(word, ()):
            hits[code] = hits.get(code, 0) + 1
    return hits


def _most(hits: dict[str, int]) -> str | None:
    """The language of the most hits; a tie goes to the one listed first in
    ``FUNCTION_WORDS``."""
    if not hits:
        return None
    return max(FUNCTION_WORDS, key=lambda code: hits.get(code, 0))


def language_of_group(languages: list[str | None]) -> list[str] | None:
    """The languages a group of items (a theme) is written in, most items first, when at
    least half of its items are in another language than English; None otherwise."""
    foreign = [code for code in languages if code is not None]
    if not foreign or 2 * len(foreign) < len(languages):
        return None
    counts: dict[str, int] = {}
    for code in foreign:
        counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    # A language of a handful of items in a theme of another is no part of its name.
    return [c for c in ranked if 4 * counts[c] >= len(foreign)]


def in_languages(codes: list[str]) -> str:
    """How a label says the languages: "in Spanish", "in Spanish and German"."""
    names = [NAMES[c] for c in codes]
    spoken = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"in {spoken}"
