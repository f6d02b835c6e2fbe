"""Writing who was met where: mentions found by a scan, and a person's merges and splits.

Corrections live in the names themselves: a merge makes the source's names aliases of the
target and a split gives the chosen aliases to another competitor. Since a scan and an
import match exact names and aliases before anything fuzzy, re-running either files every
mention where the person put it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Executable,
    Select,
    delete,
    insert,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session

from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind, CompetitorRelation, EvidenceKind, MentionStance
from tradeoff.domain.names import fold
from tradeoff.errors import Conflict
from tradeoff.storage import changelog, repository
from tradeoff.storage.competitor_spelling import mark_chosen
from tradeoff.storage.tables import (
    CompetitorMentionRow,
    CompetitorMentionStanceRow,
    CompetitorRow,
    DealCompetitorNotedRow,
    DealCompetitorRow,
    DealRow,
    EvidenceItemRow,
)

#: Competitor id → the words the text used for them.
Found = Mapping[int, Mapping[int, str]]
#: Evidence id → competitor id → (the words, how they stand towards the competitor).
MentionsFound = Mapping[int, Mapping[int, tuple[str, MentionStance]]]


@dataclass(frozen=True)
class Moved:
    """Links a merge or split moved; ``kept`` were already on the target and stay there."""

    deals: int
    mentions: int
    kept: int = 0


def evidence_texts(
    session: Session, after_id: int, limit: int, only: ColumnElement[bool] | None = None
) -> list[tuple[int, str, bool]]:
    """The next ``limit`` evidence items by id after ``after_id`` (of those ``only`` keeps):
    id, title and text, and whether a seller wrote it (a deal's note: its stance towards a
    rival is the deal's)."""
    item = EvidenceItemRow
    query = (
        select(item.id, item.title, item.text, item.kind == EvidenceKind.DEAL_NOTE)
        .where(item.id > after_id, true() if only is None else only)
        .order_by(item.id)
        .limit(limit)
    )
    return [
        (i, f"{title}\n{text}" if title else text, bool(sellers))
        for i, title, text, sellers in session.execute(query)
    ]


def deal_texts(
    session: Session, after_id: int, limit: int, only: ColumnElement[bool] | None = None
) -> list[tuple[int, str]]:
    """The next deals by id (of those ``only`` keeps) with what sellers wrote: loss and win
    reasons, then notes. The
    reason comes first because it says what the deal was decided against, where a
    description says what the buyer had before ("Replacing spreadsheets"): a scan keeps
    the first words naming an alternative (``competitor_scan_deals._once_per_alternative``)."""
    deal = DealRow
    query = (
        select(deal.id, deal.loss_reason, deal.win_reason, deal.notes)
        .where(deal.id > after_id, true() if only is None else only)
        .order_by(deal.id)
        .limit(limit)
    )
    return [(i, "\n".join(t for t in texts if t)) for i, *texts in session.execute(query)]


def sync_mentions(
    session: Session, evidence_ids: Sequence[int], found: MentionsFound
) -> tuple[int, int]:
    """Make the mentions of these items, and their stances, exactly ``found``; returns
    (mentions added, mentions removed).

    Mentions are derived from the text and the names, so recomputing them is what keeps a
    scan idempotent and a merge or split in force."""
    if not evidence_ids:
        return 0, 0
    mention = CompetitorMentionRow
    stored = {
        (e, c): said
        for e, c, said in session.execute(
            select(mention.evidence_id, mention.competitor_id, mention.mentioned_as).where(
                mention.evidence_id.in_(evidence_ids)
            )
        )
    }
    wanted = {(e, c): said for e, by in found.items() for c, (said, _) in by.items()}
    stale = [key for key in stored if key not in wanted]
    for evidence_id, competitor_id in stale:
        session.execute(
            delete(mention).where(
                mention.evidence_id == evidence_id, mention.competitor_id == competitor_id
            )
        )
    new = [
        {"evidence_id": e, "competitor_id": c, "mentioned_as": said[:300]}
        for (e, c), said in wanted.items()
        if (e, c) not in stored
    ]
    if new:
        session.execute(insert(mention), new)
    _sync_stances(session, evidence_ids, found)
    return len(new), len(stale)


def _sync_stances(session: Session, evidence_ids: Sequence[int], found: MentionsFound) -> None:
    """Keep a row for each mention whose stance says more than the name, and no other."""
    table = CompetitorMentionStanceRow
    stored = {
        (e, c): stance
        for e, c, stance in session.execute(
            select(table.evidence_id, table.competitor_id, table.stance).where(
                table.evidence_id.in_(evidence_ids)
            )
        )
    }
    wanted = {
        (e, c): stance
        for e, by in found.items()
        for c, (_, stance) in by.items()
        if stance is not MentionStance.NAMED
    }
    # One DELETE for the items whose stances changed, then their wanted rows again: a change
    # of the reading rules rewrites a chunk in two statements, not one per mention.
    changed = {
        e for e, c in stored.keys() | wanted.keys() if stored.get((e, c)) != wanted.get((e, c))
    }
    if changed:
        session.execute(delete(table).where(table.evidence_id.in_(changed)))
    new = [
        {"evidence_id": e, "competitor_id": c, "stance": stance}
        for (e, c), stance in wanted.items()
        if e in changed
    ]
    if new:
        session.execute(insert(table), new)


def sync_deal_links(session: Session, deal_ids: Sequence[int], found: Found) -> tuple[int, int]:
    """Make the links these deals' words made exactly ``found``; returns (added, removed).

    A competitor the words name and the deal is not linked to is linked as evaluated and
    marked as made from the words (``deal_competitor_notes``); a marked link the words no
    longer support is removed. A link from the CRM's competitor field, with its won/lost
    relation, is never added, changed or removed here: the CRM always wins."""
    if not deal_ids:
        return 0, 0
    link, noted = DealCompetitorRow, DealCompetitorNotedRow
    stored = {
        (d, c)
        for d, c in session.execute(
            select(link.deal_id, link.competitor_id).where(link.deal_id.in_(deal_ids))
        )
    }
    marked = {
        (d, c)
        for d, c in session.execute(
            select(noted.deal_id, noted.competitor_id).where(noted.deal_id.in_(deal_ids))
        )
    }
    wanted = {(d, c): said for d, by in found.items() for c, said in by.items()}
    new = [
        {
            "deal_id": d,
            "competitor_id": c,
            "relation": CompetitorRelation.EVALUATED,
            "mentioned_as": said[:300],
        }
        for (d, c), said in wanted.items()
        if (d, c) not in stored
    ]
    if new:
        session.execute(insert(link), new)
        session.execute(
            insert(noted), [{"deal_id": r["deal_id"], "competitor_id": r["competitor_id"]}
                            for r in new]
        )  # fmt: skip
    stale = [pair for pair in marked if pair not in wanted]
    for deal_id, competitor_id in stale:
        for table in (link, noted):
            session.execute(
                delete(table).where(table.deal_id == deal_id, table.competitor_id == competitor_id)
            )
    return len(new), len(stale)


def crm_links(session: Session, deal_ids: Collection[int]) -> dict[int, set[int]]:
    """Deal id → the competitors its CRM's fields link it to: every link no scan made."""
    link, noted = DealCompetitorRow, DealCompetitorNotedRow
    made_by_scan = select(noted.competitor_id).where(
        noted.deal_id == link.deal_id, noted.competitor_id == link.competitor_id
    )
    held: dict[int, set[int]] = {}
    if not deal_ids:
        return held
    query = select(link.deal_id, link.competitor_id).where(
        link.deal_id.in_(deal_ids), ~made_by_scan.exists()
    )
    for deal_id, competitor_id in session.execute(query):
        held.setdefault(deal_id, set()).add(competitor_id)
    return held


def refile_crm_links(session: Session, deal_id: int, generic: Sequence[int], specific: int) -> None:
    """File the deal's field links to the ``generic`` competitors (its status quo) under
    ``specific`` (the alternative the deal names): the first moves with its words and its
    won/lost relation, and stays a field's link, so no scan takes it back and the next
    import, finding the deal under a specific alternative, does not link the status quo
    again. Where the field links ``specific`` already, that link stays and takes the
    stronger relation; a link the deal's words made there gives way to the field's."""
    link, noted = DealCompetitorRow, DealCompetitorNotedRow
    pair = (link.deal_id == deal_id) & (link.competitor_id == specific)
    words = (noted.deal_id == deal_id) & (noted.competitor_id == specific)
    if session.scalar(select(noted.deal_id).where(words)) is not None:
        _changed(session, delete(noted).where(words))
        _changed(session, delete(link).where(pair))
    for competitor_id in generic:
        held = session.scalar(select(link.relation).where(pair))
        this = (link.deal_id == deal_id) & (link.competitor_id == competitor_id)
        if held is None:
            _changed(session, update(link).where(this).values(competitor_id=specific))
            continue
        relation = session.scalar(select(link.relation).where(this))
        if held is CompetitorRelation.EVALUATED and relation in STRONGER:
            _changed(session, update(link).where(pair).values(relation=relation))
        _changed(session, delete(link).where(this))
    session.flush()


def vouched_by_crm(session: Session, deal_id: int, competitor_id: int, batch_id: int) -> None:
    """The CRM's competitor field names this link: no scan may take it back. The mark's
    removal is logged, so undoing the import hands the link back to the scan."""
    mark = session.get(DealCompetitorNotedRow, (deal_id, competitor_id))
    if mark is None:
        return
    changelog.log_delete(session, batch_id, mark)
    session.delete(mark)
    session.flush()


def add_competitor(session: Session, name: str, kind: CompetitorKind) -> Competitor:
    return repository.add(session, Competitor(name=name, kind=kind))


def merge(session: Session, source: Competitor, target: Competitor) -> Moved:
    """Fold ``source`` into ``target``: its name and aliases become the target's aliases,
    its deals and mentions move, and it is deleted."""
    if source.id == target.id:
        raise Conflict(f"{source.name!r} and {target.name!r} are already one competitor")
    assert source.id is not None
    assert target.id is not None
    moved = _move_links(session, source.id, target.id, mentioned_as=None)
    session.execute(delete(CompetitorRow).where(CompetitorRow.id == source.id))
    session.flush()
    aliases = [*target.aliases, source.name, *source.aliases]
    repository.update(session, dataclasses.replace(target, aliases=aliases))
    mark_chosen(session, target.id)
    return moved


def rename(session: Session, competitor: Competitor, new_name: str) -> Competitor:
    """Call ``competitor`` ``new_name`` from now on, its old name kept as an alias so that
    every field and note that wrote it still finds it; imports no longer respell it."""
    wanted = new_name.strip()
    others = [c for c in repository.list_all(session, Competitor) if c.id != competitor.id]
    clash = next((c for c in others if c.matches(wanted)), None)
    if clash is not None:
        raise Conflict(
            f"{wanted!r} is a name of competitor {clash.name!r}: "
            f'tradeoff competitor-merge "{competitor.name}" --into "{clash.name}"'
        )
    aliases = [a for a in (*competitor.aliases, competitor.name) if fold(a) != fold(wanted)]
    assert competitor.id is not None
    mark_chosen(session, competitor.id)
    return repository.update(session, dataclasses.replace(competitor, name=wanted, aliases=aliases))


def split(
    session: Session,
    source: Competitor,
    aliases: Collection[str],
    new_name: str,
    kind: CompetitorKind | None,
) -> tuple[Competitor, Moved]:
    """Give ``aliases`` of ``source`` to the competitor ``new_name`` (made when it does not
    exist): the links whose ``mentioned_as`` is one of them move too."""
    assert source.id is not None
    leaving = {fold(a) for a in aliases}
    existing = next(
        (
            c
            for c in repository.list_all(session, Competitor)
            if c.id != source.id and c.matches(new_name)
        ),
        None,
    )
    if source.matches(new_name) and fold(new_name) not in leaving:
        raise Conflict(f"{new_name!r} is a name of {source.name!r} itself: choose a new name")
    kept = [a for a in source.aliases if fold(a) not in leaving]
    repository.update(session, dataclasses.replace(source, aliases=kept))
    given = [a for a in source.aliases if fold(a) in leaving] + [
        a for a in aliases if fold(a) not in {fold(s) for s in source.aliases}
    ]
    if existing is None:
        made = Competitor(name=new_name.strip(), aliases=given, kind=kind or source.kind)
        target = repository.add(session, made)
        assert target.id is not None
        mark_chosen(session, target.id)
    else:
        wider = [*existing.aliases, *given]
        target = repository.update(
            session,
            dataclasses.replace(existing, aliases=wider, kind=kind or existing.kind),
        )
    assert target.id is not None
    said = [s for s in names_used(session, source.id) if fold(s) in leaving]
    return target, _move_links(session, source.id, target.id, mentioned_as=said)


def names_used(session: Session, competitor_id: int) -> set[str]:
    """Every distinct ``mentioned_as`` on the competitor's deal links and mentions."""
    used: set[str] = set()
    for column, owner in (
        (DealCompetitorRow.mentioned_as, DealCompetitorRow.competitor_id),
        (CompetitorMentionRow.mentioned_as, CompetitorMentionRow.competitor_id),
    ):
        used.update(
            s for s in session.scalars(select(column).where(owner == competitor_id).distinct()) if s
        )
    return used


STRONGER = {CompetitorRelation.LOST_TO, CompetitorRelation.WON_AGAINST}


def _move_links(
    session: Session, source_id: int, target_id: int, *, mentioned_as: Sequence[str] | None
) -> Moved:
    """Re-point the source's links (all, or those written as one of ``mentioned_as``) at the
    target. A deal both already meet keeps the target's link, taking the source's won/lost
    relation when the target only had "evaluated"."""
    link, mention = DealCompetitorRow, CompetitorMentionRow
    chosen_links = link.competitor_id == source_id
    chosen_mentions = mention.competitor_id == source_id
    if mentioned_as is not None:
        chosen_links = chosen_links & link.mentioned_as.in_(mentioned_as)
        chosen_mentions = chosen_mentions & mention.mentioned_as.in_(mentioned_as)
    target_deals = select(link.deal_id).where(link.competitor_id == target_id)
    _move_marks(session, source_id, target_id, select(link.deal_id).where(chosen_links))
    both = session.execute(
        select(link.deal_id, link.relation).where(chosen_links, link.deal_id.in_(target_deals))
    ).all()
    for deal_id, relation in both:
        if relation in STRONGER:
            session.execute(
                update(link)
                .where(
                    link.deal_id == deal_id,
                    link.competitor_id == target_id,
                    link.relation == CompetitorRelation.EVALUATED,
                )
                .values(relation=relation)
            )
    deals = _changed(
        session,
        update(link)
        .where(chosen_links, link.deal_id.not_in(target_deals))
        .values(competitor_id=target_id),
    )
    _changed(session, delete(link).where(chosen_links))
    target_items = select(mention.evidence_id).where(mention.competitor_id == target_id)
    mentions = _changed(
        session,
        update(mention)
        .where(chosen_mentions, mention.evidence_id.not_in(target_items))
        .values(competitor_id=target_id),
    )
    kept_mentions = _changed(session, delete(mention).where(chosen_mentions))
    session.flush()
    return Moved(deals=deals, mentions=mentions, kept=len(both) + kept_mentions)


def _move_marks(session: Session, source_id: int, target_id: int, chosen: Select[Any]) -> None:
    """The marks of links made from a deal's words follow the links a merge or split moves:
    a moved link keeps its mark; where the target already met the deal, the target's link
    stays, made from words only when both were."""
    noted = DealCompetitorNotedRow
    deals = set(session.scalars(chosen))

    def marked(competitor_id: int) -> set[int]:
        query = select(noted.deal_id).where(noted.competitor_id == competitor_id)
        return set(session.scalars(query)) & deals

    from_words, target_words = marked(source_id), marked(target_id)
    met = (
        set(
            session.scalars(
                select(DealCompetitorRow.deal_id).where(
                    DealCompetitorRow.competitor_id == target_id
                )
            )
        )
        & deals
    )
    session.execute(delete(noted).where(noted.competitor_id == source_id, noted.deal_id.in_(deals)))
    crm_met = target_words & (met - from_words)
    session.execute(
        delete(noted).where(noted.competitor_id == target_id, noted.deal_id.in_(crm_met))
    )
    moved = sorted(from_words - met)
    if moved:
        session.execute(insert(noted), [{"deal_id": d, "competitor_id": target_id} for d in moved])


def _changed(session: Session, statement: Executable) -> int:
    """Rows an UPDATE or DELETE touched (rows already loaded in the session are not synced:
    these tables are read by queries, never through loaded objects)."""
    options = {"synchronize_session": False}
    result = cast(CursorResult[Any], session.execute(statement, execution_options=options))
    return result.rowcount
