"""Demand's money figures in SQL: ARR, pipeline, lost, churned and renewals, and the
records behind each (definitions: the ``storage.demand`` docstring).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    CompoundSelect,
    Date,
    Interval,
    Select,
    and_,
    case,
    cast,
    func,
    literal,
    null,
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
from tradeoff.storage import subject_demand, theme_summary
from tradeoff.storage.calendar_days import days_between
from tradeoff.storage.demand import (
    DEAL_NOTE_PARTS,
    MONEY_FIGURES,
    DemandQuery,
    Figure,
    Member,
    MoneySum,
    SubjectKind,
    churned_by,
    group_column,
    paying_on,
    subject_links,
    summarised,
    theme_ids,
)
from tradeoff.storage.loss_reasons import counted_deal
from tradeoff.storage.tables import (
    AccountRow,
    DealRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    PersonRow,
    ThemeAccountSummaryRow,
)


def _in_churn_window(
    session: Session, query: DemandQuery, created: Any = EvidenceItemRow.created_at
) -> ColumnElement[bool]:
    """The evidence item (dated ``created``) was dated in its churned account's window
    before the churn."""
    before_churn = days_between(session, AccountRow.churned_at, created)
    # The lifecycle test comes first: only churned accounts pay for the date arithmetic.
    return and_(
        AccountRow.lifecycle == AccountLifecycle.CHURNED,
        AccountRow.churned_at.is_not(None),
        before_churn >= 0,
        before_churn <= query.churn_window_days,
    )


def _linked_accounts(session: Session, query: DemandQuery) -> Select[Any]:
    """(subject, account, first citation, cited in the churn window), from the links."""
    links = subject_links(query)
    item = EvidenceItemRow
    in_window = _in_churn_window(session, query)
    return (
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
    )


def _near_churn(session: Session, query: DemandQuery) -> tuple[ColumnElement[bool], ...]:
    """A day wider than the churn window, as bounds an index on (account, date) can seek:
    the exact test (``_in_churn_window``) then reads only these items."""
    created, churned = EvidenceItemRow.created_at, AccountRow.churned_at
    before, after = timedelta(days=query.churn_window_days + 1), timedelta(days=1)
    if session.get_bind().dialect.name == "postgresql":
        return (
            created >= churned - literal(before, Interval()),
            created <= churned + literal(after, Interval()),
        )
    # SQLite keeps UTC as text that sorts as it reads.
    return (
        created >= func.datetime(churned, f"-{before.days} days"),
        created <= func.datetime(churned, f"+{after.days} days"),
    )


def _summary_accounts(session: Session, query: DemandQuery) -> Select[Any]:
    """``_linked_accounts`` of themes as of now, from the theme summary. Only the churn
    window needs item dates: those of churned accounts' items, reached by their account."""
    ids = theme_ids(session, query)
    pairs = theme_summary.account_pairs(session, ids).subquery("pairs")
    item, link = EvidenceItemRow, EvidenceThemeRow
    hits = (
        select(link.theme_id, item.account_id)
        .select_from(AccountRow)
        .join(item, item.account_id == AccountRow.id)
        .join(link, link.evidence_id == item.id)
        # "+ 0": start from the churned accounts, not from every link of the themes.
        .where(
            _in_churn_window(session, query),
            *_near_churn(session, query),
            (link.theme_id + 0).in_(ids),
        )
        .distinct()
        .cte("churn_hits")
    )
    return select(
        pairs.c.theme_id.label("subject_id"),
        pairs.c.account_id,
        pairs.c.first_at.label("first_cited"),
        case((hits.c.account_id.is_not(None), 1), else_=0).label("before_churn"),
    ).outerjoin(
        hits, and_(hits.c.theme_id == pairs.c.theme_id, hits.c.account_id == pairs.c.account_id)
    )


def _subject_summary_accounts(session: Session, query: DemandQuery) -> Select[Any]:
    """``_linked_accounts`` of problems or opportunities the theme summary answers
    (``storage.subject_demand``): their themes' citing accounts, their unfiled items' own,
    and the churn window read from churned accounts' items near their churn date."""
    themes, alone = subject_demand.parts(query)
    pairs, item, link = ThemeAccountSummaryRow, EvidenceItemRow, EvidenceThemeRow
    in_window = _in_churn_window(session, query)
    rows = union_all(
        select(
            themes.c.subject_id,
            pairs.account_id,
            pairs.first_at.label("first_at"),
            literal(0).label("in_window"),
        ).join(pairs, pairs.theme_id == themes.c.theme_id),
        select(
            alone.c.subject_id,
            item.account_id,
            item.created_at,
            case((in_window, 1), else_=0),
        )
        .select_from(alone)
        .join(item, item.id == alone.c.evidence_id)
        .join(AccountRow, AccountRow.id == item.account_id),
        select(themes.c.subject_id, item.account_id, item.created_at, literal(1))
        .select_from(AccountRow)
        .join(item, item.account_id == AccountRow.id)
        .join(link, link.evidence_id == item.id)
        .join(themes, themes.c.theme_id == subject_demand.unindexed(link))
        .where(in_window, *_near_churn(session, query)),
    ).subquery("citing")
    columns = rows.c
    return select(
        columns.subject_id,
        columns.account_id,
        func.min(columns.first_at).label("first_cited"),
        func.max(columns.in_window).label("before_churn"),
    ).group_by(columns.subject_id, columns.account_id)


@dataclass(frozen=True)
class Citations:
    """The citing pairs every money figure reads, each computed once per statement."""

    #: subject_id, account_id, first_cited, before_churn
    accounts: CTE
    #: subject_id, deal_id, first_cited: deals with no account, cited by their own notes
    deals: CTE
    #: ``_known_accounts``
    known: CTE


def citations(
    session: Session, query: DemandQuery, *, subjects_summarised: bool = False
) -> Citations:
    """(subject, account) pairs with the first citation and whether one fell in the churn
    window; (subject, deal) pairs for deals with no account, cited by their own notes.
    ``subjects_summarised``: problems or opportunities ``subject_demand.split`` gave to
    the theme summary."""
    if subjects_summarised:
        accounts = _subject_summary_accounts(session, query).cte("cited")
        held = _subject_summary_deals(query).cte("cited_deals")
        return Citations(accounts, held, _known_accounts(query, accounts))
    if summarised(session, query):
        accounts = _summary_accounts(session, query).cte("cited")
    else:
        accounts = _linked_accounts(session, query).cte("cited")
    # Every subject's links, filtered after the join: given the subjects' ids, SQLite would
    # start from their links and scan the deals for each; few deals have no account, so
    # start from those and reach their notes and links by primary keys.
    every = subject_links(replace(query, subject_ids=None), "note_links")
    deals = _note_deals(query, every)
    if query.subject_ids is not None:
        deals = deals.where(every.c.subject_id.in_(query.subject_ids))
    return Citations(accounts, deals.cte("cited_deals"), _known_accounts(query, accounts))


def _note_deals(query: DemandQuery, links: Any) -> Select[Any]:
    """(subject_id, deal_id, first_cited) of deals with no account whose own notes are
    among ``links`` (subject_id, evidence_id)."""
    item = EvidenceItemRow
    return (
        select(
            links.c.subject_id,
            DealRow.id.label("deal_id"),
            func.min(item.created_at).label("first_cited"),
        )
        .select_from(DealRow)
        .join(
            item,
            and_(
                # "+ ''": not the deals' source index either.
                item.source == DealRow.source + "",
                or_(*(item.external_id == n for n in _note_ids())),
            ),
        )
        .join(links, links.c.evidence_id == item.id)
        .where(DealRow.account_id.is_(None), item.created_at < query.cutoff)
        .group_by(links.c.subject_id, DealRow.id)
    )


def filed_money_sums(session: Session, query: DemandQuery, filed: Any) -> list[MoneySum]:
    """``money_sums`` of problems or opportunities counted from the links, read from
    ``filed`` (``storage.subject_filed``: every link's item read once) instead of the links."""
    return _money_sums(session, query, _filed_citations(session, query, filed))


def _filed_citations(session: Session, query: DemandQuery, filed: Any) -> Citations:
    in_window = _in_churn_window(session, query, filed.c.created_at)
    accounts = (
        select(
            filed.c.subject_id,
            filed.c.account_id,
            func.min(filed.c.created_at).label("first_cited"),
            func.max(case((in_window, 1), else_=0)).label("before_churn"),
        )
        .join(AccountRow, AccountRow.id == filed.c.account_id)
        .group_by(filed.c.subject_id, filed.c.account_id)
        .cte("cited")
    )
    deals = _note_deals(query, filed).cte("cited_deals")
    return Citations(accounts, deals, _known_accounts(query, accounts))


def _note_ids() -> list[ColumnElement[str]]:
    return [DealRow.external_id + f":{part}" for part in DEAL_NOTE_PARTS]


def _subject_summary_deals(query: DemandQuery) -> Select[Any]:
    """``citations``' deals for subjects through the summary: from the few deals with no
    account to their notes, then to the subjects that hold a note by hand or by a theme."""
    item, link = EvidenceItemRow, EvidenceThemeRow
    direct = subject_demand.subject_items(query).subquery("note_direct")
    themes = subject_demand.subject_themes(query).subquery("note_themes")
    notes = (
        select(DealRow.id.label("deal_id"), item.id.label("evidence_id"), item.created_at)
        .select_from(DealRow)
        .join(
            item,
            and_(
                item.source == DealRow.source + "",
                or_(*(item.external_id == n for n in _note_ids())),
            ),
        )
        .where(DealRow.account_id.is_(None), item.created_at < query.cutoff)
        .subquery("notes")
    )
    held = union_all(
        select(direct.c.subject_id, notes.c.deal_id, notes.c.created_at).join(
            direct, direct.c.evidence_id == notes.c.evidence_id
        ),
        select(themes.c.subject_id, notes.c.deal_id, notes.c.created_at)
        .select_from(notes)
        .join(link, link.evidence_id == notes.c.evidence_id)
        .join(themes, themes.c.theme_id == subject_demand.unindexed(link)),
    ).subquery("held")
    return select(
        held.c.subject_id,
        held.c.deal_id,
        func.min(held.c.created_at).label("first_cited"),
    ).group_by(held.c.subject_id, held.c.deal_id)


def figure_rows(
    session: Session, query: DemandQuery, figure: Figure, cited: Citations
) -> Select[Any]:
    """The records behind one money figure: subject_id, grp, id, currency, amount, label, on."""
    if figure in (Figure.PIPELINE, Figure.LOST):
        outcome = DealOutcome.OPEN if figure is Figure.PIPELINE else DealOutcome.LOST
        # A deal created (open) or lost after the as-of day was not known yet, as evidence.
        dated = DealRow.created_at if figure is Figure.PIPELINE else DealRow.closed_at
        groups = _groups(query, figure.value)

        # The deals of the outcome, narrow and read once, with their account's group: each
        # citing pair then meets its account's few deals without reading wide deal rows,
        # and a breakdown looks each deal's account up once, not once per citing theme.
        outcome_deals = select(
            DealRow.id,
            DealRow.account_id,
            DealRow.currency,
            DealRow.amount,
            DealRow.name,
            DealRow.closed_at,
            groups.grp,
        ).where(
            DealRow.outcome == outcome,
            counted_deal(),
            or_(dated.is_(None), dated < query.cutoff),
        )
        if query.by is not None:
            outcome_deals = outcome_deals.outerjoin(groups.source, groups.id == DealRow.account_id)
        of_outcome = outcome_deals.cte(f"{figure.value}_deals")

        def deals(source: CTE, *join_on: ColumnElement[bool]) -> Select[Any]:
            rows = (
                select(
                    source.c.subject_id,
                    of_outcome.c.grp,
                    of_outcome.c.id,
                    of_outcome.c.currency,
                    of_outcome.c.amount,
                    of_outcome.c.name.label("label"),
                    of_outcome.c.closed_at.label("on"),
                )
                .select_from(source)
                .join(of_outcome, and_(*join_on))
            )
            if figure is Figure.LOST:
                after_close = days_between(session, source.c.first_cited, of_outcome.c.closed_at)
                rows = rows.where(
                    or_(
                        of_outcome.c.closed_at.is_(None), after_close <= query.lost_after_close_days
                    )
                )
            return rows

        by_account = deals(cited.accounts, of_outcome.c.account_id == cited.accounts.c.account_id)
        by_notes = deals(cited.deals, of_outcome.c.id == cited.deals.c.deal_id)
        return union_all(by_account, by_notes).subquery("rows").select()
    known = cited.known
    rows = select(
        known.c.subject_id,
        known.c.grp,
        known.c.id,
        known.c.currency,
        known.c.arr.label("amount"),
        known.c.name.label("label"),
        (known.c.churned_at if figure is Figure.CHURNED else known.c.renewal_on).label("on"),
    )
    if figure is Figure.CHURNED:
        return rows.where(
            churned_by(query.cutoff, known.c.lifecycle, known.c.churned_at),
            known.c.before_churn == 1,
        )
    rows = rows.where(paying_on(query.cutoff, known.c.lifecycle, known.c.churned_at))
    if figure is Figure.ARR:
        return rows
    horizon = 90 if figure is Figure.RENEWALS_90 else 180
    return rows.where(
        known.c.renewal_on >= query.as_of,
        known.c.renewal_on <= query.as_of + timedelta(days=horizon),
    )


@dataclass(frozen=True)
class _Groups:
    """Where a breakdown reads an account's group: join ``source`` on ``id``, read ``grp``."""

    source: Any
    id: Any
    grp: ColumnElement[Any]


def _groups(query: DemandQuery, name: str) -> _Groups:
    """The accounts; or, for an attribute key, each account's value read once into a CTE
    ``<name>_groups``: reading the JSON once per citing pair and deal instead cost 0.9 s of
    1.7 at a million items."""
    if query.by is None or query.by.key is None:
        return _Groups(AccountRow, AccountRow.id, group_column(query, AccountRow))
    values = (
        select(AccountRow.id, group_column(query, AccountRow))
        .cte(f"{name}_groups")
        .prefix_with("MATERIALIZED")
    )
    return _Groups(values, values.c.id, values.c.grp)


def _known_accounts(query: DemandQuery, accounts: CTE) -> CTE:
    """Citing customers and churned accounts with what the account figures read, so each
    citing pair meets its account once for all four figures."""
    account = AccountRow
    groups = _groups(query, "known")
    known = (
        select(
            accounts.c.subject_id,
            accounts.c.before_churn,
            groups.grp,
            account.id,
            account.currency,
            account.arr,
            account.name,
            account.lifecycle,
            account.churned_at,
            account.renewal_on,
        )
        .join(account, account.id == accounts.c.account_id)
        .where(account.lifecycle.in_((AccountLifecycle.CUSTOMER, AccountLifecycle.CHURNED)))
    )
    if groups.source is not AccountRow:
        known = known.join(groups.source, groups.id == account.id)
    return known.cte("known_accounts")


def money_sums(session: Session, query: DemandQuery) -> list[MoneySum]:
    """Every money figure per subject, group and currency, in one statement (the citations
    are computed once and shared by every figure); problems and opportunities in two, the
    ones the theme summary answers and the rest."""
    found = []
    for part, cited in citation_parts(session, query):
        found += _money_sums(session, part, cited)
    return found


def citation_parts(session: Session, query: DemandQuery) -> list[tuple[DemandQuery, Citations]]:
    """The query with its citations; problems and opportunities cut in two, the subjects
    the theme summary answers and the rest (``subject_demand.split``), each with its own."""
    if query.kind is SubjectKind.THEME:
        return [(query, citations(session, query))]
    fast, slow = subject_demand.split(session, query)
    parts = []
    if fast is not None:
        parts.append((fast, citations(session, fast, subjects_summarised=True)))
    if slow is not None:
        parts.append((slow, citations(session, slow)))
    return parts


def _money_sums(session: Session, query: DemandQuery, cited: Citations) -> list[MoneySum]:
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
        for r in session.execute(_summed(session, query, cited, MONEY_FIGURES))
    ]


#: What ``storage.demand_kept`` keeps: every figure that does not depend on the ``as_of``
#: day, and the customers' ARR once more per renewal day (``RENEWALS`` rows), from which
#: either renewal window is summed for any day.
KEPT_FIGURES = (Figure.ARR, Figure.PIPELINE, Figure.LOST, Figure.CHURNED, Figure.RENEWALS_180)


def money_to_keep(session: Session, query: DemandQuery) -> list[CompoundSelect[Any]]:
    """``money_sums`` with the renewal figures as the customers' ARR per renewal day
    (``Figure.RENEWALS_180`` rows, each with its day), as statements of (figure,
    subject_id, grp, currency, day, amount, records, priced): what ``storage.demand_kept``
    inserts in the database, whatever day it is later read for."""
    return [
        _summed(session, part, cited, KEPT_FIGURES, renewals_by_day=True)
        for part, cited in citation_parts(session, query)
    ]


def filed_money_to_keep(session: Session, query: DemandQuery, filed: Any) -> CompoundSelect[Any]:
    """``money_to_keep`` of subjects counted from ``filed`` (``filed_money_sums``)."""
    cited = _filed_citations(session, query, filed)
    return _summed(session, query, cited, KEPT_FIGURES, renewals_by_day=True)


def _summed(
    session: Session,
    query: DemandQuery,
    cited: Citations,
    figures: tuple[Figure, ...],
    *,
    renewals_by_day: bool = False,
) -> CompoundSelect[Any]:
    """Each figure summed per subject, group and currency; with ``renewals_by_day``, the
    renewals figure is every customer with a renewal date (ARR's records), per day."""
    parts = []
    for figure in figures:
        by_day = renewals_by_day and figure in (Figure.RENEWALS_90, Figure.RENEWALS_180)
        source = figure_rows(session, query, Figure.ARR if by_day else figure, cited)
        if by_day:
            source = source.where(source.selected_columns.on.is_not(None))
        rows = source.subquery(figure.value)
        # PostgreSQL would read an untyped NULL as text, and the day of a union as text.
        day = rows.c.on if by_day else cast(null(), Date)
        grouped = (rows.c.subject_id, rows.c.grp, rows.c.currency, *((day,) if by_day else ()))
        parts.append(
            select(
                literal(figure.value).label("figure"),
                rows.c.subject_id,
                rows.c.grp,
                rows.c.currency,
                day.label("day"),
                func.sum(rows.c.amount).label("amount"),
                func.count().label("records"),
                func.count(rows.c.amount).label("priced"),
            ).group_by(*grouped)
        )
    return union_all(*parts)


def figure_members(session: Session, query: DemandQuery, figure: Figure) -> list[Member]:
    """The records behind one figure of the subjects in ``query.subject_ids``, in id order:
    evidence items (copies included), citing accounts, end users, or the deals and
    accounts behind a money figure."""
    if figure in MONEY_FIGURES:
        rows = figure_rows(session, query, figure, citations(session, query)).subquery("rows")
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
