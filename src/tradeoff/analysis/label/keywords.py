"""Theme labels: the short phrase that sets a theme apart, taken from its own evidence.

Terms are scored by BERTopic's class-based TF-IDF (Grootendorst 2022) over the words, bigrams
and trigrams of a theme's texts, stopwords removed: weight(term, theme) = tf(term, theme) ×
log(1 + mean terms per theme / tf(term, all themes)). Every word of a label comes from the
evidence, so a PM can trust it; the rules below make it read as a name ("multi-currency
payouts") rather than a bag of words ("payouts · currency · multi"):

- **Tokens.** Lower-cased words; a hyphenated compound ("multi-currency", "e-mail",
  "top-up") stays one token, and so does a product's phrasal verb written with a space
  ("top up", "sign in", "log out", "set up", "opt out": ``PHRASAL``): its particle is a
  stopword, so "top up" left "top" alone to name a theme. Stopwords are dropped; n-grams
  span a dropped stopword ("verify my identity" → "verify identity") but never a negation
  ("card not working" gives no "card working", which would say the opposite), the end of a
  sentence or line, nor the end of a text. A number's parts ("6.67", "$1,800", "99%",
  "401(k)") are no words; a whole number ("error 502") and a code ("E-4012") are.
- **Phrases first.** Going down the scored terms, a word or phrase gives way to the best
  scoring longer phrase that contains it (by stem), when that phrase holds at least
  ``PHRASE_FACTOR`` (40 %) of the term's occurrences in the theme and scores at least that
  share of its weight: "payouts" becomes "multi-currency payouts" when people mostly say
  that, and stays "payouts" when the phrase is one way among many of saying it. The check
  repeats from the phrase, so a trigram can replace the bigram in turn. 40 % was chosen by
  eye on Banking77 and the Ledgerly demo: at 50 % "verify identity" lost to "identity", at
  a weight-only rule telegraphic trigrams ("transfer something china") crept in.
- **No repeats.** A term is skipped when it shares a word stem with a chosen one: that drops
  sub- and super-phrases of a chosen phrase and near-duplicates ("verify" and
  "verification", "card" and "cards"). A stem is the word without up to two plural or verb
  endings ("verifying" → "verify" → "verif", see ``_stem``); a hyphenated compound also
  counts the stems of its parts ("top-up" meets "top"). A phrase whose own words share a
  stem ("transfer transfer", made by stopword removal) is never a label.
- **Set apart.** A term that is no more frequent in the theme than in all the evidence
  (at least ``LIFT`` times, 1.5) is passed over, however often it occurs: the template of
  an interview note ("Next steps", "small business owner") or a help desk's footer is in
  every theme, and c-TF-IDF alone still ranked it above the few words of the topic. When no
  term is set apart (one theme, or one holding most of the evidence) the ranking stands.
- **No filler.** Connectives, time adverbs and filler verbs of any language ("because",
  "ieri", "chiediamo", "happened": ``name_filler``) are never part of a label, and a term
  never starts or ends with a preposition ("tijdens drukte", "hours during").
- **Short.** A label stops at ``LABEL_WORDS`` (6) words; a term that would overflow it is
  skipped: a label is a name, not a summary.
- **Surface order.** A chosen phrase is shown in the word order most frequent in the theme's
  texts ("refund delayed" when people write that more often than "delayed refund").

Trigrams are counted only where both of their bigrams occur in at least
``TRIGRAM_MIN_SHARE`` (2 %) of the theme's texts (and at least twice): a rarer trigram cannot
come near the theme's best word, and counting every trigram of a million texts would double
the memory of labelling.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from tradeoff.analysis.label.name_filler import NAME_FILLER, NAME_STOP_WORDS, edged
from tradeoff.analysis.text.language import (
    EVERY,
    HAN,
    HIRAGANA,
    KATAKANA,
    STOP_WORDS,
    char_class,
)
from tradeoff.analysis.text.language import NEGATIONS as LANGUAGE_NEGATIONS

#: A word in any script ("überweisung", "café", "привет"), or a hyphenated compound of
#: words, with an English contraction's ending; an underscore separates words. Letters
#: outside a-z were cut out of words once ("gebühren" → "geb hren").
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*(?:'[^\W\d_]+)?")
STOPWORDS = frozenset(
    """a about after again all am an and any are as at be been before being but by can
    could did do does doing don't for from get got had has have having he her here hers him
    his how i i'm i've if in into is it it's its just me might more most my myself no nor
    not now of off on once only or other our ours out over own please same she should so
    some still such than that the their them then there these they this those through to
    too under until up us very was we were what when where which while who why will with
    would you your yours yourself can't won't didn't isn't wasn't doesn't hi hello thanks
    thank also there's what's let need want""".split()  # noqa: SIM905 - a word list reads better
) | frozenset().union(
    # The function words of Spanish, German, French, Portuguese, Italian and Dutch
    # (``text.language.STOP_WORDS``): the embedders are English models, so tickets in those
    # languages gather by language, and their themes were named "por favor · mi · la",
    # "ich möchte · meine karte · ist" and "in German · seit letzten update · ab". And the
    # pronouns and "again"s those lists lack ("li", "weer": ``name_filler``).
    *STOP_WORDS.values(),
    NAME_STOP_WORDS,
)
#: Words that turn a phrase around: an n-gram never spans them, and they are never labels.
NEGATIONS = frozenset(
    """not no nor never cannot can't won't don't didn't doesn't isn't wasn't aren't weren't
    hasn't haven't hadn't couldn't wouldn't shouldn't""".split()  # noqa: SIM905
).union(*LANGUAGE_NEGATIONS.values())
#: Words too vague to name anything ("went", "tried", "without"): fine in a search, never
#: in a label, and a phrase never runs through them ("fee went" is not a name). Each
#: language's connectives, time adverbs and filler verbs ("because", "ieri", "chiediamo")
#: are ``name_filler.NAME_FILLER``; the prepositions a label never ends in ("tijdens
#: drukte") are ``name_filler.NAME_EDGES``.
FILLER = frozenset(
    """able across already another anything around come comes coming done
    else even ever every far getting give go goes going gone keep kept know like look
    looking made make makes many may maybe mean means much must next one ones put
    really say says see seems sure take takes taking tell tried try trying use used using
    way well went without yes yet came took everything something anything nothing okay ok
    hoping hope thing things stuff lot bit where's how's that's""".split()  # noqa: SIM905
).union(*EVERY.values(), NAME_FILLER)
#: A longer phrase replaces a term it contains when it holds at least this share of the
#: term's occurrences in the theme and of its weight.
PHRASE_FACTOR = 0.4
#: A label stops growing at this many words (a hyphenated compound is one): it is a name.
LABEL_WORDS = 6
#: A term names a theme only when it is at least this many times as frequent in the theme's
#: words as in all the evidence's; when none is, the theme is named by its best terms anyway.
LIFT = 1.5
#: Trigrams are counted only over bigrams found in this share of a theme's texts.
TRIGRAM_MIN_SHARE = 0.02

#: Joins a theme's texts so one regex pass and one Counter count them all (a million texts:
#: ~10× faster than ``terms`` per text); n-grams that span it are dropped. Negations become
#: it too, so no n-gram spans them either.
_SEPARATOR = "\x00"
_WORD_OR_SEPARATOR = re.compile(WORD.pattern + "|" + _SEPARATOR)
_DROPPED = STOPWORDS - NEGATIONS
#: Where a sentence, a line or a list item ends: no n-gram runs across it ("small business
#: owner.\n## What they said\n- Card..." holds no "owner said card").
_SENTENCE_END = re.compile(r"[.!?;:]+(?=\s|$)|[。！？；]|\n")
#: Japanese writes no spaces, so a run of it was one "word" and a Japanese theme was named
#: by whole sentences ("今月の請求額が予想の4倍になりました"). Its words are cut where the
#: script changes: a Han run ("請求額", "証明書") and a katakana run ("プッシュ", "アラート")
#: are words, and a hiragana run, mostly particles and endings ("の", "が", "ません"), is
#: dropped as a stopword is, so a phrase spans it ("プッシュ 通知"). Chinese, all Han,
#: keeps its runs whole: no script change tells its words apart.
_KANA_OR_HAN = re.compile(
    f"(?P<hiragana>[{char_class(HIRAGANA)}]+)|[{char_class(KATAKANA)}]+|[{char_class(HAN)}]+"
)
#: Any such character: one search (0.2 s over 50 MB of English, where the cutting pass
#: took 2 s), and none at all for ASCII text.
_ANY_KANA_OR_HAN = re.compile(f"[{char_class(HIRAGANA, KATAKANA, HAN)}]")
#: A number's parts are no words: "6.67 hours", "$1,800", "99%", "401(k)" and a pace of
#: "9:00 per km" named themes "accrual added 67", "final register 800", "excel hangs 99",
#: "401 deduction" and "00 km randomly". A whole number stays ("error 502"), and so does a
#: code ("E-4012", one hyphenated token).
_NUMBER = re.compile(r"[$€£¥\d][\d.,:]*(?:\s?%|\()?")
_NUMBER_PART = re.compile(r"[$€£¥%(]|\d[.,:]\d")


def _without_number_parts(text: str) -> str:
    """``text`` with each number that is more than a whole number cut out (one charset-led
    pattern and a test per number: an alternation of the shapes took 4.4 s over a million
    texts, this 0.5 s)."""
    return _NUMBER.sub(
        lambda m: _SEPARATOR if _NUMBER_PART.search(m.group(0)) else m.group(0), text
    )


#: Verbs (with their -s, -ed, -ing forms) whose particle, a stopword, carries the meaning in
#: product feedback, and those particles. Joined with a hyphen they read as the compound
#: people also write ("top-up"). "check in", "back in" and "pay in" are left out: "check in
#: the app", "back in stock" and "pay in euros" are not such verbs.
PHRASAL = {
    "top": ("up",),
    "sign": ("up", "in", "out"),
    "log": ("in", "out", "on"),
    "set": ("up",),
    "check": ("out",),
    "cash": ("out",),
    "opt": ("out", "in"),
    "roll": ("out", "back"),
    "back": ("up",),
    "follow": ("up",),
    "shut": ("down",),
    "lock": ("out",),
    "turn": ("on", "off"),
}
_FORMS = {"top": "ped|ping|s", "log": "ged|ging|s", "set": "ting|s", "shut": "ting|s"}
#: Each form of each verb → its particles ("topped" → ("up",)).
_PARTICLES_OF = {
    verb + ending: particles
    for verb, particles in PHRASAL.items()
    for ending in ("", *_FORMS.get(verb, "ed|ing|s").split("|"))
}
#: Any word and a particle; the verb is checked in ``_PARTICLES_OF`` (one alternation of
#: every form was 2.8 times slower over a million texts: 5.1 s against 1.8 s).
_WORD_PARTICLE = re.compile(r"\b([a-z]+) (up|in|out|on|off|down|back)\b")


def _hyphenate(match: re.Match[str]) -> str:
    verb, particle = match.group(1), match.group(2)
    return f"{verb}-{particle}" if particle in _PARTICLES_OF.get(verb, ()) else match.group(0)


def terms(text: str) -> list[str]:
    """Lower-cased words without stopwords, and the bigrams between them (not across a
    negation). Trigrams are left to a whole theme (``_theme_counts``): one text cannot tell
    whether its bigrams are frequent enough to extend."""
    words = _theme_words([text])
    pairs = (" ".join(pair) for pair in itertools.pairwise(words) if _SEPARATOR not in pair)
    return [w for w in words if w != _SEPARATOR] + list(pairs)


def theme_keywords(
    texts: Sequence[str],
    labels: Sequence[int],
    top: int = 3,
    apart_from: Mapping[int, frozenset[str]] | None = None,
) -> dict[int, list[str]]:
    """The ``top`` label terms of each theme, best first: phrases where a phrase names the
    theme, no word stem twice. Deterministic (ties go to the term itself).

    ``apart_from`` gives a theme the stems (``label_stems``) of a name it must not repeat:
    a sub-theme holding most of its theme is named by the theme's own words, so where its
    terms would carry no stem but those, it takes its best terms without them (when it has
    any).

    >>> theme_keywords(["Multi-currency payouts please", "multi-currency payouts are late",
    ...                 "card declined", "my card was declined"], [0, 0, 1, 1])
    {0: ['multi-currency payouts', 'late'], 1: ['card declined']}
    """
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts against {len(labels)} labels")
    grouped: dict[int, list[str]] = {}
    for text, label in zip(texts, labels, strict=True):
        grouped.setdefault(label, []).append(text)
    per_theme = {label: _theme_counts(members) for label, members in grouped.items()}
    if not per_theme:
        return {}
    overall: Counter[str] = Counter()
    for counts in per_theme.values():
        overall.update(counts)
    everywhere = sum(overall.values())
    mean_terms = everywhere / len(per_theme)
    keywords: dict[int, list[str]] = {}
    for label, counts in per_theme.items():
        scores = {t: n * math.log(1 + mean_terms / overall[t]) for t, n in counts.items()}
        ranked = sorted(scores, key=lambda t: (-scores[t], t))
        here = sum(counts.values())
        apart = [t for t in ranked if counts[t] * everywhere >= LIFT * overall[t] * here]
        ranked = apart or ranked
        chosen = _choose(ranked, scores, counts, top)
        avoid = (apart_from or {}).get(label)
        if avoid and label_stems(chosen) <= avoid:
            chosen = _choose(ranked, scores, counts, top, avoid=avoid) or chosen
        keywords[label] = [_surface(t, counts) for t in chosen]
    return keywords


def label_stems(terms: Sequence[str]) -> frozenset[str]:
    """The word stems a label's terms carry: two labels with the same say the same."""
    return frozenset(stem for term in terms for stem in _stems(term))


def _choose(
    ranked: list[str],
    scores: dict[str, float],
    counts: Counter[str],
    top: int,
    avoid: frozenset[str] = frozenset(),
) -> list[str]:
    """Up to ``top`` terms from ``ranked`` (best first), by the rules in the module's
    docstring: phrases first, no stem twice (nor one of ``avoid``), at most ``LABEL_WORDS``
    words."""
    chosen: list[str] = []
    taken = set(avoid)
    budget = LABEL_WORDS
    for position, term in enumerate(ranked):
        if len(chosen) == top or budget == 0:
            break
        stems = _stems(term)
        if stems & taken or _repeats(term) or edged(term):
            continue
        floor = PHRASE_FACTOR * scores[term]
        enough = PHRASE_FACTOR * counts[term]
        best = term
        # Only terms scoring at least the floor can replace it: ranked is sorted, so they
        # follow it up to the floor (the ones before it were taken or skipped already).
        for other in itertools.islice(ranked, position + 1, None):
            if scores[other] < floor:
                break
            other_stems = _stems(other)
            if (
                other_stems > _stems(best)
                and counts[other] >= enough
                and not _repeats(other)
                and not edged(other)
                and not other_stems & taken
            ):
                best = other
        length = best.count(" ") + 1
        if length > budget:
            continue
        budget -= length
        chosen.append(best)
        taken |= _stems(best)
    return chosen


def _surface(term: str, counts: Counter[str]) -> str:
    """``term`` in the word order the theme's texts use most (ties: the order scored)."""
    words = term.split()
    if len(words) == 1:
        return term
    orders = (" ".join(p) for p in itertools.permutations(words))
    return max(orders, key=lambda order: (counts.get(order, 0), order == term))


@lru_cache(maxsize=65536)
def _stems(term: str) -> frozenset[str]:
    """The stems of a term's words; a hyphenated compound adds the stems of its parts, so
    "top-up" meets "top" and "auto-top" meets "auto"."""
    return frozenset(stem for word in term.split() for stem in _word_stems(word))


@lru_cache(maxsize=65536)
def _repeats(term: str) -> bool:
    """Whether two words of a phrase share a stem ("card cards", "transfer transfer"):
    stopword removal joins such words, and no person writes them as a name."""
    seen: set[str] = set()
    for word in term.split():
        stems = _word_stems(word)
        if stems & seen:
            return True
        seen |= stems
    return False


def _word_stems(word: str) -> set[str]:
    return {_stem(word), *(_stem(part) for part in word.split("-") if len(part) > 1)}


#: Longest first; a stem keeps at least three letters ("uses" → "use", not "us").
_ENDINGS = ("ications", "ication", "ations", "ation", "ating", "ated", "ates", "ate", "ings",
            "ing", "ied", "ies", "ed", "es", "s", "y", "e")  # fmt: skip


def _stem(word: str) -> str:
    """``word`` without up to two plural or verb endings, so that "verify", "verifying" and
    "verification" (→ "verif"), "card" and "cards", "charge" and "charged" meet. Crude on
    purpose: it only has to spot near-duplicates inside one label."""
    for _ in range(2):
        for ending in _ENDINGS:
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= 3 and not (ending == "s" and stem[-1] == "s"):
                word = stem
                break
        else:
            break
    return word


def _theme_words(texts: Iterable[str]) -> list[str]:
    """The theme's kept words in order, with ``_SEPARATOR`` between texts and for each
    negation, found in one regex pass over the joined texts."""
    joined = _SEPARATOR.join(text.replace(_SEPARATOR, " ") for text in texts).lower()
    joined = _without_number_parts(_SENTENCE_END.sub(_SEPARATOR, joined))
    if not joined.isascii() and _ANY_KANA_OR_HAN.search(joined):
        joined = _KANA_OR_HAN.sub(_cut_word, joined)
    joined = _WORD_PARTICLE.sub(_hyphenate, joined)
    return [
        _SEPARATOR if w in NEGATIONS or w in FILLER else w
        for w in map(_unelided, _WORD_OR_SEPARATOR.findall(joined))
        if w == _SEPARATOR or (len(w) > 1 and w not in _DROPPED)
    ]


#: The articles, pronouns and prepositions French and Italian write joined to the next word
#: by an apostrophe ("l'appli", "d'absence", "qu'il", "dell'app", "un'azienda"): a QA
#: tester's French theme was named "salariés · solde congés l'appli".
ELIDED = frozenset(
    """l d j m n s t c qu jusqu lorsqu puisqu quoiqu dell nell sull dall all un quest
    quell""".split()  # noqa: SIM905
)


def _unelided(word: str) -> str:
    """``word`` without an elided article or pronoun before its apostrophe ("l'appli" →
    "appli"); an English contraction ("don't", "it's") and "o'clock" are left whole."""
    cut = word.find("'")
    return word[cut + 1 :] if 0 < cut < 7 and word[:cut] in ELIDED else word


def _cut_word(match: re.Match[str]) -> str:
    """A Han or katakana run as a word of its own; a hiragana run as a dropped word."""
    return " " if match.group("hiragana") else f" {match.group(0)} "


def _theme_terms(texts: list[str]) -> Counter[str]:
    """The summed ``terms`` of ``texts``: words and bigrams, counted in bulk."""
    counts, _words, _bigrams = _count(texts)
    return counts


def _theme_counts(texts: list[str]) -> Counter[str]:
    """Words, bigrams and frequent trigrams of a theme's texts (see ``TRIGRAM_MIN_SHARE``)."""
    counts, words, bigrams = _count(texts)
    least = max(2, math.ceil(TRIGRAM_MIN_SHARE * len(texts)))
    frequent = {b for b, n in counts.items() if n >= least and " " in b}
    if frequent:
        flags = list(map(frequent.__contains__, bigrams))
        # Bigram i and bigram i + 1 both frequent: the trigram is words i, i + 1, i + 2.
        starts = itertools.compress(itertools.count(), map(operator.and_, flags, flags[1:]))
        counts.update(f"{bigrams[i]} {words[i + 2]}" for i in starts)
    return counts


def _count(texts: list[str]) -> tuple[Counter[str], list[str], list[str]]:
    words = _theme_words(texts)
    bigrams = list(map(" ".join, itertools.pairwise(words)))
    counts = Counter(words)
    counts.update(bigrams)
    for term in [t for t in counts if _SEPARATOR in t]:
        del counts[term]
    return counts, words, bigrams
