"""Every threshold of coverage and the practice check, with its default, in one place.

They are settings a team may disagree with, so each is named, documented in
docs/practice-check.md, and passed to the check as one ``Thresholds`` value rather than read
from globals inside the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Thresholds:
    #: An area is material (it needs an owner) from this many pieces of evidence...
    material_evidence: int = 1
    #: ...or when its revenue at stake (ARR + open pipeline, base currency) exceeds this.
    material_revenue: Decimal = Decimal(0)
    #: Direct customer contact is counted over these windows (days ending on the as-of day).
    contact_recent_days: int = 30
    contact_window_days: int = 90
    #: A PM with fewer contacts than this in ``contact_window_days`` fails the check.
    min_contacts: int = 1
    #: Stated and observed evidence disagree only in a theme with at least this many stated
    #: pieces: below it, a missing observation is not yet telling.
    disagreement_min_stated: int = 5
    #: ...and "said fine, seen broken" needs praise of the area in at least this share of
    #: the stated pieces (a stray compliment in a large theme is not a contradiction).
    disagreement_praise_share: float = 0.2
    #: A decision needs at least this many options: with one, nothing was weighed.
    min_options: int = 2
    #: Priority churn fails above either figure of the as-of quarter's churn report.
    churn_moves_per_item_week: float = 0.1
    churn_now_share_changed: float = 0.5
    #: How many items a rule shows in the table, and at most carries (JSON).
    shown_items: int = 5
    listed_items: int = 100


DEFAULT_THRESHOLDS = Thresholds()
