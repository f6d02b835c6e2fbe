"""Demand weighted by the business, as SQL aggregates: reach per day, distinct accounts and
end users, and money per currency, for themes, problems and opportunities.

Every figure is a GROUP BY in the database; Python only receives per-day and per-currency
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
- **arr**: ARR of citing accounts that are customers now (each account once).
- **pipeline**: amounts of open deals whose account cites the subject, or, for a deal with
  no account, whose own imported notes (``<deal id>:description`` / ``:loss_reason``) do.
- **lost**: amounts of lost deals cited the same way, where the first citation came before
  the close or at most ``lost_after_close_days`` after it (a loss debrief is often filed a
  few days late; the importer dates the loss-reason note at the close). A lost deal with no
  close date counts when cited at all: it cannot be placed in time.
- **churned**: ARR of churned accounts with a citation in the ``churn_window_days`` before
  their churn date (inclusive). A churned account with no churn date cannot be placed in
  time and is left out.
- **renewals_90 / renewals_180**: ARR of citing customers whose ``renewal_on`` falls from
  ``as_of`` to ``as_of`` + 90 / 180 days, both ends included (the 180 include the 90).

Money sums are per currency; ``records`` counts the accounts or deals behind a sum and
``priced`` those with an amount (a deal with no amount is counted, never summed as zero).
Every money figure is one ``_figure_rows`` query, used both for the sum and for the list
behind it (``figure_members``), so a total and its list cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    CompoundSelect,
    Select,
    Subquery,
    and_,
    case,
    func,
    literal,
    null,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from tradeoff.domain.enums import (
    INTERNAL_PROXY_ROLES,
    AccountLifecycle,
    DealOutcome,
    EvidenceMode,
    ThemeStatus,
)
from tradeoff.errors import InputError
from tradeoff.storage.tables import (
    AccountRow,
    DealRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    OpportunityProblemRow,
    OpportunityRow,
    PersonRow,
    ProblemEvidenceRow,
    ProblemRow,
    ProblemSymptomRow,
    ThemeRow,
)

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


@dataclass(frozen=True)
class Breakdown:
    """What figures are broken down by: an account column, or one key of its attributes."""

    dimension: str
    key: str | None = None

    @classmethod
    def parse(cls, text: str) -> Breakdown:
        """``segment``, ``plan``, ``region`` or ``attribute:KEY``; anything else is refused."""
        name, _, key = text.strip().partition(":")
        if name in DIMENSIONS and not key:
            return cls(name)
        if name == "attribute" and key.strip():
            return cls("attribute", key.strip())
        raise InputError(
            f"cannot break down by {text!r}: use segment, plan, region or attribute:KEY"
        )

    @property
    def label(self) -> str:
        return f"attribute:{self.key}" if self.key is not None else self.dimension

    def of(self, account: type[AccountRow] | Any) -> ColumnElement[Any]:
        if self.key is not None:
            value: ColumnElement[Any] = account.attributes[self.key].as_string()
            return value
        column: ColumnElement[Any] = getattr(account, self.dimension)
        return column


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
        return datetime.combine(self.as_of + timedelta(days=1), time(), tzinfo=UTC)


@dataclass(frozen=True)
class DayCount:
    subject_id: int
    group: str | None
    day: date
    items: int
    observed: int
    proxy: int


@dataclass(frozen=True)
class ReachCount:
    subject_id: int
    group: str | None
    links: int
    accounts: int
    end_users: int


@dataclass(frozen=True)
class MoneySum:
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
    problems = _problem_links(query.subject_ids if query.kind is SubjectKind.PROBLEM else None)
    if query.kind is SubjectKind.PROBLEM:
        return problems.subquery(name)
    inner = problems.subquery("problem_links")
    links = (
        select(OpportunityProblemRow.opportunity_id.label("subject_id"), inner.c.evidence_id)
        .join(inner, inner.c.subject_id == OpportunityProblemRow.problem_id)
        .distinct()
    )
    if query.subject_ids is not None:
        links = links.where(OpportunityProblemRow.opportunity_id.in_(query.subject_ids))
    return links.subquery(name)


def _problem_links(ids: tuple[int, ...] | None) -> CompoundSelect[int, int]:
    own = select(ProblemEvidenceRow.problem_id.label("subject_id"), ProblemEvidenceRow.evidence_id)
    symptoms = select(
        ProblemSymptomRow.problem_id.label("subject_id"), ProblemEvidenceRow.evidence_id
    ).join(ProblemEvidenceRow, ProblemEvidenceRow.problem_id == ProblemSymptomRow.symptom_id)
    if ids is not None:
        own = own.where(ProblemEvidenceRow.problem_id.in_(ids))
        symptoms = symptoms.where(ProblemSymptomRow.problem_id.in_(ids))
    return union(own, symptoms)


def _group(query: DemandQuery, account: Any) -> ColumnElement[Any]:
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


def day_counts(session: Session, query: DemandQuery) -> list[DayCount]:
    """Pieces per subject, group and UTC day, with how many are observed and by proxy.

    One pass over the links: an original is its piece's representative outright; only for
    a copy (rare) are the original and the lower copies looked up, by their indexes.
    """
    links = subject_links(query)
    item = EvidenceItemRow
    pieces = (
        select(
            links.c.subject_id,
            _group(query, AccountRow),
            _day_of(session, item.created_at).label("day"),
            item.mode,
            _proxy().label("proxy"),
        )
        .select_from(links)
        .join(item, item.id == links.c.evidence_id)
        .outerjoin(PersonRow, PersonRow.id == item.person_id)
        .where(item.created_at < query.cutoff)
        .where(or_(item.duplicate_of_id.is_(None), _represents(query, links.c.subject_id)))
    )
    if query.by is not None:
        pieces = pieces.outerjoin(AccountRow, AccountRow.id == item.account_id)
    counted_from = pieces.subquery("pieces")
    counted = select(
        counted_from.c.subject_id,
        counted_from.c.grp,
        counted_from.c.day,
        func.count().label("items"),
        func.count(case((counted_from.c.mode == EvidenceMode.OBSERVED, 1))).label("observed"),
        func.coalesce(func.sum(counted_from.c.proxy), 0).label("proxy"),
    ).group_by(counted_from.c.subject_id, counted_from.c.grp, counted_from.c.day)
    return [
        DayCount(r.subject_id, r.grp, _day(r.day), r.items, r.observed, int(r.proxy))
        for r in session.execute(counted)
    ]


def _represents(query: DemandQuery, subject_id: ColumnElement[int]) -> ColumnElement[bool]:
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
    own = aliased(ProblemEvidenceRow, name="own")
    symptom = aliased(ProblemSymptomRow, name="symptom")
    via = aliased(ProblemEvidenceRow, name="via")
    return or_(
        select(own.evidence_id)
        .where(own.problem_id == problem_id, own.evidence_id == evidence_id)
        .correlate_except(own)
        .exists(),
        select(via.evidence_id)
        .join(symptom, symptom.symptom_id == via.problem_id)
        .where(symptom.problem_id == problem_id, via.evidence_id == evidence_id)
        .correlate_except(via, symptom)
        .exists(),
    )


def reach_counts(session: Session, query: DemandQuery) -> list[ReachCount]:
    """Links, distinct citing accounts and distinct end users per subject and group."""
    links = subject_links(query)
    item = EvidenceItemRow
    end_user = case((PersonRow.role.not_in(INTERNAL_PROXY_ROLES), item.person_id))
    group = _group(query, AccountRow)
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


def _days_between(session: Session, later: Any, earlier: Any) -> ColumnElement[Any]:
    """Fractional days from ``earlier`` to ``later`` (negative when it is before)."""
    if session.get_bind().dialect.name == "postgresql":
        seconds = func.extract("epoch", later - earlier)
        days_pg: ColumnElement[Any] = seconds / 86400.0
        return days_pg
    days: ColumnElement[Any] = func.julianday(later) - func.julianday(earlier)
    return days


def _day_of(session: Session, moment: Any) -> ColumnElement[str]:
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", moment), "YYYY-MM-DD")
    return func.date(moment)  # SQLite keeps UTC as naive text


def _citations(session: Session, query: DemandQuery) -> tuple[CTE, CTE]:
    """(subject, account) pairs with the first citation and whether one fell in the churn
    window; (subject, deal) pairs for deals with no account, cited by their own notes."""
    links = subject_links(query)
    item = EvidenceItemRow
    before_churn = _days_between(session, AccountRow.churned_at, item.created_at)
    # The lifecycle test comes first: only churned accounts pay for the date arithmetic.
    in_window = and_(
        AccountRow.lifecycle == AccountLifecycle.CHURNED,
        AccountRow.churned_at.is_not(None),
        before_churn >= 0,
        before_churn <= query.churn_window_days,
    )
    accounts = (
        select(
            links.c.subject_id,
            item.account_id,
            func.min(item.created_at).label("first_cited"),
            func.max(case((in_window, 1), else_=0)).label("before_churn"),
        )
        .select_from(links)
        .join(item, item.id == links.c.evidence_id)
        .join(AccountRow, AccountRow.id == item.account_id)
        .where(item.created_at < query.cutoff)
        .group_by(links.c.subject_id, item.account_id)
        .cte("cited")
    )
    note_ids = [DealRow.external_id + f":{part}" for part in DEAL_NOTE_PARTS]
    # Every subject's links, filtered after the join: given the subjects' ids, SQLite would
    # start from their links and scan the deals for each; few deals have no account, so
    # start from those and reach their notes and links by primary keys.
    every = subject_links(replace(query, subject_ids=None), "note_links")
    deals = (
        select(
            every.c.subject_id,
            DealRow.id.label("deal_id"),
            func.min(item.created_at).label("first_cited"),
        )
        .select_from(DealRow)
        .join(
            item,
            and_(
                # "+ ''": not the deals' source index either.
                item.source == DealRow.source + "",
                or_(*(item.external_id == n for n in note_ids)),
            ),
        )
        .join(every, every.c.evidence_id == item.id)
        .where(DealRow.account_id.is_(None), item.created_at < query.cutoff)
        .group_by(every.c.subject_id, DealRow.id)
    )
    if query.subject_ids is not None:
        deals = deals.where(every.c.subject_id.in_(query.subject_ids))
    return accounts, deals.cte("cited_deals")


def _figure_rows(
    session: Session, query: DemandQuery, figure: Figure, cited: CTE, cited_deals: CTE
) -> Select[Any]:
    """The records behind one money figure: subject_id, grp, id, currency, amount, label, on."""
    account = AccountRow
    if figure in (Figure.PIPELINE, Figure.LOST):
        outcome = DealOutcome.OPEN if figure is Figure.PIPELINE else DealOutcome.LOST

        def deals(source: CTE, *join_on: ColumnElement[bool]) -> Select[Any]:
            rows = (
                select(
                    source.c.subject_id,
                    _group(query, account),
                    DealRow.id,
                    DealRow.currency,
                    DealRow.amount,
                    DealRow.name.label("label"),
                    DealRow.closed_at.label("on"),
                )
                .select_from(source)
                .join(DealRow, and_(*join_on))
                .outerjoin(account, account.id == DealRow.account_id)
                .where(DealRow.outcome == outcome)
            )
            if figure is Figure.LOST:
                after_close = _days_between(session, source.c.first_cited, DealRow.closed_at)
                rows = rows.where(
                    or_(DealRow.closed_at.is_(None), after_close <= query.lost_after_close_days)
                )
            return rows

        by_account = deals(cited, DealRow.account_id == cited.c.account_id)
        by_notes = deals(cited_deals, DealRow.id == cited_deals.c.deal_id)
        return union_all(by_account, by_notes).subquery("rows").select()
    rows = (
        select(
            cited.c.subject_id,
            _group(query, account),
            account.id,
            account.currency,
            account.arr.label("amount"),
            account.name.label("label"),
            (account.churned_at if figure is Figure.CHURNED else account.renewal_on).label("on"),
        )
        .select_from(cited)
        .join(account, account.id == cited.c.account_id)
    )
    if figure is Figure.CHURNED:
        return rows.where(account.lifecycle == AccountLifecycle.CHURNED, cited.c.before_churn == 1)
    rows = rows.where(account.lifecycle == AccountLifecycle.CUSTOMER)
    if figure is Figure.ARR:
        return rows
    horizon = 90 if figure is Figure.RENEWALS_90 else 180
    return rows.where(
        account.renewal_on >= query.as_of,
        account.renewal_on <= query.as_of + timedelta(days=horizon),
    )


def money_sums(session: Session, query: DemandQuery) -> list[MoneySum]:
    """Every money figure per subject, group and currency, in one statement (the citations
    are computed once and shared by every figure)."""
    cited, cited_deals = _citations(session, query)
    parts = []
    for figure in MONEY_FIGURES:
        rows = _figure_rows(session, query, figure, cited, cited_deals).subquery(figure.value)
        parts.append(
            select(
                literal(figure.value).label("figure"),
                rows.c.subject_id,
                rows.c.grp,
                rows.c.currency,
                func.sum(rows.c.amount).label("amount"),
                func.count().label("records"),
                func.count(rows.c.amount).label("priced"),
            ).group_by(rows.c.subject_id, rows.c.grp, rows.c.currency)
        )
    return [
        MoneySum(
            Figure(r.figure),
            r.subject_id,
            r.grp,
            r.currency,
            None if r.amount is None else Decimal(r.amount),
            r.records,
            r.priced,
        )
        for r in session.execute(union_all(*parts))
    ]


def figure_members(session: Session, query: DemandQuery, figure: Figure) -> list[Member]:
    """The records behind one figure of the subjects in ``query.subject_ids``, in id order:
    evidence items (copies included), citing accounts, end users, or the deals and
    accounts behind a money figure."""
    if figure in MONEY_FIGURES:
        cited, cited_deals = _citations(session, query)
        rows = _figure_rows(session, query, figure, cited, cited_deals).subquery("rows")
        found = session.execute(
            select(rows.c.id, rows.c.label, rows.c.amount, rows.c.currency, rows.c.on, rows.c.grp)
            .distinct()
            .order_by(rows.c.id)
        )
        return [
            Member(
                r.id,
                r.label,
                None if r.amount is None else Decimal(r.amount),
                r.currency,
                _as_date(r.on),
                r.grp,
            )
            for r in found
        ]
    links = subject_links(query)
    item = EvidenceItemRow
    base = (
        select(links.c.evidence_id)
        .join(item, item.id == links.c.evidence_id)
        .where(item.created_at < query.cutoff)
        .subquery("filed")
    )
    group = _group(query, AccountRow)
    if figure is Figure.EVIDENCE:
        evidence = session.execute(
            select(item.id, item.text, item.created_at, group)
            .join(base, base.c.evidence_id == item.id)
            .outerjoin(AccountRow, AccountRow.id == item.account_id)
            .order_by(item.id)
        )
        return [
            Member(r.id, _snippet(r.text), None, None, r.created_at.date(), r.grp) for r in evidence
        ]
    if figure is Figure.ACCOUNTS:
        accounts = session.execute(
            select(AccountRow.id, AccountRow.name, AccountRow.arr, AccountRow.currency, group)
            .where(
                AccountRow.id.in_(select(item.account_id).join(base, base.c.evidence_id == item.id))
            )
            .order_by(AccountRow.id)
        )
        return [Member(r.id, r.name, r.arr, r.currency, None, r.grp) for r in accounts]
    speakers = select(item.person_id).join(base, base.c.evidence_id == item.id)
    people = session.execute(
        select(PersonRow.id, PersonRow.name, PersonRow.email, group)
        .outerjoin(AccountRow, AccountRow.id == PersonRow.account_id)
        .where(PersonRow.id.in_(speakers), PersonRow.role.not_in(INTERNAL_PROXY_ROLES))
        .order_by(PersonRow.id)
    )
    return [Member(r.id, r.name or r.email or "unknown", None, None, None, r.grp) for r in people]


def _snippet(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _as_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def currencies_in_use(session: Session) -> set[str]:
    """Every currency an account's ARR or a deal's amount is in: what needs a rate."""
    used = union(
        select(AccountRow.currency).where(AccountRow.currency.is_not(None)),
        select(DealRow.currency).where(DealRow.currency.is_not(None)),
    )
    return {code for (code,) in session.execute(used) if code}
