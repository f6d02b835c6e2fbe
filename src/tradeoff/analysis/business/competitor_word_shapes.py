"""Where a competitor's name that is also a common word is the word, whatever its capital.

A restaurant product's rivals Toast and Square are English words, and capitals do not
always tell them apart: a QA round's tickets counted 28 of Toast's 62 mentions from food
("Avocado Toast", "the toast station", Dutch "toast-gerechten") and 21 of Square's 49
from units, places and idioms ("40 square metres", "Market Square", "het Square in
Zwolle"). Whether a name is a word of a language the workspace's usage tells
(``competitor_common_words``); these are the shapes a word takes that a product's name
does not, read in every language:

- **a unit of measure** after it: "40 square metres", "1,200 square feet", "per square
  foot", "the square footage" (abbreviations such as "m", "ft" and "km" only after a
  number: "40 square m"). The shape shows the word on its own (``WordShape.evident``);
- **part of another proper name**: capitalised after one or more capitalised words of
  the same sentence, joined by spaces or a hyphen — a dish, a place, a title: "Avocado
  Toast", "French Toast", "Market Square", "Times Square", German "Avocado-Toast". The
  words before must be no sentence's first word (every first word has a capital), unless
  quotes or a hyphen join them ("'Avocado Toast'", "Avocado-Toast"); no function word
  ("At Toast", "I Toast"); nor capitals, which write a maker's name ("SAP Concur"); and
  the sentence must not be written in title case ("Switching To Toast Next Month"), where
  every word has a capital. German, which capitalises every noun, is read so only for a
  hyphen. A name in quotes after other words ("'Avocado Toast'": a menu item, a label) is
  evident; otherwise the name must be a word somewhere in the workspace, since a maker
  may stand before its product the same way ("Oracle NetSuite");
- **a noun after a definite article** with a function word, not a noun, after it: "aan
  het Square in Zwolle", "the Toast was cold" ("the Square terminal" may be the product;
  "and" and "or" may list vendors: neither is read so);
- **a compound** written in lower case, the name joined by a hyphen to a word: "toast-
  gerechten", "avocado-toast", "square-foot"; a capital keeps a brand's compound the
  product's ("Toast-Kasse", "Personio-App"). A compound written as one word
  ("Toastbrot") never holds the name: names are found as whole words.

Words that show the product still win over any shape ("switched to the Square in
Zwolle", ``competitor_common_words.marks_a_product``), read from the first word of the
other name: "moving to Market Square" would be the product.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from tradeoff.analysis.text.language import ENGLISH, STOP_WORDS

#: Languages that capitalise every noun: a capital there does not make a name, and a space
#: between two capitalised words says nothing (a hyphen still joins one name).
NOUNS_CAPITALISED = frozenset({"de"})
#: What opens a quotation around a title ("'Avocado Toast'", "“Market Square”").
QUOTES = "'\"‘’“”«»„"
#: Units of measure written out, after the name: the word, whatever comes before.
_UNIT = re.compile(
    r"[ \t]+(?:metres?|meters?|feet|foot|footage|inch(?:es)?|yards?|miles?|acres?|"
    r"(?:kilo|centi|milli)met(?:re|er)s?)(?!\w)",
    re.IGNORECASE,
)
#: Units abbreviated, read only after a number ("40 square m", "12 square km").
_UNIT_SHORT = re.compile(r"[ \t]*(?:km|cm|mm|m|ft|yd|mi)[2²]?(?!\w)", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(r"\d[\d.,]*[ \t]*$")
#: The word right before a position and what joins it to the next: spaces or a hyphen.
_WORD_BEFORE = re.compile(r"(?<![\w-])(?<!\w['’])([^\W\d_][\w'’]*)([ \t]+|-)$")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
#: Definite articles of each language the product reads.
_DEFINITE = {
    "en": "the",
    "es": "el|la|los|las",
    "pt": "o|a|os|as",
    "fr": "le|la|les|l['’]",
    "de": "der|die|das|dem|den|des",
    "it": "il|lo|la|i|gli|le|l['’]",
    "nl": "de|het",
}
_ARTICLE_BEFORE = {
    code: re.compile(rf"(?<![\w'’-])(?:{words})(?:[ \t]+|(?<=['’]))$", re.IGNORECASE)
    for code, words in _DEFINITE.items()
}
#: Conjunctions: "the Toast and Square quotes" lists vendors, so a noun may still follow.
_CONJUNCTIONS = frozenset(
    {"and", "or", "but", "nor", "en", "of", "maar", "und", "oder", "aber", "sondern", "et"}
    | {"ou", "mais", "ni", "e", "ed", "o", "ma", "né", "y", "u", "pero", "mas", "nem"}
)
#: A hyphen joining the name to a word in lower case, after it or before it.
_JOINED_AFTER = re.compile(r"-[^\W\d_]")
_JOINED_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)-$")
#: What may stand between a sentence's end and its first word: spaces, quotes, brackets,
#: bullets, Spanish opening marks.
_OPENING = " \t\r\"'“‘«¿¡([{*•·-#"
#: What ends a sentence for a name after it (a tag's end too: "<p>Gusto ...").
_SENTENCE_END = ".!?:;\n>"
_TITLE_WORD = re.compile(r"[^\W\d_]{3,}")
#: In a sentence in title case, nearly every word of three letters or more is capitalised.
TITLE_CASE_SHARE = 0.75


@dataclass(frozen=True)
class WordShape:
    """A name written in a word's shape. ``start``: where the words it is part of begin (a
    product's words must stand before them: ``marks_a_product``); ``evident``: whether the
    shape alone shows the word (a unit, a title in quotes), whatever the workspace's
    usage; ``noun``: used as a common noun, after an article ("the Toast was cold"). Both
    are the word's use in the item's language; the last word of another name ("Market
    Square") is neither the word's use nor the product's."""

    start: int
    evident: bool
    noun: bool = False

    @property
    def as_word(self) -> bool:
        return self.evident or self.noun


def word_shape(text: str, start: int, end: int, languages: Collection[str]) -> WordShape | None:
    """The word's shape the name at ``text[start:end]`` is written in, read in English and
    ``languages``; None for none.

    >>> word_shape("Our site on Market Square is the worst", 19, 25, ["en"])
    WordShape(start=12, evident=False, noun=False)
    >>> word_shape("We are looking at Square for the bar", 18, 24, ["en"]) is None
    True
    """
    if measured(text, start, end):
        return WordShape(start, True)
    said = text[start:end]
    if said[:1].isupper() and not said.isupper():
        shaped = _part_of_a_name(text, start, end, languages)
        if shaped is not None:
            return shaped
    if _noun_after_article(text, start, end, languages):
        return WordShape(start, False, noun=True)
    if said.islower():
        joined = _JOINED_BEFORE.search(text, max(0, start - 40), start)
        if joined is not None and joined.group(1).islower():
            return WordShape(joined.start(), False)
        if _JOINED_AFTER.match(text, end) and text[end + 1].islower():
            return WordShape(start, False)
    return None


def measured(text: str, start: int, end: int) -> bool:
    """Whether a unit of measure follows the name at ``text[start:end]``: "40 square
    metres", "per square foot" (the evident shape, read in any language)."""
    if _UNIT.match(text, end):
        return True
    return _UNIT_SHORT.match(text, end) is not None and bool(
        _NUMBER_BEFORE.search(text, max(0, start - 20), start)
    )


def _function_words(languages: Collection[str]) -> frozenset[str]:
    words = set(ENGLISH)
    for code in languages:
        words |= STOP_WORDS.get(code, frozenset())
    return frozenset(words)


def _part_of_a_name(
    text: str, start: int, end: int, languages: Collection[str]
) -> WordShape | None:
    """The capitalised name as the last word of another proper name: "Market Square"."""
    nouns_capitalised = bool(languages) and all(c in NOUNS_CAPITALISED for c in languages)
    function_words = _function_words(languages)
    at, first = start, None
    while True:
        found = _WORD_BEFORE.search(text, max(0, at - 60), at)
        if found is None:
            break
        word, joint = found.group(1), found.group(2)
        hyphen = joint == "-"
        if not word[:1].isupper() or word.isupper() or word.casefold() in function_words:
            break
        if nouns_capitalised and not hyphen:
            break
        opening = opens_sentence(text, found.start(1))
        quoted = found.start(1) > 0 and text[found.start(1) - 1] in QUOTES
        if opening and not (quoted or hyphen):
            break
        first = found.start(1)
        if opening:
            break
        at = first
    if first is None:
        return None
    quoted = first > 0 and text[first - 1] in QUOTES and text[end : end + 1] in tuple(QUOTES)
    if not quoted and _title_case(text, first, end):
        return None
    return WordShape(first, quoted)


def _noun_after_article(text: str, start: int, end: int, languages: Collection[str]) -> bool:
    """A definite article before the name and a function word after it: "het Square in
    Zwolle", "the Toast was cold"."""
    floor = max(0, start - 12)
    codes = ("en", *(c for c in languages if c in _ARTICLE_BEFORE and c != "en"))
    if not any(_ARTICLE_BEFORE[code].search(text, floor, start) for code in codes):
        return False
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(1).casefold()
    return word in _function_words(languages) and word not in _CONJUNCTIONS


def opens_sentence(text: str, start: int) -> bool:
    """Whether ``text[start:]`` starts a sentence (or the text, or a line)."""
    at, floor = start, max(0, start - 40)
    while at > floor and text[at - 1] in _OPENING:
        at -= 1
    return at == 0 or text[at - 1] in _SENTENCE_END


def _title_case(text: str, first: int, end: int) -> bool:
    """Whether the sentence around ``text[first:end]`` capitalises nearly every word."""
    left = max(text.rfind(mark, 0, first) for mark in _SENTENCE_END)
    rights = [at for mark in _SENTENCE_END if (at := text.find(mark, end)) >= 0]
    sentence = text[left + 1 : min(rights) if rights else len(text)]
    words: list[str] = _TITLE_WORD.findall(sentence)
    if len(words) < 3:
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised >= TITLE_CASE_SHARE * len(words)
