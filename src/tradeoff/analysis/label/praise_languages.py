"""Praise read in Spanish, Portuguese, French, German, Italian and Dutch, by the English rules.

``label.counter`` reads an English item's praise by words and rules that say when a word
judges. Its lists are English, so a QA tester's 38 Spanish survey answers praising support
("El equipo de soporte es excelente, nos resolvieron todo en una llamada.") read as no
praise, and their theme was ranked as demand with EUR 1.0M lost. This module reads an item
``text.language`` tells is in one of these languages by the same rules, each language's
words in a ``praise_lexicons`` module (one per language, the roles named as in
``counter``):

- **Speaks for it**: a praise word or phrase ("excelente", "funciona bien", "me encanta",
  "sehr gut"); a manner word ("rápido", "schnell") only where it reports how something went
  (after a form of "be", a verb of working, arriving or answering, or a past tense:
  "respondieron rápido", "hat schnell geantwortet") or heads its clause as an adjective
  ("¡Rapidísimo!"), not where it is asked for ("necesito que sea rápido"); an idiom ("sin
  problemas", "rien à redire", "weiter so").
- **Not a cue**: a cue negated (a negator among the three words before it in its clause:
  "no es fácil", "nicht einfach", "pas facile"), held back by a hedge ("bastante fácil"),
  in a question ("¿es fácil?", "est-ce rapide ?") or an order, in a sentence of habit or
  the past ("normalmente", "el mes pasado", "antes funcionaba", "ging es noch"), wished
  or asked for (a request word in its clause, "necesitamos", "bitte", a conditional before
  it: "sería genial", "ce serait top", "wäre toll" — which, as "would" does in English,
  speaks against the whole item), willingness ("encantados de probar"), said of something
  else or the customer's own setup ("el internet es rápido", "ansonsten super"), or said
  to the person answering ("ustedes son geniales"). Greetings, sign-offs and urgency that
  hold a praise word ("que tengan un excelente día", "quedo atento", "mit freundlichen
  Grüßen", "lo antes posible", "bonne journée") are skipped first.
- **Speaks against it**, anywhere in the item: a problem word not negated nor put right
  in its clause ("falla", "lento", "stürzt", "bug"; not "nunca falla", "resolvieron el
  error"), a problem phrase ("dejó de", "stürzt ab", "se bloquea"), a negated working verb
  ("no funciona", "não chega", "funktioniert nicht", "ne marche plus"), a contrast or a
  turn ("pero", "mais", "aber", "leider", "de repente"), a complaint asked ("¿por qué...",
  "warum"), a request said in so many words ("me gustaría", "por favor agreguen",
  "Verbesserungsvorschlag"), a sentence that opens with a wish ("ojalá", "dommage que").

So "excelente soporte pero la nómina falla" is no praise, as "love the app but export is
broken" is none. Praise naming nothing it praises (``names_something``: "¡Excelente app!",
"Top, weiter so!") is praise of the whole product, as in English: a praise theme holds
it, no area counts it as counter evidence. A preamble ("en general", "insgesamt", "tout
d'abord") followed by a sentence that names something and praises nothing is the
concession before a complaint, as in English.

Known limits: as in English, sarcasm reads as praise and misspellings are missed; a verb's
forms are listed, not derived, so a rare form of a listed verb is missed ("funcionaron
bien"); a negator more than three words before its cue, or a German "nicht" after the
adjective it denies at the end of a subordinate clause ("weil es schnell nicht ist"), is
missed; Italian and Dutch have shorter lists than the other four.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tradeoff.analysis.label import polite_praise
from tradeoff.analysis.label.praise_language_of import TOKEN, fold
from tradeoff.analysis.label.praise_lexicons import Words, compiled
from tradeoff.analysis.text.language import name_stop_words

Phrase = tuple[str, ...]

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_BOUNDARIES = frozenset({",", ";", ":", "(", ")", "\u2013", "\u2014"})
#: How far back a negator stands from what it denies, and how far a manner word looks back
#: for what it reports on (``counter``'s windows).
NEGATION_WINDOW = 3
REPORT_WINDOW = 6
#: How far after a working verb a negator that follows it stands ("funktioniert leider
#: nicht", "marche plus").
AFTER_WINDOW = 2


@dataclass(frozen=True)
class ForeignReading:
    """What speaks for and against praise in one item, in its own words."""

    cues: tuple[str, ...]
    against: tuple[str, ...]


#: English contrasts, which a mixed-language answer holds ("Nice design, however le solde de
#: congés ne correspond pas"): no word of the other languages, so they speak against in
#: any ("but" aside: French "le but" is "the goal").
ENGLISH_CONTRASTS = frozenset({"however", "although", "unfortunately", "whereas"})


def tokens_of(sentence: str, words: Words) -> list[str]:
    """A sentence's words, folded, elided words spelt out ("n'est" → "ne", "est")."""
    elisions = words.lexicon.elisions or {}
    out: list[str] = []
    for token in TOKEN.findall(sentence):
        if token.endswith("'"):
            stem = token[:-1]
            token = elisions.get(stem, stem)
        out.append(token)
    return out


def read(text: str, code: str) -> ForeignReading:
    """Read ``text`` in the language ``code`` by the rules in this module's docstring.

    >>> read("El equipo de soporte es excelente, nos resolvieron todo.", "es").cues
    ('excelente',)
    >>> read("Excelente soporte, pero la nómina falla.", "es").against
    ('pero', 'falla')
    """
    words = compiled(code)
    if words is None:
        return ForeignReading((), ())
    against: list[str] = []
    sentences = [
        (sentence, tokens_of(sentence, words)) for sentence in _SENTENCE.findall(fold(text))
    ]
    found_in = [
        (tokens, _read_sentence(sentence, tokens, words, against)) for sentence, tokens in sentences
    ]
    cues: list[str] = []
    for k, (tokens, found) in enumerate(found_in):
        if (
            found
            and _is_preamble(tokens, words)
            and any(_says_more(later, more, words) for later, more in found_in[k + 1 :])
        ):
            continue
        cues.extend(found)
    return ForeignReading(tuple(cues), tuple(against))


def asking(text: str, code: str) -> str | None:
    """What asks for something in a review whose stars are its only cue (``counter``'s
    rule): a question mark, a request or wish word, a conditional, an order or "please";
    None when nothing does."""
    words = compiled(code)
    if words is None:
        return None
    if "?" in text or "¿" in text:
        return "?"
    sets = words.sets
    for sentence in _SENTENCE.findall(fold(text)):
        tokens = tokens_of(sentence, words)
        for i, word in enumerate(tokens):
            if word in sets["requests"] or words.conditional(word):
                return word
            opens = i == 0 or tokens[i - 1] in _BOUNDARIES
            if opens and word in sets["orders"]:
                return word
            if _match(tokens, i, words.against) is not None and word in _please_words(words):
                return word
    return None


def names_something(text: str, code: str) -> bool:
    """Whether praise in ``code`` names what it praises: a word of three letters or more
    that is no function word of the language, no judging, courtesy, attachment or
    whole-product word, and no word for the people it helps ("excelente para nuestros
    empleados" names nothing, "el soporte es excelente" names support).

    >>> names_something("¡Excelente aplicación, muchas gracias!", "es")
    False
    >>> names_something("El equipo de soporte es excelente.", "es")
    True
    """
    words = compiled(code)
    if words is None:
        return False
    sets = words.sets
    skip = (
        name_stop_words([code])
        | words.judging
        | sets["general"]
        | sets["courtesy"]
        | sets["people"]
        | sets["attachments"]
        | sets["intensifiers"]
    )
    return any(
        len(word) > 2 and word[0].isalpha() and word not in skip
        for sentence in _SENTENCE.findall(polite_praise.unnamed(fold(text)))
        for word in tokens_of(sentence, words)
    )


def _please_words(words: Words) -> frozenset[str]:
    return frozenset(p[0] for p in _phrases_of(words.lexicon.please))


def _phrases_of(text: str) -> tuple[Phrase, ...]:
    return tuple(tuple(part.split()) for part in text.split(",") if part.strip())


def _read_sentence(sentence: str, tokens: list[str], words: Words, against: list[str]) -> list[str]:
    """The cues of one sentence; what speaks against it is added to ``against``."""
    cues: list[str] = []
    if not tokens:
        return cues
    sets = words.sets
    stripped = sentence.rstrip()
    asked = (
        "?" in stripped
        or "¿" in stripped
        or (_match(tokens, 0, words.question_openers) is not None and not stripped.endswith("!"))
    )
    for opener in words.wish_openers:
        if tuple(tokens[: len(opener)]) == opener:
            against.append(" ".join(opener))
    judged = not asked and tokens[0] not in sets["orders"] and not _habitual(tokens, words)
    wishes: set[int] = set()
    i = 0
    while i < len(tokens):
        if (skip := _match(tokens, i, words.not_praise)) is not None:
            i += len(skip)
            continue
        if (said := _match(tokens, i, words.against)) is not None:
            against.append(" ".join(said))
            i += len(said)
            continue
        idiom = _match(tokens, i, words.idioms)
        found = idiom or _match(tokens, i, words.praise) or _match(tokens, i, words.manner)
        if found is not None:
            _judge(tokens, i, found, idiom is not None, words, judged, cues, against, wishes)
            i += len(found)
            continue
        word = tokens[i]
        if word in ENGLISH_CONTRASTS:
            against.append(word)
        elif word in sets["problems"] and _negator(tokens, i, words) is None:
            if not _resolved(tokens, i, words):
                against.append(word)
        elif word in sets["functions"] and (denied := _denied(tokens, i, words)) is not None:
            against.append(denied)
        i += 1
    return cues


def _judge(
    tokens: Sequence[str],
    i: int,
    found: Phrase,
    idiom: bool,
    words: Words,
    judged: bool,
    cues: list[str],
    against: list[str],
    wishes: set[int],
) -> None:
    """Whether the cue ``found`` at ``i`` counts, speaks against, or neither."""
    sets = words.sets
    negator = _negator(tokens, i, words)
    if negator is not None:
        against.append(" ".join(tokens[negator : i + len(found)]))
        return
    if i and tokens[i - 1] in sets["hedges"]:
        return  # held back: no cue, though no complaint either
    wish = _conditional_before(tokens, i, words)
    if wish is not None:
        if wish not in wishes:  # one wish however many cues it holds
            wishes.add(wish)
            against.append(" ".join(tokens[wish : i + len(found)]))
        return
    is_manner = not idiom and _match(tokens, i, words.praise) is None
    if (
        judged
        and not _requested(tokens, i, len(found), words)
        and not _willing(tokens, i + len(found), words)
        and not _elsewhere(tokens, i, words)
        and sets["addressee"].isdisjoint(tokens[_clause_start(tokens, i) : i])
        and (not is_manner or _reported(tokens, i, words))
    ):
        cues.append(" ".join(found))


def _match(tokens: Sequence[str], i: int, index: dict[str, list[Phrase]]) -> Phrase | None:
    """The longest phrase of ``index`` starting at ``tokens[i]``."""
    for phrase in index.get(tokens[i], ()):
        if tuple(tokens[i : i + len(phrase)]) == phrase:
            return phrase
    return None


def _clause_start(tokens: Sequence[str], i: int) -> int:
    start = i
    while start > 0 and tokens[start - 1] not in _BOUNDARIES:
        start -= 1
    return start


def _clause_end(tokens: Sequence[str], i: int) -> int:
    end = i + 1
    while end < len(tokens) and tokens[end] not in _BOUNDARIES:
        end += 1
    return end


def _negator(tokens: Sequence[str], i: int, words: Words) -> int | None:
    """Where the negator of ``tokens[i]`` stands, if one is close before it in its clause."""
    negators = words.sets["negators"]
    for j in range(i - 1, max(_clause_start(tokens, i), i - NEGATION_WINDOW) - 1, -1):
        if tokens[j] in negators:
            return j
    return None


def _denied(tokens: Sequence[str], i: int, words: Words) -> str | None:
    """The words that deny the working verb at ``i`` ("no funciona", "funktioniert nicht",
    "ne marche plus"), unless relief stands between ("ya no tenemos que abrir Excel")."""
    sets = words.sets
    start, end = _clause_start(tokens, i), _clause_end(tokens, i)
    denying = sets["negators"] | sets["denies_verb"]
    for j in range(i - 1, max(start, i - NEGATION_WINDOW) - 1, -1):
        if tokens[j] in denying:
            if sets["relief"].isdisjoint(tokens[j:i]):
                return " ".join(tokens[j : i + 1])
            return None
    if words.lexicon.negated_after:
        for j in range(i + 1, min(end, i + 1 + AFTER_WINDOW)):
            if _match(tokens, j, words.not_praise) is not None:
                break  # "ist nicht nur schnell": no denial
            if tokens[j] in denying and tokens[j] != "ne":
                return " ".join(tokens[i : j + 1])
    return None


def _resolved(tokens: Sequence[str], i: int, words: Words) -> bool:
    """The problem at ``i`` is put right in its clause ("resolvieron el error"), not asked
    to be ("necesito que resuelvan el error")."""
    sets = words.sets
    start, end = _clause_start(tokens, i), _clause_end(tokens, i)
    return any(
        tokens[k] in sets["resolved"]
        and _negator(tokens, k, words) is None
        and not any(tokens[w] in sets["requests"] for w in range(start, k))
        for k in range(start, end)
    )


def _conditional_before(tokens: Sequence[str], i: int, words: Words) -> int | None:
    """Where a conditional stands that makes the cue at ``i`` a wish, before it in its
    clause ("sería genial si", "wäre toll", "ce serait top"), as "would" does in English."""
    for k in range(i - 1, _clause_start(tokens, i) - 1, -1):
        if words.conditional(tokens[k]):
            return k
    return None


def _requested(tokens: Sequence[str], i: int, length: int, words: Words) -> bool:
    """A request or wish before the cue in its clause, or a request or conditional after
    it ("quiero algo fácil", "si fuera fácil", "rápido, por favor")."""
    sets = words.sets
    start, end = _clause_start(tokens, i), _clause_end(tokens, i + length - 1)
    before = tokens[start:i]
    after = tokens[i + length : end]
    return any(
        t in sets["requests"] or t in sets["wishes"] or words.conditional(t) for t in before
    ) or any(t in sets["requests"] or words.conditional(t) for t in after)


def _willing(tokens: Sequence[str], after: int, words: Words) -> bool:
    """A feeling before its link and a verb is willingness ("encantados de probar",
    "heureux de payer"), unless the verb perceives ("feliz de ver")."""
    sets = words.sets
    links = words.lexicon.willing_link.split()
    return (
        tokens[after - 1] in sets["willing"]
        and list(tokens[after : after + 1]) in [[link] for link in links]
        and sets["perceive"].isdisjoint(tokens[after + 1 : after + 2])
        and len(tokens) > after + 1
    )


def _elsewhere(tokens: Sequence[str], i: int, words: Words) -> bool:
    """The cue's clause says it of something else or of the customer's setup before it
    ("el internet es rápido", "ansonsten super"), unless a preposition makes that where
    the area was used ("rápido incluso con wifi del hotel")."""
    sets = words.sets
    start = _clause_start(tokens, i)
    for k in range(start, i):
        if tokens[k] in sets["elsewhere"]:
            return not any(tokens[j] in sets["places"] for j in range(start, k))
    return False


def _reported(tokens: Sequence[str], i: int, words: Words) -> bool:
    """A manner word reports how something went ("respondieron rápido", "ist schnell"), or
    heads its clause as an adjective ("¡Rapidísimo!"); not an errand ("para que sea rápido")."""
    sets = words.sets
    start = _clause_start(tokens, i)
    j = i - 1
    while j >= start and tokens[j] in sets["intensifiers"]:
        j -= 1
    if j < start:
        return tokens[i] in sets["manner_adjectives"]
    endings = words.lexicon.past_endings.split()
    for k in range(j, max(start, i - REPORT_WINDOW) - 1, -1):
        t = tokens[k]
        if t in sets["not_reports"]:
            return False
        if t in sets["reports"] or any(t.endswith(e) and len(t) > len(e) + 2 for e in endings):
            return True
    return False


def _habitual(tokens: Sequence[str], words: Words) -> bool:
    """A habit or the past a complaint is measured against ("normalmente", "el mes
    pasado", "antes funcionaba"); "before" is a habit unless a time follows it ("antes de
    una hora"), or the time is a change ("antes de la actualización")."""
    sets = words.sets
    for k, t in enumerate(tokens):
        if _match(tokens, k, words.habits) is not None:
            return True
        if t in sets["before"]:
            following = tokens[k + 1 : k + 2]
            if not following or following[0] not in sets["before_time"]:
                return True
            if sets["changes"].intersection(tokens[k + 1 : k + 5]):
                return True
    return False


def _is_preamble(tokens: Sequence[str], words: Words) -> bool:
    """A sentence that opens the way to something else or judges the whole product."""
    return any(_match(tokens, k, words.preambles) is not None for k in range(len(tokens)))


def _says_more(tokens: Sequence[str], cues: Sequence[str], words: Words) -> bool:
    """A later sentence that names something and praises nothing: what the preamble
    concedes to."""
    named = [t for t in tokens if t not in _BOUNDARIES]
    return not cues and len(named) >= 3 and names_something(" ".join(named), words.code)
