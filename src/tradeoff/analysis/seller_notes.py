"""Sellers' deal notes follow the themes customers' own words make; they never found one.

A CRM's loss reasons and deal descriptions are short, canned and repeated ("Lost on price"
on nine deals, "Expansion to the finance team" on thirteen). Clustered with the tickets,
each canned wording is one point (identical rows fold into one) that Leiden joins to the
nearest theme, and the cap on unsorted items keeps it there: on a QA corpus "Lost on price"
sat in the alerting theme and "Replacing a legacy BI stack" in the SSO theme, and every
account behind them became an account citing that theme (alerting's lost revenue came out
six times the true figure).

So discovery runs on what customers said (tickets, chats, calls, reviews, surveys...), and a
deal note is then filed like any new item, into the nearest sub-theme, but only when it is
at least ``FLOOR`` similar to that sub-theme's centre (the similarity discovery asks of every
item before the unsorted cap lowers it; an incremental run asks the same) and the loss
taxonomy does not read it as commercial talk (``commercial``: price, timing, relationship,
the status quo, value not proven, not a real deal, and trust in us as a vendor). On that
corpus, product notes cleared both ("Wants Snowflake live connection" 0.69 to the Snowflake
connector theme, "Lacked row-level permissions feature" 0.59) and commercial ones neither
("Lost on price" 0.18, "Budget freeze, revisit next year" 0.12); the taxonomy is needed
where a word is shared by chance: among a bank's tickets "Lost on price" sat 0.48 from the
lost-card theme. A note filed nowhere stays unsorted, counted apart
from the rest (``tradeoff sales`` reads it as a loss reason or objection). A workspace with
no customer words at all (a CRM import alone) finds its themes in the notes.

A deal's description says what the deal is more often than what the customer lacks:
"Evaluating us for exec dashboards" on sixteen deals sat 0.50 from a theme of slow
dashboards, closer than "Dashboard performance on large datasets was a gap" (0.46), and
added USD 418k lost and 734k pipeline to it. Likeness cannot part them; words can. So a
description joins a theme only when it states a need or a problem (``states_need``:
"needs", "wants", "missing", "no", "slow", "gap", "manually", ...); a loss reason is a
reason by its field.

Trust in us as a vendor says nothing of the product either: on an HR corpus seven "Security
review: did not trust a vendor our size" notes sat above ``FLOOR`` from the SSO theme (its
tickets talk of security reviews) and made their deals cite it. So a note the taxonomy reads
as ``confidence_risk`` (maturity, size, track record, security and compliance reviews) is
commercial unless it also names a product gap (a product-gap keyword, such as a feature
named as absent): "Failed security review: no SAML SSO" still joins the SSO theme. A quality
the product is asked for is no trust in us: the taxonomy reads "Security requires SAML SSO"
and "needs reliable webhook delivery" as needs, not as ``secur*`` and ``reliab*``
(``loss_cues.QUALITIES``); read as trust, 41 such descriptions on a QA corpus joined no theme.

The deal decides before the note's own words: a note of a lost deal that a person's
correction, else the taxonomy, puts in a ``COMMERCIAL`` class or ``disqualified`` joins no
theme (``benched_notes``). The note alone may not say so: on a QA corpus the loss reason
"Duplicate deal" (a ``disqualified`` deal: ``loss_disqualified`` reads the reason as a
label, the taxonomy alone finds no cue in it) sat in the theme of Shopify orders imported
twice, and its account cited that theme; a description "Needs offline scanning" of a deal
lost on price is no reason the deal was lost.

A short gap note can sit below ``FLOOR`` from the very theme it names: the static embedder
reads a mean of word vectors, and "Couldn't sync GL to NetSuite" or "no Sage Intacct
integration" are few words, most of them names (on that corpus ten lost deals, USD 620k,
cited no theme). A note that states a gap (``states_gap``: the taxonomy finds a product-gap
keyword in it, or it is a loss reason with no keyword of any category but a word saying
something is missing or wanted, "No PTO accrual rules for union contracts") and that
likeness left unsorted is then filed by the words it shares with a theme
(``analysis.gap_words``). An incremental run does this for the notes no run read yet.

What is commercial, a need or a gap is read in every language the taxonomy reads, never by
English words alone: on a payroll corpus sold in Europe and Latin America, "Preço acima do
orçamento do cliente" (five deals) and "Projeto adiado, sem decisão" sat in the Portuguese
payroll theme and "Seguirán con su gestoría" in the Spanish one, their lost revenue counted
as those themes' demand. So ``commercial`` reads a note as the taxonomy reads a loss reason
(``loss_verdict``: keywords of every language, sellers' sayings, labels of deals never
real), ``states_need`` knows the need words of those languages (``seller_needs_abroad``),
and a loss reason states a gap by a gap saying too ("Sin timbrado de nómina CFDI 4.0").

The taxonomy's need words were written for loss reasons, mostly in the past tense, while a
description is mostly written in the present: on a QA corpus sold in Italy and the
Netherlands "Serve l'integrazione con il registratore telematico." (20 deals) and "Wil
QR-bestellen aan tafel." (14) joined no theme, and the Italian fiscal theme showed EUR 1.7k of
open pipeline. So ``seller_needs_abroad`` adds what sellers write in each language ("vuole",
"wil", "quiere", "quer", "veut", "möchte", "non funziona", "traag"...) and leaves out what
says what a deal is ("Valutazione per 3 locali", "Zoekt een kassasysteem voor de keten").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from sqlalchemy.orm import Session

from tradeoff.analysis.business import loss_cues_abroad as abroad
from tradeoff.analysis.business.loss_language import spellings
from tradeoff.analysis.business.loss_matching import cues_in
from tradeoff.analysis.business.loss_sayings import saying_verdict
from tradeoff.analysis.business.loss_taxonomy import (
    NOT_THE_PRODUCT,
    loss_verdict,
    notes_of_deals_in,
)
from tradeoff.analysis.discover import DiscoverySettings
from tradeoff.analysis.label.counter import NEGATORS, PROBLEM_PHRASES, PROBLEMS, REQUESTS
from tradeoff.analysis.seller_needs_abroad import WANTS as WANTS_ABROAD
from tradeoff.analysis.seller_needs_abroad import states_need_abroad
from tradeoff.analysis.text.language import language_of_group
from tradeoff.domain.enums import EvidenceKind, LossCategory

#: Kinds written by our sellers about a deal rather than by the customer.
FOLLOWERS = frozenset({EvidenceKind.DEAL_NOTE})
#: The least similarity to a sub-theme's centre at which a note is filed there.
FLOOR = DiscoverySettings().min_similarity
#: Loss categories that say nothing of the product: a note read as one joins no theme (and
#: ``confidence_risk`` naming no product gap: ``commercial``).
COMMERCIAL = NOT_THE_PRODUCT


#: The field a deal note's external id ends with when it is the deal's description
#: (``importers.crm``: ``{deal id}:description``).
DESCRIPTION = ":description"
_NEED_WORDS = """gap gaps lacked require requires required requirement requirements blocker
blockers dealbreaker limitation limitations asked requested request requests looking manual
manually"""
#: The same in the other languages the taxonomy reads, whole words as written and without
#: accents: "sin", "falta", "sem", "manque", "ohne", "fehlt", "necesitan", "não"...
_GAP_WORDS_ABROAD = frozenset(
    word
    for language in abroad.LANGUAGES
    for listed in (
        language.negators,
        language.absence_markers,
        language.need_frame,
        language.absent_openers,
    )
    for phrase in listed
    if " " not in phrase and not phrase.endswith("*")
    for word in (phrase, *spellings(phrase))
)
#: Words that say something is missing or wanted, not what: never a term the word route
#: files by (``analysis.gap_words``). Abroad, the sellers' words of wanting too ("vuole",
#: "wil", "quiere"): a Dutch theme's tickets say "wil" often enough to make it their own.
GAP_WORDS = NEGATORS | REQUESTS | frozenset(_NEED_WORDS.split()) | _GAP_WORDS_ABROAD | WANTS_ABROAD
#: Words that state a need or a problem in a seller's description of a deal (in the other
#: languages the taxonomy reads: ``seller_needs_abroad``).
NEEDS = GAP_WORDS | PROBLEMS
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def states_need(text: str) -> bool:
    """Whether ``text`` says what the customer needs or what goes wrong, not only what the
    deal is.

    >>> states_need("Needs SSO before security sign-off"), states_need("Pilot for 20 seats")
    (True, False)
    >>> states_need("Wil QR-bestellen aan tafel."), states_need("Evaluatie voor de keten")
    (True, False)
    """
    words = _words(text)
    if any(w in NEEDS for w in words) or states_need_abroad(text):
        return True
    joined = f" {' '.join(words)} "
    return any(f" {' '.join(phrase)} " in joined for phrase in PROBLEM_PHRASES)


def _words(text: str) -> list[str]:
    folded = text.casefold().replace("\u2019", "'")
    return [w.replace("'", "") for w in _WORD.findall(folded)]


def commercial(text: str) -> bool:
    """Whether the loss taxonomy reads ``text`` as talk of something other than the product:
    a ``COMMERCIAL`` category, or trust in us as a vendor that names no product gap. It reads
    the text as it reads a loss reason (``loss_verdict``), in every language it knows and by
    sellers' sayings too: "Preço acima do orçamento", "Seguirán con su gestoría" and "Stayed
    on paper" are commercial wherever they are written.

    >>> commercial("Security review: did not trust a vendor our size")
    True
    >>> commercial("Failed security review: no SAML SSO")
    False
    """
    category = loss_verdict(text, None).category
    if category is LossCategory.CONFIDENCE_RISK:
        return not names_gap(text)
    return category in COMMERCIAL


def names_gap(text: str) -> bool:
    """Whether the loss taxonomy finds a product-gap keyword in ``text``."""
    return _gap_among(cues_in(text))


def _gap_among(found: Sequence[tuple[LossCategory, str]]) -> bool:
    return any(category is LossCategory.PRODUCT_GAP for category, _ in found)


def _description(key: str | None) -> bool:
    return (key or "").endswith(DESCRIPTION)


def benched_notes(session: Session, of: Sequence[int] | None = None) -> frozenset[int]:
    """The deal notes (of the evidence ids ``of``, when given: an incremental run's new
    notes, not every lost deal's) of lost deals whose class (a person's correction, else the
    taxonomy's, which reads the reason, the competitor field and the notes together) is
    ``COMMERCIAL``: they join no theme, whatever their own words say."""
    if of is not None and not of:
        return frozenset()
    return notes_of_deals_in(session, COMMERCIAL, of)


def filed_by_likeness(
    texts: Sequence[str],
    notes: NDArray[np.bool_],
    external_ids: Sequence[str | None],
    benched: Sequence[bool] | NDArray[np.bool_],
) -> NDArray[np.bool_]:
    """Per item: a note (``notes``) that may join the theme it is like: not a note of a
    deal lost for a commercial reason or never real (``benched``, from ``benched_notes``),
    not commercial talk itself (``commercial``), and, for a deal's description, stating a
    need or a problem."""
    return np.array(
        [
            bool(note)
            and not bool(out)
            and not commercial(text)
            and (not _description(key) or states_need(text))
            for text, note, key, out in zip(texts, notes, external_ids, benched, strict=True)
        ],
        dtype=np.bool_,
    )


def states_gap(
    texts: Sequence[str], likened: NDArray[np.bool_], external_ids: Sequence[str | None]
) -> NDArray[np.bool_]:
    """Per item: a note that may join a theme (``likened``, from ``filed_by_likeness``) and
    states a product gap, which may also be filed by its words (``analysis.gap_words``): one
    in which the taxonomy finds a product-gap keyword ("Needs multi-state tax filing", "no
    Sage Intacct integration"), or a loss reason with no keyword at all but a word saying
    something is missing or wanted ("No PTO accrual rules for union contracts").

    A description needs the keyword: it tells what the prospect wants or lacks today, which
    is mostly what the deal is ("wants employee cards and faster supplier payments",
    "Current bank: high-street, no card controls"), not a gap of ours. A loss reason is a
    reason by its field; but a problem word does not make it a gap ("Lost to Fernbank...").
    """
    return np.array(
        [
            bool(may) and _states_gap(text, _description(key))
            for text, may, key in zip(texts, likened, external_ids, strict=True)
        ],
        dtype=np.bool_,
    )


def _states_gap(text: str, description: bool) -> bool:
    found = cues_in(text)
    if found or description:
        return _gap_among(found)
    said = saying_verdict(text)
    if said is not None:
        return said.category is LossCategory.PRODUCT_GAP
    return any(word in GAP_WORDS for word in _words(text))


def foreign_filings(
    themes: NDArray[np.int64], notes: NDArray[np.bool_], spoken: Sequence[str | None]
) -> NDArray[np.bool_]:
    """Per item: a note filed (``themes``, -1 unsorted) into a theme written in other
    languages (``text.language.language_of_group`` of its items that are no notes) than the
    note's own (``spoken``: ``language_apart.languages``). Such a note resembles the theme by
    its language, not its topic: on a QA corpus the Polish "Brak integracji z Kalendarzem
    Google" sat in a Swedish theme. A note whose language is not told (None: English, or
    too short to tell) keeps its place, as an incremental run's ``kept_to_language`` does.

    >>> import numpy as np
    >>> themes = np.array([6, 6, 6, 6, 9, 9])
    >>> notes = np.array([False, False, True, True, False, True])
    >>> foreign_filings(themes, notes, ["sv", "sv", "pl", None, "fr", "fr"]).tolist()
    [False, False, True, False, False, False]
    """
    out = np.zeros(len(themes), dtype=np.bool_)
    for theme in np.unique(themes[notes & (themes >= 0)]):
        members = themes == theme
        languages = language_of_group([spoken[int(i)] for i in np.flatnonzero(members & ~notes)])
        if languages is None:
            continue  # an English or mixed theme: language-neutral
        for i in np.flatnonzero(members & notes):
            code = spoken[int(i)]
            out[i] = code is not None and code not in languages
    return out


def following(kinds: Sequence[EvidenceKind]) -> NDArray[np.bool_]:
    """Per item: whether it is a seller's note, which files but does not found."""
    return np.array([kind in FOLLOWERS for kind in kinds], dtype=np.bool_)


def founders(kinds: Sequence[EvidenceKind], worded: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """The worded items discovery groups: customers' own, or every worded item when the
    workspace holds none of those."""
    voice = worded & ~following(kinds)
    return voice if voice.any() else worded


def notes_apart(count: int) -> str:
    """How a summary says that ``count`` of the unsorted items are such notes."""
    return (
        f"{count:,} of them {'a deal note' if count == 1 else 'deal notes'} fitting no theme: "
        "sellers' words, which tradeoff sales reads as loss reasons and objections"
    )
