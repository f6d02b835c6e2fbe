"""Naming a competitor the way the field writes it most, not the way it was first met.

An import may meet a typo ("Pipedrvie") or a nickname ("SFDC") before the spelling sales
uses most, and a ranking headed by a typo reads as careless. So after an import or a scan a
direct competitor takes, among its name and aliases, the spelling most of its deal links and
mentions use (counting spellings that differ only in case together, then the commonest
case that has a capital, since "salesforce" typed in a hurry is not the brand). A tie keeps
the name it has. A competitor someone may have seen already (any but those the running
import made) only changes spelling ("Pipedrvie" → "Pipedrive"), never which of its names
it goes by ("ADP Workforce Now" never becomes "ADP"). A name a person chose (``competitor-rename``,
``competitor-split --as``, the competitor a merge keeps: ``competitor_names_chosen``) is
never changed.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Collection

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from tradeoff.domain.competitor_names import spelt_alike
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.domain.names import fold
from tradeoff.storage import repository
from tradeoff.storage.tables import (
    CompetitorMentionRow,
    CompetitorNameChosenRow,
    DealCompetitorRow,
)
from tradeoff.storage.upsert import upsert


def settle_spellings(
    session: Session, *, batch_id: int | None = None, fresh: Collection[int] = ()
) -> list[tuple[str, str]]:
    """Rename each competitor whose commonest spelling is not its name; returns (was, now).

    ``fresh``: the competitors the calling import made, which no one has seen yet: they
    take the commonest of all their names ("ADP" once most deals say it, though the first
    one said "ADP Workforce Now"). Every other competitor is already in someone's ranking,
    so only its spelling may change, never which of its names it goes by
    (``competitor_names.spelt_alike``): "Pipedrvie" becomes "Pipedrive", but "ADP Workforce
    Now" stays though more tickets say "ADP" — a scan or a later import that renamed it
    would move a row the user knows out from under them.

    With ``batch_id`` each rename is logged, so ``tradeoff import undo`` takes it back."""
    used = _spellings_used(session)
    chosen = names_chosen(session)
    known = repository.list_all(session, Competitor)
    taken = {c.name for c in known}
    renamed: list[tuple[str, str]] = []
    for competitor in known:
        assert competitor.id is not None
        # An alternative's name is its category ("Spreadsheets"), its aliases members of it
        # ("Excel", "Google Sheets"), not other spellings: only a rival is respelled.
        rival = competitor.kind is CompetitorKind.DIRECT and competitor.id not in chosen
        said = used[competitor.id]
        if competitor.id not in fresh:
            said = Counter({s: n for s, n in said.items() if spelt_alike(s, competitor.name)})
        spelled = commonest(competitor, said) if rival else None
        if spelled is None or spelled == competitor.name or spelled in taken:
            continue
        aliases = [a for a in (*competitor.aliases, competitor.name) if fold(a) != fold(spelled)]
        respelled = dataclasses.replace(competitor, name=spelled, aliases=aliases)
        upsert(session, respelled, repository.row_of(session, competitor), batch_id=batch_id)
        taken = (taken - {competitor.name}) | {spelled}
        renamed.append((competitor.name, spelled))
    return renamed


def names_chosen(session: Session) -> set[int]:
    """Ids of the competitors a person named: what no import respells, and what a scan
    never proposes to fold into another (``competitor_alikes.look_alikes``)."""
    return set(session.scalars(select(CompetitorNameChosenRow.competitor_id)))


def mark_chosen(session: Session, competitor_id: int) -> None:
    """A person named this competitor: no import or scan respells it from now on."""
    if session.get(CompetitorNameChosenRow, competitor_id) is None:
        session.execute(insert(CompetitorNameChosenRow).values(competitor_id=competitor_id))


def commonest(competitor: Competitor, used: Counter[str]) -> str | None:
    """The spelling of the competitor's names that ``used`` holds most; ``None`` on a tie
    with the current name or when nothing uses any of them.

    >>> c = Competitor(name="Pipedrvie", aliases=["Pipedrive"])
    >>> commonest(c, Counter({"Pipedrive": 5, "pipedrive": 2, "Pipedrvie": 1}))
    'Pipedrive'
    """
    names = {fold(n) for n in (competitor.name, *competitor.aliases)}
    by_name: dict[str, Counter[str]] = defaultdict(Counter)
    for said, count in used.items():
        if fold(said) in names:
            by_name[fold(said)][said] += count
    if not by_name:
        return None
    totals = {name: sum(spellings.values()) for name, spellings in by_name.items()}
    current = fold(competitor.name)
    best = max(totals.values())
    if totals.get(current, 0) == best:
        winner = current
    else:
        winner = min(name for name, total in totals.items() if total == best)
    spellings = by_name[winner]
    capitalised = Counter({s: n for s, n in spellings.items() if s != s.lower()})
    spellings = capitalised or spellings
    most = max(spellings.values())
    if winner == current and spellings.get(competitor.name, 0) == most:
        return None
    tied = sorted(said for said, count in spellings.items() if count == most)
    stored = [n for n in (competitor.name, *competitor.aliases) if n in tied]
    return (stored or tied)[0]


def _spellings_used(session: Session) -> dict[int, Counter[str]]:
    """Competitor id → how many deal links and mentions wrote each spelling."""
    used: dict[int, Counter[str]] = defaultdict(Counter)
    for owner, column in (
        (DealCompetitorRow.competitor_id, DealCompetitorRow.mentioned_as),
        (CompetitorMentionRow.competitor_id, CompetitorMentionRow.mentioned_as),
    ):
        query = select(owner, column, func.count()).where(column.is_not(None))
        for competitor_id, said, count in session.execute(query.group_by(owner, column)):
            if said:
                used[competitor_id][said.strip()] += count
    return used
