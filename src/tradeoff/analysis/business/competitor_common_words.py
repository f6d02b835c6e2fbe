"""Competitor names that are common words of the item's language: "gusto", "close", "deel".

A payroll product's rival Gusto is a Spanish and Italian word ("Mucho gusto", "Un gusto
saludarles", "Con gusto espero su respuesta"): read as whole words, a QA corpus's Spanish
courtesies made 61 of Gusto's 76 mentions. English has its own ("we work remote", "the
close date", "on Monday"), and so does every language (Dutch "een deel van", part of).

**When a name is a common word of a language.** No word list can hold every product name
that is also a word, so the workspace is its own dictionary. In the languages written in
Latin letters a proper name is capitalised inside a sentence and a common word is not; a
name that the items written in a language (``languages_of``) write in lower case inside a
sentence, in ``MIN_WORD_ITEMS`` items at least and in at least ``WORD_SHARE`` (a fifth) of
the items that write it inside a sentence either way (``NameUsage``), is one of that
language's words. A fifth, not a majority: a workspace that often names a rival whose name
is a word writes the rival more often than the word, and a product's name is seldom written
in lower case by writers who capitalise. A unit after it ("40 square metres") or a title in
quotes it ends ("'Avocado Toast'") is the word's use in any case; a capital that starts
the last word of another proper name ("Market Square") is no vote for the name
(``competitor_word_shapes``).
Two cases capitals cannot tell: German writes every noun with a capital, so there a use
right after an article ("die Sage", "der Gusto") counts as the word's, as a noun after an
article with a function word after it does in every language ("the Toast was cold"); and
English and German capitalise the days and the months, so there a day's name is read by
its context (``competitor_days``): "every Monday", "on Monday", "Monday morning" date
something and are the day, votes neither way, whatever else the workspace says; "Half the
team prefers Monday" is read like any other name. A text written without capitals says
nothing either way, and neither does a web address ("monday.com" is the product's name in
lower case).

**When such a name is the product.** In an item of a language the name is a common word
of, a *bare* occurrence — in lower case, at a sentence's start, in capitals, or in German
— is the product only where the words around it show one (``competitor_product_words``):
a word of competing, moving, choosing or price right before it ("cambiarnos a gusto",
"seguirán con su gestoría"), a comparison or a feature it has right after it ("gusto es
más barato", "Gusto tiene integración con Xero"), a contrast with us after it ("... y
ustedes no": ``competitor_contrast``), a web address ("gusto.com"), the possessive
("Gusto's"), or a customer who came from it or may leave for it (``mention_stance``).
At a sentence's start, where every word is capitalised, a company's verb right after it
marks it too ("Remote already runs their EOR"; not "Remote work is fine for us":
``competitor_openers``). A capitalised name, at a sentence's start or after "the" too, is
the product with a word of a product's range after it ("Toast POS", "Square for
Restaurants"), in a list of other names, in a comparison ("comparing you with the Toast",
"the Square is more reliable"), or with its price, the buyer's choice, a fault or the
buyer's sites in its clause ("Toast is too expensive", "have the Toast in two sites":
``competitor_openers.named_as_product``); such a use after "the" is no vote for the word.
Capitalised inside a sentence of a language whose capitals mark names, it is the product
("Nos cambiamos a Gusto"). A dated day's name is the day unless a word right before it or
a web address shows the product ("switched to Monday", "monday.com").

**Shapes only a word takes** (``competitor_word_shapes``) are the word in any language and
any case, unless the words around show the product: a unit after it ("40 square metres"),
the last word of another proper name ("Avocado Toast", "Market Square"), a noun after an
article ("het Square in Zwolle"), a compound in lower case ("toast-gerechten"). A unit and
a title in quotes show it alone; the others only for a name the workspace writes as a word
somewhere (``NameUsage.common_somewhere``), since a maker may stand before its product
("Oracle NetSuite").

**A person's first name** ("Jane", "Otto") is a person where a role, a title or a greeting
stands right before it, or a desk, a person's verb or a surname right after it ("Our
receptionist Jane", "Jane at the front desk", "Jane aus der Anmeldung"), unless words of
moving to it, using it or its parts show the product (``competitor_person_names``).

A name that is no common word of the item's language is read as before, in any case:
"personio" in lower case is Personio.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from typing import Protocol

from tradeoff.analysis.business import competitor_product_words as product_words
from tradeoff.analysis.business.competitor_contrast import contrasts_with_us
from tradeoff.analysis.business.competitor_days import DAYS, dated, day_or_month
from tradeoff.analysis.business.competitor_openers import acts_after, named_as_product
from tradeoff.analysis.business.competitor_person_names import first_name, read_as_person
from tradeoff.analysis.business.competitor_word_shapes import (
    NOUNS_CAPITALISED,
    measured,
    opens_sentence,
    word_shape,
)
from tradeoff.analysis.business.mention_stance import stance_of
from tradeoff.analysis.text.language import ENGLISH, FUNCTION_WORDS, guess_language
from tradeoff.domain.enums import MentionStance
from tradeoff.domain.names import fold

#: The languages that capitalise the days and the months (``competitor_days``).
DAYS_CAPITALISED = tuple(DAYS)
#: Items of a language that must write a name in lower case before it is one of the
#: language's words: a writer who forgets a capital once does not make "personio" a word.
MIN_WORD_ITEMS = 2
#: The least share of a language's items writing a name inside a sentence that must write
#: it in lower case for it to be a word of the language. A product's name is seldom
#: written in lower case by writers who capitalise (none of a QA round's 19 Lightspeed
#: items did); a word that is also a rival's name shares its items with the rival's
#: mentions, and a workspace that talks of the rival often writes the rival more often than
#: the word: a QA round's English tickets wrote "square" in lower case in 13 items and
#: "Square" in 30 (the rival, and "Market Square").
WORD_SHARE = 0.2
#: German articles: a noun after one, or after one and an adjective (written in lower
#: case), is used as a noun ("die Sage", "eine alte Sage").
_GERMAN_ARTICLE = re.compile(
    r"(?<!\w)(?i:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|"
    r"keinen|keinem|keiner)\s+(?:[a-zäöüß]\w*\s+)?$"
)
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_REST_END = re.compile(r"[.!?\n]")
ENGLISH_CODE = "en"


def languages_of(text: str) -> tuple[str, ...]:
    """The languages ``text`` may be written in: the one ``guess_language`` names, else
    those whose function words it holds more of than English ones (all that hold the most,
    since a short "Un gusto saludarles." is Spanish or Italian), else English.

    >>> languages_of("Un gusto saludarles."), languages_of("The close date is wrong")
    (('es', 'it'), ('en',))
    """
    code = guess_language(text)
    if code is not None:
        return (code,)
    hits: Counter[str] = Counter()
    english = 0
    for word in _WORD.findall(text.casefold()):
        english += word in ENGLISH
        for language, words in FUNCTION_WORDS.items():
            hits[language] += word in words
    most = max(hits.values(), default=0)
    if most == 0 or most <= english:
        return (ENGLISH_CODE,)
    return tuple(sorted(language for language, count in hits.items() if count == most))


def languages_when_asked(text: str) -> Callable[[], tuple[str, ...]]:
    """``languages_of(text)``, guessed on the first call and kept: most texts that hold a
    name never need it, and a text's learning and reading share the one guess."""
    guessed: list[tuple[str, ...]] = []

    def languages() -> tuple[str, ...]:
        if not guessed:
            guessed.append(languages_of(text))
        return guessed[0]

    return languages


class UsageQuestions(Protocol):
    """What reading a name asks of the workspace's usage (``NameUsage``)."""

    def common_somewhere(self, key: str) -> bool: ...

    def common(self, key: str, languages: Iterable[str]) -> bool: ...


#: The questions one reading asked of a usage, and the answers it got: (folded name, the
#: languages asked about or None for ``common_somewhere``) → answer.
Answers = dict[tuple[str, tuple[str, ...] | None], bool]


class NameUsage:
    """How the workspace writes each name, per language: in lower case inside a sentence
    (a common word's use) or capitalised there (a proper name's); and which names it writes
    somewhere in a shape only a word takes (a unit, a title in quotes:
    ``competitor_word_shapes``). Folded names as keys."""

    def __init__(self) -> None:
        self._as_word: Counter[tuple[str, str]] = Counter()
        self._as_name: Counter[tuple[str, str]] = Counter()
        self._shaped: set[str] = set()
        self._common: set[str] | None = None

    def read(
        self,
        text: str,
        found: Iterable[tuple[str, int, int]],
        languages_of_text: Callable[[], tuple[str, ...]] | None = None,
    ) -> None:
        """Count the uses in one item of the names ``found`` in it (folded name, start,
        end), each way once per item and language. ``languages_of_text``: the item's
        languages when a caller guesses them once for all its reading
        (``languages_when_asked``). A capital that starts another proper name's last word
        ("Market Square", "'Avocado Toast'") or a noun after an article ("het Square in
        Zwolle") is no vote for the name: it is the word's, in a name of its own."""
        guessed: list[tuple[str, ...]] = []

        def languages() -> tuple[str, ...]:
            if not guessed:
                guessed.append(languages_of_text() if languages_of_text else languages_of(text))
            return guessed[0]

        capitals: bool | None = None
        seen: set[tuple[str, str, bool]] = set()
        shaped = len(self._shaped)
        for key, start, end in found:
            said = text[start:end]
            if product_words.written_as_product(text[end : end + 40], possessive=False):
                continue  # "monday.com": the product's address, in lower case or not
            if measured(text, start, end):
                self._shaped.add(key)
                as_word = True  # "40 square metres", in any case
            elif said.islower():
                if capitals is None:
                    capitals = any(c.isupper() for c in text)
                if not capitals:
                    continue  # a writer who never capitalises tells nothing
                as_word = True
            elif said[:1].isupper() and not said.isupper():
                shape = word_shape(text, start, end, languages())
                if shape is not None and shape.evident:
                    self._shaped.add(key)
                if shape is not None and shape.noun and named_as_product(text, start, end):
                    continue  # "have the Toast in two sites": the product, no word's use
                if shape is not None and shape.as_word:
                    as_word = True  # "'Avocado Toast'" (a title), "the Toast was cold"
                elif shape is not None:
                    continue  # "Market Square": a name of its own, the word in it
                elif opens_sentence(text, start):
                    continue  # a sentence's first word: either
                else:
                    as_word = False
            else:
                continue  # capitals: either
            for language in languages():
                if day_or_month(key, [language]) and dated(text, start, end, [language]):
                    continue  # "every Monday": the day, read so wherever it is dated
                seen.add((key, language, as_word or _a_noun(text, start, end, language)))
        for key, language, as_word in seen:
            (self._as_word if as_word else self._as_name)[key, language] += 1
        if seen or len(self._shaped) != shaped:
            self._common = None

    def common_somewhere(self, key: str) -> bool:
        """Whether the folded name may be a common word: one of a language, one written
        somewhere in a shape only a word takes ("40 square metres"), a day or a month, or
        a person's first name ("Jane": both read by their context). Most names are none,
        and need no guess of an item's language."""
        if self._common is None:
            words = {k for k, code in self._as_word if self._as_word_there(k, code)}
            self._common = words | self._shaped
        return key in self._common or day_or_month(key, DAYS_CAPITALISED) or first_name(key)

    def common(self, key: str, languages: Iterable[str]) -> bool:
        """Whether the folded name is a common word of one of ``languages``."""
        return any(self._as_word_there(key, language) for language in languages)

    def votes(self) -> dict[tuple[str, str], tuple[int, int]]:
        """(folded name, language) → (items that write it as a word, items that write it as
        a name): with ``shaped``, all that decides which names are words, to compare two
        readings of one workspace by."""
        keys = self._as_word.keys() | self._as_name.keys()
        return {key: (self._as_word[key], self._as_name[key]) for key in sorted(keys)}

    @property
    def shaped(self) -> frozenset[str]:
        """The folded names written somewhere in a shape only a word takes."""
        return frozenset(self._shaped)

    def answers_hold(self, answers: Answers) -> bool:
        """Whether this usage gives every answer a reading got (``UsageAsked``): where it
        does, reading the text again would read it the same."""
        return all(
            (self.common_somewhere(key) if languages is None else self.common(key, languages))
            == answer
            for (key, languages), answer in answers.items()
        )

    def _as_word_there(self, key: str, language: str) -> bool:
        """At least ``MIN_WORD_ITEMS`` items write it in lower case inside a sentence, and
        they are at least ``WORD_SHARE`` of those that write it there either way."""
        as_word = self._as_word[key, language]
        written = as_word + self._as_name[key, language]
        return as_word >= MIN_WORD_ITEMS and as_word >= WORD_SHARE * written


class UsageAsked:
    """A ``NameUsage`` as one reading sees it, keeping each question the reading asked and
    the answer it got (``answers``). A scan that reads each item once, while the usage is
    still being learnt, checks afterwards that the usage of the whole workspace gives the
    same answers (``NameUsage.answers_hold``), and reads again only the items where it
    does not."""

    def __init__(self, usage: NameUsage) -> None:
        self._usage = usage
        self.answers: Answers = {}

    def common_somewhere(self, key: str) -> bool:
        answer = self._usage.common_somewhere(key)
        self.answers[key, None] = answer
        return answer

    def common(self, key: str, languages: Iterable[str]) -> bool:
        asked = tuple(languages)
        answer = self._usage.common(key, asked)
        self.answers[key, asked] = answer
        return answer


def _a_noun(text: str, start: int, end: int, language: str) -> bool:
    """Whether the capitalised name at ``text[start:end]`` is used as a noun of a language
    that capitalises every noun: after an article (and an adjective), not joined to another
    noun by a hyphen ("die Sage", "eine alte Sage"; not "die Personio-App")."""
    if language not in NOUNS_CAPITALISED or text.startswith("-", end):
        return False
    return _GERMAN_ARTICLE.search(text[max(0, start - 40) : start]) is not None


def bare(
    text: str, start: int, end: int, languages: Collection[str], spellings: Collection[str]
) -> bool:
    """Whether the name at ``text[start:end]`` is written as a common word could be: in
    lower case, in capitals that none of its ``spellings`` uses, first in its sentence, or
    in a language that capitalises every noun."""
    said = text[start:end]
    if said.islower() or (said.isupper() and not any(s.isupper() for s in spellings)):
        return True
    return opens_sentence(text, start) or any(code in NOUNS_CAPITALISED for code in languages)


def marks_a_product(
    text: str, start: int, end: int, languages: Collection[str], since: int | None = None
) -> bool:
    """Whether the words around the name at ``text[start:end]`` show it is the product
    (``competitor_product_words``; at a sentence's start, a company's verb after it:
    ``competitor_openers``), or a customer came from it or may leave for it. ``since``:
    where the words the name is part of begin ("Market Square"), a product's words before
    it read before them."""
    first = start if since is None else since
    after = text[end : end + 200]
    possessive = not day_or_month(fold(text[start:end]), languages)  # "Monday's run"
    if product_words.written_as_product(after, possessive=possessive):
        return True
    if product_words.before(text[max(0, first - 120) : first], languages):
        return True
    if product_words.after(after, languages):
        return True
    if contrasts_with_us(_sentence_rest(after), languages):
        return True  # "Gusto tiene integración con Xero y ustedes no."
    if opens_sentence(text, first) and acts_after(after, languages):
        return True  # "Remote already runs their EOR"; not "Remote work is fine for us"
    if named_as_product(text, start, end):
        return True  # "Toast POS crashed", "the Square is more reliable"; not "Toast was cold"
    return stance_of(text, start, end) is not MentionStance.NAMED


def read_as_word(
    text: str,
    start: int,
    end: int,
    key: str,
    languages: Collection[str],
    usage: UsageQuestions,
    spellings: Collection[str],
    rivals: Collection[str] = (),
) -> bool:
    """Whether the name at ``text[start:end]`` (folded: ``key``) is read as the common word
    it also is, not as the competitor: a day or a month that dates something ("every
    Monday": ``competitor_days``) with no word right before it or web address that shows
    the product ("switched to Monday", "monday.com"); a word's shape ("Market Square", "40
    square metres": ``competitor_word_shapes``) with no word around it that marks a
    product; or a common word of the item's ``languages`` (``usage``), written bare
    (``bare``), with no word around it that marks a product; or a person's first name
    read as a person (``competitor_person_names``; ``rivals``: the workspace's competitor
    names, folded, none of which is a surname)."""
    if day_or_month(key, languages) and dated(text, start, end, languages):
        after = text[end : end + 40]
        if product_words.written_as_product(after, possessive=False):
            return False
        return not product_words.before(text[max(0, start - 120) : start], languages)
    if first_name(key) and read_as_person(text, start, end, languages, rivals):
        return True  # "Jane at the front desk noticed it first": a person
    shape = word_shape(text, start, end, languages)
    if shape is not None and (shape.evident or usage.common_somewhere(key)):
        # "Market Square", "40 square metres", "het Square in Zwolle", "toast-gerechten"
        return not marks_a_product(text, start, end, languages, since=shape.start)
    if not usage.common(key, languages):
        return False
    if not bare(text, start, end, languages, spellings):
        return False
    return not marks_a_product(text, start, end, languages)


def _sentence_rest(after: str) -> str:
    """The words after a name up to its sentence's end, the end's mark kept."""
    cut = _SENTENCE_REST_END.search(after)
    return after[: cut.end()] if cut else after
