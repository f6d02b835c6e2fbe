"""A person's corrections to who is who: merge two competitors, split one in two, rename,
and mark one as an integration partner (``competitor_partners``).

The first three act on names (see ``storage.competitor_edits``), so they hold across every
later import and scan; the mark is kept by the competitor's id, which a rename, a re-import
or a scan never changes. A merge keeps the mark when either competitor had it: it says the
two are one product, and one of our integrations does not stop being one because its
mentions were filed under another spelling. A split leaves it with the competitor split
from: the product line split off is another product, which a person marks if it is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Engine

from tradeoff.analysis.business.competitor_lookup import find_competitor_in
from tradeoff.analysis.business.competitor_partners import PartnerChange, rescan_competitor
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.domain.names import fold
from tradeoff.errors import InputError, NotFound
from tradeoff.storage import competitor_edits, competitors
from tradeoff.storage.competitor_edits import Moved
from tradeoff.storage.competitor_partners import mark_partner, partners_of, unmark_partner
from tradeoff.storage.session import write_session


def merge_competitors(engine: Engine, source: str, into: str) -> tuple[Competitor, Moved]:
    """Fold competitor ``source`` into ``into``; returns the target as stored and what moved.

    Example: ``merge_competitors(engine, "Microsoft Dynamics CRM", into="Dynamics 365")``
    """
    with write_session(engine) as session:
        known = competitors.competitors(session)
        moving, target = find_competitor_in(known, source), find_competitor_in(known, into)
        partners = partners_of(session)
        moved = competitor_edits.merge(session, moving, target)
        assert target.id is not None
        if moving.id in partners or target.id in partners:
            # The moved mentions were read for a rival, or the target's for one: read again.
            mark_partner(session, target.id, datetime.now(UTC))
            rescan_competitor(session, target.id)
        return find_competitor_in(competitors.competitors(session), target.name), moved


def split_competitor(
    engine: Engine,
    name: str,
    aliases: Sequence[str],
    new_name: str,
    *,
    kind: CompetitorKind | None = None,
) -> tuple[Competitor, Moved]:
    """Give ``aliases`` of competitor ``name`` to ``new_name`` (a new competitor of the same
    kind unless ``kind`` says otherwise, or an existing one), with the deals and mentions
    that were written that way.

    Example: ``split_competitor(engine, "Spreadsheets", ["Google Sheets"], "Google Sheets")``
    """
    wanted = [a.strip() for a in aliases if a.strip()]
    if not wanted:
        raise InputError("name at least one alias to split off")
    if not new_name.strip():
        raise InputError("the split-off competitor needs a name")
    with write_session(engine) as session:
        source = find_competitor_in(competitors.competitors(session), name)
        assert source.id is not None
        if any(fold(a) == fold(source.name) for a in wanted):
            raise InputError(
                f"{source.name!r} is the competitor's own name: split off aliases, "
                "or merge the other way"
            )
        known = {fold(a) for a in source.aliases} | {
            fold(s) for s in competitor_edits.names_used(session, source.id)
        }
        unknown = [a for a in wanted if fold(a) not in known]
        if unknown:
            goes_by = ", ".join(repr(a) for a in source.aliases) or "no aliases"
            raise NotFound(f"{source.name!r} is never called {unknown[0]!r} (aliases: {goes_by})")
        target, moved = competitor_edits.split(session, source, wanted, new_name, kind)
        assert target.id is not None
        if {source.id, target.id} & partners_of(session):
            # What moved was read for a partner and goes to a rival, or the other way round.
            rescan_competitor(session, target.id)
        return target, moved


def rename_competitor(engine: Engine, name: str, to: str) -> Competitor:
    """Give competitor ``name`` (a name or an alias) the name ``to``, which imports then keep.

    Example: ``rename_competitor(engine, "Pipedrvie", to="Pipedrive")``
    """
    if not to.strip():
        raise InputError("the competitor needs a name")
    with write_session(engine) as session:
        competitor = find_competitor_in(competitors.competitors(session), name)
        return competitor_edits.rename(session, competitor, to)


def partner_competitor(engine: Engine, name: str, *, partner: bool = True) -> PartnerChange:
    """Mark competitor ``name`` (a name or an alias) as an integration partner, or clear the
    mark with ``partner=False``, and read again at once the evidence and deals that may name
    it: free text names a partner only in words that compete with it ("Lost to PagerDuty";
    not "PagerDuty pages arrive instantly"). Its CRM deal links stay.

    Example: ``partner_competitor(engine, "PagerDuty").rescan.mentions_after``
    """
    with write_session(engine) as session:
        competitor = find_competitor_in(competitors.competitors(session), name)
        assert competitor.id is not None
        if partner:
            changed = mark_partner(session, competitor.id, datetime.now(UTC))
        else:
            changed = unmark_partner(session, competitor.id)
        rescan = rescan_competitor(session, competitor.id)
        return PartnerChange(competitor.name, partner, changed, rescan)
