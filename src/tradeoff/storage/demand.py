"""Demand weighted by the business, as SQL aggregates: reach per day, distinct accounts and
end users, and money per currency, for themes, problems and opportunities.

Every figure is a GROUP BY in the database; Python only receives per-day (per-month for
problems and opportunities with no breakdown: ``storage.subject_filed``) and per-currency
sums (``analysis.business.demand`` converts, decays and dates them). Definitions:

- **subject → evidence**: a theme's evidence is every item filed under it while it is
  active (``theme_profile``'s *links*). A problem's is the evidence linked to it and to the
  problems that are its symptoms (one level); an opportunity's, the union of its problems'.
  Evidence recorded after the ``as_of`` day is left out: it was not known yet.
- **items / observed / proxy** count *pieces*, exactly as ``theme_profile`` does: a copy
  (``duplicate_of_id``) is one piece with its original, read through one representative —
  the original when it is linked to the subject, else the lowest-id copy. Proxy = relayed,
  or said by one of our own people (sales, CSM, support, executive).
- **accounts**: distinct accounts with evidence linked to the subject: the *citing* accounts.
  **end users**: distinct speakers who are not our own people.
- **arr**: ARR of citing accounts that were paying customers on the ``as_of`` day (each
  account once): customers now, and churned accounts whose churn date falls after that
  day (``demand_money.paying_on``); one that churned on the day itself is churned.
- **pipeline**: amounts of open deals whose account cites the subject, or, for a deal with
  no account, whose own imported notes (``<deal id>:description`` / ``:loss_reason``) do;
  a deal created after the ``as_of`` day is left out, like later evidence.
- **lost**: amounts of lost deals cited the same way, where the first citation came before
  the close or at most ``lost_after_close_days`` calendar days after it (a loss debrief is
  often filed a few days late; the importer dates the loss-reason note at the close). A
  lost deal with no close date counts when cited at all: it cannot be placed in time. One
  closed after the ``as_of`` day is left out: it was not lost yet.
- **churned**: ARR of churned accounts with a citation in the ``churn_window_days``
  calendar days before their churn date, the churn day included (a complaint on the day
  an account left counts), the churn on or before the ``as_of`` day. A churned
  account with no churn date cannot be placed in time and is left out.
- **renewals_90 / renewals_180**: ARR of citing accounts paying on the ``as_of`` day (as
  for arr) whose ``renewal_on`` falls from ``as_of`` to ``as_of`` + 90 / 180 days, both
  ends included (the 180 include the 90).
  Windows are counted in calendar days (UTC, ``storage.calendar_days``): a close or churn
  date is a date, so the hour of a ticket never decides whether it falls inside.

Money sums are per currency; ``records`` counts the accounts or deals behind a sum and
``priced`` those with an amount (a deal with no amount is counted, never summed as zero).
Every money figure is one ``figure_rows`` query, used both for the sum and for the list
behind it (``figure_members``), so a total and its list cannot disagree.

Themes as of now (the ``as_of`` day on or after the last evidence day, the usual question)
are read from ``storage.theme_summary``: pieces per day, reach, and citing accounts with
their first citation, a few narrow rows per theme instead of every link; problems and
opportunities of clean themes read their themes' part from it too (``storage.subject_demand``,
whose ``day_counts`` and ``reach_counts`` take every kind of subject). The ``linked_*``
queries count from the links: for a day in the past, for a breakdown by an account
attribute the summary is not split by (one with many values: ``theme_summary``) or one in
bands (``Breakdown.bands``: the summary's rows hold values, and end users do not add up over
the values of a band), for any breakdown of problems and opportunities, and for themes the
summary has not caught up with (dirty); they are also the reference the summary is tested
against.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    String,
    Subquery,
    and_,
    case,
    cast,
    func,
    null,
    or_,
    select,
    union,
)
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from tradeoff.domain.enums import (
    INTERNAL_PROXY_ROLES,
    AccountLifecycle,
    EvidenceMode,
    ThemeStatus,
)
from tradeoff.errors import InputError
from tradeoff.storage import theme_summary
from tradeoff.storage.attribute_bands import Band, band_of
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
    ThemeRow,
)
from tradeoff.storage.theme_summary import day_of as day_of  # re-exported

IdColumn = ColumnElement[int] | InstrumentedAttribute[int]
LOST_AFTER_CLOSE_DAYS = 30
RENEWAL_HORIZONS = (90, 180)
#: Deal notes an importer files as evidence: ``<deal external id>:<part>``.
DEAL_NOTE_PARTS = ("description", "loss_reason")


class SubjectKind(StrEnum):
    THEME = "theme"
    PROBLEM = "problem"
    OPPORTUNITY = "opportunity"


class Figure(StrEnum):
    """A figure that can be opened to the records behind it."""

    EVIDENCE = "evidence"
    ACCOUNTS = "accounts"
    USERS = "users"
    ARR = "arr"
    PIPELINE = "pipeline"
    LOST = "lost"
    CHURNED = "churned"
    RENEWALS_90 = "renewals_90"
    RENEWALS_180 = "renewals_180"


MONEY_FIGURES = (
    Figure.ARR,
    Figure.PIPELINE,
    Figure.LOST,
    Figure.CHURNED,
    Figure.RENEWALS_90,
    Figure.RENEWALS_180,
)
DIMENSIONS = ("segment", "plan", "region")
#: Account columns that hold a measure, not a category: grouped like an attribute key that
#: holds numbers (in bands past ``MAX_CATEGORIES`` values), never kept or summarised. A
#: CRM's employee count lands here, not among the attributes (Salesforce's Employees).
MEASURES = ("employees",)
#: What ``--by`` takes besides ``attribute:KEY``, as the refusals name it.
FIELDS = (*DIMENSIONS, *MEASURES)


@dataclass(frozen=True)
class Breakdown:
    """What figures are broken down by: an account column, or one key of its attributes.

    ``bands``: for a key or column that holds a measure (seats, revenue, employees), its
    bands lowest first (``analysis.business.attribute_numbers.bands``, drawn over every
    account); empty for one read value by value. A banded breakdown groups by the band in
    SQL, so every figure — end users above all, who are not additive over groups — is
    counted per band, not summed from the values' groups.
    """

    dimension: str
    key: str | None = None
    bands: tuple[Band, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Breakdown:
        """``segment``, ``plan``, ``region``, ``employees`` or ``attribute:KEY``; anything
        else is refused."""
        name, _, key = text.strip().partition(":")
        if name in FIELDS and not key:
            return cls(name)
        if name == "attribute" and key.strip():
            return cls("attribute", key.strip())
        raise InputError(f"cannot break down by {text!r}: use {', '.join(FIELDS)} or attribute:KEY")

    @property
    def label(self) -> str:
        return f"attribute:{self.key}" if self.key is not None else self.dimension

    @property
    def measure(self) -> bool:
        """Whether its values may be numbers to put in bands: an attribute key or a measure."""
        return self.key is not None or self.dimension in MEASURES

    def value(self, account: type[AccountRow] | Any) -> ColumnElement[Any]:
        """The account's value, before any band: text, as an attribute's is, so a measure's
        bands are drawn and matched as an attribute's are (``attribute_bands``)."""
        if self.key is not None:
            return theme_summary.attribute_value(account, self.key)
        column: ColumnElement[Any] = getattr(account, self.dimension)
        return cast(column, String) if self.dimension in MEASURES else column

    def of(self, account: type[AccountRow] | Any) -> ColumnElement[Any]:
        value = self.value(account)
        return band_of(value, self.bands) if self.bands else value


def churned_by(cutoff: datetime, lifecycle: Any, churned_at: Any) -> ColumnElement[bool]:
    """The account had churned by ``cutoff`` (the end of the as-of day): its churn date
    falls on or before that day (the churn day itself counts as churned). One with no churn
    date cannot be placed in time and is neither churned by the day nor paying on it."""
    return and_(lifecycle == AccountLifecycle.CHURNED, churned_at < cutoff)


def paying_on(cutoff: datetime, lifecycle: Any, churned_at: Any) -> ColumnElement[bool]:
    """The account was a paying customer on the as-of day (the day ``cutoff`` ends): a
    customer now, or one that churned only after that day (it still paid then, and its
    renewal was still at stake), so ``--as-of`` in the past does not drop an account for
    what had not happened yet. ARR and renewals read this, and so does the workspace's
    ARR an opportunity's reach is a share of; churned reads ``churned_by``, never both for
    one day. For
    example, an account churned on 2026-07-15 pays as of 2026-07-14 and has churned as of
    2026-07-15."""
    return or_(
        lifecycle == AccountLifecycle.CUSTOMER,
        and_(lifecycle == AccountLifecycle.CHURNED, churned_at >= cutoff),
    )


def check_breakdown(session: Session, by: Breakdown | None) -> None:
    """An attribute key no account has would put every figure under "(none)", which reads
    as an answer: refuse it in one line, naming the keys there are and the accounts' own
    fields (a key the theme summary is split by is known without reading the accounts). A
    key that names one of those fields ("Employees": a CRM's column the importer keeps as
    the account's own field) is pointed to it."""
    if by is None or by.key is None or by.key in theme_summary.attribute_keys(session):
        return
    keys: set[str] = set()
    held = select(AccountRow.attributes).where(AccountRow.attributes.is_not(None))
    for (attributes,) in session.execute(held):
        keys.update(attributes or {})
    if by.key in keys:
        return
    near = [k for k in sorted(keys) if k.casefold() == by.key.casefold()]
    field = _field_named(by.key)
    if near:
        hint = f"did you mean attribute:{near[0]}? "
    elif field is not None:
        hint = f"{field} is the accounts' own field: use --by {field}; "
    else:
        hint = ""
    known = ", ".join(sorted(keys)[:20]) or "none"
    raise InputError(
        f"no account has the attribute {by.key!r}: {hint}the accounts' attributes: {known}; "
        f"their own fields: {', '.join(FIELDS)}"
    )


def _field_named(key: str) -> str | None:
    """The account field an attribute key names, spelt as CRMs do ("Employees",
    "NumberOfEmployees", "Number of Employees", "Segment")."""
    folded = "".join(c for c in key.casefold() if c.isalnum())
    return next((f for f in FIELDS if folded in (f, f"numberof{f}")), None)


@dataclass(frozen=True)
class DemandQuery:
    """The parameters every aggregate shares."""

    kind: SubjectKind
    as_of: date
    by: Breakdown | None = None
    subject_ids: tuple[int, ...] | None = None
    churn_window_days: int = 90
    lost_after_close_days: int = LOST_AFTER_CLOSE_DAYS

    @property
    def cutoff(self) -> datetime:
        """The first moment after the ``as_of`` day (UTC): later evidence is left out."""
        return day_cutoff(self.as_of)


def month_of(day: date) -> str:
    """A day's calendar month as demand and theme trends label it: ``2026-11``."""
    return f"{day.year:04d}-{day.month:02d}"


def still_filling(day: date, period_of: Callable[[date], str]) -> str | None:
    """``day``'s period (``period_of``: its month or quarter label) while days of it remain
    after ``day``: its figures are still coming in, so a fall against the period before may
    be only the days not lived. One rule for demand's trends and a theme's."""
    return period_of(day) if period_of(day + timedelta(days=1)) == period_of(day) else None


def day_cutoff(day: date) -> datetime:
    """The first moment after ``day`` (UTC): what is dated at or after it is not known yet."""
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC)


class DayCount(NamedTuple):
    """A tuple, not a dataclass: a problem query returns a hundred thousand of them."""

    subject_id: int
    group: str | None
    day: date
    items: int
    observed: int
    proxy: int


class MonthCount(NamedTuple):
    """Pieces of one subject, group and month (``month``: its first day), with the first
    and last day seen and the decayed count in units of ``demand_time.WEIGHT_SCALE``: all
    that demand reads of the days, a few rows a subject instead of one a day."""

    subject_id: int
    group: str | None
    month: date
    items: int
    observed: int
    proxy: int
    first: date
    last: date
    weighted: int


class ReachCount(NamedTuple):
    subject_id: int
    group: str | None
    links: int
    accounts: int
    end_users: int


class MoneySum(NamedTuple):
    """A tuple, not a dataclass: problems by segment read tens of thousands of them."""

    figure: Figure
    subject_id: int
    group: str | None
    currency: str | None
    amount: Decimal | None
    records: int
    priced: int


@dataclass(frozen=True)
class Member:
    """One record behind a figure: an evidence item, account, person or deal."""

    id: int
    label: str
    amount: Decimal | None
    currency: str | None
    on: date | None
    group: str | None
    #: Where it came from and its id there ("hubspot", "90017"), to find it in that system.
    source: str | None = None
    external_id: str | None = None
    #: The account a deal or an evidence item belongs to (an account is its own label).
    account: str | None = None


def subjects(
    session: Session, kind: SubjectKind, ids: Sequence[int] | None = None
) -> dict[int, str]:
    """Id → name of every subject of the kind, in id order: active top-level themes (a
    sub-theme only when asked for by id: it repeats its theme's accounts under a finer name)."""
    query: Select[int, str]
    if kind is SubjectKind.THEME:
        query = select(ThemeRow.id, ThemeRow.name).where(ThemeRow.status == ThemeStatus.ACTIVE)
        if ids is None:
            query = query.where(ThemeRow.parent_id.is_(None))
    elif kind is SubjectKind.PROBLEM:
        query = select(ProblemRow.id, ProblemRow.statement)
    else:
        query = select(OpportunityRow.id, OpportunityRow.title)
    id_column = query.selected_columns[0]
    if ids is not None:
        query = query.where(id_column.in_(ids))
    return {row[0]: row[1] for row in session.execute(query.order_by(id_column))}


def subject_links(query: DemandQuery, name: str = "links") -> Subquery:
    """(subject_id, evidence_id), each pair once."""
    if query.kind is SubjectKind.THEME:
        # "+ 0": see theme_profile._pieces (SQLite would walk the theme_id index instead).
        themes = (
            select(
                (EvidenceThemeRow.theme_id + 0).label("subject_id"), EvidenceThemeRow.evidence_id
            )
            .join(ThemeRow, ThemeRow.id == EvidenceThemeRow.theme_id)
            .where(ThemeRow.status == ThemeStatus.ACTIVE)
        )
        if query.subject_ids is not None:
            themes = themes.where(EvidenceThemeRow.theme_id.in_(query.subject_ids))
        else:
            themes = themes.where(ThemeRow.parent_id.is_(None))
        return themes.subquery(name)
    if query.kind is SubjectKind.PROBLEM:
        return _problem_links(query.subject_ids).subquery(name)
    addresses = OpportunityProblemRow
    chosen = None
    if query.subject_ids is not None:
        chosen = select(addresses.problem_id).where(addresses.opportunity_id.in_(query.subject_ids))
    inner = _problem_links(chosen).subquery("problem_links")
    links = (
        select(addresses.opportunity_id.label("subject_id"), inner.c.evidence_id)
        .join(inner, inner.c.subject_id == addresses.problem_id)
        .distinct()
    )
    if query.subject_ids is not None:
        links = links.where(addresses.opportunity_id.in_(query.subject_ids))
    return links.subquery(name)


def _problem_links(ids: tuple[int, ...] | Select[Any] | None) -> CompoundSelect[int, int]:
    """A problem's evidence: its own items, everything filed in its themes, and the same of
    each of its symptoms; of the problems ``ids`` (a tuple or a select of ids) only, when
    given."""
    if ids is None:
        direct = _direct(None)
        own = select(direct.c.problem_id.label("subject_id"), direct.c.evidence_id)
        symptoms = select(
            ProblemSymptomRow.problem_id.label("subject_id"), direct.c.evidence_id
        ).join(direct, direct.c.problem_id == ProblemSymptomRow.symptom_id)
        return union(own, symptoms)
    mine = _direct(ids)
    own = select(mine.c.problem_id.label("subject_id"), mine.c.evidence_id)
    below = _direct(
        select(ProblemSymptomRow.symptom_id).where(ProblemSymptomRow.problem_id.in_(ids))
    )
    symptoms = (
        select(ProblemSymptomRow.problem_id.label("subject_id"), below.c.evidence_id)
        .join(below, below.c.problem_id == ProblemSymptomRow.symptom_id)
        .where(ProblemSymptomRow.problem_id.in_(ids))
    )
    return union(own, symptoms)


def _direct(ids: tuple[int, ...] | Select[Any] | None, name: str = "direct") -> Subquery:
    """(problem_id, evidence_id): problems' own items and their themes' filed items, of
    ``ids`` only when given. Each branch is filtered itself: SQLite does not push a filter
    into a UNION, so filtering the union read every problem's filed items first (95 s for
    400 problems once 100 others were linked to themes of a million items)."""
    own = select(ProblemEvidenceRow.problem_id, ProblemEvidenceRow.evidence_id)
    filed = select(ProblemThemeRow.problem_id, EvidenceThemeRow.evidence_id).join(
        EvidenceThemeRow, EvidenceThemeRow.theme_id == ProblemThemeRow.theme_id
    )
    if ids is not None:
        own = own.where(ProblemEvidenceRow.problem_id.in_(ids))
        filed = filed.where(ProblemThemeRow.problem_id.in_(ids))
    return union(own, filed).subquery(name)


def group_column(query: DemandQuery, account: Any) -> ColumnElement[Any]:
    return (query.by.of(account) if query.by is not None else null()).label("grp")


def _proxy() -> ColumnElement[int]:
    return case(
        (
            or_(
                EvidenceItemRow.relayed_by_id.is_not(None),
                PersonRow.role.in_(INTERNAL_PROXY_ROLES),
            ),
            1,
        ),
        else_=0,
    )


def theme_ids(session: Session, query: DemandQuery) -> list[int]:
    """The themes a theme query asks about: active ones, top-level unless named by id."""
    themes = select(ThemeRow.id).where(ThemeRow.status == ThemeStatus.ACTIVE)
    if query.subject_ids is None:
        themes = themes.where(ThemeRow.parent_id.is_(None))
    else:
        themes = themes.where(ThemeRow.id.in_(query.subject_ids))
    return list(session.scalars(themes))


def summarised(session: Session, query: DemandQuery) -> bool:
    """The theme summary answers the query: themes, as of now (``storage.theme_summary``)."""
    if query.kind is not SubjectKind.THEME or not theme_summary.answers_now(session, query.cutoff):
        return False
    theme_summary.refresh_if_writing(session)
    return True


def summary_dimension(session: Session, query: DemandQuery) -> str | None:
    """The split of the summary this breakdown reads (None: no breakdown; "": one it is not
    split by, such as an attribute key with too many values, counted from the links)."""
    if query.by is None:
        return None
    return query.by.label if summary_split_by(session, query.by) else ""


def summary_split_by(session: Session, by: Breakdown) -> bool:
    """The theme summary's group rows are split by ``by`` (an attribute key only while it
    has few enough values, and never in bands: its rows hold each value, and end users
    cannot be added up over the values of a band)."""
    if by.bands:
        return False
    if by.key is None:
        return by.dimension in theme_summary.GROUPS
    return by.key in theme_summary.attribute_keys(session)


def day_counts(session: Session, query: DemandQuery) -> list[DayCount]:
    """Pieces per subject, group and UTC day, with how many are observed and by proxy: read
    from the theme summary when it answers the query, else from the links."""

    def read(clean: list[int], dimension: str | None) -> list[DayCount]:
        rows = theme_summary.demand_days(session, clean, dimension)
        return [DayCount(t, g, as_day(d), i, o, p) for t, g, d, i, o, p in rows]

    return _through_summary(session, query, read, linked_day_counts)


Counted = TypeVar("Counted", DayCount, ReachCount)


def _through_summary(
    session: Session,
    query: DemandQuery,
    read: Callable[[list[int], str | None], list[Counted]],
    linked: Callable[[Session, DemandQuery], list[Counted]],
) -> list[Counted]:
    """Clean themes' rows from the summary and dirty themes' from their links, when the
    summary answers the query; everything from the links otherwise."""
    if not summarised(session, query):
        return linked(session, query)
    # After ``summarised``: a session that writes has refreshed, choosing the keys again.
    dimension = summary_dimension(session, query)
    if dimension == "":
        return linked(session, query)
    clean, dirty = theme_summary.split(session, theme_ids(session, query))
    found = read(clean, dimension)
    if dirty:
        found += linked(session, replace(query, subject_ids=tuple(dirty)))
    return found


def linked_day_counts(session: Session, query: DemandQuery) -> list[DayCount]:
    """``day_counts`` counted from the links, at any ``as_of`` (the reference)."""
    counted = count_pieces(representatives(session, query, subject_links(query)))
    return [
        DayCount(s, g, as_day(d), i, o, int(p)) for s, g, d, i, o, p in session.execute(counted)
    ]


def representatives(session: Session, query: DemandQuery, links: Any) -> Subquery:
    """subject_id, grp, day, mode, proxy of the pieces' representatives among ``links``
    (subject_id, evidence_id), by the rule of ``query.kind``'s subjects.

    One pass over the links: an original is its piece's representative outright; only for
    a copy (rare) are the original and the lower copies looked up, by their indexes.
    """
    item = EvidenceItemRow
    pieces = (
        select(
            links.c.subject_id,
            group_column(query, AccountRow),
            day_of(session, item.created_at).label("day"),
            item.mode,
            _proxy().label("proxy"),
        )
        .select_from(links)
        .join(item, item.id == links.c.evidence_id)
        .outerjoin(PersonRow, PersonRow.id == item.person_id)
        .where(item.created_at < query.cutoff)
        .where(or_(item.duplicate_of_id.is_(None), represents(query, links.c.subject_id)))
    )
    if query.by is not None:
        pieces = pieces.outerjoin(AccountRow, AccountRow.id == item.account_id)
    return pieces.subquery("pieces")


def count_pieces(pieces: Subquery) -> Select[Any]:
    """subject_id, grp, day, items, observed, proxy of ``representatives``."""
    return select(
        pieces.c.subject_id,
        pieces.c.grp,
        pieces.c.day,
        func.count().label("items"),
        func.count(case((pieces.c.mode == EvidenceMode.OBSERVED, 1))).label("observed"),
        func.coalesce(func.sum(pieces.c.proxy), 0).label("proxy"),
    ).group_by(pieces.c.subject_id, pieces.c.grp, pieces.c.day)


def represents(query: DemandQuery, subject_id: ColumnElement[int]) -> ColumnElement[bool]:
    """The (copy) item represents its piece in the subject: its original is not linked to
    the subject, and no lower-id copy of the same original is."""
    item = EvidenceItemRow
    other = aliased(EvidenceItemRow, name="other_item")
    original_linked = (
        select(other.id)
        .where(
            other.id == item.duplicate_of_id,
            other.created_at < query.cutoff,
            _linked(query.kind, subject_id, other.id),
        )
        .correlate_except(other)
        .exists()
    )
    lower_copy_linked = (
        select(other.id)
        .where(
            other.duplicate_of_id == item.duplicate_of_id,
            other.id < item.id,
            other.created_at < query.cutoff,
            _linked(query.kind, subject_id, other.id),
        )
        .correlate_except(other)
        .exists()
    )
    return and_(~original_linked, ~lower_copy_linked)


def _linked(kind: SubjectKind, subject_id: IdColumn, evidence_id: IdColumn) -> ColumnElement[bool]:
    """The evidence is linked to the subject (as ``subject_links`` defines it), by primary
    keys only, so it costs a few index lookups per copy."""
    if kind is SubjectKind.THEME:
        filed = aliased(EvidenceThemeRow, name="filed")
        return (
            select(filed.evidence_id)
            .where(filed.evidence_id == evidence_id, filed.theme_id == subject_id)
            .correlate_except(filed)
            .exists()
        )
    if kind is SubjectKind.PROBLEM:
        return _problem_linked(subject_id, evidence_id)
    addresses = aliased(OpportunityProblemRow, name="addresses")
    return (
        select(addresses.problem_id)
        .where(
            addresses.opportunity_id == subject_id,
            _problem_linked(addresses.problem_id, evidence_id),
        )
        .correlate_except(addresses)
        .exists()
    )


def _problem_linked(problem_id: IdColumn, evidence_id: IdColumn) -> ColumnElement[bool]:
    symptom = aliased(ProblemSymptomRow, name="symptom")
    return or_(
        _directly_linked(problem_id, evidence_id),
        select(symptom.symptom_id)
        .where(
            symptom.problem_id == problem_id,
            _directly_linked(symptom.symptom_id, evidence_id),
        )
        .correlate_except(symptom)
        .exists(),
    )


def _directly_linked(problem_id: Any, evidence_id: IdColumn) -> ColumnElement[bool]:
    """Linked to the problem itself: by hand, or filed in one of its themes."""
    own = aliased(ProblemEvidenceRow, name="own")
    linked_theme = aliased(ProblemThemeRow, name="linked_theme")
    filed = aliased(EvidenceThemeRow, name="filed_in")
    return or_(
        select(own.evidence_id)
        .where(own.problem_id == problem_id, own.evidence_id == evidence_id)
        .correlate_except(own)
        .exists(),
        select(filed.evidence_id)
        .join(linked_theme, linked_theme.theme_id == filed.theme_id)
        .where(linked_theme.problem_id == problem_id, filed.evidence_id == evidence_id)
        .correlate_except(filed, linked_theme)
        .exists(),
    )


def reach_counts(session: Session, query: DemandQuery) -> list[ReachCount]:
    """Links, distinct citing accounts and distinct end users per subject and group: from
    the theme summary when it answers the query, else from the links."""

    def read(clean: list[int], dimension: str | None) -> list[ReachCount]:
        rows = theme_summary.demand_reach(session, clean, dimension)
        return [ReachCount(r.theme_id, r.grp, r.links, r.accounts, r.end_users) for r in rows]

    return _through_summary(session, query, read, linked_reach_counts)


def linked_reach_counts(session: Session, query: DemandQuery) -> list[ReachCount]:
    """``reach_counts`` counted from the links, at any ``as_of`` (the reference)."""
    links = subject_links(query)
    item = EvidenceItemRow
    end_user = case((PersonRow.role.not_in(INTERNAL_PROXY_ROLES), item.person_id))
    group = group_column(query, AccountRow)
    counted = (
        select(
            links.c.subject_id,
            group,
            func.count().label("links"),
            func.count(item.account_id.distinct()).label("accounts"),
            func.count(end_user.distinct()).label("end_users"),
        )
        .select_from(links)
        .join(item, item.id == links.c.evidence_id)
        .outerjoin(PersonRow, PersonRow.id == item.person_id)
        .where(item.created_at < query.cutoff)
        .group_by(links.c.subject_id, *([group] if query.by is not None else []))
    )
    if query.by is not None:
        counted = counted.outerjoin(AccountRow, AccountRow.id == item.account_id)
    return [
        ReachCount(r.subject_id, r.grp, r.links, r.accounts, r.end_users)
        for r in session.execute(counted)
    ]


def as_day(value: Any) -> date:
    return value if isinstance(value, date) else _parsed_day(str(value)[:10])


@lru_cache(maxsize=65_536)
def _parsed_day(text: str) -> date:
    """A few thousand distinct days stand behind a hundred thousand summary rows."""
    return date.fromisoformat(text)
