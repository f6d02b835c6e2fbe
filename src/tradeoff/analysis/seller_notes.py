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
item before the unsorted cap lowers it) and the loss taxonomy does not read it as commercial
talk (``COMMERCIAL``: price, timing, relationship, the status quo, value not proven, not a
real deal). On that corpus, product notes cleared both ("Wants Snowflake live connection"
0.69 to the Snowflake connector theme, "Lacked row-level permissions feature" 0.59) and
commercial ones neither ("Lost on price" 0.18, "Budget freeze, revisit next year" 0.12);
the taxonomy is needed where a word is shared by chance: among a bank's tickets "Lost on
price" sat 0.48 from the lost-card theme. A note filed nowhere stays unsorted, counted apart
from the rest (``tradeoff sales`` reads it as a loss reason or objection). A workspace with
no customer words at all (a CRM import alone) finds its themes in the notes.

A deal's description says what the deal is more often than what the customer lacks:
"Evaluating us for exec dashboards" on sixteen deals sat 0.50 from a theme of slow
dashboards, closer than "Dashboard performance on large datasets was a gap" (0.46), and
added USD 418k lost and 734k pipeline to it. Likeness cannot part them; words can. So a
description joins a theme only when it states a need or a problem (``states_need``:
"needs", "wants", "missing", "no", "slow", "gap", ...); a loss reason is a reason by its
field and is filed by likeness alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.business.loss_reasons import classify_loss
from tradeoff.analysis.discover import DiscoverySettings
from tradeoff.analysis.label.counter import NEGATORS, PROBLEM_PHRASES, PROBLEMS, REQUESTS
from tradeoff.domain.enums import EvidenceKind, LossCategory

#: Kinds written by our sellers about a deal rather than by the customer.
FOLLOWERS = frozenset({EvidenceKind.DEAL_NOTE})
#: The least similarity to a sub-theme's centre at which a note is filed there.
FLOOR = DiscoverySettings().min_similarity
#: Loss categories that say nothing of the product: a note read as one joins no theme.
COMMERCIAL = frozenset(
    {
        LossCategory.PRICE_BUDGET,
        LossCategory.TIMING_NO_DECISION,
        LossCategory.RELATIONSHIP,
        LossCategory.STATUS_QUO,
        LossCategory.VALUE_NOT_PROVEN,
        LossCategory.DISQUALIFIED,
    }
)


#: The field a deal note's external id ends with when it is the deal's description
#: (``importers.crm``: ``{deal id}:description``).
DESCRIPTION = ":description"
_NEED_WORDS = """gap gaps lacked require requires required requirement requirements blocker
blockers dealbreaker limitation limitations asked requested request requests looking"""
#: Words that state a need or a problem in a seller's description of a deal.
NEEDS = NEGATORS | REQUESTS | PROBLEMS | frozenset(_NEED_WORDS.split())
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def states_need(text: str) -> bool:
    """Whether ``text`` says what the customer needs or what goes wrong, not only what the
    deal is.

    >>> states_need("Needs SSO before security sign-off"), states_need("Pilot for 20 seats")
    (True, False)
    """
    folded = text.casefold().replace("\u2019", "'")
    words = [w.replace("'", "") for w in _WORD.findall(folded)]
    if any(w in NEEDS for w in words):
        return True
    joined = f" {' '.join(words)} "
    return any(f" {' '.join(phrase)} " in joined for phrase in PROBLEM_PHRASES)


def filed_by_likeness(
    texts: Sequence[str], notes: NDArray[np.bool_], external_ids: Sequence[str | None]
) -> NDArray[np.bool_]:
    """Per item: a note (``notes``) that may join the theme it is like: not commercial talk
    (``COMMERCIAL``), and, for a deal's description, stating a need or a problem."""
    return np.array(
        [
            bool(note)
            and classify_loss(text).category not in COMMERCIAL
            and (not (key or "").endswith(DESCRIPTION) or states_need(text))
            for text, note, key in zip(texts, notes, external_ids, strict=True)
        ],
        dtype=np.bool_,
    )


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
