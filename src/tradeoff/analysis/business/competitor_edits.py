"""A person's corrections to who is who: merge two competitors, split one in two, rename.

Both act on names (see ``storage.competitor_edits``), so they hold across every later
import and scan.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine

from tradeoff.analysis.business.competitor_lookup import find_competitor_in
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.domain.names import fold
from tradeoff.errors import InputError, NotFound
from tradeoff.storage import competitor_edits, competitors
from tradeoff.storage.competitor_edits import Moved
from tradeoff.storage.session import write_session


def merge_competitors(engine: Engine, source: str, into: str) -> tuple[Competitor, Moved]:
    """Fold competitor ``source`` into ``into``; returns the target as stored and what moved.

    Example: ``merge_competitors(engine, "Microsoft Dynamics CRM", into="Dynamics 365")``
    """
    with write_session(engine) as session:
        known = competitors.competitors(session)
        moving, target = find_competitor_in(known, source), find_competitor_in(known, into)
        moved = competitor_edits.merge(session, moving, target)
        assert target.id is not None
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
        return competitor_edits.split(session, source, wanted, new_name, kind)


def rename_competitor(engine: Engine, name: str, to: str) -> Competitor:
    """Give competitor ``name`` (a name or an alias) the name ``to``, which imports then keep.

    Example: ``rename_competitor(engine, "Pipedrvie", to="Pipedrive")``
    """
    if not to.strip():
        raise InputError("the competitor needs a name")
    with write_session(engine) as session:
        competitor = find_competitor_in(competitors.competitors(session), name)
        return competitor_edits.rename(session, competitor, to)
