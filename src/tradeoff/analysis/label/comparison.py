"""Praise of something else, said by comparison, is a complaint about this.

"Honestly our old paper diary was more reliable than this." holds a praise word
("reliable"), but what it praises is the old way; of the product it says that it is worse.
On a QA tester's clinic-booking corpus it was the only counter evidence of the reminders
theme, shown as an item that speaks well of an area it complains about. So a sentence
speaks against its item (``counter``) when it praises something else by comparison:

- a comparative of praise (``COMPARATIVES``: "faster", "easier", "better", or "more"
  before a praise word) before "than" and the product now (``OURS``: "than this", "than
  it", "than yours", "than the new version", "than now"; not "than it was", "than before",
  "than other tools", "than I thought", nor an expectation after "than you" or "than it"
  (``EXPECTING``: "than you expected", "than it said"): those praise it);
- the old way praised by a comparative (``OLD``: "the old version was faster", "our
  previous system was easier"), with a verb in the past between them (``LINKS``): "old
  invoices open faster since the update" praises the product now;
- "even" opening a clause before a comparative ("Even Excel was faster.");
- "at least" opening a clause ("At least the old diary worked."): what still works is set
  against what does not.

    >>> compared_away("our old paper diary was more reliable".split(), {"reliable"})
    'old paper diary was more reliable'
    >>> compared_away("the paper diary was more reliable than this".split(), {"reliable"})
    'more reliable than this'
    >>> compared_away("even excel was faster".split()), compared_away("at least it worked".split())
    ('even excel was faster', 'at least')
    >>> compared_away("much faster than before".split()), compared_away("easier than excel".split())
    (None, None)
    >>> compared_away("old invoices open faster since the update".split())
    >>> compared_away("more helpful than you expected".split(), {"helpful"})
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

#: Praise said as a comparative: what it is set against is judged worse.
COMPARATIVES = frozenset(
    """faster quicker easier simpler smoother better nicer speedier clearer friendlier
    cheaper""".split()  # noqa: SIM905 - a word list reads better
)
#: After "than", the product as it is now: "than this", "than the new one".
OURS = frozenset("this it yours you your now".split())  # noqa: SIM905
#: "than the new version", "than the current app".
OURS_AFTER_THE = frozenset("new current updated latest".split())  # noqa: SIM905
#: After "than it", a time before: "faster than it was" praises the product now.
THEN = frozenset("was were used did had".split())  # noqa: SIM905
#: The way things were done before: "the old version was faster".
OLD = frozenset("old older previous former legacy".split())  # noqa: SIM905
#: Between ``OLD`` and its comparative, a verb in the past that makes the old way the
#: subject: "the old version was faster", not "old invoices open faster since the update".
LINKS = frozenset("was were used worked did".split())  # noqa: SIM905
#: After "than you" or "than this", an expectation: "more helpful than you expected"
#: praises the product, as "than I thought" does.
EXPECTING = frozenset(
    """expected thought imagined hoped said feared guessed would might""".split()  # noqa: SIM905
)
#: After "at least", an amount ("at least 5 users", "at least once"), not a thing set against.
_AMOUNTS = frozenset("a an one once two three few some".split())  # noqa: SIM905
#: What ends a clause among ``counter.WORD``'s tokens.
_ENDS = frozenset({",", ";", ":", "(", ")", "\u2013", "\u2014", "but"})
#: Words that may stand before "even" or "at least" opening a clause: "Honestly even
#: Excel was faster."
_ASIDES = frozenset("honestly frankly seriously tbh literally well".split())  # noqa: SIM905


def compared_away(tokens: Sequence[str], praise_words: Collection[str] = ()) -> str | None:
    """The words of a sentence's ``tokens`` that praise something else by comparison (the
    rules of this module's docstring), None when none do. ``praise_words``: the words
    "more" makes comparatives of ("more reliable")."""
    for i, word in enumerate(tokens):
        start = _clause_start(tokens, i)
        if word == "than" and _ours(tokens, i + 1):
            comparative = _comparative_before(tokens, start, i, praise_words)
            if comparative is not None:
                return " ".join(tokens[comparative : i + 2])
        if word in OLD:
            for k in range(i + 1, _clause_end(tokens, i)):
                if _is_comparative(tokens, k, praise_words):
                    if any(t in LINKS for t in tokens[i + 1 : k]):
                        return " ".join(tokens[i : k + 1 + (tokens[k] == "more")])
                    break
        if word == "even" and _opens(tokens, start, i):
            # A subject between: "even Excel was faster", not "even faster now".
            for k in range(i + 2, _clause_end(tokens, i)):
                if _is_comparative(tokens, k, praise_words):
                    return " ".join(tokens[i : k + 1 + (tokens[k] == "more")])
        if tokens[i : i + 2] == ["at", "least"] and _opens(tokens, start, i):
            following = tokens[i + 2 : i + 3]
            if following and not (following[0].isdigit() or following[0] in _AMOUNTS):
                return "at least"
    return None


def _ours(tokens: Sequence[str], k: int) -> bool:
    """What follows "than" at ``k`` is the product now, not a time before it."""
    after = list(tokens[k : k + 2])
    if not after:
        return False
    if after[0] == "the":
        return after[1:] != [] and after[1] in OURS_AFTER_THE
    if after[1:] != [] and after[1] in EXPECTING:
        return False
    if after[0] == "it":
        return after[1:] == [] or after[1] not in THEN
    return after[0] in OURS


def _comparative_before(
    tokens: Sequence[str], start: int, than: int, praise_words: Collection[str]
) -> int | None:
    for k in range(than - 1, start - 1, -1):
        if _is_comparative(tokens, k, praise_words):
            return k
    return None


def _is_comparative(tokens: Sequence[str], k: int, praise_words: Collection[str]) -> bool:
    word = tokens[k]
    if word in COMPARATIVES:
        return True
    return word == "more" and tokens[k + 1 : k + 2] != [] and tokens[k + 1] in praise_words


def _opens(tokens: Sequence[str], start: int, i: int) -> bool:
    """``tokens[i]`` opens its clause, but for asides ("honestly")."""
    return all(t in _ASIDES for t in tokens[start:i])


def _clause_start(tokens: Sequence[str], i: int) -> int:
    start = i
    while start > 0 and tokens[start - 1] not in _ENDS:
        start -= 1
    return start


def _clause_end(tokens: Sequence[str], i: int) -> int:
    end = i + 1
    while end < len(tokens) and tokens[end] not in _ENDS:
        end += 1
    return end
