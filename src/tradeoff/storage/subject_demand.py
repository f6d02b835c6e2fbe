"""Problems and opportunities as of now, with their themes' part read from the theme summary.

A problem's evidence is its own items, everything filed in its themes, and the same of its
symptoms; an opportunity's, the union of its problems' (``storage.demand``). Written as
E = F(T) ∪ D, T the subject's themes and D its items linked by hand, every figure splits
exactly when the themes of T are clean and share no item (``theme_overlap_summary``):

- **pieces**: a piece of one item (not a copy, and copied by none) is its own
  representative, so these add up over disjoint sets. Every other item is *copy-involved*
  (a copy or the original of one: a few per cent), and whether it represents its piece
  depends only on the other copy-involved items of the subject. So pieces per day =
  Σ over T of (the summary's pieces − the theme's own copy-involved representatives)
  + the pieces of Y counted from the raw rows by the subject's rule, where Y is the items
  of D filed in none of T (*unfiled*) plus the copy-involved items of F(T).
- **links**: Σ over T of the theme's links + the unfiled items.
- **accounts**, **end users**: distinct over the themes' summary rows and the unfiled items.
- **money** (``storage.demand_money``): an account's first citation is the earliest over
  its themes' summary rows and its unfiled items; a citation in the churn window is looked
  up among churned accounts' items near their churn date, as for themes.

With a breakdown (a dimension the group summaries are split by: segment, plan, region, a
held attribute key) the same holds per group, a group being the citing account's: pieces
from ``theme_group_day_summary``, links from ``theme_group_reach_summary``, accounts from
the themes' account rows and end users from ``theme_person_account_summary`` (0020), each
read with its account's group, so an end user speaking for accounts of two groups counts
once in each. Money needs nothing more: its (subject, account) citations are grouped by
the account when summed.

A subject with no theme (its links are all its evidence), a dirty theme, or two themes
sharing items is counted from the links, and so is every subject for a day in the past or
an attribute key the summary is not split by (``storage.demand``'s ``linked_*``: the
reference this path is tested against).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from sqlalchemy import (
    CTE,
    CompoundSelect,
    Integer,
    Select,
    and_,
    case,
    cast,
    func,
    literal,
    null,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import Session

from tradeoff.domain.enums import INTERNAL_PROXY_ROLES
from tradeoff.storage import theme_summary
from tradeoff.storage.demand import (
    DayCount,
    DemandQuery,
    ReachCount,
    SubjectKind,
    as_day,
    count_pieces,
    group_column,
    linked_day_counts,
    linked_reach_counts,
    representatives,
    summary_dimension,
)
from tradeoff.storage.demand import day_counts as theme_day_counts
from tradeoff.storage.demand import reach_counts as theme_reach_counts
from tradeoff.storage.tables import (
    AccountRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    OpportunityProblemRow,
    OpportunityRow,
    PersonRow,
    ProblemEvidenceRow,
    ProblemRow,
    ProblemSymptomRow,
    ProblemThemeRow,
    ThemeAccountSummaryRow,
    ThemeDaySummaryRow,
    ThemeGroupDaySummaryRow,
    ThemeGroupReachSummaryRow,
    ThemeReachSummaryRow,
    ThemeSummaryDirtyRow,
)
from tradeoff.storage.tables.theme_summary import (
    ThemeOverlapSummaryRow,
    ThemePersonAccountSummaryRow,
    ThemePersonSummaryRow,
)

Counted = TypeVar("Counted", DayCount, ReachCount)


def split(session: Session, query: DemandQuery) -> tuple[DemandQuery | None, DemandQuery | None]:
    """(through the summary, from the links): the problem or opportunity query cut in two
    by which subjects the summary answers; None for a part with no subject."""
    if not theme_summary.answers_now(session, query.cutoff):
        return None, query
    theme_summary.refresh_if_writing(session)
    # After the refresh, which chooses the attribute keys again.
    if summary_dimension(session, query) == "":
        return None, query
    first, second = subject_themes(query).subquery("a"), subject_themes(query).subquery("b")
    overlap = ThemeOverlapSummaryRow
    dirty = select(first.c.subject_id).where(
        first.c.theme_id.in_(select(ThemeSummaryDirtyRow.theme_id))
    )
    overlapping = (
        select(first.c.subject_id)
        .join(
            second,
            and_(second.c.subject_id == first.c.subject_id, second.c.theme_id > first.c.theme_id),
        )
        .join(
            overlap,
            and_(overlap.theme_id == first.c.theme_id, overlap.other_id == second.c.theme_id),
        )
    )
    # A subject of no theme gains nothing from the summary: the links are its evidence.
    themed = set(session.scalars(select(first.c.subject_id).distinct()))
    themed -= set(session.scalars(union(dirty, overlapping)))
    if not themed:
        return None, query
    every = query.subject_ids
    if every is None:
        table = ProblemRow if query.kind is SubjectKind.PROBLEM else OpportunityRow
        every = tuple(session.scalars(select(table.id).order_by(table.id)))
    fast = tuple(i for i in every if i in themed)
    slow = tuple(i for i in every if i not in themed)
    return (
        replace(query, subject_ids=fast) if fast else None,
        replace(query, subject_ids=slow) if slow else None,
    )


def _sources(query: DemandQuery) -> Any:
    """(subject_id, problem_id): the problems whose own links a subject's evidence unites —
    a problem and its symptoms; an opportunity's problems and their symptoms."""
    symptom = ProblemSymptomRow
    if query.kind is SubjectKind.PROBLEM:
        own: Select[int, int] = select(
            ProblemRow.id.label("subject_id"), ProblemRow.id.label("pid")
        )
        below: Select[int, int] = select(symptom.problem_id, symptom.symptom_id)
        if query.subject_ids is not None:
            own = own.where(ProblemRow.id.in_(query.subject_ids))
            below = below.where(symptom.problem_id.in_(query.subject_ids))
    else:
        addresses = OpportunityProblemRow
        own = select(
            addresses.opportunity_id.label("subject_id"), addresses.problem_id.label("pid")
        )
        below = select(addresses.opportunity_id, symptom.symptom_id).join(
            symptom, symptom.problem_id == addresses.problem_id
        )
        if query.subject_ids is not None:
            own = own.where(addresses.opportunity_id.in_(query.subject_ids))
            below = below.where(addresses.opportunity_id.in_(query.subject_ids))
    return union_all(own, below).subquery("sources")


def subject_themes(query: DemandQuery) -> Select[Any]:
    """(subject_id, theme_id): T, each pair once."""
    return _through_sources(query, ProblemThemeRow.theme_id)


def subject_items(query: DemandQuery) -> Select[Any]:
    """(subject_id, evidence_id): D, the items linked by hand, each pair once."""
    return _through_sources(query, ProblemEvidenceRow.evidence_id)


def _through_sources(query: DemandQuery, linked: Any) -> Select[Any]:
    """(subject_id, ``linked``) over a link table of problems, each pair once."""
    sources, table = _sources(query), linked.class_
    return (
        select(sources.c.subject_id, linked)
        .join(table, table.problem_id == sources.c.pid)
        .distinct()
    )


def unfiled(direct: Any, themes: Any) -> CompoundSelect[Any]:
    """(subject_id, evidence_id) of D filed in none of the subject's themes."""
    link = EvidenceThemeRow
    filed = (
        select(direct.c.subject_id, direct.c.evidence_id)
        .join(link, link.evidence_id == direct.c.evidence_id)
        .join(
            themes,
            and_(themes.c.subject_id == direct.c.subject_id, themes.c.theme_id == unindexed(link)),
        )
    )
    return select(direct.c.subject_id, direct.c.evidence_id).except_(filed)


def unindexed(link: type[EvidenceThemeRow]) -> Any:
    """A link's theme_id that SQLite will not walk the theme index by ("+ 0"): these
    statements reach a few links by their item, never every link of a theme."""
    return link.theme_id + 0


def _copy_involved() -> CompoundSelect[Any]:
    """Every item that is a copy or the original of one."""
    item = EvidenceItemRow
    copies = item.duplicate_of_id.is_not(None)
    return union(select(item.id).where(copies), select(item.duplicate_of_id).where(copies))


def parts(query: DemandQuery) -> tuple[CTE, CTE]:
    """(subject_id, theme_id) of T and (subject_id, evidence_id) of the unfiled part of D,
    each computed once per statement."""
    themes = subject_themes(query).cte("subject_themes")
    direct = subject_items(query).subquery("direct")
    return themes, unfiled(direct, themes).cte("unfiled")


def day_counts(session: Session, query: DemandQuery) -> list[DayCount]:
    """``storage.demand.day_counts`` for every kind of subject: problems and opportunities
    through the theme summary where it answers."""
    if query.kind is SubjectKind.THEME:
        return theme_day_counts(session, query)
    return _either(session, query, _summary_days, linked_day_counts)


def reach_counts(session: Session, query: DemandQuery) -> list[ReachCount]:
    """``storage.demand.reach_counts`` for every kind of subject, as ``day_counts``."""
    if query.kind is SubjectKind.THEME:
        return theme_reach_counts(session, query)
    return _either(session, query, _summary_reach, linked_reach_counts)


def _either(
    session: Session,
    query: DemandQuery,
    summary: Callable[[Session, DemandQuery], list[Counted]],
    linked: Callable[[Session, DemandQuery], list[Counted]],
) -> list[Counted]:
    fast, slow = split(session, query)
    found = summary(session, fast) if fast is not None else []
    return found + (linked(session, slow) if slow is not None else [])


def _summary_days(session: Session, query: DemandQuery) -> list[DayCount]:
    counted = summary_day_rows(session, query)
    grouped = query.by is not None
    found = []
    for row in session.execute(counted):
        day, items, observed, proxy = row[-4:]
        group = row[1] if grouped else None
        found.append(DayCount(row[0], group, as_day(day), int(items), int(observed), int(proxy)))
    return found


def summary_day_rows(session: Session, query: DemandQuery) -> Select[Any]:
    """subject_id, day, items, observed, proxy of subjects the summary answers (days with
    pieces only); with a breakdown, grp after subject_id (the group summary's rows for
    the theme part)."""
    themes, alone = parts(query)
    link = EvidenceThemeRow
    involved = _copy_involved().subquery("copy_involved")
    # The themes' own copy-involved representatives, to take out of their summary rows.
    theme_links = (
        select(link.theme_id.label("subject_id"), link.evidence_id)
        .join(involved, involved.c.id == link.evidence_id)
        .where(unindexed(link).in_(select(themes.c.theme_id)))
        .subquery("theme_copies")
    )
    in_themes = count_pieces(
        representatives(session, replace(query, kind=SubjectKind.THEME), theme_links)
    ).subquery("theme_pieces")
    # Y: the unfiled items, and the copy-involved items of the themes.
    y_links = union(
        select(alone.c.subject_id, alone.c.evidence_id),
        select(themes.c.subject_id, link.evidence_id)
        .select_from(involved)
        .join(link, link.evidence_id == involved.c.id)
        .join(themes, themes.c.theme_id == unindexed(link)),
    ).subquery("y_links")
    y_pieces = count_pieces(representatives(session, query, y_links)).subquery("y_pieces")
    grouped = query.by is not None

    def grp(columns: Any) -> list[Any]:
        """The group column of a summary row or of a subquery's columns, with a breakdown."""
        return [columns.grp] if grouped else []

    if grouped:
        assert query.by is not None
        day: Any = ThemeGroupDaySummaryRow
        theme_days = (
            select(themes.c.subject_id, *grp(day), day.day, day.items, day.observed, day.proxy)
            .join(day, day.theme_id == themes.c.theme_id)
            .where(day.dimension == query.by.label)
        )
    else:
        day = ThemeDaySummaryRow
        theme_days = select(themes.c.subject_id, day.day, day.items, day.observed, day.proxy).join(
            day, day.theme_id == themes.c.theme_id
        )
    rows = union_all(
        theme_days,
        select(
            themes.c.subject_id,
            *grp(in_themes.c),
            in_themes.c.day,
            -in_themes.c["items"],
            -in_themes.c.observed,
            -in_themes.c.proxy,
        ).join(in_themes, in_themes.c.subject_id == themes.c.theme_id),
        select(
            y_pieces.c.subject_id,
            *grp(y_pieces.c),
            y_pieces.c.day,
            y_pieces.c["items"],
            y_pieces.c.observed,
            y_pieces.c.proxy,
        ),
    ).subquery("parts")
    items = func.sum(rows.c["items"])
    keys = [rows.c.subject_id, *grp(rows.c), rows.c.day]
    return (
        select(
            *keys,
            items.label("items"),
            func.sum(rows.c.observed).label("observed"),
            func.sum(rows.c.proxy).label("proxy"),
        )
        .group_by(*keys)
        .having(items > 0)
    )


def _summary_reach(session: Session, query: DemandQuery) -> list[ReachCount]:
    """Links, distinct accounts and end users per subject (and group, with a breakdown):
    links from the themes' reach rows, accounts and end users distinct over the themes'
    account and person rows, and the unfiled items' own. A group is the citing account's:
    with a breakdown, accounts and end users are read with their account's group."""
    themes, alone = parts(query)
    item, accounts = EvidenceItemRow, ThemeAccountSummaryRow
    end_user = case((PersonRow.role.not_in(INTERNAL_PROXY_ROLES), item.person_id))
    nothing = cast(null(), Integer)  # PostgreSQL would read an untyped NULL as text
    by = query.by

    def part(links: Any, account: Any, person: Any) -> Select[Any]:
        return select(
            themes.c.subject_id,
            links.label("links"),
            account.label("account_id"),
            person.label("person_id"),
        ).select_from(themes)

    unfiled = (
        select(alone.c.subject_id, literal(1), item.account_id, end_user)
        .select_from(alone)
        .join(item, item.id == alone.c.evidence_id)
        .outerjoin(PersonRow, PersonRow.id == item.person_id)
    )
    if by is None:
        reach, people = ThemeReachSummaryRow, ThemePersonSummaryRow
        parts_: list[Select[Any]] = [
            part(reach.links, nothing, nothing).join(reach, reach.theme_id == themes.c.theme_id),
            part(literal(0), accounts.account_id, nothing).join(
                accounts, accounts.theme_id == themes.c.theme_id
            ),
            part(literal(0), nothing, people.person_id).join(
                people, people.theme_id == themes.c.theme_id
            ),
            # One row per unfiled item: its link, account and speaker at once.
            unfiled,
        ]
    else:
        group = group_column(query, AccountRow)
        reach_g, people_g = ThemeGroupReachSummaryRow, ThemePersonAccountSummaryRow
        parts_ = [
            part(reach_g.links, nothing, nothing)
            .add_columns(reach_g.grp.label("grp"))
            .join(reach_g, reach_g.theme_id == themes.c.theme_id)
            .where(reach_g.dimension == by.label),
            part(literal(0), accounts.account_id, nothing)
            .add_columns(group)
            .join(accounts, accounts.theme_id == themes.c.theme_id)
            .join(AccountRow, AccountRow.id == accounts.account_id),
            part(literal(0), nothing, people_g.person_id)
            .add_columns(group)
            .join(people_g, people_g.theme_id == themes.c.theme_id)
            .outerjoin(AccountRow, AccountRow.id == people_g.account_id),
            unfiled.add_columns(group).outerjoin(AccountRow, AccountRow.id == item.account_id),
        ]
    rows = union_all(*parts_).subquery("parts")
    keys = [rows.c.subject_id, *([rows.c.grp] if by is not None else [])]
    counted = select(
        *keys,
        func.sum(rows.c.links),
        func.count(rows.c.account_id.distinct()),
        func.count(rows.c.person_id.distinct()),
    ).group_by(*keys)
    return [
        ReachCount(row[0], row[1] if by is not None else None, *(int(v) for v in row[-3:]))
        for row in session.execute(counted)
    ]
