"""The competitor scan's reading of deals: what a deal's words add to its CRM links.

A deal's words add no link that would count the deal twice for one alternative: a second
in-house tool, spreadsheet, agency or status quo, or a second row of the same vendor
("ADP WFN" beside the CRM's "ADP Workforce Now"; ``_once_per_alternative``). Of two of
one kind that the words name, a named member beats the kind's row, and the loss reason's
words beat the description's. The status quo gives way to a specific alternative the
same deal names (``_status_quo_refiled``). See ``competitor_scan``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from tradeoff.analysis.business.competitor_alikes import VendorBook
from tradeoff.analysis.business.competitor_scan_evidence import learn_usage
from tradeoff.storage import competitor_edits

if TYPE_CHECKING:
    from tradeoff.analysis.business.competitor_scan import MentionFinder


def sync_deals(
    session: Session, finder: MentionFinder, vendors: VendorBook, batch: Sequence[tuple[int, str]]
) -> tuple[int, int, int]:
    """Make the links these deals' words made (id, words) what ``finder`` reads in them,
    once per alternative, and file a field's status quo under the alternative the words
    name; returns (links added, links removed, deals refiled)."""
    if not finder.learned:
        learn_usage(session, finder)
    named = {i: f for i, text in batch if text and (f := finder.find(text))}
    ids = [i for i, _ in batch]
    crm = competitor_edits.crm_links(session, ids)
    named = {i: _once_per_alternative(f, crm.get(i, set()), vendors) for i, f in named.items()}
    refiled = 0
    for deal_id, held in crm.items():
        generic, specific = _status_quo_refiled(held, named.get(deal_id, {}), vendors)
        if specific is not None:
            competitor_edits.refile_crm_links(session, deal_id, generic, specific)
            refiled += 1
    linked, unlinked = competitor_edits.sync_deal_links(session, ids, named)
    return linked, unlinked, refiled


def _once_per_alternative(
    named: Mapping[int, str], crm: set[int], vendors: VendorBook
) -> dict[int, str]:
    """What a deal's words name, less what would count the deal twice for one alternative:
    a competitor of a kind that is not a product when the deal already has one of that kind
    (the field's "In-house system", the loss reason's "in-house tool"), or a product row
    of a vendor the deal already has ("ADP WFN" beside the field's "ADP Workforce Now").
    The CRM's links come first, then the words naming a member of a kind ("Google
    Sheets") before a kind's own row ("spreadsheets"), each in the order the words name
    them (the loss reason before the description: ``deal_texts``), so the specific name
    wins and a second scan keeps what the first kept."""
    kept: dict[int, str] = {}
    ordered = sorted(named.items(), key=lambda found: vendors.kind_only(found[0]))
    for competitor_id, said in ordered:
        others = (crm | kept.keys()) - {competitor_id}
        if not any(vendors.one_for_a_deal(competitor_id, o) for o in others):
            kept[competitor_id] = said
    if any(vendors.specific(c) for c in crm | kept.keys()):
        kept = {c: said for c, said in kept.items() if not vendors.generic(c)}
    return kept


def _status_quo_refiled(
    crm: set[int], named: Mapping[int, str], vendors: VendorBook
) -> tuple[list[int], int | None]:
    """The status quo the deal's field links (``crm``) and the specific alternative it gives
    way to — one the field links too, else the first the deal's words name — or no
    alternative when the deal names none: "No decision" in the field and "kept their
    in-house tool" in the loss reason is a deal lost to the in-house tool, counted once."""
    generic = sorted(c for c in crm if vendors.generic(c))
    if not generic:
        return [], None
    held = sorted(c for c in crm if vendors.specific(c))
    specific = held or [c for c in named if vendors.specific(c)]
    return generic, (specific[0] if specific else None)
