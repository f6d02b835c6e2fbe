"""Derived tables catch up with the evidence off the request path.

Writers only mark what changed (dirty themes, items to read for praise); the web app's
background computations call ``catch_up`` before they read, so the cost of an edit is paid
there, never by a request, and a figure read just after is fast.
"""

from __future__ import annotations

from sqlalchemy import Engine

from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.storage.demand_kept import keep_engine
from tradeoff.storage.praise import fill_engine
from tradeoff.storage.theme_summary import refresh_engine


def catch_up(engine: Engine) -> None:
    """Rewrite dirty themes' summary rows, read unread items for praise and keep the demand
    figures of a large workspace (each a cheap check when there is nothing to do)."""
    refresh_engine(engine)
    fill_engine(engine, PRAISE_RULES)
    keep_engine(engine)
