"""A loss reason with no keyword that still says why: a product gap, a relationship or the
status quo, as sellers write them (``SAYINGS``).

Sellers often name the missing thing with words no list can hold and then say that we lack it:
"Needed GPS breadcrumb history, we don't offer it", "Needed route optimization with tech skills
- we don't have it". Or they say what the buyer kept with a verb, not a product: "Decided to
keep paper work orders", "Stayed on paper", "Keep doing it manually". A QA corpus had 13 of 85
lost deals so, USD 2.1M, unclassified.

Such a saying is weaker than a keyword: "Wanted a bigger discount, we don't offer it" is a
price, "Needed SOC 2, we don't have it" a matter of trust, "Decided to keep their budget for
hiring" a price. A rival's feature is said the same way ("Went with Datadog because they
have synthetic browser checks": no feature word), and so is a rival's rep the buyer knows
("Their VP knows the Datadog rep well"). So a saying is read only in a loss reason in which
the taxonomy finds no keyword at all (``loss_reasons.cues_in`` is empty); it then decides
before the competitor field and the notes, as the reason always does
(``loss_taxonomy.loss_verdict``). Each saying weighs
its number of words, as a keyword does; a tie between categories decides nothing.

A clause that opens by saying a feature is absent names a gap: "No CFDI 4.0 payroll stamping"
(a QA corpus had three, "stamping" being no feature word), "Sin timbrado de nómina CFDI 4.0",
"Pas de DSN". Most things a deal lacks are no feature ("No bandwidth to implement", "No
pilot"), so the thing must show it is one (``loss_absent``). Sellers write in Spanish,
Portuguese, French and German too: their sayings and openers are in ``loss_cues_abroad``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tradeoff.analysis.business import loss_cues_abroad as abroad
from tradeoff.analysis.business.loss_absent import a_feature, absent_things
from tradeoff.analysis.business.loss_cue_index import fold, written
from tradeoff.analysis.business.loss_language import clause_starts
from tradeoff.analysis.business.loss_matching import cues_in
from tradeoff.analysis.business.loss_reasons import LossVerdict
from tradeoff.domain.enums import LossCategory

#: How sellers say a product gap, a relationship or the status quo without a keyword of any category
#: (docs/sales.md lists them). Each is a phrase of folded words; a word may be alternatives
#: joined by "|", may end in "*", and "*" alone stands for any one word but a
#: ``loss_absent.NOT_A_FEATURE`` ("no * support": "no Xero support", not "no IT support").
#: A gap saying's subject is the seller, "we": "they don't have IT staff" speaks of the
#: buyer, and "it" is as often IT ("IT couldn't support the rollout").
#: A rival's feature: the buyer went to or chose a rival ("*", one or two words of its name)
#: because it has something; the verb is the buyer's, so "they" is the rival ("Stayed because
#: they have a contract" names no choice and is no gap).
#: "dealbreaker" and "blocker" say how much, not what: the thing named decides
#: ("Price was a dealbreaker" is price, "No Spanish SMS templates, dealbreaker" a gap).
_TO_RIVAL = "went|lost|switched|moved|signed|going|gone with|to"
_CHOSE = "chose|picked|selected|bought|preferred"
_RIVAL_HAS = "they|it have|has|had|offer|offers|offered|include|includes|included"
SAYINGS: Mapping[LossCategory, tuple[str, ...]] = {
    LossCategory.PRODUCT_GAP: (
        "we do|did|can|could not have|offer|support|provide|handle",
        "not something we have|offer|support|provide|do",
        "we have|had no *",
        "not supported|offered",
        "no|without * support",
        "no|without * * support",
        "no|without * * * support",
        f"{_TO_RIVAL} * because|since {_RIVAL_HAS}",
        f"{_TO_RIVAL} * * because|since {_RIVAL_HAS}",
        f"{_TO_RIVAL} * {_RIVAL_HAS}",
        f"{_TO_RIVAL} * * {_RIVAL_HAS}",
        f"{_CHOSE} * because|since {_RIVAL_HAS}",
        f"{_CHOSE} * * because|since {_RIVAL_HAS}",
        f"{_CHOSE} * {_RIVAL_HAS}",
        f"{_CHOSE} * * {_RIVAL_HAS}",
    ),
    LossCategory.RELATIONSHIP: (
        "know|knows|knew|knowing * rep|reps",
        "know|knows|knew|knowing the|their|a * rep|reps",
        "know|knows|knew|knowing the|their|a * * rep|reps",
        "friends with",
    ),
    LossCategory.STATUS_QUO: (
        "stick|sticks|sticking|stuck with|to",
        "stay|stays|stayed|staying|remain|remains|remained|remaining on|with",
        "continue|continues|continued|continuing with|using",
        "continue|continues|continued|continuing to use",
        "keep|keeps|kept|keeping doing|using",
        "still doing|using",
        "decided|chose|opted|preferred to keep|stay|stick|remain|continue",
        "pen and paper",
        "on paper",
        "to paper",
        "paper based",
        "whiteboard*",
        "clipboard*",
        "by hand",
    ),
}

#: A saying as the matcher reads it: per word, its alternatives.
_Saying = tuple[tuple[str, ...], ...]


def _compiled() -> list[tuple[LossCategory, _Saying]]:
    return [
        (category, tuple(tuple(word.split("|")) for word in phrase.split()))
        for sayings in (SAYINGS, abroad.SAYINGS)
        for category, phrases in sayings.items()
        for phrase in phrases
    ]


_SAYINGS = _compiled()


def _word_matches(pattern: str, word: str) -> bool:
    if pattern == "*":
        return a_feature(word)
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def _found(
    reason: str, words: Sequence[str], starts: frozenset[int]
) -> list[tuple[int, int, LossCategory]]:
    """Every saying in ``reason`` (folded to ``words``, whose clauses begin at ``starts``),
    longest first, each word used once (as keywords are)."""
    absent = [(s, e, LossCategory.PRODUCT_GAP) for s, e in absent_things(reason, words, starts)]
    matches = absent + [
        (start, start + len(saying), category)
        for category, saying in _SAYINGS
        for start in range(len(words) - len(saying) + 1)
        if all(
            any(_word_matches(p, w) for p in slot)
            for slot, w in zip(saying, words[start : start + len(saying)], strict=True)
        )
    ]
    used = [False] * len(words)
    kept = []
    for start, end, category in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if any(used[start:end]):
            continue
        used[start:end] = [True] * (end - start)
        kept.append((start, end, category))
    return sorted(kept)


def saying_verdict(reason: str | None) -> LossVerdict | None:
    """The category a reason with no keyword says by a saying, with the words that said it;
    None when it has a keyword, no saying, or sayings of two categories that weigh the same.

    Example: saying_verdict("Needed GPS history, we don't offer it")
    → LossVerdict(category=PRODUCT_GAP, cues=("we do not offer",))
    """
    if not reason or cues_in(reason):
        return None
    words = fold(reason)
    found = _found(reason, words, clause_starts(reason))
    weight: dict[LossCategory, int] = {}
    for start, end, category in found:
        weight[category] = weight.get(category, 0) + end - start
    if not weight:
        return None
    best = max(weight.values())
    leaders = [c for c, w in weight.items() if w == best]
    if len(leaders) > 1:
        return None
    shown = written(reason)
    said = (" ".join(shown[s:e]) for s, e, c in found if c is leaders[0])
    return LossVerdict(leaders[0], tuple(dict.fromkeys(said)))
