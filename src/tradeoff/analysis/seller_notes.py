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
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.business.loss_reasons import classify_loss
from tradeoff.analysis.discover import DiscoverySettings
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


def following(kinds: Sequence[EvidenceKind]) -> NDArray[np.bool_]:
    """Per item: whether it is a seller's note, which files but does not found."""
    return np.array([kind in FOLLOWERS for kind in kinds], dtype=np.bool_)


def founders(kinds: Sequence[EvidenceKind], worded: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """The worded items discovery groups: customers' own, or every worded item when the
    workspace holds none of those."""
    voice = worded & ~following(kinds)
    return voice if voice.any() else worded


def commercial(texts: Sequence[str], notes: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Per item: a note (``notes``) whose words the loss taxonomy files as commercial."""
    return np.array(
        [
            bool(note) and classify_loss(text).category in COMMERCIAL
            for text, note in zip(texts, notes, strict=True)
        ],
        dtype=np.bool_,
    )


def notes_apart(count: int) -> str:
    """How a summary says that ``count`` of the unsorted items are such notes."""
    return (
        f"{count:,} of them {'a deal note' if count == 1 else 'deal notes'} fitting no theme: "
        "sellers' words, which tradeoff sales reads as loss reasons and objections"
    )
