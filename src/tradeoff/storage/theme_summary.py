"""A summary of what is filed in each theme, kept exact so readers need not visit every link.

At a million filed items, counting a theme's pieces, accounts and end users from the links
takes seconds; the same figures read from a few narrow rows per theme take milliseconds.

- ``theme_day_summary``: per theme and UTC day, links and *pieces* (copies once, read
  through their representative: the original when it is filed in the theme, else the
  lowest-id copy, as ``storage.demand`` and ``storage.theme_profile`` define them), with
  how many pieces are observed and by proxy, and their first and last moment.
- ``theme_account_summary``: per theme and citing account, its links and first citation.
- ``theme_reach_summary``: per theme, links, distinct accounts and distinct end users.
- ``theme_group_day_summary`` and ``theme_group_reach_summary``: the pieces per day and the
  reach again, split by the citing account's segment, plan and region, and by every
  attribute key listed in ``theme_summary_attributes`` (demand's ``--by``). A refresh lists
  the keys with at most ``MAX_ATTRIBUTE_GROUPS`` distinct text values over all accounts
  (``tier``, ``industry``; not a free-text field), and every clean theme holds rows for each
  listed key: a key that joins the list is written for every theme in the same refresh.
- ``theme_person_summary``: per theme and end user, their links (a problem's end users are
  the distinct ones over its themes: ``storage.subject_demand``).
- ``theme_person_account_summary``: the same split by the account of the end user's items
  (a problem's end users per group of a breakdown: the group is the account's).
- ``theme_overlap_summary``: pairs of themes sharing filed items, and how many (a problem
  linked to both cannot add their figures up). A refresh rewrites every pair that names a
  dirty theme, from the dirty theme's links and the other's.

How it stays exact: triggers (migration 0009) only *mark* a theme dirty
(``theme_summary_dirty``) when a link to it is added, removed or changed, when a filed
item's account, speaker, relayer, mode, date or original changes, when a speaker's role
changes, or a citing account's segment, plan, region or attributes (0016). ``refresh``
rewrites the dirty
themes' rows from their links, in the caller's write transaction; ``tradeoff analyze``
calls it as it stores, and so does every reader given a session that writes. A reader never
trusts a dirty theme's rows: it counts that theme from the links instead (``split``), so a
figure is right even before a refresh.

The summary holds every piece ever filed, so it answers "now": readers use it when the
``as_of`` day is on or after the last evidence day (``answers_now``) and count from the links
for a day in the past.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Engine,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    and_,
    case,
    delete,
    func,
    insert,
    inspect,
    literal,
    null,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session, aliased

from tradeoff.domain.enums import INTERNAL_PROXY_ROLES, EvidenceMode
from tradeoff.storage.engine import WRITE_OPTION
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import (
    AccountRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    PersonRow,
    ThemeAccountSummaryRow,
    ThemeDaySummaryRow,
    ThemeGroupDaySummaryRow,
    ThemeGroupReachSummaryRow,
    ThemeReachSummaryRow,
    ThemeRow,
    ThemeSummaryDirtyRow,
)
from tradeoff.storage.tables.theme_summary import (
    DIMENSION_LENGTH,
    GROUP_LENGTH,
    ThemeOverlapSummaryRow,
    ThemePersonAccountSummaryRow,
    ThemePersonSummaryRow,
    ThemeSummaryAttributeRow,
)
from tradeoff.storage.types import UTCDateTime

#: Above this share of all links, a refresh scans the links in evidence order rather than
#: walking the theme index (which fetches items in random order, three times slower).
SCAN_SHARE = 0.2
#: PostgreSQL advisory lock held by a refresh until its transaction ends ("them").
REFRESH_LOCK = 0x7468656D
#: Themes per statement: well under SQLite's bound-parameter limit.
THEMES_PER_STATEMENT = 2000
SUMMARIES = (
    ThemeDaySummaryRow,
    ThemeAccountSummaryRow,
    ThemeReachSummaryRow,
    ThemeGroupDaySummaryRow,
    ThemeGroupReachSummaryRow,
    ThemePersonSummaryRow,
    ThemePersonAccountSummaryRow,
    ThemeOverlapSummaryRow,
)
#: Account columns the summary is also split by (demand's ``--by``).
GROUPS = ("segment", "plan", "region")
#: An attribute key with more distinct values than this is counted from the links: a
#: breakdown into hundreds of groups is a list, and its rows would outnumber the links'.
MAX_ATTRIBUTE_GROUPS = 50
ATTRIBUTE_PREFIX = "attribute:"
#: Characters a held key may not hold: they would change the meaning of a JSON path.
PATH_SPECIALS = frozenset('"\\')
GROUP_TABLES = (ThemeGroupDaySummaryRow, ThemeGroupReachSummaryRow)


def day_of(session: Session, moment: Any) -> ColumnElement[str]:
    """``YYYY-MM-DD`` of a UTC timestamp, the same text on both engines."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", moment), "YYYY-MM-DD")
    return func.date(moment)  # SQLite keeps UTC as naive text


def dirty_ids(session: Session) -> set[int]:
    """Themes whose summary rows must not be read: count them from their links."""
    return set(session.scalars(select(ThemeSummaryDirtyRow.theme_id)))


def answers_now(session: Session, cutoff: datetime) -> bool:
    """Nothing is dated at or after ``cutoff``: the summary (all evidence) is the answer."""
    latest = session.scalar(select(func.max(EvidenceItemRow.created_at)))
    return latest is None or latest < cutoff


def writes(session: Session) -> bool:
    """The session is a write transaction (``write_session``): a refresh commits with it."""
    return bool(session.get_bind().get_execution_options().get(WRITE_OPTION, False))


def refresh_if_writing(session: Session) -> None:
    """Refresh before a read when the caller's transaction may write; else read as it is."""
    if writes(session):
        refresh(session)


def refresh_engine(engine: Engine) -> int:
    """Refresh in a transaction of its own, only when a theme is dirty (one cheap read)."""
    with engine.connect() as connection:
        if connection.scalar(select(ThemeSummaryDirtyRow.theme_id).limit(1)) is None:
            return 0
    with write_session(engine) as session:
        return refresh(session)


def _one_at_a_time(session: Session) -> None:
    """PostgreSQL runs writers side by side: two refreshes of one theme would each delete
    only the rows they can see and insert theirs twice. SQLite writers already queue."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(REFRESH_LOCK)))


def refresh(session: Session) -> int:
    """Rewrite every dirty theme's rows from its links; returns how many were dirty.

    The attribute keys are chosen again here: a key that joins the list is written for
    every other theme too, a key that leaves it is deleted (the rows of a clean theme stay
    exact whatever the list: an attribute change marks the themes its account cites)."""
    _one_at_a_time(session)
    ids = sorted(dirty_ids(session))
    if not ids:
        return 0
    held = attribute_keys(session)
    keys = wanted_attribute_keys(session)
    for chunk in _chunks(ids):
        session.execute(
            delete(ThemeSummaryDirtyRow).where(ThemeSummaryDirtyRow.theme_id.in_(chunk))
        )
        rewrite(session, chunk, keys=keys)
    _hold(session, held, keys, rewritten=ids)
    return len(ids)


def attribute_keys(session: Session) -> list[str]:
    """The attribute keys every clean theme's group rows are split by (none before 0016)."""
    if not _holds_attributes(session):
        return []
    return list(session.scalars(select(ThemeSummaryAttributeRow.key).order_by("key")))


def wanted_attribute_keys(session: Session) -> list[str]:
    """Keys of the accounts' attributes worth a split: text values only, at most
    ``MAX_ATTRIBUTE_GROUPS`` of them, each short enough for a group row (one read of the
    accounts' attributes, at a refresh only)."""
    if not _holds_attributes(session):
        return []
    values: dict[str, set[str]] = {}
    refused: set[str] = set()
    for (attributes,) in session.execute(
        select(AccountRow.attributes).where(AccountRow.attributes.is_not(None))
    ):
        for key, value in (attributes or {}).items():
            if key in refused:
                continue
            seen = values.setdefault(key, set())
            seen.add(value)
            if not _fits(key, value) or len(seen) > MAX_ATTRIBUTE_GROUPS:
                refused.add(key)
    return sorted(set(values) - refused)


def _fits(key: str, value: object) -> bool:
    return (
        isinstance(value, str)
        and len(value) <= GROUP_LENGTH
        and 0 < len(key) <= DIMENSION_LENGTH - len(ATTRIBUTE_PREFIX)
        and not PATH_SPECIALS & set(key)
    )


def _holds_attributes(session: Session) -> bool:
    """Migration 0016 has run (migrations before it rebuild through this module)."""
    names = inspect(session.connection()).get_table_names()
    return ThemeSummaryAttributeRow.__tablename__ in names


def _hold(
    session: Session, held: Sequence[str], keys: Sequence[str], rewritten: Sequence[int]
) -> None:
    """Make ``keys`` the held list: split every theme but the ``rewritten`` ones (already
    split by ``keys``) by the keys that join it, and forget the keys that leave it."""
    if list(held) == list(keys):
        return
    gone = [attribute_dimension(k) for k in held if k not in keys]
    for table in GROUP_TABLES:
        session.execute(delete(table).where(table.dimension.in_(gone)))
    added = [k for k in keys if k not in held]
    if added:
        others = sorted(set(_filed_themes(session)) - set(rewritten))
        for chunk in _chunks(others):
            rewrite(session, chunk, GROUP_TABLES, added, groups=())
    session.execute(delete(ThemeSummaryAttributeRow))
    if keys:
        session.execute(insert(ThemeSummaryAttributeRow), [{"key": k} for k in keys])


def attribute_dimension(key: str) -> str:
    """A key's label in the group summaries, as demand's ``Breakdown.label`` writes it."""
    return f"{ATTRIBUTE_PREFIX}{key}"


def attribute_value(account: Any, key: str) -> ColumnElement[Any]:
    """The account's attribute ``key`` as text (None when absent): the group of a breakdown
    by ``attribute:KEY``, the same expression for the summary and for the links."""
    value: ColumnElement[Any] = account.attributes[key].as_string()
    return value


def _filed_themes(session: Session) -> list[int]:
    return list(session.scalars(select(EvidenceThemeRow.theme_id).distinct()))


def mark_all_dirty(session: Session) -> None:
    """Make every reader count from the links until the next refresh: the reference path,
    which benchmarks time against the summary and tests compare it with."""
    session.execute(delete(ThemeSummaryDirtyRow))
    session.execute(insert(ThemeSummaryDirtyRow).from_select(["theme_id"], select(ThemeRow.id)))


def rebuild(session: Session, tables: Sequence[Any] | None = None) -> None:
    """Rewrite the whole summary (after a migration, or to check it); or only ``tables``
    of every theme (a migration adding a table fills it), leaving the dirty marks as
    they are. Without ``tables``, the tables the schema holds: migration 0009 rebuilds
    before later migrations have created theirs."""
    _one_at_a_time(session)
    if tables is None:
        names = set(inspect(session.connection()).get_table_names())
        tables = [t for t in SUMMARIES if t.__tablename__ in names]
        session.execute(delete(ThemeSummaryDirtyRow))
    for table in tables:
        session.execute(delete(table))
    keys = wanted_attribute_keys(session)
    themes = sorted(_filed_themes(session))
    for chunk in _chunks(themes):
        rewrite(session, chunk, tables, keys)
    if any(t in tables for t in GROUP_TABLES):
        _hold(session, attribute_keys(session), keys, rewritten=themes)


def rewrite(
    session: Session,
    theme_ids: Sequence[int],
    tables: Sequence[Any] = SUMMARIES,
    keys: Sequence[str] = (),
    *,
    groups: Sequence[str] = GROUPS,
) -> None:
    """Delete and recompute the rows of ``theme_ids`` (one GROUP BY per table), the group
    tables split by the account columns ``groups`` and the attribute ``keys``."""
    dimensions = [*groups, *(attribute_dimension(k) for k in keys)]
    for table in tables:
        named = table.theme_id.in_(theme_ids)
        if table is ThemeOverlapSummaryRow:
            named = or_(named, table.other_id.in_(theme_ids))
        if table in GROUP_TABLES:
            named = and_(named, table.dimension.in_(dimensions))
        session.execute(delete(table).where(named))
    # The links are read once into a narrow temporary table that every GROUP BY then scans:
    # joining a million links with their wide items once per table cost three times more.
    # Held keys contain no quote or backslash (``_fits``): literal JSON paths are plain.
    filed = _filed(len(keys))
    sql = _links(session, theme_ids, keys).compile(
        dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}
    )
    session.execute(text(f"CREATE TEMPORARY TABLE {filed.name} AS {sql}"))
    columns = [*groups, *(f"attr_{n}" for n in range(len(keys)))]
    _aggregate(session, filed, theme_ids, tables, list(zip(dimensions, columns, strict=True)))
    # On an error the caller's rollback drops it (both engines roll temporary DDL back),
    # and a DROP in an aborted PostgreSQL transaction would only hide the first error.
    session.execute(text(f"DROP TABLE {filed.name}"))


def _aggregate(
    session: Session,
    links: Table,
    theme_ids: Sequence[int],
    tables: Sequence[Any],
    dimensions: list[tuple[str, str]],
) -> None:
    """``dimensions``: (label in the group tables, column of ``links``) of each split."""
    statements: dict[Any, tuple[list[str], Any]] = {
        ThemeDaySummaryRow: (
            ["theme_id", "day", "links", "items", "observed", "proxy", "first_at", "last_at"],
            _per_day(links),
        ),
        ThemeAccountSummaryRow: (
            ["theme_id", "account_id", "links", "first_at"],
            _per_account(links),
        ),
        ThemeReachSummaryRow: (["theme_id", "links", "accounts", "end_users"], _reach(links)),
        ThemeGroupDaySummaryRow: (
            ["theme_id", "dimension", "grp", "day", "items", "observed", "proxy"],
            [_group_days(links, label, column) for label, column in dimensions],
        ),
        ThemeGroupReachSummaryRow: (
            ["theme_id", "dimension", "grp", "links", "accounts", "end_users"],
            [_group_reach(links, label, column) for label, column in dimensions],
        ),
        ThemePersonSummaryRow: (["theme_id", "person_id", "links"], _per_person(links)),
        ThemePersonAccountSummaryRow: (
            ["theme_id", "person_id", "account_id", "links"],
            _per_person(links, by_account=True),
        ),
        ThemeOverlapSummaryRow: (
            ["theme_id", "other_id", "links"],
            _overlaps(links, theme_ids),
        ),
    }
    for table in tables:
        columns, rows = statements[table]
        # A split at a time: one UNION ALL of every split would hold them all in memory.
        for select_rows in rows if isinstance(rows, list) else [rows]:
            session.execute(insert(table).from_select(columns, select_rows))


def _filed(keys: int) -> Table:
    """``_links`` as written for one refresh (a temporary table of the refreshing
    connection), with ``keys`` attribute columns ``attr_0``... after the account columns."""
    return Table(
        "theme_summary_filed",
        MetaData(),
        *filed_columns("theme_id"),
        *(Column(name, String) for name in GROUPS),
        *(Column(f"attr_{n}", String) for n in range(keys)),
    )


def filed_columns(subject: str) -> list[Column[Any]]:
    """The columns of a link read for demand, as a refresh here and ``storage.subject_filed``
    write them: the subject, the item and its account, date and day, whether it represents
    its piece, is observed, by proxy, and its end user."""
    return [
        Column(subject, Integer),
        Column("evidence_id", Integer),
        Column("account_id", Integer),
        Column("created_at", UTCDateTime()),
        Column("day", String),
        Column("rep", Integer),
        Column("observed", Integer),
        Column("proxy", Integer),
        Column("end_user", Integer),
    ]


def _links(session: Session, theme_ids: Sequence[int], keys: Sequence[str] = ()) -> Select[Any]:
    """Every link of the themes with what the figures read, and whether it represents its
    piece (exists-lookups for copies only, which are few)."""
    link, item = EvidenceThemeRow, EvidenceItemRow
    share = _share_of_links(session, theme_ids)
    # "+ 0": for a large share, read the links in evidence order (see SCAN_SHARE).
    theme_id = link.theme_id + 0 if share > SCAN_SHARE else link.theme_id
    proxy = or_(item.relayed_by_id.is_not(None), PersonRow.role.in_(INTERNAL_PROXY_ROLES))
    end_user = case((PersonRow.role.not_in(INTERNAL_PROXY_ROLES), item.person_id))
    return (
        select(
            theme_id.label("theme_id"),
            link.evidence_id,
            item.account_id,
            item.created_at,
            day_of(session, item.created_at).label("day"),
            case((_represents(link.theme_id), 1), else_=0).label("rep"),
            case((item.mode == EvidenceMode.OBSERVED, 1), else_=0).label("observed"),
            case((proxy, 1), else_=0).label("proxy"),
            end_user.label("end_user"),
            *(getattr(AccountRow, name).label(name) for name in GROUPS),
            *(attribute_value(AccountRow, key).label(f"attr_{n}") for n, key in enumerate(keys)),
        )
        .join(item, item.id == link.evidence_id)
        .outerjoin(PersonRow, PersonRow.id == item.person_id)
        .outerjoin(AccountRow, AccountRow.id == item.account_id)
        .where(theme_id.in_(theme_ids))
    )


def _represents(theme_id: Any) -> ColumnElement[bool]:
    """An original; or a copy whose original is not filed in the theme and no lower-id
    copy of the same original is."""
    item = EvidenceItemRow
    filed = aliased(EvidenceThemeRow, name="filed")
    other = aliased(EvidenceItemRow, name="other")
    original_filed = (
        select(filed.evidence_id)
        .where(filed.evidence_id == item.duplicate_of_id, filed.theme_id == theme_id)
        .exists()
    )
    lower_copy_filed = (
        select(other.id)
        .join(filed, filed.evidence_id == other.id)
        .where(
            other.duplicate_of_id == item.duplicate_of_id,
            other.id < item.id,
            filed.theme_id == theme_id,
        )
        .exists()
    )
    return or_(item.duplicate_of_id.is_(None), and_(~original_filed, ~lower_copy_filed))


def _per_day(links: Any) -> Select[Any]:
    rep = links.c.rep == 1

    def of_pieces(value: Any) -> Any:
        return case((rep, value))

    return select(
        links.c.theme_id,
        links.c.day,
        func.count(),
        func.coalesce(func.sum(links.c.rep), 0),
        func.count(of_pieces(case((links.c.observed == 1, 1)))),
        func.count(of_pieces(case((links.c.proxy == 1, 1)))),
        func.min(of_pieces(links.c.created_at)),
        func.max(of_pieces(links.c.created_at)),
    ).group_by(links.c.theme_id, links.c.day)


def _per_account(links: Any) -> Select[Any]:
    return (
        select(links.c.theme_id, links.c.account_id, func.count(), func.min(links.c.created_at))
        .where(links.c.account_id.is_not(None))
        .group_by(links.c.theme_id, links.c.account_id)
    )


def _reach(links: Any) -> Select[Any]:
    return select(
        links.c.theme_id,
        func.count(),
        func.count(links.c.account_id.distinct()),
        func.count(links.c.end_user.distinct()),
    ).group_by(links.c.theme_id)


def _per_person(links: Any, *, by_account: bool = False) -> Select[Any]:
    account = [links.c.account_id] if by_account else []
    return (
        select(links.c.theme_id, links.c.end_user, *account, func.count())
        .where(links.c.end_user.is_not(None))
        .group_by(links.c.theme_id, links.c.end_user, *account)
    )


def _overlaps(links: Any, theme_ids: Sequence[int]) -> Select[Any]:
    """Each pair sharing items once, lower id first: a pair of two rewritten themes is
    counted from the lower one's links; a rewritten theme's pair with another, from the
    rewritten one's (the other's rows may be stale, but its links are not)."""
    other = aliased(EvidenceThemeRow, name="other_link")
    mine, theirs = links.c.theme_id, other.theme_id
    return (
        select(
            case((mine < theirs, mine), else_=theirs),
            case((mine < theirs, theirs), else_=mine),
            func.count(),
        )
        .select_from(links)
        .join(other, and_(other.evidence_id == links.c.evidence_id, theirs != mine))
        .where(or_(theirs.not_in(theme_ids), mine < theirs))
        .group_by(mine, theirs)
    )


def _group_days(links: Any, label: str, name: str) -> Select[Any]:
    """Pieces per theme, value of the account column or attribute ``name`` and day (days
    with pieces), labelled ``label``."""
    group = links.c[name]
    return (
        select(
            links.c.theme_id,
            literal(label),
            group,
            links.c.day,
            func.count(),
            func.count(case((links.c.observed == 1, 1))),
            func.count(case((links.c.proxy == 1, 1))),
        )
        .where(links.c.rep == 1)
        .group_by(links.c.theme_id, group, links.c.day)
    )


def _group_reach(links: Any, label: str, name: str) -> Select[Any]:
    group = links.c[name]
    return select(
        links.c.theme_id,
        literal(label),
        group,
        func.count(),
        func.count(links.c.account_id.distinct()),
        func.count(links.c.end_user.distinct()),
    ).group_by(links.c.theme_id, group)


def _share_of_links(session: Session, theme_ids: Sequence[int]) -> float:
    total = session.scalar(select(func.count()).select_from(EvidenceThemeRow)) or 0
    if not total:
        return 0.0
    mine = session.scalar(
        select(func.count())
        .select_from(EvidenceThemeRow)
        .where(EvidenceThemeRow.theme_id.in_(theme_ids))
    )
    return (mine or 0) / total


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), THEMES_PER_STATEMENT):
        yield ids[start : start + THEMES_PER_STATEMENT]


def split(session: Session, theme_ids: Iterable[int]) -> tuple[list[int], list[int]]:
    """(clean, dirty) among ``theme_ids``: read the first from the summary, count the
    second from their links."""
    dirty = dirty_ids(session)
    ids = sorted(set(theme_ids))
    return [i for i in ids if i not in dirty], [i for i in ids if i in dirty]


def day_rows(session: Session, theme_ids: Sequence[int]) -> Sequence[Any]:
    """Per theme and day with at least one piece: theme_id, day, links, items, observed,
    proxy, first_at, last_at (the themes must be clean)."""
    if not theme_ids:
        return []
    day = ThemeDaySummaryRow
    return session.execute(
        select(
            day.theme_id,
            day.day,
            day.links,
            day.items,
            day.observed,
            day.proxy,
            day.first_at,
            day.last_at,
        ).where(day.theme_id.in_(theme_ids))
    ).all()


def account_pairs(session: Session, theme_ids: Sequence[int]) -> Select[Any]:
    """(theme_id, account_id, first_at): each account citing one of the themes, once, with
    its first citation: from the summary for clean themes, from the links for dirty ones."""
    clean_ids, dirty = split(session, theme_ids)
    pairs = ThemeAccountSummaryRow
    columns: list[Any] = [pairs.theme_id, pairs.account_id, pairs.first_at]
    summary: Select[Any] = select(*columns).where(pairs.theme_id.in_(clean_ids))
    if not dirty:
        return summary
    link, item = EvidenceThemeRow, EvidenceItemRow
    live = (
        select(link.theme_id, item.account_id, func.min(item.created_at).label("first_at"))
        .join(item, item.id == link.evidence_id)
        .where(link.theme_id.in_(dirty), item.account_id.is_not(None))
        .group_by(link.theme_id, item.account_id)
    )
    return summary.union_all(live)  # type: ignore[return-value]


def demand_days(session: Session, theme_ids: Sequence[int], dimension: str | None) -> Sequence[Any]:
    """theme_id, grp, day, items, observed, proxy of clean themes on days with pieces, split
    by an account column of ``GROUPS`` (grp None throughout when ``dimension`` is None)."""
    if not theme_ids:
        return []
    if dimension is None:
        day: Any = ThemeDaySummaryRow
        query = select(day.theme_id, null().label("grp"), day.day).where(day.items > 0)
    else:
        day = ThemeGroupDaySummaryRow
        query = select(day.theme_id, day.grp, day.day).where(day.dimension == dimension)
    query = query.add_columns(day.items, day.observed, day.proxy)
    return session.execute(query.where(day.theme_id.in_(theme_ids))).all()


def demand_reach(
    session: Session, theme_ids: Sequence[int], dimension: str | None
) -> Sequence[Any]:
    """theme_id, grp, links, accounts, end_users of clean themes, split like ``demand_days``."""
    if not theme_ids:
        return []
    if dimension is None:
        reach: Any = ThemeReachSummaryRow
        query = select(reach.theme_id, null().label("grp"))
    else:
        reach = ThemeGroupReachSummaryRow
        query = select(reach.theme_id, reach.grp).where(reach.dimension == dimension)
    query = query.add_columns(reach.links, reach.accounts, reach.end_users)
    return session.execute(query.where(reach.theme_id.in_(theme_ids))).all()
