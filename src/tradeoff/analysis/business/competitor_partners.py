"""Integration partners: competitors that are also products we connect to.

A product that is one of our integrations (PagerDuty for an alerting tool, Slack, a CRM for
a CPQ add-on) is named in tickets as a system the customer connects to far more often than
as a rival: "the PagerDuty incident isn't resolved", "PagerDuty pages arrive instantly".
The scan already drops sentences with a word of connecting; a partner is named as a rival
only in words that compete with it ("Lost to PagerDuty", "evaluating PagerDuty's own status
pages instead": ``competitor_rivalry.competes_with_partner``). A deal whose CRM competitor
field names it still met it: the CRM says they competed.

Marking or clearing the mark rescans, at once, only the evidence and deals that may name
the competitor (``storage.competitor_partners``), the same way ``scan_competitors`` reads
every item, so its figures are right without a full scan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.analysis.business.competitor_alikes import VendorBook, by_hand
from tradeoff.analysis.business.competitor_scan import CHUNK, MentionFinder, sync_deals, sync_items
from tradeoff.domain.enums import CompetitorKind
from tradeoff.storage import competitors as store
from tradeoff.storage.competitor_partners import deals_naming, evidence_naming, partners_of
from tradeoff.storage.session import read_session

#: What the mark means for a partner's figures, as the terminal and the web page say it.
PARTNER_MEANS = (
    "one of our integrations, named in evidence only where the words compete with it "
    "(lost to, evaluating, switching to, instead), not where customers connect it to us; "
    "deals whose CRM field names it still count as met"
)


@dataclass(frozen=True)
class Rescan:
    """What a rescan of one competitor read and what its figures were before and after."""

    evidence_read: int
    deals_read: int
    mentions_before: int
    mentions_after: int
    deals_met_before: int
    deals_met_after: int


@dataclass(frozen=True)
class PartnerChange:
    """A competitor marked as an integration partner, or no longer, and its rescan."""

    name: str
    #: Whether it is a partner now.
    partner: bool
    #: False when it already was (or was not) one: the rescan ran all the same.
    changed: bool
    rescan: Rescan

    def to_json(self) -> dict[str, Any]:
        r = self.rescan
        return {
            "name": self.name,
            "partner": self.partner,
            "changed": self.changed,
            "evidence_read": r.evidence_read,
            "deals_read": r.deals_read,
            "mentions_before": r.mentions_before,
            "mentions_after": r.mentions_after,
            "deals_met_before": r.deals_met_before,
            "deals_met_after": r.deals_met_after,
        }


def is_partner(engine: Engine, competitor_id: int) -> bool:
    """Whether the competitor is marked as an integration partner."""
    with read_session(engine) as session:
        return competitor_id in partners_of(session)


def rescan_competitor(session: Session, competitor_id: int) -> Rescan:
    """Read again, as ``scan_competitors`` does, the evidence items and deals that may name
    the competitor (a word of its names, or a mention or link of it already), and store
    what they name; returns what was read and its figures before and after.

    A phrase of a kind whose row the workspace does not have yet ("built our own" with no
    in-house tool) is filed nowhere: the full scan makes such rows, a rescan of one
    competitor does not. A competitor that is no product (a spreadsheet, an in-house tool)
    is found by phrases as well as names, so every item and deal is read for it."""
    known = store.competitors(session)
    competitor = next(c for c in known if c.id == competitor_id)
    by_kind = {c.kind: c.id for c in reversed(known) if not by_hand(c)}
    finder = MentionFinder(known, by_kind.get, partners_of(session))
    vendors = VendorBook(known)
    names = (
        (competitor.name, *competitor.aliases) if competitor.kind is CompetitorKind.DIRECT else None
    )
    before = store.tallies(session, competitor_id).get(competitor_id, store.Tally())
    read = after = 0
    while items := evidence_naming(session, competitor_id, names, after, CHUNK):
        sync_items(session, finder, items)
        read, after = read + len(items), items[-1][0]
    deals = after = 0
    while batch := deals_naming(session, competitor_id, names, after, CHUNK):
        sync_deals(session, finder, vendors, batch)
        deals, after = deals + len(batch), batch[-1][0]
    now = store.tallies(session, competitor_id).get(competitor_id, store.Tally())
    return Rescan(read, deals, before.mentions, now.mentions, before.deals, now.deals)
