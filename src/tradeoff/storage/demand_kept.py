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
churn window and lost-deal window, and for a day that sees the same records as the day
the set was counted as of (nothing dated between the two: ``sees_the_same``), and counts
from the summary and the links otherwise: a kept figure is never a stale one. A person's
edit of themes, problems or opportunities counts again only the subjects it reaches and
carries the rest over (``storage.demand_carry``).

What is kept: every money figure of top-level themes, plain and by segment, plan, region
and each attribute key the theme summary is split by, and of problems and opportunities
with their pieces per day and their reach: without a breakdown always, and by each
breakdown the summary is split by once it has been asked for (``keep_breakdown``: counting
one costs 12–15 s at a million items, keeping every one at every analysis would cost as
much again per breakdown and kind). Each set is counted as of the day it is kept (UTC);
until migration 0027 it answered only a day past every record, so one closed deal dated
ahead in the CRM made every read count. An attribute in bands (a measure such as seats:
``storage.demand.Breakdown.bands``) is always counted: the set kept under its key holds its
values one by one, never its bands. The two renewal figures depend on
the day asked about, so the customers' ARR is kept per renewal day and either window is
summed at read time; the decayed count likewise is folded from the kept days with the
day's weights. A figure as of a day that sees other records (a day before the last
evidence, or after a record dated ahead) is never read from kept rows: it is counted.

``keep`` runs after an analysis and a CRM import that changed deals or accounts (in their
transactions, after their last write) and in the web app's catch-up, in a
workspace of at least ``KEEP_FROM_ITEMS`` items: a smaller one counts everything in well
under a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Engine,
    Select,
    String,
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.orm import Session

from tradeoff.domain.enums import ThemeStatus
from tradeoff.storage import kept_days, subject_demand, subject_filed, theme_summary
from tradeoff.storage.bulk_insert import insert_rows
from tradeoff.storage.demand import (
    DIMENSIONS,
    Breakdown,
    DemandQuery,
    Figure,
    MoneySum,
    ReachCount,
    SubjectKind,
    day_cutoff,
    summary_split_by,
)
from tradeoff.storage.demand_money import filed_money_to_keep, money_to_keep
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import (
    AccountRow,
    DataVersionRow,
    DealRow,
    DemandKeptAsOfRow,
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
#: Every table of kept rows; each has kind, dimension and subject_id columns.
KEPT_TABLES = (DemandKeptMoneyRow, DemandKeptDayRow, DemandKeptReachRow)
RENEWAL_WINDOWS = {Figure.RENEWALS_90: 90, Figure.RENEWALS_180: 180}
#: Below this many evidence items (by id) every figure is counted in well under a second
#: (the demo's 900 items: 0.05 s), so nothing is kept.
KEEP_FROM_ITEMS = 20_000


def keep_if_worth_it(session: Session) -> int:
    """``keep`` in a workspace of at least ``KEEP_FROM_ITEMS`` items (ids, a cheap read);
    a smaller one is counted in well under a second, and its analysis pays nothing here."""
    return keep(session) if worth_keeping(session) else 0


def worth_keeping(session: Session) -> bool:
    """At least ``KEEP_FROM_ITEMS`` items (by id, a cheap read)."""
    largest = session.scalar(select(func.max(EvidenceItemRow.id)))
    return (largest or 0) >= KEEP_FROM_ITEMS


def keep_engine(engine: Engine) -> int:
    """``keep_if_worth_it`` in a transaction of its own, only when a kept set is missing or
    stale (a few cheap reads when all are current)."""
    with read_session(engine) as session:
        if not worth_keeping(session) or _all_current(session):
            return 0
    with write_session(engine) as session:
        return keep(session)


#: Bumped whenever the rules that count a figure change, so figures kept by an earlier
#: release are counted again: 2, windows in calendar days (``storage.calendar_days``).
COUNTING_RULES = 2


def demand_version(session: Session) -> str:
    """The workspace's instance (0008) and the counter migration 0018's triggers bump on
    every write that can change a demand figure; "d" keeps it apart from data versions,
    and the counting rules' revision (``COUNTING_RULES``) follows it."""
    query = (
        select(DataVersionRow.instance, DemandVersionRow.version)
        .join(DemandVersionRow, DemandVersionRow.id == DataVersionRow.id)
        .where(DataVersionRow.id == 1)
    )
    found = session.execute(query).first()
    if found is None:  # a row was deleted: no version to trust, so never the same one
        return f"missing-{time.monotonic_ns()}"
    return f"{found[0]}.d{found[1]}.r{COUNTING_RULES}"


def _all_current(session: Session) -> bool:
    version, day = demand_version(session), today()
    states = session.scalars(select(DemandKeptStateRow)).all()
    held = {
        (s.kind, s.dimension)
        for s in states
        if s.version == version and _answers_day(session, s.kind, s.dimension, day)
    }
    return all((k.value, d) in held for k, d in _kept(session))


def today() -> date:
    """The day (UTC) a set is kept as of: the day a reader asks about by default."""
    return datetime.now(UTC).date()


def kept_as_of(session: Session, kind: str, dimension: str) -> date | None:
    """The day the set (``kind``, ``dimension``) was counted as of, if it is kept."""
    return session.scalar(
        select(DemandKeptAsOfRow.as_of).where(
            DemandKeptAsOfRow.kind == kind, DemandKeptAsOfRow.dimension == dimension
        )
    )


def _answers_day(session: Session, kind: str, dimension: str, day: date) -> bool:
    kept = kept_as_of(session, kind, dimension)
    return kept is not None and sees_the_same(session, kept, day)


#: Every date a figure as of a day compares with that day's end (``DemandQuery.cutoff``):
#: an item's, a deal's creation and close, an account's churn.
DATED = (
    EvidenceItemRow.created_at,
    DealRow.created_at,
    DealRow.closed_at,
    AccountRow.churned_at,
)


def sees_the_same(session: Session, one: date, other: date) -> bool:
    """Whether figures as of ``one`` and as of ``other`` read the same records: nothing is
    dated from the end of the earlier day to the end of the later one. What else a figure
    takes from its day (renewal windows, the decay) is applied when read."""
    if one == other:
        return True
    start, end = (day_cutoff(day) for day in sorted((one, other)))
    return not any(
        session.scalar(select(exists().where(column >= start, column < end))) for column in DATED
    )


def _kept(session: Session) -> list[tuple[SubjectKind, str]]:
    """Every (kind, breakdown) kept now: ``KEPT``, themes by each attribute key the theme
    summary is split by, and the breakdowns of problems and opportunities asked for once
    (``keep_breakdown``) that the summary is still split by."""
    keys = [f"{theme_summary.ATTRIBUTE_PREFIX}{k}" for k in theme_summary.attribute_keys(session)]
    found = [(kind, d) for kind, dims in KEPT.items() for d in dims]
    found += [(SubjectKind.THEME, key) for key in keys]
    state = DemandKeptStateRow
    asked = session.execute(
        select(state.kind, state.dimension)
        .where(state.kind != SubjectKind.THEME.value, state.dimension != "")
        .order_by(state.kind, state.dimension)
    )
    found += [
        (SubjectKind(kind), dimension)
        for kind, dimension in asked
        if summary_split_by(session, Breakdown.parse(dimension))
    ]
    return found


def keep(session: Session, as_of: date | None = None) -> int:
    """Compute and store, as of ``as_of`` (default ``today``), every kept set that is not
    current (counted at another demand version, or as of a day that sees other records);
    returns how many (kind, breakdown) sets were written."""
    hold_lock(session)
    theme_summary.refresh(session)  # what the figures read; no version bump (not analysed)
    wanted = _kept(session)
    _forget(session, wanted)
    day = as_of or today()
    return sum(_keep_set(session, kind, dimension, day) for kind, dimension in wanted)


def keep_breakdown(engine: Engine, kind: SubjectKind, by: Breakdown, as_of: date) -> bool:
    """Keep every ``kind`` subject's figures broken down ``by`` from now on, when worth it:
    in a workspace of at least ``KEEP_FROM_ITEMS`` items, for a breakdown the theme summary
    is split by and a day that reads all evidence, and when the set is not current already
    (a few cheap reads then). All problems by segment at a million items cost about as
    much to keep as to count (15–17 s against 15 s), and are then read in under 1 s until
    the figures change; analyses, imports, edits and the web catch-up keep them from then
    on, as they keep the figures without a breakdown; kept as of ``today``, so only when
    the day asked sees the same records. Returns whether it was written."""
    day = today()
    with read_session(engine) as session:
        if not worth_keeping(session) or not summary_split_by(session, by):
            return False
        query = DemandQuery(kind, as_of, by, churn_window_days=_churn_window(session))
        if not sees_the_same(session, day, as_of) or _current(session, query):
            return False
    with write_session(engine) as session:
        hold_lock(session)
        theme_summary.refresh(session)
        return _keep_set(session, kind, by.label, day)


def _churn_window(session: Session) -> int:
    return load_workspace_settings(session).churn_window_days


def _keep_set(session: Session, kind: SubjectKind, dimension: str, day: date) -> bool:
    """Write one set as of ``day`` unless it is current for that day; returns whether it
    was written."""
    query = DemandQuery(
        kind=kind,
        as_of=day,
        by=Breakdown.parse(dimension) if dimension else None,
        churn_window_days=_churn_window(session),
    )
    version = demand_version(session)
    state = session.get(DemandKeptStateRow, (kind.value, dimension))
    if (
        state is not None
        and _matches(state, version, query)
        and _answers_day(session, kind.value, dimension, day)
    ):
        return False
    write_figures(session, query, dimension)
    session.merge(DemandKeptAsOfRow(kind=kind.value, dimension=dimension, as_of=day))
    session.merge(
        DemandKeptStateRow(
            kind=kind.value,
            dimension=dimension,
            version=version,
            churn_window_days=query.churn_window_days,
            lost_after_close_days=query.lost_after_close_days,
        )
    )
    return True


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
        for table in (*KEPT_TABLES, DemandKeptAsOfRow):
            session.execute(
                delete(table).where(table.kind == state.kind, table.dimension == state.dimension)
            )
        session.delete(state)


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
    for table in KEPT_TABLES:
        mine = and_(table.kind == kind, table.dimension == dimension)
        if query.subject_ids is not None:
            mine = and_(mine, table.subject_id.in_(query.subject_ids))
        session.execute(delete(table).where(mine))
    if query.kind is SubjectKind.THEME:
        for counted in money_to_keep(session, query):
            _keep_money(session, kind, dimension, counted)
        return
    by = query.by is not None
    reach: list[tuple[ReachCount, bool]] = []
    fast, slow = subject_demand.split(session, query)
    if fast is not None:
        _keep_days(session, kind, dimension, subject_demand.summary_day_rows(session, fast), by)
        for counted in money_to_keep(session, fast):
            _keep_money(session, kind, dimension, counted)
        reach += _reach(subject_demand.reach_counts(session, replace(fast, by=None)), False)
        if by:
            reach += _reach(subject_demand.reach_counts(session, fast), True)
    if slow is not None:
        with subject_filed.filed(session, slow) as filed:
            _keep_days(session, kind, dimension, subject_filed.piece_days(filed, slow), by)
            _keep_money(session, kind, dimension, filed_money_to_keep(session, slow, filed))
            reach += _reach(subject_filed.reach(session, filed), False)
            if by:
                reach += _reach(subject_filed.reach(session, filed, slow), True)
    insert_rows(
        session,
        DemandKeptReachRow,
        (
            {
                "kind": kind,
                "dimension": dimension,
                "subject_id": r.subject_id,
                "grp": r.group,
                "grouped": grouped,
                "links": r.links,
                "accounts": r.accounts,
                "end_users": r.end_users,
            }
            for r, grouped in reach
        ),
    )


def _reach(counts: list[ReachCount], grouped: bool) -> list[tuple[ReachCount, bool]]:
    return [(count, grouped) for count in counts]


def _keep_days(
    session: Session, kind: str, dimension: str, counted: Select[Any], grouped: bool
) -> None:
    """Keep ``counted`` — (subject_id, [grp,] day, pieces, observed, proxy) — packed, one
    row per subject and group (``storage.kept_days``)."""
    packed = kept_days.pack(session.execute(counted), grouped=grouped)
    insert_rows(
        session,
        DemandKeptDayRow,
        (
            {"kind": kind, "dimension": dimension, "subject_id": s, "grp": g, "days": blob}
            for s, g, blob in packed
        ),
    )


def _keep_money(session: Session, kind: str, dimension: str, counted: CompoundSelect[Any]) -> None:
    """Insert ``counted`` (``demand_money.money_to_keep``) as kept money rows in the
    database: with a row per renewal day, hundreds of thousands at a million items."""
    rows = counted.subquery("counted")
    names = ["figure", "subject_id", "grp", "currency", "day", "amount", "records", "priced"]
    source = select(
        literal(kind, String), literal(dimension, String), *(rows.c[name] for name in names)
    )
    kept = insert(DemandKeptMoneyRow).from_select(["kind", "dimension", *names], source)
    session.execute(kept)


def _current(session: Session, query: DemandQuery) -> str | None:
    """The kept breakdown answering ``query`` exactly, or None (count it instead). A key in
    bands is never kept: the set kept under its label holds its values one by one."""
    if query.by is not None and query.by.bands:
        return None
    dimension = "" if query.by is None else query.by.label
    state = session.get(DemandKeptStateRow, (query.kind.value, dimension))
    if state is None or not _matches(state, demand_version(session), query):
        return None
    if not _answers_day(session, query.kind.value, dimension, query.as_of):
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
    # Columns, not ORM objects: tens of thousands of rows under a breakdown (0.8 s as
    # objects for problems by segment at a million items).
    columns = (kept.subject_id, kept.grp, kept.currency, kept.amount, kept.records, kept.priced)
    figure_named = {f.value: f for f in Figure}
    found = [
        MoneySum(figure_named[f], s, g, c, a, n, p)
        for f, s, g, c, a, n, p in session.execute(
            select(kept.figure, *columns).where(mine, kept.figure != renewal)
        )
    ]
    # Both windows in one pass over the renewal days of the widest (hundreds of thousands
    # of rows under a breakdown at a million items): each window's sums are conditional.
    widest = max(RENEWAL_WINDOWS.values())
    inside = {
        figure: kept.day <= query.as_of + timedelta(days=days)
        for figure, days in RENEWAL_WINDOWS.items()
    }
    sums = [
        part
        for within in inside.values()
        for part in (
            func.sum(case((within, 1), else_=0)),
            func.sum(case((within, kept.amount))),
            func.sum(case((within, kept.records), else_=0)),
            func.sum(case((within, kept.priced), else_=0)),
        )
    ]
    window = and_(kept.day >= query.as_of, kept.day <= query.as_of + timedelta(days=widest))
    summed = (
        select(kept.subject_id, kept.grp, kept.currency, *sums)
        .where(mine, kept.figure == renewal, window)
        .group_by(kept.subject_id, kept.grp, kept.currency)
    )
    for subject_id, group, currency, *counted in session.execute(summed):
        for n, figure in enumerate(inside):
            days, amount, records, priced = counted[4 * n : 4 * n + 4]
            if days:  # a group with no renewal day in this window has no row in it
                found.append(
                    MoneySum(figure, subject_id, group, currency, amount, int(records), int(priced))
                )
    return found


def figures(
    session: Session, query: DemandQuery, weight: Callable[[date], int], horizon: int
) -> subject_filed.Figures | None:
    """``subject_filed.figures`` from the kept rows, or None when they do not answer."""
    dimension = _current(session, query)
    if dimension is None:
        return None
    days, reach_rows = DemandKeptDayRow, DemandKeptReachRow
    mine = and_(days.kind == query.kind.value, days.dimension == dimension)
    reached = and_(reach_rows.kind == query.kind.value, reach_rows.dimension == dimension)
    if query.subject_ids is not None:
        mine = and_(mine, days.subject_id.in_(query.subject_ids))
        reached = and_(reached, reach_rows.subject_id.in_(query.subject_ids))
    found = subject_filed.Figures()
    rows = session.execute(select(days.subject_id, days.grp, days.days).where(mine))
    packed = [(subject_id, group, blob) for subject_id, group, blob in rows]
    found.months = kept_days.fold(packed, weight, query.as_of, horizon)
    found.money = _kept_money(session, query, dimension)
    r = reach_rows
    counts = select(r.grouped, r.subject_id, r.grp, r.links, r.accounts, r.end_users)
    for grouped, subject_id, group, links, accounts, end_users in session.execute(
        counts.where(reached)
    ):
        counted = ReachCount(subject_id, group, links, accounts, end_users)
        (found.grouped if grouped else found.reach).append(counted)
    return found
