"""A seller's gap note filed by the words it shares with a theme, when likeness is too low.

The static embedder reads a text as the mean of its word vectors, so a short note full of
product names sits below ``seller_notes.FLOOR`` from the theme of tickets about exactly that:
on a QA corpus (HR and payroll) "No PTO accrual rules for union contracts", "Couldn't sync GL
to NetSuite" and "no Sage Intacct integration" scored under 0.4 to their themes, and ten
lost deals (USD 620k) cited none. Their words say where they belong; the rule below reads
them, and is strict enough that one word the whole product shares ("payroll", "report",
"sync" when several themes say it) files nothing.

- **Terms.** A text's words and pairs of neighbouring words (``keywords.terms``: stopwords
  out, no pair across a negation or a sentence's end), each as its set of word stems
  (``keywords.label_stems``: "balances" meets "balance", "PTO accrual" meets "accrual of
  PTO"). Before that, letters joined by a slash or an ampersand become one word ("G/L" is
  "gl", "P&L" "pl"), a hyphen or slash inside a word parts it ("multi-state" is "multi
  state", "NetSuite/Sage" two words), and case is folded ("NetSuite", "Netsuite"). The
  words that only say something is missing or wanted (``seller_notes.GAP_WORDS``: "no",
  "needs", "gap", "lacked"...) and the taxonomy's own product-gap keywords ("missing",
  "integrat*", "feature*"...) are not terms: they say there is a gap, not where.
- **Distinctive.** A term is distinctive of a theme when at least ``MIN_SAID`` of the
  theme's customer items say it and its rate there is at least ``LIFT`` times its rate
  among all the customers' items, a rate being the items that say it per word of text: a
  theme of long texts (interview notes, 300 words each) would otherwise stand out by every
  word it holds ("high street", "employee cards"). It is the theme's **own** when it is
  distinctive of no other theme. Counts are of the customers' own words
  (``seller_notes.founders``), the words the themes were found in; sellers' notes never
  count.
- **Weight.** Each distinctive term the note says weighs its number of words (a pair 2, a
  word 1), and one more when it is the theme's own.
- **Filing.** The note joins the theme of the highest weight when the terms it shares with
  it hold one of the theme's own and are a distinctive pair ("pto accrual", "sage intacct")
  or at least two terms ("gl" and "netsuite"), and no other theme weighs as much. One
  shared word is never enough, even the theme's own ("sync" alone may be a calendar's sync),
  nor two words other themes say too ("payments" and "approvals" in a bank's payments
  theme). A tie leaves the note unsorted. Praise themes are never joined (a gap is no
  praise).
- **Sub-theme.** Inside that theme, the sub-theme of the highest weight (the same counts at
  the sub-theme level) when one leads alone; otherwise the sub-theme whose centre is
  nearest.

Only the terms of the notes to file are counted, and a text is read only when it may hold one
of their stems (one regular expression per text): about a second per 100,000 customer texts
(Banking77 queries, five demo notes' 54 terms, two busy cores), and nothing when no gap
note is left unsorted.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.business.loss_cues import CUES
from tradeoff.analysis.discover import Discovery, centroids_of
from tradeoff.analysis.embed.protocol import Vectors
from tradeoff.analysis.label.keywords import label_stems, terms
from tradeoff.analysis.praise_filing import praise_themes
from tradeoff.analysis.seller_notes import GAP_WORDS
from tradeoff.analysis.text.theme_text import theme_text
from tradeoff.domain.enums import LossCategory
from tradeoff.storage.centroids import StoredCentroids
from tradeoff.storage.themes import ItemText

#: The least number of a theme's customer items that must say a term for it to count.
MIN_SAID = 3
#: How many times its rate among all the customers' items a distinctive term's rate in a
#: theme is (a rate: the items saying it per word of text).
LIFT = 3.0

#: A term: the stems of its words (one for a word, two for a pair).
Term = frozenset[str]

_JOINED_LETTERS = re.compile(r"\b([^\W\d_])\s?[/&]\s?([^\W\d_])\b")
_INNER_MARK = re.compile(r"(?<=[^\W_])[-/](?=[^\W_])")
#: The product-gap keywords of one word (``loss_cues.CUES``), a trailing ``*`` a prefix.
_GAP_CUES = tuple(cue for cue in CUES[LossCategory.PRODUCT_GAP] if " " not in cue)


def prepared(text: str) -> str:
    """``text`` folded as the terms are read: "G/L" → "gl", "multi-state" → "multi state"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _INNER_MARK.sub(" ", _JOINED_LETTERS.sub(r"\1\2", folded))


def text_terms(text: str) -> dict[Term, int]:
    """The terms of ``text`` and how many words each has: words and pairs of neighbouring
    words as their stems, without the words that only say something is missing or wanted.

    >>> sorted(" ".join(sorted(term)) for term in text_terms("No G/L sync"))
    ['gl', 'gl sync', 'sync']
    """
    return _terms_prepared(prepared(text))


def _terms_prepared(text: str) -> dict[Term, int]:
    found: dict[Term, int] = {}
    for term in terms(text):
        words = term.split()
        keys = [_word_stems(word) for word in words]
        if all(keys):  # no word that only says something is missing
            stems = frozenset().union(*keys)
            if len(stems) >= len(words):  # "card cards" is no pair
                found[stems] = len(words)
    return found


@lru_cache(maxsize=65536)
def _word_stems(word: str) -> Term:
    """The stems of one word; none for a word that only says something is missing or
    wanted (a pair holding one is no term either)."""
    if word in GAP_WORDS or any(
        word.startswith(cue[:-1]) if cue.endswith("*") else word == cue for cue in _GAP_CUES
    ):
        return frozenset()
    return label_stems([word])


@dataclass(frozen=True)
class Standing:
    """How a term stands in one theme: distinctive, and maybe the theme's own."""

    said: int
    own: bool


@dataclass(frozen=True)
class Weight:
    """What a note shares with one theme: its weight, and whether that is enough to file it
    there (a term of the theme's own, and a distinctive pair or two distinctive terms)."""

    weight: int
    enough: bool


@dataclass(frozen=True)
class Vocabulary:
    """Per theme (a label), the distinctive terms among the ones asked for."""

    distinctive: dict[int, dict[Term, Standing]]

    def weights(self, note: dict[Term, int], among: Collection[int]) -> dict[int, Weight]:
        """The weight of ``note`` (its terms and their words) for each theme of ``among`` it
        shares a distinctive term with."""
        weights: dict[int, Weight] = {}
        for label in among:
            mine = self.distinctive.get(label, {})
            shared = [(words, mine[t].own) for t, words in note.items() if t in mine]
            if shared:
                weight = sum(words + own for words, own in shared)
                owned = any(own for _, own in shared)
                enough = owned and (len(shared) >= 2 or any(words >= 2 for words, _ in shared))
                weights[label] = Weight(weight, enough)
        return weights


@dataclass(frozen=True)
class Sayings:
    """Which texts say which of the wanted terms, and how many words each text has."""

    #: (row, the wanted terms it says), for each text that says one.
    said: list[tuple[int, set[Term]]]
    #: Per text, its number of words.
    words: NDArray[np.int64]


def sayings(
    texts: Sequence[str], wanted: Collection[Term], read: Callable[[int], str] | None = None
) -> Sayings:
    """The ``wanted`` terms each of ``texts`` says, and the words of each. A text is read
    (``read(row)``, else as it is) only when it may hold a stem of a wanted term: one regular
    expression over the rest."""
    stems = sorted({stem for term in wanted for stem in term}, key=lambda s: (-len(s), s))
    may_hold = re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + ")") if stems else None
    found: list[tuple[int, set[Term]]] = []
    words = np.zeros(len(texts), dtype=np.int64)
    for row, text in enumerate(texts):
        folded = prepared(text)
        words[row] = len(folded.split())
        if may_hold is not None and may_hold.search(folded) is not None:
            said = set(text_terms(read(row)) if read else _terms_prepared(folded))
            said.intersection_update(wanted)
            if said:
                found.append((row, said))
    return Sayings(found, words)


def vocabulary(said: Sayings, labels: NDArray[np.int64]) -> Vocabulary:
    """The terms distinctive of each label of ``labels`` (one per text; -1: in no theme,
    still counted among all), from the ``sayings`` of those texts. A term's rate is the
    texts saying it per word of text, so that a theme of long texts (interview notes) does
    not seem to stand out by every word it holds.

    Example: vocabulary(sayings(texts, wanted), found.themes).distinctive[3]
    """
    said_all: Counter[Term] = Counter()
    said_in: Counter[tuple[int, Term]] = Counter()
    for row, terms_said in said.said:
        label = int(labels[row])
        said_all.update(terms_said)
        if label >= 0:
            said_in.update((label, term) for term in terms_said)
    filed = labels >= 0
    if not filed.any():
        return Vocabulary({})
    words_in = np.bincount(labels[filed], weights=said.words[filed])
    everywhere = max(float(said.words.sum()), 1.0)
    result: dict[int, dict[Term, Standing]] = {}
    for (label, term), count in said_in.items():
        rate = count / max(float(words_in[label]), 1.0)
        if count >= MIN_SAID and rate >= LIFT * said_all[term] / everywhere:
            result.setdefault(label, {})[term] = Standing(count, own=False)
    # A theme's own terms: those distinctive of no other theme.
    themes_of = Counter(term for terms_of in result.values() for term in terms_of)
    return Vocabulary(
        {
            label: {t: Standing(s.said, own=themes_of[t] == 1) for t, s in terms_of.items()}
            for label, terms_of in result.items()
        }
    )


def best(weights: dict[int, Weight], *, enough: bool) -> int:
    """The label of the highest weight when no other has as much (and, with ``enough``, when
    that is enough to file the note); else -1."""
    if not weights:
        return -1
    ranked = sorted(weights.items(), key=lambda pair: -pair[1].weight)
    top, weight = ranked[0]
    if (enough and not weight.enough) or (len(ranked) > 1 and ranked[1][1].weight == weight.weight):
        return -1
    return top


@dataclass(frozen=True)
class WordFiling:
    """Per note: the theme and the finest theme (a sub-theme, or a theme without any) its
    words file it in, and its closeness to that one's centre; -1 when they file it nowhere."""

    top: NDArray[np.int64]
    finest: NDArray[np.int64]
    closeness: NDArray[np.float32]


def file_by_words(
    notes: Sequence[str],
    note_vectors: Vectors,
    texts: Sequence[str],
    tops: NDArray[np.int64],
    finest: NDArray[np.int64],
    centres: tuple[NDArray[np.int64], NDArray[np.int64], Vectors],
    barred: Collection[int] = frozenset(),
    read: Callable[[int], str] | None = None,
) -> WordFiling:
    """Each of ``notes`` filed by the rule of the module's docstring, against the customers'
    ``texts`` filed in ``tops`` (theme per text, -1 for none) and ``finest``; ``centres``
    gives the finest themes (ids, their themes, unit centres) for the nearest-centre choice
    inside a theme; ``barred`` themes (praise) are never joined.

    Example: file_by_words(["Couldn't sync GL to NetSuite"], vectors, said, ...).top[0]
    """
    count = len(notes)
    filing = WordFiling(
        np.full(count, -1, dtype=np.int64),
        np.full(count, -1, dtype=np.int64),
        np.zeros(count, dtype=np.float32),
    )
    said = [text_terms(note) for note in notes]
    wanted = {term for note in said for term in note}
    if not wanted:
        return filing
    found = sayings(texts, wanted, read)
    by_theme = vocabulary(found, tops)
    open_themes = set(by_theme.distinctive) - set(barred)
    if not open_themes:
        return filing
    by_finest = vocabulary(found, finest)
    ids, parents, vectors = centres
    for row, note in enumerate(said):
        top = best(by_theme.weights(note, open_themes), enough=True)
        inside = ids[parents == top]
        if top < 0 or not inside.size:
            continue
        chosen = best(by_finest.weights(note, inside.tolist()), enough=False)
        likeness = vectors[parents == top] @ note_vectors[row]
        if chosen < 0:
            chosen = int(inside[int(np.argmax(likeness))])
        filing.top[row], filing.finest[row] = top, chosen
        filing.closeness[row] = float(likeness[inside.tolist().index(chosen)])
    return filing


def rescued_by_words(
    vectors: Vectors,
    found: Discovery,
    said: Sequence[str],
    customers: NDArray[np.bool_],
    gaps: NDArray[np.bool_],
    praised: NDArray[np.bool_],
) -> Discovery:
    """A rebuild's ``found`` with the ``gaps`` notes still unsorted filed by their words,
    against the ``customers``' items as discovery (and its rescue) filed them."""
    rows = np.flatnonzero(gaps & (found.themes < 0))
    placed = found.subthemes >= 0
    if not rows.size or not (customers & placed).any():
        return found
    subs = np.unique(found.subthemes[placed])
    parents = found.parent_of()
    centres = (
        subs,
        np.array([parents[int(s)] for s in subs], dtype=np.int64),
        centroids_of(vectors[placed], found.subthemes[placed])[subs],
    )
    filing = file_by_words(
        [said[i] for i in rows.tolist()],
        vectors[rows],
        [said[i] for i in np.flatnonzero(customers).tolist()],
        found.themes[customers],
        found.subthemes[customers],
        centres,
        barred=praise_themes(found, praised),
    )
    filed = filing.top >= 0
    if not filed.any():
        return found
    themes, subthemes, closeness = (
        found.themes.copy(),
        found.subthemes.copy(),
        found.closeness.copy(),
    )
    at = rows[filed]
    themes[at], subthemes[at] = filing.top[filed], filing.finest[filed]
    closeness[at] = filing.closeness[filed]
    return Discovery(themes=themes, subthemes=subthemes, closeness=closeness)


def stored_by_words(
    notes: Sequence[str],
    note_vectors: Vectors,
    items: Sequence[ItemText],
    members: Mapping[int, Sequence[int]],
    centroids: StoredCentroids,
    praise_tops: Collection[int],
    customer: Callable[[ItemText], bool],
) -> WordFiling:
    """``notes`` an incremental run files by their words, against the stored themes: the
    ``customer`` originals among ``items`` with their links (``members``: theme id → item
    ids) to the finest themes of ``centroids`` and to their themes."""
    finest = ~centroids.has_children
    ids, parents = centroids.theme_ids[finest], centroids.top_ids[finest]
    top_of: dict[int, int] = {}
    finest_of: dict[int, int] = {}
    for theme_id, parent in zip(ids.tolist(), parents.tolist(), strict=True):
        for evidence_id in members.get(theme_id, ()):
            finest_of[evidence_id], top_of[evidence_id] = theme_id, parent
    said = [item for item in items if item.copy_of is None and customer(item)]
    return file_by_words(
        notes,
        note_vectors,
        [f"{item.title or ''}\n{item.text}" for item in said],
        np.array([top_of.get(item.id, -1) for item in said], dtype=np.int64),
        np.array([finest_of.get(item.id, -1) for item in said], dtype=np.int64),
        (ids, parents, centroids.vectors[finest]),
        barred=praise_tops,
        read=lambda row: theme_text(said[row].kind, said[row].title, said[row].text),
    )
