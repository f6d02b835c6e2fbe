"""Problems' and opportunities' demand with every linked item read once.

Counted from the links, a subject's pieces per day, its reach and its citing accounts were
three statements that each joined every link with its (wide) item row: three reads of the
same ~110,000 items for the bench's 400 problems. Here the links are read once into a
narrow temporary table — the item's account, date and day, whether it represents its piece,
is observed, by proxy, and its end user — and the three aggregates read that. The
definitions are ``storage.demand``'s ``linked_*`` (the reference this is tested against);
subjects the theme summary answers keep that path (``storage.subject_demand``).

Both kinds of subject hand Python (subject, month) rows rather than (subject, day) rows (a
hundred thousand for the bench's problems): the decayed count is summed in the database
from each day's weight, kept as an integer (``analysis.business.demand_time``) in a second
temporary table, so the sum is exact and the same as Python's over day rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    MetaData,
    Select,
    String,
    Table,
    case,
    func,
    insert,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from tradeoff.domain.enums import INTERNAL_PROXY_ROLES, EvidenceMode
from tradeoff.storage import subject_demand
from tradeoff.storage.demand import (
    DemandQuery,
    MoneySum,
    MonthCount,
    ReachCount,
    SubjectKind,
    as_day,
    day_of,
    group_column,
    represents,
    subject_links,
)
from tradeoff.storage.demand_money import filed_money_sums, money_sums
from tradeoff.storage.tables import AccountRow, EvidenceItemRow, PersonRow
from tradeoff.storage.theme_summary import filed_columns

#: One row per (subject, linked item) of the query, on the reading connection only.
FILED = Table(
    "subject_demand_filed",
    MetaData(),
    *filed_columns("subject_id"),
    prefixes=["TEMPORARY"],
)


#: Each day's decay weight (``analysis.business.demand_time.scaled_weight``) for the query.
WEIGHTS = Table(
    "subject_demand_weights",
    MetaData(),
    Column("day", String, primary_key=True),
    Column("weight", BigInteger),
    prefixes=["TEMPORARY"],
)


@dataclass
class Figures:
    """What ``analysis.business.demand`` reads for problems or opportunities."""

    #: Per subject (and group, under a breakdown).
    months: list[MonthCount] = field(default_factory=list)
    money: list[MoneySum] = field(default_factory=list)
    #: Per subject, all groups together (end users are not summed over groups).
    reach: list[ReachCount] = field(default_factory=list)
    #: Per subject and group, under a breakdown only.
    grouped: list[ReachCount] = field(default_factory=list)


def figures(
    session: Session, query: DemandQuery, weight: Callable[[date], int], horizon: int
) -> Figures:
    """Pieces per month, money and reach of problems or opportunities, split by
    ``query.by`` when given: the subjects the theme summary answers through it (under a
    breakdown, one its group rows are split by), the rest from their links read once.
    ``weight``: a day's decay weight as an integer, zero past ``horizon`` days of age; the
    pieces' days are folded into months in the database, with their weights summed there
    (an exact integer sum), so Python reads a few rows a subject instead of one a day.
    Counted from the links, each of four statements read every link's item again (111 s
    for all problems by segment at a million items with 100 problems of themes)."""
    assert query.kind is not SubjectKind.THEME
    by = query.by is not None
    found = Figures()
    fast, slow = subject_demand.split(session, query)
    with weights(session, query, weight, horizon) as weighted:
        if fast is not None:
            days = subject_demand.summary_day_rows(session, fast).subquery("days")
            found.months += months(session, days, days.c["items"], weighted, grouped=by)
            found.money += money_sums(session, fast)
            found.reach += subject_demand.reach_counts(session, replace(fast, by=None))
            if by:
                found.grouped += subject_demand.reach_counts(session, fast)
        if slow is not None:
            with filed(session, slow) as table:
                each = pieces(table, slow)
                found.months += months(session, each, literal(1), weighted, grouped=by)
                found.money += filed_money_sums(session, slow, table)
                found.reach += reach(session, table)
                if by:
                    found.grouped += reach(session, table, slow)
    return found


@contextmanager
def weights(
    session: Session, query: DemandQuery, weight: Callable[[date], int], horizon: int
) -> Iterator[Table]:
    """``WEIGHTS`` for every day from the first evidence (or ``horizon`` days back) to the
    ``as_of`` day; an older day weighs 0."""
    first = session.scalar(select(func.min(EvidenceItemRow.created_at)))
    start = query.as_of - timedelta(days=min(horizon, (query.as_of - date.min).days))
    if first is not None:
        start = max(start, first.date())  # an aware UTC datetime: its UTC day
    days = [start + timedelta(days=n) for n in range((query.as_of - start).days + 1)]
    WEIGHTS.create(session.connection())
    session.execute(insert(WEIGHTS), [{"day": d.isoformat(), "weight": weight(d)} for d in days])
    yield WEIGHTS
    WEIGHTS.drop(session.connection())


def months(
    session: Session, days: Any, items: Any, weighted: Table, *, grouped: bool = False
) -> list[MonthCount]:
    """``days`` (subject_id, day, observed, proxy and ``items`` per row; ``grp`` too when
    ``grouped``) folded into (subject, group, month) rows with the decayed count."""
    month = func.substr(days.c.day, 1, 7)
    group = [days.c.grp] if grouped else []
    counted = (
        select(
            days.c.subject_id,
            *group,
            month,
            func.sum(items),
            func.sum(days.c.observed),
            func.sum(days.c.proxy),
            func.min(days.c.day),
            func.max(days.c.day),
            func.coalesce(func.sum(items * weighted.c.weight), 0),
        )
        .select_from(days)
        .outerjoin(weighted, weighted.c.day == days.c.day)
        .group_by(days.c.subject_id, *group, month)
    )
    found = []
    for row in session.execute(counted):
        s, g, (m, i, o, p, f, la, w) = row[0], row[1] if grouped else None, row[-7:]
        found.append(
            MonthCount(s, g, _month(m), int(i), int(o), int(p), as_day(f), as_day(la), int(w))
        )
    return found


@lru_cache(maxsize=4096)
def _month(text: str) -> date:
    """A few dozen months stand behind tens of thousands of (subject, group, month) rows."""
    return date(int(text[:4]), int(text[5:7]), 1)


@contextmanager
def filed(session: Session, query: DemandQuery) -> Iterator[Table]:
    """``FILED`` holding the query's links, for the block's statements. On an error the
    caller's rollback drops it (both engines roll temporary DDL back)."""
    connection = session.connection()
    FILED.create(connection)
    columns = [c.name for c in FILED.columns]
    session.execute(insert(FILED).from_select(columns, _rows(session, query)))
    yield FILED
    FILED.drop(connection)


def _rows(session: Session, query: DemandQuery) -> Select[Any]:
    linked = subject_links(query, "linked")
    # In item order: the items are then read along the table, not at random (0.17 against
    # 0.3 s for the bench's 112,000 links).
    links = select(linked).order_by(linked.c.evidence_id).subquery("links")
    item = EvidenceItemRow
    # Our own people are a handful: one lookup among them per link, rather than a join of
    # every speaker's row (0.08 s of the bench's 0.4). A person's role is never null.
    ours = select(PersonRow.id).where(PersonRow.role.in_(INTERNAL_PROXY_ROLES))
    proxy = or_(item.relayed_by_id.is_not(None), item.person_id.in_(ours))
    end_user = case((item.person_id.not_in(ours), item.person_id))
    return (
        select(
            links.c.subject_id,
            links.c.evidence_id,
            item.account_id,
            item.created_at,
            day_of(session, item.created_at),
            case(
                (or_(item.duplicate_of_id.is_(None), represents(query, links.c.subject_id)), 1),
                else_=0,
            ),
            case((item.mode == EvidenceMode.OBSERVED, 1), else_=0),
            case((proxy, 1), else_=0),
            end_user,
        )
        .select_from(links)
        .join(item, item.id == links.c.evidence_id)
        .where(item.created_at < query.cutoff)
    )


def reach(session: Session, filed: Table, by: DemandQuery | None = None) -> list[ReachCount]:
    """``linked_reach_counts``: links, distinct accounts and end users per subject, and
    per group of ``by.by`` when given."""
    grp = group_column(by, AccountRow) if by is not None else literal(None).label("grp")
    counted = (
        select(
            filed.c.subject_id,
            grp,
            func.count(),
            func.count(filed.c.account_id.distinct()),
            func.count(filed.c.end_user.distinct()),
        )
        .select_from(filed)
        .group_by(filed.c.subject_id, grp)
    )
    if by is not None:
        counted = counted.outerjoin(AccountRow, AccountRow.id == filed.c.account_id)
    return [ReachCount(*row) for row in session.execute(counted)]


def pieces(filed: Table, query: DemandQuery) -> Any:
    """The rows of ``filed`` that are pieces (subject_id, day, observed, proxy), with the
    group of ``query.by`` (``grp``) when given."""
    if query.by is None:
        return select(filed).where(filed.c.rep == 1).subquery("pieces")
    return (
        select(
            filed.c.subject_id,
            group_column(query, AccountRow),
            filed.c.day,
            filed.c.observed,
            filed.c.proxy,
        )
        .select_from(filed)
        .outerjoin(AccountRow, AccountRow.id == filed.c.account_id)
        .where(filed.c.rep == 1)
        .subquery("pieces")
    )


def piece_days(filed: Table, query: DemandQuery) -> Select[Any]:
    """subject_id, (grp under a breakdown,) day, pieces, observed, proxy of ``filed``
    (days with pieces only)."""
    each = pieces(filed, query)
    group = [each.c.grp] if query.by is not None else []
    return select(
        each.c.subject_id,
        *group,
        each.c.day,
        func.count(),
        func.sum(each.c.observed),
        func.sum(each.c.proxy),
    ).group_by(each.c.subject_id, *group, each.c.day)
