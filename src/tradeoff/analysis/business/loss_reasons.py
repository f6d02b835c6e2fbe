"""The loss-reason taxonomy: why deals are lost, beyond "missing feature" (principle 3).

The classifier is a keyword list per category, on purpose: a PM can read why a deal landed in
a category (the ``cues``), predict what a new reason will get, and fix a wrong one in
docs/sales.md's lists or with ``tradeoff loss-reason``. Rules, in order:

1. Text is folded: Unicode NFKC, lower case, "n't" spelled "not", every run of characters that
   is not a letter or digit becomes one space ("in-house" reads "in house"), and a word is
   compared without accents ("orcamento" is "orçamento"; ``loss_language.plain``). A cue is
   shown as written.
2. Cues are matched on whole words, longest phrase first; a word inside a matched phrase is not
   matched again, so "did not trust" is a confidence cue and "lack of trust" is not a gap.
   Of two as long, a listed whole word comes before a prefix ("budgetstopp", not "budget*").
   Every list has its Spanish, Portuguese, French, German, Italian and Dutch words too
   (``loss_cues_abroad``), read on every text: a reason's language is never guessed.
   A cue ending in ``*`` matches any word starting so ("pric*": price, pricing, priced).
   A name (``NAMES``: "cost center", "benefits enrollment") is matched the same way and
   counts for no category: a product's thing is not a reason.
3. A one-word cue is *negated* (ignored) when "not" or "nor" (or "não", "pas", "nicht", and
   Spanish "no" or Italian "non" before a copula: "no es caro"), but one a phrase holds
   ("passt nicht ins Budget"), stands in the two words before it, or three
   when an article or a copula follows it and the next word is no keyword or dismissal
   ("not expensive", "not the price", "not a product gap"), or when it is dismissed around
   it ("price was not the issue", "no pricing concerns", "pricing was fine"; a denied
   dismissal before it only when no other cue stands between). Not when a
   word between the "not" and the cue says the thing was not got or shown (``ABSENCE_FRAME``:
   "could not prove ROI", "not enough budget", "did not have budget"): a missing thing is the
   reason itself, as every category here names what was missing or what stood in the way.
   A dismissal still wins ("did not see price as an issue"). "No" and "without" alone do not
   negate either: "no budget" and "without an integration" are the reason itself, and nor
   does a negator that says a thing is absent ("pas de budget", ``ABSENT_NEGATIONS``) or a
   carried one ("nor", "ni", "nem", "weder") that carries on no negation ("no budget nor
   sponsor", "ni budget ni sponsor"; but "not expensive nor complex"). Phrases
   carry their own negation ("did not trust", "not a fit", "not afford*") and are never
   negated. An absence word of the product-gap list ("missing", "lack*") followed, across
   only ``ABSENCE_FILLER`` words, by a cue of another category is dropped: what is missing
   decides ("lack of budget" is price, "missing an executive sponsor" relationship); so is a
   ``SHORTFALL_MARKERS`` cue after one, across ``LINKING`` words ("budget was too limited"),
   and a verdict of fit beside one ("Preis passt nicht": ``loss_described``). The buyer's
   capacity ("No bandwidth to implement SSO") is a timing cue (``loss_capacity``). A bundle
   before a price cue names what was priced ("Hardware bundle cost too high" is price), and
   one the buyer wanted with a thing a gap ("Wanted a bundle with payroll"; ``loss_bundle``).
   A feature word (``FEATURE_NOUNS``) is a product-gap cue only within ``FEATURE_REACH``
   words after a ``FEATURE_FRAME`` word ("no SCIM provisioning", "they had GL sync").
   A quality (``QUALITIES``: "secur*", "reliab*") that a need word is about, or that lies
   between a frame word and its feature, counts for nothing: "Security requires SAML SSO"
   and "needs reliable webhooks" are needs, not trust in us. A ``STAGES`` cue ("poc")
   counts only when no cue of another category says why.
4. A cue weighs its number of words, a capacity phrase one in any language
   (``loss_capacity.is_capacity``); the heaviest category wins, and of as heavy, the one
   less of whose weight is capacity phrases ("No time for a pilot, also pricing too high"
   is price). A tie is broken by the
   reason's headline (the few words before a colon or a spaced dash) when it names just one
   of the tied categories ("Lost on price - they bundled it"); otherwise it is ambiguous and
   gives ``unclassified`` with every cue kept, so a person decides.
5. The loss reason decides. When it gives no category, the deal's competitor field
   (``CompetitorField``) comes next, then the notes. A field naming only an alternative that
   is no product (a spreadsheet, an in-house tool, an agency, doing nothing) decides:
   ``status_quo``, or what the taxonomy reads in the name ("No decision" is
   ``timing_no_decision``), written ``competitor: <cue>``. A field naming a product rival
   says the buyer bought something: the notes are read (cues written ``note: <cue>``) but
   may not make the deal ``status_quo`` or ``timing_no_decision``, as a description of what
   the prospect uses today ("Replacing spreadsheets for 2 stores") would. When the reason's
   cues tie and no headline decides, the field and then the notes may only choose between
   the tied categories ("price and timing" with notes about price is price); a category the
   reason never named does not win ("price vs. value" with notes saying "needs security
   review" stays ``unclassified``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tradeoff.analysis.business.loss_capacity import is_capacity
from tradeoff.analysis.business.loss_cue_index import fold
from tradeoff.analysis.business.loss_matching import cues_in
from tradeoff.domain.enums import LossCategory

NOTE_PREFIX = "note: "
FIELD_PREFIX = "competitor: "
#: What the notes may not make a deal lost to a product rival: the buyer bought something.
BOUGHT_ELSEWHERE = frozenset({LossCategory.STATUS_QUO, LossCategory.TIMING_NO_DECISION})


@dataclass(frozen=True)
class CompetitorField:
    """What a lost deal's competitor field names, as the taxonomy reads it (rule 5)."""

    #: A product rival: a competitor of a direct or other-category kind.
    product: bool = False
    #: An alternative that is no product (a spreadsheet, an in-house tool, an agency,
    #: doing nothing), by its name; one is enough (the first by name).
    kept: str | None = None


NO_FIELD = CompetitorField()


@dataclass(frozen=True)
class LossVerdict:
    """The category and the cues that decided it (every cue found when it is ambiguous)."""

    category: LossCategory
    cues: tuple[str, ...]


#: What ends a reason's headline: a colon, a dash between spaces, an em dash, or a full stop
#: before a capital ("Lost on price - they bundled it", "Price: 30% cheaper", "Price. Our...").
HEADLINE_END = re.compile(r":|\s[-–—]+\s|—|\.\s+(?=[A-Z])")
HEADLINE_WORDS = 8


def _leaders(found: list[tuple[LossCategory, str]]) -> list[LossCategory]:
    """The categories of the heaviest weight (rule 4): a capacity phrase weighs one, and of
    categories as heavy, the one less of whose weight is such phrases."""
    weight: dict[LossCategory, tuple[int, int]] = {}
    for category, said in found:
        words, capacity = weight.get(category, (0, 0))
        if category is LossCategory.TIMING_NO_DECISION and is_capacity(said):
            weight[category] = (words + 1, capacity - 1)
        else:
            weight[category] = (words + len(said.split()), capacity)
    best = max(weight.values(), default=(0, 0))
    return [c for c, w in weight.items() if w == best]


def _verdict(
    found: list[tuple[LossCategory, str]], winner: LossCategory, prefix: str = ""
) -> LossVerdict:
    return LossVerdict(winner, tuple(dict.fromkeys(prefix + s for c, s in found if c is winner)))


def _decide(found: list[tuple[LossCategory, str]], prefix: str = "") -> LossVerdict | None:
    if not found:
        return None
    leaders = _leaders(found)
    if len(leaders) > 1:
        cues = tuple(dict.fromkeys(prefix + s for _, s in found))
        return LossVerdict(LossCategory.UNCLASSIFIED, cues)
    return _verdict(found, leaders[0], prefix)


def _headline(reason: str, tied: Sequence[LossCategory]) -> LossCategory | None:
    """The one tied category a reason's headline names: the words before a colon, a spaced
    dash or a sentence's end, when they are few and more follows ("Lost to Gusto on price -
    they bundled time tracking"). CRM reasons are often a picklist value, then the detail."""
    head, *rest = HEADLINE_END.split(reason, maxsplit=1)
    if not rest or not fold(rest[0]) or len(fold(head)) > HEADLINE_WORDS:
        return None
    named = {c for c, _ in cues_in(head) if c in tied}
    return named.pop() if len(named) == 1 else None


def _field_cues(field: CompetitorField) -> list[tuple[LossCategory, str]]:
    """The cues a competitor field gives (rule 5): none when it names a product rival or
    nothing; else what the taxonomy reads in the alternative's name, ``status_quo`` when
    it reads no such category there ("Homegrown ERP", "Our agency")."""
    if field.product or not field.kept:
        return []
    found = [(c, said) for c, said in cues_in(field.kept) if c in BOUGHT_ELSEWHERE]
    return found or [(LossCategory.STATUS_QUO, " ".join(fold(field.kept)))]


def classify_loss(
    reason: str | None, notes: str | None = None, field: CompetitorField = NO_FIELD
) -> LossVerdict:
    """The category of one lost deal, from its loss reason, else from its competitor field,
    else from its notes (rule 5).

    Example: classify_loss("Too expensive for their budget this year")
    → LossVerdict(category=PRICE_BUDGET, cues=("expensive", "budget"))
    """
    in_reason = cues_in(reason or "")
    from_reason = _decide(in_reason)
    if from_reason is not None and from_reason.category is not LossCategory.UNCLASSIFIED:
        return from_reason
    in_field = _field_cues(field)
    in_notes = cues_in(notes or "")
    if field.product:
        in_notes = [(c, said) for c, said in in_notes if c not in BOUGHT_ELSEWHERE]
    if from_reason is not None:
        # A tie: the headline decides, else the field and then the notes may choose between
        # the tied categories, never bring another.
        tied = _leaders(in_reason)
        headline = _headline(reason or "", tied)
        if headline is not None:
            return _verdict(in_reason, headline)
        in_field = [(c, said) for c, said in in_field if c in tied]
        in_notes = [(c, said) for c, said in in_notes if c in tied]
    from_field = _decide(in_field, FIELD_PREFIX)
    if from_field is not None and from_field.category is not LossCategory.UNCLASSIFIED:
        return from_field
    from_notes = _decide(in_notes, NOTE_PREFIX)
    if from_notes is not None and from_notes.category is not LossCategory.UNCLASSIFIED:
        return from_notes
    return from_reason or from_field or from_notes or LossVerdict(LossCategory.UNCLASSIFIED, ())
