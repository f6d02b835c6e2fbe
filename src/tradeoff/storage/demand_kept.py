"""Demand figures kept for the demand version they were computed at.

Some figures cost seconds at a million items however they are written: problems linked to
themes cite 722,000 (problem, account) pairs in the bench, and every money figure meets
each pair with its account's deals (4.7 s); themes by segment take 1.2 s. They change only
when what they read does, and migrations 0018–0019's triggers bump the demand version on
every write that can change one (accounts, people, evidence and its themes, deals, a loss
class into or out of ``disqualified``, the churn window, problems' and opportunities'
links), whoever writes; a decision, an estimate, a metric value, a theme's new name, the
half-life or the base currency (both applied when read) leaves it alone. So ``keep``
computes them with the same functions the readers call and stores them with that
version; a reader uses them only while the version is still the workspace's, for the same
churn window and lost-deal window, and counts from the summary and the links otherwise: a
kept figure is never a stale one. A person's edit of themes, problems or opportunities
counts again only the subjects it reaches and carries the rest over
(``storage.demand_carry``).

What is kept: every money figure of top-level themes, plain and by segment, plan, region
and each attribute key the theme summary is split by, and of problems and opportunities
with their pieces per day and their reach (no breakdown). The two renewal figures depend on
the day asked about, so the customers' ARR is kept per renewal day and either window is
summed at read time; the decayed count likewise is folded from the kept days with the
day's weights. A figure as of a day before the last evidence is never kept: it is counted
as before.

``keep`` runs after an analysis and a CRM import that changed deals or accounts (in their
transactions, after their last write) and in the web app's catch-up, in a
workspace of at least ``KEEP_FROM_ITEMS`` items: a smaller one counts everything in well
under a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, and_, delete, func, select
from sqlalchemy.orm import Session

from tradeoff.domain.enums import ThemeStatus
from tradeoff.storage import subject_demand, subject_filed, theme_summary
from tradeoff.storage.bulk_insert import insert_rows
from tradeoff.storage.demand import (
    DIMENSIONS,
    Breakdown,
    DemandQuery,
    Figure,
    MoneySum,
    ReachCount,
    SubjectKind,
)
from tradeoff.storage.demand_money import (
    filed_money_sums_to_keep,
    money_sums_to_keep,
)
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import (
    DataVersionRow,
    DemandKeptDayRow,
    DemandKeptMoneyRow,
    DemandKeptReachRow,
    DemandKeptStateRow,
    DemandVersionRow,
    EvidenceItemRow,
    ThemeRow,
)
from tradeoff.storage.workspace import load_workspace_settings

#: Breakdowns kept per kind ("" for none); themes also by every attribute key the theme
#: summary is split by (``theme_summary.attribute_keys``).
KEPT: dict[SubjectKind, tuple[str, ...]] = {
    SubjectKind.THEME: ("", *DIMENSIONS),
    SubjectKind.PROBLEM: ("",),
    SubjectKind.OPPORTUNITY: ("",),
}
#: PostgreSQL advisory lock held by ``keep`` until its transaction ends ("keep").
KEEP_LOCK = 0x6B656570
RENEWAL_WINDOWS = {Figure.RENEWALS_90: 90, Figure.RENEWALS_180: 180}
#: Below this many evidence items (by id) every figure is counted in well under a second
#: (the demo's 900 items: 0.05 s), so nothing is kept.
KEEP_FROM_ITEMS = 20_000


def keep_if_worth_it(session: Session) -> int:
    """``keep`` in a workspace of at least ``KEEP_FROM_ITEMS`` items (ids, a cheap read);
    a smaller one is counted in well under a second, and its analysis pays nothing here."""
    largest = session.scalar(select(func.max(EvidenceItemRow.id)))
    if (largest or 0) < KEEP_FROM_ITEMS:
        return 0
    return keep(session)


def keep_engine(engine: Engine) -> int:
    """``keep_if_worth_it`` in a transaction of its own, only when a kept set is missing or
    stale (a few cheap reads when all are current)."""
    with read_session(engine) as session:
        largest = session.scalar(select(func.max(EvidenceItemRow.id)))
        if (largest or 0) < KEEP_FROM_ITEMS or _all_current(session):
            return 0
    with write_session(engine) as session:
        return keep(session)


def demand_version(session: Session) -> str:
    """The workspace's instance (0008) and the counter migration 0018's triggers bump on
    every write that can change a demand figure; "d" keeps it apart from data versions."""
    query = (
        select(DataVersionRow.instance, DemandVersionRow.version)
        .join(DemandVersionRow, DemandVersionRow.id == DataVersionRow.id)
        .where(DataVersionRow.id == 1)
    )
    found = session.execute(query).first()
    if found is None:  # a row was deleted: no version to trust, so never the same one
        return f"missing-{time.monotonic_ns()}"
    return f"{found[0]}.d{found[1]}"


def _all_current(session: Session) -> bool:
    version = demand_version(session)
    states = session.scalars(select(DemandKeptStateRow)).all()
    held = {(s.kind, s.dimension) for s in states if s.version == version}
    return all((k.value, d) in held for k, d in _kept(session))


def _kept(session: Session) -> list[tuple[SubjectKind, str]]:
    """Every (kind, breakdown) kept now."""
    keys = [f"{theme_summary.ATTRIBUTE_PREFIX}{k}" for k in theme_summary.attribute_keys(session)]
    found = [(kind, d) for kind, dims in KEPT.items() for d in dims]
    return found + [(SubjectKind.THEME, key) for key in keys]


def keep(session: Session) -> int:
    """Compute and store every kept figure whose state is not the current data version;
    returns how many (kind, breakdown) sets were written."""
    hold_lock(session)
    theme_summary.refresh(session)  # what the figures read; no version bump (not analysed)
    version = demand_version(session)
    settings = load_workspace_settings(session)
    as_of = all_evidence_day(session)
    written = 0
    wanted = _kept(session)
    _forget(session, wanted)
    for kind, dimension in wanted:
        query = DemandQuery(
            kind=kind,
            as_of=as_of,
            by=Breakdown.parse(dimension) if dimension else None,
            churn_window_days=settings.churn_window_days,
        )
        state = session.get(DemandKeptStateRow, (kind.value, dimension))
        if state is not None and _matches(state, version, query):
            continue
        write_figures(session, query, dimension)
        session.merge(
            DemandKeptStateRow(
                kind=kind.value,
                dimension=dimension,
                version=version,
                churn_window_days=query.churn_window_days,
                lost_after_close_days=query.lost_after_close_days,
            )
        )
        written += 1
    return written


def hold_lock(session: Session) -> None:
    """One writer of kept rows at a time on PostgreSQL, until the transaction ends (SQLite
    has one writer anyway)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(KEEP_LOCK)))


def _forget(session: Session, wanted: list[tuple[SubjectKind, str]]) -> None:
    """Drop the sets no longer kept (an attribute key that left the theme summary's list)."""
    kept = {(k.value, d) for k, d in wanted}
    states = session.scalars(select(DemandKeptStateRow)).all()
    for state in states:
        if (state.kind, state.dimension) in kept:
            continue
        money = DemandKeptMoneyRow
        session.execute(
            delete(money).where(money.kind == state.kind, money.dimension == state.dimension)
        )
        session.delete(state)


def all_evidence_day(session: Session) -> date:
    """A day on or after the last evidence, so the query reads everything (and the theme
    summary answers it)."""
    latest = session.scalar(select(func.max(EvidenceItemRow.created_at)))
    return max(date.today(), latest.date() if latest is not None else date.min)


def _matches(state: DemandKeptStateRow, version: str, query: DemandQuery) -> bool:
    return (
        state.version == version
        and state.churn_window_days == query.churn_window_days
        and state.lost_after_close_days == query.lost_after_close_days
    )


def write_figures(session: Session, query: DemandQuery, dimension: str) -> None:
    """Replace the kept rows of ``query``'s subjects (all of its kind, or its
    ``subject_ids``) in the set ``dimension`` with the figures counted now."""
    kind = query.kind.value
    money = DemandKeptMoneyRow

    def mine(table: Any) -> Any:
        if query.subject_ids is None:
            return table.kind == kind
        return and_(table.kind == kind, table.subject_id.in_(query.subject_ids))

    session.execute(delete(money).where(mine(money), money.dimension == dimension))
    if query.kind is SubjectKind.THEME:
        insert_rows(
            session, money, _money_rows(kind, dimension, money_sums_to_keep(session, query))
        )
        return
    for kept in (DemandKeptDayRow, DemandKeptReachRow):
        session.execute(delete(kept).where(mine(kept)))
    days: list[dict[str, Any]] = []
    reach: list[ReachCount] = []
    sums = []
    fast, slow = subject_demand.split(session, query)
    if fast is not None:
        summary_days = subject_demand.summary_day_rows(session, fast)
        days += (_day(kind, row) for row in session.execute(summary_days))
        sums += money_sums_to_keep(session, fast)
        reach += subject_demand.reach_counts(session, fast)
    if slow is not None:
        with subject_filed.filed(session, slow) as table:
            days += (_day(kind, row) for row in session.execute(subject_filed.piece_days(table)))
            sums += filed_money_sums_to_keep(session, slow, table)
            reach += subject_filed.reach(session, table)
    insert_rows(session, money, _money_rows(kind, dimension, sums))
    insert_rows(session, DemandKeptDayRow, days)
    insert_rows(
        session,
        DemandKeptReachRow,
        (
            {
                "kind": kind,
                "subject_id": r.subject_id,
                "links": r.links,
                "accounts": r.accounts,
                "end_users": r.end_users,
            }
            for r in reach
        ),
    )


def _day(kind: str, row: Any) -> dict[str, Any]:
    """(subject_id, day, pieces, observed, proxy) as a kept row."""
    subject_id, day, items, observed, proxy = row
    text = day if isinstance(day, str) else day.isoformat()
    return {
        "kind": kind,
        "subject_id": subject_id,
        "day": text[:10],
        "items": int(items),
        "observed": int(observed),
        "proxy": int(proxy),
    }


def _money_rows(
    kind: str, dimension: str, sums: Iterable[tuple[MoneySum, date | None]]
) -> Iterator[dict[str, Any]]:
    for found, day in sums:
        yield {
            "kind": kind,
            "dimension": dimension,
            "subject_id": found.subject_id,
            "grp": found.group,
            "figure": found.figure.value,
            "currency": found.currency,
            "day": day,
            "amount": found.amount,
            "records": found.records,
            "priced": found.priced,
        }


def _current(session: Session, query: DemandQuery) -> str | None:
    """The kept breakdown answering ``query`` exactly, or None (count it instead)."""
    dimension = "" if query.by is None else query.by.label
    state = session.get(DemandKeptStateRow, (query.kind.value, dimension))
    if state is None or not _matches(state, demand_version(session), query):
        return None
    if not theme_summary.answers_now(session, query.cutoff):
        return None
    if query.kind is SubjectKind.THEME and query.subject_ids is not None:
        # Only top-level active themes are kept; a sub-theme asked by id is counted.
        kept = select(func.count()).where(
            ThemeRow.id.in_(query.subject_ids),
            ThemeRow.parent_id.is_(None),
            ThemeRow.status == ThemeStatus.ACTIVE,
        )
        if session.scalar(kept) != len(set(query.subject_ids)):
            return None
    return dimension


def money(session: Session, query: DemandQuery) -> list[MoneySum] | None:
    """``demand_money.money_sums`` from the kept rows, or None when they do not answer."""
    dimension = _current(session, query)
    if dimension is None:
        return None
    return _kept_money(session, query, dimension)


def _kept_money(session: Session, query: DemandQuery, dimension: str) -> list[MoneySum]:
    kept = DemandKeptMoneyRow
    mine = and_(kept.kind == query.kind.value, kept.dimension == dimension)
    if query.subject_ids is not None:
        mine = and_(mine, kept.subject_id.in_(query.subject_ids))
    renewal = Figure.RENEWALS_180.value
    found = [
        MoneySum(Figure(r.figure), r.subject_id, r.grp, r.currency, r.amount, r.records, r.priced)
        for r in session.execute(select(kept).where(mine, kept.figure != renewal)).scalars()
    ]
    for figure, days in RENEWAL_WINDOWS.items():
        window = and_(kept.day >= query.as_of, kept.day <= query.as_of + timedelta(days=days))
        summed = (
            select(
                kept.subject_id,
                kept.grp,
                kept.currency,
                func.sum(kept.amount),
                func.sum(kept.records),
                func.sum(kept.priced),
            )
            .where(mine, kept.figure == renewal, window)
            .group_by(kept.subject_id, kept.grp, kept.currency)
        )
        found += (
            MoneySum(figure, s, g, c, a, int(n), int(p))
            for s, g, c, a, n, p in session.execute(summed)
        )
    return found


def figures(
    session: Session, query: DemandQuery, weight: Callable[[date], int], horizon: int
) -> subject_filed.Figures | None:
    """``subject_filed.figures`` from the kept rows, or None when they do not answer."""
    dimension = _current(session, query)
    if dimension is None:
        return None
    days = DemandKeptDayRow
    mine: Any = days.kind == query.kind.value
    reach_rows = DemandKeptReachRow
    reached: Any = reach_rows.kind == query.kind.value
    if query.subject_ids is not None:
        mine = and_(mine, days.subject_id.in_(query.subject_ids))
        reached = and_(reached, reach_rows.subject_id.in_(query.subject_ids))
    found = subject_filed.Figures()
    with subject_filed.weights(session, query, weight, horizon) as weighted:
        kept_days = (
            select(days.subject_id, days.day, days.items, days.observed, days.proxy)
            .where(mine)
            .subquery("kept_days")
        )
        found.months = subject_filed.months(session, kept_days, kept_days.c["items"], weighted)
    found.money = _kept_money(session, query, dimension)
    found.reach = [
        ReachCount(r.subject_id, None, r.links, r.accounts, r.end_users)
        for r in session.execute(select(reach_rows).where(reached)).scalars()
    ]
    return found
