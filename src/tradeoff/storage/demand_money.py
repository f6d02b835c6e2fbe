"""Demand's money figures in SQL: ARR, pipeline, lost, churned and renewals, and the
records behind each (definitions: the ``storage.demand`` docstring).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    Select,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import Session

from tradeoff.domain.enums import (
    INTERNAL_PROXY_ROLES,
    AccountLifecycle,
    DealOutcome,
)
from tradeoff.storage.demand import (
    DEAL_NOTE_PARTS,
    MONEY_FIGURES,
    DemandQuery,
    Figure,
    Member,
    MoneySum,
    group_column,
    subject_links,
)
from tradeoff.storage.tables import (
    AccountRow,
    DealRow,
    EvidenceItemRow,
    PersonRow,
)


def _days_between(session: Session, later: Any, earlier: Any) -> ColumnElement[Any]:
    """Fractional days from ``earlier`` to ``later`` (negative when it is before)."""
    if session.get_bind().dialect.name == "postgresql":
        seconds = func.extract("epoch", later - earlier)
        days_pg: ColumnElement[Any] = seconds / 86400.0
        return days_pg
    days: ColumnElement[Any] = func.julianday(later) - func.julianday(earlier)
    return days


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
                    group_column(query, account),
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
            group_column(query, account),
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
    group = group_column(query, AccountRow)
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
